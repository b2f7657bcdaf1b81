package collections

import (
	"fmt"
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/session"
)

const syntaxEQL = syntax.EQL

// mapping is the dict that Counter, defaultdict and OrderedDict keep
// their items in; it gives them dict's behaviour (iteration over keys,
// len, in, [k] = v, dict(x), dict's methods).
type mapping struct {
	d *starlark.Dict
}

func (m *mapping) Len() int                         { return m.d.Len() }
func (m *mapping) Iterate() starlark.Iterator       { return m.d.Iterate() }
func (m *mapping) Items() []starlark.Tuple          { return m.d.Items() }
func (m *mapping) SetKey(k, v starlark.Value) error { return m.d.SetKey(k, v) }
func (m *mapping) Freeze()                          { m.d.Freeze() }
func (m *mapping) Truth() starlark.Bool             { return m.d.Len() > 0 }

// Has is the in operator: Counter's [k] answers 0 for a missing key, so
// membership cannot go through Get.
func (m *mapping) Has(k starlark.Value) (bool, error) {
	_, found, err := m.d.Get(k)
	return found, err
}

// DelKey is del x[k].
func (m *mapping) DelKey(k starlark.Value) error {
	_, found, err := m.d.Delete(k)
	if err != nil {
		return err
	}
	if !found {
		return fmt.Errorf("KeyError: %s", session.Repr(k))
	}
	return nil
}

// PlainValue is the plain dict it holds, for json.dumps and pandas.
func (m *mapping) PlainValue() starlark.Value { return m.d }

// dictAttr is one of dict's own methods, working on the items.
func (m *mapping) dictAttr(name string) (starlark.Value, error) {
	switch name {
	case "keys", "values", "items", "get", "pop", "popitem", "setdefault", "clear", "update":
		return m.d.Attr(name)
	}
	return nil, nil
}

