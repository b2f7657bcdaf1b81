// Package operator is Python's operator module. Its functions apply the
// cell's own operators (starlark.Binary, and the runtime's _cmp and _pow
// for comparisons and powers), so they work on every value the
// operators do: numbers, strings, lists, and library values such as
// pandas Series and numpy arrays.
package operator

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/session"
)

// Module is a Python module implemented in Go.
type Module = session.Module

// Library is the operator module.
var Library = session.Library{Modules: modules, Docs: docs}

func modules(*session.Session) map[string]*Module {
	return map[string]*Module{"operator": NewModule()}
}

// helpers are the operations Starlark has as syntax but not as Go
// functions, written as syntax once so that each value's own indexing
// applies (a frame's column, a dict's key).
const helpers = `
def getitem(a, b):
    return a[b]

def setitem(a, b, c):
    a[b] = c
`

// NewModule returns the operator module.
func NewModule() *Module {
	rt := session.Builtins()
	cmp, pow, abs, delitem := rt["_cmp"], rt["_pow"], rt["abs"], rt["_delitem"]
	globals, err := starlark.ExecFile(&starlark.Thread{Name: "operator"}, "operator", helpers, nil)
	if err != nil {
		panic(err) // the constant above is valid Starlark
	}
	getitem, setitem := globals["getitem"], globals["setitem"]

	m := starlark.StringDict{}
	binary := func(name string, op syntax.Token) {
		m[name] = session.Builtin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			x, y, err := two(name, args, kwargs)
			if err != nil {
				return nil, err
			}
			return starlark.Binary(op, x, y)
		})
	}
	for _, b := range []struct {
		name string
		op   syntax.Token
	}{
		{"add", syntax.PLUS}, {"sub", syntax.MINUS}, {"mul", syntax.STAR},
		{"truediv", syntax.SLASH}, {"floordiv", syntax.SLASHSLASH},
		{"mod", syntax.PERCENT}, {"and_", syntax.AMP}, {"or_", syntax.PIPE},
		{"xor", syntax.CIRCUMFLEX}, {"lshift", syntax.LTLT}, {"rshift", syntax.GTGT},
	} {
		binary(b.name, b.op)
		// In-place forms: immutable values give a new one, as Python's
		// do; lists are extended in place below.
		binary("i"+strings.TrimSuffix(b.name, "_"), b.op)
	}
	m["iadd"] = session.Builtin("iadd", inplaceAdd("iadd", false))
	m["iconcat"] = session.Builtin("iconcat", inplaceAdd("iconcat", true))
	m["concat"] = session.Builtin("concat", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, y, err := two("concat", args, kwargs)
		if err != nil {
			return nil, err
		}
		if !isSequence(x) {
			return nil, fmt.Errorf("TypeError: '%s' object can't be concatenated", session.TypeName(x))
		}
		return starlark.Binary(syntax.PLUS, x, y)
	})
	m["pow"] = viaBuiltin("pow", pow, 2, "")
	m["ipow"] = viaBuiltin("ipow", pow, 2, "")
	for _, c := range []struct{ name, op string }{
		{"eq", "=="}, {"ne", "!="}, {"lt", "<"}, {"le", "<="}, {"gt", ">"}, {"ge", ">="},
		{"is_", "is"}, {"is_not", "is not"},
	} {
		m[c.name] = viaBuiltin(c.name, cmp, 2, c.op)
	}
	m["abs"] = viaBuiltin("abs", abs, 1, "")
	unary := func(name string, op syntax.Token) {
		m[name] = session.Builtin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			x, err := one(name, args, kwargs)
			if err != nil {
				return nil, err
			}
			return starlark.Unary(op, x)
		})
	}
	unary("neg", syntax.MINUS)
	unary("pos", syntax.PLUS)
	unary("invert", syntax.TILDE)
	unary("inv", syntax.TILDE)
	m["not_"] = session.Builtin("not_", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, err := one("not_", args, kwargs)
		if err != nil {
			return nil, err
		}
		return !x.Truth(), nil
	})
	m["truth"] = session.Builtin("truth", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, err := one("truth", args, kwargs)
		if err != nil {
			return nil, err
		}
		return x.Truth(), nil
	})
	m["index"] = session.Builtin("index", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, err := one("index", args, kwargs)
		if err != nil {
			return nil, err
		}
		switch v := x.(type) {
		case starlark.Int:
			return v, nil
		case starlark.Bool:
			if v {
				return starlark.MakeInt(1), nil
			}
			return starlark.MakeInt(0), nil
		}
		return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", session.TypeName(x))
	})
	m["matmul"] = session.Builtin("matmul", refuseMatmul)
	m["imatmul"] = session.Builtin("imatmul", refuseMatmul)
	m["contains"] = session.Builtin("contains", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		a, x, err := two("contains", args, kwargs)
		if err != nil {
			return nil, err
		}
		return contains(a, x)
	})
	m["countOf"] = session.Builtin("countOf", func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		a, x, err := two("countOf", args, kwargs)
		if err != nil {
			return nil, err
		}
		n := 0
		err = each(a, func(_ int, v starlark.Value) (bool, error) {
			eq, err := same(v, x)
			if eq {
				n++
			}
			return true, err
		})
		return starlark.MakeInt(n), err
	})
	m["indexOf"] = session.Builtin("indexOf", func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		a, x, err := two("indexOf", args, kwargs)
		if err != nil {
			return nil, err
		}
		at := -1
		err = each(a, func(i int, v starlark.Value) (bool, error) {
			eq, err := same(v, x)
			if eq {
				at = i
			}
			return !eq, err
		})
		if err != nil {
			return nil, err
		}
		if at < 0 {
			return nil, fmt.Errorf("ValueError: sequence.index(x): x not in sequence")
		}
		return starlark.MakeInt(at), nil
	})
	m["getitem"] = viaFunction("getitem", getitem, 2)
	m["setitem"] = viaFunction("setitem", setitem, 3)
	m["delitem"] = viaBuiltin("delitem", delitem, 2, "")
	m["length_hint"] = session.Builtin("length_hint", func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		def := 0
		if err := starlark.UnpackPositionalArgs("length_hint", args, kwargs, 1, &x, &def); err != nil {
			return nil, err
		}
		if n := starlark.Len(x); n >= 0 {
			return starlark.MakeInt(n), nil
		}
		return starlark.MakeInt(def), nil
	})
	m["call"] = session.Builtin("call", func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, fmt.Errorf("TypeError: call() missing 1 required positional argument: 'obj'")
		}
		return starlark.Call(th, args[0], args[1:], kwargs)
	})
	m["itemgetter"] = session.Builtin("itemgetter", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, fmt.Errorf("TypeError: itemgetter() takes no keyword arguments")
		}
		if len(args) == 0 {
			return nil, fmt.Errorf("TypeError: itemgetter expected 1 argument, got 0")
		}
		return &getter{kind: "itemgetter", keys: args, getitem: getitem}, nil
	})
	m["attrgetter"] = session.Builtin("attrgetter", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, fmt.Errorf("TypeError: attrgetter() takes no keyword arguments")
		}
		if len(args) == 0 {
			return nil, fmt.Errorf("TypeError: attrgetter expected 1 argument, got 0")
		}
		for _, a := range args {
			if _, ok := a.(starlark.String); !ok {
				return nil, fmt.Errorf("TypeError: attribute name must be a string")
			}
		}
		return &getter{kind: "attrgetter", keys: args}, nil
	})
	m["methodcaller"] = session.Builtin("methodcaller", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, fmt.Errorf("TypeError: methodcaller needs at least one argument, the method name")
		}
		if _, ok := args[0].(starlark.String); !ok {
			return nil, fmt.Errorf("TypeError: method name must be a string")
		}
		return &getter{kind: "methodcaller", keys: args, kwargs: kwargs}, nil
	})
	return &Module{Name: "operator", Members: m}
}

