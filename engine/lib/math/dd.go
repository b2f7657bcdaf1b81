package math

import (
	"math"
	"math/big"

	"burst/engine/ml/rng"
)

// A fast path for the correctly rounded exp, exp2, log2 and pow: the
// value in double-double arithmetic (about 100 bits), rounded to a
// float64 when it is far enough from a rounding boundary to be sure of
// the rounding (all but about one argument in 2**25), and the 160-bit
// big.Float computation otherwise.

// dd is an unevaluated sum hi + lo, |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

func fastTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

func twoProdDD(a, b float64) dd {
	p := float64(a * b)
	return dd{p, rng.FMA(a, b, -p)}
}

func (x dd) add(y dd) dd {
	s := twoSum(x.hi, y.hi)
	t := twoSum(x.lo, y.lo)
	s.lo += t.hi
	s = fastTwoSum(s.hi, s.lo)
	s.lo += t.lo
	return fastTwoSum(s.hi, s.lo)
}

func (x dd) mul(y dd) dd {
	p := twoProdDD(x.hi, y.hi)
	p.lo += float64(x.hi*y.lo) + float64(x.lo*y.hi)
	return fastTwoSum(p.hi, p.lo)
}

func (x dd) mulF(y float64) dd {
	p := twoProdDD(x.hi, y)
	p.lo += float64(x.lo * y)
	return fastTwoSum(p.hi, p.lo)
}

// ddOf splits a big.Float into a double-double.
func ddOf(x *big.Float) dd {
	hi, _ := x.Float64()
	lo, _ := newF().Sub(x, bf(hi)).Float64()
	return dd{hi, lo}
}

// ln2Parts is ln 2 as hi + mid + lo, hi with 32 significant bits (so
// that k*hi is exact); ddFact[i] is 1/i!; ddLn2 is ln 2 and ddInvLn2
// 1/ln 2. They are constants, computed once.
var (
	ln2Hi, ln2Mid, ln2Lo3 = func() (float64, float64, float64) {
		hi, _ := new(big.Float).SetPrec(32).SetMode(big.ToNearestEven).Set(bigLn2).Float64()
		rest := newF().Sub(bigLn2, bf(hi))
		mid, _ := rest.Float64()
		lo, _ := rest.Sub(rest, bf(mid)).Float64()
		return hi, mid, lo
	}()
	ddFact = func() (f [32]dd) {
		for i := range f {
			f[i] = ddOf(invFact[i])
		}
		return
	}()
	ddLn2    = ddOf(bigLn2)
	ddInvLn2 = ddOf(newF().Quo(bf(1), bigLn2))
)

// expDD is e**x for a double-double x, |x| < 745: (e**r)*2**k with
// k = round(x / ln 2).
func expDD(x dd) (r dd, k int) {
	kf := math.RoundToEven(x.hi * (1 / math.Ln2))
	// r = x - kf*ln2, kf*ln2Hi exact.
	r = twoSum(x.hi, -kf*ln2Hi)
	r = r.add(dd{x.lo, 0})
	r = r.add(twoProdDD(-kf, ln2Mid))
	r = r.add(dd{-kf * ln2Lo3, 0})
	// e**(r/2**8): 11 terms of the series (|r/2**8| < 2**-9), then
	// squared 8 times.
	const halvings = 8
	r.hi = math.Ldexp(r.hi, -halvings)
	r.lo = math.Ldexp(r.lo, -halvings)
	s := ddFact[11]
	for i := 10; i >= 0; i-- {
		s = s.mul(r).add(ddFact[i])
	}
	for range halvings {
		s = s.mul(s)
	}
	return s, int(kf)
}

// roundDD returns x*2**k rounded to a float64 and true, or false when
// x's error bound (relative 2**-80) straddles a rounding boundary or the
// result is not a normal float.
func roundDD(x dd, k int) (float64, bool) {
	const slack = 0x1p-80
	hi, lo := x.hi, x.lo
	if hi <= 0 || math.IsInf(hi, 0) || math.IsNaN(hi) {
		return 0, false
	}
	err := hi * slack
	var half float64
	if lo >= 0 {
		half = (math.Nextafter(hi, math.Inf(1)) - hi) / 2
	} else {
		half = (hi - math.Nextafter(hi, 0)) / 2
	}
	if math.Abs(lo)+err >= half {
		return 0, false
	}
	r := math.Ldexp(hi, k)
	if r < 0x1p-1022 || math.IsInf(r, 0) {
		return 0, false
	}
	return r, true
}

// logDD is log(x) for a positive normal float x: glibc's log (53 bits),
// then a Newton step on exp.
func logDD(x float64) dd {
	l := rng.Log(x)
	e, k := expDD(dd{-l, 0})
	// t = x * e**-l - 1, with e**-l = e * 2**k.
	t := e.mulF(math.Ldexp(x, k))
	t = t.add(dd{-1, 0})
	return twoSum(l, t.hi).add(dd{t.lo, 0})
}

func expFast(x float64) (float64, bool) {
	if !(math.Abs(x) < 700) {
		return 0, false
	}
	return roundDD(expDD(dd{x, 0}))
}

func exp2Fast(x float64) (float64, bool) {
	if !(math.Abs(x) < 1000) {
		return 0, false
	}
	return roundDD(expDD(ddLn2.mulF(x)))
}