var dictNames = []string{"clear", "copy", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"}

func (m *mapping) get(k starlark.Value) (starlark.Value, bool, error) { return m.d.Get(k) }

func (m *mapping) copyDict() *starlark.Dict {
	d := starlark.NewDict(m.d.Len())
	for _, kv := range m.d.Items() {
		d.SetKey(kv[0], kv[1])
	}
	return d
}

func reprItems(items []starlark.Tuple) string {
	parts := make([]string, len(items))
	for i, kv := range items {
		parts[i] = session.Repr(kv[0]) + ": " + session.Repr(kv[1])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// itemsOf is a mapping's items, for equality with dicts and the other
// mappings.
func itemsOf(v starlark.Value) ([]starlark.Tuple, bool) {
	if m, ok := v.(starlark.IterableMapping); ok {
		return m.Items(), true
	}
	return nil, false
}

// dictEqual is dict's ==: the same keys with equal values, in any order.
func dictEqual(x, y []starlark.Tuple) (bool, error) {
	if len(x) != len(y) {
		return false, nil
	}
	d := starlark.NewDict(len(y))
	for _, kv := range y {
		if err := d.SetKey(kv[0], kv[1]); err != nil {
			return false, err
		}
	}
	for _, kv := range x {
		v, found, err := d.Get(kv[0])
		if err != nil || !found {
			return false, err
		}
		if eq, err := equal(kv[1], v); err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// mappingOperate is == and != between a mapping and a dict or another
// mapping; eq gives the comparison when both are of the mapping's type.
func mappingOperate(op string, x, y starlark.Value, same func(x, y starlark.Value) (bool, bool, error)) (starlark.Value, error) {
	if op != "==" && op != "!=" {
		return nil, nil
	}
	eq, handled, err := same(x, y)
	if err != nil {
		return nil, err
	}
	if !handled {
		xi, ok1 := itemsOf(x)
		yi, ok2 := itemsOf(y)
		if !ok1 || !ok2 {
			return starlark.Bool(op == "!="), nil
		}
		if eq, err = dictEqual(xi, yi); err != nil {
			return nil, err
		}
	}
	return starlark.Bool(eq == (op == "==")), nil
}

// ---- Counter ----

// Counter is collections.Counter: a dict of counts where a missing key
// counts 0.
type Counter struct{ mapping }

var (
	_ starlark.IterableMapping = (*Counter)(nil)
	_ starlark.HasSetKey       = (*Counter)(nil)
	_ starlark.HasAttrs        = (*Counter)(nil)
	_ starlark.HasBinary       = (*Counter)(nil)
	_ starlark.Container       = (*Counter)(nil)
	_ session.Operator         = (*Counter)(nil)
)

func newCounter(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 1 {
		return nil, fmt.Errorf("TypeError: expected at most 1 argument, got %d", len(args))
	}
	c := &Counter{mapping{starlark.NewDict(0)}}
	if err := c.add(args, kwargs, 1); err != nil {
		return nil, err
	}
	return c, nil
}

// add is update (sign 1) and subtract (sign -1): an iterable counts
// each item, a mapping adds its counts, keywords too.
func (c *Counter) add(args starlark.Tuple, kwargs []starlark.Tuple, sign int) error {
	bump := func(k, n starlark.Value) error {
		old, found, err := c.d.Get(k)
		if err != nil {
			return err
		}
		if !found {
			old = starlark.MakeInt(0)
		}
		op := syntax.PLUS
		if sign < 0 {
			op = syntax.MINUS
		}
		v, err := starlark.Binary(op, old, n)
		if err != nil {
			return fmt.Errorf("TypeError: unsupported operand type(s) for %s: '%s' and '%s'", op, session.TypeName(old), session.TypeName(n))
		}
		return c.d.SetKey(k, v)
	}
	if len(args) == 1 && args[0] != starlark.None {
		if m, ok := args[0].(starlark.IterableMapping); ok {
			for _, kv := range m.Items() {
				if err := bump(kv[0], kv[1]); err != nil {
					return err
				}
			}
		} else {
			items, err := values(args[0])
			if err != nil {
				return err
			}
			for _, x := range items {
				if err := bump(x, starlark.MakeInt(1)); err != nil {
					return err
				}
			}
		}
	}
	for _, kv := range kwargs {
		if err := bump(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

func (c *Counter) String() string {
	if c.d.Len() == 0 {
		return "Counter()"
	}
	return "Counter(" + reprItems(c.mostCommon()) + ")"
}
func (c *Counter) Type() string                 { return "Counter" }
func (c *Counter) PyClass() string              { return "collections.Counter" }
func (c *Counter) InstanceOf(class string) bool { return class == "Counter" || class == "dict" }
func (c *Counter) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'Counter'")
}
func (c *Counter) Get(k starlark.Value) (starlark.Value, bool, error) {
	v, found, err := c.d.Get(k)
	if err != nil {
		return nil, false, err
	}
	if !found {
		return starlark.MakeInt(0), true, nil
	}
	return v, true, nil
}

// mostCommon is the items by count, largest first; equal counts keep
// the order they were first met in, as CPython's stable sort.
func (c *Counter) mostCommon() []starlark.Tuple {
	items := c.d.Items()
	sort.SliceStable(items, func(i, j int) bool {
		gt, err := starlark.Compare(syntax.GT, items[i][1], items[j][1])
		return err == nil && gt
	})
	return items
}

func (c *Counter) AttrNames() []string {
	return append([]string{"elements", "most_common", "subtract", "total"}, dictNames...)
}

func (c *Counter) Attr(name string) (starlark.Value, error) {
	switch name {
	case "most_common":
		return method("Counter", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var n starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "n?", &n); err != nil {
				return nil, err
			}
			items := c.mostCommon()
			if n != starlark.None {
				k, err := starlark.AsInt32(n)
				if err != nil {
					return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", session.TypeName(n))
				}
				items = items[:max(0, min(k, len(items)))]
			}
			out := make([]starlark.Value, len(items))
			for i, kv := range items {
				out[i] = kv
			}
			return starlark.NewList(out), nil
		}), nil
	case "elements":
		return method("Counter", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := session.NoArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			var out []starlark.Value
			for _, kv := range c.d.Items() {
				n, ok := kv[1].(starlark.Int)
				if !ok {
					return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", session.TypeName(kv[1]))
				}
				k, _ := n.Int64()
				for i := int64(0); i < k; i++ {
					out = append(out, kv[0])
				}
			}
			return starlark.NewList(out), nil
		}), nil
	case "update", "subtract":
		sign := 1
		if name == "subtract" {
			sign = -1
		}
		return method("Counter", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 1 {
				return nil, fmt.Errorf("TypeError: expected at most 1 argument, got %d", len(args))
			}
			return starlark.None, c.add(args, kwargs, sign)
		}), nil
	case "total":
		return method("Counter", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := session.NoArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			var sum starlark.Value = starlark.MakeInt(0)
			for _, kv := range c.d.Items() {
				s, err := starlark.Binary(syntax.PLUS, sum, kv[1])
				if err != nil {
					return nil, fmt.Errorf("TypeError: unsupported operand type(s) for +: '%s' and '%s'", session.TypeName(sum), session.TypeName(kv[1]))
				}
				sum = s
			}
			return sum, nil
		}), nil
	case "copy":
		return method("Counter", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return &Counter{mapping{c.copyDict()}}, session.NoArgs(b, args, kwargs)
		}), nil
	}
	if v, err := c.dictAttr(name); v != nil || err != nil {
		return v, err
	}
	return nil, fmt.Errorf("AttributeError: 'Counter' object has no attribute '%s'", name)
}

// Binary is +, -, & and | between Counters: the sum, difference,
// minimum and maximum of counts, keeping only positive ones.
func (c *Counter) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	o, ok := y.(*Counter)
	if !ok {
		return nil, nil
	}
	a, b := c, o
	if side == starlark.Right {
		a, b = o, c
	}
	out := &Counter{mapping{starlark.NewDict(0)}}
	positive := func(v starlark.Value) bool {
		gt, err := starlark.Compare(syntax.GT, v, starlark.MakeInt(0))
		return err == nil && gt
	}
	zero := starlark.MakeInt(0)
	var combine func(x, y starlark.Value) (starlark.Value, error)
	switch op {
	case syntax.PLUS:
		combine = func(x, y starlark.Value) (starlark.Value, error) { return starlark.Binary(syntax.PLUS, x, y) }
	case syntax.MINUS:
		combine = func(x, y starlark.Value) (starlark.Value, error) { return starlark.Binary(syntax.MINUS, x, y) }
	case syntax.AMP, syntax.PIPE:
		combine = func(x, y starlark.Value) (starlark.Value, error) {
			lt, err := starlark.Compare(syntax.LT, x, y)
			if err != nil {
				return nil, err
			}
			if lt == (op == syntax.AMP) {
				return x, nil
			}
			return y, nil
		}
	default:
		return nil, nil
	}
	for _, kv := range a.d.Items() {
		other, _, _ := b.Get(kv[0])
		v, err := combine(kv[1], other)
		if err != nil {
			return nil, err
		}
		if positive(v) {
			out.d.SetKey(kv[0], v)
		}
	}
	if op == syntax.AMP {
		return out, nil
	}
	for _, kv := range b.d.Items() {
		if has, _ := a.Has(kv[0]); has {
			continue
		}
		v := kv[1]
		if op == syntax.MINUS {
			var err error
			if v, err = starlark.Binary(syntax.MINUS, zero, v); err != nil {
				return nil, err
			}
		}
		if positive(v) {
			out.d.SetKey(kv[0], v)
		}
	}
	return out, nil
}

