// Package statistics is Python's statistics module. As CPython's, it
// sums exactly (with fractions: big.Rat here) and converts once at the
// end, so mean([1, 2, 3]) is the int 2 and results agree to the bit.
package statistics

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	pymath "burst/engine/lib/math"
	"burst/engine/ml/rng"
	"burst/engine/session"
)

// Module is a Python module implemented in Go.
type Module = session.Module

// Library is the statistics module.
var Library = session.Library{Modules: modules, Docs: docs}

func modules(*session.Session) map[string]*Module {
	return map[string]*Module{"statistics": NewModule()}
}

// NewModule returns the statistics module.
func NewModule() *Module {
	b := session.Builtin
	return &Module{Name: "statistics", Members: starlark.StringDict{
		"mean":              b("mean", mean),
		"fmean":             b("fmean", fmean),
		"geometric_mean":    b("geometric_mean", geometricMean),
		"harmonic_mean":     b("harmonic_mean", harmonicMean),
		"median":            b("median", medianFunc("median")),
		"median_low":        b("median_low", medianFunc("median_low")),
		"median_high":       b("median_high", medianFunc("median_high")),
		"median_grouped":    b("median_grouped", medianGrouped),
		"mode":              b("mode", mode),
		"multimode":         b("multimode", multimode),
		"quantiles":         b("quantiles", quantiles),
		"variance":          b("variance", spread("variance", 1, false)),
		"pvariance":         b("pvariance", spread("pvariance", 0, false)),
		"stdev":             b("stdev", spread("stdev", 1, true)),
		"pstdev":            b("pstdev", spread("pstdev", 0, true)),
		"covariance":        b("covariance", bivariate("covariance")),
		"correlation":       b("correlation", bivariate("correlation")),
		"linear_regression": b("linear_regression", linearRegression),
	}}
}

func statErr(msg string) error { return fmt.Errorf("StatisticsError: %s", msg) }

// values returns the items of data (a string's characters).
func values(data starlark.Value) ([]starlark.Value, error) {
	if s, ok := data.(starlark.String); ok {
		data = session.Chars(s)
	}
	if starlark.Iterate(data) == nil {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", session.TypeName(data))
	}
	return session.Values(data)
}

// exactSum is CPython's _sum: the exact sum of the data as a fraction,
// the type to convert it to (int unless a float is among them), and the
// count. An infinity or NaN makes the sum a float (special).
type exactSum struct {
	total    big.Rat
	special  float64
	nonFinit bool
	isFloat  bool
	n        int
}

// add adds x exactly, or reports a TypeError for a non-number.
func (s *exactSum) add(x starlark.Value, tmp *big.Rat) error {
	s.n++
	switch v := x.(type) {
	case starlark.Int:
		s.total.Add(&s.total, tmp.SetInt(v.BigInt()))
	case starlark.Bool:
		if v {
			s.total.Add(&s.total, tmp.SetInt64(1))
		}
	case starlark.Float:
		s.isFloat = true
		f := float64(v)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			s.special += f
			s.nonFinit = true
			return nil
		}
		s.total.Add(&s.total, tmp.SetFloat64(f))
	default:
		return fmt.Errorf("TypeError: can't convert type '%s' to numerator/denominator", session.TypeName(x))
	}
	return nil
}

// convert is CPython's _convert of value to the sum's type: an int when
// all data were ints and value is whole, else a float (correctly
// rounded).
func convert(value *big.Rat, isFloat bool) starlark.Value {
	if !isFloat && value.IsInt() {
		return starlark.MakeBigInt(new(big.Int).Set(value.Num()))
	}
	f, _ := value.Float64()
	return starlark.Float(f)
}

func oneData(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &data); err != nil {
		return nil, err
	}
	return data, nil
}

func mean(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	data, err := oneData("mean", args, kwargs)
	if err != nil {
		return nil, err
	}
	xs, err := values(data)
	if err != nil {
		return nil, err
	}
	var s exactSum
	var tmp big.Rat
	for _, x := range xs {
		if err := s.add(x, &tmp); err != nil {
			return nil, err
		}
	}
	if s.n < 1 {
		return nil, statErr("mean requires at least one data point")
	}
	if s.nonFinit {
		return starlark.Float(s.special / float64(s.n)), nil
	}
	return convert(s.total.Quo(&s.total, tmp.SetInt64(int64(s.n))), s.isFloat), nil
}

