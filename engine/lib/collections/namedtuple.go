package collections

import (
	"fmt"
	"strings"
	"unicode"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/session"
)

// pyKeywords are Python's keywords, which cannot name a field.
var pyKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return true
}

// NamedTupleClass is the class namedtuple makes: calling it makes a
// tuple whose items are also attributes.
type NamedTupleClass struct {
	name     string
	fields   []string
	defaults starlark.Tuple // for the last len(defaults) fields
}

var (
	_ starlark.Callable  = (*NamedTupleClass)(nil)
	_ starlark.HasAttrs  = (*NamedTupleClass)(nil)
	_ session.ClassInfo  = (*NamedTupleClass)(nil)
	_ starlark.Indexable = (*NamedTuple)(nil)
	_ starlark.HasAttrs  = (*NamedTuple)(nil)
	_ starlark.Container = (*NamedTuple)(nil)
	_ session.Operator   = (*NamedTuple)(nil)
)

func newNamedTuple(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var typename string
	var fieldNames, defaults, module starlark.Value = nil, starlark.None, starlark.None
	rename := false
	if err := starlark.UnpackArgs("namedtuple", args, kwargs, "typename", &typename, "field_names", &fieldNames, "rename?", &rename, "defaults?", &defaults, "module?", &module); err != nil {
		return nil, err
	}
	var fields []string
	if s, ok := fieldNames.(starlark.String); ok {
		fields = strings.Fields(strings.ReplaceAll(string(s), ",", " "))
	} else {
		items, err := values(fieldNames)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			s, ok := it.(starlark.String)
			if !ok {
				return nil, fmt.Errorf("TypeError: Type names and field names must be strings")
			}
			fields = append(fields, string(s))
		}
	}
	if rename {
		seen := map[string]bool{}
		for i, f := range fields {
			if !isIdentifier(f) || pyKeywords[f] || strings.HasPrefix(f, "_") || seen[f] {
				fields[i] = fmt.Sprintf("_%d", i)
			}
			seen[f] = true
		}
	}
	for _, n := range append([]string{typename}, fields...) {
		if !isIdentifier(n) {
			return nil, fmt.Errorf("ValueError: Type names and field names must be valid identifiers: %s", session.Quote(n))
		}
		if pyKeywords[n] {
			return nil, fmt.Errorf("ValueError: Type names and field names cannot be a keyword: %s", session.Quote(n))
		}
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if strings.HasPrefix(f, "_") && !rename {
			return nil, fmt.Errorf("ValueError: Field names cannot start with an underscore: %s", session.Quote(f))
		}
		if seen[f] {
			return nil, fmt.Errorf("ValueError: Encountered duplicate field name: %s", session.Quote(f))
		}
		seen[f] = true
	}
	c := &NamedTupleClass{name: typename, fields: fields}
	if defaults != starlark.None {
		d, err := values(defaults)
		if err != nil {
			return nil, err
		}
		if len(d) > len(fields) {
			return nil, fmt.Errorf("TypeError: Got more default values than field names")
		}
		c.defaults = d
	}
	return c, nil
}

func (c *NamedTupleClass) String() string        { return "<class '__main__." + c.name + "'>" }
func (c *NamedTupleClass) Type() string          { return "type" }
func (c *NamedTupleClass) Freeze()               {}
func (c *NamedTupleClass) Truth() starlark.Bool  { return true }
func (c *NamedTupleClass) Hash() (uint32, error) { return starlark.String(c.name).Hash() }
func (c *NamedTupleClass) Name() string          { return c.name }

// QualifiedName names the class for help(): __main__.Point.
func (c *NamedTupleClass) QualifiedName() string { return "__main__." + c.name }

// PyDoc is the class's docstring, as namedtuple writes it: Point(x, y).
func (c *NamedTupleClass) PyDoc() string {
	return c.name + "(" + strings.Join(c.fields, ", ") + ")\n\nA named tuple made by collections.namedtuple."
}

// IsInstance is isinstance(x, Point).
func (c *NamedTupleClass) IsInstance(x starlark.Value) bool {
	t, ok := x.(*NamedTuple)
	return ok && t.class == c
}

