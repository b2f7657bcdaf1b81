package codec

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"

	"go.starlark.net/starlark"
)

// A PlainType carries the values of a type another package defines (a
// numpy array, an estimator) inside plain data, as the JSON object
// {Tag: x}.
type PlainType struct {
	// Tag names the type in the JSON; not one of the built-in tags.
	Tag string
	// Encode returns v's JSON value x (for encoding/json), or reports
	// false for a value of another type; enc encodes the values v holds.
	Encode func(v starlark.Value, enc func(starlark.Value) (any, error)) (x any, ok bool, err error)
	// Decode reads what Encode wrote; dec decodes the values it holds.
	Decode func(x json.RawMessage, dec func(json.RawMessage) (starlark.Value, error)) (starlark.Value, error)
}

// plainTypes are the registered plain types: like codecs, filled by init
// functions only and never changed after.
var plainTypes []PlainType

var builtinTags = map[string]bool{"none": true, "dep": true, "bool": true, "int": true, "float": true, "str": true, "list": true, "tuple": true, "dict": true}

// RegisterPlain makes t's values plain data in this process. Packages
// that define value types register them in init.
func RegisterPlain(t PlainType) {
	if builtinTags[t.Tag] {
		panic("codec: built-in plain tag registered: " + t.Tag)
	}
	for _, o := range plainTypes {
		if o.Tag == t.Tag {
			panic("codec: plain tag registered twice: " + t.Tag)
		}
	}
	plainTypes = append(plainTypes, t)
}

// An Input stands for a task's input in the arguments a task carries (a
// delayed call's): EncodePlain writes it as a reference, and DecodeArgs
// puts the input in its place.
type Input int

func (r Input) String() string        { return fmt.Sprintf("<input %d>", int(r)) }
func (r Input) Type() string          { return "input" }
func (r Input) Freeze()               {}
func (r Input) Truth() starlark.Bool  { return true }
func (r Input) Hash() (uint32, error) { return uint32(r), nil }

// EncodePlain writes plain data (None, bools, numbers, strings, the
// registered plain types, Inputs, and lists, tuples and dicts of them) as
// JSON that keeps its Python types.
func EncodePlain(v starlark.Value) (json.RawMessage, error) {
	var enc func(v starlark.Value) (any, error)
	enc = func(v starlark.Value) (any, error) {
		switch v := v.(type) {
		case starlark.NoneType:
			return map[string]any{"none": true}, nil
		case Input:
			return map[string]any{"dep": int(v)}, nil
		case starlark.Bool:
			return map[string]any{"bool": bool(v)}, nil
		case starlark.Int:
			return map[string]any{"int": v.String()}, nil
		case starlark.Float:
			f := float64(v)
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return map[string]any{"float": fmt.Sprint(f)}, nil
			}
			return map[string]any{"float": f}, nil
		case starlark.String:
			return map[string]any{"str": string(v)}, nil
		case *starlark.List, starlark.Tuple:
			var items []any
			it := starlark.Iterate(v)
			defer it.Done()
			var x starlark.Value
			for it.Next(&x) {
				e, err := enc(x)
				if err != nil {
					return nil, err
				}
				items = append(items, e)
			}
			if _, ok := v.(starlark.Tuple); ok {
				return map[string]any{"tuple": items}, nil
			}
			return map[string]any{"list": items}, nil
		case *starlark.Dict:
			var items [][2]any
			for _, kv := range v.Items() {
				a, err := enc(kv[0])
				if err != nil {
					return nil, err
				}
				b, err := enc(kv[1])
				if err != nil {
					return nil, err
				}
				items = append(items, [2]any{a, b})
			}
			return map[string]any{"dict": items}, nil
		}
		for _, t := range plainTypes {
			if x, ok, err := t.Encode(v, enc); err != nil {
				return nil, err
			} else if ok {
				return map[string]any{t.Tag: x}, nil
			}
		}
		return nil, fmt.Errorf("%s is not plain data", v.Type())
	}
	x, err := enc(v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(x)
}

// DecodePlain reads what EncodePlain wrote (without Inputs).
func DecodePlain(b json.RawMessage) (starlark.Value, error) { return DecodeArgs(b, nil) }

// DecodeArgs reads what EncodePlain wrote of a task's arguments, with
// each Input i replaced by inputs[i].
func DecodeArgs(b json.RawMessage, inputs []starlark.Value) (starlark.Value, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	dec := func(b json.RawMessage) (starlark.Value, error) { return DecodeArgs(b, inputs) }
	for tag, raw := range m {
		switch tag {
		case "none":
			return starlark.None, nil
		case "dep":
			var i int
			if err := json.Unmarshal(raw, &i); err != nil || i < 0 || i >= len(inputs) {
				return nil, fmt.Errorf("bad input reference %s", raw)
			}
			return inputs[i], nil
		case "bool":
			var x bool
			err := json.Unmarshal(raw, &x)
			return starlark.Bool(x), err
		case "int":
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return nil, err
			}
			n, ok := new(big.Int).SetString(s, 10)
			if !ok {
				return nil, fmt.Errorf("bad int %q", s)
			}
			return starlark.MakeBigInt(n), nil
		case "float":
			var x any
			if err := json.Unmarshal(raw, &x); err != nil {
				return nil, err
			}
			switch x := x.(type) {
			case float64:
				return starlark.Float(x), nil
			case string:
				var f float64
				fmt.Sscan(x, &f)
				if x == "NaN" {
					f = math.NaN()
				}
				return starlark.Float(f), nil
			}
		case "str":
			var s string
			err := json.Unmarshal(raw, &s)
			return starlark.String(s), err
		case "list", "tuple":
			var items []json.RawMessage
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, err
			}
			vs := make([]starlark.Value, len(items))
			for i, it := range items {
				v, err := dec(it)
				if err != nil {
					return nil, err
				}
				vs[i] = v
			}
			if tag == "tuple" {
				return starlark.Tuple(vs), nil
			}
			return starlark.NewList(vs), nil
		case "dict":
			var items [][2]json.RawMessage
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, err
			}
			d := starlark.NewDict(len(items))
			for _, it := range items {
				a, err := dec(it[0])
				if err != nil {
					return nil, err
				}
				b, err := dec(it[1])
				if err != nil {
					return nil, err
				}
				if err := d.SetKey(a, b); err != nil {
					return nil, err
				}
			}
			return d, nil
		default:
			for _, t := range plainTypes {
				if t.Tag == tag {
					return t.Decode(raw, dec)
				}
			}
		}
	}
	return nil, fmt.Errorf("bad plain value %s", b)
}
