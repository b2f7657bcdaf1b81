package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"burst/engine/kernel"
)

// The scikit-learn side of `bench ml`, run with Debian's Python.
//
//go:embed bench/ml.py
var mlPy []byte

// mlWorkloads are the three: SVC().fit on the lesson's data, the
// lesson's grid search, and KMeans on 400k × 20 blobs. Each cell's value
// is the number checked against scikit-learn's.
var mlWorkloads = []workload{
	{"svc", "SVC().fit + score, 10000 × 4", `SVC().fit(X, y).score(X, y)`},
	{"grid", "GridSearchCV, 4 candidates × 2 folds, probability=True", `GridSearchCV(SVC(gamma="auto", random_state=0, probability=True), {"C": [0.001, 10.0], "kernel": ["rbf", "poly"]}, cv=2, n_jobs=N_JOBS).fit(X, y).best_score_`},
	{"kmeans", "KMeans(12), 400000 × 20", `KMeans(n_clusters=12, n_init=1, random_state=0).fit(Xb).inertia_`},
}

const mlSetup = `from sklearn.datasets import make_blobs, make_classification
from sklearn.svm import SVC
from sklearn.model_selection import GridSearchCV
from sklearn.cluster import KMeans
from dask.distributed import Client
client = Client(n_workers=WORKERS)
X, y = make_classification(n_samples=10000, n_features=4, random_state=0)
Xb, _ = make_blobs(n_samples=400000, n_features=20, centers=12, random_state=0)`

// benchML runs `bench ml`: each workload in Burst natively and in
// headless Chromium, and in scikit-learn with n_jobs=1 and -1; prints
// medians and ratios.
func benchML(args []string) error {
	fl := flag.NewFlagSet("bench ml", flag.ExitOnError)
	runs := fl.Int("runs", 3, "runs per workload; the table shows medians")
	workers := fl.Int("workers", 2, "Burst workers (native goroutines, browser web workers)")
	only := fl.String("engines", "native,browser,sklearn", "engines to run, comma-separated")
	fl.Parse(args)
	type eng struct {
		name string
		run  func() (map[string]*measure, error)
	}
	setup := strings.ReplaceAll(mlSetup, "WORKERS", strconv.Itoa(*workers))
	cell := func(w workload, parallel bool) string {
		n := "1"
		if parallel {
			n = "-1"
		}
		return strings.ReplaceAll(w.code, "N_JOBS", n)
	}
	engines := []eng{
		{"burst native", func() (map[string]*measure, error) {
			k := kernel.New(&kernel.NativeHost{Dir: ".", Workers: *workers})
			return runML(*runs, setup, func(code string) (float64, []kernel.Output, bool) {
				var outs []kernel.Output
				t0 := time.Now()
				ok := k.Execute(context.Background(), code, func(o kernel.Output) { outs = append(outs, o) })
				return time.Since(t0).Seconds(), outs, ok
			}, func(w workload) string { return cell(w, true) })
		}},
		{"burst browser", func() (map[string]*measure, error) {
			exec, closeAll, err := openPage(".", *workers)
			if err != nil {
				return nil, err
			}
			defer closeAll()
			return runML(*runs, setup, func(code string) (float64, []kernel.Output, bool) {
				r, err := exec(code)
				if err != nil {
					return 0, []kernel.Output{{Type: "error", EName: "BrowserError", EValue: err.Error()}}, false
				}
				return r.Ms / 1000, r.Outputs, r.OK
			}, func(w workload) string { return cell(w, true) })
		}},
		{"sklearn n_jobs=1", func() (map[string]*measure, error) { return benchSklearn(1, *runs) }},
		{"sklearn n_jobs=-1", func() (map[string]*measure, error) { return benchSklearn(-1, *runs) }},
	}
	fmt.Printf("ML: median of %d runs; Burst with %d workers (grid search with n_jobs=-1)\n\n", *runs, *workers)
	results := map[string]map[string]*measure{}
	var names []string
	for _, e := range engines {
		short := strings.TrimPrefix(e.name, "burst ")
		if strings.HasPrefix(short, "sklearn") {
			short = "sklearn"
		}
		if !strings.Contains(","+*only+",", ","+short+",") {
			continue
		}
		names = append(names, e.name)
		fmt.Fprintf(os.Stderr, "bench: %s…\n", e.name)
		t0 := time.Now()
		res, err := e.run()
		if err != nil {
			res = map[string]*measure{}
			for _, w := range mlWorkloads {
				res[w.name] = &measure{Error: err.Error()}
			}
		}
		fmt.Fprintf(os.Stderr, "bench: %s done in %.1fs\n", e.name, time.Since(t0).Seconds())
		results[e.name] = res
	}
	printML(os.Stdout, names, results)
	return nil
}

