package numpy

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/ndarray"
	"burst/engine/session"
)

// ObjectArray is a 1-d numpy array of Python objects (dtype=object), as
// pandas returns for the unique values of a column of strings: it prints
// as numpy prints one and is a sequence of its values.
type ObjectArray struct{ values []starlark.Value }

// NewObjectArray returns the object array of values.
func NewObjectArray(values []starlark.Value) *ObjectArray { return &ObjectArray{values} }

var (
	_ starlark.Indexable = (*ObjectArray)(nil)
	_ starlark.Iterable  = (*ObjectArray)(nil)
	_ starlark.HasAttrs  = (*ObjectArray)(nil)
)

func (a *ObjectArray) String() string {
	reprs := make([]string, len(a.values))
	for i, v := range a.values {
		reprs[i] = session.Repr(v)
	}
	return ndarray.ObjectRepr(reprs)
}

// PyStr is print(a): ['LGA' 'JFK'], the values' reprs a space apart.
func (a *ObjectArray) PyStr() string {
	reprs := make([]string, len(a.values))
	for i, v := range a.values {
		reprs[i] = session.Repr(v)
	}
	return "[" + strings.Join(reprs, " ") + "]"
}

func (a *ObjectArray) Type() string         { return "numpy.ndarray" }
func (a *ObjectArray) Freeze()              {}
func (a *ObjectArray) Truth() starlark.Bool { return a.Len() > 0 }
func (a *ObjectArray) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'numpy.ndarray'")
}
func (a *ObjectArray) Len() int { return len(a.values) }
func (a *ObjectArray) Index(i int) starlark.Value {
	return a.values[i]
}
func (a *ObjectArray) Iterate() starlark.Iterator {
	return starlark.NewList(a.values).Iterate()
}

// AttrNames are the attributes an object array has here.
func (a *ObjectArray) AttrNames() []string {
	return []string{"dtype", "ndim", "shape", "size", "tolist"}
}

func (a *ObjectArray) Attr(name string) (starlark.Value, error) {
	switch name {
	case "shape":
		return starlark.Tuple{starlark.MakeInt(len(a.values))}, nil
	case "size":
		return starlark.MakeInt(len(a.values)), nil
	case "ndim":
		return starlark.MakeInt(1), nil
	case "dtype":
		return starlark.String("object"), nil
	case "tolist":
		return starlark.NewBuiltin("tolist", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.NewList(append([]starlark.Value(nil), a.values...)), nil
		}), nil
	}
	return nil, nil
}

// Binary gives x in a: whether a holds a value equal to x.
func (a *ObjectArray) Binary(op syntax.Token, x starlark.Value, side starlark.Side) (starlark.Value, error) {
	if op != syntax.IN || side != starlark.Right {
		return nil, nil
	}
	for _, v := range a.values {
		if eq, err := starlark.Equal(x, v); err == nil && eq {
			return starlark.True, nil
		}
	}
	return starlark.False, nil
}