func log2Fast(x float64) (float64, bool) {
	if !(x >= 0x1p-1022 && x < math.Inf(1)) || x == 1 {
		return 0, false
	}
	l := logDD(x).mul(ddInvLn2)
	if l.hi < 0 {
		r, ok := roundDD(dd{-l.hi, -l.lo}, 0)
		return -r, ok
	}
	return roundDD(l, 0)
}

func powFast(x, y float64) (float64, bool) {
	if !(x >= 0x1p-1022 && x < math.Inf(1)) || math.IsInf(y, 0) || math.IsNaN(y) {
		return 0, false
	}
	t := logDD(x).mulF(y)
	if !(math.Abs(t.hi) < 700) {
		return 0, false
	}
	return roundDD(expDD(t))
}

func (x dd) neg() dd { return dd{-x.hi, -x.lo} }

func (x dd) div(y dd) dd {
	q1 := x.hi / y.hi
	r := x.add(y.mulF(q1).neg())
	q2 := r.hi / y.hi
	r = r.add(y.mulF(q2).neg())
	q3 := r.hi / y.hi
	return fastTwoSum(q1, q2).add(dd{q3, 0})
}

func (x dd) sqrt() dd {
	s := math.Sqrt(x.hi)
	e := x.add(twoProdDD(s, s).neg())
	return fastTwoSum(s, e.hi/(2*s))
}

var (
	ddPi     = ddOf(bigPi)
	ddHalfPi = ddOf(newF().SetMantExp(bigPi, -1))
	ddOdd    = func() (o [32]dd) {
		for i := range o {
			o[i] = ddOf(invOdd[i])
		}
		return
	}()
	// halfPiParts is pi/2 in three pieces, the first with 32 significant
	// bits, for reducing arguments of tan exactly.
	halfPiHi, halfPiMid, halfPiLo = func() (float64, float64, float64) {
		h := newF().SetPrec(2*prec).SetMantExp(bigPi, -1)
		hi, _ := new(big.Float).SetPrec(32).SetMode(big.ToNearestEven).Set(h).Float64()
		rest := newF().SetPrec(2*prec).Sub(h, bf(hi))
		mid, _ := rest.Float64()
		lo, _ := rest.Sub(rest, bf(mid)).Float64()
		return hi, mid, lo
	}()
)

// atanDD is the arc tangent of x, as atanBig computes it.
func atanDD(x dd) dd {
	t := x
	invert := math.Abs(t.hi) > 1
	if invert {
		t = dd{1, 0}.div(t)
	}
	for range 3 {
		s := t.mul(t).add(dd{1, 0}).sqrt().add(dd{1, 0})
		t = t.div(s)
	}
	t2 := t.mul(t).neg()
	sum := ddOdd[24]
	for i := 23; i >= 0; i-- {
		sum = sum.mul(t2).add(ddOdd[i])
	}
	sum = sum.mul(t)
	sum = dd{math.Ldexp(sum.hi, 3), math.Ldexp(sum.lo, 3)}
	if invert {
		half := ddHalfPi
		if x.hi < 0 {
			half = half.neg()
		}
		sum = half.add(sum.neg())
	}
	return sum
}

// roundSigned is roundDD for a result of either sign.
func roundSigned(x dd) (float64, bool) {
	if x.hi < 0 {
		r, ok := roundDD(x.neg(), 0)
		return -r, ok
	}
	return roundDD(x, 0)
}

func atanFast(x float64) (float64, bool) { return roundSigned(atanDD(dd{x, 0})) }

func asinFast(x float64) (float64, bool) {
	d := twoSum(1, -x).mul(twoSum(1, x)).sqrt()
	return roundSigned(atanDD(dd{x, 0}.div(d)))
}

func acosFast(x float64) (float64, bool) {
	q := twoSum(1, -x).div(twoSum(1, x)).sqrt()
	a := atanDD(q)
	return roundSigned(dd{2 * a.hi, 2 * a.lo})
}

func atan2Fast(y, x float64) (float64, bool) {
	a := atanDD(dd{y, 0}.div(dd{x, 0}))
	if x < 0 {
		if y >= 0 {
			a = a.add(ddPi)
		} else {
			a = a.add(ddPi.neg())
		}
	}
	return roundSigned(a)
}

// tanFast is sin(r)/cos(r) after reducing x by multiples of pi/2, for
// |x| < 2**20.
func tanFast(x float64) (float64, bool) {
	if !(math.Abs(x) < 0x1p20) {
		return 0, false
	}
	k := math.RoundToEven(x / (math.Pi / 2))
	r := twoSum(x, -k*halfPiHi)
	r = r.add(twoProdDD(-k, halfPiMid))
	r = r.add(dd{-k * halfPiLo, 0})
	r2 := r.mul(r).neg()
	// sin r = r (1 - r²/3! + …), cos r = 1 - r²/2! + …: |r| <= pi/4
	// needs 15 terms of each for 2**-110.
	s, c := ddFact[29], ddFact[28]
	for i := 27; i >= 1; i -= 2 {
		s = s.mul(r2).add(ddFact[i])
	}
	for i := 26; i >= 0; i -= 2 {
		c = c.mul(r2).add(ddFact[i])
	}
	s = s.mul(r)
	if int64(k)&1 != 0 {
		// tan(r + pi/2) = -cos r / sin r
		return roundSigned(c.div(s).neg())
	}
	return roundSigned(s.div(c))
}