// Operate is == and !=: between Counters a missing key counts 0 (as
// Python 3.10 on); with a dict, dict's equality.
func (c *Counter) Operate(op string, x, y starlark.Value) (starlark.Value, error) {
	return mappingOperate(op, x, y, func(x, y starlark.Value) (bool, bool, error) {
		a, ok1 := x.(*Counter)
		b, ok2 := y.(*Counter)
		if !ok1 || !ok2 {
			return false, false, nil
		}
		for _, p := range [][2]*Counter{{a, b}, {b, a}} {
			for _, kv := range p[0].d.Items() {
				v, _, _ := p[1].Get(kv[0])
				if eq, err := equal(kv[1], v); err != nil || !eq {
					return false, true, err
				}
			}
		}
		return true, true, nil
	})
}

// ---- defaultdict ----

// DefaultDict is collections.defaultdict: a dict whose missing keys get
// the factory's value on first lookup.
type DefaultDict struct {
	mapping
	factory starlark.Value // a callable or None
	sess    *session.Session
}

var (
	_ starlark.IterableMapping = (*DefaultDict)(nil)
	_ starlark.HasSetKey       = (*DefaultDict)(nil)
	_ starlark.Container       = (*DefaultDict)(nil)
)

func newDefaultDict(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var factory starlark.Value = starlark.None
	if len(args) > 0 {
		factory = args[0]
		args = args[1:]
	}
	if _, ok := factory.(starlark.Callable); !ok && factory != starlark.None {
		return nil, fmt.Errorf("TypeError: first argument must be callable or None")
	}
	if len(args) > 1 {
		return nil, fmt.Errorf("TypeError: dict expected at most 1 argument, got %d", len(args))
	}
	d, err := starlark.Call(th, starlark.Universe["dict"], args, kwargs)
	if err != nil {
		return nil, err
	}
	return &DefaultDict{mapping: mapping{d.(*starlark.Dict)}, factory: factory, sess: session.Of(th)}, nil
}