func one(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: %s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return nil, fmt.Errorf("TypeError: %s() takes exactly one argument (%d given)", name, len(args))
	}
	return args[0], nil
}

func two(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, nil, fmt.Errorf("TypeError: %s() takes no keyword arguments", name)
	}
	if len(args) != 2 {
		return nil, nil, fmt.Errorf("TypeError: %s expected 2 arguments, got %d", name, len(args))
	}
	return args[0], args[1], nil
}

// viaBuiltin is the runtime's builtin fn with n arguments, after op (the
// comparison operator _cmp takes first) when op is not empty.
func viaBuiltin(name string, fn starlark.Value, n int, op string) *starlark.Builtin {
	return session.Builtin(name, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, fmt.Errorf("TypeError: %s() takes no keyword arguments", name)
		}
		if len(args) != n {
			if n == 1 {
				return nil, fmt.Errorf("TypeError: %s() takes exactly one argument (%d given)", name, len(args))
			}
			return nil, fmt.Errorf("TypeError: %s expected %d arguments, got %d", name, n, len(args))
		}
		if op != "" {
			args = starlark.Tuple{starlark.String(op), args[0], args[1]}
		}
		return starlark.Call(th, fn, args, nil)
	})
}

// viaFunction is the Starlark helper fn with n arguments.
func viaFunction(name string, fn starlark.Value, n int) *starlark.Builtin {
	return session.Builtin(name, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, fmt.Errorf("TypeError: %s() takes no keyword arguments", name)
		}
		if len(args) != n {
			return nil, fmt.Errorf("TypeError: %s expected %d arguments, got %d", name, n, len(args))
		}
		r, err := starlark.Call(th, fn, args, nil)
		if err != nil {
			return nil, unwrap(err)
		}
		return r, nil
	})
}

