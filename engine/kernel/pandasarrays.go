package kernel

import (
	"fmt"

	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/lib/pandas"
)

// pandasArrays is numpy's side of pandas (pandas.Arrays): frames' values
// as arrays, frames of arrays.
type pandasArrays struct{}

func init() { pandas.SetArrays(pandasArrays{}) }

func (pandasArrays) Array(v any) (starlark.Value, error) {
	switch v := v.(type) {
	case *frame.Frame:
		a, err := frameNDArray(v)
		if err != nil {
			return nil, err
		}
		return &NDArray{a}, nil
	case *frame.Series:
		a, err := seriesArray(v)
		if err != nil {
			return nil, err
		}
		return &NDArray{a}, nil
	}
	return nil, fmt.Errorf("TypeError: cannot make an array of a %T", v)
}

func (pandasArrays) FrameOf(a, columns starlark.Value) (starlark.Value, bool, error) {
	x, ok := a.(*NDArray)
	if !ok {
		return nil, false, nil
	}
	f, err := frameOfArray(x.a, columns)
	return f, true, err
}
