package python

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

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
	nameRe = regexp.MustCompile(`^[A-Za-z_][\w.]*$`)
	helpRe = regexp.MustCompile(`^\?{0,2}([A-Za-z_][\w.]*)\?{0,2}$`) // x?, x??, ?x, ??x
)

// translateText rewrites Python-style cell source into Starlark text, line
// for line, so that line numbers in errors stay the learner's: the
// statements Starlark lacks on tokens (translateTokens), then ** and @ on
// each line, then the rewrites of the whole text. Comparisons, which need
// the syntax tree, are left to comparisonText and rewriteComparisons:
// translateText returns where "is" and "is not" were, for them.
func translateText(src string) (string, map[[2]int]string, error) {
	src = NormalizeNewlines(src)
	out, raw, err := translateTokens(src)
	if err != nil {
		return "", nil, err
	}
	if strings.Contains(out, "**") || strings.Contains(out, "@") {
		lines := strings.Split(out, "\n")
		for i, line := range lines {
			if i < len(raw) && raw[i] {
				continue
			}
			if strings.Contains(line, "**") {
				line = rewritePow(line)
			}
			if strings.Contains(line, "@") {
				line = rewriteMatmul(line)
			}
			lines[i] = line
		}
		out = strings.Join(lines, "\n")
	}
	text, isOps := rewriteIs(rewriteForIn(rewriteGenerators(rewriteSubscripts(out))))
	return text, isOps, nil
}

// rewriteSubscripts rewrites the numpy subscripts Starlark cannot parse:
// slices among several indices, x[1:3, :2] → x[_slice(1, 3), _slice(None, 2)],
// and slices assigned to, x[2:5] = v → x[_slice(2, 5)] = v. Only text
// inside the brackets changes, and no line moves.
func rewriteSubscripts(src string) string {
	if !strings.Contains(src, ":") {
		return src
	}
	toks := scan(src)
	type edit struct {
		at, del int
		text    string
		seq     int
	}
	var edits []edit
	add := func(at, del int, text string) {
		edits = append(edits, edit{at, del, text, len(edits)})
	}
	var stack []int
	for i, t := range toks {
		switch t.kind {
		case tOpen:
			stack = append(stack, i)
		case tClose:
			if len(stack) == 0 {
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if src[toks[o].start] != '[' || src[t.start] != ']' || o == 0 {
				continue
			}
			// A subscript follows an expression on the same line.
			p := toks[o-1]
			if p.line != toks[o].line || !(p.kind == tClose || p.kind == tString || p.kind == tName && !isKeyword(src[p.start:p.end])) {
				continue
			}
			// The parts between top-level commas, and their colons.
			type part struct {
				start, end int
				colons     []int
			}
			parts := []part{{start: toks[o].end}}
			depth, lambda := 0, false
			for j := o + 1; j < i; j++ {
				tk := toks[j]
				switch {
				case tk.kind == tOpen:
					depth++
				case tk.kind == tClose:
					depth--
				case depth == 0 && tk.kind == tName && src[tk.start:tk.end] == "lambda":
					lambda = true
				case depth == 0 && tk.kind == tOther && src[tk.start] == ',':
					parts[len(parts)-1].end = tk.start
					parts = append(parts, part{start: tk.end})
				case depth == 0 && tk.kind == tOther && src[tk.start] == ':':
					parts[len(parts)-1].colons = append(parts[len(parts)-1].colons, tk.start)
				}
			}
			parts[len(parts)-1].end = t.start
			sliced := false
			for _, pt := range parts {
				sliced = sliced || len(pt.colons) > 0
			}
			// .loc[a:b] and .iloc[a:b] take a slice object: loc's bounds are
			// labels, not the positions Starlark's slices compute.
			indexer := p.kind == tName && (src[p.start:p.end] == "loc" || src[p.start:p.end] == "iloc")
			if lambda || !sliced || len(parts) == 1 && !assignedTo(src, toks, i) && !indexer {
				continue
			}
			for _, pt := range parts {
				if len(pt.colons) == 0 {
					continue
				}
				start := pt.start
				for start < pt.end && (src[start] == ' ' || src[start] == '\t') {
					start++
				}
				add(start, 0, "_slice(")
				from := start
				for _, c := range append(pt.colons, pt.end) {
					if strings.TrimSpace(src[from:c]) == "" {
						add(c, 0, "None")
					}
					if c < pt.end {
						add(c, 1, ",")
					}
					from = c + 1
				}
				add(pt.end, 0, ")")
			}
		}
	}
	if len(edits) == 0 {
		return src
	}
	// From the end; at one position, the later edit first so that the
	// texts come out in the order they were added.
	sort.Slice(edits, func(a, b int) bool {
		if edits[a].at != edits[b].at {
			return edits[a].at > edits[b].at
		}
		return edits[a].seq > edits[b].seq
	})
	for _, e := range edits {
		src = src[:e.at] + e.text + src[e.at+e.del:]
	}
	return src
}

// assignedTo reports whether the subscript closing at token i is the
// target of an assignment (x[...] = v, x[...] += v).
func assignedTo(src string, toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].kind != tOther {
		return false
	}
	switch src[toks[i+1].start:toks[i+1].end] {
	case "=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>=":
		return true
	}
	return false
}

