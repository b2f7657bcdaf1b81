package session

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Python's exceptions as cells see them: the builtin classes
// (ValueError, KeyError, …, with Python's hierarchy), the values raise
// makes and except binds, and the functions the translated try and raise
// call (_try, _except, _else, _finally, _raise) and chained comparisons
// (_chain).

// exceptionBases names the base class of each builtin exception, as in
// Python's hierarchy. A name not here (a library's error, KilledWorker)
// is an Exception.
var exceptionBases = map[string]string{
	"BaseException":       "",
	"Exception":           "BaseException",
	"KeyboardInterrupt":   "BaseException",
	"SystemExit":          "BaseException",
	"GeneratorExit":       "BaseException",
	"ArithmeticError":     "Exception",
	"ZeroDivisionError":   "ArithmeticError",
	"OverflowError":       "ArithmeticError",
	"FloatingPointError":  "ArithmeticError",
	"LookupError":         "Exception",
	"KeyError":            "LookupError",
	"IndexError":          "LookupError",
	"OSError":             "Exception",
	"FileNotFoundError":   "OSError",
	"FileExistsError":     "OSError",
	"PermissionError":     "OSError",
	"IsADirectoryError":   "OSError",
	"NotADirectoryError":  "OSError",
	"TimeoutError":        "OSError",
	"ValueError":          "Exception",
	"UnicodeError":        "ValueError",
	"UnicodeDecodeError":  "UnicodeError",
	"UnicodeEncodeError":  "UnicodeError",
	"NameError":           "Exception",
	"UnboundLocalError":   "NameError",
	"RuntimeError":        "Exception",
	"RecursionError":      "RuntimeError",
	"NotImplementedError": "RuntimeError",
	"TypeError":           "Exception",
	"AttributeError":      "Exception",
	"AssertionError":      "Exception",
	"ImportError":         "Exception",
	"ModuleNotFoundError": "ImportError",
	"StopIteration":       "Exception",
	"SyntaxError":         "Exception",
	"IndentationError":    "SyntaxError",
	"TabError":            "IndentationError",
	"MemoryError":         "Exception",
	"EOFError":            "Exception",
	"Warning":             "Exception",
	"UserWarning":         "Warning",
	"DeprecationWarning":  "Warning",
	"RuntimeWarning":      "Warning",
	"FutureWarning":       "Warning",
}

// ExceptionSubclass reports whether the exception class named name is
// class or one of its subclasses.
func ExceptionSubclass(name, class string) bool {
	for n := name; n != ""; {
		if n == class {
			return true
		}
		base, ok := exceptionBases[n]
		if !ok {
			base = "Exception"
		}
		n = base
	}
	return false
}

// ExceptionClass is a builtin exception class: called, it makes an
// exception; it is what except clauses and isinstance take.
type ExceptionClass struct{ name string }

var (
	_ starlark.Callable = (*ExceptionClass)(nil)
	_ ClassInfo         = (*ExceptionClass)(nil)
	_ starlark.HasAttrs = (*ExceptionClass)(nil)
)

func (c *ExceptionClass) String() string        { return fmt.Sprintf("<class '%s'>", c.name) }
func (c *ExceptionClass) Type() string          { return "type" }
func (c *ExceptionClass) Freeze()               {}
func (c *ExceptionClass) Truth() starlark.Bool  { return true }
func (c *ExceptionClass) Hash() (uint32, error) { return starlark.String(c.name).Hash() }

// CompareSameType compares classes by name: e.__class__ == ValueError.
func (c *ExceptionClass) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	switch op {
	case syntax.EQL:
		return c.name == y.(*ExceptionClass).name, nil
	case syntax.NEQ:
		return c.name != y.(*ExceptionClass).name, nil
	}
	return false, fmt.Errorf("TypeError: '%s' not supported between instances of 'type' and 'type'", op)
}

// Name is the class's name (starlark.Callable).
func (c *ExceptionClass) Name() string { return c.name }

// CallInternal makes an exception of the class with args.
func (c *ExceptionClass) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: %s() takes no keyword arguments", c.name)
	}
	return &Exception{Class: c.name, Args: append(starlark.Tuple(nil), args...)}, nil
}

// IsInstance is isinstance(x, c).
func (c *ExceptionClass) IsInstance(x starlark.Value) bool {
	e, ok := x.(*Exception)
	return ok && ExceptionSubclass(e.Class, c.name)
}

// Attr gives the class's __name__.
func (c *ExceptionClass) Attr(name string) (starlark.Value, error) {
	if name == "__name__" {
		return starlark.String(c.name), nil
	}
	return nil, nil
}

func (c *ExceptionClass) AttrNames() []string { return []string{"__name__"} }

// Exception is a raised or made exception: its class, its arguments, and
// for one made from an engine error the message Python would show.
type Exception struct {
	Class string
	Args  starlark.Tuple
	// Msg, when set, is str(e) (an engine error's message).
	Msg   string
	Cause starlark.Value
	// Err is the error it was caught as: raised again, it keeps its
	// traceback, as Python's bare raise does.
	Err error
}

var (
	_ starlark.HasAttrs = (*Exception)(nil)
	_ Stringer          = (*Exception)(nil)
	_ Classed           = (*Exception)(nil)
)

