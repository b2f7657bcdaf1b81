package kernel

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorpus runs every cell of testdata/cells/*.py in a fresh kernel and
// compares its output with the one written beside it (by CPython, or by
// hand for Burst's own behaviour).
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/cells/*.py")
	dir := filepath.Join("testdata", "cells")
	total := 0
	for _, f := range files {
		if strings.HasSuffix(f, "gen.py") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n, failures := CheckCorpus(func() Host { return &NativeHost{Dir: dir, Workers: 2} }, string(src))
		total += n
		for _, msg := range failures {
			t.Errorf("%s: %s", f, msg)
		}
	}
	if total < 150 {
		t.Errorf("the corpus has %d cells, want at least 150", total)
	}
	t.Logf("%d cells", total)
}