func floats(xs []starlark.Value) ([]float64, error) {
	out := make([]float64, len(xs))
	for i, x := range xs {
		f, err := pymath.Float(x)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

func fmean(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data, weights starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("fmean", args, kwargs, "data", &data, "weights?", &weights); err != nil {
		return nil, err
	}
	xs, err := values(data)
	if err != nil {
		return nil, err
	}
	if weights == starlark.None {
		fs, err := floats(xs)
		if err != nil {
			return nil, err
		}
		total, err := pymath.Fsum(fs)
		if err != nil {
			return nil, err
		}
		if len(fs) == 0 {
			return nil, statErr("fmean requires at least one data point")
		}
		return starlark.Float(total / float64(len(fs))), nil
	}
	ws, err := values(weights)
	if err != nil {
		return nil, err
	}
	products := make([]float64, min(len(xs), len(ws)))
	for i := range products {
		p, err := starlark.Binary(syntax.STAR, xs[i], ws[i])
		if err != nil {
			return nil, err
		}
		if products[i], err = pymath.Float(p); err != nil {
			return nil, err
		}
	}
	num, err := pymath.Fsum(products)
	if err != nil {
		return nil, err
	}
	if len(xs) != len(ws) {
		return nil, statErr("data and weights must be the same length")
	}
	fw, err := floats(ws)
	if err != nil {
		return nil, err
	}
	den, err := pymath.Fsum(fw)
	if err != nil {
		return nil, err
	}
	if den == 0 {
		return nil, statErr("sum of weights must be non-zero")
	}
	return starlark.Float(num / den), nil
}

func geometricMean(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	data, err := oneData("geometric_mean", args, kwargs)
	if err != nil {
		return nil, err
	}
	xs, err := values(data)
	if err != nil {
		return nil, err
	}
	fs, err := floats(xs)
	if err != nil {
		return nil, err
	}
	for i, f := range fs {
		if f <= 0 || len(fs) == 0 {
			return nil, statErr("geometric mean requires a non-empty dataset containing positive numbers")
		}
		fs[i] = rng.Log(f)
	}
	if len(fs) == 0 {
		return nil, statErr("geometric mean requires a non-empty dataset containing positive numbers")
	}
	total, err := pymath.Fsum(fs)
	if err != nil {
		return nil, err
	}
	return starlark.Float(pymath.Exp(total / float64(len(fs)))), nil
}

func lessThanZero(x starlark.Value) (bool, error) {
	return starlark.Compare(syntax.LT, x, starlark.MakeInt(0))
}

func harmonicMean(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data, weights starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("harmonic_mean", args, kwargs, "data", &data, "weights?", &weights); err != nil {
		return nil, err
	}
	const negative = "harmonic mean does not support negative values"
	xs, err := values(data)
	if err != nil {
		return nil, err
	}
	n := len(xs)
	if n < 1 {
		return nil, statErr("harmonic_mean requires at least one data point")
	}
	if n == 1 && weights == starlark.None {
		if !session.IsNumber(xs[0]) {
			return nil, fmt.Errorf("TypeError: unsupported type")
		}
		if neg, _ := lessThanZero(xs[0]); neg {
			return nil, statErr(negative)
		}
		return xs[0], nil
	}
	var tmp big.Rat
	sumWeights := new(big.Rat).SetInt64(int64(n))
	var ws []starlark.Value
	if weights != starlark.None {
		if ws, err = values(weights); err != nil {
			return nil, err
		}
		if len(ws) != n {
			return nil, statErr("Number of weights does not match data size")
		}
		var s exactSum
		for _, w := range ws {
			if neg, err := lessThanZero(w); err != nil {
				return nil, err
			} else if neg {
				return nil, statErr(negative)
			}
			if err := s.add(w, &tmp); err != nil {
				return nil, err
			}
		}
		sumWeights = &s.total
	}
	var s exactSum
	for i, x := range xs {
		var w starlark.Value = starlark.MakeInt(1)
		if ws != nil {
			w = ws[i]
		}
		if neg, err := lessThanZero(x); err != nil {
			return nil, err
		} else if neg {
			return nil, statErr(negative)
		}
		var term starlark.Value = starlark.MakeInt(0)
		if w.Truth() {
			if zero, _ := starlark.Equal(x, starlark.MakeInt(0)); zero {
				return starlark.MakeInt(0), nil // CPython's ZeroDivisionError path
			}
			if term, err = starlark.Binary(syntax.SLASH, w, x); err != nil {
				return nil, err
			}
		}
		if err := s.add(term, &tmp); err != nil {
			return nil, err
		}
	}
	if s.nonFinit {
		return starlark.Float(1 / s.special), nil
	}
	if s.total.Sign() <= 0 {
		return nil, statErr("Weighted sum must be positive")
	}
	return convert(new(big.Rat).Quo(sumWeights, &s.total), s.isFloat), nil
}

// sorted sorts the data as Python's sorted does.
func sorted(data starlark.Value) ([]starlark.Value, error) {
	xs, err := values(data)
	if err != nil {
		return nil, err
	}
	xs = append([]starlark.Value(nil), xs...)
	var cmpErr error
	sort.SliceStable(xs, func(i, j int) bool {
		if cmpErr != nil {
			return false
		}
		lt, err := starlark.Compare(syntax.LT, xs[i], xs[j])
		if err != nil {
			cmpErr = fmt.Errorf("TypeError: '<' not supported between instances of '%s' and '%s'", session.TypeName(xs[i]), session.TypeName(xs[j]))
		}
		return lt
	})
	return xs, cmpErr
}

func medianFunc(name string) session.Func {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		data, err := oneData(name, args, kwargs)
		if err != nil {
			return nil, err
		}
		xs, err := sorted(data)
		if err != nil {
			return nil, err
		}
		n := len(xs)
		if n == 0 {
			return nil, statErr("no median for empty data")
		}
		switch {
		case name == "median_high" || n%2 == 1:
			return xs[n/2], nil
		case name == "median_low":
			return xs[n/2-1], nil
		}
		sum, err := starlark.Binary(syntax.PLUS, xs[n/2-1], xs[n/2])
		if err != nil {
			return nil, err
		}
		return starlark.Binary(syntax.SLASH, sum, starlark.MakeInt(2))
	}
}

func medianGrouped(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data, interval starlark.Value = nil, starlark.Float(1)
	if err := starlark.UnpackArgs("median_grouped", args, kwargs, "data", &data, "interval?", &interval); err != nil {
		return nil, err
	}
	xs, err := sorted(data)
	if err != nil {
		return nil, err
	}
	n := len(xs)
	if n == 0 {
		return nil, statErr("no median for empty data")
	}
	x := xs[n/2]
	i := sort.Search(n, func(k int) bool { lt, _ := starlark.Compare(syntax.LT, xs[k], x); return !lt })
	j := sort.Search(n, func(k int) bool { gt, _ := starlark.Compare(syntax.GT, xs[k], x); return gt })
	width, err1 := pymath.Float(interval)
	xf, err2 := pymath.Float(x)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("TypeError: Value cannot be converted to a float")
	}
	L := xf - width/2
	cf, f := float64(i), float64(j-i)
	return starlark.Float(L + float64(width*(float64(n)/2-cf))/f), nil
}

