//go:build wasm

package rng

// Go's math.FMA has no instruction to use on wasm and emulates the fused
// operation with integer arithmetic, about 50ns a call; the double-only
// emulation is exact for this package's operands and several times faster.
func fma(x, y, z float64) float64 { return fmaEmulated(x, y, z) }

// fmaMinusOne is fma(x, y, -1) for x*y in [1/2, 2], exactly: with x*y =
// p + e split by twoProd, p-1 is exact (Sterbenz), so (p-1)+e rounds once.
func fmaMinusOne(x, y float64) float64 {
	p, e := twoProd(x, y)
	return (p - 1) + e
}

// slowFMA tells Log to try its unfused fast path first.
const slowFMA = true
