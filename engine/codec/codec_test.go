package codec

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"go.starlark.net/starlark"

	"burst/engine/graph"
)

// Scalars travel between web workers as short text and come back the
// same, bit for bit.
func TestScalarCodec(t *testing.T) {
	nan := math.Float64frombits(0x7ff8000000000001)
	for _, v := range []graph.Value{nil, int64(0), int64(-1 << 63), int64(1<<63 - 1), 0.1, -0.0, math.Inf(-1), nan, 1e-310, true, false, "", "#i:1", "naïve\x00"} {
		b, err := Encode(v)
		if err != nil {
			t.Fatalf("%#v: %v", v, err)
		}
		got, err := Decode(b)
		if err != nil {
			t.Fatalf("%#v: %v", v, err)
		}
		same := got == v
		if f, ok := v.(float64); ok {
			g, ok := got.(float64)
			same = ok && math.Float64bits(f) == math.Float64bits(g)
		}
		if !same {
			t.Errorf("%#v came back as %#v (%q)", v, got, b)
		}
	}
	if _, err := Decode([]byte("#x:1")); err == nil {
		t.Error("an unknown scalar kind decoded")
	}
}

// point is a value type of another package, which registers its codec.
type point struct{ x, y int }

func (p *point) String() string        { return fmt.Sprintf("point(%d, %d)", p.x, p.y) }
func (p *point) Type() string          { return "point" }
func (p *point) Freeze()               {}
func (p *point) Truth() starlark.Bool  { return true }
func (p *point) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable") }

func init() {
	Register(Codec{
		Name:  "point",
		Magic: "PT",
		Encode: func(v graph.Value) ([]byte, bool, error) {
			p, ok := v.(*point)
			if !ok {
				return nil, false, nil
			}
			return fmt.Appendf(nil, "PT%d,%d", p.x, p.y), true, nil
		},
		Decode: func(b []byte) (graph.Value, error) {
			p := &point{}
			_, err := fmt.Sscanf(string(b), "PT%d,%d", &p.x, &p.y)
			return p, err
		},
	})
	RegisterPlain(PlainType{
		Tag: "point",
		Encode: func(v starlark.Value, _ func(starlark.Value) (any, error)) (any, bool, error) {
			p, ok := v.(*point)
			if !ok {
				return nil, false, nil
			}
			return []int{p.x, p.y}, true, nil
		},
		Decode: func(raw json.RawMessage, _ func(json.RawMessage) (starlark.Value, error)) (starlark.Value, error) {
			var xy [2]int
			err := json.Unmarshal(raw, &xy)
			return &point{xy[0], xy[1]}, err
		},
	})
}

// A registered type travels by its codec, alone and inside plain data.
func TestRegisteredCodec(t *testing.T) {
	b, err := Encode(&point{1, -2})
	if err != nil || string(b) != "PT1,-2" {
		t.Fatalf("Encode(point) = %q, %v", b, err)
	}
	v, err := Decode(b)
	if p, ok := v.(*point); err != nil || !ok || *p != (point{1, -2}) {
		t.Errorf("Decode(%q) = %v, %v", b, v, err)
	}
	list := starlark.NewList([]starlark.Value{&point{3, 4}, starlark.MakeInt(5)})
	b, err = Encode(list)
	if err != nil {
		t.Fatal(err)
	}
	v, err = Decode(b)
	if err != nil || v.(starlark.Value).String() != "[point(3, 4), 5]" {
		t.Errorf("list of points came back as %v, %v (%s)", v, err, b)
	}
	if err := v.(*starlark.List).Append(starlark.None); err == nil {
		t.Error("decoded plain data is not frozen")
	}
}

// Built-in encodings and registered ones may not be confused.
func TestRegisterRefusesOverlaps(t *testing.T) {
	for _, magic := range []string{"", "#x", "{", "\xff", "P", "PTX"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Register with magic %q did not panic", magic)
				}
			}()
			saved := codecs
			defer func() { codecs = saved }()
			Register(Codec{Name: "bad", Magic: magic})
		}()
	}
	for _, tag := range []string{"list", "point"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("RegisterPlain(%q) did not panic", tag)
				}
			}()
			saved := plainTypes
			defer func() { plainTypes = saved }()
			RegisterPlain(PlainType{Tag: tag})
		}()
	}
}

// A value that is not data cannot travel, and says which it is.
func TestEncodeRefuses(t *testing.T) {
	_, err := Encode(starlark.NewBuiltin("f", nil))
	if err == nil || err.Error() != "TypeError: a builtin_function_or_method cannot travel between workers" {
		t.Errorf("Encode(builtin) error: %v", err)
	}
}