func (d *DefaultDict) String() string {
	return "defaultdict(" + factoryRepr(d.factory) + ", " + reprItems(d.d.Items()) + ")"
}

// zeroValue is what int(), float(), str() and bool() give in Python,
// which Starlark's builtins refuse without an argument; nil for other
// factories.
func zeroValue(f starlark.Value) starlark.Value {
	if b, ok := f.(*starlark.Builtin); ok && b.Receiver() == nil {
		switch b.Name() {
		case "int":
			return starlark.MakeInt(0)
		case "float":
			return starlark.Float(0)
		case "str":
			return starlark.String("")
		case "bool":
			return starlark.False
		}
	}
	return nil
}

// factoryRepr shows Python's builtin types as classes, as CPython shows
// defaultdict's factory.
func factoryRepr(f starlark.Value) string {
	if b, ok := f.(*starlark.Builtin); ok && b.Receiver() == nil {
		switch b.Name() {
		case "list", "int", "set", "str", "dict", "float", "tuple", "bool":
			return "<class '" + b.Name() + "'>"
		}
	}
	return session.Repr(f)
}

func (d *DefaultDict) Type() string                 { return "defaultdict" }
func (d *DefaultDict) PyClass() string              { return "collections.defaultdict" }
func (d *DefaultDict) InstanceOf(class string) bool { return class == "defaultdict" || class == "dict" }
func (d *DefaultDict) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'collections.defaultdict'")
}

// Get is d[k]: a missing key gets the factory's value, stored.
func (d *DefaultDict) Get(k starlark.Value) (starlark.Value, bool, error) {
	v, found, err := d.d.Get(k)
	if err != nil || found {
		return v, found, err
	}
	if d.factory == starlark.None {
		return nil, false, fmt.Errorf("KeyError: %s", session.Repr(k))
	}
	if v = zeroValue(d.factory); v == nil {
		th := &starlark.Thread{Name: "defaultdict"}
		if d.sess != nil {
			d.sess.Bind(th)
		}
		if v, err = starlark.Call(th, d.factory, nil, nil); err != nil {
			return nil, false, err
		}
	}
	if err := d.d.SetKey(k, v); err != nil {
		return nil, false, err
	}
	return v, true, nil
}

func (d *DefaultDict) AttrNames() []string { return append([]string{"default_factory"}, dictNames...) }

func (d *DefaultDict) Attr(name string) (starlark.Value, error) {
	switch name {
	case "default_factory":
		return d.factory, nil
	case "copy":
		return method("defaultdict", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return &DefaultDict{mapping: mapping{d.copyDict()}, factory: d.factory, sess: d.sess}, session.NoArgs(b, args, kwargs)
		}), nil
	}
	if v, err := d.dictAttr(name); v != nil || err != nil {
		return v, err
	}
	return nil, fmt.Errorf("AttributeError: 'collections.defaultdict' object has no attribute '%s'", name)
}

// Operate is == and != with dicts and mappings.
func (d *DefaultDict) Operate(op string, x, y starlark.Value) (starlark.Value, error) {
	return mappingOperate(op, x, y, func(x, y starlark.Value) (bool, bool, error) { return false, false, nil })
}

// ---- OrderedDict ----

// OrderedDict is collections.OrderedDict: a dict that can move its keys
// to either end.
type OrderedDict struct{ mapping }

