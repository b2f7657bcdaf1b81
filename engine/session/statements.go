package session

import (
	"fmt"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// pyAssert implements assert: AssertionError with the message, if any.
func pyAssert(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 || len(args) > 2 {
		return nil, fmt.Errorf("SyntaxError: assert takes a condition and an optional message")
	}
	if args[0].Truth() {
		return starlark.None, nil
	}
	if len(args) == 2 {
		return nil, fmt.Errorf("AssertionError: %s", Str(args[1]))
	}
	return nil, fmt.Errorf("AssertionError")
}

// DeletedValue marks a name removed by del: the kernel forgets it when the
// cell ends.
type DeletedValue string

func (d DeletedValue) String() string { return "<deleted>" }

func (d DeletedValue) Type() string { return "deleted" }

func (d DeletedValue) Freeze() {}

func (d DeletedValue) Truth() starlark.Bool { return false }

func (d DeletedValue) Hash() (uint32, error) {
	return 0, fmt.Errorf("NameError: name '%s' is not defined", string(d))
}

func pyDeleted(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	name, _ := starlark.AsString(args[0])
	return DeletedValue(name), nil
}

// pyDelitem implements del x[k] for dicts and lists.
func pyDelitem(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	switch x := args[0].(type) {
	case interface{ DelKey(starlark.Value) error }: // a library's mapping (Counter)
		return starlark.None, x.DelKey(args[1])
	case *starlark.Dict:
		if _, found, err := x.Delete(args[1]); err != nil {
			return nil, err
		} else if !found {
			return nil, fmt.Errorf("KeyError: %s", Repr(args[1]))
		}
		return starlark.None, nil
	case *starlark.List:
		i, err := starlark.AsInt32(args[1])
		if err != nil {
			return nil, fmt.Errorf("TypeError: list indices must be integers or slices, not %s", TypeName(args[1]))
		}
		n := x.Len()
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return nil, fmt.Errorf("IndexError: list assignment index out of range")
		}
		vals := make([]starlark.Value, 0, n-1)
		for k := 0; k < n; k++ {
			if k != i {
				vals = append(vals, x.Index(k))
			}
		}
		if err := x.Clear(); err != nil {
			return nil, err
		}
		for _, v := range vals {
			x.Append(v)
		}
		return starlark.None, nil
	}
	if h, ok := args[0].(starlark.HasAttrs); ok {
		if m, err := h.Attr("pop"); err == nil && m != nil {
			if c, ok := m.(starlark.Callable); ok {
				_, err := starlark.Call(&starlark.Thread{}, c, starlark.Tuple{args[1]}, nil)
				return starlark.None, err
			}
		}
	}
	return nil, fmt.Errorf("TypeError: '%s' object doesn't support item deletion", TypeName(args[0]))
}

// ContextManager is a value usable in a with statement.
type ContextManager interface {
	starlark.Value
	// Enter starts the context and returns the value bound by "as".
	Enter(th *starlark.Thread) (starlark.Value, error)
	// Exit ends it, whether the block ended or failed.
	Exit(th *starlark.Thread) error
}

// pyWith implements with: a one-pass iterable whose iterator enters the
// contexts and, when the loop ends for any reason, exits them in reverse.
func pyWith(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	var cms []ContextManager
	for _, a := range args {
		cm, ok := a.(ContextManager)
		if !ok {
			return nil, fmt.Errorf("TypeError: '%s' object does not support the context manager protocol", TypeName(a))
		}
		cms = append(cms, cm)
	}
	var vals []starlark.Value
	entered := 0
	for _, cm := range cms {
		v, err := cm.Enter(th)
		if err != nil {
			for k := entered - 1; k >= 0; k-- {
				cms[k].Exit(th)
			}
			return nil, err
		}
		entered++
		vals = append(vals, v)
	}
	var item starlark.Value = vals[0]
	if len(vals) > 1 {
		item = starlark.Tuple(vals)
	}
	return &withBlock{th: th, cms: cms, item: item}, nil
}

type withBlock struct {
	th   *starlark.Thread
	cms  []ContextManager
	item starlark.Value
}

func (w *withBlock) String() string { return "<with>" }

func (w *withBlock) Type() string { return "with" }

func (w *withBlock) Freeze() {}

func (w *withBlock) Truth() starlark.Bool { return true }

func (w *withBlock) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable") }

func (w *withBlock) Iterate() starlark.Iterator {
	return &withIter{w: w}
}

type withIter struct {
	w    *withBlock
	done bool
}

func (it *withIter) Next(p *starlark.Value) bool {
	if it.done {
		return false
	}
	it.done = true
	*p = it.w.item
	return true
}

// Done runs when the block ends, normally or by an error.
func (it *withIter) Done() {
	for k := len(it.w.cms) - 1; k >= 0; k-- {
		it.w.cms[k].Exit(it.w.th)
	}
}

// UndefinedName stands for a name a function uses that no cell defined
// yet: using it raises Python's NameError.
type UndefinedName string

func (u UndefinedName) Err() error {
	return fmt.Errorf("NameError: name '%s' is not defined", string(u))
}

func (u UndefinedName) String() string { return fmt.Sprintf("<undefined %s>", string(u)) }

func (u UndefinedName) Type() string { return "undefined" }

func (u UndefinedName) Freeze() {}

func (u UndefinedName) Truth() starlark.Bool { return false }

func (u UndefinedName) Hash() (uint32, error) { return 0, u.Err() }

func (u UndefinedName) Name() string { return string(u) }

func (u UndefinedName) CallInternal(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return nil, u.Err()
}

func (u UndefinedName) Attr(string) (starlark.Value, error) { return nil, u.Err() }

func (u UndefinedName) AttrNames() []string { return nil }

func (u UndefinedName) Binary(syntax.Token, starlark.Value, starlark.Side) (starlark.Value, error) {
	return nil, u.Err()
}

func (u UndefinedName) Get(starlark.Value) (starlark.Value, bool, error) { return nil, false, u.Err() }
