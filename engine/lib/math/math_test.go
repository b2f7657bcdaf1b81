package math

import "testing"

// CPython 3.11's math.cbrt on Debian (glibc), bit for bit.
func TestCbrtMatchesGlibc(t *testing.T) {
	for _, c := range []struct{ x, want float64 }{
		{27, 3.0000000000000004}, {-8, -2.0}, {2, 1.2599210498948734}, {3, 1.4422495703074083},
		{10, 2.1544346900318834}, {0.001, 0.1}, {1e300, 1e100}, {5e-324, 1.7031839360032601e-108},
		{123.456, 4.979327984674049}, {64, 4.0}, {1000, 10.0}, {0.125, 0.49999999999999994},
	} {
		if got := cbrt(c.x); got != c.want {
			t.Errorf("cbrt(%v) = %v, want %v", c.x, got, c.want)
		}
	}
}

// CPython's fsum examples (its test suite's), correctly rounded.
func TestFsum(t *testing.T) {
	for _, c := range []struct {
		xs   []float64
		want float64
	}{
		{[]float64{}, 0},
		{[]float64{1e308, -1e308, 1e-308}, 1e-308},
		{[]float64{1e16, 1., 1e-16}, 10000000000000002.0},
		{[]float64{1, 1e100, 1, -1e100}, 2},
		{[]float64{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, 1},
	} {
		if got, err := Fsum(c.xs); err != nil || got != c.want {
			t.Errorf("Fsum(%v) = %v, %v, want %v", c.xs, got, err, c.want)
		}
	}
}
