// Package math is Python's math module: every function and constant of
// CPython 3.11's, with its error messages, and big ints where Python
// has them (factorial, comb, perm, gcd, lcm, isqrt, floor of a float).
package math

import (
	"fmt"
	"math"
	"math/big"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/ml/rng"
	"burst/engine/session"
)

// Module is a Python module implemented in Go.
type Module = session.Module

// Library is the math module.
var Library = session.Library{Modules: modules, Docs: docs}

func modules(*session.Session) map[string]*Module {
	return map[string]*Module{"math": NewModule()}
}

var (
	errDomain = fmt.Errorf("ValueError: math domain error")
	errRange  = fmt.Errorf("OverflowError: math range error")
)

// Float converts a real number argument (int, bool, float, or a library
// scalar) to a float64, as CPython's math functions do.
func Float(v starlark.Value) (float64, error) {
	switch x := v.(type) {
	case starlark.Float:
		return float64(x), nil
	case starlark.Int:
		if i, ok := x.Int64(); ok && i > -1<<53 && i < 1<<53 {
			return float64(i), nil
		}
		f, _ := new(big.Float).SetInt(x.BigInt()).Float64()
		if math.IsInf(f, 0) {
			return 0, fmt.Errorf("OverflowError: int too large to convert to float")
		}
		return f, nil
	case starlark.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case session.Scalar:
		s, err := x.PyScalar()
		if err != nil {
			return 0, err
		}
		if _, ok := s.(session.Scalar); !ok {
			return Float(s)
		}
	}
	return 0, fmt.Errorf("TypeError: must be real number, not %s", session.TypeName(v))
}

// Integer converts an integer argument (int or bool) to a big.Int, the
// argument's own when it is an int (do not modify it).
func Integer(v starlark.Value) (*big.Int, error) {
	switch x := v.(type) {
	case starlark.Int:
		return x.BigInt(), nil
	case starlark.Bool:
		if x {
			return big.NewInt(1), nil
		}
		return big.NewInt(0), nil
	}
	return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", session.TypeName(v))
}

// fn1 is a function of one real number; libm's errno becomes the
// domain and range errors by CPython's rules: a NaN from a non-NaN
// argument is a domain error, an infinity from a finite one a range
// error (unless the function says it can be).
func fn1(name string, f func(float64) float64, canOverflow bool) *starlark.Builtin {
	return session.Builtin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, err := oneReal(name, args, kwargs)
		if err != nil {
			return nil, err
		}
		r := f(x)
		if math.IsNaN(r) && !math.IsNaN(x) {
			return nil, errDomain
		}
		if math.IsInf(r, 0) && !math.IsInf(x, 0) {
			if canOverflow {
				return nil, errRange
			}
			return nil, errDomain
		}
		return starlark.Float(r), nil
	})
}

// oneReal reads the one real-number argument of a function.
func oneReal(name string, args starlark.Tuple, kwargs []starlark.Tuple) (float64, error) {
	if len(kwargs) > 0 {
		return 0, fmt.Errorf("TypeError: math.%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return 0, fmt.Errorf("TypeError: math.%s() takes exactly one argument (%d given)", name, len(args))
	}
	return Float(args[0])
}

// twoReals reads the two real-number arguments of a function.
func twoReals(name string, args starlark.Tuple, kwargs []starlark.Tuple) (float64, float64, error) {
	if len(kwargs) > 0 {
		return 0, 0, fmt.Errorf("TypeError: %s() takes no keyword arguments", name)
	}
	if len(args) != 2 {
		return 0, 0, fmt.Errorf("TypeError: %s expected 2 arguments, got %d", name, len(args))
	}
	x, err := Float(args[0])
	if err != nil {
		return 0, 0, err
	}
	y, err := Float(args[1])
	return x, y, err
}

func float2(name string, f func(x, y float64) (float64, error)) *starlark.Builtin {
	return session.Builtin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, y, err := twoReals(name, args, kwargs)
		if err != nil {
			return nil, err
		}
		r, err := f(x, y)
		if err != nil {
			return nil, err
		}
		return starlark.Float(r), nil
	})
}

