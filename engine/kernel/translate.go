package kernel

import (
	"fmt"
	"regexp"
	"strings"
)

// TranslateError is a construct of the cell that Starlark cannot run,
// reported with the learner's line.
type TranslateError struct {
	Line int
	Msg  string
}

func (e *TranslateError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

var (
	importRe = regexp.MustCompile(`^(\s*)import\s+(.+?)\s*$`)
	fromRe   = regexp.MustCompile(`^(\s*)from\s+([\w.]+)\s+import\s+(.+?)\s*$`)
	nameRe   = regexp.MustCompile(`^[A-Za-z_][\w.]*$`)
)

// Translate rewrites Python-style cell source into Starlark, line for line,
// so that line numbers in errors stay the learner's: import statements
// become assignments from _import.
func Translate(src string) (string, error) {
	lines := strings.Split(src, "\n")
	inString := ""
	for i, line := range lines {
		if inString == "" {
			out, err := translateLine(line, i+1)
			if err != nil {
				return "", err
			}
			lines[i] = out
		}
		inString = trackTripleQuotes(line, inString)
	}
	return strings.Join(lines, "\n"), nil
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

// unsupported names the Python statements Starlark cannot run, with what
// a learner can do instead.
var unsupported = []struct{ prefix, msg string }{
	{"class ", "class definitions are not supported in Burst cells: use functions and dicts"},
	{"try:", "try/except is not supported in Burst cells: check values with if instead"},
	{"except", "try/except is not supported in Burst cells: check values with if instead"},
	{"finally:", "try/finally is not supported in Burst cells"},
	{"yield", "generators (yield) are not supported in Burst cells: build and return a list"},
	{"global ", "global is not supported in Burst cells: return the new value instead"},
	{"nonlocal ", "nonlocal is not supported in Burst cells: return the new value instead"},
	{"async ", "async code is not supported in Burst cells"},
	{"await ", "async code is not supported in Burst cells"},
}

func translateLine(line string, n int) (string, error) {
	trimmed := strings.TrimSpace(line)
	for _, u := range unsupported {
		if strings.HasPrefix(trimmed, u.prefix) || trimmed == strings.TrimSpace(u.prefix) {
			return "", &TranslateError{n, u.msg}
		}
	}
	switch {
	case strings.HasPrefix(trimmed, "%"):
		word := strings.Fields(trimmed)[0]
		return "", &TranslateError{n, fmt.Sprintf("the magic %s is not supported yet", word)}
	case strings.HasPrefix(trimmed, "from ") && strings.Contains(trimmed, " import "):
		m := fromRe.FindStringSubmatch(line)
		if m == nil {
			return "", &TranslateError{n, "cannot parse this from-import"}
		}
		indent, mod, names := m[1], m[2], strings.Trim(m[3], "() ")
		var stmts []string
		for _, part := range strings.Split(names, ",") {
			f := strings.Fields(part)
			switch {
			case len(f) == 1 && nameRe.MatchString(f[0]):
				if f[0] == "*" {
					return "", &TranslateError{n, "from ... import * is not supported: import the names you need"}
				}
				stmts = append(stmts, fmt.Sprintf("%s = _import(%q, %q)", f[0], mod, f[0]))
			case len(f) == 3 && f[1] == "as":
				stmts = append(stmts, fmt.Sprintf("%s = _import(%q, %q)", f[2], mod, f[0]))
			default:
				return "", &TranslateError{n, fmt.Sprintf("cannot parse %q in this import", strings.TrimSpace(part))}
			}
		}
		return indent + strings.Join(stmts, "; "), nil
	case strings.HasPrefix(trimmed, "import "):
		m := importRe.FindStringSubmatch(line)
		indent := m[1]
		var stmts []string
		for _, part := range strings.Split(m[2], ",") {
			f := strings.Fields(part)
			switch {
			case len(f) == 1 && nameRe.MatchString(f[0]):
				// import a.b binds a, as Python does.
				top := strings.SplitN(f[0], ".", 2)[0]
				stmts = append(stmts, fmt.Sprintf("%s = _import(%q)", top, top))
				if top != f[0] {
					stmts = append(stmts, fmt.Sprintf("_import(%q)", f[0]))
				}
			case len(f) == 3 && f[1] == "as" && nameRe.MatchString(f[0]):
				stmts = append(stmts, fmt.Sprintf("%s = _import(%q)", f[2], f[0]))
			default:
				return "", &TranslateError{n, fmt.Sprintf("cannot parse %q in this import", strings.TrimSpace(part))}
			}
		}
		return indent + strings.Join(stmts, "; "), nil
	}
	return line, nil
}
