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
	fromkeys := func(recv string, make func(d *starlark.Dict) starlark.Value) *starlark.Builtin {
		return method(recv, "fromkeys", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var it, value starlark.Value = nil, starlark.None
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &it, &value); err != nil {
				return nil, err
			}
			keys, err := values(it)
			if err != nil {
				return nil, err
			}
			d := starlark.NewDict(len(keys))
			for _, k := range keys {
				if err := d.SetKey(k, value); err != nil {
					return nil, err
				}
			}
			return make(d), nil
		})
	}
	return map[string]*session.Module{
		"collections": {Name: "collections", Members: starlark.StringDict{
			"Counter": &Class{name: "Counter", new: newCounter, is: is[*Counter], attrs: starlark.StringDict{
				"fromkeys": method("Counter", "fromkeys", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
					return nil, fmt.Errorf("NotImplementedError: Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
				}),
			}},
			"defaultdict": &Class{name: "defaultdict", new: newDefaultDict, is: is[*DefaultDict], attrs: starlark.StringDict{
				"fromkeys": fromkeys("defaultdict", func(d *starlark.Dict) starlark.Value {
					return &DefaultDict{mapping: mapping{d}, factory: starlark.None}
				}),
			}},
			"OrderedDict": &Class{name: "OrderedDict", new: newOrderedDict, is: is[*OrderedDict], attrs: starlark.StringDict{
				"fromkeys": fromkeys("OrderedDict", func(d *starlark.Dict) starlark.Value { return &OrderedDict{mapping{d}} }),
			}},
			"deque":      &Class{name: "deque", new: newDeque, is: is[*Deque]},
			"namedtuple": session.Builtin("namedtuple", newNamedTuple),
		}},
	}
}

func is[T starlark.Value](v starlark.Value) bool { _, ok := v.(T); return ok }

// Class is one of the module's classes: called, it makes a value
// (Counter('abc')); its attributes are the class methods
// (OrderedDict.fromkeys); isinstance asks it.
type Class struct {
	name  string
	new   session.Func
	attrs starlark.StringDict
	is    func(starlark.Value) bool
}

var (
	_ starlark.Callable = (*Class)(nil)
	_ starlark.HasAttrs = (*Class)(nil)
	_ session.ClassInfo = (*Class)(nil)
)

func (c *Class) String() string        { return "<class 'collections." + c.name + "'>" }
func (c *Class) Type() string          { return "type" }
func (c *Class) Freeze()               {}
func (c *Class) Truth() starlark.Bool  { return true }
func (c *Class) Hash() (uint32, error) { return starlark.String(c.name).Hash() }
func (c *Class) Name() string          { return c.name }

// QualifiedName names the class for help(): collections.Counter.
func (c *Class) QualifiedName() string { return "collections." + c.name }

// IsInstance is isinstance(x, Counter).
func (c *Class) IsInstance(x starlark.Value) bool { return c.is(x) }

// CallInternal makes a value: Counter('abc').
func (c *Class) CallInternal(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return c.new(th, starlark.NewBuiltin(c.name, c.new), args, kwargs)
}

func (c *Class) Attr(name string) (starlark.Value, error) {
	if v, ok := c.attrs[name]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("AttributeError: type object '%s' has no attribute '%s'", c.name, name)
}

func (c *Class) AttrNames() []string { return c.attrs.Keys() }

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
