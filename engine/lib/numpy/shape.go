package numpy

import (
	"fmt"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// Prod is the product of xs: the number of elements of an array of
// shape xs.
func Prod(xs []int) int {
	p := 1
	for _, v := range xs {
		p *= v
	}
	return p
}

// ShapeOf reads a shape argument (size=, da.zeros' shape): an int or a
// tuple of ints.
func ShapeOf(v starlark.Value) ([]int, error) {
	if n, ok := v.(starlark.Int); ok {
		i, err := starlark.AsInt32(n)
		return []int{i}, err
	}
	vs, err := session.Values(v)
	if err != nil {
		return nil, fmt.Errorf("TypeError: shape must be an int or a tuple of ints, not %s", session.TypeName(v))
	}
	out := make([]int, len(vs))
	for i, e := range vs {
		if out[i], err = starlark.AsInt32(e); err != nil {
			return nil, fmt.Errorf("TypeError: shape must be a tuple of ints")
		}
		if out[i] < 0 {
			return nil, fmt.Errorf("ValueError: negative dimensions are not allowed")
		}
	}
	return out, nil
}