func pred(name string, f func(float64) bool) *starlark.Builtin {
	return session.Builtin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, err := oneReal(name, args, kwargs)
		if err != nil {
			return nil, err
		}
		return starlark.Bool(f(x)), nil
	})
}

// rounding is floor, ceil or trunc: ints stay themselves, floats become
// ints.
func rounding(name string, f func(float64) float64) *starlark.Builtin {
	return session.Builtin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 || len(args) != 1 {
			return nil, fmt.Errorf("TypeError: math.%s() takes exactly one argument (%d given)", name, len(args)+len(kwargs))
		}
		switch x := args[0].(type) {
		case starlark.Int:
			return x, nil
		case starlark.Bool:
			if x {
				return starlark.MakeInt(1), nil
			}
			return starlark.MakeInt(0), nil
		}
		x, err := Float(args[0])
		if err != nil {
			if name == "trunc" {
				return nil, fmt.Errorf("TypeError: type %s doesn't define __trunc__ method", session.TypeName(args[0]))
			}
			return nil, err
		}
		return FloatToInt(f(x))
	})
}

// FloatToInt converts an integral float to an int, with Python's errors
// for infinities and NaN.
func FloatToInt(f float64) (starlark.Value, error) {
	if math.IsInf(f, 0) {
		return nil, fmt.Errorf("OverflowError: cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return nil, fmt.Errorf("ValueError: cannot convert float NaN to integer")
	}
	return starlark.NumberToInt(starlark.Float(f))
}

// NewModule returns the math module.
func NewModule() *Module {
	// Computed at run time in float64, as C computes them (a Go constant
	// expression would be rounded once, from the exact value).
	pi := math.Pi
	degToRad, radToDeg := pi/180, 180/pi
	return &Module{Name: "math", Members: starlark.StringDict{
		"pi":  starlark.Float(math.Pi),
		"e":   starlark.Float(math.E),
		"tau": starlark.Float(2 * math.Pi),
		"inf": starlark.Float(math.Inf(1)),
		"nan": starlark.Float(math.NaN()),

		"sqrt":  fn1("sqrt", math.Sqrt, false),
		"cbrt":  fn1("cbrt", cbrt, false),
		"exp":   fn1("exp", expCR, true),
		"exp2":  fn1("exp2", exp2CR, true),
		"expm1": fn1("expm1", math.Expm1, true),
		"log2":  logFunc("log2", func(x float64) float64 { return logBaseCR(x, 2) }, 1),
		"log10": logFunc("log10", log10, log10(2)),
		"log1p": fn1("log1p", func(x float64) float64 {
			if x <= -1 {
				return math.NaN()
			}
			return math.Log1p(x)
		}, false),
		"log":   session.Builtin("log", mathLog),
		"sin":   fn1("sin", rng.Sin, false),
		"cos":   fn1("cos", rng.Cos, false),
		"tan":   fn1("tan", tanCR, false),
		"asin":  fn1("asin", asinCR, false),
		"acos":  fn1("acos", acosCR, false),
		"atan":  fn1("atan", atanCR, false),
		"sinh":  fn1("sinh", sinh, true),
		"cosh":  fn1("cosh", cosh, true),
		"tanh":  fn1("tanh", tanh, false),
		"asinh": fn1("asinh", asinh, false),
		"acosh": fn1("acosh", acosh, false),
		"atanh": fn1("atanh", func(x float64) float64 {
			if math.Abs(x) >= 1 {
				return math.NaN()
			}
			return math.Atanh(x)
		}, false),
		"erf":     fn1("erf", math.Erf, false),
		"erfc":    fn1("erfc", math.Erfc, false),
		"gamma":   fn1("gamma", gamma, true),
		"lgamma":  fn1("lgamma", lgamma, true),
		"fabs":    fn1("fabs", math.Abs, false),
		"degrees": fn1("degrees", func(x float64) float64 { return x * radToDeg }, true),
		"radians": fn1("radians", func(x float64) float64 { return x * degToRad }, false),

		"floor": rounding("floor", math.Floor),
		"ceil":  rounding("ceil", math.Ceil),
		"trunc": rounding("trunc", math.Trunc),

		"isnan":    pred("isnan", math.IsNaN),
		"isinf":    pred("isinf", func(x float64) bool { return math.IsInf(x, 0) }),
		"isfinite": pred("isfinite", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }),

		"pow":      float2("pow", mathPow),
		"atan2":    float2("atan2", func(y, x float64) (float64, error) { return atan2CR(y, x), nil }),
		"copysign": float2("copysign", func(x, y float64) (float64, error) { return math.Copysign(x, y), nil }),
		"fmod": float2("fmod", func(x, y float64) (float64, error) {
			if math.IsInf(y, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
				return x, nil
			}
			r := math.Mod(x, y)
			if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
				return 0, errDomain
			}
			return r, nil
		}),
		"remainder": float2("remainder", func(x, y float64) (float64, error) {
			if math.IsNaN(x) || math.IsNaN(y) {
				return math.NaN(), nil
			}
			if math.IsInf(x, 0) || y == 0 {
				return 0, errDomain
			}
			if math.IsInf(y, 0) {
				return x, nil
			}
			return math.Remainder(x, y), nil
		}),
		"nextafter": float2("nextafter", func(x, y float64) (float64, error) { return math.Nextafter(x, y), nil }),
		"ulp":       fn1("ulp", ulp, false),
		"frexp":     session.Builtin("frexp", frexp),
		"ldexp":     session.Builtin("ldexp", ldexp),
		"modf":      session.Builtin("modf", modf),

		"hypot":   session.Builtin("hypot", hypot),
		"dist":    session.Builtin("dist", dist),
		"fsum":    session.Builtin("fsum", fsum),
		"prod":    session.Builtin("prod", prod),
		"isclose": session.Builtin("isclose", isclose),

		"factorial": session.Builtin("factorial", factorial),
		"comb":      session.Builtin("comb", comb),
		"perm":      session.Builtin("perm", perm),
		"gcd":       session.Builtin("gcd", gcdLcm("gcd")),
		"lcm":       session.Builtin("lcm", gcdLcm("lcm")),
		"isqrt":     session.Builtin("isqrt", isqrt),
	}}
}

