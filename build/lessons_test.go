package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"burst/build/dataset"
	"burst/engine/kernel"
)

// TestLessons runs every cell of every lesson natively, in order, as a
// learner would (a %load cell is run again with the solution it loaded),
// and compares each cell's output with build/testdata/lessons/NAME.out.
// BURST_RECORD=1 rewrites those files from this run, for review: times and
// random keys become patterns.
func TestLessons(t *testing.T) {
	lessons, _ := filepath.Glob("../lessons/[0-9][0-9]-*.md")
	for _, lesson := range lessons {
		name := strings.TrimSuffix(filepath.Base(lesson), ".md")
		if needsCluster[name] {
			// It runs against a real Dask cluster: TestKernelOnCluster
			// (server/cluster) runs it natively, TestRemoteLesson
			// (server) in Chromium.
			continue
		}
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := dataset.Flights(filepath.Join(dir, "data"), "small"); err != nil {
				t.Fatal(err)
			}
			// A copy, not a link: a link may not leave the lesson folder.
			if err := copyTree("../solutions", filepath.Join(dir, "solutions"), func(string) bool { return true }); err != nil {
				t.Fatal(err)
			}
			cells, err := readCells(lesson)
			if err != nil {
				t.Fatal(err)
			}
			k := kernel.New(&kernel.NativeHost{Dir: dir, Workers: 2})
			var got []string
			for i, c := range cells {
				text, loaded := kernel.RenderCell(k, c)
				if loaded != "" {
					more, _ := kernel.RenderCell(k, loaded)
					text += "\n" + more
				}
				got = append(got, text)
				t.Logf("cell %d done", i+1)
			}
			out := filepath.Join("testdata", "lessons", name+".out")
			if os.Getenv("BURST_RECORD") != "" {
				var b strings.Builder
				for i, text := range got {
					fmt.Fprintf(&b, "# %%%% cell %d\n", i+1)
					for _, l := range strings.Split(text, "\n") {
						fmt.Fprintf(&b, "# > %s\n", patterned(l))
					}
					b.WriteString("\n")
				}
				os.MkdirAll(filepath.Dir(out), 0o755)
				if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			src, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("%v (BURST_RECORD=1 writes it)", err)
			}
			want := kernel.ParseCorpus(string(src))
			if len(want) != len(got) {
				t.Fatalf("%s has %d cells, the lesson %d", out, len(want), len(got))
			}
			for i := range got {
				if !kernel.CorpusMatch(got[i], want[i].Expect) {
					t.Errorf("cell %d:\n%s\n--- got:\n%s\n--- want:\n%s", i+1, cells[i], got[i], want[i].Expect)
				}
			}
		})
	}
}

// needsCluster lists the lessons that burst to a Dask cluster through the
// server: they are tested where a cluster is started.
var needsCluster = map[string]bool{"04-remote-cluster": true}

var (
	timeLine = regexp.MustCompile(`^(CPU times|Wall time): `)
	tokenRe  = regexp.MustCompile(`-[0-9a-f]{32}`)
)

// patterned turns the parts of an output line that change from run to
// run (times, random keys) into a pattern line.
func patterned(l string) string {
	switch {
	case strings.HasPrefix(l, "<Client: "):
		// The machine's memory.
		return "~" + regexp.QuoteMeta(l[:strings.Index(l, "memory=")]) + "memory=.*>"
	case timeLine.MatchString(l):
		return "~" + timeLine.FindString(l) + ".*"
	case strings.HasPrefix(l, "[CV") && strings.Contains(l, " total time="):
		// scikit-learn's line for a fit: the score stays, the time varies.
		i := strings.Index(l, " total time=")
		return "~" + regexp.QuoteMeta(l[:i]) + " total time=.*"
	case tokenRe.MatchString(l):
		parts := tokenRe.Split(l, -1)
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		return "~" + strings.Join(parts, "-[0-9a-f]{32}")
	}
	return l
}

// TestLessonNumbers computes, the way lesson 02 and its solutions do, the
// numbers the lessons print, and compares them with pandas'
// (testdata/lessons/lesson_numbers.json, from lesson_numbers.py).
func TestLessonNumbers(t *testing.T) {
	b, err := os.ReadFile("testdata/lessons/lesson_numbers.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := dataset.Flights(filepath.Join(dir, "data"), "small"); err != nil {
		t.Fatal(err)
	}
	k := kernel.New(&kernel.NativeHost{Dir: dir, Workers: 2})
	text, _ := kernel.RenderCell(k, `import json, os, dask
import dask.dataframe as dd
from dask.distributed import Client
client = Client(n_workers=2)
df = dd.read_csv(os.path.join("data", "nycflights", "*.csv"),
                 parse_dates={"Date": [0, 1, 2]},
                 dtype={"TailNum": str, "CRSElapsedTime": float, "Cancelled": bool})
non_cancelled = df[~df.Cancelled]
mean_delay, std_delay = dask.compute(non_cancelled.DepDelay.mean(), non_cancelled.DepDelay.std())
print(json.dumps({
    "rows": len(df),
    "not_cancelled": len(df[~df.Cancelled]),
    "not_cancelled_by_origin": df[~df.Cancelled].groupby("Origin").Origin.count().compute().to_dict(),
    "mean_delay_by_origin": df.groupby("Origin").DepDelay.mean().compute().to_dict(),
    "worst_weekday": df.groupby("DayOfWeek").DepDelay.mean().idxmax().compute(),
    "max_delay": df.DepDelay.max().compute(),
    "mean_delay_not_cancelled": mean_delay,
    "std_delay_not_cancelled": std_delay,
}))`)
	var got map[string]any
	if err := json.Unmarshal([]byte(text), &got); err != nil {
		t.Fatalf("%v:\n%s", err, text)
	}
	var cmp func(path string, g, w any)
	cmp = func(path string, g, w any) {
		switch w := w.(type) {
		case map[string]any:
			gm, _ := g.(map[string]any)
			for k, v := range w {
				cmp(path+"."+k, gm[k], v)
			}
		case float64:
			gf, ok := g.(float64)
			if !ok || math.Abs(gf-w) > 1e-9*math.Max(1, math.Abs(w)) {
				t.Errorf("%s = %v, pandas says %v", path, g, w)
			}
		}
	}
	cmp("", got, want)
}

