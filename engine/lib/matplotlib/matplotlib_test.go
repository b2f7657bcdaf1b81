package matplotlib_test

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"burst/engine/kernel"
	"burst/engine/lib/matplotlib"
)

// TestHistMatchesNumpy: bin edges and counts are those matplotlib 3.6
// (numpy 1.24's histogram) computes on the same data, to the bit
// (testdata/hist.json, written by testdata/gen.py).
func TestHistMatchesNumpy(t *testing.T) {
	b, err := os.ReadFile("testdata/hist.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name    string
		X       []*float64
		Bins    any
		Range   []float64
		Density bool
		Counts  []float64
		Edges   []float64
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		x := make([]float64, len(c.X))
		for i, v := range c.X {
			x[i] = math.NaN()
			if v != nil {
				x[i] = *v
			}
		}
		var bins, rng starlark.Value
		switch b := c.Bins.(type) {
		case float64:
			bins = starlark.MakeInt(int(b))
		case []any:
			l := make([]starlark.Value, len(b))
			for i, e := range b {
				l[i] = starlark.Float(e.(float64))
			}
			bins = starlark.NewList(l)
		}
		if c.Range != nil {
			rng = starlark.Tuple{starlark.Float(c.Range[0]), starlark.Float(c.Range[1])}
		}
		edges, equal, err := matplotlib.BinEdges(x, bins, rng)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		counts := matplotlib.Counts(x, edges, equal)
		if c.Density {
			matplotlib.Density(counts, edges)
		}
		if !same(edges, c.Edges) || !same(counts, c.Counts) {
			t.Errorf("%s:\nedges  %v\nnumpy  %v\ncounts %v\nnumpy  %v", c.Name, edges, c.Edges, counts, c.Counts)
		}
	}
}

