package frame

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/ipc"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// BenchmarkWire sends a 100,000-row partition of floats, integers and
// strings with the wire format, and with Arrow IPC as the peer it replaced.
func BenchmarkWire(b *testing.B) {
	const n = 100_000
	fs, is, ss := make([]float64, n), make([]int64, n), make([]string, n)
	for i := range fs {
		fs[i], is[i], ss[i] = float64(i)/3, int64(i), fmt.Sprint("N", i%977)
	}
	f, _ := New([]Column{{"f", Float64s(fs)}, {"i", Int64s(is)}, {"s", Strings(ss, nil)}})
	msg, _ := Marshal(f)
	b.Run("wire/marshal", func(b *testing.B) {
		b.SetBytes(int64(len(msg)))
		for b.Loop() {
			if _, err := Marshal(f); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("wire/unmarshal", func(b *testing.B) {
		b.SetBytes(int64(len(msg)))
		for b.Loop() {
			if _, err := Unmarshal(msg); err != nil {
				b.Fatal(err)
			}
		}
	})
	fields := make([]arrow.Field, len(f.Columns))
	arrs := make([]arrow.Array, len(f.Columns))
	for i, c := range f.Columns {
		fields[i] = arrow.Field{Name: c.Name, Type: c.Data.DataType(), Nullable: true}
		arrs[i] = c.Data
	}
	schema := arrow.NewSchema(fields, nil)
	rec := array.NewRecord(schema, arrs, n)
	write := func() []byte {
		var buf bytes.Buffer
		w := ipc.NewWriter(&buf, ipc.WithSchema(schema))
		if err := w.Write(rec); err != nil {
			b.Fatal(err)
		}
		w.Close()
		return buf.Bytes()
	}
	stream := write()
	b.Run("ipc/marshal", func(b *testing.B) {
		b.SetBytes(int64(len(stream)))
		for b.Loop() {
			write()
		}
	})
	b.Run("ipc/unmarshal", func(b *testing.B) {
		b.SetBytes(int64(len(stream)))
		for b.Loop() {
			r, err := ipc.NewReader(bytes.NewReader(stream), ipc.WithAllocator(memory.DefaultAllocator))
			if err != nil {
				b.Fatal(err)
			}
			for r.Next() {
				r.Record().Retain()
			}
			r.Release()
		}
	})
}
