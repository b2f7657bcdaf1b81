package rng

import (
	"math"
	"runtime"
	"testing"
)

// TestFMAEmulated checks the double-only FMA (used on wasm) against
// math.FMA, the hardware instruction where the test runs natively, over
// random operands and operands built to make the rounding hard: heavy
// cancellation, results near midpoints, and the shapes Log feeds it.
func TestFMAEmulated(t *testing.T) {
	r := New(12345)
	n := 3_000_000
	if testing.Short() || runtime.GOARCH == "wasm" {
		n = 300_000
	}
	rnd := func(lo, hi int) float64 {
		m := 1 + r.RandomSample()
		e := lo + int(r.RandomSample()*float64(hi-lo))
		v := math.Ldexp(m, e)
		if r.Uint32()&1 == 1 {
			v = -v
		}
		return v
	}
	bad := 0
	check := func(x, y, z float64) {
		want := math.FMA(x, y, z)
		if got := fmaEmulated(x, y, z); math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			bad++
			if bad <= 10 {
				t.Errorf("fmaEmulated(%x, %x, %x) = %x, FMA %x", x, y, z, got, want)
			}
		}
	}
	for i := 0; i < n; i++ {
		x, y := rnd(-200, 200), rnd(-200, 200)
		check(x, y, rnd(-420, 420))
		p := x * y
		check(x, y, -p)                                    // exact cancellation to the error term
		check(x, y, -math.Nextafter(p, math.Inf(1)))       // near cancellation
		check(x, y, math.Ldexp(p, int(r.Uint32()%120)-60)) // overlapping magnitudes
		_, e := twoProd(x, y)
		ulp := math.Abs(math.Nextafter(p, math.Inf(1)) - p)
		check(x, y, -e+ulp/2) // x*y + z lands on or near a midpoint
		check(x, y, ulp/2)
		// Log's shapes: small r against polynomial coefficients.
		rr := rnd(-70, -8)
		check(rr, logA[4], logA[3])
		check(float64(rr*rr), rr*float64(rr*rr), logA[1])
		check(1+r.RandomSample()*0.4, logTab[r.Uint32()%128].invc, -1)
	}
	// Small integers and plain values.
	for _, c := range [][3]float64{{0, 0, 0}, {1, 1, -1}, {3, 1.0 / 3, -1}, {-0.0, 1, 0}, {2, 3, 4}, {1e10, 1e10, -1e20}} {
		check(c[0], c[1], c[2])
	}
	if bad > 0 {
		t.Errorf("%d mismatches", bad)
	}
}

func BenchmarkFMAEmulated(b *testing.B) {
	x, y, z := 1.2345, 6.789, -8.3
	for b.Loop() {
		z = fmaEmulated(x, y, z)
	}
	_ = z
}

func BenchmarkMathFMA(b *testing.B) {
	x, y, z := 1.2345, 6.789, -8.3
	for b.Loop() {
		z = math.FMA(x, y, z)
	}
	_ = z
}