// runML runs the setup, then each workload runs times, through exec.
func runML(runs int, setup string, exec func(code string) (float64, []kernel.Output, bool), code func(workload) string) (map[string]*measure, error) {
	if _, outs, ok := exec(setup); !ok {
		return nil, fmt.Errorf("setup: %s", outputError(outs))
	}
	res := map[string]*measure{}
	for _, w := range mlWorkloads {
		m := &measure{}
		res[w.name] = m
		for range runs {
			secs, outs, ok := exec(code(w))
			m.Seconds = append(m.Seconds, secs)
			if !ok {
				m.Error = outputError(outs)
				break
			}
			m.Result = outputResult(outs)
		}
	}
	return res, nil
}

// benchSklearn runs the peer script with n_jobs (and as many OpenMP
// threads: 1, or all).
func benchSklearn(nJobs, runs int) (map[string]*measure, error) {
	script := filepath.Join(os.TempDir(), "burst-bench-ml.py")
	if err := os.WriteFile(script, mlPy, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(python, script, strconv.Itoa(nJobs), strconv.Itoa(runs))
	cmd.Env = os.Environ()
	if nJobs == 1 {
		cmd.Env = append(cmd.Env, "OMP_NUM_THREADS=1", "OPENBLAS_NUM_THREADS=1")
	}
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s: %v (install python3-sklearn)", python, err)
	}
	var doc struct {
		Versions  map[string]string   `json:"versions"`
		Workloads map[string]*measure `json:"workloads"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return nil, fmt.Errorf("%s printed %q: %v", python, out, err)
	}
	fmt.Fprintf(os.Stderr, "bench: scikit-learn %v\n", doc.Versions)
	return doc.Workloads, nil
}

// printML prints one row per workload: each engine's median and its
// ratio to scikit-learn n_jobs=1 (above 1: faster than it), with ≠ where
// a result differs from scikit-learn's (scores exactly, inertia by more
// than 1%).
func printML(w io.Writer, names []string, results map[string]map[string]*measure) {
	const peer = "sklearn n_jobs=1"
	fmt.Fprintf(w, "%-52s", "workload")
	for _, n := range names {
		fmt.Fprintf(w, " %20s", n)
	}
	fmt.Fprintln(w)
	for _, wl := range mlWorkloads {
		fmt.Fprintf(w, "%-52s", wl.title)
		ref := results[peer][wl.name]
		for _, n := range names {
			m := results[n][wl.name]
			switch {
			case m == nil:
				fmt.Fprintf(w, " %20s", "-")
			case m.Error != "":
				fmt.Fprintf(w, " %20s", "error")
			default:
				cell := fmt.Sprintf("%.2fs", m.median())
				if ref != nil && ref.Error == "" && n != peer {
					cell += fmt.Sprintf(" (%.2f×)", ref.median()/m.median())
				}
				if ref != nil && !sameMLResult(wl.name, m.Result, ref.Result) {
					cell += " ≠"
				}
				fmt.Fprintf(w, " %20s", cell)
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "\n(×: scikit-learn n_jobs=1's time over this one; above 1 is faster)")
	for _, n := range names {
		for _, wl := range mlWorkloads {
			if m := results[n][wl.name]; m != nil && m.Error != "" {
				fmt.Fprintf(w, "%s, %s: %s\n", n, wl.name, firstLine(m.Error))
			}
		}
	}
}

func sameMLResult(name string, a, b any) bool {
	x, ok1 := a.(float64)
	y, ok2 := b.(float64)
	if !ok1 || !ok2 {
		return false
	}
	if name == "kmeans" {
		return math.Abs(x-y) <= 0.01*math.Abs(y)
	}
	return x == y
}
