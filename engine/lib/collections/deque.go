package collections

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/session"
)

// Deque is collections.deque: a sequence with fast appends and pops at
// both ends, optionally bounded (maxlen drops items from the other end).
type Deque struct {
	items  []starlark.Value
	maxlen int // -1: unbounded
	frozen bool
}

var (
	_ starlark.Indexable   = (*Deque)(nil)
	_ starlark.HasSetIndex = (*Deque)(nil)
	_ starlark.HasAttrs    = (*Deque)(nil)
	_ starlark.Container   = (*Deque)(nil)
	_ starlark.Comparable  = (*Deque)(nil)
	_ starlark.HasBinary   = (*Deque)(nil)
)

func newDeque(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var iterable, maxlen starlark.Value = starlark.Tuple{}, starlark.None
	if err := starlark.UnpackArgs("deque", args, kwargs, "iterable?", &iterable, "maxlen?", &maxlen); err != nil {
		return nil, err
	}
	d := &Deque{maxlen: -1}
	if maxlen != starlark.None {
		n, err := starlark.AsInt32(maxlen)
		if err != nil {
			return nil, fmt.Errorf("TypeError: an integer is required")
		}
		if n < 0 {
			return nil, fmt.Errorf("ValueError: maxlen must be non-negative")
		}
		d.maxlen = n
	}
	items, err := values(iterable)
	if err != nil {
		return nil, err
	}
	for _, x := range items {
		d.push(x, false)
	}
	return d, nil
}

// push appends x at the right (or the left), dropping from the other
// end when the deque is full.
func (d *Deque) push(x starlark.Value, left bool) {
	if d.maxlen == 0 {
		return
	}
	if left {
		d.items = append([]starlark.Value{x}, d.items...)
		if d.maxlen >= 0 && len(d.items) > d.maxlen {
			d.items = d.items[:d.maxlen]
		}
		return
	}
	d.items = append(d.items, x)
	if d.maxlen >= 0 && len(d.items) > d.maxlen {
		d.items = append([]starlark.Value(nil), d.items[len(d.items)-d.maxlen:]...)
	}
}

func (d *Deque) String() string {
	parts := make([]string, len(d.items))
	for i, x := range d.items {
		parts[i] = session.Repr(x)
	}
	s := "deque([" + strings.Join(parts, ", ") + "]"
	if d.maxlen >= 0 {
		s += fmt.Sprintf(", maxlen=%d", d.maxlen)
	}
	return s + ")"
}
func (d *Deque) Type() string                 { return "deque" }
func (d *Deque) PyClass() string              { return "collections.deque" }
func (d *Deque) InstanceOf(class string) bool { return class == "deque" }
func (d *Deque) Freeze() {
	if !d.frozen {
		d.frozen = true
		for _, x := range d.items {
			x.Freeze()
		}
	}
}
func (d *Deque) Truth() starlark.Bool { return len(d.items) > 0 }
func (d *Deque) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'collections.deque'")
}
func (d *Deque) Len() int { return len(d.items) }
func (d *Deque) Index(i int) starlark.Value {
	return d.items[i]
}
func (d *Deque) Iterate() starlark.Iterator {
	return starlark.Tuple(append([]starlark.Value(nil), d.items...)).Iterate()
}
func (d *Deque) Has(x starlark.Value) (bool, error) { return starlark.Tuple(d.items).Has(x) }

func (d *Deque) check() error {
	if d.frozen {
		return fmt.Errorf("TypeError: cannot modify a frozen deque")
	}
	return nil
}

// SetIndex is d[i] = x.
func (d *Deque) SetIndex(i int, x starlark.Value) error {
	if err := d.check(); err != nil {
		return err
	}
	d.items[i] = x
	return nil
}

// CompareSameType compares deques as Python compares sequences.
func (d *Deque) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, starlark.Tuple(d.items), starlark.Tuple(y.(*Deque).items), depth)
}

// Binary is deque + deque.
func (d *Deque) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	o, ok := y.(*Deque)
	if op != syntax.PLUS || !ok {
		return nil, nil
	}
	a, b := d, o
	if side == starlark.Right {
		a, b = o, d
	}
	out := &Deque{maxlen: a.maxlen}
	for _, x := range append(append([]starlark.Value(nil), a.items...), b.items...) {
		out.push(x, false)
	}
	return out, nil
}

func (d *Deque) AttrNames() []string {
	return []string{"append", "appendleft", "clear", "copy", "count", "extend", "extendleft", "index", "insert", "maxlen", "pop", "popleft", "remove", "reverse", "rotate"}
}

