package kernel

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/ndarray"
)

// pySum is Python's sum(iterable, /, start=0).
// lengthIn is a value whose length is computed, on the kernel's cluster
// (a lazy frame's rows): its Len is -1 until len() asks.
type lengthIn interface {
	LenIn(k *Kernel) (int, error)
}

// pyLen is len(x).
func pyLen(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		if x, ok := args[0].(lengthIn); ok {
			n, err := x.LenIn(kernelOf(th))
			if err != nil {
				return nil, err
			}
			return starlark.MakeInt(n), nil
		}
	}
	return starlark.Call(th, starlark.Universe["len"], args, kwargs)
}

func pySum(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var it starlark.Iterable
	var acc starlark.Value = starlark.MakeInt(0)
	if err := starlark.UnpackArgs("sum", args, kwargs, "iterable", &it, "start?", &acc); err != nil {
		return nil, err
	}
	if _, ok := acc.(starlark.String); ok {
		return nil, fmt.Errorf("TypeError: sum() can't sum strings [use ''.join(seq) instead]")
	}
	iter := it.Iterate()
	defer iter.Done()
	var x starlark.Value
	for iter.Next(&x) {
		r, err := starlark.Binary(syntax.PLUS, acc, x)
		if err != nil {
			return nil, fmt.Errorf("TypeError: unsupported operand type(s) for +: '%s' and '%s'", pyType(acc), pyType(x))
		}
		acc = r
	}
	return acc, nil
}

// pyAbs is Python's abs(x).
func pyAbs(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("abs", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case starlark.Int:
		if v.Sign() < 0 {
			return starlark.MakeBigInt(new(big.Int).Neg(v.BigInt())), nil
		}
		return v, nil
	case starlark.Float:
		return starlark.Float(math.Abs(float64(v))), nil
	case starlark.Bool:
		if v {
			return starlark.MakeInt(1), nil
		}
		return starlark.MakeInt(0), nil
	case *NDArray:
		r, err := ndarray.Unary(ndarray.Abs, v.a)
		if err != nil {
			return nil, err
		}
		return &NDArray{r}, nil
	}
	if h, ok := x.(starlark.HasAttrs); ok {
		if m, err := h.Attr("abs"); err == nil && m != nil {
			if c, ok := m.(starlark.Callable); ok {
				return starlark.Call(&starlark.Thread{}, c, nil, nil)
			}
		}
	}
	return nil, fmt.Errorf("TypeError: bad operand type for abs(): '%s'", pyType(x))
}

// pyRound is Python's round(number, ndigits=None): halves to even; an int
// without ndigits.
func pyRound(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, nd starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("round", args, kwargs, "number", &x, "ndigits?", &nd); err != nil {
		return nil, err
	}
	if i, ok := x.(starlark.Int); ok && nd == starlark.None {
		return i, nil
	}
	f, ok := starlark.AsFloat(x)
	if !ok {
		return nil, fmt.Errorf("TypeError: type %s doesn't define __round__ method", pyType(x))
	}
	if nd == starlark.None {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("ValueError: cannot convert float %s to integer", pyRepr(x))
		}
		return starlark.NumberToInt(starlark.Float(math.RoundToEven(f)))
	}
	n, err := starlark.AsInt32(nd)
	if err != nil {
		return nil, fmt.Errorf("TypeError: 'ndigits' must be an integer")
	}
	if _, ok := x.(starlark.Int); ok && n >= 0 {
		return x, nil
	}
	var r float64
	if n >= 0 {
		// The decimal expansion of the binary value, rounded half to
		// even, as Python's round does (round(2.675, 2) is 2.67).
		r, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'f', int(n), 64), 64)
	} else {
		p := math.Pow(10, float64(-n))
		r = math.RoundToEven(f/p) * p
	}
	if _, ok := x.(starlark.Int); ok {
		return starlark.NumberToInt(starlark.Float(r))
	}
	return starlark.Float(r), nil
}

// pyStrBuiltin is Python's str(x): Python reprs inside containers.
func pyStrBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return starlark.String(""), nil
	}
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("str", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	return starlark.String(pyStr(x)), nil
}

func pyReprBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("repr", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	return starlark.String(pyRepr(x)), nil
}

