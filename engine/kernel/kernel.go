// Package kernel runs notebook cells: Python-style source translated to
// Starlark, executed against Burst's modules, with IPython's conventions
// (the last expression is displayed, print goes to stdout) and outputs as
// MIME bundles.
package kernel

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/dataframe"
	"burst/engine/files"
	"burst/engine/sched"
)

// Host is what the kernel needs from the place it runs: native process or
// browser.
type Host interface {
	// FS reads datasets.
	FS() files.FS
	// Local runs computations when no Client exists.
	Local() dataframe.Computer
	// StartCluster starts a cluster of n workers (n <= 0: the host's
	// default) for a Client.
	StartCluster(n int) (Cluster, error)
}

// Cluster is a set of workers a Client computes on.
type Cluster interface {
	dataframe.Computer
	// Info describes the cluster for the Client's repr.
	Info() ClusterInfo
	// Scheduler is the cluster's scheduler, for futures; nil if the
	// cluster has none in this process.
	Scheduler() *sched.Scheduler
	// Close stops the workers.
	Close() error
}

// ClusterInfo describes a cluster.
type ClusterInfo struct {
	Kind    string // "LocalCluster"
	Address string // "browser://kernel", "inproc://local"
	Workers int
	Threads int
	Memory  int64 // bytes, 0 if unknown
}

// Output is one piece of a cell's output, as Jupyter's message types:
// "stream" (Name stdout/stderr, Text), "execute_result" and "display_data"
// (Data: a MIME bundle), "error" (EName, EValue, Traceback).
type Output struct {
	Type           string            `json:"type"`
	Name           string            `json:"name,omitempty"`
	Text           string            `json:"text,omitempty"`
	Data           map[string]any    `json:"data,omitempty"`
	ExecutionCount int               `json:"execution_count,omitempty"`
	EName          string            `json:"ename,omitempty"`
	EValue         string            `json:"evalue,omitempty"`
	Traceback      []string          `json:"traceback,omitempty"`
	Meta           map[string]string `json:"meta,omitempty"`
}

// Kernel holds a session's state: globals, the execution count and the
// active Client.
type Kernel struct {
	host    Host
	globals starlark.StringDict
	modules map[string]*Module
	builtin starlark.StringDict // the names every cell starts with
	defs    map[string]def      // top-level def statements, by position
	count   int
	client  *Client

	ctx  context.Context
	emit func(Output)
	// timeMark is when %time started.
	timeMark time.Time
	// rng is the random module's generator.
	rng *mt19937
	// Yield, when set, is called every few million interpreter steps of a
	// cell: in the browser it lets the event loop deliver an interrupt to
	// a cell that never waits (an infinite loop).
	Yield func()
}

// New returns a kernel with empty state running on host.
func New(host Host) *Kernel {
	k := &Kernel{host: host}
	k.modules = k.makeModules()
	k.globals = starlark.StringDict{}
	k.builtin = k.builtins()
	for name, v := range k.builtin {
		k.globals[name] = v
	}
	return k
}

// ExecutionCount returns the number of the last executed cell.
func (k *Kernel) ExecutionCount() int { return k.count }

// computer returns where collections compute: the Client's cluster if a
// Client exists, else the host's local pool.
func (k *Kernel) computer() dataframe.Computer {
	if k.client != nil && k.client.cluster != nil {
		return dataframe.Optimized(k.client.cluster)
	}
	return dataframe.Optimized(k.host.Local())
}

var fileOptions = &syntax.FileOptions{
	Set:             true,
	While:           true,
	TopLevelControl: true,
	GlobalReassign:  true,
	Recursion:       true,
}

// Execute runs one cell, sending its outputs to emit as they happen. It
// returns false if the cell raised an error; the kernel stays usable.
func (k *Kernel) Execute(ctx context.Context, code string, emit func(Output)) bool {
	k.count++
	n := k.count
	k.ctx, k.emit = ctx, emit
	currentKernel = k
	defer func() { k.ctx, k.emit, currentKernel = nil, nil, nil }()
	defer k.forgetDeleted()

	filename := fmt.Sprintf("<cell %d>", n)
	thread := &starlark.Thread{
		Name:  filename,
		Print: func(_ *starlark.Thread, msg string) { emit(Output{Type: "stream", Name: "stdout", Text: msg + "\n"}) },
	}
	thread.SetLocal("kernel", k)
	stop := context.AfterFunc(ctx, func() { thread.Cancel("interrupted") })
	defer stop()
	if k.Yield != nil {
		const every = 250_000
		thread.SetMaxExecutionSteps(every)
		thread.OnMaxSteps = func(th *starlark.Thread) {
			k.Yield()
			th.SetMaxExecutionSteps(th.ExecutionSteps() + every)
		}
	}

	code = NormalizeNewlines(code)
	magic, args, body := cellMagic(code)
	switch magic {
	case "":
	case "time":
		start := time.Now()
		v, ok := k.runCell(thread, filename, body, code)
		k.printTimes(thread, time.Since(start).Seconds())
		if ok && v != nil {
			k.showResult(n, v)
		}
		return ok
	case "timeit":
		opts, _ := timeitOptions(args)
		var number, repeat int
		fmt.Sscanf(opts, "%d, %d", &number, &repeat)
		err := k.run(func() error {
			_, err := k.timeit(thread, starlark.NewBuiltin("timeit", nil), starlark.Tuple{starlark.String(body), starlark.MakeInt(number), starlark.MakeInt(repeat)}, nil)
			return err
		})
		if err != nil {
			emit(errorOutput(err, code))
			return false
		}
		return true
	default:
		emit(errorOutput(&TranslateError{1, fmt.Sprintf("UsageError: Cell magic `%%%%%s` not found (Burst has %%%%time and %%%%timeit).", magic)}, code))
		return false
	}
	v, ok := k.runCell(thread, filename, body, code)
	if ok && v != nil {
		k.showResult(n, v)
	}
	return ok
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
	k.emit(Output{Type: "execute_result", ExecutionCount: n, Data: mimeBundle(v)})
}

