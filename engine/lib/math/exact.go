package math

import (
	"math"
	"math/big"

	"burst/engine/ml/rng"
)

// CPython calls glibc's libm, whose exp, pow, tan, atan… are correctly
// rounded in all but rare cases; Go's math package is not (about a
// third of its results differ in the last bit). These functions compute
// with 160-bit big.Floats and round once, so that results agree with
// CPython's.

const prec = 160

var (
	bigLn2 = mustParse("0.693147180559945309417232121458176568075500134360255254120680009493393621969694715605863326996418687542")
	bigPi  = mustParse("3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798")
)

func mustParse(s string) *big.Float {
	f, _, err := big.ParseFloat(s, 10, 2*prec, big.ToNearestEven)
	if err != nil {
		panic(err)
	}
	return f
}

func newF() *big.Float { return new(big.Float).SetPrec(prec) }

func bf(x float64) *big.Float { return newF().SetFloat64(x) }

func f64(x *big.Float) float64 {
	f, _ := x.Float64()
	return f
}

// invFact[i] is 1/i!, and invOdd[i] is 1/(2i+1): the coefficients of
// the series below, computed once (they are constants).
var invFact, invOdd = func() (f, o [32]*big.Float) {
	acc := bf(1)
	for i := range f {
		if i > 0 {
			acc.Mul(acc, bf(float64(i)))
		}
		f[i] = newF().Quo(bf(1), acc)
		o[i] = newF().Quo(bf(1), bf(float64(2*i+1)))
	}
	return
}()

// expBig is e**x, for |x| below a few thousand.
func expBig(x *big.Float) *big.Float {
	// x = k*ln2 + r, |r| <= ln2/2; e**r from 14 terms of the series of
	// r/2**9 (below 2**-160 after), squared 9 times.
	xf, _ := x.Float64()
	k := math.RoundToEven(xf * (1 / math.Ln2))
	r := newF().Mul(bigLn2, bf(k))
	r.Sub(x, r)
	const halvings = 9
	r.SetMantExp(r, -halvings)
	sum := newF().Set(invFact[14])
	for i := 13; i >= 0; i-- {
		sum.Mul(sum, r)
		sum.Add(sum, invFact[i])
	}
	for range halvings {
		sum.Mul(sum, sum)
	}
	return sum.SetMantExp(sum, int(k))
}

// logBig is the natural logarithm of x > 0, by Halley's iteration on
// exp from the float64 estimate (each step triples the correct bits).
func logBig(x *big.Float) *big.Float {
	mant := newF()
	e := x.MantExp(mant) // x = mant * 2**e, mant in [0.5, 1)
	m, _ := mant.Float64()
	// glibc's log is correct to 53 bits: one step gives 159.
	y := bf(rng.Log(m))
	ey := expBig(y)
	num := newF().Sub(mant, ey)
	den := newF().Add(mant, ey)
	y.Add(y, num.Quo(num.SetMantExp(num, 1), den))
	return y.Add(y, newF().Mul(bigLn2, bf(float64(e))))
}

// expCR is e**x, correctly rounded.
func expCR(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case math.IsInf(x, -1):
		return 0
	case x > 710:
		return math.Inf(1)
	case x < -746:
		return 0
	case x == 0:
		return 1
	}
	if r, ok := expFast(x); ok {
		return r
	}
	return f64(expBig(bf(x)))
}

func exp2CR(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case math.IsInf(x, -1):
		return 0
	case x > 1025:
		return math.Inf(1)
	case x < -1080:
		return 0
	case x == math.Trunc(x):
		return math.Ldexp(1, int(x))
	}
	if r, ok := exp2Fast(x); ok {
		return r
	}
	return f64(expBig(newF().Mul(bf(x), bigLn2)))
}

// logBaseCR is log(x)/log(base), correctly rounded (for base 2).
func logBaseCR(x float64, base float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 1) || x <= 0 {
		return math.Log(x) // NaN, +Inf, -Inf: the caller raised for those
	}
	if x == 1 {
		return 0
	}
	if base == 2 {
		if frac, e := math.Frexp(x); frac == 0.5 {
			return float64(e - 1)
		}
	}
	if base == 2 {
		if r, ok := log2Fast(x); ok {
			return r
		}
	}
	l := logBig(bf(x))
	return f64(l.Quo(l, logBig(bf(base))))
}

// powCR is math.pow for finite x > 0 or integral y, correctly rounded;
// special cases are Go's (which follow C99's, as glibc's).
func powCR(x, y float64) float64 {
	if x == 0 || y == 0 || x == 1 || math.IsInf(x, 0) || math.IsInf(y, 0) || math.IsNaN(x) || math.IsNaN(y) {
		return math.Pow(x, y)
	}
	neg := false
	if x < 0 {
		if y != math.Trunc(y) {
			return math.NaN()
		}
		x = -x
		neg = math.Mod(y, 2) != 0
	}
	var r float64
	if y == math.Trunc(y) && math.Abs(y) <= 64 {
		// x**n exactly (53*n bits), then one rounding: a result exactly
		// between two floats rounds as C's does.
		n := int(math.Abs(y))
		p := new(big.Float).SetPrec(uint(53*n + 64)).SetFloat64(1)
		b := new(big.Float).SetPrec(uint(53*n + 64)).SetFloat64(x)
		for ; n > 0; n >>= 1 {
			if n&1 == 1 {
				p.Mul(p, b)
			}
			b.Mul(b, b)
		}
		if y < 0 {
			p = newF().Quo(bf(1), p)
		}
		r = f64(p)
	} else if f, ok := powFast(x, y); ok {
		r = f
	} else {
		l := logBig(bf(x))
		t := l.Mul(l, bf(y))
		tf, _ := t.Float64()
		switch {
		case tf > 710:
			r = math.Inf(1)
		case tf < -746:
			r = 0
		default:
			r = f64(expBig(t))
		}
	}
	if neg {
		r = -r
	}
	return r
}

