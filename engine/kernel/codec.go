package kernel

import (
	"fmt"
	"math"
	"strconv"

	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/ndarray"
	"burst/engine/session"
)

// EncodeValue writes a task's value for another process (a web worker):
// frames and series as Arrow IPC; numbers, strings, booleans and None as a
// short text (see encodeScalar); numpy arrays in numpy's .npy format (raw
// little-endian data after a header of dtype and shape); other cell values
// (lists, tuples, dicts of plain data) as tagged JSON.
func EncodeValue(v graph.Value) ([]byte, error) {
	if a, ok := v.(*NDArray); ok {
		return ndarray.Marshal(a.a), nil
	}
	if b := encodeScalar(v); b != nil {
		return b, nil
	}
	if sv, ok := v.(starlark.Value); ok {
		b, err := encodePlain(sv)
		if err != nil {
			return nil, fmt.Errorf("TypeError: a %s cannot travel between workers", session.TypeName(sv))
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
	if len(b) > 0 && b[0] == scalarTag {
		return decodeScalar(b)
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

// scalarTag starts an encoded scalar: "#i:42", "#f:0.1", "#b:true",
// "#s:text", "#n:". A delayed function's int is one of 50,000 results
// gathered at once, and Arrow IPC's schema and framing cost far more than
// the number (neither Arrow's stream nor .npy starts with '#').
const scalarTag = '#'

// encodeScalar encodes the Go scalars tasks return; nil for other values.
func encodeScalar(v graph.Value) []byte {
	switch v := v.(type) {
	case nil:
		return []byte("#n:")
	case int64:
		return strconv.AppendInt([]byte("#i:"), v, 10)
	case float64:
		if math.IsNaN(v) {
			// Keep the bits: pandas' missing value is one NaN among many.
			return strconv.AppendUint([]byte("#F:"), math.Float64bits(v), 16)
		}
		return strconv.AppendFloat([]byte("#f:"), v, 'g', -1, 64)
	case bool:
		return strconv.AppendBool([]byte("#b:"), v)
	case string:
		return append([]byte("#s:"), v...)
	}
	return nil
}

func decodeScalar(b []byte) (graph.Value, error) {
	if len(b) < 3 || b[2] != ':' {
		return nil, fmt.Errorf("bad scalar %q", b)
	}
	text := string(b[3:])
	var v graph.Value
	var err error
	switch b[1] {
	case 'n':
		return nil, nil
	case 'i':
		v, err = strconv.ParseInt(text, 10, 64)
	case 'f':
		v, err = strconv.ParseFloat(text, 64)
	case 'F':
		var u uint64
		u, err = strconv.ParseUint(text, 16, 64)
		v = math.Float64frombits(u)
	case 'b':
		v, err = strconv.ParseBool(text)
	case 's':
		v = text
	default:
		err = fmt.Errorf("unknown kind")
	}
	if err != nil {
		return nil, fmt.Errorf("bad scalar %q: %v", b, err)
	}
	return v, nil
}