func (d *Deque) Attr(name string) (starlark.Value, error) {
	m := func(fn session.Func) (starlark.Value, error) { return method("deque", name, fn), nil }
	one := func(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		return x, nil
	}
	switch name {
	case "maxlen":
		if d.maxlen < 0 {
			return starlark.None, nil
		}
		return starlark.MakeInt(d.maxlen), nil
	case "append", "appendleft":
		return m(func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			x, err := one(b, args, kwargs)
			if err != nil {
				return nil, err
			}
			if err := d.check(); err != nil {
				return nil, err
			}
			d.push(x, name == "appendleft")
			return starlark.None, nil
		})
	case "extend", "extendleft":
		return m(func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			x, err := one(b, args, kwargs)
			if err != nil {
				return nil, err
			}
			if err := d.check(); err != nil {
				return nil, err
			}
			items, err := values(x)
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				d.push(it, name == "extendleft")
			}
			return starlark.None, nil
		})
	case "pop", "popleft":
		return m(func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := session.NoArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			if err := d.check(); err != nil {
				return nil, err
			}
			if len(d.items) == 0 {
				return nil, fmt.Errorf("IndexError: pop from an empty deque")
			}
			var x starlark.Value
			if name == "pop" {
				x = d.items[len(d.items)-1]
				d.items = d.items[:len(d.items)-1]
			} else {
				x = d.items[0]
				d.items = d.items[1:]
			}
			return x, nil
		})
	case "rotate":
		return m(func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			n := 1
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &n); err != nil {
				return nil, err
			}
			if err := d.check(); err != nil {
				return nil, err
			}
			if k := len(d.items); k > 0 {
				n = ((n % k) + k) % k
				d.items = append(append([]starlark.Value(nil), d.items[k-n:]...), d.items[:k-n]...)
			}
			return starlark.None, nil
		})
	case "clear":
		return m(func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := d.check(); err != nil {
				return nil, err
			}
			d.items = nil
			return starlark.None, session.NoArgs(b, args, kwargs)
		})
	case "count":
		return m(func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			x, err := one(b, args, kwargs)
			if err != nil {
				return nil, err
			}
			n := 0
			for _, it := range d.items {
				if eq, err := equal(it, x); err != nil {
					return nil, err
				} else if eq {
					n++
				}
			}
			return starlark.MakeInt(n), nil
		})
	case "index":
		return m(func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x starlark.Value
			start, stop := 0, len(d.items)
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x, &start, &stop); err != nil {
				return nil, err
			}
			for i := max(start, 0); i < min(stop, len(d.items)); i++ {
				if eq, err := equal(d.items[i], x); err != nil {
					return nil, err
				} else if eq {
					return starlark.MakeInt(i), nil
				}
			}
			return nil, fmt.Errorf("ValueError: %s is not in deque", session.Repr(x))
		})
	case "remove":
		return m(func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			x, err := one(b, args, kwargs)
			if err != nil {
				return nil, err
			}
			if err := d.check(); err != nil {
				return nil, err
			}
			for i, it := range d.items {
				if eq, err := equal(it, x); err != nil {
					return nil, err
				} else if eq {
					d.items = append(d.items[:i:i], d.items[i+1:]...)
					return starlark.None, nil
				}
			}
			return nil, fmt.Errorf("ValueError: %s is not in deque", session.Repr(x))
		})
	case "reverse":
		return m(func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := d.check(); err != nil {
				return nil, err
			}
			for i, j := 0, len(d.items)-1; i < j; i, j = i+1, j-1 {
				d.items[i], d.items[j] = d.items[j], d.items[i]
			}
			return starlark.None, session.NoArgs(b, args, kwargs)
		})
	case "copy":
		return m(func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return &Deque{items: append([]starlark.Value(nil), d.items...), maxlen: d.maxlen}, session.NoArgs(b, args, kwargs)
		})
	case "insert":
		return m(func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var i int
			var x starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &i, &x); err != nil {
				return nil, err
			}
			if err := d.check(); err != nil {
				return nil, err
			}
			if d.maxlen >= 0 && len(d.items) >= d.maxlen {
				return nil, fmt.Errorf("IndexError: deque already at its maximum size")
			}
			k := len(d.items)
			if i < 0 {
				i = max(i+k, 0)
			}
			i = min(i, k)
			d.items = append(d.items[:i:i], append([]starlark.Value{x}, d.items[i:]...)...)
			return starlark.None, nil
		})
	}
	return nil, fmt.Errorf("AttributeError: 'collections.deque' object has no attribute '%s'", name)
}