// CallInternal is Point(1, 2) or Point(x=1, y=2), with Python's errors
// for missing, extra and unknown arguments.
func (c *NamedTupleClass) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	who := c.name + ".__new__()"
	n := len(c.fields)
	if len(args) > n {
		takes := fmt.Sprint(n + 1)
		if len(c.defaults) > 0 {
			takes = fmt.Sprintf("from %d to %d", n+1-len(c.defaults), n+1)
		}
		return nil, fmt.Errorf("TypeError: %s takes %s positional arguments but %d were given", who, takes, len(args)+1)
	}
	vals := make(starlark.Tuple, n)
	copy(vals, args)
	for _, kv := range kwargs {
		name := string(kv[0].(starlark.String))
		i := c.index(name)
		if i < 0 {
			return nil, fmt.Errorf("TypeError: %s got an unexpected keyword argument '%s'", who, name)
		}
		if vals[i] != nil {
			return nil, fmt.Errorf("TypeError: %s got multiple values for argument '%s'", who, name)
		}
		vals[i] = kv[1]
	}
	var missing []string
	for i := range vals {
		if vals[i] == nil {
			if d := i - (n - len(c.defaults)); d >= 0 {
				vals[i] = c.defaults[d]
			} else {
				missing = append(missing, "'"+c.fields[i]+"'")
			}
		}
	}
	if len(missing) > 0 {
		list := missing[len(missing)-1]
		if len(missing) > 1 {
			list = strings.Join(missing[:len(missing)-1], ", ") + " and " + list
		}
		s := ""
		if len(missing) > 1 {
			s = "s"
		}
		return nil, fmt.Errorf("TypeError: %s missing %d required positional argument%s: %s", who, len(missing), s, list)
	}
	return &NamedTuple{class: c, vals: vals}, nil
}

func (c *NamedTupleClass) index(name string) int {
	for i, f := range c.fields {
		if f == name {
			return i
		}
	}
	return -1
}

func (c *NamedTupleClass) fieldsTuple() starlark.Tuple {
	t := make(starlark.Tuple, len(c.fields))
	for i, f := range c.fields {
		t[i] = starlark.String(f)
	}
	return t
}

func (c *NamedTupleClass) AttrNames() []string {
	return []string{"__name__", "_field_defaults", "_fields", "_make"}
}

func (c *NamedTupleClass) Attr(name string) (starlark.Value, error) {
	switch name {
	case "_fields":
		return c.fieldsTuple(), nil
	case "__name__":
		return starlark.String(c.name), nil
	case "_field_defaults":
		d := starlark.NewDict(len(c.defaults))
		for i, v := range c.defaults {
			d.SetKey(starlark.String(c.fields[len(c.fields)-len(c.defaults)+i]), v)
		}
		return d, nil
	case "_make":
		return method(c.name, name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var it starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &it); err != nil {
				return nil, err
			}
			vals, err := values(it)
			if err != nil {
				return nil, err
			}
			if len(vals) != len(c.fields) {
				return nil, fmt.Errorf("TypeError: Expected %d arguments, got %d", len(c.fields), len(vals))
			}
			return &NamedTuple{class: c, vals: vals}, nil
		}), nil
	}
	return nil, fmt.Errorf("AttributeError: type object '%s' has no attribute '%s'", c.name, name)
}

// NamedTuple is an instance of a namedtuple class.
type NamedTuple struct {
	class *NamedTupleClass
	vals  starlark.Tuple
}

func (t *NamedTuple) String() string {
	parts := make([]string, len(t.vals))
	for i, v := range t.vals {
		parts[i] = t.class.fields[i] + "=" + session.Repr(v)
	}
	return t.class.name + "(" + strings.Join(parts, ", ") + ")"
}
func (t *NamedTuple) Type() string                       { return t.class.name }
func (t *NamedTuple) PyClass() string                    { return "__main__." + t.class.name }
func (t *NamedTuple) InstanceOf(class string) bool       { return class == "tuple" }
func (t *NamedTuple) Freeze()                            { t.vals.Freeze() }
func (t *NamedTuple) Truth() starlark.Bool               { return len(t.vals) > 0 }
func (t *NamedTuple) Hash() (uint32, error)              { return t.vals.Hash() }
func (t *NamedTuple) Len() int                           { return len(t.vals) }
func (t *NamedTuple) Index(i int) starlark.Value         { return t.vals[i] }
func (t *NamedTuple) Iterate() starlark.Iterator         { return t.vals.Iterate() }
func (t *NamedTuple) Has(x starlark.Value) (bool, error) { return t.vals.Has(x) }
func (t *NamedTuple) PlainValue() starlark.Value         { return t.vals }

