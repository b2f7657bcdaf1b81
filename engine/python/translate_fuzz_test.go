package python

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzTranslate checks the translator on any input: it never panics, and
// its translation keeps every line where it was (the line map is the
// identity): as many lines, and blank or comment-only lines still blank
// or comments, so that errors point at the learner's lines; and Parse
// gives the tree of that translation.
func FuzzTranslate(f *testing.F) {
	// The seeds are the cells of the kernel's corpus.
	files, _ := filepath.Glob("../kernel/testdata/cells/*.py")
	for _, name := range files {
		src, _ := os.ReadFile(name)
		for _, code := range corpusCells(string(src)) {
			f.Add(code)
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		var out string
		var err error
		done := make(chan bool)
		go func() {
			out, err = translate(src)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("translate did not return in 5 s on %q", src)
		}
		if err != nil {
			n := strings.Count(NormalizeNewlines(src), "\n") + 1
			if te, ok := err.(*TranslateError); ok && (te.Line < 1 || te.Line > n) {
				t.Fatalf("error at line %d of a %d-line cell: %v", te.Line, n, err)
			}
			return
		}
		in, got := strings.Split(NormalizeNewlines(src), "\n"), strings.Split(out, "\n")
		if len(in) != len(got) {
			t.Fatalf("%d lines became %d:\n%s\n---\n%s", len(in), len(got), src, out)
		}
		open := ""
		for i := range in {
			blank := strings.TrimSpace(in[i]) == "" || strings.HasPrefix(strings.TrimSpace(in[i]), "#")
			if open == "" && blank && strings.TrimSpace(got[i]) != "" && !strings.HasPrefix(strings.TrimSpace(got[i]), "#") {
				t.Fatalf("line %d moved: %q became %q", i+1, in[i], got[i])
			}
			open = trackTripleQuotes(in[i], open)
		}
		// Parse, which rewrites comparisons on the tree, gives the
		// tree of this text.
		sameAsTranslate(t, src)
	})
}

// corpusCells returns the code of each cell of a corpus file (the kernel's
// ParseCorpus, without the expected outputs).
func corpusCells(src string) []string {
	var cells []string
	var code []string
	in := false
	flush := func() {
		if in {
			cells = append(cells, strings.Trim(strings.Join(code, "\n"), "\n"))
		}
		code = nil
	}
	for _, line := range strings.Split(src, "\n") {
		switch {
		case strings.HasPrefix(line, "# %%"):
			flush()
			in = true
		case line == "# >" || strings.HasPrefix(line, "# > "):
		case in:
			code = append(code, line)
		}
	}
	flush()
	return cells
}