// logOf is the logarithm f of a positive number, big ints included:
// those too large for a float are frexp'd, as CPython's loghelper does
// (log2 of 2 is perBit).
func logOf(v starlark.Value, f func(float64) float64, perBit float64) (float64, error) {
	if i, ok := v.(starlark.Int); ok {
		b := i.BigInt()
		if b.Sign() <= 0 {
			return 0, errDomain
		}
		if b.BitLen() > 1000 {
			// x = m * 2**e with m in [0.5, 1), from the top 64 bits.
			e := b.BitLen() - 64
			top := new(big.Int).Rsh(b, uint(e))
			m, _ := new(big.Float).SetInt(top).Float64()
			frac, exp := math.Frexp(m)
			return f(frac) + perBit*float64(exp+e), nil
		}
	}
	x, err := Float(v)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(x) || math.IsInf(x, 1) {
		return x, nil
	}
	if x <= 0 {
		return 0, errDomain
	}
	return f(x), nil
}

func logFunc(name string, f func(float64) float64, perBit float64) *starlark.Builtin {
	return session.Builtin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 || len(args) != 1 {
			return nil, fmt.Errorf("TypeError: math.%s() takes exactly one argument (%d given)", name, len(args)+len(kwargs))
		}
		r, err := logOf(args[0], f, perBit)
		if err != nil {
			return nil, err
		}
		return starlark.Float(r), nil
	})
}

