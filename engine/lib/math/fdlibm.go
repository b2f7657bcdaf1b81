package math

import (
	"math"

	"burst/engine/ml/rng"
)

// glibc computes these with fdlibm's formulas over its own exp, expm1,
// log and log1p (which are not correctly rounded, so correctly rounded
// results would differ more often). These follow the same formulas,
// over the same building blocks: expCR and rng.Log are glibc's results,
// and Go's Expm1 and Log1p are fdlibm's.

func highWord(x float64) uint32 { return uint32(math.Float64bits(x) >> 32) }

// sinh is fdlibm's __ieee754_sinh.
func sinh(x float64) float64 {
	ix := highWord(x) & 0x7fffffff
	if ix >= 0x7ff00000 {
		return x + x
	}
	h := math.Copysign(0.5, x)
	ax := math.Abs(x)
	switch {
	case ix < 0x3e300000: // |x| < 2**-28
		return x
	case ix < 0x40360000: // |x| < 22
		t := math.Expm1(ax)
		if ix < 0x3ff00000 {
			return h * (2*t - float64(t*t)/(t+1))
		}
		return h * (t + t/(t+1))
	case ix < 0x40862E42: // |x| < log(maxdouble)
		return h * expCR(ax)
	case ax <= 0x1.633ce8fb9f87dp+9: // the overflow threshold
		w := expCR(0.5 * ax)
		return float64(h*w) * w
	}
	return x * 1e307
}

// cosh is fdlibm's __ieee754_cosh.
func cosh(x float64) float64 {
	ix := highWord(x) & 0x7fffffff
	ax := math.Abs(x)
	switch {
	case ix >= 0x7ff00000:
		return x * x
	case ix < 0x3fd62e43: // |x| < ln2/2
		if ix < 0x3c800000 {
			return 1
		}
		t := math.Expm1(ax)
		w := 1 + t
		return 1 + float64(t*t)/(w+w)
	case ix < 0x40360000: // |x| < 22
		t := expCR(ax)
		return float64(0.5*t) + 0.5/t
	case ix < 0x40862E42:
		return 0.5 * expCR(ax)
	case ax <= 0x1.633ce8fb9f87dp+9:
		w := expCR(0.5 * ax)
		return float64(0.5*w) * w
	}
	return math.Inf(1)
}

// tanh is fdlibm's tanh.
func tanh(x float64) float64 {
	ix := highWord(x) & 0x7fffffff
	if ix >= 0x7ff00000 {
		if x > 0 {
			return 1
		} else if x < 0 {
			return -1
		}
		return x
	}
	var z float64
	switch {
	case x == 0:
		return x
	case ix < 0x3c800000: // |x| < 2**-55
		return float64(x * (1 + x))
	case ix >= 0x40360000: // |x| >= 22
		z = 1
	case ix >= 0x3ff00000: // |x| >= 1
		t := math.Expm1(2 * math.Abs(x))
		z = 1 - 2/(t+2)
	default:
		t := math.Expm1(-2 * math.Abs(x))
		z = -t / (t + 2)
	}
	return math.Copysign(z, x)
}

const ln2Lo = 6.93147180559945286227e-01

// asinh is fdlibm's asinh.
func asinh(x float64) float64 {
	ix := highWord(x) & 0x7fffffff
	ax := math.Abs(x)
	var w float64
	switch {
	case ix < 0x3e300000: // |x| < 2**-28
		return x
	case ix > 0x41b00000: // |x| > 2**28
		if ix >= 0x7ff00000 {
			return x + x
		}
		w = rng.Log(ax) + ln2Lo
	case ix > 0x40000000: // |x| > 2
		w = rng.Log(2*ax + 1/(math.Sqrt(float64(ax*ax)+1)+ax))
	default:
		t := float64(ax * ax)
		w = math.Log1p(ax + t/(1+math.Sqrt(1+t)))
	}
	return math.Copysign(w, x)
}

// acosh is fdlibm's __ieee754_acosh.
func acosh(x float64) float64 {
	hx := highWord(x)
	switch {
	case x < 1 || math.IsNaN(x):
		return math.NaN()
	case hx >= 0x41b00000: // x > 2**28
		if hx >= 0x7ff00000 {
			return x + x
		}
		return rng.Log(x) + ln2Lo
	case x == 1:
		return 0
	case hx > 0x40000000: // x > 2
		t := float64(x * x)
		return rng.Log(2*x - 1/(x+math.Sqrt(t-1)))
	}
	t := x - 1
	return math.Log1p(t + math.Sqrt(float64(2*t)+float64(t*t)))
}

// log10 is glibc's __ieee754_log10: the exponent's part in two pieces,
// and log(m)/ln(10).
func log10(x float64) float64 {
	const (
		ivln10   = 4.34294481903251816668e-01
		log2_10h = 3.01029995663611771306e-01
		log2_10l = 3.69423907715893078616e-13
	)
	if math.IsNaN(x) || math.IsInf(x, 1) || x <= 0 {
		return math.Log10(x)
	}
	bits := math.Float64bits(x)
	k := 0
	if bits>>52 == 0 { // subnormal
		x *= 0x1p54
		bits = math.Float64bits(x)
		k -= 54
	}
	hx := uint32(bits >> 32)
	k += int(hx>>20) - 1023
	i := 0
	if k < 0 {
		i = 1
	}
	hx = (hx & 0x000fffff) | uint32(0x3ff-i)<<20
	y := float64(k + i)
	x = math.Float64frombits(uint64(hx)<<32 | bits&0xffffffff)
	z := float64(y*log2_10l) + float64(ivln10*rng.Log(x))
	return z + float64(y*log2_10h)
}
