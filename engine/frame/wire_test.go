package frame

import (
	"math"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

func TestMarshalRoundTrip(t *testing.T) {
	f, err := New([]Column{
		{"x", Float64s([]float64{1.5, math.NaN(), -2})},
		{"n", Int64s([]int64{1, 2, 3})},
		{"s", Strings([]string{"a", "", "c"}, []bool{true, false, true})},
	})
	if err != nil {
		t.Fatal(err)
	}
	f.Index = []Column{{"k", Strings([]string{"p", "q", "r"}, nil)}}
	b, err := Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	v, err := Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	g := v.(*Frame)
	if g.String() != f.String() || g.Rows != 3 || len(g.Index) != 1 || g.Index[0].Name != "k" {
		t.Errorf("round trip changed the frame:\n%s\nwant\n%s", g, f)
	}

	s := &Series{Name: "DepDelay", Index: []Column{{"Origin", Strings([]string{"EWR"}, nil)}}, Data: Float64s([]float64{10.25})}
	if b, err = Marshal(s); err != nil {
		t.Fatal(err)
	}
	if v, err = Unmarshal(b); err != nil {
		t.Fatal(err)
	}
	if got := v.(*Series); got.String() != s.String() {
		t.Errorf("series round trip:\n%s\nwant\n%s", got, s)
	}
	if _, err := Unmarshal([]byte("not arrow")); err == nil {
		t.Error("garbage decoded without error")
	}
}

// TestWireTypes sends one column of every type partitions hold, sliced
// and whole, and checks each comes back equal.
func TestWireTypes(t *testing.T) {
	mem := memory.DefaultAllocator
	tz := array.NewTimestampBuilder(mem, &arrow.TimestampType{Unit: arrow.Nanosecond, TimeZone: "UTC"})
	tz.AppendValues([]arrow.Timestamp{1, 2, 3, 4}, []bool{true, false, true, true})
	dur := array.NewDurationBuilder(mem, &arrow.DurationType{Unit: arrow.Second})
	dur.AppendValues([]arrow.Duration{5, 6, 7, 8}, nil)
	dict := array.NewDictionaryBuilder(mem, &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int8, ValueType: arrow.BinaryTypes.String})
	for _, s := range []string{"JFK", "EWR", "JFK", "LGA"} {
		dict.(*array.BinaryDictionaryBuilder).AppendString(s)
	}
	ls := array.NewLargeStringBuilder(mem)
	ls.AppendValues([]string{"a", "bb", "", "dddd"}, []bool{true, true, false, true})
	cols := []Column{
		{"f", Float64s([]float64{1.5, math.NaN(), -2, 0})},
		{"i", Int64s([]int64{1, 2, 3, math.MinInt64})},
		{"b", Bools([]bool{true, false, true, true})},
		{"s", Strings([]string{"a", "", "c", "ünï"}, []bool{true, false, true, true})},
		{"tz", tz.NewArray()},
		{"dur", dur.NewArray()},
		{"dict", dict.NewArray()},
		{"ls", ls.NewArray()},
	}
	f, err := New(cols)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []*Frame{f, f.Slice(1, 4), f.Slice(0, 0), f.Slice(3, 4)} {
		b, err := Marshal(g)
		if err != nil {
			t.Fatal(err)
		}
		v, err := Unmarshal(b)
		if err != nil {
			t.Fatalf("%d rows: %v", g.Rows, err)
		}
		h := v.(*Frame)
		if h.Rows != g.Rows || len(h.Columns) != len(g.Columns) {
			t.Fatalf("rows %d columns %d, want %d and %d", h.Rows, len(h.Columns), g.Rows, len(g.Columns))
		}
		for k, c := range g.Columns {
			if !array.ApproxEqual(c.Data, h.Columns[k].Data, array.WithNaNsEqual(true)) || !arrow.TypeEqual(c.Data.DataType(), h.Columns[k].Data.DataType()) {
				t.Errorf("column %s: got %v (%s), want %v (%s)", c.Name, h.Columns[k].Data, h.Columns[k].Data.DataType(), c.Data, c.Data.DataType())
			}
		}
	}
	// A slice is sent compacted: without the rows around it.
	whole, _ := Marshal(f)
	part, _ := Marshal(f.Slice(3, 4))
	if len(part) >= len(whole) {
		t.Errorf("a one-row slice takes %d bytes, the whole frame %d", len(part), len(whole))
	}
	for _, v := range []any{nil, 2.5, int64(7), "x", true} {
		b, err := Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Unmarshal(b)
		if err != nil || got != v {
			t.Errorf("scalar %v came back as %v (%v)", v, got, err)
		}
	}
}

// TestWireDamaged cuts and corrupts a message at every byte: each gives
// an error or a value, never a crash.
func TestWireDamaged(t *testing.T) {
	f, _ := New([]Column{
		{"s", Strings([]string{"a", "bc", "def"}, []bool{true, false, true})},
		{"x", Float64s([]float64{1, 2, 3})},
	})
	f.Index = []Column{{"k", Int64s([]int64{7, 8, 9})}}
	b, err := Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(b); n++ {
		if _, err := Unmarshal(b[:n]); err == nil {
			t.Fatalf("a message cut at %d of %d bytes decoded", n, len(b))
		}
	}
	for k := range b {
		for _, x := range []byte{0x01, 0x80, 0xff} {
			c := append([]byte(nil), b...)
			c[k] ^= x
			if v, err := Unmarshal(c); err == nil {
				if g, ok := v.(*Frame); ok {
					_ = g.String() // reading it must not crash either
				}
			}
		}
	}
}
