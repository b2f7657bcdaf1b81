package numpy

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/codec"
	"burst/engine/graph"
	"burst/engine/ndarray"
	"burst/engine/session"
)

// numpy in cells: the module (import numpy as np) and the ndarray value,
// over engine/ndarray. Functions that numpy answers with a scalar (a
// reduction, an element) return Python's float, int or bool, which numpy
// 1.24 prints the same way.

// NDArray is a numpy ndarray in a cell. Other packages' functions (the
// sklearn modules, dask arrays) return arrays with NewArray and read them
// with ArrayOf.
type NDArray struct {
	operators
	a *ndarray.Array
}

// ArrayLike is a value of another library that numpy converts by its
// data, as np.asarray(x) and np.array(x) do: the kernel's pandas Series
// and DataFrame.
type ArrayLike interface {
	starlark.Value
	// ArrayNDim is the number of dimensions of the array the value
	// converts to: 1 for a Series, which numpy also takes as an index (as
	// a list), 2 for a DataFrame.
	ArrayNDim() int
	// NumpyArray is the value's data as an array, or the Python error
	// that says why it has none.
	NumpyArray() (*ndarray.Array, error)
}

// NewArray wraps an array as a cell value; the value shares its data.
func NewArray(a *ndarray.Array) *NDArray { return &NDArray{a: a} }

// Array returns the wrapped array.
func (x *NDArray) Array() *ndarray.Array { return x.a }

// An array travels in numpy's .npy format (raw little-endian data after a
// header of dtype and shape), alone or inside plain data (base64 in the
// JSON): no text per element.
func init() {
	codec.Register(codec.Codec{
		Name:  "ndarray",
		Magic: "\x93NUMPY", // see ndarray.IsNPY
		Encode: func(v graph.Value) ([]byte, bool, error) {
			if x, ok := v.(*NDArray); ok {
				return ndarray.Marshal(x.a), true, nil
			}
			return nil, false, nil
		},
		Decode: func(b []byte) (graph.Value, error) {
			a, err := ndarray.Unmarshal(b)
			if err != nil {
				return nil, err
			}
			return &NDArray{a: a}, nil
		},
	})
	codec.RegisterPlain(codec.PlainType{
		Tag: "ndarray",
		Encode: func(v starlark.Value, _ func(starlark.Value) (any, error)) (any, bool, error) {
			if x, ok := v.(*NDArray); ok {
				return ndarray.Marshal(x.a), true, nil
			}
			return nil, false, nil
		},
		Decode: func(raw json.RawMessage, _ func(json.RawMessage) (starlark.Value, error)) (starlark.Value, error) {
			var npy []byte
			if err := json.Unmarshal(raw, &npy); err != nil {
				return nil, err
			}
			a, err := ndarray.Unmarshal(npy)
			if err != nil {
				return nil, err
			}
			return &NDArray{a: a}, nil
		},
	})
}

var (
	_ starlark.HasAttrs  = (*NDArray)(nil)
	_ starlark.HasSetKey = (*NDArray)(nil)
	_ starlark.HasBinary = (*NDArray)(nil)
	_ starlark.HasUnary  = (*NDArray)(nil)
	_ starlark.Sliceable = (*NDArray)(nil)
	_ starlark.Iterable  = (*NDArray)(nil)
)

func (x *NDArray) String() string { return x.a.Repr() }
func (x *NDArray) Type() string   { return "numpy.ndarray" }
func (x *NDArray) Freeze()        {}
func (x *NDArray) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'numpy.ndarray'")
}

// Truth is bool(a): an array of more than one element has no truth
// value, as in numpy. Starlark's Truth cannot fail, so the error leaves
// by a panic that the kernel recovers (session.PyPanic).
func (x *NDArray) Truth() starlark.Bool {
	t, err := x.a.Truth()
	if err != nil {
		panic(session.PyPanic{Err: err})
	}
	return starlark.Bool(t)
}

// Len is len(a): the length of the first axis; a 0-d array has none.
func (x *NDArray) Len() int {
	if x.a.NDim() == 0 {
		return -1
	}
	return x.a.Len()
}

// PyScalar implements float(a) and int(a) for a size-1 array.
func (x *NDArray) PyScalar() (starlark.Value, error) {
	if x.a.Size() != 1 {
		return nil, fmt.Errorf("TypeError: only size-1 arrays can be converted to Python scalars")
	}
	return scalarValue(x.a.Item(0)), nil
}

// Index returns a[i] (Starlark's Indexable).
func (x *NDArray) Index(i int) starlark.Value { return ValueOf(x.a.Row(i)) }

// Slice implements a[lo:hi:step] along the first axis.
func (x *NDArray) Slice(start, end, step int) starlark.Value {
	if x.a.NDim() == 0 {
		return x
	}
	n := x.a.Len()
	if step == 1 {
		return &NDArray{a: x.a.Rows(start, max(start, end))}
	}
	// Starlark has resolved the bounds; rebuild the positions.
	var pos []int64
	for i := start; (step > 0 && i < end) || (step < 0 && i > end); i += step {
		if i >= 0 && i < n {
			pos = append(pos, int64(i))
		}
	}
	if pos == nil {
		pos = []int64{}
	}
	r, err := x.a.Get(ndarray.FromInt64s(pos))
	if err != nil {
		return x
	}
	return &NDArray{a: r}
}

// Iterate yields the rows (elements of a 1-D array).
func (x *NDArray) Iterate() starlark.Iterator {
	return &arrayIter{a: x.a}
}

type arrayIter struct {
	a *ndarray.Array
	i int
}

func (it *arrayIter) Next(p *starlark.Value) bool {
	if it.a.NDim() == 0 || it.i >= it.a.Len() {
		return false
	}
	*p = ValueOf(it.a.Row(it.i))
	it.i++
	return true
}
func (it *arrayIter) Done() {}

// ValueOf is an array as a cell value: a 0-d array is Python's float,
// int or bool, as numpy's scalars print; others are an NDArray.
func ValueOf(a *ndarray.Array) starlark.Value {
	if a.NDim() == 0 {
		return scalarValue(a.Item(0))
	}
	return &NDArray{a: a}
}

// scalarValue converts an element to Python's float, int or bool.
func scalarValue(v any) starlark.Value {
	switch v := v.(type) {
	case float64:
		return starlark.Float(v)
	case int64:
		return starlark.MakeInt64(v)
	case bool:
		return starlark.Bool(v)
	}
	return starlark.None
}

// ---- indexing ----

// SliceValue is Python's slice object: the translator turns a[1:3, 0]
// into a[_slice(1, 3), 0], which Starlark can parse. Dask arrays take it
// as an index too.
type SliceValue struct{ start, stop, step starlark.Value }

// NewSlice is slice(start, stop, step); None leaves a bound out.
func NewSlice(start, stop, step starlark.Value) SliceValue { return SliceValue{start, stop, step} }

func (s SliceValue) String() string {
	return fmt.Sprintf("slice(%s, %s, %s)", session.Repr(s.start), session.Repr(s.stop), session.Repr(s.step))
}
func (s SliceValue) Type() string         { return "slice" }
func (s SliceValue) Freeze()              {}
func (s SliceValue) Truth() starlark.Bool { return true }
func (s SliceValue) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'slice'")
}

func makeSlice(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	s := SliceValue{starlark.None, starlark.None, starlark.None}
	if len(args) > 0 {
		s.start = args[0]
	}
	if len(args) > 1 {
		s.stop = args[1]
	}
	if len(args) > 2 {
		s.step = args[2]
	}
	return s, nil
}

// Index is the slice as an index of engine/ndarray: its bounds as ints.
func (s SliceValue) Index() (ndarray.Slice, error) {
	var out ndarray.Slice
	for _, p := range []struct {
		v   starlark.Value
		dst **int
	}{{s.start, &out.Start}, {s.stop, &out.Stop}, {s.step, &out.Step}} {
		if p.v == starlark.None {
			continue
		}
		n, err := starlark.AsInt32(p.v)
		if err != nil {
			return out, fmt.Errorf("TypeError: slice indices must be integers or None or have an __index__ method")
		}
		n2 := n
		*p.dst = &n2
	}
	return out, nil
}

var badIndex = fmt.Errorf("IndexError: only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")

// npIndex converts one index of a subscript.
func npIndex(v starlark.Value) (ndarray.Index, error) {
	switch v := v.(type) {
	case starlark.Bool:
		return nil, badIndex
	case starlark.Int:
		n, err := starlark.AsInt32(v)
		if err != nil {
			return nil, fmt.Errorf("IndexError: cannot fit 'int' into an index-sized integer")
		}
		return ndarray.Int(n), nil
	case SliceValue:
		return v.Index()
	case starlark.NoneType:
		return ndarray.NewAxis{}, nil
	case *NDArray:
		if v.a.NDim() == 0 && v.a.DType() == ndarray.Int64 {
			return ndarray.Int(v.a.Int64s()[0]), nil
		}
		return v.a, nil
	case *starlark.List, ArrayLike:
		if l, ok := v.(ArrayLike); ok && l.ArrayNDim() != 1 {
			return nil, badIndex
		}
		a, err := ArrayOf(v)
		if err != nil {
			return nil, err
		}
		if a.Size() == 0 {
			a = a.AsType(ndarray.Int64)
		}
		return a, nil
	}
	return nil, badIndex
}

// npIndices converts a subscript: one index, or a tuple of them.
func npIndices(key starlark.Value) ([]ndarray.Index, error) {
	t, ok := key.(starlark.Tuple)
	if !ok {
		ix, err := npIndex(key)
		return []ndarray.Index{ix}, err
	}
	out := make([]ndarray.Index, len(t))
	for k, v := range t {
		ix, err := npIndex(v)
		if err != nil {
			return nil, err
		}
		out[k] = ix
	}
	return out, nil
}

// Get implements a[key]: ints, slices, None, masks, integer arrays and
// tuples of them.
func (x *NDArray) Get(key starlark.Value) (starlark.Value, bool, error) {
	idx, err := npIndices(key)
	if err != nil {
		return nil, false, err
	}
	r, err := x.a.Get(idx...)
	if err != nil {
		return nil, false, err
	}
	return ValueOf(r), true, nil
}

// SetKey implements a[key] = value.
func (x *NDArray) SetKey(key, v starlark.Value) error {
	idx, err := npIndices(key)
	if err != nil {
		return err
	}
	val, err := ArrayOf(v)
	if err != nil {
		return err
	}
	if x.a.DType() == ndarray.Int64 && val.DType() == ndarray.Float64 && val.NDim() == 0 {
		if f := val.Float64s()[0]; math.IsNaN(f) {
			return fmt.Errorf("ValueError: cannot convert float NaN to integer")
		}
	}
	return x.a.Set(val, idx...)
}