// pyPowBuiltin is pow(base, exp, mod=None).
func pyPowBuiltin(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var base, exp starlark.Value
	var mod starlark.Value = starlark.None
	if err := starlark.UnpackArgs("pow", args, kwargs, "base", &base, "exp", &exp, "mod?", &mod); err != nil {
		return nil, err
	}
	if mod == starlark.None {
		return pyPow(th, b, starlark.Tuple{base, exp}, nil)
	}
	bi, ok1 := base.(starlark.Int)
	ei, ok2 := exp.(starlark.Int)
	mi, ok3 := mod.(starlark.Int)
	if !ok1 || !ok2 || !ok3 {
		return nil, fmt.Errorf("TypeError: pow() 3rd argument not allowed unless all arguments are integers")
	}
	if mi.Sign() == 0 {
		return nil, fmt.Errorf("ValueError: pow() 3rd argument cannot be 0")
	}
	r := new(big.Int).Exp(bi.BigInt(), ei.BigInt(), mi.BigInt())
	if r.Sign() != 0 && mi.Sign() < 0 {
		r.Add(r, mi.BigInt())
	}
	return starlark.MakeBigInt(r), nil
}

// pyDivmod is divmod(a, b): (a // b, a % b).
func pyDivmod(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y starlark.Value
	if err := starlark.UnpackPositionalArgs("divmod", args, kwargs, 2, &x, &y); err != nil {
		return nil, err
	}
	q, err := starlark.Binary(syntax.SLASHSLASH, x, y)
	if err != nil {
		return nil, pyArithError(err, "divmod()", x, y)
	}
	r, err := starlark.Binary(syntax.PERCENT, x, y)
	if err != nil {
		return nil, pyArithError(err, "divmod()", x, y)
	}
	return starlark.Tuple{q, r}, nil
}

func pyArithError(err error, what string, x, y starlark.Value) error {
	if strings.Contains(err.Error(), "division by zero") || strings.Contains(err.Error(), "modulo by zero") {
		if _, ok := x.(starlark.Float); ok {
			return fmt.Errorf("ZeroDivisionError: float divmod()")
		}
		if _, ok := y.(starlark.Float); ok {
			return fmt.Errorf("ZeroDivisionError: float divmod()")
		}
		return fmt.Errorf("ZeroDivisionError: integer division or modulo by zero")
	}
	return fmt.Errorf("TypeError: unsupported operand type(s) for %s: '%s' and '%s'", what, pyType(x), pyType(y))
}

// pyTypeBuiltin is type(x): a class object printed <class 'int'>.
func pyTypeBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("type", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	name := pyType(x)
	switch x.(type) {
	case *DataFrame:
		name = "pandas.core.frame.DataFrame"
		if x.(*DataFrame).lazy != nil {
			name = "dask.dataframe.core.DataFrame"
		}
	case *Series:
		name = "pandas.core.series.Series"
		if x.(*Series).lazy != nil {
			name = "dask.dataframe.core.Series"
		}
	case starlark.Bool:
		name = "bool"
	case *starlark.Function, *starlark.Builtin:
		name = "function"
	case *Delayed:
		name = "dask.delayed.Delayed"
	case *Future:
		name = "distributed.client.Future"
	case *Client:
		name = "distributed.client.Client"
	case *LocalCluster:
		name = "distributed.deploy.local.LocalCluster"
	}
	return &TypeObject{name}, nil
}

// pyIsinstance is isinstance(obj, classinfo) for Python's builtin types
// (the builtins int, float, str, …), Burst's (pd.DataFrame, …), type()
// results, and tuples of them.
func pyIsinstance(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, classinfo starlark.Value
	if err := starlark.UnpackPositionalArgs("isinstance", args, kwargs, 2, &x, &classinfo); err != nil {
		return nil, err
	}
	var check func(c starlark.Value) (bool, error)
	check = func(c starlark.Value) (bool, error) {
		switch c := c.(type) {
		case starlark.Tuple:
			for _, e := range c {
				if ok, err := check(e); ok || err != nil {
					return ok, err
				}
			}
			return false, nil
		case *TypeObject:
			t, _ := pyTypeBuiltin(th, b, starlark.Tuple{x}, nil)
			return t.(*TypeObject).name == c.name, nil
		case *npType:
			return c.isInstance(x), nil
		case *starlark.Builtin:
			switch c.Name() {
			case "int":
				_, isInt := x.(starlark.Int)
				_, isBool := x.(starlark.Bool)
				return isInt || isBool, nil
			case "float", "str", "list", "dict", "tuple", "bool", "set":
				name := pyType(x)
				if _, ok := x.(starlark.Bool); ok {
					name = "bool"
				}
				return name == c.Name(), nil
			case "DataFrame":
				_, ok := x.(*DataFrame)
				return ok, nil
			case "Series":
				_, ok := x.(*Series)
				return ok, nil
			case "Timestamp":
				_, ok := x.(Timestamp)
				return ok, nil
			case "Delayed":
				_, ok := x.(*Delayed)
				return ok, nil
			case "Future":
				_, ok := x.(*Future)
				return ok, nil
			}
		}
		return false, fmt.Errorf("TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union")
	}
	ok, err := check(classinfo)
	return starlark.Bool(ok), err
}

