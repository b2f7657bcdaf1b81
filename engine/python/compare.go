package python

import (
	"strconv"

	"go.starlark.net/syntax"
)

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
	r := comparisons{isOps}
	r.stmts(f.Stmts)
}

type comparisons struct{ isOps map[[2]int]string }

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
		e.X = r.expr(e.X)
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
