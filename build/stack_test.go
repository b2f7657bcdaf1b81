package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// engineStack is the engine's packages from the first stage to the last:
// a package may import only packages of earlier stages, as go.starlark.net's
// syntax → resolve → compile → eval. Packages of one stage do not import
// each other. A new package gets its place here.
var engineStack = [][]string{
	{"files", "npsort", "check", "ml/mat", "ml/rng", "lib/remote/remotetest"},
	{"frame", "ndarray", "ml/datasets", "ml/svm", "ml/cluster", "ml/selection"},
	{"csv", "graph"},
	{"sched", "dataframe"},
	{"python", "codec"},
	{"session"},
	// Python's standard modules that stand alone.
	{"lib/math", "lib/operator", "lib/functools", "lib/itertools", "lib/pystring"},
	{"lib/statistics"},
	// The libraries cells import, each over the ones before it.
	{"lib/stdlib", "lib/numpy", "lib/collections", "lib/datetime", "lib/re"},
	{"lib/dask", "lib/matplotlib"},
	{"lib/pandas"},
	{"lib/dasharray", "lib/sklearn"},
	{"lib/daskml", "lib/remote"},
	{"kernel"},
}

// TestEngineStack checks that imports between the engine's packages point
// only from later stages to earlier ones (see engineStack).
func TestEngineStack(t *testing.T) {
	stage := map[string]int{}
	for i, names := range engineStack {
		for _, n := range names {
			stage[n] = i
		}
	}
	root := filepath.Join("..", "engine")
	imports := map[string]map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		if imports[pkg] == nil {
			imports[pkg] = map[string]bool{}
		}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if dep, ok := strings.CutPrefix(p, "burst/engine/"); ok {
				imports[pkg][dep] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, p := range pkgs {
		s, ok := stage[p]
		if !ok {
			t.Errorf("engine/%s has no place in engineStack (build/stack_test.go): add it to the stage after the last package it imports", p)
			continue
		}
		for dep := range imports[p] {
			if ds, ok := stage[dep]; ok && ds >= s {
				t.Errorf("engine/%s (stage %d) imports engine/%s (stage %d): imports must point to earlier stages", p, s, dep, ds)
			}
		}
	}
}
