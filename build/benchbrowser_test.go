package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"burst/build/chrome"
	"burst/build/dataset"
)

// TestBenchBrowser runs `bench browser` once on three small flights
// files: every figure of both engines is measured, and every result
// agrees with pandas'. It keeps the bench (its DuckDB-WASM page, the
// page marks it reads, the cells it runs) from rotting.
func TestBenchBrowser(t *testing.T) {
	if chrome.Path() == "" {
		if os.Getenv("BURST_REQUIRE_BROWSER") != "" {
			t.Fatal("Chromium is required (BURST_REQUIRE_BROWSER is set) but not installed: apt-get install chromium")
		}
		t.Skip("Chromium is not installed (apt-get install chromium); skipping the browser bench")
	}
	dir := t.TempDir()
	if _, err := dataset.Flights(filepath.Join(dir, "data"), "small"); err != nil {
		t.Fatal(err)
	}
	csvs, _ := filepath.Glob(filepath.Join(dir, "data", "nycflights", "*.csv"))
	for _, c := range csvs[3:] {
		os.Remove(c)
	}
	dist := filepath.Join(t.TempDir(), "dist")
	cmd := exec.Command("go", "run", "./build", "site", "-out", dist)
	cmd.Dir = ".."
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the site: %v\n%s", err, b)
	}
	var log bytes.Buffer
	b := &browserBench{repo: "..", dist: dist, data: filepath.Join(dir, "data", "nycflights"), runs: 1, workers: 2, tasks: 300, bundle: "eh", log: &log}
	ref, burst, duck, err := b.run()
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	var out bytes.Buffer
	bad := printBrowser(&out, b, ref, burst, duck)
	t.Logf("\n%s", out.String())
	if bad != 0 {
		t.Errorf("%d figures failed or differ from pandas:\n%s\n%s", bad, out.String(), log.String())
	}
	if ref.Len != 3000 {
		t.Errorf("pandas read %v rows, not 3000", ref.Len)
	}
	for _, f := range browserFigures {
		if strings.HasPrefix(f.key, "workers-") {
			continue // a mark the page may not have
		}
		for engine, pages := range map[string][]pageSamples{"Burst": burst, "DuckDB-WASM": duck} {
			if engine == "DuckDB-WASM" && !f.duck {
				continue
			}
			s := pages[0][f.key]
			if s == nil || s.err != "" || s.seconds < 0 || (f.key != "longtask" && s.seconds == 0) {
				t.Errorf("%s: %s: %+v", engine, f.title, s)
				continue
			}
			if ref.want(f.key) != nil && !s.check && !(engine == "DuckDB-WASM" && f.key == "persist") {
				t.Errorf("%s: %s was not checked against pandas", engine, f.title)
			}
		}
	}
}

// The table counts and names a result that differs from pandas', and an
// engine's error.
func TestBenchBrowserTableFlags(t *testing.T) {
	ref := &pandasRef{Version: "x", GroupBy: map[string]any{"index": []string{"EWR", "JFK"}, "values": []float64{1.5, 2}}, Len: 10, Sum: 3}
	good := func() pageSamples {
		return pageSamples{
			"read1":  {seconds: 1, check: true, result: map[string]any{"index": []string{"JFK", "EWR"}, "values": []float64{2, 1.5}}},
			"memlen": {seconds: 0.5, check: true, result: 10.0},
		}
	}
	burst, duck := good(), good()
	duck["memlen"].result = 11.0
	duck["read2"] = &sample{err: "Error: boom"}
	var out bytes.Buffer
	b := &browserBench{data: "d", runs: 1, tasks: 5, bundle: "eh"}
	if bad := printBrowser(&out, b, ref, []pageSamples{burst}, []pageSamples{duck}); bad != 2 {
		t.Errorf("%d bad figures, want 2:\n%s", bad, out.String())
	}
	for _, want := range []string{"len / count(*) on data in memory: ERROR: result 11 differs from pandas' 10", "the same, second run: error: Error: boom", "| 1.00 s ", "1.00×"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the table lacks %q:\n%s", want, out.String())
		}
	}
}
