package ndarray

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Arrays travel between processes (web workers) in numpy's .npy format,
// version 1.0: the magic "\x93NUMPY", a header naming dtype and shape,
// then the raw little-endian data. numpy.load reads what Marshal writes.

var npyMagic = []byte("\x93NUMPY")

// IsNPY reports whether b starts like a Marshal'ed array.
func IsNPY(b []byte) bool { return bytes.HasPrefix(b, npyMagic) }

// Marshal writes a in .npy format.
func Marshal(a *Array) []byte {
	descr := map[DType]string{Float64: "<f8", Int64: "<i8", Bool: "|b1"}[a.dtype]
	shape := "()"
	switch len(a.shape) {
	case 0:
	case 1:
		shape = fmt.Sprintf("(%d,)", a.shape[0])
	default:
		parts := make([]string, len(a.shape))
		for k, d := range a.shape {
			parts[k] = strconv.Itoa(d)
		}
		shape = "(" + strings.Join(parts, ", ") + ")"
	}
	header := fmt.Sprintf("{'descr': '%s', 'fortran_order': False, 'shape': %s, }", descr, shape)
	// The data starts at a multiple of 64 bytes; the header ends in \n.
	total := len(npyMagic) + 2 + 2 + len(header) + 1
	pad := (64 - total%64) % 64
	header += strings.Repeat(" ", pad) + "\n"
	itemSize := 8
	if a.dtype == Bool {
		itemSize = 1
	}
	out := make([]byte, 0, len(npyMagic)+4+len(header)+a.Size()*itemSize)
	out = append(out, npyMagic...)
	out = append(out, 1, 0)
	out = binary.LittleEndian.AppendUint16(out, uint16(len(header)))
	out = append(out, header...)
	switch a.dtype {
	case Float64:
		for _, v := range a.f {
			out = binary.LittleEndian.AppendUint64(out, math.Float64bits(v))
		}
	case Int64:
		for _, v := range a.i {
			out = binary.LittleEndian.AppendUint64(out, uint64(v))
		}
	default:
		for _, v := range a.b {
			if v {
				out = append(out, 1)
			} else {
				out = append(out, 0)
			}
		}
	}
	return out
}

var (
	npyDescr = regexp.MustCompile(`'descr':\s*'([^']*)'`)
	npyOrder = regexp.MustCompile(`'fortran_order':\s*(True|False)`)
	npyShape = regexp.MustCompile(`'shape':\s*\(([^)]*)\)`)
)

// Unmarshal reads an array in .npy format (versions 1 and 2) of dtype
// float64, int64 or bool, C order.
func Unmarshal(b []byte) (*Array, error) {
	if !IsNPY(b) || len(b) < 10 {
		return nil, fmt.Errorf("ndarray: not an .npy array")
	}
	var hlen, start int
	switch b[6] {
	case 1:
		hlen, start = int(binary.LittleEndian.Uint16(b[8:10])), 10
	case 2, 3:
		if len(b) < 12 {
			return nil, fmt.Errorf("ndarray: truncated .npy header")
		}
		hlen, start = int(binary.LittleEndian.Uint32(b[8:12])), 12
	default:
		return nil, fmt.Errorf("ndarray: .npy version %d", b[6])
	}
	if len(b) < start+hlen {
		return nil, fmt.Errorf("ndarray: truncated .npy header")
	}
	header := string(b[start : start+hlen])
	data := b[start+hlen:]
	d := npyDescr.FindStringSubmatch(header)
	o := npyOrder.FindStringSubmatch(header)
	s := npyShape.FindStringSubmatch(header)
	if d == nil || o == nil || s == nil {
		return nil, fmt.Errorf("ndarray: bad .npy header %q", header)
	}
	if o[1] == "True" {
		return nil, fmt.Errorf("ndarray: Fortran-order .npy arrays are not supported")
	}
	var shape []int
	for _, p := range strings.Split(s[1], ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSuffix(p, "L"))
		if err != nil || n < 0 {
			return nil, fmt.Errorf("ndarray: bad .npy shape %q", s[1])
		}
		shape = append(shape, n)
	}
	n := size(shape)
	if shape == nil {
		shape = []int{}
	}
	switch d[1] {
	case "<f8":
		if len(data) < 8*n {
			return nil, fmt.Errorf("ndarray: truncated .npy data")
		}
		v := make([]float64, n)
		for k := range v {
			v[k] = math.Float64frombits(binary.LittleEndian.Uint64(data[8*k:]))
		}
		return FromFloat64s(v, shape...), nil
	case "<i8":
		if len(data) < 8*n {
			return nil, fmt.Errorf("ndarray: truncated .npy data")
		}
		v := make([]int64, n)
		for k := range v {
			v[k] = int64(binary.LittleEndian.Uint64(data[8*k:]))
		}
		return FromInt64s(v, shape...), nil
	case "|b1":
		if len(data) < n {
			return nil, fmt.Errorf("ndarray: truncated .npy data")
		}
		v := make([]bool, n)
		for k := range v {
			v[k] = data[k] != 0
		}
		return FromBools(v, shape...), nil
	}
	return nil, fmt.Errorf("ndarray: .npy dtype %s is not supported", d[1])
}
