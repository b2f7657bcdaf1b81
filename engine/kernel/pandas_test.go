package kernel

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/lib/pandas"
)

// pandasCase is one cell of testdata/pandas/expect.json with the result
// pandas and Dask gave (see gen.py there).
type pandasCase struct {
	Name   string            `json:"name"`
	Code   string            `json:"code"`
	Files  map[string]string `json:"files"`
	Expect json.RawMessage   `json:"expect"`
}

// TestAgainstPandas runs every reference cell and compares the result with
// what pandas and Dask returned: kinds, dtypes, index, order exactly and
// floats to a relative 1e-9.
func TestAgainstPandas(t *testing.T) {
	b, err := os.ReadFile("testdata/pandas/expect.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []pandasCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			dir := t.TempDir()
			for n, text := range c.Files {
				os.WriteFile(filepath.Join(dir, n), []byte(text), 0o644)
			}
			k := New(&NativeHost{Dir: dir, Workers: 2})
			var errOut *Output
			ok := k.Execute(context.Background(), c.Code, func(o Output) {
				if o.Type == "error" {
					errOut = &o
				}
			})
			var want map[string]any
			json.Unmarshal(c.Expect, &want)
			if want["type"] == "error" {
				if ok || errOut == nil {
					t.Fatalf("succeeded, want %s: %s", want["ename"], want["contains"])
				}
				if errOut.EName != want["ename"] {
					t.Errorf("error %s: %s, want %s: %s", errOut.EName, errOut.EValue, want["ename"], want["contains"])
				}
				return
			}
			if !ok {
				t.Fatalf("failed: %s: %s", errOut.EName, errOut.EValue)
			}
			got := encodeResult(k.globals["_"])
			if diff := compareEncoded(got, want, ""); diff != "" {
				g, _ := json.Marshal(got)
				t.Errorf("%s\ngot  %s\nwant %s", diff, g, c.Expect)
			}
		})
	}
}

// encodeResult encodes a cell value as gen.py encodes Python values.
func encodeResult(v starlark.Value) any {
	switch v := v.(type) {
	case *pandas.DataFrame:
		f := v.Eager()
		if f == nil {
			return map[string]any{"type": "lazy frame"}
		}
		var dtypes []any
		var vals []any
		for _, c := range f.Columns {
			dtypes = append(dtypes, string(c.DType()))
			vals = append(vals, encodeArray(c.Data))
		}
		return map[string]any{"type": "frame", "columns": anyStrings(pythonNames(f.Names())), "dtypes": dtypes, "index": encodeIndex(f.Index, f.Rows), "values": vals}
	case *pandas.Series:
		s := v.Eager()
		if s == nil {
			return map[string]any{"type": "lazy series"}
		}
		var name any
		if s.Name != "" {
			name = s.Name
		}
		if levels := frame.Levels(s.Name); len(levels) > 1 {
			name = anyStrings(levels) // a tuple
		}
		return map[string]any{"type": "series", "name": name, "dtype": string(frame.DTypeOf(s.Data.DataType())), "index": encodeIndex(s.Index, s.Len()), "values": encodeArray(s.Data)}
	case starlark.Tuple:
		var items []any
		for _, x := range v {
			items = append(items, encodeResult(x))
		}
		return map[string]any{"type": "tuple", "items": items}
	case *starlark.List:
		var items []any
		for i := 0; i < v.Len(); i++ {
			items = append(items, encodeResult(v.Index(i)))
		}
		return map[string]any{"type": "list", "items": items}
	case *starlark.Dict:
		var keys, vals []any
		for _, kv := range v.Items() {
			keys = append(keys, encodeResult(kv[0]).(map[string]any)["value"])
			vals = append(vals, encodeResult(kv[1]))
		}
		return map[string]any{"type": "dict", "keys": keys, "values": vals}
	case starlark.Int:
		i, _ := v.Int64()
		return map[string]any{"type": "scalar", "pytype": "int", "value": float64(i)}
	case starlark.Float:
		f := float64(v)
		var x any = f
		if math.IsNaN(f) {
			x = nil
		}
		return map[string]any{"type": "scalar", "pytype": "float", "value": x}
	case starlark.Bool:
		return map[string]any{"type": "scalar", "pytype": "bool", "value": bool(v)}
	case starlark.String:
		return map[string]any{"type": "scalar", "pytype": "str", "value": string(v)}
	case pandas.Timestamp:
		return map[string]any{"type": "scalar", "pytype": "Timestamp", "value": float64(time.Time(v).UnixNano())}
	case nil, starlark.NoneType:
		return map[string]any{"type": "scalar", "pytype": "NoneType", "value": nil}
	}
	return map[string]any{"type": fmt.Sprintf("unknown %s", v.Type())}
}

func anyStrings(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func encodeIndex(index []frame.Column, n int) map[string]any {
	cols := index
	if len(cols) == 0 {
		v := make([]int64, n)
		for i := range v {
			v[i] = int64(i)
		}
		cols = []frame.Column{{Data: frame.Int64s(v)}}
	}
	var names, dtypes, levels []any
	for _, c := range cols {
		var name any
		if c.Name != "" {
			name = c.Name
		}
		names = append(names, name)
		dtypes = append(dtypes, string(c.DType()))
		levels = append(levels, encodeArray(c.Data))
	}
	return map[string]any{"names": names, "dtypes": dtypes, "levels": levels}
}

func encodeArray(a arrow.Array) []any {
	out := make([]any, a.Len())
	for i := range out {
		switch v := frame.ValueAt(a, i).(type) {
		case float64:
			switch {
			case math.IsNaN(v):
			case math.IsInf(v, 1):
				out[i] = "inf"
			case math.IsInf(v, -1):
				out[i] = "-inf"
			default:
				out[i] = v
			}
		case int64:
			out[i] = float64(v)
		case time.Time:
			out[i] = float64(v.UnixNano())
		case time.Duration:
			out[i] = float64(v)
		case nil:
		default:
			out[i] = v
		}
	}
	return out
}

// compareEncoded returns "" when got matches want, else where they differ.
func compareEncoded(got, want any, path string) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: got %v, want an object", path, got)
		}
		for k, wv := range w {
			if d := compareEncoded(g[k], wv, path+"."+k); d != "" {
				return d
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Sprintf("%s: got %v, want %v", path, got, want)
		}
		for i := range w {
			if d := compareEncoded(g[i], w[i], fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	case float64:
		g, ok := got.(float64)
		if !ok || !(g == w || math.Abs(g-w) <= 1e-9*math.Max(math.Abs(g), math.Abs(w))) {
			return fmt.Sprintf("%s: got %v, want %v", path, got, want)
		}
	default:
		if fmt.Sprint(got) != fmt.Sprint(want) && !(got == nil && want == nil) {
			if s, ok := want.(string); ok && strings.HasPrefix(path, ".") && fmt.Sprint(got) == s {
				return ""
			}
			return fmt.Sprintf("%s: got %v, want %v", path, got, want)
		}
	}
	return ""
}

// pythonNames writes MultiIndex column names as Python prints tuples.
func pythonNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if levels := frame.Levels(n); len(levels) > 1 {
			out[i] = "('" + strings.Join(levels, "', '") + "')"
		}
	}
	return out
}
