package ndarray

import (
	"fmt"
	"math"
)

// Op is a binary element-wise operation (a numpy ufunc).
type Op uint8

const (
	Add Op = iota
	Sub
	Mul
	Div // true division
	FloorDiv
	Mod
	Pow
	Maximum
	Minimum
	Eq
	Ne
	Lt
	Le
	Gt
	Ge
	And // & (logical for bools, bitwise for ints)
	Or  // |
	Xor // ^
)

var opNames = map[Op]string{
	Add: "add", Sub: "subtract", Mul: "multiply", Div: "divide", FloorDiv: "floor_divide", Mod: "remainder",
	Pow: "power", Maximum: "maximum", Minimum: "minimum", Eq: "equal", Ne: "not_equal", Lt: "less",
	Le: "less_equal", Gt: "greater", Ge: "greater_equal", And: "bitwise_and", Or: "bitwise_or", Xor: "bitwise_xor",
}

// IsComparison reports whether op gives a bool array.
func (op Op) IsComparison() bool { return op >= Eq && op <= Ge }

// run applies a kernel to x and y broadcast to out's shape.
func run[T, R any](k kern[T, R], o []R, os []int, x []T, xs []int, y []T, ys []int) {
	switch {
	case len(o) == 0:
		return
	case len(x) == len(o) && len(y) == len(o):
		k.vv(o, x, y)
		return
	case len(x) == len(o) && len(y) == 1:
		k.vs(o, x, y[0])
		return
	case len(x) == 1 && len(y) == len(o):
		k.sv(o, x[0], y)
		return
	}
	nd := len(os)
	sx := broadcastStrides(xs, os)
	sy := broadcastStrides(ys, os)
	n := os[nd-1]
	ix, iy := sx[nd-1], sy[nd-1]
	pos := make([]int, nd-1)
	xo, yo := 0, 0
	for p := 0; p < len(o); p += n {
		seg := o[p : p+n]
		switch {
		case ix == 1 && iy == 1:
			k.vv(seg, x[xo:xo+n], y[yo:yo+n])
		case ix == 1:
			k.vs(seg, x[xo:xo+n], y[yo])
		case iy == 1:
			k.sv(seg, x[xo], y[yo:yo+n])
		default:
			k.vs(seg[:1], x[xo:xo+1], y[yo])
			for j := 1; j < n; j++ {
				seg[j] = seg[0]
			}
		}
		for d := nd - 2; d >= 0; d-- {
			pos[d]++
			xo += sx[d]
			yo += sy[d]
			if pos[d] < os[d] {
				break
			}
			xo -= sx[d] * os[d]
			yo -= sy[d] * os[d]
			pos[d] = 0
		}
	}
}

func apply[T, R any](k kern[T, R], x, y []T, xs, ys, shape []int, mk func(int) ([]R, *Array)) *Array {
	o, out := mk(size(shape))
	run(k, o, shape, x, xs, y, ys)
	out.shape = shape
	return out
}

func floats(n int) ([]float64, *Array) {
	a := &Array{dtype: Float64, f: make([]float64, n)}
	return a.f, a
}
func ints(n int) ([]int64, *Array) {
	a := &Array{dtype: Int64, i: make([]int64, n)}
	return a.i, a
}
func bools(n int) ([]bool, *Array) {
	a := &Array{dtype: Bool, b: make([]bool, n)}
	return a.b, a
}