// ---- conversions ----

// ArrayOf converts a cell value to an array as np.asarray does: arrays as
// they are (sharing data), numbers and booleans as 0-d arrays, nested
// lists and tuples with numpy's dtype inference (any float: float64, else
// any int: int64, else bool), ArrayLike values (Series and numeric
// DataFrames) by their values.
func ArrayOf(v starlark.Value) (*ndarray.Array, error) {
	switch v := v.(type) {
	case *NDArray:
		return v.a, nil
	case starlark.Bool:
		return ndarray.Scalar(bool(v)), nil
	case starlark.Int:
		i, ok := v.Int64()
		if !ok {
			return nil, fmt.Errorf("OverflowError: Python int too large to convert to C long")
		}
		return ndarray.Scalar(i), nil
	case starlark.Float:
		return ndarray.Scalar(float64(v)), nil
	case ArrayLike:
		return v.NumpyArray()
	case *starlark.List, starlark.Tuple:
		return nestedArray(v)
	case starlark.String, *starlark.Dict:
	case starlark.Iterable:
		// range(...) and other sequences: their items.
		var items []starlark.Value
		it := v.Iterate()
		defer it.Done()
		var x starlark.Value
		for it.Next(&x) {
			items = append(items, x)
		}
		return nestedArray(starlark.NewList(items))
	}
	return nil, fmt.Errorf("TypeError: Burst's numpy makes arrays of numbers and booleans, not of %s", session.TypeName(v))
}

// nestedArray converts nested lists and tuples (and arrays inside them).
func nestedArray(v starlark.Value) (*ndarray.Array, error) {
	var shape []int
	// The shape comes from the first element at each depth.
	for cur := v; ; {
		switch c := cur.(type) {
		case *starlark.List:
			shape = append(shape, c.Len())
			if c.Len() == 0 {
				goto done
			}
			cur = c.Index(0)
			continue
		case starlark.Tuple:
			shape = append(shape, len(c))
			if len(c) == 0 {
				goto done
			}
			cur = c[0]
			continue
		case *NDArray:
			shape = append(shape, c.a.Shape()...)
		}
		break
	}
done:
	n := 1
	for _, d := range shape {
		n *= d
	}
	kind := ndarray.Bool
	seen := false
	floats := make([]float64, 0, n)
	ints := make([]int64, 0, n)
	bools := make([]bool, 0, n)
	inhomogeneous := func(depth int) error {
		return fmt.Errorf("ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after %d dimensions. The detected shape was %s + inhomogeneous part.", depth, ndarray.ShapeString(shape[:depth]))
	}
	var walk func(x starlark.Value, depth int) error
	walk = func(x starlark.Value, depth int) error {
		var items []starlark.Value
		switch c := x.(type) {
		case *starlark.List:
			for i := 0; i < c.Len(); i++ {
				items = append(items, c.Index(i))
			}
		case starlark.Tuple:
			items = c
		case *NDArray:
			if depth+c.a.NDim() != len(shape) {
				return inhomogeneous(depth)
			}
			for k, d := range c.a.Shape() {
				if shape[depth+k] != d {
					return inhomogeneous(depth + k)
				}
			}
			seen = true
			kind = max(kind, c.a.DType())
			for k := 0; k < c.a.Size(); k++ {
				switch v := c.a.Item(k).(type) {
				case float64:
					floats = append(floats, v)
				case int64:
					ints = append(ints, v)
					floats = append(floats, float64(v))
				case bool:
					bools = append(bools, v)
					if v {
						ints = append(ints, 1)
						floats = append(floats, 1)
					} else {
						ints = append(ints, 0)
						floats = append(floats, 0)
					}
				}
			}
			return nil
		default:
			if depth != len(shape) {
				return inhomogeneous(depth)
			}
			seen = true
			switch e := x.(type) {
			case starlark.Bool:
				b := bool(e)
				bools = append(bools, b)
				if b {
					ints, floats = append(ints, 1), append(floats, 1)
				} else {
					ints, floats = append(ints, 0), append(floats, 0)
				}
			case starlark.Int:
				i, ok := e.Int64()
				if !ok {
					return fmt.Errorf("OverflowError: Python int too large to convert to C long")
				}
				kind = max(kind, ndarray.Int64)
				ints, floats = append(ints, i), append(floats, float64(i))
			case starlark.Float:
				kind = ndarray.Float64
				floats = append(floats, float64(e))
			default:
				return fmt.Errorf("TypeError: Burst's numpy makes arrays of numbers and booleans, not of %s", session.TypeName(x))
			}
			return nil
		}
		if depth >= len(shape) || len(items) != shape[depth] {
			return inhomogeneous(depth)
		}
		for _, it := range items {
			if err := walk(it, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(v, 0); err != nil {
		return nil, err
	}
	if !seen {
		return ndarray.New(ndarray.Float64, shape...), nil
	}
	switch kind {
	case ndarray.Float64:
		return ndarray.FromFloat64s(floats, shape...), nil
	case ndarray.Int64:
		return ndarray.FromInt64s(ints, shape...), nil
	}
	return ndarray.FromBools(bools, shape...), nil
}

// tolist converts an array to nested lists of Python scalars.
func tolist(a *ndarray.Array) starlark.Value {
	if a.NDim() == 0 {
		return scalarValue(a.Item(0))
	}
	out := make([]starlark.Value, a.Len())
	for k := range out {
		out[k] = tolist(a.Row(k))
	}
	return starlark.NewList(out)
}

// ---- operators ----

var numpyOps = map[syntax.Token]ndarray.Op{
	syntax.PLUS: ndarray.Add, syntax.MINUS: ndarray.Sub, syntax.STAR: ndarray.Mul, syntax.SLASH: ndarray.Div,
	syntax.SLASHSLASH: ndarray.FloorDiv, syntax.PERCENT: ndarray.Mod, syntax.AMP: ndarray.And,
	syntax.PIPE: ndarray.Or, syntax.CIRCUMFLEX: ndarray.Xor,
}

// operand converts the other side of an operator, or reports that the
// array does not handle it (Starlark then reports the type error).
func operand(v starlark.Value) (*ndarray.Array, bool) {
	switch v.(type) {
	case *NDArray, starlark.Int, starlark.Float, starlark.Bool, *starlark.List, starlark.Tuple:
		a, err := ArrayOf(v)
		return a, err == nil
	}
	return nil, false
}

// Binary implements + - * / // % & | ^ with arrays, numbers and lists on
// either side.
func (x *NDArray) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if _, ok := y.(matmulOp); ok && op == syntax.STAR && side == starlark.Left {
		return pendingMatmul{x}, nil
	}
	o, ok := numpyOps[op]
	if !ok {
		return nil, nil
	}
	b, ok := operand(y)
	if !ok {
		return nil, nil
	}
	l, r := x.a, b
	if side == starlark.Right {
		l, r = b, x.a
	}
	return npBinary(o, l, r)
}

func npBinary(op ndarray.Op, x, y *ndarray.Array) (starlark.Value, error) {
	r, err := ndarray.Binary(op, x, y)
	if err != nil {
		return nil, err
	}
	return ValueOf(r), nil
}

// Unary implements -a, +a and ~a.
func (x *NDArray) Unary(op syntax.Token) (starlark.Value, error) {
	var u ndarray.UnaryOp
	switch op {
	case syntax.MINUS:
		u = ndarray.Neg
	case syntax.PLUS:
		u = ndarray.Pos
	case syntax.TILDE:
		u = ndarray.Invert
	default:
		return nil, nil
	}
	r, err := ndarray.Unary(u, x.a)
	if err != nil {
		return nil, err
	}
	return &NDArray{a: r}, nil
}

var cmpOps = map[string]ndarray.Op{"==": ndarray.Eq, "!=": ndarray.Ne, "<": ndarray.Lt, "<=": ndarray.Le, ">": ndarray.Gt, ">=": ndarray.Ge}

// numpyCompare is _cmp for arrays: element-wise, a bool array. ok is
// false when neither side is an array.
func numpyCompare(op string, x, y starlark.Value) (starlark.Value, bool, error) {
	if dx, ok := x.(*DTypeValue); ok {
		return starlark.Bool(dx.equal(y) == (op == "==")), op == "==" || op == "!=", nil
	}
	if dy, ok := y.(*DTypeValue); ok {
		return starlark.Bool(dy.equal(x) == (op == "==")), op == "==" || op == "!=", nil
	}
	_, xa := x.(*NDArray)
	_, ya := y.(*NDArray)
	if !xa && !ya {
		return nil, false, nil
	}
	a, ok1 := operand(x)
	b, ok2 := operand(y)
	if !ok1 || !ok2 {
		// numpy compares with anything: unequal, element by element for
		// None, as one answer (with a warning) for others.
		if (op == "==" || op == "!=") && x != starlark.None && y != starlark.None {
			return starlark.Bool(op == "!="), true, nil
		}
		if op == "==" || op == "!=" {
			var arr *ndarray.Array
			if xa {
				arr = x.(*NDArray).a
			} else {
				arr = y.(*NDArray).a
			}
			return &NDArray{a: ndarray.Full(arr.Shape(), op == "!=", ndarray.Bool)}, true, nil
		}
		return nil, true, fmt.Errorf("TypeError: '%s' not supported between instances of '%s' and '%s'", op, session.TypeName(x), session.TypeName(y))
	}
	r, err := npBinary(cmpOps[op], a, b)
	return r, true, err
}

// npPow is x ** y with an array on either side.
func npPow(x, y starlark.Value) (starlark.Value, bool, error) {
	_, xa := x.(*NDArray)
	_, ya := y.(*NDArray)
	if !xa && !ya {
		return nil, false, nil
	}
	a, ok1 := operand(x)
	b, ok2 := operand(y)
	if !ok1 || !ok2 {
		return nil, true, fmt.Errorf("TypeError: unsupported operand type(s) for ** or pow(): '%s' and '%s'", session.TypeName(x), session.TypeName(y))
	}
	r, err := npBinary(ndarray.Pow, a, b)
	return r, true, err
}

// matmulOp is _at: the translator turns a @ b into a * _at * b, which
// has @'s precedence and grouping; a * _at is a pendingMatmul, which
// times b is the product.
type matmulOp struct{}

func (matmulOp) String() string        { return "<matmul>" }
func (matmulOp) Type() string          { return "matmul" }
func (matmulOp) Freeze()               {}
func (matmulOp) Truth() starlark.Bool  { return true }
func (matmulOp) Hash() (uint32, error) { return 0, nil }

// Binary implements x * _at for any x (Starlark asks the right operand).
func (matmulOp) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if op == syntax.STAR && side == starlark.Right {
		return pendingMatmul{y}, nil
	}
	return nil, nil
}

type pendingMatmul struct{ x starlark.Value }

func (p pendingMatmul) String() string        { return "<matmul>" }
func (p pendingMatmul) Type() string          { return "matmul" }
func (p pendingMatmul) Freeze()               {}
func (p pendingMatmul) Truth() starlark.Bool  { return true }
func (p pendingMatmul) Hash() (uint32, error) { return 0, nil }

// Binary implements (x * _at) * y, that is x @ y.
func (p pendingMatmul) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if op != syntax.STAR || side != starlark.Left {
		return nil, nil
	}
	a, ok1 := operand(p.x)
	b, ok2 := operand(y)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("TypeError: unsupported operand type(s) for @: '%s' and '%s'", session.TypeName(p.x), session.TypeName(y))
	}
	r, err := ndarray.Matmul(a, b)
	if err != nil {
		return nil, err
	}
	return ValueOf(r), nil
}