// NewException makes the exception of an engine error: its Python
// exception name and message.
func NewException(name, msg string) *Exception {
	if name == "KeyError" {
		// The message is the key's repr: args holds the key.
		if v, err := starlark.EvalOptions(&syntax.FileOptions{}, &starlark.Thread{}, "", msg, nil); err == nil {
			return &Exception{Class: name, Args: starlark.Tuple{v}}
		}
	}
	var args starlark.Tuple
	if msg != "" {
		args = starlark.Tuple{starlark.String(msg)}
	}
	return &Exception{Class: name, Args: args, Msg: msg}
}

// PyStr is str(e): the message (the key's repr for a KeyError).
func (e *Exception) PyStr() string {
	if e.Msg != "" {
		return e.Msg
	}
	switch len(e.Args) {
	case 0:
		return ""
	case 1:
		if e.Class == "KeyError" {
			return Repr(e.Args[0])
		}
		return Str(e.Args[0])
	}
	return Repr(e.Args)
}

// String is repr(e): ValueError('message').
func (e *Exception) String() string {
	parts := make([]string, len(e.Args))
	for i, a := range e.Args {
		parts[i] = Repr(a)
	}
	return e.Class + "(" + strings.Join(parts, ", ") + ")"
}

// Error is the message of the exception raised: "ValueError: message".
func (e *Exception) Error() string {
	if s := e.PyStr(); s != "" {
		return e.Class + ": " + s
	}
	return e.Class
}

func (e *Exception) Type() string         { return e.Class }
func (e *Exception) PyClass() string      { return e.Class }
func (e *Exception) Freeze()              {}
func (e *Exception) Truth() starlark.Bool { return true }

// Hash is by class: exceptions are equal only to themselves (Starlark
// compares values without an equality by identity), as in Python.
func (e *Exception) Hash() (uint32, error) { return starlark.String(e.Class).Hash() }

// Attr gives e.args and e.__cause__.
func (e *Exception) Attr(name string) (starlark.Value, error) {
	switch name {
	case "args":
		return e.Args, nil
	case "__cause__":
		if e.Cause == nil {
			return starlark.None, nil
		}
		return e.Cause, nil
	case "__class__":
		return &ExceptionClass{e.Class}, nil
	}
	return nil, nil
}

func (e *Exception) AttrNames() []string { return []string{"__cause__", "__class__", "args"} }

// raise is _raise(x[, cause]): raise x [from cause]. x is an exception
// or an exception class; _raise() with nothing to re-raise is Python's
// RuntimeError.
func raise(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("RuntimeError: No active exception to reraise")
	}
	var e *Exception
	switch x := args[0].(type) {
	case *Exception:
		if x.Err != nil && len(args) == 1 {
			return nil, x.Err
		}
		e = x
	case *ExceptionClass:
		e = &Exception{Class: x.name}
	default:
		return nil, fmt.Errorf("TypeError: exceptions must derive from BaseException")
	}
	if len(args) > 1 && args[1] != starlark.None {
		e.Cause = args[1]
	}
	return nil, e
}

// chain is _chain(a, op1, f1, op2, f2, …), the chained comparison
// a op1 b op2 c with b = f1(), c = f2(): each operand is computed once,
// and only while the comparisons before it hold.
func chain(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 3 || len(args)%2 == 0 {
		return nil, fmt.Errorf("_chain: want an odd number of arguments")
	}
	left := args[0]
	// all is the comparisons' results so far combined with &, once one
	// of them is element-wise (an array, a series): 0 < a < 5 is then
	// (0 < a) & (a < 5), where Python would find it ambiguous.
	var all starlark.Value
	var r starlark.Value = starlark.True
	for i := 1; i+1 < len(args); i += 2 {
		right, err := starlark.Call(th, args[i+1], nil, nil)
		if err != nil {
			return nil, err
		}
		r, err = cmp(th, b, starlark.Tuple{args[i], left, right}, nil)
		if err != nil {
			return nil, err
		}
		_, isBool := r.(starlark.Bool)
		switch {
		case all != nil:
			if all, err = starlark.Binary(syntax.AMP, all, r); err != nil {
				return nil, err
			}
		case !isBool:
			all = r
		case i+2 < len(args) && r.Truth() == starlark.False:
			return r, nil
		}
		left = right
	}
	if all != nil {
		return all, nil
	}
	return r, nil
}

// tryMarker is _try(), _else() and _finally(): outside the kernel's run of
// a cell, their blocks run in order.
func tryMarker(_ *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return starlark.True, nil
}

// exceptMarker is _except(classes, name): outside the kernel's run of a
// cell, no exception is caught, and the handler does not run.
func exceptMarker(_ *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return starlark.False, nil
}

// NewExceptionClass returns the class of the exceptions named name.
func NewExceptionClass(name string) *ExceptionClass { return &ExceptionClass{name} }

// ExceptionBuiltins adds Python's exception classes and the functions of
// raise, try and chained comparisons to the builtins d.
func ExceptionBuiltins(d starlark.StringDict) starlark.StringDict {
	for name := range exceptionBases {
		d[name] = &ExceptionClass{name}
	}
	d["IOError"] = d["OSError"]
	d["EnvironmentError"] = d["OSError"]
	d["_raise"] = Builtin("_raise", raise)
	d["_chain"] = Builtin("_chain", chain)
	d["_try"] = Builtin("_try", tryMarker)
	d["_else"] = Builtin("_else", tryMarker)
	d["_finally"] = Builtin("_finally", tryMarker)
	d["_except"] = Builtin("_except", exceptMarker)
	return d
}
