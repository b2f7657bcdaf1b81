// Package collections is Python's collections module for cells:
// Counter, defaultdict, OrderedDict, namedtuple and deque, as Go values
// that take part in Python's builtins (len, iteration, in, [k], dict(),
// sorted, json.dumps) through Starlark's interfaces.
package collections

import (
	"fmt"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// Library is the collections module.
var Library = session.Library{Modules: modules, Docs: docs, MethodDocs: methodDocs}

func modules(*session.Session) map[string]*session.Module {
	return map[string]*session.Module{
		"collections": {Name: "collections", Members: starlark.StringDict{
			"Counter":     session.Builtin("Counter", newCounter),
			"defaultdict": session.Builtin("defaultdict", newDefaultDict),
			"OrderedDict": session.Builtin("OrderedDict", newOrderedDict),
			"namedtuple":  session.Builtin("namedtuple", newNamedTuple),
			"deque":       session.Builtin("deque", newDeque),
		}},
	}
}

// method makes a builtin named as CPython names the method (for
// argument errors: "Counter.most_common() takes …").
func method(recv, name string, fn session.Func) *starlark.Builtin {
	return starlark.NewBuiltin(recv+"."+name, fn)
}

// values lists the items of an iterable; a str gives its characters,
// as Python iterates strings.
func values(v starlark.Value) ([]starlark.Value, error) {
	if s, ok := v.(starlark.String); ok {
		v = session.Chars(s)
	}
	it := starlark.Iterate(v)
	if it == nil {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", session.TypeName(v))
	}
	defer it.Done()
	var out []starlark.Value
	var x starlark.Value
	for it.Next(&x) {
		out = append(out, x)
	}
	return out, nil
}

func equal(x, y starlark.Value) (bool, error) {
	if session.IsNumber(x) && session.IsNumber(y) {
		return starlark.Compare(syntaxEQL, x, y)
	}
	if o, ok := x.(session.Operator); ok {
		if r, err := o.Operate("==", x, y); r != nil || err != nil {
			if err != nil {
				return false, err
			}
			return bool(r.Truth()), nil
		}
	}
	if o, ok := y.(session.Operator); ok {
		if r, err := o.Operate("==", x, y); r != nil || err != nil {
			if err != nil {
				return false, err
			}
			return bool(r.Truth()), nil
		}
	}
	if x.Type() != y.Type() {
		return false, nil
	}
	return starlark.Equal(x, y)
}