// TestMLLessonNumbers computes, the way lesson 03 does, the numbers it
// prints, and compares them with scikit-learn's
// (testdata/lessons/ml_numbers.json, from ml_numbers.py): the data bit
// for bit, the SVC's score and support, both grid searches' best
// parameters and mean test scores (to 1e-9), and the k-means inertia
// (within 1%).
func TestMLLessonNumbers(t *testing.T) {
	b, err := os.ReadFile("testdata/lessons/ml_numbers.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	k := kernel.New(&kernel.NativeHost{Dir: t.TempDir(), Workers: 2})
	text, _ := kernel.RenderCell(k, `import json
import joblib
import numpy as np
import dask
import dask.array as da
from dask.distributed import Client
from sklearn.datasets import make_blobs, make_classification
from sklearn.model_selection import GridSearchCV
from sklearn.svm import SVC
from dask_ml.cluster import KMeans
client = Client(n_workers=2)
X, y = make_classification(n_samples=10000, n_features=4, random_state=0)
est = SVC(random_state=0).fit(X, y)
small = GridSearchCV(SVC(gamma="auto", random_state=0, probability=True),
                     param_grid={"C": [0.001, 10.0], "kernel": ["rbf", "poly"]}, cv=2, n_jobs=-1).fit(X, y)
big = GridSearchCV(SVC(gamma="auto", random_state=0),
                   param_grid={"C": [0.001, 0.1, 0.5, 1.0, 2.0, 10.0],
                               "kernel": ["rbf", "poly", "sigmoid"],
                               "shrinking": [True, False]}, cv=2, n_jobs=-1)
with joblib.parallel_backend("dask", scatter=[X, y]):
    big.fit(X, y)
n_centers, n_features = 12, 20
X_small, y_small = make_blobs(n_samples=1000, centers=n_centers, n_features=n_features, random_state=0)
centers = np.zeros((n_centers, n_features))
for i in range(n_centers):
    centers[i] = X_small[y_small == i].mean(0)
delayeds = [dask.delayed(make_blobs)(n_samples=20000, centers=centers, n_features=n_features, random_state=i)[0] for i in range(20)]
Xb = da.concatenate([da.from_delayed(d, shape=(20000, n_features), dtype=X_small.dtype) for d in delayeds]).persist()
km = KMeans(n_clusters=n_centers, oversampling_factor=10, random_state=0).fit(Xb)
print(json.dumps({
    "X_head": X[:8].tolist(),
    "svc_score": est.score(X, y),
    "svc_n_support": est.n_support_.tolist(),
    "small_best_params": small.best_params_,
    "small_best_score": small.best_score_,
    "small_mean_test_score": small.cv_results_["mean_test_score"].tolist(),
    "big_best_params": big.best_params_,
    "big_best_score": big.best_score_,
    "big_mean_test_score": big.cv_results_["mean_test_score"].tolist(),
    "centers_head": centers[:4].tolist(),
    "kmeans_inertia": km.inertia_,
    "kmeans_counts": sorted(np.bincount(km.labels_.compute()).tolist()),
}))`)
	var got map[string]any
	if err := json.Unmarshal([]byte(text), &got); err != nil {
		t.Fatalf("%v:\n%s", err, text)
	}
	for key, w := range want {
		g := got[key]
		switch key {
		case "kmeans_inertia":
			gf, _ := g.(float64)
			if rel := math.Abs(gf-w.(float64)) / w.(float64); rel > 0.01 {
				t.Errorf("k-means inertia %v, scikit-learn %v (%.2f%% off)", g, w, 100*rel)
			}
		case "small_mean_test_score", "big_mean_test_score":
			gl, _ := g.([]any)
			wl := w.([]any)
			if len(gl) != len(wl) {
				t.Errorf("%s: %v, scikit-learn %v", key, g, w)
				continue
			}
			for i := range wl {
				if gf, _ := gl[i].(float64); math.Abs(gf-wl[i].(float64)) > 1e-9 {
					t.Errorf("%s[%d] = %v, scikit-learn %v", key, i, gl[i], wl[i])
				}
			}
		default:
			// The data (bit for bit: JSON floats round-trip), scores,
			// supports, best parameters and cluster sizes are equal.
			if !reflect.DeepEqual(g, w) {
				t.Errorf("%s = %v, scikit-learn %v", key, g, w)
			}
		}
	}
}