// ---- dtypes ----

// DTypeValue is a numpy dtype object: a.dtype, np.dtype('float64').
type DTypeValue struct {
	operators
	t ndarray.DType
}

// NewDType is the dtype object of t.
func NewDType(t ndarray.DType) *DTypeValue { return &DTypeValue{t: t} }

// DType is the dtype the object stands for.
func (d *DTypeValue) DType() ndarray.DType { return d.t }

func (d *DTypeValue) String() string        { return fmt.Sprintf("dtype('%s')", d.t) }
func (d *DTypeValue) Type() string          { return "numpy.dtype" }
func (d *DTypeValue) Freeze()               {}
func (d *DTypeValue) Truth() starlark.Bool  { return true }
func (d *DTypeValue) Hash() (uint32, error) { return starlark.String(d.t.String()).Hash() }
func (d *DTypeValue) AttrNames() []string   { return []string{"name", "kind", "itemsize"} }
func (d *DTypeValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(d.t.String()), nil
	case "kind":
		return starlark.String(map[ndarray.DType]string{ndarray.Float64: "f", ndarray.Int64: "i", ndarray.Bool: "b"}[d.t]), nil
	case "itemsize":
		if d.t == ndarray.Bool {
			return starlark.MakeInt(1), nil
		}
		return starlark.MakeInt(8), nil
	}
	return nil, fmt.Errorf("AttributeError: 'numpy.dtype[%s]' object has no attribute '%s'", d.t, name)
}

// equal is dtype == other: a dtype, a name, or a type such as np.float64.
func (d *DTypeValue) equal(v starlark.Value) bool {
	t, err := dtypeOf(v)
	return err == nil && t == d.t
}

// npType is one of numpy's scalar types (np.float64, np.int64, np.bool_):
// usable as a dtype, and callable to convert a number.
type npType struct{ t ndarray.DType }

func (n *npType) name() string {
	if n.t == ndarray.Bool {
		return "bool_"
	}
	return n.t.String()
}
func (n *npType) String() string        { return fmt.Sprintf("<class 'numpy.%s'>", n.name()) }
func (n *npType) Type() string          { return "type" }
func (n *npType) Freeze()               {}
func (n *npType) Truth() starlark.Bool  { return true }
func (n *npType) Hash() (uint32, error) { return starlark.String(n.name()).Hash() }
func (n *npType) Name() string          { return n.name() }

// CallInternal converts a number (or an array, element-wise) to the type.
func (n *npType) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value = starlark.MakeInt(0)
	if err := starlark.UnpackPositionalArgs(n.name(), args, kwargs, 0, &x); err != nil {
		return nil, err
	}
	if s, ok := x.(starlark.String); ok && n.t == ndarray.Float64 {
		return starlark.Call(&starlark.Thread{}, starlark.Universe["float"], starlark.Tuple{s}, nil)
	}
	a, err := ArrayOf(x)
	if err != nil {
		return nil, err
	}
	return ValueOf(a.AsType(n.t)), nil
}

// IsInstance is isinstance(x, np.float64) and the like: numpy's scalars
// are Python's float, int and bool in Burst.
func (n *npType) IsInstance(x starlark.Value) bool {
	switch x.(type) {
	case starlark.Float:
		return n.t == ndarray.Float64
	case starlark.Int:
		return n.t == ndarray.Int64
	case starlark.Bool:
		return n.t == ndarray.Bool
	}
	return false
}

// DTypeArg reads a dtype argument as numpy does (for modules that take
// dtype=): 'float64', 'int64', 'bool', Python's float/int/bool,
// np.float64, or an array's dtype.
func DTypeArg(v starlark.Value) (ndarray.DType, error) { return dtypeOf(v) }

// dtypeOf reads a dtype argument: a name, Python's float/int/bool, one
// of numpy's types, or a dtype.
func dtypeOf(v starlark.Value) (ndarray.DType, error) {
	switch v := v.(type) {
	case *DTypeValue:
		return v.t, nil
	case *npType:
		return v.t, nil
	case starlark.String:
		t, err := ndarray.ParseDType(string(v))
		if err != nil {
			return 0, unsupportedDType(string(v))
		}
		return t, nil
	case *starlark.Builtin:
		switch v.Name() {
		case "float":
			return ndarray.Float64, nil
		case "int":
			return ndarray.Int64, nil
		case "bool":
			return ndarray.Bool, nil
		}
		return 0, unsupportedDType(v.Name())
	case *session.PyType:
		return dtypeOf(starlark.NewBuiltin(v.Name(), nil))
	case *session.TypeObject:
		return dtypeOf(starlark.String(v.Name))
	}
	return 0, fmt.Errorf("TypeError: Cannot interpret '%s' as a data type", session.Repr(v))
}

func unsupportedDType(name string) error {
	switch name {
	case "float32", "float16", "int32", "int16", "int8", "uint8", "str", "object", "complex", "complex128", "U", "O":
		return fmt.Errorf("TypeError: dtype '%s' is not supported: Burst's numpy (and pandas) has the dtypes float64, int64 and bool", name)
	}
	return fmt.Errorf("TypeError: data type '%s' not understood", name)
}

// ---- attributes and methods ----

var arrayAttrNames = []string{"T", "dtype", "itemsize", "nbytes", "ndim", "shape", "size"}

func (x *NDArray) AttrNames() []string {
	names := append([]string{}, arrayAttrNames...)
	for n := range arrayMethods {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func shapeTuple(shape []int) starlark.Tuple {
	t := make(starlark.Tuple, len(shape))
	for k, d := range shape {
		t[k] = starlark.MakeInt(d)
	}
	return t
}

// Attr implements the properties and methods.
func (x *NDArray) Attr(name string) (starlark.Value, error) {
	switch name {
	case "shape":
		return shapeTuple(x.a.Shape()), nil
	case "ndim":
		return starlark.MakeInt(x.a.NDim()), nil
	case "size":
		return starlark.MakeInt(x.a.Size()), nil
	case "dtype":
		return &DTypeValue{t: x.a.DType()}, nil
	case "T":
		return &NDArray{a: x.a.Transpose()}, nil
	case "itemsize":
		return (&DTypeValue{t: x.a.DType()}).Attr("itemsize")
	case "nbytes":
		n := 8
		if x.a.DType() == ndarray.Bool {
			n = 1
		}
		return starlark.MakeInt(n * x.a.Size()), nil
	}
	if f, ok := arrayMethods[name]; ok {
		return starlark.NewBuiltin("ndarray."+name, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(x, args, kwargs)
		}), nil
	}
	return nil, fmt.Errorf("AttributeError: 'numpy.ndarray' object has no attribute '%s'", name)
}

type arrayMethod func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

var arrayMethods map[string]arrayMethod

// axisArg reads an axis argument: None or an int.
func axisArg(v starlark.Value) (*int, error) {
	if v == nil || v == starlark.None {
		return nil, nil
	}
	if _, ok := v.(starlark.Tuple); ok {
		return nil, fmt.Errorf("NotImplementedError: Burst's numpy reduces along one axis (or all): give an int or None")
	}
	n, err := starlark.AsInt32(v)
	if err != nil {
		return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", session.TypeName(v))
	}
	return &n, nil
}

// reduction runs a reduction with numpy's arguments:
// (axis=None, dtype=None, out=None, keepdims=False[, ddof=0]).
func reduction(name string, r ndarray.Reduction, a *ndarray.Array, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var axisV, dtypeV, outV starlark.Value
	keepdims := false
	ddof := 0
	var err error
	switch r {
	case ndarray.Var, ndarray.Std:
		err = starlark.UnpackArgs(name, args, kwargs, "axis?", &axisV, "dtype?", &dtypeV, "out?", &outV, "ddof?", &ddof, "keepdims?", &keepdims)
	case ndarray.ArgMin, ndarray.ArgMax:
		err = starlark.UnpackArgs(name, args, kwargs, "axis?", &axisV, "out?", &outV, "keepdims?", &keepdims)
	default:
		err = starlark.UnpackArgs(name, args, kwargs, "axis?", &axisV, "dtype?", &dtypeV, "out?", &outV, "keepdims?", &keepdims)
	}
	if err != nil {
		return nil, err
	}
	if outV != nil && outV != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: out= is not supported in Burst's numpy")
	}
	axis, err := axisArg(axisV)
	if err != nil {
		return nil, err
	}
	src := a
	if dtypeV != nil && dtypeV != starlark.None {
		t, err := dtypeOf(dtypeV)
		if err != nil {
			return nil, err
		}
		src = a.AsType(t)
	}
	res, err := src.Reduce(r, axis, ddof)
	if err != nil {
		return nil, err
	}
	if keepdims {
		shape := append([]int{}, a.Shape()...)
		if axis == nil {
			for k := range shape {
				shape[k] = 1
			}
		} else {
			ax, _ := ndarray.NormalizeAxis(*axis, a.NDim())
			shape[ax] = 1
		}
		res, _ = res.Reshape(shape...)
		return &NDArray{a: res}, nil
	}
	return ValueOf(res), nil
}

