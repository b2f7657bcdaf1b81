package python

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"go.starlark.net/syntax"
)

// comparisonOps are the operators rewritten into _cmp calls.
var comparisonOps = map[syntax.Token]string{syntax.EQL: "==", syntax.NEQ: "!=", syntax.LT: "<", syntax.LE: "<=", syntax.GT: ">", syntax.GE: ">="}

// comparisonText turns every comparison X op Y of src into
// _cmp("op", X, Y), so that comparing frames, series and arrays gives
// element-wise masks (Starlark's comparisons must return a bool), and
// "..." % args into _pct("...", args); f is src parsed. Only columns move:
// lines stay where they are. rewriteComparisons makes the same change to
// the tree.
func comparisonText(src string, f *syntax.File, isOps map[[2]int]string) string {
	lines := strings.Split(src, "\n")
	// offset converts a position to a byte offset in its line.
	offset := func(p syntax.Position) (int, int) {
		if p.Line < 1 || int(p.Line) > len(lines) {
			return 0, 0
		}
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
	targets := assignedDots(f)
	syntax.Walk(f, func(node syntax.Node) bool {
		if d, ok := node.(*syntax.DotExpr); ok && Methods[d.Name.Name] && !targets[d] {
			// x.name → _attr(x, "name"); an enclosing call opened at the
			// same place stays outside (its order is lower).
			n++
			xs, _ := d.X.Span()
			l1, c1 := offset(xs)
			ld, cd := offset(d.Dot)
			ln, cn := offset(d.Name.NamePos)
			edits = append(edits, edit{l1, c1, 0, "_attr(", n})
			name := fmt.Sprintf("%q)", d.Name.Name)
			if ld == ln {
				edits = append(edits, edit{ld, cd, cn + len(d.Name.Name) - cd, ", " + name, 0})
			} else {
				edits = append(edits, edit{ld, cd, 1, ",", 0}, edit{ln, cn, len(d.Name.Name), name, 0})
			}
			return true
		}
		b, ok := node.(*syntax.BinaryExpr)
		if !ok {
			return true
		}
		var call string
		switch fn, op := comparisonCall(b, isOps); fn {
		case "":
			return true
		case "_cmp":
			call = fmt.Sprintf("_cmp(%q, ", op)
		default:
			call = fn + "("
		}
		xs, _ := b.X.Span()
		xe := exprEnd(b.X)
		ys, _ := b.Y.Span()
		ye := exprEnd(b.Y)
		n++
		l1, c1 := offset(xs)
		l2, c2 := offset(xe)
		l3, c3 := offset(ys)
		l4, c4 := offset(ye)
		edits = append(edits,
			edit{l1, c1, 0, call, n},
			edit{l4, c4, 0, ")", -n},
		)
		if l2 == l3 {
			edits = append(edits, edit{l2, c2, c3 - c2, ", ", 0})
		} else {
			// X and Y are on different lines: the operator becomes a
			// comma where it is.
			lo, co := offset(b.OpPos)
			width := len(b.Op.String())
			if strings.HasPrefix(lines[lo][co:], "!=    ") && isOps[[2]int{int(b.OpPos.Line), int(b.OpPos.Col)}] == "is not" {
				width = 6
			}
			edits = append(edits, edit{lo, co, width, ",", 0})
		}
		return true
	})
	if len(edits) == 0 {
		return src
	}
	// Apply from the end so earlier offsets stay valid; at one position,
	// closing parentheses of inner calls go before those of outer ones,
	// and openings of outer ones (met first by Walk, so a lower n) before
	// inner ones: the edit applied last comes out first.
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
		text := e.text
		if e.at > 0 && isIdent(l[e.at-1]) && l[e.at-1] != '.' && text != "" && isIdent(text[0]) {
			// not(a) > 0: a call opened right after a keyword (or any
			// name) must not join it into one name (not_cmp).
			text = " " + text
		}
		lines[e.line] = l[:e.at] + text + l[e.at+e.del:]
	}
	return strings.Join(lines, "\n")
}

