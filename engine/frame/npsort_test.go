package frame

import (
	"encoding/json"
	"math"
	"os"
	"slices"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// TestQuickArgsort orders rows with equal keys as pandas' sort_values
// does (testdata/npsort/expect.json, written by gen.py there); a stable
// sort gives other orders for most of these cases.
func TestQuickArgsort(t *testing.T) {
	b, err := os.ReadFile("testdata/npsort/expect.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name, Kind string
		Ascending  bool
		Values     []any
		Order      []int
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	unstable := 0
	for _, c := range cases {
		var a arrow.Array
		switch c.Kind {
		case "float64":
			v := make([]float64, len(c.Values))
			for i, x := range c.Values {
				if x == nil {
					v[i] = math.NaN()
				} else {
					v[i] = x.(float64)
				}
			}
			a = Float64s(v)
		case "int64":
			v := make([]int64, len(c.Values))
			for i, x := range c.Values {
				v[i] = int64(x.(float64))
			}
			a = Int64s(v)
		case "object":
			bld := array.NewStringBuilder(memory.DefaultAllocator)
			for _, x := range c.Values {
				bld.Append(x.(string))
			}
			a = bld.NewArray()
		case "bool":
			bld := array.NewBooleanBuilder(memory.DefaultAllocator)
			for _, x := range c.Values {
				bld.Append(x.(bool))
			}
			a = bld.NewArray()
		}
		got, ok := QuickArgsort(a, c.Ascending)
		if !ok {
			t.Fatalf("%s: type %s not handled", c.Name, a.DataType())
		}
		if !slices.Equal(got, c.Order) {
			t.Errorf("%s ascending=%v: got %v\nwant %v", c.Name, c.Ascending, head(got), head(c.Order))
		}
		f := &Frame{Columns: []Column{{Name: "k", Data: a}}, Rows: a.Len()}
		if stable, _ := f.SortRows([]string{"k"}, []bool{c.Ascending}); !slices.Equal(stable, c.Order) {
			unstable++
		}
	}
	// The fixture must tell the two apart, or it tests nothing.
	if unstable < len(cases)/2 {
		t.Errorf("a stable sort matches pandas on %d of %d cases: the fixture has too few ties", len(cases)-unstable, len(cases))
	}
}

func head(s []int) []int {
	if len(s) > 30 {
		return s[:30]
	}
	return s
}

// BenchmarkSortOneColumn compares numpy's quicksort order (what
// sort_values by one column runs) with the stable comparator sort of
// several columns, on a million floats with ties and NaN.
func BenchmarkSortOneColumn(b *testing.B) {
	v := make([]float64, 1_000_000)
	x := uint64(1)
	for i := range v {
		x = x*6364136223846793005 + 1442695040888963407
		v[i] = float64(x>>40) / 64
		if x>>60 == 0 {
			v[i] = math.NaN()
		}
	}
	a := Float64s(v)
	f := &Frame{Columns: []Column{{Name: "k", Data: a}}, Rows: a.Len()}
	b.Run("quicksort", func(b *testing.B) {
		for range b.N {
			QuickArgsort(a, true)
		}
	})
	b.Run("stable", func(b *testing.B) {
		for range b.N {
			f.SortRows([]string{"k"}, []bool{true})
		}
	})
}
