package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"burst/build/dataset"
)

// The bench's native engine runs every workload, and its group-by agrees
// with pandas' result in the overview fixture; the table marks results
// that differ from pandas'.
func TestBenchFramesNative(t *testing.T) {
	dir := t.TempDir()
	if _, err := dataset.Flights(filepath.Join(dir, "data"), "small"); err != nil {
		t.Fatal(err)
	}
	res, err := benchNative(dir, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, wl := range frameWorkloads {
		if m := res[wl.name]; m == nil || m.Error != "" || len(m.Seconds) != 1 {
			t.Fatalf("workload %s: %+v", wl.name, m)
		}
	}
	fx := fixture(t, "small")
	want := map[string]any{"index": fx.Index, "values": fx.Values}
	if !sameResult(res["a"].Result, want) {
		t.Errorf("group-by mean = %v, pandas gives %v", res["a"].Result, want)
	}

	pandas := map[string]*measure{"a": {Seconds: []float64{2}, Result: want}}
	wrong := map[string]*measure{"a": {Seconds: []float64{1}, Result: map[string]any{"index": fx.Index, "values": []float64{1, 2, 3}}}}
	var out bytes.Buffer
	printFrames(&out, []string{"burst native", "pandas"}, map[string]map[string]*measure{"burst native": wrong, "pandas": pandas})
	if !strings.Contains(out.String(), "1.00 s (2.00×) ≠") {
		t.Errorf("the table does not flag a wrong result:\n%s", out.String())
	}
}
