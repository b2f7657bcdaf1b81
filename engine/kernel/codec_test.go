package kernel

import (
	"math"
	"testing"

	"burst/engine/graph"
)

// Scalars travel between web workers as short text and come back the
// same, bit for bit.
func TestScalarCodec(t *testing.T) {
	nan := math.Float64frombits(0x7ff8000000000001)
	for _, v := range []graph.Value{nil, int64(0), int64(-1 << 63), int64(1<<63 - 1), 0.1, -0.0, math.Inf(-1), nan, 1e-310, true, false, "", "#i:1", "naïve\x00"} {
		b, err := EncodeValue(v)
		if err != nil {
			t.Fatalf("%#v: %v", v, err)
		}
		got, err := DecodeValue(b)
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
	if _, err := DecodeValue([]byte("#x:1")); err == nil {
		t.Error("an unknown scalar kind decoded")
	}
}