// shapeArgs reads a shape given as ints or as one tuple or list.
func shapeArgs(name string, args starlark.Tuple) ([]int, error) {
	if len(args) == 1 {
		switch s := args[0].(type) {
		case starlark.Tuple, *starlark.List:
			return shapeArg(name, s)
		}
	}
	return shapeArg(name, args)
}

// shapeArg reads a shape: an int or a sequence of ints.
func shapeArg(name string, v starlark.Value) ([]int, error) {
	if i, ok := v.(starlark.Int); ok {
		n, err := starlark.AsInt32(i)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, fmt.Errorf("ValueError: negative dimensions are not allowed")
		}
		return []int{n}, nil
	}
	it := starlark.Iterate(v)
	if it == nil {
		return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", session.TypeName(v))
	}
	defer it.Done()
	var shape []int
	var e starlark.Value
	for it.Next(&e) {
		n, err := starlark.AsInt32(e)
		if err != nil {
			return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", session.TypeName(e))
		}
		shape = append(shape, n)
	}
	if shape == nil {
		shape = []int{}
	}
	return shape, nil
}

func init() {
	red := func(name string, r ndarray.Reduction) arrayMethod {
		return func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return reduction(name, r, x.a, args, kwargs)
		}
	}
	arrayMethods = map[string]arrayMethod{
		"sum":    red("sum", ndarray.Sum),
		"prod":   red("prod", ndarray.Prod),
		"mean":   red("mean", ndarray.Mean),
		"var":    red("var", ndarray.Var),
		"std":    red("std", ndarray.Std),
		"min":    red("min", ndarray.Min),
		"max":    red("max", ndarray.Max),
		"argmin": red("argmin", ndarray.ArgMin),
		"argmax": red("argmax", ndarray.ArgMax),
		"any":    red("any", ndarray.Any),
		"all":    red("all", ndarray.All),
		"cumsum": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return cumulative("cumsum", false, x.a, args, kwargs)
		},
		"cumprod": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return cumulative("cumprod", true, x.a, args, kwargs)
		},
		"reshape": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(kwargs) > 0 {
				return nil, fmt.Errorf("TypeError: reshape() takes no keyword arguments")
			}
			shape, err := shapeArgs("reshape", args)
			if err != nil {
				return nil, err
			}
			r, err := x.a.Reshape(shape...)
			if err != nil {
				return nil, err
			}
			return &NDArray{a: r}, nil
		},
		"ravel": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs("ravel", args, kwargs); err != nil {
				return nil, err
			}
			return &NDArray{a: x.a.Ravel()}, nil
		},
		"flatten": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs("flatten", args, kwargs); err != nil {
				return nil, err
			}
			return &NDArray{a: x.a.Copy().Ravel()}, nil
		},
		"copy": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs("copy", args, kwargs); err != nil {
				return nil, err
			}
			return &NDArray{a: x.a.Copy()}, nil
		},
		"astype": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var dt starlark.Value
			if err := starlark.UnpackArgs("astype", args, kwargs, "dtype", &dt); err != nil {
				return nil, err
			}
			t, err := dtypeOf(dt)
			if err != nil {
				return nil, err
			}
			return &NDArray{a: x.a.AsType(t)}, nil
		},
		"tolist": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs("tolist", args, kwargs); err != nil {
				return nil, err
			}
			return tolist(x.a), nil
		},
		"item": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) == 0 {
				if x.a.Size() != 1 {
					return nil, fmt.Errorf("ValueError: can only convert an array of size 1 to a Python scalar")
				}
				return scalarValue(x.a.Item(0)), nil
			}
			r, _, err := x.Get(starlark.Tuple(args))
			return r, err
		},
		"transpose": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 0 || len(kwargs) > 0 {
				return nil, fmt.Errorf("NotImplementedError: transpose() reverses the axes in Burst: give no axes")
			}
			return &NDArray{a: x.a.Transpose()}, nil
		},
		"dot": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var b starlark.Value
			if err := starlark.UnpackArgs("dot", args, kwargs, "b", &b); err != nil {
				return nil, err
			}
			return npDot(x, b)
		},
		"round": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			decimals := 0
			if err := starlark.UnpackArgs("round", args, kwargs, "decimals?", &decimals); err != nil {
				return nil, err
			}
			return ValueOf(ndarray.Round(x.a, decimals)), nil
		},
		"clip": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var lo, hi starlark.Value = starlark.None, starlark.None
			if err := starlark.UnpackArgs("clip", args, kwargs, "min?", &lo, "max?", &hi); err != nil {
				return nil, err
			}
			return clip(x.a, lo, hi)
		},
		"sort": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var axisV starlark.Value = starlark.MakeInt(-1)
			if err := starlark.UnpackArgs("sort", args, kwargs, "axis?", &axisV); err != nil {
				return nil, err
			}
			axis, err := axisArg(axisV)
			if err != nil {
				return nil, err
			}
			if axis == nil {
				return nil, fmt.Errorf("NotImplementedError: a.sort(axis=None) is not supported; use np.sort(a, axis=None)")
			}
			s, err := ndarray.Sort(x.a, axis)
			if err != nil {
				return nil, err
			}
			// In place, as numpy.
			if err := x.a.Set(s); err != nil {
				return nil, err
			}
			return starlark.None, nil
		},
		"argsort": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var axisV starlark.Value = starlark.MakeInt(-1)
			if err := starlark.UnpackArgs("argsort", args, kwargs, "axis?", &axisV); err != nil {
				return nil, err
			}
			axis, err := axisArg(axisV)
			if err != nil {
				return nil, err
			}
			r, err := ndarray.Argsort(x.a, axis)
			if err != nil {
				return nil, err
			}
			return &NDArray{a: r}, nil
		},
		"fill": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackArgs("fill", args, kwargs, "value", &v); err != nil {
				return nil, err
			}
			a, err := ArrayOf(v)
			if err != nil || a.NDim() != 0 {
				return nil, fmt.Errorf("TypeError: fill() takes a number")
			}
			x.a.Fill(a)
			return starlark.None, nil
		},
		"nonzero": func(x *NDArray, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs("nonzero", args, kwargs); err != nil {
				return nil, err
			}
			return nonzeroTuple(x.a), nil
		},
	}
}

func cumulative(name string, prod bool, a *ndarray.Array, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var axisV starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "axis?", &axisV); err != nil {
		return nil, err
	}
	axis, err := axisArg(axisV)
	if err != nil {
		return nil, err
	}
	r, err := a.Cumulative(prod, axis)
	if err != nil {
		return nil, err
	}
	return &NDArray{a: r}, nil
}

func nonzeroTuple(a *ndarray.Array) starlark.Tuple {
	nz := ndarray.Nonzero(a)
	out := make(starlark.Tuple, len(nz))
	for k, x := range nz {
		out[k] = &NDArray{a: x}
	}
	return out
}

func clip(a *ndarray.Array, lo, hi starlark.Value) (starlark.Value, error) {
	var l, h *ndarray.Array
	var err error
	if lo != starlark.None {
		if l, err = ArrayOf(lo); err != nil {
			return nil, err
		}
	}
	if hi != starlark.None {
		if h, err = ArrayOf(hi); err != nil {
			return nil, err
		}
	}
	if l == nil && h == nil {
		return nil, fmt.Errorf("ValueError: One of max or min must be given")
	}
	r, err := ndarray.Clip(a, l, h)
	if err != nil {
		return nil, err
	}
	return ValueOf(r), nil
}

func npDot(x, y starlark.Value) (starlark.Value, error) {
	a, err := ArrayOf(x)
	if err != nil {
		return nil, err
	}
	b, err := ArrayOf(y)
	if err != nil {
		return nil, err
	}
	r, err := ndarray.Dot(a, b)
	if err != nil {
		return nil, err
	}
	return ValueOf(r), nil
}

// ---- the module ----

// npFunc is a module function taking numpy's arguments.
type npFunc func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

func npBuiltin(name string, f npFunc) *starlark.Builtin {
	return builtin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return f(args, kwargs)
	})
}

// arrayArg converts an argument to an array.
func arrayArg(v starlark.Value) (*ndarray.Array, error) { return ArrayOf(v) }

// arraysArg converts a sequence of array-likes (concatenate's argument).
func arraysArg(name string, v starlark.Value) ([]*ndarray.Array, error) {
	if _, ok := v.(*NDArray); ok {
		a := v.(*NDArray).a
		out := make([]*ndarray.Array, a.Len())
		for k := range out {
			out[k] = a.Row(k)
		}
		return out, nil
	}
	it := starlark.Iterate(v)
	if it == nil {
		return nil, fmt.Errorf("TypeError: %s() argument must be a sequence of arrays, not %s", name, session.TypeName(v))
	}
	defer it.Done()
	var out []*ndarray.Array
	var x starlark.Value
	for it.Next(&x) {
		a, err := ArrayOf(x)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("ValueError: need at least one array to concatenate")
	}
	return out, nil
}

func ufunc1(name string, op ndarray.UnaryOp) *starlark.Builtin {
	return npBuiltin(name, func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		a, err := arrayArg(x)
		if err != nil {
			return nil, err
		}
		r, err := ndarray.Unary(op, a)
		if err != nil {
			return nil, err
		}
		return ValueOf(r), nil
	})
}

func ufunc2(name string, op ndarray.Op, logical bool) *starlark.Builtin {
	return npBuiltin(name, func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x, y starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 2, &x, &y); err != nil {
			return nil, err
		}
		a, err := arrayArg(x)
		if err != nil {
			return nil, err
		}
		b, err := arrayArg(y)
		if err != nil {
			return nil, err
		}
		if logical {
			a, b = a.AsType(ndarray.Bool), b.AsType(ndarray.Bool)
		}
		return npBinary(op, a, b)
	})
}

func npReduction(name string, r ndarray.Reduction) *starlark.Builtin {
	return npBuiltin(name, func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, fmt.Errorf("TypeError: %s() missing 1 required positional argument: 'a'", name)
		}
		a, err := arrayArg(args[0])
		if err != nil {
			return nil, err
		}
		return reduction(name, r, a, args[1:], kwargs)
	})
}

// creation reads (shape, dtype=float64) for zeros, ones and empty.
func creation(name string, fill float64) *starlark.Builtin {
	return npBuiltin(name, func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var shapeV starlark.Value
		var dtV starlark.Value = starlark.None
		if err := starlark.UnpackArgs(name, args, kwargs, "shape", &shapeV, "dtype?", &dtV); err != nil {
			return nil, err
		}
		shape, err := shapeArg(name, shapeV)
		if err != nil {
			return nil, err
		}
		t := ndarray.Float64
		if dtV != starlark.None {
			if t, err = dtypeOf(dtV); err != nil {
				return nil, err
			}
		}
		return &NDArray{a: ndarray.Full(shape, fill, ndarray.Float64).AsType(t)}, nil
	})
}

