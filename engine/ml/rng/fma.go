package rng

import "math"

// FMA returns x*y + z rounded once, as the reference machine's fused
// multiply-add instruction does. On wasm, where Go's math.FMA falls back to a
// slow integer implementation, it is fmaEmulated (fma_wasm.go), several times
// faster; elsewhere it is math.FMA, a hardware instruction on amd64 with FMA,
// arm64, ppc64 and s390x.
func FMA(x, y, z float64) float64 { return fma(x, y, z) }

// fmaEmulated computes fma(x, y, z) exactly with double arithmetic alone:
// Boldo and Melquiond's emulation ("Emulation of FMA and correctly rounded
// sums: proved algorithms using rounding to odd", IEEE Trans. Computers,
// 2008). x*y is split exactly into uh+ul (Dekker), z+uh exactly into th+tl,
// tl+ul is rounded to odd, and th plus that rounds correctly. It assumes no
// overflow and no underflow in the product's error term, which holds for
// every use in this module (logarithm polynomials and products of values of
// moderate size); TestFMAEmulated checks it against the hardware.
//
// Every product is converted explicitly so that no Go compiler fuses it
// back into an FMA.
func fmaEmulated(x, y, z float64) float64 {
	uh, ul := twoProd(x, y)
	th, tl := twoSum(z, uh)
	v, e := twoSum(tl, ul)
	if e != 0 {
		// Round to odd: if v's last bit is even, the exact sum lies
		// between v and its neighbour towards e, whose last bit is odd.
		if b := math.Float64bits(v); b&1 == 0 {
			if (e > 0) == (v > 0) {
				b++
			} else {
				b--
			}
			v = math.Float64frombits(b)
		}
	}
	return th + v
}

// twoProd returns p = RN(a*b) and e with p + e = a*b exactly (Dekker).
func twoProd(a, b float64) (p, e float64) {
	p = float64(a * b)
	ah, al := split(a)
	bh, bl := split(b)
	e = float64(float64(float64(float64(ah*bh)-p)+float64(ah*bl))+float64(al*bh)) + float64(al*bl)
	return p, e
}

// split cuts a into hi + lo, each fitting in 26 bits (Veltkamp).
func split(a float64) (hi, lo float64) {
	const c = 1<<27 + 1
	t := float64(c * a)
	hi = t - (t - a)
	return hi, a - hi
}

// twoSum returns s = RN(a+b) and e with s + e = a+b exactly (Knuth).
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	return s, (a - (s - bb)) + (b - bb)
}