// mathLog is log(x[, base]).
func mathLog(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: log() takes no keyword arguments")
	}
	if len(args) < 1 || len(args) > 2 {
		return nil, fmt.Errorf("TypeError: log expected at least 1 argument, got %d", len(args))
	}
	ln2 := rng.Log(2)
	num, err := logOf(args[0], rng.Log, ln2)
	if err != nil {
		return nil, err
	}
	if len(args) == 1 {
		return starlark.Float(num), nil
	}
	den, err := logOf(args[1], rng.Log, ln2)
	if err != nil {
		return nil, err
	}
	if den == 0 {
		return nil, fmt.Errorf("ZeroDivisionError: float division by zero")
	}
	return starlark.Float(num / den), nil
}

// mathPow is math.pow, with C99's special cases and CPython's errors.
func mathPow(x, y float64) (float64, error) {
	r := powCR(x, y)
	switch {
	case math.IsNaN(x) || math.IsNaN(y):
		return r, nil
	case math.IsInf(x, 0) || math.IsInf(y, 0):
		return r, nil
	case math.IsNaN(r):
		return 0, errDomain
	case math.IsInf(r, 0):
		if x == 0 {
			return 0, errDomain // 0 ** negative
		}
		return 0, errRange
	}
	return r, nil
}

func ulp(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	x = math.Abs(x)
	if math.IsInf(x, 0) {
		return x
	}
	if x == math.MaxFloat64 {
		return x - math.Nextafter(x, 0)
	}
	return math.Nextafter(x, math.Inf(1)) - x
}

func frexp(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := oneReal("frexp", args, kwargs)
	if err != nil {
		return nil, err
	}
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return starlark.Tuple{starlark.Float(x), starlark.MakeInt(0)}, nil
	}
	m, e := math.Frexp(x)
	return starlark.Tuple{starlark.Float(m), starlark.MakeInt(e)}, nil
}

func ldexp(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 || len(args) != 2 {
		return nil, fmt.Errorf("TypeError: ldexp expected 2 arguments, got %d", len(args)+len(kwargs))
	}
	x, err := Float(args[0])
	if err != nil {
		return nil, err
	}
	if _, ok := args[1].(starlark.Float); ok {
		return nil, fmt.Errorf("TypeError: Expected an int as second argument to ldexp.")
	}
	ib, err := Integer(args[1])
	if err != nil {
		return nil, fmt.Errorf("TypeError: Expected an int as second argument to ldexp.")
	}
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return starlark.Float(x), nil
	}
	// Beyond ±2**12 the result is an overflow or a zero whatever x is.
	e := int(max(-1<<12, min(1<<12, clampInt64(ib))))
	r := math.Ldexp(x, e)
	if math.IsInf(r, 0) {
		return nil, errRange
	}
	return starlark.Float(r), nil
}

func clampInt64(b *big.Int) int64 {
	if b.IsInt64() {
		return b.Int64()
	}
	if b.Sign() < 0 {
		return math.MinInt64
	}
	return math.MaxInt64
}

func modf(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := oneReal("modf", args, kwargs)
	if err != nil {
		return nil, err
	}
	if math.IsInf(x, 0) {
		return starlark.Tuple{starlark.Float(math.Copysign(0, x)), starlark.Float(x)}, nil
	}
	i, f := math.Modf(x)
	return starlark.Tuple{starlark.Float(f), starlark.Float(i)}, nil
}

// vectorNorm is CPython's vector_norm: the Euclidean norm of vec, whose
// largest magnitude is max, correctly rounded in nearly all cases (an
// extended-precision sum of squares, then a differential correction).
func vectorNorm(vec []float64, max float64, foundNaN bool) float64 {
	if math.IsInf(max, 0) {
		return max
	}
	if foundNaN {
		return math.NaN()
	}
	if max == 0 || len(vec) <= 1 {
		return max
	}
	_, maxE := math.Frexp(max)
	if maxE < -1023 {
		for i := range vec {
			vec[i] /= 0x1p-1022
		}
		return 0x1p-1022 * vectorNorm(vec, max/0x1p-1022, foundNaN)
	}
	scale := math.Ldexp(1, -maxE)
	csum, frac1, frac2 := 1.0, 0.0, 0.0
	for _, x := range vec {
		x *= scale
		hi, lo := twoProd(x, x)
		s := csum + hi
		frac2 += (csum - s) + hi
		csum = s
		frac1 += lo
	}
	h := math.Sqrt(csum - 1 + (frac1 + frac2))
	hi, lo := twoProd(-h, h)
	s := csum + hi
	frac2 += (csum - s) + hi
	csum = s
	frac1 += lo
	x := csum - 1 + (frac1 + frac2)
	h += x / (2 * h)
	return h / scale
}

