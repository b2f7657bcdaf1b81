package frame

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// NBytes estimates the memory a value holds: the Arrow buffers of a frame
// or series, a small constant for a scalar. Schedulers use it to run a task
// where most of its input bytes already are, and dashboards to show memory.
func NBytes(v any) int64 {
	switch v := v.(type) {
	case *Frame:
		var n int64
		for _, c := range v.Index {
			n += arrayBytes(c.Data)
		}
		for _, c := range v.Columns {
			n += arrayBytes(c.Data)
		}
		return n
	case *Series:
		n := arrayBytes(v.Data)
		for _, c := range v.Index {
			n += arrayBytes(c.Data)
		}
		return n
	case string:
		return int64(len(v)) + 16
	case []byte:
		return int64(len(v))
	}
	return 16
}

func arrayBytes(a arrow.Array) int64 {
	if a == nil {
		return 0
	}
	return dataBytes(a.Data())
}

func dataBytes(d arrow.ArrayData) int64 {
	var n int64
	for _, b := range d.Buffers() {
		if b != nil {
			n += int64(b.Len())
		}
	}
	for _, c := range d.Children() {
		n += dataBytes(c)
	}
	if dict, ok := d.Dictionary().(*array.Data); ok && dict != nil {
		n += dataBytes(dict)
	}
	return n
}