// exprEnd is where an expression ends: its Span, except that Starlark's
// spans of subscripts (a[0], a[1:2]) and of parenthesized tuples end at
// the closing bracket rather than after it.
func exprEnd(e syntax.Expr) syntax.Position {
	switch e := e.(type) {
	case *syntax.IndexExpr:
		return after(e.Rbrack)
	case *syntax.SliceExpr:
		return after(e.Rbrack)
	case *syntax.TupleExpr:
		if e.Lparen.IsValid() {
			return after(e.Rparen)
		}
		if len(e.List) > 0 {
			return exprEnd(e.List[len(e.List)-1])
		}
	case *syntax.BinaryExpr:
		return exprEnd(e.Y)
	case *syntax.UnaryExpr:
		if e.X != nil {
			return exprEnd(e.X)
		}
	case *syntax.CondExpr:
		return exprEnd(e.False)
	case *syntax.LambdaExpr:
		return exprEnd(e.Body)
	}
	_, end := e.Span()
	return end
}

// after is the position just after the one-character token at p.
func after(p syntax.Position) syntax.Position {
	p.Col++
	return p
}

// comparisonCall returns the builtin a binary expression becomes, if any:
// "_cmp" and its operator for a comparison (an "is" or "is not" that
// rewriteIs made == or != is that again), "_pct" for "..." % args,
// Python's printf-style formatting.
func comparisonCall(b *syntax.BinaryExpr, isOps map[[2]int]string) (fn, op string) {
	if op, ok := comparisonOps[b.Op]; ok {
		if is, ok := isOps[[2]int{int(b.OpPos.Line), int(b.OpPos.Col)}]; ok {
			op = is
		}
		return "_cmp", op
	}
	if lit, ok := b.X.(*syntax.Literal); ok && b.Op == syntax.PERCENT && lit.Token == syntax.STRING {
		return "_pct", ""
	}
	return "", ""
}

// rewriteComparisons turns every comparison X op Y of f into the call
// _cmp("op", X, Y), and "..." % args into _pct("...", args), as
// comparisonText does to the text: the calls start where X does and end
// where Y does, on the same lines as the text's.
func rewriteComparisons(f *syntax.File, isOps map[[2]int]string) {
	r := comparisons{isOps, assignedDots(f)}
	r.stmts(f.Stmts)
}

type comparisons struct {
	isOps   map[[2]int]string
	targets map[*syntax.DotExpr]bool
}

// assignedDots returns the attributes f assigns to (x.name = v), which
// stay attributes: Methods' routing is for reading them.
func assignedDots(f *syntax.File) map[*syntax.DotExpr]bool {
	targets := map[*syntax.DotExpr]bool{}
	var lhs func(e syntax.Expr)
	lhs = func(e syntax.Expr) {
		switch e := e.(type) {
		case *syntax.DotExpr:
			targets[e] = true
		case *syntax.TupleExpr:
			for _, x := range e.List {
				lhs(x)
			}
		case *syntax.ListExpr:
			for _, x := range e.List {
				lhs(x)
			}
		case *syntax.ParenExpr:
			lhs(e.X)
		}
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.AssignStmt:
			lhs(n.LHS)
		case *syntax.ForStmt:
			lhs(n.Vars)
		case *syntax.ForClause:
			lhs(n.Vars)
		}
		return true
	})
	return targets
}

func (r comparisons) stmts(stmts []syntax.Stmt) {
	for _, st := range stmts {
		r.stmt(st)
	}
}