func same(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// run executes cells in a fresh kernel and returns every output.
func run(t *testing.T, cells ...string) []kernel.Output {
	t.Helper()
	k := kernel.New(&kernel.NativeHost{Dir: t.TempDir(), Workers: 1})
	var outs []kernel.Output
	for _, c := range cells {
		if !k.Execute(context.Background(), c, func(o kernel.Output) { outs = append(outs, o) }) {
			t.Fatalf("%s\n→ %+v", c, outs[len(outs)-1])
		}
	}
	return outs
}

// spec is a chart's Vega-Lite spec as the page receives it (JSON).
func spec(t *testing.T, o kernel.Output) map[string]any {
	t.Helper()
	v, ok := o.Data["application/vnd.vegalite.v5+json"]
	if !ok {
		t.Fatalf("no chart in %+v", o)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("the spec is not JSON: %v", err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	return m
}

func text(o kernel.Output) string { s, _ := o.Data["text/plain"].(string); return s }

// TestFigureShownAtCellEnd: a figure still open when the cell ends shows
// (after the cell's value, as Jupyter's inline backend) with matplotlib's
// text and a Vega-Lite spec, and is closed: the next cell shows nothing
// more. plt.show() shows it at once.
func TestFigureShownAtCellEnd(t *testing.T) {
	outs := run(t, `import matplotlib.pyplot as plt
plt.bar(['EWR', 'JFK', 'LGA'], [11.2, 2.9, 5.7], color='C1')
plt.title('Mean delay')
plt.xlabel('Origin')
plt.ylabel('minutes')`, `1 + 1`)
	if len(outs) != 3 || outs[0].Type != "execute_result" || text(outs[0]) != "Text(0, 0.5, 'minutes')" ||
		outs[1].Type != "display_data" || text(outs[1]) != "<Figure size 640x480 with 1 Axes>" || text(outs[2]) != "2" {
		t.Fatalf("outputs %+v", outs)
	}
	s := spec(t, outs[1])
	if s["$schema"] != "https://vega.github.io/schema/vega-lite/v5.json" || s["usermeta"].(map[string]any)["kind"] != "bar" ||
		s["title"] != "Mean delay" || s["width"] != 496.0 || s["height"] != 370.0 {
		t.Errorf("spec %v", s)
	}
	layer := s["layer"].([]any)[0].(map[string]any)
	values := layer["data"].(map[string]any)["values"].([]any)
	enc := layer["encoding"].(map[string]any)
	x, y := enc["x"].(map[string]any), enc["y"].(map[string]any)
	if len(values) != 3 || x["type"] != "nominal" || x["axis"].(map[string]any)["title"] != "Origin" ||
		y["axis"].(map[string]any)["title"] != "minutes" || enc["color"].(map[string]any)["scale"].(map[string]any)["range"].([]any)[0] != "#ff7f0e" {
		t.Errorf("layer %v", layer)
	}

	outs = run(t, `import matplotlib.pyplot as plt
plt.figure(figsize=(8, 4))
plt.plot([1, 2, 3], [4, 5, float('nan')], 'o-', label='a')
plt.legend()
plt.show()
print('after')`)
	if len(outs) != 2 || text(outs[0]) != "<Figure size 800x400 with 1 Axes>" || outs[1].Text != "after\n" {
		t.Fatalf("plt.show(): %+v", outs)
	}
	s = spec(t, outs[0]) // NaN is null: JSON has no NaN
	if s["width"] != 620.0 || !strings.Contains(mustJSON(s), `"legend":{"title":null,"values":["a"]}`) {
		t.Errorf("spec %s", mustJSON(s))
	}
}

func mustJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

// TestPandasPlots: pandas' charts, as pandas 1.5 draws them: the index's
// labels as bar categories, one bin set for a frame's columns, a long
// line sampled to its envelope, subplots side by side.
func TestPandasPlots(t *testing.T) {
	outs := run(t, `import pandas as pd
df = pd.DataFrame({'Origin': ['EWR', 'JFK', 'LGA', 'EWR'], 'DepDelay': [10.0, 3.0, 6.0, 12.0], 'ArrDelay': [1.0, 2.0, 3.0, 4.0]})
df.groupby('Origin').DepDelay.mean().plot(kind='bar')`)
	if len(outs) != 2 || text(outs[0]) != "<AxesSubplot: xlabel='Origin'>" {
		t.Fatalf("outputs %+v", outs)
	}
	got := mustJSON(spec(t, outs[1]))
	for _, want := range []string{`"values":[{"s":"DepDelay","x":"EWR","y":11},{"s":"DepDelay","x":"JFK","y":3},{"s":"DepDelay","x":"LGA","y":6}]`, `"labelAngle":-90`, `"legend":null`} {
		if !strings.Contains(got, want) {
			t.Errorf("bar spec lacks %s: %s", want, got)
		}
	}

	outs = run(t, `import pandas as pd
df = pd.DataFrame({'a': [1.0, 2.0, 3.0, 10.0], 'b': [0.0, 5.0, 5.0, 5.0]})
counts = df.plot.hist(bins=2)`)
	got = mustJSON(spec(t, outs[0]))
	for _, want := range []string{`{"s":"a","x":0,"x2":5,"y":3}`, `{"s":"b","x":5,"x2":10,"y":3}`, `"values":["a","b"]`, `"title":"Frequency"`} {
		if !strings.Contains(got, want) {
			t.Errorf("hist spec lacks %s: %s", want, got)
		}
	}

	outs = run(t, `import numpy as np
import matplotlib.pyplot as plt
fig, axes = plt.subplots(1, 2)
axes[0].plot(np.arange(20000.0) % 7)
axes[1].scatter(np.arange(20000.0), np.arange(20000.0))
fig`)
	s := spec(t, outs[0])
	if text(outs[0]) != "<Figure size 640x480 with 2 Axes>" || len(outs) != 2 {
		t.Fatalf("outputs %+v", outs)
	}
	row := s["vconcat"].([]any)[0].(map[string]any)["hconcat"].([]any)
	for i, want := range []int{5000, 5000} {
		n := len(row[i].(map[string]any)["layer"].([]any)[0].(map[string]any)["data"].(map[string]any)["values"].([]any))
		if n > want || n < want/2 {
			t.Errorf("Axes %d draws %d of 20000 points, want at most %d", i, n, want)
		}
	}
}

// TestLazyRefused: a Dask collection has no .plot (as in Dask); the
// error says to compute first.
func TestLazyRefused(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(dir+"/a.csv", []byte("x,y\n1,2\n3,4\n"), 0o644)
	k := kernel.New(&kernel.NativeHost{Dir: dir, Workers: 1})
	var outs []kernel.Output
	k.Execute(context.Background(), "import dask.dataframe as dd\ndd.read_csv('a.csv').x.plot()", func(o kernel.Output) { outs = append(outs, o) })
	if len(outs) != 1 || outs[0].EName != "AttributeError" || !strings.Contains(outs[0].EValue, ".compute() it first") {
		t.Errorf("outputs %+v", outs)
	}
}

// TestRcParams: rcParams['figure.figsize'] sizes the figures that follow;
// style.use is accepted; an empty figure still open shows as its text.
func TestRcParams(t *testing.T) {
	outs := run(t, `import matplotlib.pyplot as plt
plt.style.use('ggplot')
plt.rcParams['figure.figsize'] = (10, 5)
plt.figure()
fig, ax = plt.subplots()
ax.scatter([1, 2], [3, 4]);`)
	if len(outs) != 2 || text(outs[0]) != "<Figure size 1000x500 with 0 Axes>" || text(outs[1]) != "<Figure size 1000x500 with 1 Axes>" ||
		outs[0].Data["application/vnd.vegalite.v5+json"] != nil {
		t.Fatalf("outputs %+v", outs)
	}
}
