package math

import "math"

// cbrt is glibc's cube root, which CPython calls: a polynomial guess
// and one rational correction. It is not correctly rounded (cbrt(27)
// is 3.0000000000000004), so Go's math.Cbrt would differ.
func cbrt(x float64) float64 {
	// Variables: C divides in double precision, where a Go constant
	// quotient would be exact before rounding.
	cbrt2, sqrCbrt2 := 1.2599210498948731648, 1.5874010519681994748
	factor := [5]float64{1 / sqrCbrt2, 1 / cbrt2, 1, cbrt2, sqrCbrt2}
	xm, xe := math.Frexp(math.Abs(x))
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x + x
	}
	// float64() keeps each product rounded, as C computes it (Go may
	// otherwise fuse a multiply and an add).
	u := 0.354895765043919860 + float64((1.50819193781584896+float64((-2.11499494167371287+float64((2.44693122563534430+float64((-1.83469277483613086+float64((0.784932344976639262-float64(0.145263899385486377*xm))*xm))*xm))*xm))*xm))*xm)
	t2 := float64(float64(u*u) * u)
	ym := float64(u*(t2+float64(2*xm))) / (float64(2*t2) + xm) * factor[2+xe%3]
	return math.Copysign(math.Ldexp(ym, xe/3), x)
}
