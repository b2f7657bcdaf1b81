// Package kernel runs notebook cells: Python-style source translated to
// Starlark, executed against Burst's modules, with IPython's conventions
// (the last expression is displayed, print goes to stdout) and outputs as
// MIME bundles.
package kernel

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/check"
	"burst/engine/python"
	"burst/engine/session"
)

// The kernel's host, clusters and outputs are the session's.
type (
	Host        = session.Host
	Cluster     = session.Cluster
	ClusterInfo = session.ClusterInfo
	Output      = session.Output
)

// Kernel holds a session's state: globals, the execution count and the
// active Client.
type Kernel struct {
	// s is what the modules share: host, the running cell's context and
	// outputs.
	s        *session.Session
	globals  starlark.StringDict
	modules  map[string]*Module // made on first use: see mods
	madeMods sync.Once
	builtin  starlark.StringDict // the names every cell starts with
	defs     map[string]def      // top-level def statements, by position
	count    int
	// last is the value of the last cell's last line (nil when it had
	// none or failed), which an exercise's check compares.
	last starlark.Value

	// timeMark is when %time started.
	timeMark time.Time
	// sources holds every cell's code by execution count, for
	// tracebacks through functions defined in earlier cells.
	sources map[int]string
	// docs and methodDocs are the docstrings help() shows: the kernel's
	// and its libraries'.
	docs, methodDocs map[string]string
	// Yield, when set, is called every 100,000 interpreter steps of a
	// cell: in the browser it lets the event loop deliver an interrupt to
	// a cell that never waits (an infinite loop).
	Yield func()
}

// New returns a kernel with empty state running on host.
func New(host Host) *Kernel {
	k := &Kernel{s: session.New(host)}
	k.s.SetRunner(k)
	k.s.SetYield(func() {
		if k.Yield != nil {
			k.Yield()
		}
	})
	k.docs, k.methodDocs = maps.Clone(docs), maps.Clone(methodDocs)
	for _, lib := range libraries() {
		maps.Copy(k.docs, lib.Docs)
		maps.Copy(k.methodDocs, lib.MethodDocs)
	}
	k.globals = starlark.StringDict{}
	k.builtin = k.builtins()
	for name, v := range k.builtin {
		k.globals[name] = v
	}
	return k
}

// mods returns the module table, made the first time a cell imports (or
// help or a function sent to a worker looks a module up). Making every
// library's modules took about a third of a second of the browser
// kernel's start, each constructor's code compiled on its first call,
// before any cell had run.
func (k *Kernel) mods() map[string]*Module {
	k.madeMods.Do(func() { k.modules = k.makeModules() })
	return k.modules
}

// ExecutionCount returns the number of the last executed cell.
func (k *Kernel) ExecutionCount() int { return k.count }

var fileOptions = python.FileOptions()

// Execute runs one cell, sending its outputs to emit as they happen. It
// returns false if the cell raised an error; the kernel stays usable.
func (k *Kernel) Execute(ctx context.Context, code string, emit func(Output)) bool {
	k.count++
	n := k.count
	k.s.Begin(ctx, emit)
	defer k.s.End()
	defer k.forgetDeleted()

	filename := fmt.Sprintf("<cell %d>", n)
	thread := &starlark.Thread{
		Name:  filename,
		Print: func(_ *starlark.Thread, msg string) { emit(Output{Type: "stream", Name: "stdout", Text: msg + "\n"}) },
	}
	k.bind(thread)
	stop := context.AfterFunc(ctx, func() { thread.Cancel("interrupted") })
	defer stop()
	k.watch(thread)

	code = python.NormalizeNewlines(code)
	if k.sources == nil {
		k.sources = map[int]string{}
	}
	k.sources[n] = code
	k.last = nil
	magic, args, body := cellMagic(code)
	switch magic {
	case "":
	case "time":
		start := time.Now()
		v, ok := k.runCell(thread, filename, body, code)
		k.last = v
		k.printTimes(thread, time.Since(start).Seconds())
		if ok && v != nil {
			k.showResult(n, v)
		}
		return ok
	case "timeit":
		opts, _ := python.TimeitOptions(args)
		var number, repeat int
		fmt.Sscanf(opts, "%d, %d", &number, &repeat)
		err := k.run(func() error {
			_, err := k.timeit(thread, starlark.NewBuiltin("timeit", nil), starlark.Tuple{starlark.String(body), starlark.MakeInt(number), starlark.MakeInt(repeat)}, nil)
			return err
		})
		if err != nil {
			emit(k.errorOutput(err, code))
			return false
		}
		return true
	default:
		emit(k.errorOutput(&python.TranslateError{Line: 1, Msg: fmt.Sprintf("UsageError: Cell magic `%%%%%s` not found (Burst has %%%%time and %%%%timeit).", magic)}, code))
		return false
	}
	v, ok := k.runCell(thread, filename, body, code)
	k.last = v
	if ok && v != nil && !quiet(body) {
		k.showResult(n, v)
	}
	return ok
}