// counts counts the data's items by value (1 and 1.0 alike, as Python's
// Counter), in the order first seen.
func counts(data starlark.Value) ([]starlark.Value, []int, error) {
	xs, err := values(data)
	if err != nil {
		return nil, nil, err
	}
	index := starlark.NewDict(len(xs))
	var keys []starlark.Value
	var ns []int
	for _, x := range xs {
		v, found, err := index.Get(x)
		if err != nil {
			return nil, nil, fmt.Errorf("TypeError: unhashable type: '%s'", session.TypeName(x))
		}
		if found {
			i, _ := starlark.AsInt32(v)
			ns[i]++
			continue
		}
		if err := index.SetKey(x, starlark.MakeInt(len(keys))); err != nil {
			return nil, nil, err
		}
		keys = append(keys, x)
		ns = append(ns, 1)
	}
	return keys, ns, nil
}

func mode(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	data, err := oneData("mode", args, kwargs)
	if err != nil {
		return nil, err
	}
	keys, ns, err := counts(data)
	if err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		return nil, statErr("no mode for empty data")
	}
	best := 0
	for i, n := range ns {
		if n > ns[best] {
			best = i
		}
	}
	return keys[best], nil
}

func multimode(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	data, err := oneData("multimode", args, kwargs)
	if err != nil {
		return nil, err
	}
	keys, ns, err := counts(data)
	if err != nil {
		return nil, err
	}
	most := 0
	for _, n := range ns {
		most = max(most, n)
	}
	var out []starlark.Value
	for i, n := range ns {
		if n == most {
			out = append(out, keys[i])
		}
	}
	return starlark.NewList(out), nil
}

