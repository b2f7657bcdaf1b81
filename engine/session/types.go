package session

import (
	"fmt"
	"sort"
	"strings"

	"go.starlark.net/starlark"
)

// PyType is one of Python's builtin types as cells see it (str, int,
// float, bool, list, tuple, dict, set, bytes): called, it converts or
// constructs; its attributes are the type's methods, unbound
// (map(str.upper, xs), str.maketrans, dict.fromkeys); and type(x) is
// this value, so type(x) == str holds.
type PyType struct {
	fn *starlark.Builtin
}

var (
	_ starlark.Callable = (*PyType)(nil)
	_ starlark.HasAttrs = (*PyType)(nil)
)

// NewPyType is the builtin type name, constructed by fn.
func NewPyType(name string, fn Func) *PyType { return &PyType{starlark.NewBuiltin(name, fn)} }

func (t *PyType) Name() string          { return t.fn.Name() }
func (t *PyType) String() string        { return fmt.Sprintf("<class '%s'>", t.Name()) }
func (t *PyType) Type() string          { return "type" }
func (t *PyType) Freeze()               {}
func (t *PyType) Truth() starlark.Bool  { return true }
func (t *PyType) Hash() (uint32, error) { return starlark.String(t.Name()).Hash() }

// CallInternal constructs a value of the type.
func (t *PyType) CallInternal(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return t.fn.CallInternal(th, args, kwargs)
}

// example is a value of the type, for its method names.
func (t *PyType) example() starlark.Value {
	switch t.Name() {
	case "str":
		return starlark.String("")
	case "list":
		return starlark.NewList(nil)
	case "tuple":
		return starlark.Tuple{}
	case "dict":
		return starlark.NewDict(0)
	case "set":
		return starlark.NewSet(0)
	case "int", "bool":
		return starlark.MakeInt(0)
	case "float":
		return starlark.Float(0)
	case "bytes":
		return starlark.Bytes("")
	case "frozenset":
		return newFrozenSet(starlark.NewSet(0))
	}
	return starlark.None
}

// IsInstance reports whether x is of this type (a bool is an int).
func (t *PyType) IsInstance(x starlark.Value) bool {
	if t.Name() == "object" {
		return true // everything is an object
	}
	if i, ok := x.(Instance); ok && i.InstanceOf(t.Name()) {
		return true // a library's subclass (a Counter is a dict)
	}
	name := TypeName(x)
	if _, ok := x.(starlark.Bool); ok {
		return t.Name() == "bool" || t.Name() == "int"
	}
	return name == t.Name()
}

// Attr is the type's method name, unbound: its first argument is the
// receiver. str.maketrans and dict.fromkeys are static.
func (t *PyType) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__name__", "__qualname__":
		return starlark.String(t.Name()), nil
	case "__module__":
		return starlark.String("builtins"), nil
	}
	typ := t.Name()
	switch typ + "." + name {
	case "str.maketrans":
		return starlark.NewBuiltin("maketrans", strMaketrans).BindReceiver(starlark.String("")), nil
	case "dict.fromkeys":
		return starlark.NewBuiltin("dict.fromkeys", dictFromkeys), nil
	case "int.from_bytes":
		return starlark.NewBuiltin("int.from_bytes", intFromBytes), nil
	case "bytes.fromhex":
		return starlark.NewBuiltin("bytes.fromhex", bytesFromhex), nil
	}
	if _, ok := pyMethod(t.example(), name); !ok {
		return nil, nil
	}
	return starlark.NewBuiltin(typ+"."+name, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, fmt.Errorf("TypeError: unbound method %s.%s() needs an argument", typ, name)
		}
		if !t.IsInstance(args[0]) {
			return nil, fmt.Errorf("TypeError: descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, typ, TypeName(args[0]))
		}
		m, _ := pyMethod(args[0], name)
		return starlark.Call(th, m, args[1:], kwargs)
	}), nil
}

// AttrNames are the type's method names.
func (t *PyType) AttrNames() []string { return methodNames(t.example()) }

// pyMethod is Python's method name of x, bound to x, when x is one of
// Starlark's strings, numbers or containers and Python has that method.
func pyMethod(x starlark.Value, name string) (starlark.Value, bool) {
	var table map[string]Func
	switch x.(type) {
	case starlark.String:
		table = strMethods
	case *starlark.List:
		table = listMethods
	case starlark.Tuple:
		table = tupleMethods
	case *starlark.Dict:
		table = dictMethods
	case *starlark.Set:
		table = setMethods
	case starlark.Int, starlark.Bool:
		table = intMethods
	case starlark.Float:
		table = floatMethods
	case starlark.Bytes:
		table = bytesMethods
	case *frozenSet:
		return frozenMethod(x.(*frozenSet), name)
	default:
		return nil, false
	}
	if fn, ok := table[name]; ok {
		return starlark.NewBuiltin(name, fn).BindReceiver(x), true
	}
	if _, ok := x.(starlark.Bool); ok {
		return nil, false
	}
	if h, ok := x.(starlark.HasAttrs); ok && !starlarkOnly[name] {
		if m, err := h.Attr(name); err == nil && m != nil {
			return m, true
		}
	}
	return nil, false
}

// starlarkOnly are methods of Starlark's values that Python lacks.
var starlarkOnly = map[string]bool{"elems": true, "codepoints": true, "elem_ords": true, "codepoint_ords": true}

// methodNames are the names of x's Python methods.
func methodNames(x starlark.Value) []string {
	seen := map[string]bool{}
	for _, tbl := range []map[string]Func{strMethods, listMethods, tupleMethods, dictMethods, setMethods, intMethods, floatMethods, bytesMethods} {
		for n := range tbl {
			if _, ok := pyMethod(x, n); ok {
				seen[n] = true
			}
		}
	}
	if h, ok := x.(starlark.HasAttrs); ok {
		for _, n := range h.AttrNames() {
			if !starlarkOnly[n] {
				seen[n] = true
			}
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Attr gives a library class's __name__ (type(df).__name__ is
// 'DataFrame'), __qualname__ and __module__.
func (t *TypeObject) Attr(name string) (starlark.Value, error) {
	module, short := "builtins", t.Name
	if k := strings.LastIndexByte(t.Name, '.'); k >= 0 {
		module, short = t.Name[:k], t.Name[k+1:]
	}
	switch name {
	case "__name__", "__qualname__":
		return starlark.String(short), nil
	case "__module__":
		return starlark.String(module), nil
	}
	return nil, nil
}

// AttrNames are the attributes of a class object.
func (t *TypeObject) AttrNames() []string { return []string{"__module__", "__name__", "__qualname__"} }
