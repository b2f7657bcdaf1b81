package frame

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

type fixtureCol struct {
	Name   string `json:"name"`
	DType  string `json:"dtype"`
	Values []any  `json:"values"`
}

type fixtureCase struct {
	Name       string       `json:"name"`
	Kind       string       `json:"kind"`
	SeriesName string       `json:"series_name"`
	Index      []fixtureCol `json:"index"`
	Columns    []fixtureCol `json:"columns"`
	Repr       string       `json:"repr"`
	HTML       string       `json:"html"`
}

// arrowOf builds the Arrow array pandas' column would be in Burst.
func arrowOf(t *testing.T, c fixtureCol) arrow.Array {
	switch {
	case c.DType == "float64":
		v := make([]float64, len(c.Values))
		for i, x := range c.Values {
			if x == nil {
				v[i] = nan()
			} else {
				v[i] = x.(float64)
			}
		}
		return Float64s(v)
	case c.DType == "int64":
		v := make([]int64, len(c.Values))
		for i, x := range c.Values {
			v[i] = int64(x.(float64))
		}
		return Int64s(v)
	case c.DType == "bool":
		v := make([]bool, len(c.Values))
		for i, x := range c.Values {
			v[i] = x.(bool)
		}
		return Bools(v)
	case c.DType == "object":
		v := make([]string, len(c.Values))
		ok := make([]bool, len(c.Values))
		for i, x := range c.Values {
			if x != nil {
				v[i], ok[i] = x.(string), true
			}
		}
		return Strings(v, ok)
	case strings.HasPrefix(c.DType, "datetime64"):
		b := array.NewTimestampBuilder(memory.DefaultAllocator, &arrow.TimestampType{Unit: arrow.Nanosecond})
		for _, x := range c.Values {
			if x == nil {
				b.AppendNull()
			} else {
				b.Append(arrow.Timestamp(int64(x.(float64))))
			}
		}
		return b.NewArray()
	}
	t.Fatalf("unsupported dtype %s", c.DType)
	return nil
}

func TestReprMatchesPandas(t *testing.T) {
	b, err := os.ReadFile("testdata/repr.json")
	if err != nil {
		t.Fatal(err)
	}
	var fx struct {
		Cases []fixtureCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &fx); err != nil {
		t.Fatal(err)
	}
	for _, c := range fx.Cases {
		t.Run(c.Name, func(t *testing.T) {
			var index []Column
			for _, ic := range c.Index {
				index = append(index, Column{ic.Name, arrowOf(t, ic)})
			}
			switch c.Kind {
			case "series":
				s := &Series{Name: c.SeriesName, Index: index, Data: arrowOf(t, c.Columns[0])}
				if got := s.String(); got != c.Repr {
					t.Errorf("repr:\n%s\nwant (pandas):\n%s", got, c.Repr)
				}
			case "frame":
				var cols []Column
				for _, fc := range c.Columns {
					cols = append(cols, Column{fc.Name, arrowOf(t, fc)})
				}
				f, err := New(cols)
				if err != nil {
					t.Fatal(err)
				}
				f.Index = index
				if got := f.String(); got != c.Repr {
					t.Errorf("repr:\n%s\nwant (pandas):\n%s", got, c.Repr)
				}
				if got := f.HTML(); got != c.HTML {
					t.Errorf("html:\n%s\nwant (pandas):\n%s", got, c.HTML)
				}
			}
		})
	}
}
