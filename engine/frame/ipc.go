package frame

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/ipc"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// Schema metadata keys that let a *Frame or *Series survive an Arrow IPC
// round trip: index levels come first among the record's fields.
const (
	metaKind  = "burst.kind"  // "frame" or "series"
	metaIndex = "burst.index" // number of index levels
	metaName  = "burst.name"  // a series' name
)

// Marshal encodes a *Frame or *Series as an Arrow IPC stream, the format
// partitions travel in between workers.
func Marshal(v any) ([]byte, error) {
	var index, cols []Column
	md := map[string]string{}
	rows := 0
	switch v := v.(type) {
	case *Frame:
		index, cols, rows = v.Index, v.Columns, v.Rows
		md[metaKind] = "frame"
	case *Series:
		index, cols, rows = v.Index, []Column{{v.Name, v.Data}}, v.Len()
		md[metaKind] = "series"
		md[metaName] = v.Name
	default:
		// A scalar (a reduction's result) travels as one value.
		a, err := Broadcast(v, 1)
		if err != nil {
			return nil, fmt.Errorf("frame.Marshal: cannot encode %T", v)
		}
		cols, rows = []Column{{"", a}}, 1
		md[metaKind] = "scalar"
		if v == nil {
			md[metaKind] = "none"
		}
	}
	md[metaIndex] = strconv.Itoa(len(index))
	all := append(append([]Column(nil), index...), cols...)
	fields := make([]arrow.Field, len(all))
	arrs := make([]arrow.Array, len(all))
	for i, c := range all {
		fields[i] = arrow.Field{Name: c.Name, Type: c.Data.DataType(), Nullable: true}
		arrs[i] = c.Data
	}
	keys := make([]string, 0, len(md))
	vals := make([]string, 0, len(md))
	for _, k := range []string{metaKind, metaIndex, metaName} {
		if val, ok := md[k]; ok {
			keys, vals = append(keys, k), append(vals, val)
		}
	}
	meta := arrow.NewMetadata(keys, vals)
	schema := arrow.NewSchema(fields, &meta)
	rec := array.NewRecord(schema, arrs, int64(rows))
	defer rec.Release()
	var buf bytes.Buffer
	w := ipc.NewWriter(&buf, ipc.WithSchema(schema))
	if err := w.Write(rec); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Unmarshal decodes what Marshal encoded. The result shares b's memory.
func Unmarshal(b []byte) (any, error) {
	r, err := ipc.NewReader(bytes.NewReader(b), ipc.WithAllocator(memory.DefaultAllocator))
	if err != nil {
		return nil, fmt.Errorf("frame.Unmarshal: %v", err)
	}
	defer r.Release()
	schema := r.Schema()
	md := schema.Metadata()
	get := func(k string) string {
		if i := md.FindKey(k); i >= 0 {
			return md.Values()[i]
		}
		return ""
	}
	nIndex, _ := strconv.Atoi(get(metaIndex))
	var rec arrow.Record
	if r.Next() {
		rec = r.Record()
		rec.Retain()
		defer rec.Release()
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("frame.Unmarshal: %v", err)
	}
	var all []Column
	rows := 0
	for i, f := range schema.Fields() {
		var a arrow.Array
		if rec != nil {
			a = rec.Column(i)
			a.Retain()
		} else {
			a = array.MakeArrayOfNull(memory.DefaultAllocator, f.Type, 0)
		}
		all = append(all, Column{f.Name, a})
	}
	if rec != nil {
		rows = int(rec.NumRows())
	}
	if nIndex > len(all) {
		return nil, fmt.Errorf("frame.Unmarshal: bad index count %d", nIndex)
	}
	switch get(metaKind) {
	case "none":
		return nil, nil
	case "scalar":
		if len(all) != 1 || rows != 1 {
			return nil, fmt.Errorf("frame.Unmarshal: a scalar needs one value")
		}
		return ValueAt(all[0].Data, 0), nil
	case "series":
		if len(all) != nIndex+1 {
			return nil, fmt.Errorf("frame.Unmarshal: a series needs one data column")
		}
		return &Series{Name: get(metaName), Index: all[:nIndex], Data: all[nIndex].Data}, nil
	default:
		return &Frame{Index: all[:nIndex], Columns: all[nIndex:], Rows: rows}, nil
	}
}