// Result reduces the last cell's value (or, when name is set, the
// global variable name) for an exercise's check.
func (k *Kernel) Result(name string) (check.Value, error) {
	if name == "" {
		return check.Of(k.last), nil
	}
	v, ok := k.globals[name]
	if !ok {
		return check.Value{}, fmt.Errorf("there is no variable %s yet: the exercise asks for one by that name", name)
	}
	return check.Of(v), nil
}

// Check compares the last cell's result with an exercise's expected one.
func (k *Kernel) Check(s check.Spec) check.Result {
	v, err := k.Result(s.Name)
	if err != nil {
		return check.Result{Hint: err.Error()}
	}
	return s.Check(v)
}

// quiet reports whether a cell's last line ends with a semicolon (before
// any comment), which hides its value in IPython: ts.plot(); shows the
// chart alone.
func quiet(code string) bool {
	code = strings.TrimRight(code, " \t\n")
	line := code[strings.LastIndexByte(code, '\n')+1:]
	var q byte // the quote of the string the scan is in
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case q != 0 && c == '\\':
			i++
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '\'' || c == '"':
			q = c
		case c == '#':
			line = line[:i]
		}
	}
	return strings.HasSuffix(strings.TrimSpace(line), ";")
}

// display shows a cell's value as its Out and makes it _.
func (k *Kernel) showResult(n int, v starlark.Value) {
	k.globals["_"] = v
	out, _ := k.globals["Out"].(*starlark.Dict)
	if out == nil {
		out = starlark.NewDict(1)
		k.globals["Out"] = out
	}
	out.SetKey(starlark.MakeInt(n), v)
	k.Emit(Output{Type: "execute_result", ExecutionCount: n, Data: session.MIMEBundle(v)})
}

// bind makes thread run cell code in k: modules find the kernel's
// session through it.
func (k *Kernel) bind(thread *starlark.Thread) {
	if k == nil {
		return
	}
	k.s.Bind(thread)
}

// Emit sends an output to the running cell; it reports false when no
// cell is running (a worker's kernel, or a task ending after its cell).
func (k *Kernel) Emit(o Output) bool {
	if k == nil {
		return false
	}
	return k.s.Emit(o)
}