func likeCreation(name string, fill float64) *starlark.Builtin {
	return npBuiltin(name, func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var aV starlark.Value
		var dtV starlark.Value = starlark.None
		if err := starlark.UnpackArgs(name, args, kwargs, "a", &aV, "dtype?", &dtV); err != nil {
			return nil, err
		}
		a, err := arrayArg(aV)
		if err != nil {
			return nil, err
		}
		t := a.DType()
		if dtV != starlark.None {
			if t, err = dtypeOf(dtV); err != nil {
				return nil, err
			}
		}
		return &NDArray{a: ndarray.Full(a.Shape(), fill, ndarray.Float64).AsType(t)}, nil
	})
}

// scalarFill converts a fill value to an element of its own dtype.
func scalarFill(v starlark.Value) (*ndarray.Array, error) {
	a, err := ArrayOf(v)
	if err != nil {
		return nil, err
	}
	if a.NDim() != 0 {
		return nil, fmt.Errorf("NotImplementedError: Burst's np.full takes a number as fill_value")
	}
	return a, nil
}

func fullArray(shape []int, fill *ndarray.Array, dtV starlark.Value) (starlark.Value, error) {
	t := fill.DType()
	if dtV != starlark.None {
		var err error
		if t, err = dtypeOf(dtV); err != nil {
			return nil, err
		}
	}
	out := ndarray.New(t, shape...)
	out.Fill(fill)
	return &NDArray{a: out}, nil
}

func numpyModule() *session.Module {
	m := &session.Module{Name: "numpy", Members: starlark.StringDict{
		"pi":      starlark.Float(math.Pi),
		"e":       starlark.Float(math.E),
		"inf":     starlark.Float(math.Inf(1)),
		"nan":     starlark.Float(math.NaN()),
		"newaxis": starlark.None,
		"ndarray": &session.TypeObject{Name: "numpy.ndarray"},
		"float64": &npType{ndarray.Float64},
		"float_":  &npType{ndarray.Float64},
		"int64":   &npType{ndarray.Int64},
		"int_":    &npType{ndarray.Int64},
		"bool_":   &npType{ndarray.Bool},
		"dtype": npBuiltin("dtype", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs("dtype", args, kwargs, 1, &v); err != nil {
				return nil, err
			}
			t, err := dtypeOf(v)
			if err != nil {
				return nil, err
			}
			return &DTypeValue{t: t}, nil
		}),
		"array": npBuiltin("array", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var obj starlark.Value
			var dtV starlark.Value = starlark.None
			if err := starlark.UnpackArgs("array", args, kwargs, "object", &obj, "dtype?", &dtV); err != nil {
				return nil, err
			}
			a, err := ArrayOf(obj)
			if err != nil {
				return nil, err
			}
			if dtV != starlark.None {
				t, err := dtypeOf(dtV)
				if err != nil {
					return nil, err
				}
				return &NDArray{a: a.AsType(t)}, nil
			}
			return &NDArray{a: a.Copy()}, nil
		}),
		"asarray": npBuiltin("asarray", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var obj starlark.Value
			var dtV starlark.Value = starlark.None
			if err := starlark.UnpackArgs("asarray", args, kwargs, "a", &obj, "dtype?", &dtV); err != nil {
				return nil, err
			}
			a, err := ArrayOf(obj)
			if err != nil {
				return nil, err
			}
			if dtV != starlark.None {
				t, err := dtypeOf(dtV)
				if err != nil {
					return nil, err
				}
				if t != a.DType() {
					a = a.AsType(t)
				}
			}
			return &NDArray{a: a}, nil
		}),
		"zeros":      creation("zeros", 0),
		"ones":       creation("ones", 1),
		"empty":      creation("empty", 0),
		"zeros_like": likeCreation("zeros_like", 0),
		"ones_like":  likeCreation("ones_like", 1),
		"full": npBuiltin("full", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var shapeV, fillV starlark.Value
			var dtV starlark.Value = starlark.None
			if err := starlark.UnpackArgs("full", args, kwargs, "shape", &shapeV, "fill_value", &fillV, "dtype?", &dtV); err != nil {
				return nil, err
			}
			shape, err := shapeArg("full", shapeV)
			if err != nil {
				return nil, err
			}
			fill, err := scalarFill(fillV)
			if err != nil {
				return nil, err
			}
			return fullArray(shape, fill, dtV)
		}),
		"full_like": npBuiltin("full_like", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var aV, fillV starlark.Value
			var dtV starlark.Value = starlark.None
			if err := starlark.UnpackArgs("full_like", args, kwargs, "a", &aV, "fill_value", &fillV, "dtype?", &dtV); err != nil {
				return nil, err
			}
			a, err := arrayArg(aV)
			if err != nil {
				return nil, err
			}
			fill, err := scalarFill(fillV)
			if err != nil {
				return nil, err
			}
			if dtV == starlark.None {
				dtV = &DTypeValue{t: a.DType()}
			}
			return fullArray(a.Shape(), fill, dtV)
		}),
		"eye": npBuiltin("eye", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var n int
			var mV starlark.Value = starlark.None
			k := 0
			var dtV starlark.Value = starlark.None
			if err := starlark.UnpackArgs("eye", args, kwargs, "N", &n, "M?", &mV, "k?", &k, "dtype?", &dtV); err != nil {
				return nil, err
			}
			m := n
			if mV != starlark.None {
				var err error
				if m, err = starlark.AsInt32(mV); err != nil {
					return nil, err
				}
			}
			out := ndarray.New(ndarray.Float64, n, m)
			for i := 0; i < n; i++ {
				if j := i + k; j >= 0 && j < m {
					out.Float64s()[i*m+j] = 1
				}
			}
			if dtV != starlark.None {
				t, err := dtypeOf(dtV)
				if err != nil {
					return nil, err
				}
				out = out.AsType(t)
			}
			return &NDArray{a: out}, nil
		}),
		"arange":      npBuiltin("arange", npArange),
		"linspace":    npBuiltin("linspace", npLinspace),
		"concatenate": npBuiltin("concatenate", npConcatenate),
		"vstack":      stacker("vstack", ndarray.VStack),
		"hstack":      stacker("hstack", ndarray.HStack),
		"column_stack": stacker("column_stack", func(as []*ndarray.Array) (*ndarray.Array, error) {
			cols := make([]*ndarray.Array, len(as))
			for k, a := range as {
				cols[k] = a
				if a.NDim() < 2 {
					cols[k], _ = a.Reshape(-1, 1)
				}
			}
			return ndarray.Concatenate(cols, 1)
		}),
		"stack": npBuiltin("stack", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var arrays starlark.Value
			axis := 0
			if err := starlark.UnpackArgs("stack", args, kwargs, "arrays", &arrays, "axis?", &axis); err != nil {
				return nil, err
			}
			as, err := arraysArg("stack", arrays)
			if err != nil {
				return nil, err
			}
			r, err := ndarray.Stack(as, axis)
			if err != nil {
				return nil, err
			}
			return &NDArray{a: r}, nil
		}),
		"unique":   npBuiltin("unique", npUnique),
		"bincount": npBuiltin("bincount", npBincount),
		"where":    npBuiltin("where", npWhere),
		"nonzero": npBuiltin("nonzero", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x starlark.Value
			if err := starlark.UnpackPositionalArgs("nonzero", args, kwargs, 1, &x); err != nil {
				return nil, err
			}
			a, err := arrayArg(x)
			if err != nil {
				return nil, err
			}
			return nonzeroTuple(a), nil
		}),
		"count_nonzero": npBuiltin("count_nonzero", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, axisV starlark.Value
			if err := starlark.UnpackArgs("count_nonzero", args, kwargs, "a", &x, "axis?", &axisV); err != nil {
				return nil, err
			}
			a, err := arrayArg(x)
			if err != nil {
				return nil, err
			}
			axis, err := axisArg(axisV)
			if err != nil {
				return nil, err
			}
			r, err := a.AsType(ndarray.Bool).Reduce(ndarray.Sum, axis, 0)
			if err != nil {
				return nil, err
			}
			return ValueOf(r), nil
		}),
		"sqrt":          ufunc1("sqrt", ndarray.Sqrt),
		"exp":           ufunc1("exp", ndarray.Exp),
		"log":           ufunc1("log", ndarray.Log),
		"log10":         ufunc1("log10", ndarray.Log10),
		"log2":          ufunc1("log2", ndarray.Log2),
		"sin":           ufunc1("sin", ndarray.Sin),
		"cos":           ufunc1("cos", ndarray.Cos),
		"tan":           ufunc1("tan", ndarray.Tan),
		"abs":           ufunc1("abs", ndarray.Abs),
		"absolute":      ufunc1("absolute", ndarray.Abs),
		"negative":      ufunc1("negative", ndarray.Neg),
		"sign":          ufunc1("sign", ndarray.Sign),
		"square":        ufunc1("square", ndarray.Square),
		"floor":         ufunc1("floor", ndarray.Floor),
		"ceil":          ufunc1("ceil", ndarray.Ceil),
		"trunc":         ufunc1("trunc", ndarray.Trunc),
		"rint":          ufunc1("rint", ndarray.Rint),
		"isnan":         ufunc1("isnan", ndarray.IsNaN),
		"isinf":         ufunc1("isinf", ndarray.IsInf),
		"isfinite":      ufunc1("isfinite", ndarray.IsFinite),
		"logical_not":   ufunc1("logical_not", ndarray.Not),
		"add":           ufunc2("add", ndarray.Add, false),
		"subtract":      ufunc2("subtract", ndarray.Sub, false),
		"multiply":      ufunc2("multiply", ndarray.Mul, false),
		"divide":        ufunc2("divide", ndarray.Div, false),
		"true_divide":   ufunc2("true_divide", ndarray.Div, false),
		"floor_divide":  ufunc2("floor_divide", ndarray.FloorDiv, false),
		"mod":           ufunc2("mod", ndarray.Mod, false),
		"remainder":     ufunc2("remainder", ndarray.Mod, false),
		"power":         ufunc2("power", ndarray.Pow, false),
		"maximum":       ufunc2("maximum", ndarray.Maximum, false),
		"minimum":       ufunc2("minimum", ndarray.Minimum, false),
		"equal":         ufunc2("equal", ndarray.Eq, false),
		"not_equal":     ufunc2("not_equal", ndarray.Ne, false),
		"less":          ufunc2("less", ndarray.Lt, false),
		"less_equal":    ufunc2("less_equal", ndarray.Le, false),
		"greater":       ufunc2("greater", ndarray.Gt, false),
		"greater_equal": ufunc2("greater_equal", ndarray.Ge, false),
		"logical_and":   ufunc2("logical_and", ndarray.And, true),
		"logical_or":    ufunc2("logical_or", ndarray.Or, true),
		"logical_xor":   ufunc2("logical_xor", ndarray.Xor, true),
		"sum":           npReduction("sum", ndarray.Sum),
		"prod":          npReduction("prod", ndarray.Prod),
		"mean":          npReduction("mean", ndarray.Mean),
		"average":       npReduction("average", ndarray.Mean),
		"var":           npReduction("var", ndarray.Var),
		"std":           npReduction("std", ndarray.Std),
		"min":           npReduction("min", ndarray.Min),
		"max":           npReduction("max", ndarray.Max),
		"amin":          npReduction("amin", ndarray.Min),
		"amax":          npReduction("amax", ndarray.Max),
		"argmin":        npReduction("argmin", ndarray.ArgMin),
		"argmax":        npReduction("argmax", ndarray.ArgMax),
		"any":           npReduction("any", ndarray.Any),
		"all":           npReduction("all", ndarray.All),
		"median":        npBuiltin("median", npMedian),
		"cumsum":        npMethod("cumsum"),
		"cumprod":       npMethod("cumprod"),
		"reshape": npBuiltin("reshape", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, shape starlark.Value
			if err := starlark.UnpackArgs("reshape", args, kwargs, "a", &x, "newshape", &shape); err != nil {
				return nil, err
			}
			a, err := arrayArg(x)
			if err != nil {
				return nil, err
			}
			return arrayMethods["reshape"](&NDArray{a: a}, starlark.Tuple{shape}, nil)
		}),
		"ravel":     npMethod("ravel"),
		"transpose": npMethod("transpose"),
		"round":     npMethod("round"),
		"around":    npMethod("round"),
		"argsort":   npMethod("argsort"),
		"clip": npBuiltin("clip", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, lo, hi starlark.Value
			if err := starlark.UnpackArgs("clip", args, kwargs, "a", &x, "a_min", &lo, "a_max", &hi); err != nil {
				return nil, err
			}
			a, err := arrayArg(x)
			if err != nil {
				return nil, err
			}
			return clip(a, lo, hi)
		}),
		"sort": npBuiltin("sort", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x starlark.Value
			var axisV starlark.Value = starlark.MakeInt(-1)
			if err := starlark.UnpackArgs("sort", args, kwargs, "a", &x, "axis?", &axisV); err != nil {
				return nil, err
			}
			a, err := arrayArg(x)
			if err != nil {
				return nil, err
			}
			axis, err := axisArg(axisV)
			if err != nil {
				return nil, err
			}
			r, err := ndarray.Sort(a, axis)
			if err != nil {
				return nil, err
			}
			return &NDArray{a: r}, nil
		}),
		"dot": npBuiltin("dot", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, y starlark.Value
			if err := starlark.UnpackArgs("dot", args, kwargs, "a", &x, "b", &y); err != nil {
				return nil, err
			}
			return npDot(x, y)
		}),
		"matmul": npBuiltin("matmul", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, y starlark.Value
			if err := starlark.UnpackPositionalArgs("matmul", args, kwargs, 2, &x, &y); err != nil {
				return nil, err
			}
			return pendingMatmul{x}.Binary(syntax.STAR, y, starlark.Left)
		}),
		"allclose": npBuiltin("allclose", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			r, err := isclose("allclose", args, kwargs)
			if err != nil {
				return nil, err
			}
			all, err := r.Reduce(ndarray.All, nil, 0)
			if err != nil {
				return nil, err
			}
			return scalarValue(all.Item(0)), nil
		}),
		"isclose": npBuiltin("isclose", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			r, err := isclose("isclose", args, kwargs)
			if err != nil {
				return nil, err
			}
			return ValueOf(r), nil
		}),
		"array_equal": npBuiltin("array_equal", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, y starlark.Value
			if err := starlark.UnpackArgs("array_equal", args, kwargs, "a1", &x, "a2", &y); err != nil {
				return nil, err
			}
			a, err := arrayArg(x)
			if err != nil {
				return nil, err
			}
			b, err := arrayArg(y)
			if err != nil {
				return nil, err
			}
			if len(a.Shape()) != len(b.Shape()) || a.Size() != b.Size() {
				return starlark.False, nil
			}
			for k := range a.Shape() {
				if a.Shape()[k] != b.Shape()[k] {
					return starlark.False, nil
				}
			}
			eq, err := ndarray.Binary(ndarray.Eq, a, b)
			if err != nil {
				return nil, err
			}
			all, _ := eq.Reduce(ndarray.All, nil, 0)
			return scalarValue(all.Item(0)), nil
		}),
		"shape": npBuiltin("shape", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x starlark.Value
			if err := starlark.UnpackPositionalArgs("shape", args, kwargs, 1, &x); err != nil {
				return nil, err
			}
			a, err := arrayArg(x)
			if err != nil {
				return nil, err
			}
			return shapeTuple(a.Shape()), nil
		}),
	}}
	m.Members["linalg"] = &session.Module{Name: "numpy.linalg", Members: starlark.StringDict{
		"norm": npBuiltin("norm", npNorm),
	}}
	m.Members["random"] = numpyRandomModule()
	return m
}

