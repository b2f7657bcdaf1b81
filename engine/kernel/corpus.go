package kernel

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

// A corpus file holds small cells with the output each must give, in the
// percent format IPython, Jupytext and `go run ./build run` read:
//
//	# %% name
//	x = 3.14159
//	f"{x:.2f}"
//	# > '3.14'
//
// Lines starting with "# > " are the expected output: what the cell
// prints, then its value's repr, or for an error "Name: message" and
// "@ line N" (the learner's line). A case named with "[burst]" has output
// only Burst gives (magics, Burst's modules); the others' expectations are
// written by CPython (testdata/cells/gen.py).

// CorpusCase is one cell of a corpus file with the output it must give.
type CorpusCase struct {
	Name   string
	Code   string
	Expect string
	Line   int // line of "# %%" in the file
}

// ParseCorpus splits a corpus file into cases.
func ParseCorpus(src string) []CorpusCase {
	var out []CorpusCase
	var cur *CorpusCase
	var code, expect []string
	flush := func() {
		if cur != nil {
			cur.Code = strings.Trim(strings.Join(code, "\n"), "\n")
			cur.Expect = strings.Join(expect, "\n")
			out = append(out, *cur)
		}
		code, expect = nil, nil
	}
	for i, line := range strings.Split(src, "\n") {
		switch {
		case strings.HasPrefix(line, "# %%"):
			flush()
			cur = &CorpusCase{Name: strings.TrimSpace(strings.TrimPrefix(line, "# %%")), Line: i + 1}
		case line == "# >" || strings.HasPrefix(line, "# > "):
			expect = append(expect, strings.TrimPrefix(strings.TrimPrefix(line, "# >"), " "))
		case cur != nil:
			code = append(code, line)
		}
	}
	flush()
	return out
}

var cellLine = regexp.MustCompile(`Cell In\[\d+\], line (\d+)`)

// CorpusOutput runs code in a fresh kernel on host and renders its outputs
// as corpus files write them.
func CorpusOutput(host Host, code string) string {
	text, _ := RenderCell(New(host), code)
	return text
}

// RenderCell runs code in k and renders its outputs as corpus files write
// them; loaded is the code a %load gave for the cell, if any.
func RenderCell(k *Kernel, code string) (text, loaded string) {
	var lines []string
	k.Execute(context.Background(), code, func(o Output) {
		switch o.Type {
		case "stream":
			lines = append(lines, strings.Split(strings.TrimSuffix(o.Text, "\n"), "\n")...)
		case "set_next_input":
			loaded = o.Text
			lines = append(lines, strings.Split(o.Text, "\n")...)
		case "execute_result", "display_data":
			text, _ := o.Data["text/plain"].(string)
			lines = append(lines, strings.Split(text, "\n")...)
		case "error":
			head := o.EName
			if o.EValue != "" {
				head += ": " + o.EValue
			}
			lines = append(lines, strings.Split(head, "\n")[0])
			// The innermost frame's line.
			if m := cellLine.FindAllStringSubmatch(strings.Join(o.Traceback, "\n"), -1); len(m) > 0 {
				lines = append(lines, "@ line "+m[len(m)-1][1])
			}
		}
	})
	return strings.Join(lines, "\n"), loaded
}

// CorpusMatch reports whether output matches expected lines ("~" lines
// are regular expressions).
func CorpusMatch(got, want string) bool { return corpusMatch(got, want) }

// CheckCorpus runs every case of a corpus file and returns a message per
// case whose output differs from the expected one.
func CheckCorpus(host func() Host, src string) (cases int, failures []string) {
	for _, c := range ParseCorpus(src) {
		got := CorpusOutput(host(), c.Code)
		if !corpusMatch(got, c.Expect) {
			failures = append(failures, fmt.Sprintf("case %q (line %d):\n%s\n--- got:\n%s\n--- want:\n%s", c.Name, c.Line, c.Code, got, c.Expect))
		}
	}
	return len(ParseCorpus(src)), failures
}

// corpusMatch compares output with the expected lines; an expected line
// starting with "~" is a regular expression for the whole line (times).
func corpusMatch(got, want string) bool {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	if len(g) != len(w) {
		return false
	}
	for i := range w {
		if re, ok := strings.CutPrefix(w[i], "~"); ok {
			m, err := regexp.MatchString("^(?:"+re+")$", g[i])
			if err != nil || !m {
				return false
			}
		} else if g[i] != w[i] {
			return false
		}
	}
	return true
}
