package python

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.starlark.net/syntax"
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
		// Every statement of the tree starts on a line where a
		// statement of the learner's source starts.
		if f, _, err := Parse("<cell>", src); err == nil {
			starts := statementLines(src)
			checkStatementLines(t, src, f.Stmts, starts)
		}
	})
}

// statementLines returns the lines of src where a statement starts, on
// Python's tokens: the first token of each logical line, and the token
// after a ';' or a ':' outside brackets (a statement after a compound
// statement's header, or after a lambda's or annotation's colon, which
// only makes more lines allowed).
func statementLines(src string) map[int]bool {
	toks, err := Tokenize(NormalizeNewlines(src))
	starts := map[int]bool{}
	if err != nil {
		return starts
	}
	at, depth := true, 0
	for _, tk := range toks {
		switch tk.Kind {
		case NEWLINE:
			at = true
			continue
		case INDENT, DEDENT, NL, COMMENT, ENDMARKER:
			continue
		}
		if at {
			starts[tk.Line] = true
			at = false
		}
		if tk.Kind != OP {
			continue
		}
		switch src := NormalizeNewlines(src)[tk.Start:tk.End]; src {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case ";", ":":
			at = at || depth == 0
		}
	}
	return starts
}

// checkStatementLines fails t if a statement of stmts (or of their
// blocks) starts on a line that is not in starts.
func checkStatementLines(t *testing.T, src string, stmts []syntax.Stmt, starts map[int]bool) {
	t.Helper()
	for _, st := range stmts {
		start, _ := st.Span()
		if !starts[int(start.Line)] {
			t.Fatalf("a statement of the tree starts at line %d, where no statement of the source starts:\n%s", start.Line, src)
		}
		switch st := st.(type) {
		case *syntax.DefStmt:
			checkStatementLines(t, src, st.Body, starts)
		case *syntax.IfStmt:
			checkStatementLines(t, src, st.True, starts)
			checkStatementLines(t, src, st.False, starts)
		case *syntax.ForStmt:
			checkStatementLines(t, src, st.Body, starts)
		case *syntax.WhileStmt:
			checkStatementLines(t, src, st.Body, starts)
		}
	}
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

// trackTripleQuotes returns the triple quote left open after line, given
// the one open before it ("" for none).
func trackTripleQuotes(line, open string) string {
	for i := 0; i+3 <= len(line); i++ {
		q := line[i : i+3]
		if open == "" && (q == `"""` || q == `'''`) {
			open = q
			i += 2
		} else if open != "" && q == open {
			open = ""
			i += 2
		}
	}
	return open
}
