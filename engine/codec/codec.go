// Package codec writes task values as bytes for another process (a web
// worker) and reads them back: frames and series in Arrow's memory layout
// (frame.Marshal), numbers,
// strings, booleans and None as a short text, cell values made of plain
// data (lists, tuples and dicts of numbers and strings) as tagged JSON,
// and the value types of other packages (numpy arrays, estimators) by the
// codecs those packages register. A worker moves values with it without
// the interpreter.
package codec

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/graph"
)

// A Codec writes and reads the values of one type that other packages
// define (a numpy array as .npy).
type Codec struct {
	// Name names the values, in panics about the registration.
	Name string
	// Magic starts every encoding Encode writes: Decode is called for
	// the bytes that start with it. It may not start as another codec's
	// encodings do ('#', '{', and 0xFF, which starts frame.Marshal's).
	Magic string
	// Encode writes v, or reports false for a value of another type.
	Encode func(v graph.Value) (b []byte, ok bool, err error)
	// Decode reads what Encode wrote.
	Decode func(b []byte) (graph.Value, error)
}

// codecs are the registered codecs. Like graph.Register's operations,
// the table is filled by init functions only and never changes after: no
// cell can reach it, and reading it needs no lock.
var codecs []Codec

// Register makes c encode and decode its values in this process.
// Packages that define value types register them in init.
func Register(c Codec) {
	if c.Magic == "" || strings.IndexByte("#{\xff", c.Magic[0]) >= 0 {
		panic(fmt.Sprintf("codec: %s: magic %q starts like a built-in encoding", c.Name, c.Magic))
	}
	for _, o := range codecs {
		if strings.HasPrefix(o.Magic, c.Magic) || strings.HasPrefix(c.Magic, o.Magic) {
			panic(fmt.Sprintf("codec: %s: magic %q overlaps %s's %q", c.Name, c.Magic, o.Name, o.Magic))
		}
	}
	codecs = append(codecs, c)
}

// Encode writes a task's value for another process: a registered type
// by its codec; numbers, strings, booleans and None as a short text (see
// scalarTag); other cell values (lists, tuples, dicts of plain data) as
// tagged JSON (see EncodePlain); frames and series with frame.Marshal.
func Encode(v graph.Value) ([]byte, error) {
	for _, c := range codecs {
		if b, ok, err := c.Encode(v); ok || err != nil {
			return b, err
		}
	}
	if b := encodeScalar(v); b != nil {
		return b, nil
	}
	if sv, ok := v.(starlark.Value); ok {
		b, err := EncodePlain(sv)
		if err != nil {
			// Type() is the Python type's name for every value that is
			// not plain data.
			return nil, fmt.Errorf("TypeError: a %s cannot travel between workers", sv.Type())
		}
		return b, nil
	}
	return frame.Marshal(v)
}

// Decode reads what Encode wrote. Plain data comes back frozen.
func Decode(b []byte) (graph.Value, error) {
	for _, c := range codecs {
		if len(b) >= len(c.Magic) && string(b[:len(c.Magic)]) == c.Magic {
			return c.Decode(b)
		}
	}
	if len(b) > 0 && b[0] == scalarTag {
		return decodeScalar(b)
	}
	if len(b) > 0 && b[0] == '{' {
		v, err := DecodePlain(b)
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
// gathered at once, and a frame message's header costs more than the
// number (neither a frame message nor .npy starts with '#').
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