var (
	_ starlark.IterableMapping = (*OrderedDict)(nil)
	_ starlark.HasSetKey       = (*OrderedDict)(nil)
	_ starlark.Container       = (*OrderedDict)(nil)
)

func newOrderedDict(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 1 {
		return nil, fmt.Errorf("TypeError: expected at most 1 argument, got %d", len(args))
	}
	dv, err := starlark.Call(th, starlark.Universe["dict"], args, kwargs)
	if err != nil {
		return nil, err
	}
	return &OrderedDict{mapping{dv.(*starlark.Dict)}}, nil
}

func (o *OrderedDict) String() string {
	if o.d.Len() == 0 {
		return "OrderedDict()"
	}
	items := o.d.Items()
	parts := make([]string, len(items))
	for i, kv := range items {
		parts[i] = session.Repr(kv)
	}
	return "OrderedDict([" + strings.Join(parts, ", ") + "])"
}
func (o *OrderedDict) Type() string                 { return "OrderedDict" }
func (o *OrderedDict) PyClass() string              { return "collections.OrderedDict" }
func (o *OrderedDict) InstanceOf(class string) bool { return class == "OrderedDict" || class == "dict" }
func (o *OrderedDict) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'collections.OrderedDict'")
}
func (o *OrderedDict) Get(k starlark.Value) (starlark.Value, bool, error) {
	v, found, err := o.d.Get(k)
	if err == nil && !found {
		err = fmt.Errorf("KeyError: %s", session.Repr(k))
	}
	return v, found, err
}

func (o *OrderedDict) AttrNames() []string { return append([]string{"move_to_end"}, dictNames...) }

func (o *OrderedDict) Attr(name string) (starlark.Value, error) {
	switch name {
	case "move_to_end":
		return method("OrderedDict", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var key starlark.Value
			last := true
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "key", &key, "last?", &last); err != nil {
				return nil, err
			}
			v, found, err := o.d.Get(key)
			if err != nil {
				return nil, err
			}
			if !found {
				return nil, fmt.Errorf("KeyError: %s", session.Repr(key))
			}
			items := o.d.Items()
			if err := o.d.Clear(); err != nil {
				return nil, err
			}
			if !last {
				o.d.SetKey(key, v)
			}
			for _, kv := range items {
				if eq, _ := starlark.Equal(kv[0], key); !eq {
					o.d.SetKey(kv[0], kv[1])
				}
			}
			if last {
				o.d.SetKey(key, v)
			}
			return starlark.None, nil
		}), nil
	case "popitem":
		return method("OrderedDict", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			last := true
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "last?", &last); err != nil {
				return nil, err
			}
			items := o.d.Items()
			if len(items) == 0 {
				return nil, fmt.Errorf("KeyError: 'dictionary is empty'")
			}
			kv := items[len(items)-1]
			if !last {
				kv = items[0]
			}
			if _, _, err := o.d.Delete(kv[0]); err != nil {
				return nil, err
			}
			return kv, nil
		}), nil
	case "copy":
		return method("OrderedDict", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return &OrderedDict{mapping{o.copyDict()}}, session.NoArgs(b, args, kwargs)
		}), nil
	}
	if v, err := o.dictAttr(name); v != nil || err != nil {
		return v, err
	}
	return nil, fmt.Errorf("AttributeError: 'collections.OrderedDict' object has no attribute '%s'", name)
}

// Operate is == and !=: between OrderedDicts the order counts too.
func (o *OrderedDict) Operate(op string, x, y starlark.Value) (starlark.Value, error) {
	return mappingOperate(op, x, y, func(x, y starlark.Value) (bool, bool, error) {
		a, ok1 := x.(*OrderedDict)
		b, ok2 := y.(*OrderedDict)
		if !ok1 || !ok2 {
			return false, false, nil
		}
		ai, bi := a.d.Items(), b.d.Items()
		if len(ai) != len(bi) {
			return false, true, nil
		}
		for i := range ai {
			for j := 0; j < 2; j++ {
				if eq, err := equal(ai[i][j], bi[i][j]); err != nil || !eq {
					return false, true, err
				}
			}
		}
		return true, true, nil
	})
}