// Slice is p[i:j]: a plain tuple, as in Python.
func (t *NamedTuple) Slice(start, end, step int) starlark.Value {
	return t.vals.Slice(start, end, step)
}

func (t *NamedTuple) AttrNames() []string {
	return append(append([]string{}, t.class.fields...), "_asdict", "_fields", "_replace", "count", "index")
}

func (t *NamedTuple) Attr(name string) (starlark.Value, error) {
	if i := t.class.index(name); i >= 0 {
		return t.vals[i], nil
	}
	switch name {
	case "_fields":
		return t.class.fieldsTuple(), nil
	case "_asdict":
		return method(t.class.name, name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			d := starlark.NewDict(len(t.vals))
			for i, v := range t.vals {
				d.SetKey(starlark.String(t.class.fields[i]), v)
			}
			return d, session.NoArgs(b, args, kwargs)
		}), nil
	case "_replace":
		return method(t.class.name, name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 0 {
				return nil, fmt.Errorf("TypeError: %s._replace() takes 1 positional argument but %d were given", t.class.name, len(args)+1)
			}
			vals := append(starlark.Tuple{}, t.vals...)
			var unknown []string
			for _, kv := range kwargs {
				name := string(kv[0].(starlark.String))
				if i := t.class.index(name); i >= 0 {
					vals[i] = kv[1]
				} else {
					unknown = append(unknown, session.Quote(name))
				}
			}
			if len(unknown) > 0 {
				return nil, fmt.Errorf("ValueError: Got unexpected field names: [%s]", strings.Join(unknown, ", "))
			}
			return &NamedTuple{class: t.class, vals: vals}, nil
		}), nil
	case "count", "index":
		return method(t.class.name, name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
				return nil, err
			}
			n := 0
			for i, v := range t.vals {
				if eq, err := equal(v, x); err != nil {
					return nil, err
				} else if eq {
					if name == "index" {
						return starlark.MakeInt(i), nil
					}
					n++
				}
			}
			if name == "index" {
				return nil, fmt.Errorf("ValueError: tuple.index(x): x not in tuple")
			}
			return starlark.MakeInt(n), nil
		}), nil
	}
	return nil, fmt.Errorf("AttributeError: '%s' object has no attribute '%s'", t.class.name, name)
}

// Operate compares a named tuple with tuples and named tuples, as
// tuples.
func (t *NamedTuple) Operate(op string, x, y starlark.Value) (starlark.Value, error) {
	tok, ok := map[string]syntax.Token{"==": syntax.EQL, "!=": syntax.NEQ, "<": syntax.LT, "<=": syntax.LE, ">": syntax.GT, ">=": syntax.GE}[op]
	if !ok {
		return nil, nil
	}
	a, ok1 := asTuple(x)
	b, ok2 := asTuple(y)
	if !ok1 || !ok2 {
		return nil, nil
	}
	r, err := starlark.Compare(tok, a, b)
	if err != nil {
		return nil, fmt.Errorf("TypeError: '%s' not supported between instances of '%s' and '%s'", op, session.TypeName(x), session.TypeName(y))
	}
	return starlark.Bool(r), nil
}

// CompareSameType compares named tuples as tuples (sorted works).
func (t *NamedTuple) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, t.vals, y.(*NamedTuple).vals, depth)
}

// Binary is p + tuple: a plain tuple.
func (t *NamedTuple) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	o, ok := asTuple(y)
	if op != syntax.PLUS || !ok {
		return nil, nil
	}
	if side == starlark.Left {
		return append(append(starlark.Tuple{}, t.vals...), o...), nil
	}
	return append(append(starlark.Tuple{}, o...), t.vals...), nil
}

func asTuple(v starlark.Value) (starlark.Tuple, bool) {
	switch v := v.(type) {
	case starlark.Tuple:
		return v, true
	case *NamedTuple:
		return v.vals, true
	}
	return nil, false
}