// unwrap drops the helper's frame from an error, so that the message is
// the one the operation gave.
func unwrap(err error) error {
	if e, ok := err.(*starlark.EvalError); ok && e.Unwrap() != nil {
		return e.Unwrap()
	}
	return err
}

func refuseMatmul(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return nil, fmt.Errorf("NotImplementedError: operator.matmul is not available in Burst: write a @ b, or numpy.matmul(a, b)")
}

func isSequence(x starlark.Value) bool {
	switch x.(type) {
	case starlark.String, starlark.Bytes:
		return true
	case starlark.Indexable:
		_, isMap := x.(starlark.Mapping)
		return !isMap
	}
	return false
}

// inplaceAdd is iadd or iconcat: a list is extended in place (and
// returned), other values added.
func inplaceAdd(name string, concat bool) session.Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, y, err := two(name, args, kwargs)
		if err != nil {
			return nil, err
		}
		if concat && !isSequence(x) {
			return nil, fmt.Errorf("TypeError: '%s' object can't be concatenated", session.TypeName(x))
		}
		if l, ok := x.(*starlark.List); ok {
			if s, ok := y.(starlark.String); ok {
				y = session.Chars(s)
			}
			items, err := session.Values(y)
			if err != nil {
				return nil, fmt.Errorf("TypeError: '%s' object is not iterable", session.TypeName(y))
			}
			for _, v := range items {
				if err := l.Append(v); err != nil {
					return nil, err
				}
			}
			return l, nil
		}
		return starlark.Binary(syntax.PLUS, x, y)
	}
}

// contains is x in a.
func contains(a, x starlark.Value) (starlark.Value, error) {
	switch a.(type) {
	case starlark.String, starlark.Bytes, *starlark.List, starlark.Tuple, *starlark.Dict, *starlark.Set:
		return starlark.Binary(syntax.IN, x, a)
	}
	if _, ok := a.(starlark.HasBinary); ok {
		return starlark.Binary(syntax.IN, x, a)
	}
	found := false
	if starlark.Iterate(a) == nil {
		return nil, fmt.Errorf("TypeError: argument of type '%s' is not iterable", session.TypeName(a))
	}
	err := each(a, func(_ int, v starlark.Value) (bool, error) {
		eq, err := same(v, x)
		found = eq
		return !eq, err
	})
	return starlark.Bool(found), err
}