func quantiles(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("TypeError: quantiles() takes 1 positional argument but %d were given", len(args))
	}
	n := 4
	method := "exclusive"
	if err := starlark.UnpackArgs("quantiles", nil, kwargs, "n?", &n, "method?", &method); err != nil {
		return nil, err
	}
	if n < 1 {
		return nil, statErr("n must be at least 1")
	}
	xs, err := sorted(args[0])
	if err != nil {
		return nil, err
	}
	ld := len(xs)
	if ld < 2 {
		return nil, statErr("must have at least two data points")
	}
	if method != "inclusive" && method != "exclusive" {
		return nil, fmt.Errorf("ValueError: Unknown method: %s", session.Repr(starlark.String(method)))
	}
	// interpolate is (a * (n - delta) + b * delta) / n, in Python's
	// arithmetic.
	interpolate := func(a, b starlark.Value, delta int) (starlark.Value, error) {
		l, err := starlark.Binary(syntax.STAR, a, starlark.MakeInt(n-delta))
		if err != nil {
			return nil, err
		}
		r, err := starlark.Binary(syntax.STAR, b, starlark.MakeInt(delta))
		if err != nil {
			return nil, err
		}
		s, err := starlark.Binary(syntax.PLUS, l, r)
		if err != nil {
			return nil, err
		}
		return starlark.Binary(syntax.SLASH, s, starlark.MakeInt(n))
	}
	out := make([]starlark.Value, 0, n-1)
	for i := 1; i < n; i++ {
		var v starlark.Value
		if method == "inclusive" {
			m := ld - 1
			j, delta := i*m/n, i*m%n
			v, err = interpolate(xs[j], xs[j+1], delta)
		} else {
			m := ld + 1
			j := max(1, min(ld-1, i*m/n))
			delta := i*m - j*n
			v, err = interpolate(xs[j-1], xs[j], delta)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return starlark.NewList(out), nil
}

// spread is variance, pvariance, stdev or pstdev: ddof 1 for a sample,
// 0 for a population; sqrt for the deviations.
func spread(name string, ddof int, sqrt bool) session.Func {
	least := map[int]string{1: "at least two data points", 0: "at least one data point"}[ddof]
	meanName := map[int]string{1: "xbar", 0: "mu"}[ddof]
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var data, c starlark.Value = nil, starlark.None
		if err := starlark.UnpackArgs(name, args, kwargs, "data", &data, meanName+"?", &c); err != nil {
			return nil, err
		}
		xs, err := values(data)
		if err != nil {
			return nil, err
		}
		ss, special, nonFinite, isFloat, err := sumOfSquares(xs, c)
		if err != nil {
			return nil, err
		}
		n := len(xs)
		if n < 1+ddof {
			return nil, statErr(name + " requires " + least)
		}
		if nonFinite {
			r := special / float64(n-ddof)
			if sqrt {
				r = math.Sqrt(r)
			}
			return starlark.Float(r), nil
		}
		mss := ss.Quo(ss, new(big.Rat).SetInt64(int64(n-ddof)))
		if sqrt {
			return starlark.Float(sqrtOfFrac(mss.Num(), mss.Denom())), nil
		}
		return convert(mss, isFloat), nil
	}
}