// runCell translates and runs code, and returns the value of its last
// line if that is an expression with a value other than None. orig is the
// cell as written, for error messages.
func (k *Kernel) runCell(thread *starlark.Thread, filename, code, orig string) (starlark.Value, bool) {
	emit := func(o Output) { k.Emit(o) }
	f, src, err := python.Parse(filename, code)
	if err != nil {
		emit(k.errorOutput(err, orig))
		return nil, false
	}
	k.recordDefs(f, src)
	var last syntax.Expr
	if m := len(f.Stmts); m > 0 {
		if es, ok := f.Stmts[m-1].(*syntax.ExprStmt); ok {
			last = es.X
			f.Stmts = f.Stmts[:m-1]
		}
	}
	if hasTry(f.Stmts) {
		if err := k.runParts(thread, f); err != nil {
			emit(k.errorOutput(err, orig))
			return nil, false
		}
	} else if err := k.run(func() error { return starlark.ExecREPLChunk(f, thread, k.globals) }); err != nil {
		// Starlark checks every name before running anything; Python
		// runs the statements before the one with an undefined name
		// (their prints appear) and fails there.
		var resErr resolve.ErrorList
		if errors.As(err, &resErr) && len(resErr) > 0 && strings.HasPrefix(resErr[0].Msg, "undefined:") {
			if names, ok := undefinedInDefs(f, resErr); ok {
				// Only function bodies use them: Python fails when
				// the function runs, so the cell runs with names that
				// fail when used.
				for _, n := range names {
					k.globals[n] = session.UndefinedName(n)
				}
				v, ok := k.runCell(thread, filename, code, orig)
				for _, n := range names {
					if _, still := k.globals[n].(session.UndefinedName); still {
						delete(k.globals, n)
					}
				}
				return v, ok
			}
			if perr := k.runBefore(thread, filename, code, resErr[0].Pos.Line); perr != nil {
				err = perr
			}
		}
		emit(k.errorOutput(err, orig))
		return nil, false
	}
	if last == nil {
		return nil, true
	}
	var v starlark.Value
	err = k.run(func() error {
		var err error
		v, err = starlark.EvalExprOptions(fileOptions, thread, last, k.globals)
		return err
	})
	if err != nil {
		emit(k.errorOutput(err, orig))
		return nil, false
	}
	if v == starlark.None {
		return nil, true
	}
	if u, ok := v.(session.UndefinedName); ok {
		start, _ := last.Span()
		emit(k.errorOutput(&python.TranslateError{Line: int(start.Line), Msg: u.Err().Error()}, orig))
		return nil, false
	}
	if _, deleted := v.(session.DeletedValue); deleted {
		start, _ := last.Span()
		emit(k.errorOutput(&python.TranslateError{Line: int(start.Line), Msg: fmt.Sprintf("NameError: name '%s' is not defined", string(v.(session.DeletedValue)))}, orig))
		return nil, false
	}
	return v, true
}

// undefinedInDefs returns the undefined names of a resolution's errors
// if every one of them is inside a def statement.
func undefinedInDefs(f *syntax.File, errs resolve.ErrorList) ([]string, bool) {
	var names []string
	for _, e := range errs {
		name, ok := strings.CutPrefix(e.Msg, "undefined: ")
		if !ok {
			return nil, false
		}
		inDef := false
		for _, st := range f.Stmts {
			d, isDef := st.(*syntax.DefStmt)
			if !isDef {
				continue
			}
			if start, end := d.Span(); e.Pos.Line > start.Line && e.Pos.Line <= end.Line {
				inDef = true
			}
		}
		if !inDef {
			return nil, false
		}
		names = append(names, name)
	}
	return names, true
}

// runBefore runs the top-level statements of code that end before line,
// and returns their error if any.
func (k *Kernel) runBefore(thread *starlark.Thread, filename, code string, line int32) error {
	f, _, err := python.Parse(filename, code)
	if err != nil {
		return nil
	}
	var before []syntax.Stmt
	for _, st := range f.Stmts {
		if _, end := st.Span(); end.Line >= line {
			break
		}
		before = append(before, st)
	}
	if len(before) == 0 {
		return nil
	}
	f.Stmts = before
	return k.run(func() error { return starlark.ExecREPLChunk(f, thread, k.globals) })
}

// forgetDeleted removes the names a cell deleted with del.
func (k *Kernel) forgetDeleted() {
	for name, v := range k.globals {
		if _, ok := v.(session.DeletedValue); ok {
			delete(k.globals, name)
		}
	}
}

