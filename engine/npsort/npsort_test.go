package npsort

import (
	"math"
	"testing"
)

// FloatKeys orders as numpy's less for doubles: a < b, or b NaN and a
// not; -0 equals 0 and NaNs equal each other.
func TestFloatKeys(t *testing.T) {
	nan := math.NaN()
	v := []float64{nan, math.Inf(1), 3.5, 5e-324, 0, math.Copysign(0, -1), -5e-324, -2, math.Inf(-1), -math.MaxFloat64, math.MaxFloat64}
	k := FloatKeys(v)
	for i, a := range v {
		for j, b := range v {
			want := a < b || (b != b && a == a)
			if got := k[i] < k[j]; got != want {
				t.Errorf("%v < %v: keys say %v, numpy %v", a, b, got, want)
			}
		}
	}
}
