package kernel

import (
	"fmt"

	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/ndarray"
)

// EncodeValue writes a task's value for another process (a web worker):
// frames, series and scalars as Arrow IPC; numpy arrays in numpy's .npy
// format (raw little-endian data after a header of dtype and shape);
// other cell values (lists, tuples, dicts of plain data) as tagged JSON.
func EncodeValue(v graph.Value) ([]byte, error) {
	if a, ok := v.(*NDArray); ok {
		return ndarray.Marshal(a.a), nil
	}
	if sv, ok := v.(starlark.Value); ok {
		b, err := encodePlain(sv)
		if err != nil {
			return nil, fmt.Errorf("TypeError: a %s cannot travel between workers", pyType(sv))
		}
		return b, nil
	}
	return frame.Marshal(v)
}

// DecodeValue reads what EncodeValue wrote.
func DecodeValue(b []byte) (graph.Value, error) {
	if ndarray.IsNPY(b) {
		a, err := ndarray.Unmarshal(b)
		if err != nil {
			return nil, err
		}
		return &NDArray{a}, nil
	}
	if len(b) > 0 && b[0] == '{' {
		v, err := decodePlain(b)
		if err != nil {
			return nil, err
		}
		v.Freeze()
		return v, nil
	}
	return frame.Unmarshal(b)
}
