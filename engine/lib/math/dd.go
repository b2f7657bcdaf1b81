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
	ddFact = func() (f [16]dd) {
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