// twoProd is x*y exactly, as hi + lo.
func twoProd(x, y float64) (hi, lo float64) {
	hi = float64(x * y)
	return hi, math.FMA(x, y, -hi)
}

func hypot(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: hypot() takes no keyword arguments")
	}
	vec := make([]float64, len(args))
	max, nan := 0.0, false
	for i, a := range args {
		x, err := Float(a)
		if err != nil {
			return nil, err
		}
		x = math.Abs(x)
		vec[i] = x
		nan = nan || math.IsNaN(x)
		if x > max {
			max = x
		}
	}
	return starlark.Float(vectorNorm(vec, max, nan)), nil
}

func dist(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p, q starlark.Value
	if err := starlark.UnpackPositionalArgs("dist", args, kwargs, 2, &p, &q); err != nil {
		return nil, err
	}
	ps, err := points(p)
	if err != nil {
		return nil, err
	}
	qs, err := points(q)
	if err != nil {
		return nil, err
	}
	if len(ps) != len(qs) {
		return nil, fmt.Errorf("ValueError: both points must have the same number of dimensions")
	}
	vec := make([]float64, len(ps))
	max, nan := 0.0, false
	for i := range vec {
		x, err := Float(ps[i])
		if err != nil {
			return nil, err
		}
		y, err := Float(qs[i])
		if err != nil {
			return nil, err
		}
		d := math.Abs(x - y)
		vec[i] = d
		nan = nan || math.IsNaN(d)
		if d > max {
			max = d
		}
	}
	return starlark.Float(vectorNorm(vec, max, nan)), nil
}

// points returns the coordinates of a point of dist: any iterable.
func points(v starlark.Value) ([]starlark.Value, error) {
	if s, ok := v.(starlark.String); ok {
		v = session.Chars(s)
	}
	if starlark.Iterate(v) == nil {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", session.TypeName(v))
	}
	return session.Values(v)
}

// Fsum is the correctly rounded sum of xs, by CPython's algorithm
// (Shewchuk's exact partials, then a half-even correction).
func Fsum(xs []float64) (float64, error) {
	var partials []float64
	specialSum, infSum := 0.0, 0.0
	for _, x := range xs {
		xsave := x
		i := 0
		for _, y := range partials {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			lo := y - (hi - x)
			if lo != 0 {
				partials[i] = lo
				i++
			}
			x = hi
		}
		partials = partials[:i]
		if x != 0 {
			if math.IsInf(x, 0) || math.IsNaN(x) {
				// From an overflow, or from an infinity or NaN summand.
				if !math.IsInf(xsave, 0) && !math.IsNaN(xsave) {
					return 0, fmt.Errorf("OverflowError: intermediate overflow in fsum")
				}
				if math.IsInf(xsave, 0) {
					infSum += xsave
				}
				specialSum += xsave
				partials = partials[:0]
			} else {
				partials = append(partials, x)
			}
		}
	}
	if specialSum != 0 || math.IsNaN(specialSum) {
		if math.IsNaN(infSum) {
			return 0, fmt.Errorf("ValueError: -inf + inf in fsum")
		}
		return specialSum, nil
	}
	n := len(partials)
	hi, lo := 0.0, 0.0
	if n > 0 {
		n--
		hi = partials[n]
		for n > 0 {
			x := hi
			n--
			y := partials[n]
			hi = x + y
			lo = y - (hi - x)
			if lo != 0 {
				break
			}
		}
		if n > 0 && ((lo < 0 && partials[n-1] < 0) || (lo > 0 && partials[n-1] > 0)) {
			y := lo * 2
			x := hi + y
			if y == x-hi {
				hi = x
			}
		}
	}
	return hi, nil
}