// sumOfSquares is CPython's _ss: the exact sum of squared deviations
// from the mean (or from c when given, in Python's arithmetic).
func sumOfSquares(xs []starlark.Value, c starlark.Value) (ss *big.Rat, special float64, nonFinite, isFloat bool, err error) {
	var tmp big.Rat
	if c != starlark.None {
		var s exactSum
		for _, x := range xs {
			d, err := starlark.Binary(syntax.MINUS, x, c)
			if err != nil {
				return nil, 0, false, false, err
			}
			if d, err = starlark.Binary(syntax.STAR, d, d); err != nil {
				return nil, 0, false, false, err
			}
			if err := s.add(d, &tmp); err != nil {
				return nil, 0, false, false, err
			}
		}
		return &s.total, s.special, s.nonFinit, s.isFloat, nil
	}
	var sx exactSum
	var sxx big.Rat
	for _, x := range xs {
		if err := sx.add(x, &tmp); err != nil {
			return nil, 0, false, false, err
		}
		if f, ok := x.(starlark.Float); ok && (math.IsInf(float64(f), 0) || math.IsNaN(float64(f))) {
			continue
		}
		sxx.Add(&sxx, tmp.Mul(&tmp, &tmp))
	}
	if sx.nonFinit {
		return nil, sx.special, true, true, nil
	}
	n := new(big.Rat).SetInt64(int64(len(xs)))
	if len(xs) == 0 {
		return new(big.Rat), 0, false, sx.isFloat, nil
	}
	// ss = (n * sxx - sx * sx) / n
	ss = new(big.Rat).Mul(n, &sxx)
	ss.Sub(ss, tmp.Mul(&sx.total, &sx.total))
	ss.Quo(ss, n)
	return ss, 0, false, sx.isFloat, nil
}

// sqrtOfFrac is CPython's _float_sqrt_of_frac: the square root of n/m,
// correctly rounded (an integer square root with round-to-odd, then one
// rounding).
func sqrtOfFrac(n, m *big.Int) float64 {
	const bitWidth = 2*53 + 3
	q := n.BitLen() - m.BitLen() - bitWidth
	// Python's // floors.
	if q < 0 && q%2 != 0 {
		q = q/2 - 1
	} else {
		q /= 2
	}
	rto := func(n, m *big.Int) *big.Int {
		a := new(big.Int).Sqrt(new(big.Int).Quo(n, m))
		check := new(big.Int).Mul(a, a)
		if check.Mul(check, m).Cmp(n) != 0 {
			a.SetBit(a, 0, 1)
		}
		return a
	}
	var num, den *big.Int
	if q >= 0 {
		num = rto(n, new(big.Int).Lsh(m, uint(2*q)))
		num.Lsh(num, uint(q))
		den = big.NewInt(1)
	} else {
		num = rto(new(big.Int).Lsh(n, uint(-2*q)), m)
		den = new(big.Int).Lsh(big.NewInt(1), uint(-q))
	}
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f
}

// pairs reads the x and y of covariance, correlation and
// linear_regression as floats.
func pairs(name, what string, args starlark.Tuple) ([]float64, []float64, error) {
	if len(args) != 2 {
		return nil, nil, fmt.Errorf("TypeError: %s() takes 2 positional arguments but %d were given", name, len(args))
	}
	xv, err := values(args[0])
	if err != nil {
		return nil, nil, err
	}
	yv, err := values(args[1])
	if err != nil {
		return nil, nil, err
	}
	if len(xv) != len(yv) {
		return nil, nil, statErr(what + " requires that both inputs have same number of data points")
	}
	if len(xv) < 2 {
		return nil, nil, statErr(what + " requires at least two data points")
	}
	x, err := floats(xv)
	if err != nil {
		return nil, nil, err
	}
	y, err := floats(yv)
	return x, y, err
}