// runCell translates and runs code, and returns the value of its last
// line if that is an expression with a value other than None. orig is the
// cell as written, for error messages.
func (k *Kernel) runCell(thread *starlark.Thread, filename, code, orig string) (starlark.Value, bool) {
	emit := k.emit
	src, err := Translate(code)
	if err != nil {
		emit(errorOutput(err, orig))
		return nil, false
	}
	f, err := fileOptions.Parse(filename, src, 0)
	if err != nil {
		emit(errorOutput(err, orig))
		return nil, false
	}
	f.Stmts = applyDecorators(f.Stmts)
	k.recordDefs(f, src)
	var last syntax.Expr
	if m := len(f.Stmts); m > 0 {
		if es, ok := f.Stmts[m-1].(*syntax.ExprStmt); ok {
			last = es.X
			f.Stmts = f.Stmts[:m-1]
		}
	}
	if err := k.run(func() error { return starlark.ExecREPLChunk(f, thread, k.globals) }); err != nil {
		emit(errorOutput(err, orig))
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
		emit(errorOutput(err, orig))
		return nil, false
	}
	if v == starlark.None {
		return nil, true
	}
	if _, deleted := v.(deletedValue); deleted {
		start, _ := last.Span()
		emit(errorOutput(&TranslateError{int(start.Line), fmt.Sprintf("NameError: name '%s' is not defined", string(v.(deletedValue)))}, orig))
		return nil, false
	}
	return v, true
}

// forgetDeleted removes the names a cell deleted with del.
func (k *Kernel) forgetDeleted() {
	for name, v := range k.globals {
		if _, ok := v.(deletedValue); ok {
			delete(k.globals, name)
		}
	}
}

// run calls f, turning a Go panic in engine code into an error so that a
// bug never kills the kernel or loses the learner's state.
func (k *Kernel) run(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("InternalError: %v (this is a bug in Burst; the kernel is still usable)", r)
		}
	}()
	return f()
}

var exceptionPrefix = regexp.MustCompile(`^([A-Z][A-Za-z]*(?:Error|Exception|Interrupt)|KilledWorker|StopIteration)(?:: ?|$)`)

// errorOutput turns an error into a Python-style error output that points
// at the learner's line.
func errorOutput(err error, code string) Output {
	lines := strings.Split(code, "\n")
	srcLine := func(n int32) string {
		if n >= 1 && int(n) <= len(lines) {
			return strings.TrimSpace(lines[n-1])
		}
		return ""
	}
	var (
		msg   = err.Error()
		line  int32
		ename = "Error"
	)
	var evalErr *starlark.EvalError
	var synErr syntax.Error
	var trErr *TranslateError
	var resErr resolve.ErrorList
	switch {
	case errors.As(err, &resErr) && len(resErr) > 0:
		msg, line, ename = resErr[0].Msg, resErr[0].Pos.Line, "SyntaxError"
		if name, ok := strings.CutPrefix(msg, "undefined: "); ok {
			msg, ename = fmt.Sprintf("name '%s' is not defined", name), "NameError"
		}
	case errors.As(err, &evalErr):
		msg = evalErr.Msg
		if evalErr.Unwrap() != nil {
			msg = evalErr.Unwrap().Error()
		}
		// The innermost frame in the cell is the learner's line; for a
		// call whose arguments do not fit, Python blames the caller's.
		var cellFrames []int32
		for _, fr := range evalErr.CallStack {
			if strings.HasPrefix(fr.Pos.Filename(), "<cell") {
				cellFrames = append(cellFrames, fr.Pos.Line)
			}
		}
		if n := len(cellFrames); n > 0 {
			line = cellFrames[n-1]
			if n > 1 && callArgsError.MatchString(msg) {
				line = cellFrames[n-2]
			}
		}
	case errors.As(err, &synErr):
		msg, line, ename = synErr.Msg, synErr.Pos.Line, "SyntaxError"
		if strings.Contains(msg, "does not associate with") {
			msg = "chained comparisons like a < b < c are not supported in Burst cells: write a < b and b < c"
		}
	case errors.As(err, &trErr):
		msg, line, ename = trErr.Msg, int32(trErr.Line), "SyntaxError"
		if m := exceptionPrefix.FindStringSubmatch(msg); m != nil {
			ename, msg = m[1], msg[len(m[0]):]
		}
	}
	if errors.Is(err, context.Canceled) || strings.HasSuffix(msg, "cancelled: interrupted") {
		ename, msg = "KeyboardInterrupt", ""
	} else if m := exceptionPrefix.FindStringSubmatch(msg); m != nil {
		ename, msg = m[1], msg[len(m[0]):]
	} else if n, m, ok := pythonMessage(msg); ok {
		ename, msg = n, m
	} else if ename == "Error" {
		ename = pythonErrorName(msg)
	}
	tb := []string{}
	if line > 0 {
		tb = append(tb, fmt.Sprintf("Cell line %d:\n    %s", line, srcLine(line)))
	}
	tb = append(tb, fmt.Sprintf("%s: %s", ename, msg))
	return Output{Type: "error", EName: ename, EValue: msg, Traceback: tb}
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
