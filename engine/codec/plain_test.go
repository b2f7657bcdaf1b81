package codec

import (
	"encoding/json"
	"testing"

	"go.starlark.net/starlark"
)

func TestPlainValuesRoundTrip(t *testing.T) {
	th := &starlark.Thread{}
	v, err := starlark.Eval(th, "x", `(None, True, 12345678901234567890, -3, 1.5, float("nan"), "text", (1, [2, 3.0]), {"a": (1,), 2: None})`, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := EncodePlain(v)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodePlain(json.RawMessage(b))
	if err != nil {
		t.Fatal(err)
	}
	if back.String() != v.String() || back.Type() != "tuple" {
		t.Errorf("round trip: %s, want %s", back, v)
	}
	if _, err := EncodePlain(starlark.NewBuiltin("f", nil)); err == nil {
		t.Error("a builtin function encoded as plain data")
	}
}

// A task's arguments name its inputs, which take their places when the
// task runs; without inputs, a reference is an error.
func TestInputsInArguments(t *testing.T) {
	args := starlark.Tuple{Input(1), starlark.NewList([]starlark.Value{Input(0)}), starlark.String("x")}
	b, err := EncodePlain(args)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeArgs(b, []starlark.Value{starlark.MakeInt(10), starlark.MakeInt(20)})
	if err != nil || got.String() != `(20, [10], "x")` {
		t.Errorf("DecodeArgs(%s) = %v, %v", b, got, err)
	}
	if _, err := DecodePlain(b); err == nil {
		t.Errorf("DecodePlain(%s) read input references", b)
	}
}