// rewriteMatmul turns a @ b into a * _at * b: the same precedence and
// grouping as Python's @ (Starlark has no @), computed by _at.
func rewriteMatmul(line string) string {
	toks := scan(line)
	for k := len(toks) - 1; k > 0; k-- {
		t := toks[k]
		if t.kind != tOther || line[t.start] != '@' || k+1 >= len(toks) {
			continue
		}
		p := toks[k-1]
		if !(p.kind == tName && !isKeyword(line[p.start:p.end]) || p.kind == tClose || p.kind == tOther && p.end-p.start > 0 && line[p.start] >= '0' && line[p.start] <= '9') {
			continue
		}
		if n := toks[k+1]; n.kind == tOther && line[n.start] == '=' && n.start == t.end {
			continue // @= is not supported
		}
		line = line[:t.start] + "* _at *" + line[t.end:]
	}
	return line
}

// NormalizeNewlines turns \r\n and lone \r into \n, as Python reads
// source: lines are then the same for the translator, Starlark and the
// learner.
func NormalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// rewriteGenerators turns generator expressions, which Starlark lacks,
// into list comprehensions: f(x for x in xs) becomes f([x for x in xs])
// and (x for x in xs) becomes [x for x in xs]. Lines stay.
func rewriteGenerators(src string) string {
	toks := scan(src)
	type group struct {
		open   int // token index
		call   bool
		hasFor bool
	}
	var stack []group
	type edit struct {
		at   int
		del  int
		text string
	}
	var edits []edit
	for i, t := range toks {
		switch t.kind {
		case tOpen:
			call := false
			if i > 0 {
				p := toks[i-1]
				call = p.kind == tClose || p.kind == tName && !isKeyword(src[p.start:p.end])
			}
			stack = append(stack, group{open: i, call: call})
		case tClose:
			if len(stack) == 0 {
				continue
			}
			g := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !g.hasFor || src[toks[g.open].start] != '(' || src[t.start] != ')' {
				continue
			}
			o := toks[g.open]
			if g.call {
				edits = append(edits, edit{o.end, 0, "["}, edit{t.start, 0, "]"})
			} else {
				edits = append(edits, edit{o.start, 1, "["}, edit{t.start, 1, "]"})
			}
		case tName:
			if src[t.start:t.end] == "for" && len(stack) > 0 {
				stack[len(stack)-1].hasFor = true
			}
		}
	}
	if len(edits) == 0 {
		return src
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].at > edits[j].at })
	for _, e := range edits {
		src = src[:e.at] + e.text + src[e.at+e.del:]
	}
	return src
}

// rewriteForIn wraps the iterable of every for loop and comprehension in
// _iter(...), which iterates over a string's characters as Python does
// (Starlark strings are not iterable) and passes anything else through.
func rewriteForIn(src string) string {
	toks := scan(src)
	type edit struct {
		at   int
		text string
	}
	var edits []edit
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tName || src[t.start:t.end] != "for" {
			continue
		}
		// Find "in" at the same depth.
		depth, j := 0, i+1
		for ; j < len(toks); j++ {
			tk := toks[j]
			if tk.kind == tOpen {
				depth++
			} else if tk.kind == tClose {
				depth--
				if depth < 0 {
					break
				}
			} else if depth == 0 && tk.kind == tName && src[tk.start:tk.end] == "in" {
				break
			}
		}
		if j >= len(toks) || depth != 0 || toks[j].kind != tName {
			continue
		}
		in := toks[j]
		// The iterable ends at a closing bracket of the enclosing
		// comprehension, at "if"/"for" of the comprehension, or at the
		// ":" of a for statement, all at depth 0.
		depth, end := 0, -1
		k := j + 1
		for ; k < len(toks); k++ {
			tk := toks[k]
			w := src[tk.start:tk.end]
			if tk.kind == tOpen {
				depth++
				continue
			}
			if tk.kind == tClose {
				if depth == 0 {
					end = tk.start
					break
				}
				depth--
				continue
			}
			if depth == 0 && (tk.kind == tName && (w == "if" || w == "for") || tk.kind == tOther && w == ":" || tk.kind == tComment) {
				end = tk.start
				break
			}
		}
		if k >= len(toks) {
			end = len(src)
		}
		if end < 0 || strings.TrimSpace(src[in.end:end]) == "" {
			continue
		}
		// Keep a trailing space or newline outside the call.
		e := in.end + len(strings.TrimRight(src[in.end:end], " \t\n"))
		edits = append(edits, edit{in.end, " _iter("}, edit{e, ")"})
	}
	if len(edits) == 0 {
		return src
	}
	sort.SliceStable(edits, func(a, b int) bool { return edits[a].at > edits[b].at })
	for _, e := range edits {
		src = src[:e.at] + e.text + src[e.at:]
	}
	return src
}