// Floats returns the items of an iterable as floats (for fsum and
// statistics' fmean).
func Floats(name string, v starlark.Value) ([]float64, error) {
	if s, ok := v.(starlark.String); ok {
		v = session.Chars(s)
	}
	it := starlark.Iterate(v)
	if it == nil {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", session.TypeName(v))
	}
	defer it.Done()
	var out []float64
	if n := starlark.Len(v); n > 0 {
		out = make([]float64, 0, n)
	}
	var x starlark.Value
	for it.Next(&x) {
		f, err := Float(x)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

func fsum(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	if err := starlark.UnpackPositionalArgs("fsum", args, kwargs, 1, &seq); err != nil {
		return nil, err
	}
	xs, err := Floats("fsum", seq)
	if err != nil {
		return nil, err
	}
	r, err := Fsum(xs)
	if err != nil {
		return nil, err
	}
	return starlark.Float(r), nil
}

// prod multiplies with Python's *, so anything that multiplies does.
func prod(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	var start starlark.Value = starlark.MakeInt(1)
	if len(args) != 1 {
		return nil, fmt.Errorf("TypeError: prod() takes exactly 1 positional argument (%d given)", len(args))
	}
	seq = args[0]
	for _, kv := range kwargs {
		if kv[0].(starlark.String) != "start" {
			return nil, fmt.Errorf("TypeError: prod() got an unexpected keyword argument '%s'", kv[0].(starlark.String))
		}
		start = kv[1]
	}
	if s, ok := seq.(starlark.String); ok {
		seq = session.Chars(s)
	}
	it := starlark.Iterate(seq)
	if it == nil {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", session.TypeName(seq))
	}
	defer it.Done()
	r := start
	var x starlark.Value
	for it.Next(&x) {
		var err error
		if r, err = starlark.Binary(syntax.STAR, r, x); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func isclose(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var av, bv starlark.Value
	var rv, tv starlark.Value = starlark.Float(1e-9), starlark.Float(0)
	if len(args) > 2 {
		return nil, fmt.Errorf("TypeError: isclose() takes exactly 2 positional arguments (%d given)", len(args))
	}
	if err := starlark.UnpackArgs("isclose", args, kwargs, "a", &av, "b", &bv, "rel_tol?", &rv, "abs_tol?", &tv); err != nil {
		return nil, err
	}
	var fs [4]float64
	for i, v := range []starlark.Value{av, bv, rv, tv} {
		f, err := Float(v)
		if err != nil {
			return nil, err
		}
		fs[i] = f
	}
	a, c, relTol, absTol := fs[0], fs[1], fs[2], fs[3]
	if relTol < 0 || absTol < 0 {
		return nil, fmt.Errorf("ValueError: tolerances must be non-negative")
	}
	if a == c {
		return starlark.True, nil
	}
	if math.IsInf(a, 0) || math.IsInf(c, 0) {
		return starlark.False, nil
	}
	d := math.Abs(c - a)
	return starlark.Bool(d <= math.Abs(relTol*c) || d <= math.Abs(relTol*a) || d <= absTol), nil
}

// intArgs reads n integer arguments of name.
func intArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple, min, max int) ([]*big.Int, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: %s() takes no keyword arguments", name)
	}
	if len(args) < min || len(args) > max {
		if min == max {
			return nil, fmt.Errorf("TypeError: %s expected %d arguments, got %d", name, min, len(args))
		}
		return nil, fmt.Errorf("TypeError: %s expected at most %d arguments, got %d", name, max, len(args))
	}
	out := make([]*big.Int, len(args))
	for i, a := range args {
		n, err := Integer(a)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

func factorial(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 || len(args) != 1 {
		return nil, fmt.Errorf("TypeError: math.factorial() takes exactly one argument (%d given)", len(args)+len(kwargs))
	}
	n, err := Integer(args[0])
	if err != nil {
		return nil, err
	}
	if n.Sign() < 0 {
		return nil, fmt.Errorf("ValueError: factorial() not defined for negative values")
	}
	if !n.IsInt64() || n.Int64() > 100_000 {
		return nil, fmt.Errorf("OverflowError: factorial() argument should not exceed 100000 in Burst")
	}
	if n.Sign() == 0 {
		return starlark.MakeInt(1), nil
	}
	return starlark.MakeBigInt(new(big.Int).MulRange(1, n.Int64())), nil
}

// nk reads the n and k of comb and perm.
func nk(name string, args starlark.Tuple, kwargs []starlark.Tuple, kOptional bool) (n, k *big.Int, err error) {
	min := 2
	if kOptional {
		min = 1
	}
	if len(args) == 2 && args[1] == starlark.None && kOptional {
		args = args[:1]
	}
	ns, err := intArgs(name, args, kwargs, min, 2)
	if err != nil {
		return nil, nil, err
	}
	n = ns[0]
	if n.Sign() < 0 {
		return nil, nil, fmt.Errorf("ValueError: n must be a non-negative integer")
	}
	if len(ns) == 1 {
		return n, n, nil
	}
	k = ns[1]
	if k.Sign() < 0 {
		return nil, nil, fmt.Errorf("ValueError: k must be a non-negative integer")
	}
	if k.Cmp(n) > 0 {
		return n, k, nil // the result is 0
	}
	// The work grows with k (with min(k, n-k) for comb): bound it, and n
	// to what Go's big.Int functions take.
	small := k
	if name == "comb" {
		if rest := new(big.Int).Sub(n, k); rest.Cmp(small) < 0 {
			small = rest
		}
	}
	if !n.IsInt64() || !small.IsInt64() || small.Int64() > 1_000_000 {
		return nil, nil, fmt.Errorf("OverflowError: %s() arguments this large are not supported in Burst", name)
	}
	return n, k, nil
}

func comb(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n, k, err := nk("comb", args, kwargs, false)
	if err != nil {
		return nil, err
	}
	if k.Cmp(n) > 0 {
		return starlark.MakeInt(0), nil
	}
	return starlark.MakeBigInt(new(big.Int).Binomial(n.Int64(), k.Int64())), nil
}

func perm(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n, k, err := nk("perm", args, kwargs, true)
	if err != nil {
		return nil, err
	}
	if k.Cmp(n) > 0 {
		return starlark.MakeInt(0), nil
	}
	if k.Sign() == 0 {
		return starlark.MakeInt(1), nil
	}
	return starlark.MakeBigInt(new(big.Int).MulRange(n.Int64()-k.Int64()+1, n.Int64())), nil
}

func gcdLcm(name string) session.Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		ns, err := intArgs(name, args, kwargs, 0, len(args))
		if err != nil {
			return nil, err
		}
		r := new(big.Int)
		if name == "lcm" {
			r.SetInt64(1)
		}
		t := new(big.Int)
		for _, n := range ns {
			a := t.Abs(n)
			if name == "gcd" {
				r.GCD(nil, nil, r, a)
				continue
			}
			if a.Sign() == 0 || r.Sign() == 0 {
				r.SetInt64(0)
				continue
			}
			g := new(big.Int).GCD(nil, nil, r, a)
			r.Mul(r, new(big.Int).Quo(a, g))
		}
		return starlark.MakeBigInt(r), nil
	}
}

func isqrt(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	ns, err := intArgs("isqrt", args, kwargs, 1, 1)
	if err != nil {
		return nil, err
	}
	if ns[0].Sign() < 0 {
		return nil, fmt.Errorf("ValueError: isqrt() argument must be nonnegative")
	}
	return starlark.MakeBigInt(new(big.Int).Sqrt(ns[0])), nil
}