// run calls f, turning a Go panic in engine code into an error so that a
// bug never kills the kernel or loses the learner's state.
func (k *Kernel) run(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if p, ok := r.(session.PyPanic); ok {
				err = p.Err // an exception from a method that cannot return one
				return
			}
			err = fmt.Errorf("InternalError: %v (this is a bug in Burst; the kernel is still usable)", r)
		}
	}()
	return f()
}

// workerFrame is the frame a worker's error carries: the cell, the line
// and its text.
var workerFrame = regexp.MustCompile(`Cell In\[(\d+)\], line (\d+), in \S+\n    (.*)`)

var exceptionPrefix = regexp.MustCompile(`^([A-Z][A-Za-z]*(?:Error|Exception|Interrupt)|KilledWorker|StopIteration|re\.error)(?:: ?|$)`)

// errorOutput turns an error into a Python-style error output: IPython's
// traceback through the learner's cells (the engine's own frames left
// out), ending with the exception and its message.
func (k *Kernel) errorOutput(err error, code string) Output {
	cell := k.count
	var (
		msg      = err.Error()
		ename    = "Error"
		frames   []tbFrame
		isSyntax bool
	)
	var evalErr *starlark.EvalError
	var synErr syntax.Error
	var trErr *python.TranslateError
	var resErr resolve.ErrorList
	switch {
	case errors.As(err, &resErr) && len(resErr) > 0:
		msg, ename, isSyntax = resErr[0].Msg, "SyntaxError", true
		frames = []tbFrame{{cell, int(resErr[0].Pos.Line), ""}}
		if name, ok := strings.CutPrefix(msg, "undefined: "); ok {
			msg, ename, isSyntax = fmt.Sprintf("name '%s' is not defined", name), "NameError", false
		}
	case errors.As(err, &evalErr):
		msg = evalErr.Msg
		if evalErr.Unwrap() != nil {
			msg = evalErr.Unwrap().Error()
		}
		for _, fr := range evalErr.CallStack {
			if n, ok := cellNumber(fr.Pos.Filename()); ok {
				name := fr.Name
				if name == "<toplevel>" || name == "<expr>" {
					name = ""
				}
				frames = append(frames, tbFrame{n, int(fr.Pos.Line), name})
			}
		}
		// A call whose arguments do not fit is the caller's error.
		if len(frames) > 1 && callArgsError.MatchString(msg) {
			frames = frames[:len(frames)-1]
		}
	case errors.As(err, &synErr):
		msg, ename, isSyntax = synErr.Msg, "SyntaxError", true
		frames = []tbFrame{{cell, int(synErr.Pos.Line), ""}}
		if strings.Contains(msg, "does not associate with") {
			msg = "chained comparisons with in or is (a < b in c) are not supported in Burst cells: write a < b and b in c"
		}
	case errors.As(err, &trErr):
		msg, ename, isSyntax = trErr.Msg, "SyntaxError", true
		frames = []tbFrame{{cell, trErr.Line, ""}}
		if m := exceptionPrefix.FindStringSubmatch(msg); m != nil {
			// IndentationError is a SyntaxError: shown as one.
			ename, msg, isSyntax = m[1], msg[len(m[0]):], m[1] == "IndentationError"
		}
	}
	if errors.Is(err, context.Canceled) || strings.HasSuffix(msg, "cancelled: interrupted") {
		ename, msg = "KeyboardInterrupt", ""
	} else if m := exceptionPrefix.FindStringSubmatch(msg); m != nil {
		ename, msg = m[1], msg[len(m[0]):]
		// re.error's class is named error, as CPython and IPython show it.
		ename = strings.TrimPrefix(ename, "re.")
		if n, m, ok := pythonMessage(msg); ok && n == ename {
			msg = m
		}
	} else if n, m, ok := pythonMessage(msg); ok {
		ename, msg = n, m
	} else if ename == "Error" {
		ename = pythonErrorName(msg)
	}
	source := func(n int) []string {
		if n == cell {
			return strings.Split(code, "\n")
		}
		return strings.Split(k.sources[n], "\n")
	}
	// A worker's frame (Portable.located) shows the translated line:
	// the learner's line is shown instead.
	msg = workerFrame.ReplaceAllStringFunc(msg, func(m string) string {
		sm := workerFrame.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sm[1])
		line, _ := strconv.Atoi(sm[2])
		if lines := source(n); line >= 1 && line <= len(lines) && strings.TrimSpace(lines[line-1]) != "" {
			return sm[0][:len(sm[0])-len(sm[3])] + strings.TrimSpace(lines[line-1])
		}
		return m
	})
	last := ename
	if msg != "" {
		last += ": " + msg
	}
	var tb []string
	if isSyntax {
		// As Python shows a syntax error: the line, no traceback.
		for _, f := range frames {
			lines := source(f.cell)
			text := ""
			if f.line >= 1 && f.line <= len(lines) {
				text = strings.TrimSpace(lines[f.line-1])
			}
			tb = append(tb, fmt.Sprintf("  Cell In[%d], line %d\n    %s", f.cell, f.line, text))
		}
		tb = append(tb, last)
		return Output{Type: "error", EName: ename, EValue: msg, Traceback: tb}
	}
	if len(frames) > 0 {
		tb = append(tb, strings.Repeat("-", 75), fmt.Sprintf("%-41s Traceback (most recent call last)", ename))
	}
	var shown []string
	for _, f := range frames {
		head := fmt.Sprintf("Cell In[%d], line %d", f.cell, f.line)
		if f.fn != "" {
			head += ", in " + f.fn
		}
		shown = append(shown, head+"\n"+contextLines(source(f.cell), f.line)+"\n")
	}
	tb = append(tb, collapseFrames(shown)...)
	tb = append(tb, last)
	return Output{Type: "error", EName: ename, EValue: msg, Traceback: tb}
}

