package kernel

import (
	"errors"
	"fmt"
	"strings"

	"burst/engine/session"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// A top-level try statement reaches the kernel as marker statements, one
// per clause, each with its block (see python's translation of try):
//
//	if _try():            try:
//	if _except(E, "e"):   except E as e:
//	if _else():           else:
//	if _finally():        finally:
//
// runCell runs a cell with such statements in parts: the statements
// between try statements as chunks, and each try statement's blocks as
// Python would, catching the error of its try block.

// tryMarker returns the marker function a top-level statement calls
// (_try, _except, _else, _finally) and its call, or "".
func tryMarker(st syntax.Stmt) (string, *syntax.CallExpr) {
	s, ok := st.(*syntax.IfStmt)
	if !ok || len(s.False) > 0 {
		return "", nil
	}
	call, ok := s.Cond.(*syntax.CallExpr)
	if !ok {
		return "", nil
	}
	id, ok := call.Fn.(*syntax.Ident)
	if !ok {
		return "", nil
	}
	switch id.Name {
	case "_try", "_except", "_else", "_finally":
		return id.Name, call
	}
	return "", nil
}

// hasTry reports whether a cell has a top-level try statement.
func hasTry(stmts []syntax.Stmt) bool {
	for _, st := range stmts {
		if m, _ := tryMarker(st); m == "_try" {
			return true
		}
	}
	return false
}

// runParts runs the statements of f (its last expression taken off) in
// parts, the try statements as Python runs them; it reports the error
// that ends the cell.
func (k *Kernel) runParts(thread *starlark.Thread, f *syntax.File) error {
	defer func() {
		for name, v := range k.globals {
			if _, still := v.(session.UndefinedName); still {
				delete(k.globals, name)
			}
		}
	}()
	stmts := f.Stmts
	for i := 0; i < len(stmts); {
		j := i + 1
		if m, _ := tryMarker(stmts[i]); m == "_try" {
			for j < len(stmts) {
				m, _ := tryMarker(stmts[j])
				if m != "_except" && m != "_else" && m != "_finally" {
					break
				}
				j++
			}
			if err := k.runTry(thread, f, stmts[i:j]); err != nil {
				return err
			}
		} else {
			for j < len(stmts) {
				if m, _ := tryMarker(stmts[j]); m == "_try" {
					break
				}
				j++
			}
			if err := k.exec(thread, f, stmts[i:j]); err != nil {
				return err
			}
		}
		i = j
	}
	return nil
}

// exec runs statements of f into the kernel's globals.
func (k *Kernel) exec(thread *starlark.Thread, f *syntax.File, stmts []syntax.Stmt) error {
	if len(stmts) == 0 {
		return nil
	}
	part := &syntax.File{Path: f.Path, Stmts: stmts, Options: f.Options}
	err := k.run(func() error { return starlark.ExecREPLChunk(part, thread, k.globals) })
	var resErr resolve.ErrorList
	if !errors.As(err, &resErr) || len(resErr) == 0 || !strings.HasPrefix(resErr[0].Msg, "undefined:") {
		return err
	}
	// As runCell does: names only function bodies use are defined when
	// they run (runParts forgets the ones still undefined); otherwise
	// the statements before the undefined name run first, as in Python.
	if names, ok := undefinedInDefs(part, resErr); ok {
		for _, n := range names {
			k.globals[n] = session.UndefinedName(n)
		}
		part = &syntax.File{Path: f.Path, Stmts: stmts, Options: f.Options}
		return k.run(func() error { return starlark.ExecREPLChunk(part, thread, k.globals) })
	}
	var before []syntax.Stmt
	for _, st := range stmts {
		if _, end := st.Span(); end.Line >= resErr[0].Pos.Line {
			break
		}
		before = append(before, st)
	}
	if len(before) > 0 && len(before) < len(stmts) {
		if perr := k.exec(thread, f, before); perr != nil {
			return perr
		}
	}
	return err
}

// runTry runs one try statement: its clauses' marker statements.
func (k *Kernel) runTry(thread *starlark.Thread, f *syntax.File, clauses []syntax.Stmt) error {
	block := func(st syntax.Stmt) []syntax.Stmt { return st.(*syntax.IfStmt).True }
	err := k.exec(thread, f, block(clauses[0]))
	if err == nil {
		for _, c := range clauses[1:] {
			if m, _ := tryMarker(c); m == "_else" {
				err = k.exec(thread, f, block(c))
			}
		}
	} else if exc := k.exceptionOf(err); exc != nil {
		for _, c := range clauses[1:] {
			m, call := tryMarker(c)
			if m != "_except" {
				continue
			}
			ok, name, merr := k.catches(thread, call, exc)
			if merr != nil {
				err = merr
				break
			}
			if !ok {
				continue
			}
			// The handler's bare raise re-raises _exc; "as e" binds
			// e for the block only, as Python deletes it after.
			k.globals["_exc"] = exc
			if name != "" {
				k.globals[name] = exc
			}
			err = k.exec(thread, f, block(c))
			delete(k.globals, "_exc")
			if name != "" {
				delete(k.globals, name)
			}
			break
		}
	}
	for _, c := range clauses[1:] {
		if m, _ := tryMarker(c); m == "_finally" {
			if ferr := k.exec(thread, f, block(c)); ferr != nil {
				err = ferr
			}
		}
	}
	return err
}

// exceptionOf returns the Python exception of an error: the one raise
// made, or one named as the learner sees the error. An interrupt is not
// caught (the thread is cancelled): it has none.
func (k *Kernel) exceptionOf(err error) *session.Exception {
	var exc *session.Exception
	if !errors.As(err, &exc) {
		out := k.errorOutput(err, "")
		if out.EName == "KeyboardInterrupt" {
			return nil
		}
		// An error from a worker carries the line it happened on
		// (located): the exception's message is without it.
		msg, _, _ := strings.Cut(out.EValue, "\n\nCell In[")
		exc = session.NewException(out.EName, msg)
	}
	exc.Err = err
	return exc
}

// catches reports whether the except clause _except(classes, "name")
// catches exc, and the name it binds.
func (k *Kernel) catches(thread *starlark.Thread, call *syntax.CallExpr, exc *session.Exception) (bool, string, error) {
	if len(call.Args) == 0 {
		return true, "", nil
	}
	name := ""
	if len(call.Args) > 1 {
		if lit, ok := call.Args[1].(*syntax.Literal); ok {
			name, _ = lit.Value.(string)
		}
	}
	var v starlark.Value
	err := k.run(func() error {
		var err error
		v, err = starlark.EvalExprOptions(fileOptions, thread, call.Args[0], k.globals)
		return err
	})
	if err != nil {
		return false, "", err
	}
	classes := []starlark.Value{v}
	if t, ok := v.(starlark.Tuple); ok {
		classes = t
	}
	for _, c := range classes {
		class, ok := c.(*session.ExceptionClass)
		if !ok {
			return false, "", fmt.Errorf("TypeError: catching classes that do not inherit from BaseException is not allowed (%s)", strings.TrimSpace(session.Repr(c)))
		}
		if session.ExceptionSubclass(exc.Class, class.Name()) {
			return true, name, nil
		}
	}
	return false, "", nil
}
