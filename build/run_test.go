package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"burst/build/dataset"
	"burst/engine/kernel"
)

type overviewFixture struct {
	Rows     int       `json:"rows"`
	Index    []string  `json:"index"`
	Values   []float64 `json:"values"`
	Repr     string    `json:"repr"`
	HeadRepr string    `json:"head_repr"`
}

func fixture(t *testing.T, size string) overviewFixture {
	b, err := os.ReadFile("testdata/overview.json")
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]json.RawMessage
	json.Unmarshal(b, &all)
	var fx overviewFixture
	if err := json.Unmarshal(all[size], &fx); err != nil {
		t.Fatal(err)
	}
	return fx
}

// TestOverviewLesson runs every cell of the overview lesson natively, as
// `go run ./build run` does, and compares the results with pandas.
func TestOverviewLesson(t *testing.T) {
	for _, size := range []string{"small", "full"} {
		t.Run(size, func(t *testing.T) {
			if size == "full" && testing.Short() {
				t.Skip("full data in -short mode")
			}
			fx := fixture(t, size)
			dir := t.TempDir()
			if _, err := dataset.Flights(filepath.Join(dir, "data"), size); err != nil {
				t.Fatal(err)
			}
			// A copy, not a link: a link may not leave the lesson folder.
			if err := copyTree("../solutions", filepath.Join(dir, "solutions"), func(string) bool { return true }); err != nil {
				t.Fatal(err)
			}
			cells, err := readCells("../lessons/00-overview.md")
			if err != nil {
				t.Fatal(err)
			}
			k := kernel.New(&kernel.NativeHost{Dir: dir, Workers: 2})
			var printed bytes.Buffer
			var series map[string]any
			var texts []string
			for i, c := range cells {
				ok := k.Execute(context.Background(), c, func(o kernel.Output) {
					printed.WriteString(formatOutput(o))
					if o.Type == "execute_result" {
						text, _ := o.Data["text/plain"].(string)
						texts = append(texts, text)
						// Compare what the page receives: the output as JSON.
						b, _ := json.Marshal(o.Data["application/json"])
						var js map[string]any
						if json.Unmarshal(b, &js) == nil && js["name"] == "DepDelay" {
							series = js
						}
					}
				})
				if !ok {
					t.Fatalf("cell %d failed:\n%s", i, printed.String())
				}
			}
			if series == nil {
				t.Fatalf("no cell displayed the mean delay per origin:\n%s", printed.String())
			}
			keys := series["index"].([]any)[0].([]any)
			vals := series["values"].([]any)
			for i := range fx.Index {
				v := vals[i].(float64)
				if keys[i] != fx.Index[i] || math.Abs(v-fx.Values[i]) > 1e-9*math.Abs(fx.Values[i]) {
					t.Errorf("%v = %v, pandas says %s = %v", keys[i], v, fx.Index[i], fx.Values[i])
				}
			}
			out := printed.String()
			if !strings.Contains(out, "Out[2]:\n"+fx.Repr+"\n") {
				t.Errorf("printed output lacks pandas' repr of the means:\n%s\nwant:\n%s", out, fx.Repr)
			}
			if !strings.Contains(out, fx.HeadRepr) {
				t.Errorf("df.head() differs from pandas:\n%s\nwant:\n%s", out, fx.HeadRepr)
			}
		})
	}
}

func TestScriptCells(t *testing.T) {
	got := scriptCells("x = 1\n# %%\n\n# %% second\nprint(x)\n")
	if len(got) != 2 || got[0] != "x = 1" || got[1] != "print(x)" {
		t.Errorf("scriptCells = %q", got)
	}
	if got := scriptCells("a = 1\nb = 2\n"); len(got) != 1 {
		t.Errorf("a script without markers is one cell: %q", got)
	}
}

// TestFramesScript runs every DataFrame expression the engine supports
// (build/testdata/frames.py) on the small dataset; each cell must succeed.
func TestFramesScript(t *testing.T) {
	dir := t.TempDir()
	if _, err := dataset.Flights(filepath.Join(dir, "data"), "small"); err != nil {
		t.Fatal(err)
	}
	cells, err := readCells("testdata/frames.py")
	if err != nil {
		t.Fatal(err)
	}
	if len(cells) < 6 {
		t.Fatalf("read %d cells", len(cells))
	}
	k := kernel.New(&kernel.NativeHost{Dir: dir, Workers: 2})
	for i, c := range cells {
		var out bytes.Buffer
		if !runOne(k, c, &out) {
			t.Errorf("cell %d failed:\n%s", i+1, out.String())
		}
	}
}

// TestModulesScript runs build/testdata/modules.py, which calls every
// function of the modules design.md lists, on the small dataset.
func TestModulesScript(t *testing.T) {
	dir := t.TempDir()
	if _, err := dataset.Flights(filepath.Join(dir, "data"), "small"); err != nil {
		t.Fatal(err)
	}
	cells, err := readCells("testdata/modules.py")
	if err != nil {
		t.Fatal(err)
	}
	k := kernel.New(&kernel.NativeHost{Dir: dir, Workers: 2})
	var all bytes.Buffer
	for i, c := range cells {
		var out bytes.Buffer
		if !runOne(k, c, &out) {
			t.Errorf("cell %d failed:\n%s", i+1, out.String())
		}
		all.Write(out.Bytes())
	}
	// Seeded random numbers are CPython's.
	if !strings.Contains(all.String(), "0.6394267984578837") {
		t.Errorf("random.seed(42); random.random() is not CPython's 0.6394267984578837:\n%s", all.String())
	}
}

// TestRunShowsFigures: `build run` prints a chart as matplotlib's text,
// once, when the cell that drew it ends.
func TestRunShowsFigures(t *testing.T) {
	k := kernel.New(&kernel.NativeHost{Dir: t.TempDir(), Workers: 1})
	var out bytes.Buffer
	for _, c := range []string{"import matplotlib.pyplot as plt\nplt.hist([1, 2, 2, 3, 10], bins=3);", "plt.plot([1, 2, 3])\nplt.figure(figsize=(8, 4))"} {
		if !runOne(k, c, &out) {
			t.Fatalf("%s failed: %s", c, out.String())
		}
	}
	want := "<Figure size 640x480 with 1 Axes>\nOut[2]: <Figure size 800x400 with 0 Axes>\n<Figure size 640x480 with 1 Axes>\n<Figure size 800x400 with 0 Axes>\n"
	if out.String() != want {
		t.Errorf("build run printed\n%s\nwant\n%s", out.String(), want)
	}
}