// npMethod is a module function that calls the ndarray method of the
// same name on its first argument: np.ravel(a) is a.ravel().
func npMethod(name string) *starlark.Builtin {
	return npBuiltin(name, func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, fmt.Errorf("TypeError: %s() missing 1 required positional argument: 'a'", name)
		}
		a, err := arrayArg(args[0])
		if err != nil {
			return nil, err
		}
		return arrayMethods[name](&NDArray{a: a}, args[1:], kwargs)
	})
}

func stacker(name string, f func([]*ndarray.Array) (*ndarray.Array, error)) *starlark.Builtin {
	return npBuiltin(name, func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var tup starlark.Value
		if err := starlark.UnpackArgs(name, args, kwargs, "tup", &tup); err != nil {
			return nil, err
		}
		as, err := arraysArg(name, tup)
		if err != nil {
			return nil, err
		}
		r, err := f(as)
		if err != nil {
			return nil, err
		}
		return &NDArray{a: r}, nil
	})
}

func npArange(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var dtV starlark.Value = starlark.None
	var pos []starlark.Value
	pos = append(pos, args...)
	for _, kv := range kwargs {
		switch k := string(kv[0].(starlark.String)); k {
		case "dtype":
			dtV = kv[1]
		case "start", "stop", "step":
			pos = append(pos, kv[1])
		default:
			return nil, fmt.Errorf("TypeError: arange() got an unexpected keyword argument '%s'", k)
		}
	}
	if len(pos) == 0 || len(pos) > 3 {
		return nil, fmt.Errorf("TypeError: arange() requires stop to be specified.")
	}
	vals := []float64{0, 0, 1}
	isInt := true
	set := func(k int, v starlark.Value) error {
		switch v := v.(type) {
		case starlark.Int:
			i, _ := v.Int64()
			vals[k] = float64(i)
		case starlark.Float:
			vals[k] = float64(v)
			isInt = false
		case starlark.Bool:
			if v {
				vals[k] = 1
			}
		default:
			return fmt.Errorf("TypeError: unsupported operand type(s) for -: '%s' and 'int'", session.TypeName(v))
		}
		return nil
	}
	if len(pos) == 1 {
		if err := set(1, pos[0]); err != nil {
			return nil, err
		}
	} else {
		for k, v := range pos {
			if err := set(k, v); err != nil {
				return nil, err
			}
		}
	}
	t := ndarray.Float64
	if isInt {
		t = ndarray.Int64
	}
	if dtV != starlark.None {
		var err error
		if t, err = dtypeOf(dtV); err != nil {
			return nil, err
		}
	}
	if vals[2] == 0 {
		return nil, fmt.Errorf("ZeroDivisionError: division by zero")
	}
	r, err := ndarray.Arange(vals[0], vals[1], vals[2], t)
	if err != nil {
		return nil, err
	}
	return &NDArray{a: r}, nil
}

func npLinspace(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var startV, stopV starlark.Value
	num := 50
	endpoint := true
	retstep := false
	var dtV starlark.Value = starlark.None
	if err := starlark.UnpackArgs("linspace", args, kwargs, "start", &startV, "stop", &stopV, "num?", &num, "endpoint?", &endpoint, "retstep?", &retstep, "dtype?", &dtV); err != nil {
		return nil, err
	}
	start, ok1 := starlark.AsFloat(startV)
	stop, ok2 := starlark.AsFloat(stopV)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("NotImplementedError: Burst's np.linspace takes numbers for start and stop")
	}
	r, err := ndarray.Linspace(start, stop, num, endpoint)
	if err != nil {
		return nil, err
	}
	if dtV != starlark.None {
		t, err := dtypeOf(dtV)
		if err != nil {
			return nil, err
		}
		r = r.AsType(t)
	}
	if retstep {
		div := num
		if endpoint {
			div = num - 1
		}
		step := math.NaN()
		if div > 0 {
			step = (stop - start) / float64(div)
		}
		return starlark.Tuple{&NDArray{a: r}, starlark.Float(step)}, nil
	}
	return &NDArray{a: r}, nil
}

func npConcatenate(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var arrays starlark.Value
	var axisV starlark.Value = starlark.MakeInt(0)
	if err := starlark.UnpackArgs("concatenate", args, kwargs, "arrays", &arrays, "axis?", &axisV); err != nil {
		return nil, err
	}
	as, err := arraysArg("concatenate", arrays)
	if err != nil {
		return nil, err
	}
	axis, err := axisArg(axisV)
	if err != nil {
		return nil, err
	}
	if axis == nil {
		for k := range as {
			as[k] = as[k].Ravel()
		}
		zero := 0
		axis = &zero
	}
	r, err := ndarray.Concatenate(as, *axis)
	if err != nil {
		return nil, err
	}
	return &NDArray{a: r}, nil
}