// same is Python's "v is x or v == x", as countOf and indexOf compare.
func same(v, x starlark.Value) (bool, error) {
	if session.Identical(v, x) {
		return true, nil
	}
	if v.Type() != x.Type() && !(session.IsNumber(v) && session.IsNumber(x)) {
		return false, nil
	}
	return starlark.Equal(v, x)
}

// each calls f with the items of a (a string's characters) until it
// returns false.
func each(a starlark.Value, f func(i int, v starlark.Value) (bool, error)) error {
	if s, ok := a.(starlark.String); ok {
		a = session.Chars(s)
	}
	it := starlark.Iterate(a)
	if it == nil {
		return fmt.Errorf("TypeError: '%s' object is not iterable", session.TypeName(a))
	}
	defer it.Done()
	var v starlark.Value
	for i := 0; it.Next(&v); i++ {
		more, err := f(i, v)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// getter is itemgetter, attrgetter or methodcaller: a callable that
// gets keys (items or dotted attribute names) of its argument, or calls
// its method keys[0] with keys[1:] and kwargs.
type getter struct {
	kind    string
	keys    starlark.Tuple
	kwargs  []starlark.Tuple
	getitem starlark.Value
}

var _ starlark.Callable = (*getter)(nil)

func (g *getter) String() string {
	var b strings.Builder
	b.WriteString("operator." + g.kind + "(")
	for i, k := range g.keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(session.Repr(k))
	}
	for i, kv := range g.kwargs {
		if i > 0 || len(g.keys) > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(kv[0].(starlark.String)) + "=" + session.Repr(kv[1]))
	}
	b.WriteString(")")
	return b.String()
}
func (g *getter) Type() string         { return "operator." + g.kind }
func (g *getter) Name() string         { return g.kind }
func (g *getter) Freeze()              {}
func (g *getter) Truth() starlark.Bool { return true }
func (g *getter) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: '%s'", g.Type())
}

// CallInternal implements starlark.Callable.
func (g *getter) CallInternal(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: %s() takes no keyword arguments", g.kind)
	}
	if len(args) != 1 {
		return nil, fmt.Errorf("TypeError: %s expected 1 argument, got %d", g.kind, len(args))
	}
	obj := args[0]
	switch g.kind {
	case "methodcaller":
		m, err := attr(obj, string(g.keys[0].(starlark.String)))
		if err != nil {
			return nil, err
		}
		return starlark.Call(th, m, g.keys[1:], g.kwargs)
	case "itemgetter":
		if len(g.keys) == 1 {
			r, err := starlark.Call(th, g.getitem, starlark.Tuple{obj, g.keys[0]}, nil)
			return r, unwrapNil(err)
		}
		out := make(starlark.Tuple, len(g.keys))
		for i, k := range g.keys {
			r, err := starlark.Call(th, g.getitem, starlark.Tuple{obj, k}, nil)
			if err != nil {
				return nil, unwrap(err)
			}
			out[i] = r
		}
		return out, nil
	}
	if len(g.keys) == 1 {
		return dotted(obj, string(g.keys[0].(starlark.String)))
	}
	out := make(starlark.Tuple, len(g.keys))
	for i, k := range g.keys {
		r, err := dotted(obj, string(k.(starlark.String)))
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

func unwrapNil(err error) error {
	if err == nil {
		return nil
	}
	return unwrap(err)
}

// dotted gets the attribute path "a.b.c" of x.
func dotted(x starlark.Value, path string) (starlark.Value, error) {
	for name := range strings.SplitSeq(path, ".") {
		var err error
		if x, err = attr(x, name); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// attr is x.name as the cell's own x.name gives it (Python's methods of
// str, list and dict included).
func attr(x starlark.Value, name string) (starlark.Value, error) {
	return session.Getattr(x, name)
}
