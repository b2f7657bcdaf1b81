package svm

import "math"

// The sigmoid kernel is tanh, and its diagonal K(x,x) enters the solver in
// full double precision, so tanh must round as glibc's does. glibc's tanh is
// fdlibm's, built on its expm1 (glibc's variant of fdlibm's polynomial
// evaluation), which x86-64 glibc runs in an FMA build where GCC contracts
// every a*b±c whose product feeds only additions. Go's math.Tanh and
// math.Expm1 are different algorithms and differ in the last bit for about
// one argument in five.

const (
	expm1Threshold = 7.09782712893383973096e+02
	expm1Ln2Hi     = 6.93147180369123816490e-01 // 0x3fe62e42 fee00000
	expm1Ln2Lo     = 1.90821492927058770002e-10 // 0x3dea39ef 35793c76
	expm1InvLn2    = 1.44269504088896338700e+00
	expm1Q1        = -3.33333333333331316428e-02
	expm1Q2        = 1.58730158725481460165e-03
	expm1Q3        = -7.93650757867487942473e-05
	expm1Q4        = 4.00821782732936239552e-06
	expm1Q5        = -2.01099218183624371326e-07
)

func highWord(x float64) uint32 { return uint32(math.Float64bits(x) >> 32) }

func withHighWord(x float64, hi uint32) float64 {
	return math.Float64frombits(uint64(hi)<<32 | math.Float64bits(x)&0xffffffff)
}

// expm1 returns e**x - 1 rounded as glibc's expm1 (FMA build) does.
func expm1(x float64) float64 {
	hx := highWord(x)
	negative := hx&0x80000000 != 0
	hx &= 0x7fffffff

	// Huge and non-finite arguments.
	if hx >= 0x4043687a { // |x| >= 56·ln2
		if hx >= 0x40862e42 { // |x| >= 709.78...
			if hx >= 0x7ff00000 {
				switch {
				case math.IsNaN(x):
					return x + x
				case negative:
					return -1
				default:
					return x
				}
			}
			if x > expm1Threshold {
				return math.Inf(1)
			}
		}
		if negative {
			return -1 // tiny - 1
		}
	}

	// Argument reduction: x = k·ln2 + r, with c the rounding error of r.
	var c float64
	var k int32
	switch {
	case hx > 0x3fd62e42: // |x| > ln2/2
		var hi, lo float64
		if hx < 0x3ff0a2b2 { // and |x| < 1.5·ln2
			if negative {
				hi, lo, k = x+expm1Ln2Hi, -expm1Ln2Lo, -1
			} else {
				hi, lo, k = x-expm1Ln2Hi, expm1Ln2Lo, 1
			}
			x = hi - lo
			c = (hi - x) - lo
		} else {
			half := 0.5
			if negative {
				half = -0.5
			}
			k = int32(fma(expm1InvLn2, x, half))
			t := float64(k)
			hi = fma(-t, expm1Ln2Hi, x) // t·ln2_hi is exact
			// lo = t·ln2_lo feeds two subtractions; both are fused.
			x = fma(-t, expm1Ln2Lo, hi)
			c = fma(-t, expm1Ln2Lo, hi-x)
		}
	case hx < 0x3c900000: // |x| < 2^-54
		return x
	}

	// x is now in the primary range.
	hfx := 0.5 * x
	hxs := float64(x * hfx)
	r1 := fma(hxs, expm1Q1, 1)
	h2 := hxs * hxs
	r2 := fma(hxs, expm1Q3, expm1Q2)
	h4 := h2 * h2
	r3 := fma(hxs, expm1Q5, expm1Q4)
	r1 = fma(h4, r3, fma(h2, r2, r1))
	t := fma(-r1, hfx, 3.0)
	e := float64(hxs * ((r1 - t) / fma(-x, t, 6.0)))
	if k == 0 {
		return x - fma(x, e, -hxs) // c is 0
	}
	e = fma(x, e-c, -c)
	e -= hxs
	switch {
	case k == -1:
		return fma(0.5, x-e, -0.5)
	case k == 1:
		if x < -0.25 {
			return -2.0 * (e - (x + 0.5))
		}
		return fma(2.0, x-e, 1)
	case k <= -2 || k > 56: // exp(x)-1 ≈ exp(x)
		y := 1 - (e - x)
		if k == 1024 {
			y = y * 2.0 * 0x1p1023
		} else {
			y = withHighWord(y, highWord(y)+uint32(k)<<20)
		}
		return y - 1
	case k < 20:
		t := math.Float64frombits(uint64(0x3ff00000-(0x200000>>k)) << 32) // 1-2^-k
		y := t - (e - x)
		return withHighWord(y, highWord(y)+uint32(k)<<20)
	default:
		t := math.Float64frombits(uint64(0x3ff-k) << 52) // 2^-k
		y := x - (e + t)
		y += 1
		return withHighWord(y, highWord(y)+uint32(k)<<20)
	}
}

// tanh returns the hyperbolic tangent of x rounded as glibc's tanh does.
func tanh(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	ax := math.Abs(x)
	var z float64
	switch {
	case x == 0:
		return x
	case ax < 0x1p-55:
		return x * (1 + x)
	case ax >= 22:
		z = 1
	case ax >= 1:
		t := expm1(2 * ax)
		z = 1 - 2/(t+2)
	default:
		t := expm1(-2 * ax)
		z = -t / (t + 2)
	}
	if x < 0 {
		return -z
	}
	return z
}
