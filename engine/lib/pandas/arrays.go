package pandas

import (
	"go.starlark.net/starlark"

	"burst/engine/frame"
)

// Arrays is numpy's side of frames: what .values, to_numpy() and
// pd.DataFrame(array) need. The kernel provides it (SetArrays) while
// numpy lives there.
type Arrays interface {
	// Array is the values of a *frame.Frame (a row per row) or a
	// *frame.Series as a numpy array; an error when numpy cannot hold
	// their dtypes.
	Array(v any) (starlark.Value, error)
	// FrameOf is pd.DataFrame(a, columns=columns); false when a is not
	// an array.
	FrameOf(a, columns starlark.Value) (starlark.Value, bool, error)
}

var arrays Arrays

// SetArrays sets numpy's side of frames; call it from init.
func SetArrays(a Arrays) { arrays = a }

// frameValues is df.values: an array for numeric frames, nil otherwise
// (the caller keeps its list of lists for mixed frames).
func frameValues(f *frame.Frame) starlark.Value {
	v, err := arrays.Array(f)
	if err != nil {
		return nil
	}
	return v
}

// seriesValues is s.values: an array for numeric and bool Series.
func seriesValues(s *frame.Series) starlark.Value {
	v, err := arrays.Array(s)
	if err != nil {
		return nil
	}
	return v
}