func (r comparisons) stmt(st syntax.Stmt) {
	switch st := st.(type) {
	case *syntax.ExprStmt:
		st.X = r.expr(st.X)
	case *syntax.AssignStmt:
		st.LHS = r.expr(st.LHS)
		st.RHS = r.expr(st.RHS)
	case *syntax.DefStmt:
		r.exprs(st.Params)
		r.stmts(st.Body)
	case *syntax.IfStmt:
		st.Cond = r.expr(st.Cond)
		r.stmts(st.True)
		r.stmts(st.False)
	case *syntax.ForStmt:
		st.Vars = r.expr(st.Vars)
		st.X = r.expr(st.X)
		r.stmts(st.Body)
	case *syntax.WhileStmt:
		st.Cond = r.expr(st.Cond)
		r.stmts(st.Body)
	case *syntax.ReturnStmt:
		st.Result = r.expr(st.Result)
	case *syntax.BranchStmt, *syntax.LoadStmt:
	}
}

func (r comparisons) exprs(list []syntax.Expr) {
	for i, e := range list {
		list[i] = r.expr(e)
	}
}

// expr returns e with its comparisons rewritten, inner ones first.
func (r comparisons) expr(e syntax.Expr) syntax.Expr {
	switch e := e.(type) {
	case nil:
		return nil
	case *syntax.BinaryExpr:
		fn, op := comparisonCall(e, r.isOps)
		start, _ := e.X.Span()
		end := exprEnd(e.Y)
		e.X = r.expr(e.X)
		e.Y = r.expr(e.Y)
		if fn == "" {
			return e
		}
		call := &syntax.CallExpr{
			Fn:     &syntax.Ident{NamePos: start, Name: fn},
			Lparen: start,
			Args:   []syntax.Expr{e.X, e.Y},
			Rparen: end,
		}
		if fn == "_cmp" {
			lit := &syntax.Literal{Token: syntax.STRING, TokenPos: start, Raw: strconv.Quote(op), Value: op}
			call.Args = []syntax.Expr{lit, e.X, e.Y}
		}
		return call
	case *syntax.UnaryExpr:
		e.X = r.expr(e.X)
	case *syntax.CallExpr:
		e.Fn = r.expr(e.Fn)
		r.exprs(e.Args)
	case *syntax.ParenExpr:
		e.X = r.expr(e.X)
	case *syntax.DotExpr:
		start, _ := e.X.Span()
		e.X = r.expr(e.X)
		if Methods[e.Name.Name] && !r.targets[e] {
			_, end := e.Name.Span()
			return &syntax.CallExpr{
				Fn:     &syntax.Ident{NamePos: start, Name: "_attr"},
				Lparen: start,
				Args:   []syntax.Expr{e.X, &syntax.Literal{Token: syntax.STRING, TokenPos: e.Name.NamePos, Raw: strconv.Quote(e.Name.Name), Value: e.Name.Name}},
				Rparen: end,
			}
		}
	case *syntax.IndexExpr:
		e.X = r.expr(e.X)
		e.Y = r.expr(e.Y)
	case *syntax.SliceExpr:
		e.X = r.expr(e.X)
		e.Lo = r.expr(e.Lo)
		e.Hi = r.expr(e.Hi)
		e.Step = r.expr(e.Step)
	case *syntax.ListExpr:
		r.exprs(e.List)
	case *syntax.TupleExpr:
		r.exprs(e.List)
	case *syntax.DictExpr:
		r.exprs(e.List)
	case *syntax.DictEntry:
		e.Key = r.expr(e.Key)
		e.Value = r.expr(e.Value)
	case *syntax.CondExpr:
		e.Cond = r.expr(e.Cond)
		e.True = r.expr(e.True)
		e.False = r.expr(e.False)
	case *syntax.LambdaExpr:
		r.exprs(e.Params)
		e.Body = r.expr(e.Body)
	case *syntax.Comprehension:
		e.Body = r.expr(e.Body)
		for _, c := range e.Clauses {
			switch c := c.(type) {
			case *syntax.ForClause:
				c.Vars = r.expr(c.Vars)
				c.X = r.expr(c.X)
			case *syntax.IfClause:
				c.Cond = r.expr(c.Cond)
			}
		}
	case *syntax.Ident, *syntax.Literal:
	}
	return e
}