func isKeyword(w string) bool {
	switch w {
	case "in", "and", "or", "not", "if", "else", "return", "for", "while", "lambda", "is", "assert", "yield", "print":
		return w != "print"
	}
	return false
}

// rewriteIs turns "is" and "is not" into == and != of the same width, and
// returns where they are (line, column) so that the comparisons make
// identity tests of them.
func rewriteIs(src string) (string, map[[2]int]string) {
	toks := scan(src)
	ops := map[[2]int]string{}
	b := []byte(src)
	for i, t := range toks {
		if t.kind != tName || src[t.start:t.end] != "is" {
			continue
		}
		op, end := "is", t.end
		if i+1 < len(toks) && toks[i+1].kind == tName && src[toks[i+1].start:toks[i+1].end] == "not" && toks[i+1].line == t.line {
			op, end = "is not", toks[i+1].end
		}
		repl := "=="
		if op == "is not" {
			repl = "!="
		}
		copy(b[t.start:end], repl+strings.Repeat(" ", end-t.start-2))
		lineStart := strings.LastIndexByte(src[:t.start], '\n') + 1
		col := utf8.RuneCountInString(src[lineStart:t.start]) + 1
		ops[[2]int{t.line, col}] = op
	}
	return string(b), ops
}

// splitTop splits s at commas outside brackets and strings.
func splitTop(s string) []string {
	var parts []string
	depth, last := 0, 0
	for _, t := range scan(s) {
		switch {
		case t.kind == tOpen:
			depth++
		case t.kind == tClose:
			depth--
		case t.kind == tOther && s[t.start] == ',' && depth == 0:
			parts = append(parts, strings.TrimSpace(s[last:t.start]))
			last = t.end
		}
	}
	return append(parts, strings.TrimSpace(s[last:]))
}

// delStatement: del x → x = _deleted("x") (the kernel then forgets it);
// del d[k] → _delitem(d, k).
func delStatement(indent, targets string, line int) (string, error) {
	var stmts []string
	for _, t := range splitTop(targets) {
		switch {
		case nameRe.MatchString(t) && !strings.Contains(t, "."):
			stmts = append(stmts, fmt.Sprintf("%s = _deleted(%q)", t, t))
		case strings.HasSuffix(t, "]"):
			// The subscript is the last top-level bracket pair.
			toks := scan(t)
			depth, open := 0, -1
			for k := len(toks) - 1; k >= 0; k-- {
				switch toks[k].kind {
				case tClose:
					depth++
				case tOpen:
					depth--
					if depth == 0 && open < 0 {
						open = toks[k].start
					}
				}
			}
			if open <= 0 {
				return "", &TranslateError{line, fmt.Sprintf("cannot delete %s", t)}
			}
			stmts = append(stmts, fmt.Sprintf("_delitem(%s, %s)", t[:open], t[open+1:len(t)-1]))
		default:
			return "", &TranslateError{line, fmt.Sprintf("del of %s is not supported in Burst cells: delete names or items (del d[k])", t)}
		}
	}
	return indent + strings.Join(stmts, "; "), nil
}

// withStatement: with A as a, B: → for (a, _) in _with(A, B):, a loop of
// one pass whose end (or failure) exits the contexts.
func withStatement(indent, rest string, line int) (string, error) {
	if !strings.HasSuffix(rest, ":") {
		return "", &TranslateError{line, "a with statement ends with ':' and its block on the next lines"}
	}
	rest = strings.TrimSpace(strings.TrimSuffix(rest, ":"))
	if strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")") {
		rest = rest[1 : len(rest)-1]
	}
	var exprs, names []string
	for _, item := range splitTop(rest) {
		expr, name := item, "_"
		if k := strings.LastIndex(item, " as "); k >= 0 {
			expr, name = strings.TrimSpace(item[:k]), strings.TrimSpace(item[k+4:])
		}
		if expr == "" {
			return "", &TranslateError{line, "a with statement needs a context manager"}
		}
		exprs, names = append(exprs, expr), append(names, name)
	}
	target := names[0]
	if len(names) > 1 {
		target = "(" + strings.Join(names, ", ") + ")"
	}
	return fmt.Sprintf("%sfor %s in _with(%s):", indent, target, strings.Join(exprs, ", ")), nil
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
