// Package itertools is Python's itertools module. Its functions return
// lazy, one-shot iterators, as Python's do: list(islice(count(), 5))
// works on the infinite count(), and an iterator consumed once is empty
// after.
package itertools

import (
	"fmt"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// nextFunc stores the next item in *p, or reports false at the end.
type nextFunc func(p *starlark.Value) bool

// Iterator is an itertools object: a lazy iterator over the items next
// produces, which a for loop, list() or another itertools function
// consumes.
type Iterator struct {
	session.Unhashable
	name string
	next nextFunc
	// repr, when set, is the Python repr (count(5)); otherwise the
	// iterator shows as <itertools.NAME object at 0x…>.
	repr func() string
}

var (
	_ starlark.Iterable = (*Iterator)(nil)
	_ starlark.Iterator = (*Iterator)(nil)
)

func newIterator(name string, next nextFunc) *Iterator {
	return &Iterator{name: name, next: next}
}

func (it *Iterator) String() string {
	if it.repr != nil {
		return it.repr()
	}
	return fmt.Sprintf("<itertools.%s object at %p>", it.name, it)
}

// Type is the Python type's name (itertools.count).
func (it *Iterator) Type() string { return "itertools." + it.name }

// Iterate implements starlark.Iterable: the iterator itself, as Python's
// iter(it) is it.
func (it *Iterator) Iterate() starlark.Iterator { return it }

// Next implements starlark.Iterator.
func (it *Iterator) Next(p *starlark.Value) bool {
	if it.next == nil {
		return false
	}
	if !it.next(p) {
		it.next = nil // exhausted for good, and its source freed
		return false
	}
	return true
}

// Done implements starlark.Iterator.
func (it *Iterator) Done() {}

// source returns the next function of an iterable: a string's
// characters, a list's or tuple's items by index (so that a list may
// grow meanwhile, as in Python, and is never locked against changes),
// an Iterator's own next, or any other iterable's.
func source(v starlark.Value) (nextFunc, error) {
	switch x := v.(type) {
	case *Iterator:
		return x.Next, nil
	case starlark.String:
		s := string(x)
		return func(p *starlark.Value) bool {
			if len(s) == 0 {
				return false
			}
			_, n := utf8.DecodeRuneInString(s)
			*p, s = starlark.String(s[:n]), s[n:]
			return true
		}, nil
	case *starlark.List, starlark.Tuple:
		seq := x.(starlark.Indexable)
		i := 0
		return func(p *starlark.Value) bool {
			if i >= seq.Len() {
				return false
			}
			*p = seq.Index(i)
			i++
			return true
		}, nil
	}
	iterable, ok := v.(starlark.Iterable)
	if !ok {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", session.TypeName(v))
	}
	var it starlark.Iterator
	return func(p *starlark.Value) bool {
		if it == nil {
			it = iterable.Iterate()
		}
		if it.Next(p) {
			return true
		}
		it.Done()
		return false
	}, nil
}

// all returns the items of an iterable.
func all(v starlark.Value) ([]starlark.Value, error) {
	next, err := source(v)
	if err != nil {
		return nil, err
	}
	var out []starlark.Value
	if n := starlark.Len(v); n > 0 {
		out = make([]starlark.Value, 0, n)
	}
	var x starlark.Value
	for next(&x) {
		out = append(out, x)
	}
	return out, nil
}

// caller calls a function given to an itertools function on the thread
// that made the iterator (iteration has no thread of its own). An
// exception in it ends the cell, through a session.PyPanic, since a
// Starlark iterator cannot return an error.
type caller struct {
	th *starlark.Thread
	fn starlark.Value
}

func (c caller) call(args ...starlark.Value) starlark.Value {
	r, err := starlark.Call(c.th, c.fn, args, nil)
	if err != nil {
		fail(c.th, err)
	}
	return r
}

// fail ends the cell with err, raised where the iteration is (the
// thread's current call stack: the line that consumes the iterator).
func fail(th *starlark.Thread, err error) {
	if _, ok := err.(*starlark.EvalError); !ok && th != nil {
		err = &starlark.EvalError{Msg: err.Error(), CallStack: th.CallStack()}
	}
	panic(session.PyPanic{Err: err})
}

// truth is fn(x)'s truth, or x's own when fn is None.
func (c caller) truth(x starlark.Value) bool {
	if c.fn == starlark.None {
		return bool(x.Truth())
	}
	return bool(c.call(x).Truth())
}

func callerOf(th *starlark.Thread, name string, fn starlark.Value, noneOK bool) (caller, error) {
	if fn == starlark.None && noneOK {
		return caller{th, fn}, nil
	}
	if _, ok := fn.(starlark.Callable); !ok {
		return caller{}, fmt.Errorf("TypeError: '%s' object is not callable", session.TypeName(fn))
	}
	return caller{th, fn}, nil
}