func npUnique(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var retIndex, retInverse, retCounts bool
	var axisV starlark.Value = starlark.None
	if err := starlark.UnpackArgs("unique", args, kwargs, "ar", &x, "return_index?", &retIndex, "return_inverse?", &retInverse, "return_counts?", &retCounts, "axis?", &axisV); err != nil {
		return nil, err
	}
	if axisV != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: np.unique(axis=...) is not supported in Burst")
	}
	a, err := arrayArg(x)
	if err != nil {
		return nil, err
	}
	u := ndarray.Unique(a)
	if !retIndex && !retInverse && !retCounts {
		return &NDArray{a: u.Values}, nil
	}
	out := starlark.Tuple{&NDArray{a: u.Values}}
	if retIndex {
		out = append(out, &NDArray{a: u.Index})
	}
	if retInverse {
		out = append(out, &NDArray{a: u.Inverse})
	}
	if retCounts {
		out = append(out, &NDArray{a: u.Counts})
	}
	return out, nil
}

func npBincount(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var w starlark.Value = starlark.None
	minlength := 0
	if err := starlark.UnpackArgs("bincount", args, kwargs, "x", &x, "weights?", &w, "minlength?", &minlength); err != nil {
		return nil, err
	}
	a, err := arrayArg(x)
	if err != nil {
		return nil, err
	}
	var weights *ndarray.Array
	if w != starlark.None {
		if weights, err = arrayArg(w); err != nil {
			return nil, err
		}
	}
	r, err := ndarray.Bincount(a, weights, minlength)
	if err != nil {
		return nil, err
	}
	return &NDArray{a: r}, nil
}

func npWhere(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: where() takes no keyword arguments")
	}
	switch len(args) {
	case 1:
		a, err := arrayArg(args[0])
		if err != nil {
			return nil, err
		}
		return nonzeroTuple(a), nil
	case 3:
		c, err := arrayArg(args[0])
		if err != nil {
			return nil, err
		}
		x, err := arrayArg(args[1])
		if err != nil {
			return nil, err
		}
		y, err := arrayArg(args[2])
		if err != nil {
			return nil, err
		}
		r, err := ndarray.Where(c, x, y)
		if err != nil {
			return nil, err
		}
		return ValueOf(r), nil
	}
	return nil, fmt.Errorf("ValueError: either both or neither of x and y should be given")
}

func isclose(name string, args starlark.Tuple, kwargs []starlark.Tuple) (*ndarray.Array, error) {
	var x, y starlark.Value
	rtol, atol := 1e-05, 1e-08
	equalNaN := false
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &x, "b", &y, "rtol?", &rtol, "atol?", &atol, "equal_nan?", &equalNaN); err != nil {
		return nil, err
	}
	a, err := arrayArg(x)
	if err != nil {
		return nil, err
	}
	b, err := arrayArg(y)
	if err != nil {
		return nil, err
	}
	return ndarray.IsClose(a, b, rtol, atol, equalNaN)
}

// npMedian is np.median: the middle value (the mean of the two middle
// ones) of the sorted values, NaN if any is NaN.
func npMedian(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, axisV starlark.Value
	if err := starlark.UnpackArgs("median", args, kwargs, "a", &x, "axis?", &axisV); err != nil {
		return nil, err
	}
	a, err := arrayArg(x)
	if err != nil {
		return nil, err
	}
	axis, err := axisArg(axisV)
	if err != nil {
		return nil, err
	}
	src := a
	ax := 0
	if axis == nil {
		src = a.Ravel()
	} else if ax, err = ndarray.NormalizeAxis(*axis, a.NDim()); err != nil {
		return nil, err
	}
	sorted, err := ndarray.Sort(src, &ax)
	if err != nil {
		return nil, err
	}
	n := src.Shape()[ax]
	if n == 0 {
		return starlark.Float(math.NaN()), nil
	}
	sel := make([]ndarray.Index, src.NDim())
	for k := range sel {
		sel[k] = ndarray.Colon
	}
	lo, hi := (n-1)/2, n/2
	sel[ax] = ndarray.FromInt64s([]int64{int64(lo), int64(hi)})
	mid, err := sorted.Get(sel...)
	if err != nil {
		return nil, err
	}
	r, err := mid.Reduce(ndarray.Mean, &ax, 0)
	if err != nil {
		return nil, err
	}
	// A NaN sorts last: the median of values with a NaN is NaN.
	last := make([]ndarray.Index, src.NDim())
	copy(last, sel)
	last[ax] = ndarray.Int(n - 1)
	tail, _ := sorted.Get(last...)
	if tail.DType() == ndarray.Float64 {
		nan, _ := ndarray.Unary(ndarray.IsNaN, tail)
		r, _ = ndarray.Where(nan, ndarray.Scalar(math.NaN()), r)
	}
	return ValueOf(r), nil
}

// npNorm is np.linalg.norm(x, ord=None, axis=None): the 2-norm of a
// vector (the Frobenius norm of a matrix), or of each vector along axis.
func npNorm(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, ordV, axisV starlark.Value
	if err := starlark.UnpackArgs("norm", args, kwargs, "x", &x, "ord?", &ordV, "axis?", &axisV); err != nil {
		return nil, err
	}
	if ordV != nil && ordV != starlark.None {
		if f, ok := starlark.AsFloat(ordV); !ok || f != 2 {
			return nil, fmt.Errorf("NotImplementedError: Burst's np.linalg.norm computes the 2-norm (ord=None)")
		}
	}
	a, err := arrayArg(x)
	if err != nil {
		return nil, err
	}
	axis, err := axisArg(axisV)
	if err != nil {
		return nil, err
	}
	if axis == nil {
		return starlark.Float(ndarray.Norm(a)), nil
	}
	// numpy: sqrt(add.reduce(x * x, axis)).
	f := a.AsType(ndarray.Float64)
	sq, err := ndarray.Binary(ndarray.Mul, f, f)
	if err != nil {
		return nil, err
	}
	s, err := sq.Reduce(ndarray.Sum, axis, 0)
	if err != nil {
		return nil, err
	}
	r, _ := ndarray.Unary(ndarray.Sqrt, s)
	return ValueOf(r), nil
}

// ---- docstrings ----