// tbFrame is one frame of a traceback in a learner's cell.
type tbFrame struct {
	cell, line int
	fn         string
}

// cellNumber reads N of a "<cell N>" file name.
func cellNumber(filename string) (int, bool) {
	s, ok := strings.CutPrefix(filename, "<cell ")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(s, ">"))
	return n, err == nil
}

// contextLines shows the line of a frame with the two before it, as
// IPython does: "----> 3 " marks the line.
func contextLines(lines []string, line int) string {
	var out []string
	for i := max(1, line-2); i <= line && i <= len(lines); i++ {
		mark := fmt.Sprintf("%7d ", i)
		if i == line {
			mark = fmt.Sprintf("----> %d ", i)
		}
		out = append(out, mark+lines[i-1])
	}
	return strings.Join(out, "\n")
}

// pythonErrorName guesses the Python exception for a Starlark message.
func pythonErrorName(msg string) string {
	switch {
	case strings.Contains(msg, "undefined:"), strings.Contains(msg, "not defined"):
		return "NameError"
	case strings.Contains(msg, "has no .") || strings.Contains(msg, "has no field or method"):
		return "AttributeError"
	case strings.Contains(msg, "key ") && strings.Contains(msg, "not in"):
		return "KeyError"
	case strings.Contains(msg, "index out of range"):
		return "IndexError"
	case strings.Contains(msg, "division by zero"):
		return "ZeroDivisionError"
	case strings.Contains(msg, "interrupted"):
		return "KeyboardInterrupt"
	}
	return "TypeError"
}

// Call runs a cell's function from a task (session.Runner).
func (k *Kernel) Call(fn starlark.Callable, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return callCell(k, fn, args, kwargs)
}

// Portable sends fn to the workers as source (session.Runner).
func (k *Kernel) Portable(fn starlark.Callable, extra starlark.Tuple, what string, each bool) (any, bool) {
	p, ok := portableCall(k, fn, extra, what)
	if !ok {
		return nil, false
	}
	p.Each = each
	return p, true
}
