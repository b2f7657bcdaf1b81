package session

import "go.starlark.net/starlark"

// The interfaces below are how library values (frames, arrays, futures…)
// take part in Python's builtins and operators without the runtime
// knowing their types: a new value type implements what applies to it.

// Operator is a value that applies Python's binary operators itself,
// element-wise (frames, series, arrays, remote collections): _cmp and
// ** ask it before comparing or raising plain values. Operate computes
// x op y, the value being x or y; it returns nil, nil when it does not
// handle the other operand. A library's types share one Operator by
// embedding it.
type Operator interface {
	Operate(op string, x, y starlark.Value) (starlark.Value, error)
}

// Stringer is a value whose str() differs from its repr().
type Stringer interface {
	PyStr() string
}

// Classed is a value whose type() is a library's class; PyClass is its
// dotted name ("pandas.core.frame.DataFrame").
type Classed interface {
	PyClass() string
}

// Instance is a value that says whether it is an instance of the
// library class that a builtin named class constructs (isinstance(x,
// pd.DataFrame) asks InstanceOf("DataFrame")).
type Instance interface {
	InstanceOf(class string) bool
}

// ClassInfo is a class object isinstance accepts (numpy's dtypes).
type ClassInfo interface {
	starlark.Value
	IsInstance(x starlark.Value) bool
}

// Sized is a value whose len() is computed (a lazy frame counts its rows
// on the cluster); its Len, if it has one, is -1.
type Sized interface {
	PyLen(thread *starlark.Thread) (int, error)
}

// Scalar is a value that float() and int() convert (a size-1 array).
type Scalar interface {
	PyScalar() (starlark.Value, error)
}

// Absolute is a value with Python's abs().
type Absolute interface {
	PyAbs() (starlark.Value, error)
}

// Iterator is a value that is its own one-shot iterator, as Python's
// iterators are (itertools' objects): iter(x) is x, and next(x) takes
// its next item.
type Iterator interface {
	starlark.Iterable
	Next(p *starlark.Value) bool
}