// atanBig is the arc tangent of x, by three argument halvings
// (atan x = 2 atan(x / (1 + sqrt(1 + x²)))) and the series.
func atanBig(x *big.Float) *big.Float {
	t := newF().Set(x)
	one := bf(1)
	invert := false
	if newF().Abs(t).Cmp(one) > 0 {
		invert = true
		t.Quo(one, t)
	}
	const halvings = 3
	for range halvings {
		s := newF().Mul(t, t)
		s.Add(s, one)
		s.Sqrt(s)
		s.Add(s, one)
		t.Quo(t, s)
	}
	// |t| < tan(pi/32) < 0.1: 24 terms of t - t³/3 + t⁵/5 - … reach
	// 2**-160.
	t2 := newF().Mul(t, t)
	t2.Neg(t2)
	sum := newF().Set(invOdd[24])
	for i := 23; i >= 0; i-- {
		sum.Mul(sum, t2)
		sum.Add(sum, invOdd[i])
	}
	sum.Mul(sum, t)
	sum.SetMantExp(sum, halvings)
	if invert {
		half := newF().SetMantExp(bigPi, -1)
		if x.Sign() < 0 {
			half.Neg(half)
		}
		sum.Sub(half, sum)
	}
	return sum
}

func atanCR(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) < 0x1p-27 {
		return math.Atan(x)
	}
	if r, ok := atanFast(x); ok {
		return r
	}
	return f64(atanBig(bf(x)))
}

func asinCR(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.Abs(x) > 1:
		return math.NaN()
	case x == 0 || math.Abs(x) < 0x1p-26:
		return x
	case math.Abs(x) == 1:
		return math.Copysign(f64(newF().SetMantExp(bigPi, -1)), x)
	}
	if r, ok := asinFast(x); ok {
		return r
	}
	// asin x = atan(x / sqrt((1 - x)(1 + x))), exact below the root.
	bx := bf(x)
	d := newF().Mul(newF().Sub(bf(1), bx), newF().Add(bf(1), bx))
	d.Sqrt(d)
	return f64(atanBig(d.Quo(bx, d)))
}

func acosCR(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.Abs(x) > 1:
		return math.NaN()
	case x == 1:
		return 0
	case x == -1:
		return f64(bigPi)
	}
	if r, ok := acosFast(x); ok {
		return r
	}
	// acos x = 2 atan(sqrt((1 - x) / (1 + x))).
	bx := bf(x)
	q := newF().Quo(newF().Sub(bf(1), bx), newF().Add(bf(1), bx))
	a := atanBig(q.Sqrt(q))
	return f64(a.SetMantExp(a, 1))
}

func atan2CR(y, x float64) float64 {
	if y == 0 || x == 0 || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Atan2(y, x)
	}
	if r, ok := atan2Fast(y, x); ok {
		return r
	}
	a := atanBig(newF().Quo(bf(y), bf(x)))
	if x < 0 {
		if y >= 0 {
			a.Add(a, bigPi)
		} else {
			a.Sub(a, bigPi)
		}
	}
	return f64(a)
}

// sinCosBig returns sin and cos of x, |x| < 2**50, after reducing x by
// multiples of pi/2.
func sinCosBig(x float64) (*big.Float, *big.Float) {
	halfPi := newF().SetPrec(2*prec).SetMantExp(bigPi, -1)
	k := math.RoundToEven(x / (math.Pi / 2))
	r := newF().SetPrec(2*prec).Sub(bf(x), newF().SetPrec(2*prec).Mul(halfPi, bf(k)))
	r2 := newF().Mul(r, r)
	s, c := newF().Set(r), bf(1)
	ts, tc := newF().Set(r), bf(1)
	eps := new(big.Float).SetMantExp(big.NewFloat(1), -prec-4)
	for i := 1; i < 100; i++ {
		ts.Mul(ts, r2)
		ts.Quo(ts, bf(float64((2*i)*(2*i+1))))
		ts.Neg(ts)
		s.Add(s, ts)
		tc.Mul(tc, r2)
		tc.Quo(tc, bf(float64((2*i-1)*(2*i))))
		tc.Neg(tc)
		c.Add(c, tc)
		if newF().Abs(ts).Cmp(eps) < 0 && newF().Abs(tc).Cmp(eps) < 0 {
			break
		}
	}
	switch int64(k) & 3 {
	case 1:
		s, c = c, s.Neg(s)
	case 2:
		s.Neg(s)
		c.Neg(c)
	case 3:
		s, c = c.Neg(c), s
	}
	return s, c
}

func tanCR(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 0x1p50 || math.Abs(x) < 0x1p-27 {
		return math.Tan(x)
	}
	if r, ok := tanFast(x); ok {
		return r
	}
	s, c := sinCosBig(x)
	return f64(s.Quo(s, c))
}

// Exp is e**x as CPython's math.exp gives it (correctly rounded), for
// the modules that compute with it (statistics' geometric_mean).
func Exp(x float64) float64 { return expCR(x) }