// Binary applies op element-wise to x and y broadcast together, with
// numpy's type promotion: bool < int64 < float64; true division and
// float functions give float64; bool + bool is logical or, bool * bool
// logical and.
func Binary(op Op, x, y *Array) (*Array, error) {
	shape, err := broadcastShapes(x.shape, y.shape)
	if err != nil {
		return nil, broadcastError(x.shape, y.shape)
	}
	t := promote(x.dtype, y.dtype)
	switch op {
	case Div:
		t = Float64
	case Sub:
		if t == Bool {
			return nil, fmt.Errorf("TypeError: numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
		}
	case FloorDiv, Mod, Pow:
		if t == Bool {
			t = Int64
		}
	case And, Or, Xor:
		if t == Float64 {
			return nil, fmt.Errorf("TypeError: ufunc '%s' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''", opNames[op])
		}
	case Lt, Le, Gt, Ge:
		if t == Bool {
			t = Int64
		}
	}
	xs, ys := x.shape, y.shape
	a, b := x.as(t), y.as(t)
	switch t {
	case Float64:
		if op == Pow && x.dtype == Float64 {
			if r, ok := fastPow(a, b, shape); ok {
				return r, nil
			}
		}
		var k kern[float64, float64]
		switch op {
		case Add:
			k = addF
		case Sub:
			k = subF
		case Mul:
			k = mulF
		case Div:
			k = divF
		case FloorDiv:
			k = floorDivFK
		case Mod:
			k = modFK
		case Pow:
			k = powFK
		case Maximum:
			k = maxFK
		case Minimum:
			k = minFK
		default:
			var c kern[float64, bool]
			switch op {
			case Eq:
				c = eqF
			case Ne:
				c = neF
			case Lt:
				c = ltF
			case Le:
				c = leF
			case Gt:
				c = gtF
			case Ge:
				c = geF
			}
			return apply(c, a.f, b.f, xs, ys, shape, bools), nil
		}
		return apply(k, a.f, b.f, xs, ys, shape, floats), nil
	case Int64:
		var k kern[int64, int64]
		switch op {
		case Add:
			k = addI
		case Sub:
			k = subI
		case Mul:
			k = mulI
		case FloorDiv:
			k = floorDivIK
		case Mod:
			k = modIK
		case Pow:
			for _, e := range b.i {
				if e < 0 {
					return nil, fmt.Errorf("ValueError: Integers to negative integer powers are not allowed.")
				}
			}
			if b.Size() == 1 && b.i[0] == 2 && sameShape(a.shape, shape) {
				// numpy's fast path: square.
				out := New(Int64, shape...)
				mulVV(out.i, a.i, a.i)
				return out, nil
			}
			k = powIK
		case Maximum:
			k = maxIK
		case Minimum:
			k = minIK
		case And:
			k = andIK
		case Or:
			k = orIK
		case Xor:
			k = xorIK
		default:
			var c kern[int64, bool]
			switch op {
			case Eq:
				c = eqI
			case Ne:
				c = neI
			case Lt:
				c = ltI
			case Le:
				c = leI
			case Gt:
				c = gtI
			case Ge:
				c = geI
			}
			return apply(c, a.i, b.i, xs, ys, shape, bools), nil
		}
		return apply(k, a.i, b.i, xs, ys, shape, ints), nil
	}
	var k kern[bool, bool]
	switch op {
	case Add, Or, Maximum:
		k = orBK
	case Mul, And, Minimum:
		k = andBK
	case Xor, Ne:
		k = xorBK
	case Eq:
		k = eqBK
	}
	return apply(k, a.b, b.b, xs, ys, shape, bools), nil
}

// fastPow is numpy's fast path for a float array to a scalar power
// (fast_scalar_power): 2 squares, 0.5 is sqrt, 1 copies, -1 is the
// reciprocal, 0 gives ones. Other powers go through pow.
func fastPow(a, b *Array, shape []int) (*Array, bool) {
	if b.Size() != 1 || !sameShape(a.shape, shape) {
		return nil, false
	}
	e := b.f[0]
	out := New(Float64, shape...)
	switch e {
	case 2:
		mulVV(out.f, a.f, a.f)
	case 0.5:
		for k, v := range a.f {
			out.f[k] = math.Sqrt(v)
		}
	case 1:
		copy(out.f, a.f)
	case -1:
		divSV(out.f, 1, a.f)
	case 0:
		for k := range out.f {
			out.f[k] = 1
		}
	default:
		return nil, false
	}
	return out, true
}

// UnaryOp is an element-wise function of one array.
type UnaryOp uint8

const (
	Neg UnaryOp = iota
	Pos
	Abs
	Invert // ~: logical not for bools, bitwise not for ints
	Not    // np.logical_not
	Sqrt
	Exp
	Log
	Log10
	Log2
	Sin
	Cos
	Tan
	Floor
	Ceil
	Trunc
	Rint // np.round to 0 decimals: half to even
	Sign
	Square
	IsNaN
	IsInf
	IsFinite
)

var unaryNames = map[UnaryOp]string{
	Neg: "negative", Pos: "positive", Abs: "absolute", Invert: "invert", Not: "logical_not", Sqrt: "sqrt",
	Exp: "exp", Log: "log", Log10: "log10", Log2: "log2", Sin: "sin", Cos: "cos", Tan: "tan",
	Floor: "floor", Ceil: "ceil", Trunc: "trunc", Rint: "rint", Sign: "sign", Square: "square",
	IsNaN: "isnan", IsInf: "isinf", IsFinite: "isfinite",
}

func mapF(a []float64, f func(float64) float64) *Array {
	out := make([]float64, len(a))
	for k, v := range a {
		out[k] = f(v)
	}
	return &Array{dtype: Float64, f: out}
}

func mapFB(a []float64, f func(float64) bool) *Array {
	out := make([]bool, len(a))
	for k, v := range a {
		out[k] = f(v)
	}
	return &Array{dtype: Bool, b: out}
}

// Unary applies op element-wise. Float functions (sqrt, exp, floor, …)
// of ints and bools give float64, as numpy 1.24's do.
func Unary(op UnaryOp, a *Array) (*Array, error) {
	var out *Array
	switch op {
	case Neg:
		switch a.dtype {
		case Float64:
			out = mapF(a.f, func(v float64) float64 { return -v })
		case Int64:
			o := make([]int64, len(a.i))
			for k, v := range a.i {
				o[k] = -v
			}
			out = &Array{dtype: Int64, i: o}
		default:
			return nil, fmt.Errorf("TypeError: The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
		}
	case Pos:
		if a.dtype == Bool {
			return nil, fmt.Errorf("TypeError: ufunc 'positive' did not contain a loop with signature matching types <class 'numpy.dtype[bool_]'> -> None")
		}
		out = a.Copy()
	case Abs:
		switch a.dtype {
		case Float64:
			out = mapF(a.f, math.Abs)
		case Int64:
			o := make([]int64, len(a.i))
			for k, v := range a.i {
				if v < 0 {
					v = -v
				}
				o[k] = v
			}
			out = &Array{dtype: Int64, i: o}
		default:
			out = a.Copy()
		}
	case Square:
		switch a.dtype {
		case Float64:
			out = mapF(a.f, func(v float64) float64 { return v * v })
		default:
			b := a.as(Int64)
			o := make([]int64, len(b.i))
			for k, v := range b.i {
				o[k] = v * v
			}
			out = &Array{dtype: Int64, i: o}
		}
	case Sign:
		switch a.dtype {
		case Float64:
			out = mapF(a.f, func(v float64) float64 {
				switch {
				case v > 0:
					return 1
				case v < 0:
					return -1
				case v == 0:
					return 0
				}
				return v
			})
		case Int64:
			o := make([]int64, len(a.i))
			for k, v := range a.i {
				switch {
				case v > 0:
					o[k] = 1
				case v < 0:
					o[k] = -1
				}
			}
			out = &Array{dtype: Int64, i: o}
		default:
			return nil, fmt.Errorf("TypeError: ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtype[bool_]'> -> None")
		}
	case Invert:
		switch a.dtype {
		case Bool:
			o := make([]bool, len(a.b))
			for k, v := range a.b {
				o[k] = !v
			}
			out = &Array{dtype: Bool, b: o}
		case Int64:
			o := make([]int64, len(a.i))
			for k, v := range a.i {
				o[k] = ^v
			}
			out = &Array{dtype: Int64, i: o}
		default:
			return nil, fmt.Errorf("TypeError: ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
		}
	case Not:
		b := a.as(Bool)
		o := make([]bool, len(b.b))
		for k, v := range b.b {
			o[k] = !v
		}
		out = &Array{dtype: Bool, b: o}
	case IsNaN, IsInf, IsFinite:
		if a.dtype != Float64 {
			o := make([]bool, a.Size())
			if op == IsFinite {
				for k := range o {
					o[k] = true
				}
			}
			out = &Array{dtype: Bool, b: o}
			break
		}
		f := map[UnaryOp]func(float64) bool{
			IsNaN:    math.IsNaN,
			IsInf:    func(v float64) bool { return math.IsInf(v, 0) },
			IsFinite: func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) },
		}[op]
		out = mapFB(a.f, f)
	default:
		f := map[UnaryOp]func(float64) float64{
			Sqrt: math.Sqrt, Exp: math.Exp, Log: math.Log, Log10: math.Log10, Log2: math.Log2,
			Sin: math.Sin, Cos: math.Cos, Tan: math.Tan, Floor: math.Floor, Ceil: math.Ceil,
			Trunc: math.Trunc, Rint: math.RoundToEven,
		}[op]
		if f == nil {
			return nil, fmt.Errorf("TypeError: ufunc '%s' is not supported", unaryNames[op])
		}
		out = mapF(a.AsFloat64s(), f)
	}
	out.shape = append([]int{}, a.shape...)
	return out, nil
}

// Where is np.where(cond, x, y): x where cond is true, y elsewhere, all
// three broadcast together, in the promoted dtype of x and y.
func Where(cond, x, y *Array) (*Array, error) {
	s, err := broadcastShapes(cond.shape, x.shape)
	if err == nil {
		s, err = broadcastShapes(s, y.shape)
	}
	if err != nil {
		return nil, broadcastError(cond.shape, x.shape, y.shape)
	}
	t := promote(x.dtype, y.dtype)
	c, _ := BroadcastTo(cond.as(Bool), s)
	a, _ := BroadcastTo(x.as(t), s)
	b, _ := BroadcastTo(y.as(t), s)
	out := New(t, s...)
	switch t {
	case Float64:
		for k, v := range c.b {
			if v {
				out.f[k] = a.f[k]
			} else {
				out.f[k] = b.f[k]
			}
		}
	case Int64:
		for k, v := range c.b {
			if v {
				out.i[k] = a.i[k]
			} else {
				out.i[k] = b.i[k]
			}
		}
	default:
		for k, v := range c.b {
			out.b[k] = v && a.b[k] || !v && b.b[k]
		}
	}
	return out, nil
}

// Clip limits the values to [lo, hi] (either may be nil).
func Clip(a, lo, hi *Array) (*Array, error) {
	out := a
	var err error
	if lo != nil {
		if out, err = Binary(Maximum, out, lo); err != nil {
			return nil, err
		}
	}
	if hi != nil {
		if out, err = Binary(Minimum, out, hi); err != nil {
			return nil, err
		}
	}
	if out == a {
		out = a.Copy()
	}
	return out, nil
}

// Round is np.round(a, decimals): half to even, as numpy (which scales
// by 10**decimals, rounds, and scales back).
func Round(a *Array, decimals int) *Array {
	switch a.dtype {
	case Bool:
		return a.Copy()
	case Int64:
		if decimals >= 0 {
			return a.Copy()
		}
		p := int64(math.Pow(10, float64(-decimals)))
		out := a.Copy()
		for k, v := range out.i {
			q := float64(v) / float64(p)
			out.i[k] = int64(math.RoundToEven(q)) * p
		}
		return out
	}
	out := a.Copy()
	if decimals == 0 {
		for k, v := range out.f {
			out.f[k] = math.RoundToEven(v)
		}
		return out
	}
	if decimals > 0 {
		f := math.Pow(10, float64(decimals))
		for k, v := range out.f {
			out.f[k] = math.RoundToEven(v*f) / f
		}
		return out
	}
	f := math.Pow(10, float64(-decimals))
	for k, v := range out.f {
		out.f[k] = math.RoundToEven(v/f) * f
	}
	return out
}