func init() {
	fn := map[string]string{
		"array":         "array(object, dtype=None)\n\nA new array of the values of object: nested lists or tuples of numbers and booleans, another array, or a Series. The dtype is float64 if any value is a float, else int64 if any is an int, else bool.",
		"asarray":       "asarray(a, dtype=None)\n\na as an array: an array is returned as it is (sharing its data), anything else converted as array() does.",
		"dtype":         "dtype(obj)\n\nThe dtype named by obj: 'float64', 'int64', 'bool', float, int, bool or np.float64.",
		"zeros":         "zeros(shape, dtype=float)\n\nAn array of the given shape (an int or a tuple) filled with zeros.",
		"ones":          "ones(shape, dtype=float)\n\nAn array of the given shape filled with ones.",
		"empty":         "empty(shape, dtype=float)\n\nAn array of the given shape. numpy leaves its values unset; Burst's are zeros.",
		"zeros_like":    "zeros_like(a, dtype=None)\n\nZeros with the shape (and dtype) of a.",
		"ones_like":     "ones_like(a, dtype=None)\n\nOnes with the shape (and dtype) of a.",
		"full":          "full(shape, fill_value, dtype=None)\n\nAn array of the given shape filled with fill_value (its dtype by default).",
		"full_like":     "full_like(a, fill_value, dtype=None)\n\nAn array with the shape and dtype of a filled with fill_value.",
		"eye":           "eye(N, M=None, k=0, dtype=float)\n\nAn N×M matrix with ones on the k-th diagonal and zeros elsewhere.",
		"arange":        "arange([start,] stop[, step], dtype=None)\n\nEvenly spaced values from start (0) up to, not including, stop: ceil((stop - start) / step) of them. int64 when all arguments are ints, float64 otherwise.",
		"linspace":      "linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None)\n\nnum evenly spaced floats from start to stop (included unless endpoint=False); with retstep=True, also the step.",
		"concatenate":   "concatenate(arrays, axis=0)\n\nThe arrays joined along an existing axis (axis=None: flattened first).",
		"vstack":        "vstack(tup)\n\nThe arrays stacked as rows (1-D arrays are rows).",
		"hstack":        "hstack(tup)\n\nThe arrays joined side by side (1-D arrays end to end).",
		"column_stack":  "column_stack(tup)\n\n1-D arrays as the columns of a matrix (2-D arrays side by side).",
		"stack":         "stack(arrays, axis=0)\n\nArrays of one shape joined along a new axis.",
		"unique":        "unique(ar, return_index=False, return_inverse=False, return_counts=False)\n\nThe sorted distinct values of the flattened array; with the flags, also the first position of each, the position of each value among them, and how many times each appears.",
		"bincount":      "bincount(x, weights=None, minlength=0)\n\nHow many times each non-negative int appears in x (the sum of its weights if given), at its position.",
		"where":         "where(condition[, x, y])\n\nx where condition is true and y elsewhere, broadcast together; with the condition alone, the positions where it is true (as nonzero).",
		"nonzero":       "nonzero(a)\n\nThe positions of the non-zero values: a tuple of one int array per axis.",
		"count_nonzero": "count_nonzero(a, axis=None)\n\nHow many values are not zero (along an axis).",
		"sqrt":          "sqrt(x)\n\nThe square root of every value.",
		"exp":           "exp(x)\n\ne to the power of every value.",
		"log":           "log(x)\n\nThe natural logarithm of every value.",
		"log10":         "log10(x)\n\nThe base-10 logarithm of every value.",
		"log2":          "log2(x)\n\nThe base-2 logarithm of every value.",
		"sin":           "sin(x)\n\nThe sine of every value (radians).",
		"cos":           "cos(x)\n\nThe cosine of every value (radians).",
		"tan":           "tan(x)\n\nThe tangent of every value (radians).",
		"abs":           "abs(x)\n\nThe absolute value of every value.",
		"absolute":      "absolute(x)\n\nThe absolute value of every value.",
		"negative":      "negative(x)\n\n-x, value by value.",
		"sign":          "sign(x)\n\n-1, 0 or 1 by the sign of every value.",
		"square":        "square(x)\n\nEvery value squared.",
		"floor":         "floor(x)\n\nThe largest integer (as a float) not above every value.",
		"ceil":          "ceil(x)\n\nThe smallest integer (as a float) not below every value.",
		"trunc":         "trunc(x)\n\nEvery value without its fractional part.",
		"rint":          "rint(x)\n\nEvery value rounded to the nearest integer, halves to even.",
		"isnan":         "isnan(x)\n\nA mask of the NaN values.",
		"isinf":         "isinf(x)\n\nA mask of the infinite values.",
		"isfinite":      "isfinite(x)\n\nA mask of the values that are neither infinite nor NaN.",
		"logical_not":   "logical_not(x)\n\nA mask: not x, value by value.",
		"add":           "add(x1, x2)\n\nx1 + x2, broadcast.",
		"subtract":      "subtract(x1, x2)\n\nx1 - x2, broadcast.",
		"multiply":      "multiply(x1, x2)\n\nx1 * x2, broadcast.",
		"divide":        "divide(x1, x2)\n\nx1 / x2 (true division), broadcast.",
		"true_divide":   "true_divide(x1, x2)\n\nx1 / x2, broadcast.",
		"floor_divide":  "floor_divide(x1, x2)\n\nx1 // x2, broadcast.",
		"mod":           "mod(x1, x2)\n\nx1 % x2 (the sign of x2), broadcast.",
		"remainder":     "remainder(x1, x2)\n\nx1 % x2 (the sign of x2), broadcast.",
		"power":         "power(x1, x2)\n\nx1 ** x2, broadcast.",
		"maximum":       "maximum(x1, x2)\n\nThe larger of each pair of values (NaN if either is NaN).",
		"minimum":       "minimum(x1, x2)\n\nThe smaller of each pair of values (NaN if either is NaN).",
		"equal":         "equal(x1, x2)\n\nA mask: x1 == x2.",
		"not_equal":     "not_equal(x1, x2)\n\nA mask: x1 != x2.",
		"less":          "less(x1, x2)\n\nA mask: x1 < x2.",
		"less_equal":    "less_equal(x1, x2)\n\nA mask: x1 <= x2.",
		"greater":       "greater(x1, x2)\n\nA mask: x1 > x2.",
		"greater_equal": "greater_equal(x1, x2)\n\nA mask: x1 >= x2.",
		"logical_and":   "logical_and(x1, x2)\n\nA mask: both true.",
		"logical_or":    "logical_or(x1, x2)\n\nA mask: either true.",
		"logical_xor":   "logical_xor(x1, x2)\n\nA mask: exactly one true.",
		"sum":           "sum(a, axis=None, dtype=None, keepdims=False)\n\nThe sum of the values (along an axis). Floats are summed pairwise, as numpy does, so results match numpy's to the last bit.",
		"prod":          "prod(a, axis=None, dtype=None, keepdims=False)\n\nThe product of the values (along an axis).",
		"mean":          "mean(a, axis=None, dtype=None, keepdims=False)\n\nThe mean of the values (along an axis).",
		"average":       "average(a, axis=None)\n\nThe mean of the values (along an axis); weights are not supported.",
		"var":           "var(a, axis=None, ddof=0, keepdims=False)\n\nThe variance: the mean squared deviation from the mean, divided by n - ddof.",
		"std":           "std(a, axis=None, ddof=0, keepdims=False)\n\nThe standard deviation: the square root of var (ddof=0 by default, unlike pandas).",
		"min":           "min(a, axis=None, keepdims=False)\n\nThe smallest value (along an axis); NaN if any is NaN.",
		"max":           "max(a, axis=None, keepdims=False)\n\nThe largest value (along an axis); NaN if any is NaN.",
		"amin":          "amin(a, axis=None, keepdims=False)\n\nThe smallest value (along an axis).",
		"amax":          "amax(a, axis=None, keepdims=False)\n\nThe largest value (along an axis).",
		"argmin":        "argmin(a, axis=None)\n\nThe position of the (first) smallest value: in the flattened array, or along an axis.",
		"argmax":        "argmax(a, axis=None)\n\nThe position of the (first) largest value: in the flattened array, or along an axis.",
		"any":           "any(a, axis=None, keepdims=False)\n\nWhether any value is true (not zero).",
		"all":           "all(a, axis=None, keepdims=False)\n\nWhether every value is true (not zero).",
		"median":        "median(a, axis=None)\n\nThe middle value (the mean of the two middle ones) of the sorted values.",
		"cumsum":        "cumsum(a, axis=None)\n\nThe running sums (of the flattened array, or along an axis).",
		"cumprod":       "cumprod(a, axis=None)\n\nThe running products (of the flattened array, or along an axis).",
		"reshape":       "reshape(a, newshape)\n\na with a new shape of the same size (one dimension may be -1).",
		"ravel":         "ravel(a)\n\nThe values as a 1-D array.",
		"transpose":     "transpose(a)\n\na with its axes reversed (a.T).",
		"round":         "round(a, decimals=0)\n\nEvery value rounded to decimals places, halves to even.",
		"around":        "around(a, decimals=0)\n\nEvery value rounded to decimals places, halves to even.",
		"argsort":       "argsort(a, axis=-1)\n\nThe positions that sort a (along the last axis), with numpy's order for ties.",
		"sort":          "sort(a, axis=-1)\n\nA sorted copy of a (along the last axis; axis=None flattens); NaN last.",
		"clip":          "clip(a, a_min, a_max)\n\nThe values limited to [a_min, a_max] (None for no limit).",
		"dot":           "dot(a, b)\n\nThe dot product of vectors, matrix-vector and matrix-matrix products. Long float inner products may differ from numpy's (OpenBLAS) in the last bit.",
		"matmul":        "matmul(x1, x2)\n\nThe matrix product x1 @ x2 of 1-D and 2-D arrays.",
		"allclose":      "allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)\n\nWhether every |a - b| <= atol + rtol * |b|.",
		"isclose":       "isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)\n\nA mask: whether |a - b| <= atol + rtol * |b|, value by value.",
		"array_equal":   "array_equal(a1, a2)\n\nWhether the two have the same shape and values.",
		"shape":         "shape(a)\n\nThe shape of a, as a tuple.",
	}
	for name, d := range fn {
		docs["numpy."+name] = d
	}
	docs["numpy.linalg.norm"] = "norm(x, ord=None, axis=None)\n\nThe 2-norm of a vector (the Frobenius norm of a matrix), or of each vector along axis: the square root of the sum of squares."
	methods := map[string]string{
		"sum":       "sum(axis=None, dtype=None, keepdims=False)\n\nThe sum of the values (along an axis), pairwise as numpy sums.",
		"prod":      "prod(axis=None, dtype=None, keepdims=False)\n\nThe product of the values (along an axis).",
		"mean":      "mean(axis=None, dtype=None, keepdims=False)\n\nThe mean of the values (along an axis).",
		"var":       "var(axis=None, ddof=0, keepdims=False)\n\nThe variance (ddof=0 by default, unlike pandas).",
		"std":       "std(axis=None, ddof=0, keepdims=False)\n\nThe standard deviation (ddof=0 by default, unlike pandas).",
		"min":       "min(axis=None, keepdims=False)\n\nThe smallest value (along an axis).",
		"max":       "max(axis=None, keepdims=False)\n\nThe largest value (along an axis).",
		"argmin":    "argmin(axis=None)\n\nThe position of the smallest value.",
		"argmax":    "argmax(axis=None)\n\nThe position of the largest value.",
		"any":       "any(axis=None, keepdims=False)\n\nWhether any value is true.",
		"all":       "all(axis=None, keepdims=False)\n\nWhether every value is true.",
		"cumsum":    "cumsum(axis=None)\n\nThe running sums.",
		"cumprod":   "cumprod(axis=None)\n\nThe running products.",
		"reshape":   "reshape(*shape)\n\nThe array with a new shape of the same size (one dimension may be -1), sharing the data.",
		"ravel":     "ravel()\n\nThe values as a 1-D array, sharing the data.",
		"flatten":   "flatten()\n\nA 1-D copy of the values.",
		"copy":      "copy()\n\nA copy that shares nothing with the array.",
		"astype":    "astype(dtype)\n\nA copy converted to dtype: float64, int64 (truncating) or bool.",
		"tolist":    "tolist()\n\nThe values as (nested) lists of Python numbers.",
		"item":      "item(*index)\n\nThe only value of a one-element array (or the value at index) as a Python number.",
		"transpose": "transpose()\n\nThe array with its axes reversed (as .T).",
		"dot":       "dot(b)\n\nThe dot product with b (as np.dot).",
		"round":     "round(decimals=0)\n\nEvery value rounded to decimals places, halves to even.",
		"clip":      "clip(min=None, max=None)\n\nThe values limited to [min, max].",
		"sort":      "sort(axis=-1)\n\nSorts the array in place (along the last axis).",
		"argsort":   "argsort(axis=-1)\n\nThe positions that sort the array.",
		"fill":      "fill(value)\n\nSets every value to value, in place.",
		"nonzero":   "nonzero()\n\nThe positions of the non-zero values, one array per axis.",
	}
	for name, d := range methods {
		docs["ndarray."+name] = "ndarray." + d
	}
	docs["float"] = "float(x=0.0)\n\nx as a float: a number, a string such as '2.5' or 'nan', or a one-element array."
	docs["int"] = "int(x=0, base=10)\n\nx as an int: a number (truncated toward zero), a string of digits, or a one-element array."
	methodDocs["to_numpy"] = "to_numpy()\n\nThe values as a numpy array (numeric and boolean columns)."
}

// operators apply ** and the comparisons with an array or a dtype on
// either side (session.Operator): NDArray and DTypeValue embed it.
type operators struct{}

func (operators) Operate(op string, x, y starlark.Value) (starlark.Value, error) {
	return numpyOperate(op, x, y)
}

// numpyOperate is x op y for ** and the comparisons; nil, nil when
// neither is numpy's.
func numpyOperate(op string, x, y starlark.Value) (starlark.Value, error) {
	var r starlark.Value
	var ok bool
	var err error
	if op == "**" {
		r, ok, err = npPow(x, y)
	} else {
		r, ok, err = numpyCompare(op, x, y)
	}
	if !ok {
		return nil, nil
	}
	return r, err
}

// PyStr is str(a): numpy's str of an array.
func (x *NDArray) PyStr() string { return x.a.Str() }

// PyStr is str(dtype): its name.
func (x *DTypeValue) PyStr() string { return x.t.String() }

// PyAbs is abs(a), element-wise.
func (x *NDArray) PyAbs() (starlark.Value, error) {
	r, err := ndarray.Unary(ndarray.Abs, x.a)
	if err != nil {
		return nil, err
	}
	return &NDArray{a: r}, nil
}

// Parts are the slice's start, stop and step (None where left out).
func (s SliceValue) Parts() (start, stop, step starlark.Value) { return s.start, s.stop, s.step }
