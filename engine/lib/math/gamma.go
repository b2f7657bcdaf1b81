package math

import (
	"math"

	"burst/engine/ml/rng"
)

// CPython's own gamma and lgamma (Lanczos' approximation, with its
// coefficients and special cases), so that results agree to the bit.

var lanczosNum = [13]float64{
	23531376880.410759688572007674451636754734846804940,
	42919803642.649098768957899047001988850926355848959,
	35711959237.355668049440185451547166705960488635843,
	17921034426.037209699919755754458931112671403265390,
	6039542586.3520280050642916443072979210699388420708,
	1439720407.3117216736632230727949123939715485786772,
	248874557.86205415651146038641322942321632125127801,
	31426415.585400194380614231628318205362874684987640,
	2876370.6289353724412254090516208496135991145378768,
	186056.26539522349504029498971604569928220784236328,
	8071.6720023658162106380029022722506138218516325024,
	210.82427775157934587250973392071336271166969580291,
	2.5066282746310002701649081771338373386264310793408,
}

var lanczosDen = [13]float64{
	0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
	13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
}

var gammaIntegral = [23]float64{
	1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
	3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
	1307674368000.0, 20922789888000.0, 355687428096000.0,
	6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
	51090942171709440000.0, 1124000727777607680000.0,
}

const (
	lanczosG          = 6.024680040776729583740234375
	lanczosGMinusHalf = 5.524680040776729583740234375
	logPi             = 1.144729885849400174143427351353058711647
)

func lanczosSum(x float64) float64 {
	num, den := 0.0, 0.0
	if x < 5 {
		for i := len(lanczosNum) - 1; i >= 0; i-- {
			num = float64(num*x) + lanczosNum[i]
			den = float64(den*x) + lanczosDen[i]
		}
	} else {
		for i := range lanczosNum {
			num = num/x + lanczosNum[i]
			den = den/x + lanczosDen[i]
		}
	}
	return num / den
}

func sinpi(x float64) float64 {
	y := math.Mod(math.Abs(x), 2)
	var r float64
	switch int(math.RoundToEven(2 * y)) {
	case 0:
		r = rng.Sin(math.Pi * y)
	case 1:
		r = rng.Cos(math.Pi * (y - 0.5))
	case 2:
		r = rng.Sin(math.Pi * (1 - y))
	case 3:
		r = -rng.Cos(math.Pi * (y - 1.5))
	default:
		r = rng.Sin(math.Pi * (y - 2))
	}
	return math.Copysign(1, x) * r
}

// gamma returns NaN for a domain error and an infinity for a range
// error, as fn1 expects.
func gamma(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 1) {
		return x
	}
	if math.IsInf(x, -1) || x == 0 {
		return math.NaN()
	}
	if x == math.Floor(x) {
		if x < 0 {
			return math.NaN()
		}
		if x <= float64(len(gammaIntegral)) {
			return gammaIntegral[int(x)-1]
		}
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		return 1 / x
	}
	if absx > 200 {
		if x < 0 {
			return 0 / sinpi(x)
		}
		return math.Inf(1)
	}
	y := absx + lanczosGMinusHalf
	var z float64
	if absx > lanczosGMinusHalf {
		q := y - absx
		z = q - lanczosGMinusHalf
	} else {
		q := y - lanczosGMinusHalf
		z = q - absx
	}
	z = z * lanczosG / y
	var r float64
	if x < 0 {
		r = -math.Pi / sinpi(absx) / absx * expCR(y) / lanczosSum(absx)
		r -= float64(z * r)
		if absx < 140 {
			r /= powCR(y, absx-0.5)
		} else {
			s := powCR(y, absx/2-0.25)
			r /= s
			r /= s
		}
	} else {
		r = lanczosSum(absx) / expCR(y)
		r += float64(z * r)
		if absx < 140 {
			r *= powCR(y, absx-0.5)
		} else {
			s := powCR(y, absx/2-0.25)
			r *= s
			r *= s
		}
	}
	return r
}

func lgamma(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	if math.IsInf(x, 0) {
		return math.Inf(1)
	}
	if x == math.Floor(x) && x <= 2 {
		if x <= 0 {
			return math.NaN() // CPython: a domain error
		}
		return 0
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		return -rng.Log(absx)
	}
	r := rng.Log(lanczosSum(absx)) - lanczosG
	r += float64((absx - 0.5) * (rng.Log(absx+lanczosG-0.5) - 1))
	if x < 0 {
		r = logPi - rng.Log(math.Abs(sinpi(absx))) - rng.Log(absx) - r
	}
	return r
}