// centered returns fsum(x)/n, and the sums of (x - xbar)*(y - ybar),
// (x - xbar)**2 and (y - ybar)**2, each fsum'd as CPython does.
func centered(x, y []float64) (xbar, ybar, sxy, sxx, syy float64, err error) {
	n := float64(len(x))
	sx, err := pymath.Fsum(x)
	if err != nil {
		return
	}
	sy, err := pymath.Fsum(y)
	if err != nil {
		return
	}
	xbar, ybar = sx/n, sy/n
	txy, txx, tyy := make([]float64, len(x)), make([]float64, len(x)), make([]float64, len(x))
	for i := range x {
		dx, dy := x[i]-xbar, y[i]-ybar
		txy[i], txx[i], tyy[i] = float64(dx*dy), float64(dx*dx), float64(dy*dy)
	}
	if sxy, err = pymath.Fsum(txy); err != nil {
		return
	}
	if sxx, err = pymath.Fsum(txx); err != nil {
		return
	}
	syy, err = pymath.Fsum(tyy)
	return
}

func bivariate(name string) session.Func {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, fmt.Errorf("TypeError: %s() got some positional-only arguments passed as keyword arguments", name)
		}
		x, y, err := pairs(name, name, args)
		if err != nil {
			return nil, err
		}
		_, _, sxy, sxx, syy, err := centered(x, y)
		if err != nil {
			return nil, err
		}
		if name == "covariance" {
			return starlark.Float(sxy / float64(len(x)-1)), nil
		}
		d := math.Sqrt(float64(sxx * syy))
		if d == 0 {
			return nil, statErr("at least one of the inputs is constant")
		}
		return starlark.Float(sxy / d), nil
	}
}

func linearRegression(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	proportional := false
	if err := starlark.UnpackArgs("linear_regression", nil, kwargs, "proportional?", &proportional); err != nil {
		return nil, err
	}
	x, y, err := pairs("linear_regression", "linear regression", args)
	if err != nil {
		return nil, err
	}
	var slope, intercept float64
	if proportional {
		txy, txx := make([]float64, len(x)), make([]float64, len(x))
		for i := range x {
			txy[i], txx[i] = float64(x[i]*y[i]), float64(x[i]*x[i])
		}
		sxy, err := pymath.Fsum(txy)
		if err != nil {
			return nil, err
		}
		sxx, err := pymath.Fsum(txx)
		if err != nil {
			return nil, err
		}
		if sxx == 0 {
			return nil, statErr("x is constant")
		}
		slope = sxy / sxx
	} else {
		xbar, ybar, sxy, sxx, _, err := centered(x, y)
		if err != nil {
			return nil, err
		}
		if sxx == 0 {
			return nil, statErr("x is constant")
		}
		slope = sxy / sxx
		intercept = ybar - float64(slope*xbar)
	}
	return &namedTuple{name: "LinearRegression", fields: []string{"slope", "intercept"}, values: starlark.Tuple{starlark.Float(slope), starlark.Float(intercept)}}, nil
}

// namedTuple is a named tuple's value (LinearRegression).
type namedTuple struct {
	name   string
	fields []string
	values starlark.Tuple
}

var (
	_ starlark.Indexable = (*namedTuple)(nil)
	_ starlark.Iterable  = (*namedTuple)(nil)
	_ starlark.HasAttrs  = (*namedTuple)(nil)
)

func (t *namedTuple) String() string {
	parts := make([]string, len(t.fields))
	for i, f := range t.fields {
		parts[i] = f + "=" + session.Repr(t.values[i])
	}
	return t.name + "(" + strings.Join(parts, ", ") + ")"
}
func (t *namedTuple) Type() string               { return t.name }
func (t *namedTuple) Freeze()                    { t.values.Freeze() }
func (t *namedTuple) Truth() starlark.Bool       { return true }
func (t *namedTuple) Hash() (uint32, error)      { return t.values.Hash() }
func (t *namedTuple) Index(i int) starlark.Value { return t.values[i] }
func (t *namedTuple) Len() int                   { return len(t.values) }
func (t *namedTuple) Iterate() starlark.Iterator { return t.values.Iterate() }
func (t *namedTuple) AttrNames() []string        { return t.fields }

// Attr gives a field by name.
func (t *namedTuple) Attr(name string) (starlark.Value, error) {
	for i, f := range t.fields {
		if f == name {
			return t.values[i], nil
		}
	}
	return nil, nil
}