// pyIter and pyNext are iter(x) and next(it[, default]).
type iterValue struct {
	it   starlark.Iterator
	desc string
}

func (i *iterValue) String() string        { return fmt.Sprintf("<%s_iterator object>", i.desc) }
func (i *iterValue) Type() string          { return i.desc + "_iterator" }
func (i *iterValue) Freeze()               {}
func (i *iterValue) Truth() starlark.Bool  { return true }
func (i *iterValue) Hash() (uint32, error) { return 0, fmt.Errorf("TypeError: unhashable type") }
func (i *iterValue) Iterate() starlark.Iterator {
	return &iterOnce{i}
}

type iterOnce struct{ v *iterValue }

func (o *iterOnce) Next(p *starlark.Value) bool { return o.v.it.Next(p) }
func (o *iterOnce) Done()                       {}

func pyIter(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("iter", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if it, ok := x.(*iterValue); ok {
		return it, nil
	}
	itb, ok := x.(starlark.Iterable)
	if !ok {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", pyType(x))
	}
	// Iterate a frozen copy of the items: a list may change meanwhile.
	var items []starlark.Value
	it := itb.Iterate()
	var v starlark.Value
	for it.Next(&v) {
		items = append(items, v)
	}
	it.Done()
	return &iterValue{it: &sliceIter{items: items}, desc: pyType(x)}, nil
}

type sliceIter struct {
	items []starlark.Value
	i     int
}

func (s *sliceIter) Next(p *starlark.Value) bool {
	if s.i >= len(s.items) {
		return false
	}
	*p = s.items[s.i]
	s.i++
	return true
}
func (s *sliceIter) Done() {}

func pyNext(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 1 || len(args) > 2 || len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: next expected 1 or 2 arguments, got %d", len(args))
	}
	it, ok := args[0].(*iterValue)
	if !ok {
		return nil, fmt.Errorf("TypeError: '%s' object is not an iterator", pyType(args[0]))
	}
	var v starlark.Value
	if it.it.Next(&v) {
		return v, nil
	}
	if len(args) == 2 {
		return args[1], nil
	}
	return nil, fmt.Errorf("StopIteration")
}

func pyInput(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return nil, fmt.Errorf("StdinNotImplementedError: input() is not available in Burst cells: set the value in the code instead")
}

// stringIterating wraps a Starlark builtin that takes iterables so that
// strings iterate over their characters, as in Python (Starlark strings
// are not iterable); min and max also take default=.
func stringIterating(name string) *starlark.Builtin {
	orig := starlark.Universe[name].(*starlark.Builtin)
	return starlark.NewBuiltin(name, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		minmax := name == "min" || name == "max"
		conv := make(starlark.Tuple, len(args))
		for i, a := range args {
			conv[i] = a
			if s, ok := a.(starlark.String); ok && (!minmax || len(args) == 1) {
				conv[i] = chars(s)
			}
		}
		var rest []starlark.Tuple
		var def starlark.Value
		for _, kv := range kwargs {
			if minmax && string(kv[0].(starlark.String)) == "default" {
				def = kv[1]
				continue
			}
			rest = append(rest, kv)
		}
		if def != nil && len(conv) == 1 {
			if s, ok := conv[0].(starlark.Sequence); ok && s.Len() == 0 {
				return def, nil
			}
		}
		r, err := starlark.Call(th, orig, conv, rest)
		if err != nil {
			if minmax && strings.Contains(err.Error(), "empty") {
				return nil, fmt.Errorf("ValueError: %s() arg is an empty sequence", name)
			}
			return nil, err
		}
		return r, nil
	})
}

func chars(s starlark.String) *starlark.List {
	var out []starlark.Value
	for _, r := range string(s) {
		out = append(out, starlark.String(string(r)))
	}
	return starlark.NewList(out)
}
