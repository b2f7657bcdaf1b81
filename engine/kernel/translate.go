package kernel

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"go.starlark.net/syntax"
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
	return rewriteComparisons(strings.Join(lines, "\n")), nil
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
	case strings.HasPrefix(trimmed, "@"):
		// A decorator: kept as a call here, applied after the def by
		// applyDecorators on the syntax tree, so lines do not move.
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		return indent + "_decorate(" + strings.TrimSpace(trimmed[1:]) + ")", nil
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
	if strings.Contains(line, "**") {
		line = rewritePow(line)
	}
	return line, nil
}

// comparisonOps are the operators rewritten into _cmp calls.
var comparisonOps = map[syntax.Token]string{syntax.EQL: "==", syntax.NEQ: "!=", syntax.LT: "<", syntax.LE: "<=", syntax.GT: ">", syntax.GE: ">="}

// rewriteComparisons turns every comparison X op Y into _cmp("op", X, Y),
// so that comparing frames, series and arrays gives element-wise masks
// (Starlark's comparisons must return a bool). Only columns move: lines
// stay where they are. Source that does not parse is returned unchanged,
// for the parser to report.
func rewriteComparisons(src string) string {
	f, err := fileOptions.Parse("", src, 0)
	if err != nil {
		return src
	}
	lines := strings.Split(src, "\n")
	// offset converts a position to a byte offset in its line.
	offset := func(p syntax.Position) (int, int) {
		line := lines[p.Line-1]
		col := 1
		for i := range line {
			if col == int(p.Col) {
				return int(p.Line - 1), i
			}
			col++
		}
		return int(p.Line - 1), len(line)
	}
	type edit struct {
		line, at, del int
		text          string
		order         int
	}
	var edits []edit
	n := 0
	syntax.Walk(f, func(node syntax.Node) bool {
		b, ok := node.(*syntax.BinaryExpr)
		if !ok {
			return true
		}
		op, ok := comparisonOps[b.Op]
		if !ok {
			return true
		}
		xs, _ := b.X.Span()
		_, xe := b.X.Span()
		ys, _ := b.Y.Span()
		_, ye := b.Y.Span()
		n++
		l1, c1 := offset(xs)
		l2, c2 := offset(xe)
		l3, c3 := offset(ys)
		l4, c4 := offset(ye)
		edits = append(edits,
			edit{l1, c1, 0, fmt.Sprintf("_cmp(%q, ", op), -n},
			edit{l4, c4, 0, ")", n},
		)
		if l2 == l3 {
			edits = append(edits, edit{l2, c2, c3 - c2, ", ", 0})
		} else {
			// The operator ends a line: replace it where it is.
			opLine, opCol := l2, c2
			edits = append(edits, edit{opLine, opCol, 0, ",", 0})
			_ = l3
		}
		return true
	})
	if len(edits) == 0 {
		return src
	}
	// Apply from the end so earlier offsets stay valid; at one position,
	// closing parentheses of inner comparisons go before those of outer
	// ones, and openings of outer ones before inner ones.
	sort.SliceStable(edits, func(i, j int) bool {
		a, b := edits[i], edits[j]
		if a.line != b.line {
			return a.line > b.line
		}
		if a.at != b.at {
			return a.at > b.at
		}
		return a.order > b.order
	})
	for _, e := range edits {
		l := lines[e.line]
		lines[e.line] = l[:e.at] + e.text + l[e.at+e.del:]
	}
	return strings.Join(lines, "\n")
}

// rewritePow turns x ** y into _pow(x, y): Starlark has no power
// operator. x is the primary just before ** (a name with attributes,
// calls and subscripts, a number, or a parenthesized expression) and y the
// one after it, with an optional sign; ** groups to the right. Strings
// and the ** of f(**kwargs) are left alone.
func rewritePow(line string) string {
	for {
		i := findPow(line)
		if i < 0 {
			return line
		}
		ls := primaryStart(line, i)
		re := primaryEnd(line, i+2)
		if ls < 0 || re < 0 {
			return line
		}
		left := strings.TrimSpace(line[ls:i])
		right := strings.TrimSpace(line[i+2 : re])
		line = line[:ls] + "_pow(" + left + ", " + right + ")" + line[re:]
	}
}

// findPow returns the position of the last binary ** outside strings, or
// -1; the last one first makes right-grouping come out right.
func findPow(line string) int {
	last := -1
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '#':
			return last
		case c == '*' && i+1 < len(line) && line[i+1] == '*':
			j := i - 1
			for j >= 0 && line[j] == ' ' {
				j--
			}
			if j >= 0 && (isIdent(line[j]) || line[j] == ')' || line[j] == ']' || line[j] == '"' || line[j] == '\'') {
				last = i
			}
			i++
		}
	}
	return last
}

func isIdent(c byte) bool {
	return c == '_' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

// primaryStart returns where the primary expression ending before i starts.
func primaryStart(line string, i int) int {
	j := i - 1
	for j >= 0 && line[j] == ' ' {
		j--
	}
	for j >= 0 {
		switch c := line[j]; {
		case c == ')' || c == ']':
			depth := 0
			for ; j >= 0; j-- {
				if line[j] == ')' || line[j] == ']' {
					depth++
				} else if line[j] == '(' || line[j] == '[' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j < 0 {
				return -1
			}
			j--
		case isIdent(c):
			for j >= 0 && isIdent(line[j]) {
				j--
			}
		default:
			return j + 1
		}
		if j >= 0 && !(line[j] == ')' || line[j] == ']' || isIdent(line[j])) {
			return j + 1
		}
	}
	return 0
}

// primaryEnd returns where the operand starting after position i ends.
func primaryEnd(line string, i int) int {
	j := i
	for j < len(line) && line[j] == ' ' {
		j++
	}
	for j < len(line) && (line[j] == '-' || line[j] == '+') {
		j++
	}
	start := j
	for j < len(line) {
		c := line[j]
		switch {
		case isIdent(c):
			j++
		case c == '(' || c == '[':
			depth := 0
			for ; j < len(line); j++ {
				if line[j] == '(' || line[j] == '[' {
					depth++
				} else if line[j] == ')' || line[j] == ']' {
					depth--
					if depth == 0 {
						j++
						break
					}
				}
			}
		default:
			if j == start {
				return -1
			}
			return j
		}
	}
	if j == start {
		return -1
	}
	return j
}

// applyDecorators turns each run of _decorate(expr) statements before a def
// into assignments after it, f = expr(f), innermost first, as Python
// applies decorators. It works on every statement list of the file.
func applyDecorators(stmts []syntax.Stmt) []syntax.Stmt {
	var out []syntax.Stmt
	var pending []*syntax.CallExpr
	for _, st := range stmts {
		switch st := st.(type) {
		case *syntax.DefStmt:
			st.Body = applyDecorators(st.Body)
		case *syntax.IfStmt:
			st.True = applyDecorators(st.True)
			st.False = applyDecorators(st.False)
		case *syntax.ForStmt:
			st.Body = applyDecorators(st.Body)
		case *syntax.WhileStmt:
			st.Body = applyDecorators(st.Body)
		}
		if call := decoratorCall(st); call != nil {
			pending = append(pending, call)
			continue
		}
		def, isDef := st.(*syntax.DefStmt)
		if !isDef {
			// Decorators not followed by a def stay calls: _decorate
			// raises a clear error when they run.
			for _, c := range pending {
				out = append(out, &syntax.ExprStmt{X: c})
			}
			pending = nil
			out = append(out, st)
			continue
		}
		out = append(out, def)
		for i := len(pending) - 1; i >= 0; i-- {
			c := pending[i]
			pos := c.Lparen
			out = append(out, &syntax.AssignStmt{
				OpPos: pos,
				Op:    syntax.EQ,
				LHS:   &syntax.Ident{NamePos: pos, Name: def.Name.Name},
				RHS: &syntax.CallExpr{
					Fn:     c.Args[0],
					Lparen: pos,
					Args:   []syntax.Expr{&syntax.Ident{NamePos: pos, Name: def.Name.Name}},
					Rparen: c.Rparen,
				},
			})
		}
		pending = nil
	}
	for _, c := range pending {
		out = append(out, &syntax.ExprStmt{X: c})
	}
	return out
}

func decoratorCall(st syntax.Stmt) *syntax.CallExpr {
	es, ok := st.(*syntax.ExprStmt)
	if !ok {
		return nil
	}
	c, ok := es.X.(*syntax.CallExpr)
	if !ok || len(c.Args) != 1 {
		return nil
	}
	if id, ok := c.Fn.(*syntax.Ident); ok && id.Name == "_decorate" {
		return c
	}
	return nil
}
