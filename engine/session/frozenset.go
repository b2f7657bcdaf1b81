package session

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// frozenSet is Python's frozenset: an immutable, hashable set (a frozen
// Starlark set underneath), usable as a dict key or a set's item.
type frozenSet struct{ s *starlark.Set }

var (
	_ starlark.Iterable   = (*frozenSet)(nil)
	_ starlark.Sequence   = (*frozenSet)(nil)
	_ starlark.Container  = (*frozenSet)(nil)
	_ starlark.Comparable = (*frozenSet)(nil)
	_ starlark.HasBinary  = (*frozenSet)(nil)
)

// newFrozenSet freezes s (which the caller no longer changes).
func newFrozenSet(s *starlark.Set) *frozenSet {
	s.Freeze()
	return &frozenSet{s}
}

func (f *frozenSet) Type() string                       { return "frozenset" }
func (f *frozenSet) Freeze()                            {}
func (f *frozenSet) Truth() starlark.Bool               { return f.s.Len() > 0 }
func (f *frozenSet) Len() int                           { return f.s.Len() }
func (f *frozenSet) Iterate() starlark.Iterator         { return f.s.Iterate() }
func (f *frozenSet) Has(x starlark.Value) (bool, error) { return f.s.Has(x) }

func (f *frozenSet) String() string {
	if f.s.Len() == 0 {
		return "frozenset()"
	}
	parts := make([]string, 0, f.s.Len())
	for e := range f.s.Elements() {
		parts = append(parts, Repr(e))
	}
	return "frozenset({" + strings.Join(parts, ", ") + "})"
}

// Hash is CPython's frozenset hash of the items' hashes (pyHash).
func (f *frozenSet) Hash() (uint32, error) {
	h, err := f.pyHash()
	return uint32(h) ^ uint32(h>>32), err
}

func (f *frozenSet) pyHash() (int64, error) {
	shuffle := func(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }
	var hash uint64
	for e := range f.s.Elements() {
		h, err := pyHash(e)
		if err != nil {
			return 0, err
		}
		hash ^= shuffle(uint64(h))
	}
	hash ^= (uint64(f.s.Len()) + 1) * 1927868237
	hash ^= (hash >> 11) ^ (hash >> 25)
	hash = hash*69069 + 907133923
	if int64(hash) == -1 {
		hash = 590923713
	}
	return int64(hash), nil
}

// CompareSameType compares two frozensets as sets: == and subsets.
func (f *frozenSet) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	g := y.(*frozenSet)
	sub := func(a, b *starlark.Set) bool {
		for e := range a.Elements() {
			if ok, _ := b.Has(e); !ok {
				return false
			}
		}
		return true
	}
	switch op {
	case syntax.EQL:
		return f.s.Len() == g.s.Len() && sub(f.s, g.s), nil
	case syntax.NEQ:
		return !(f.s.Len() == g.s.Len() && sub(f.s, g.s)), nil
	case syntax.LE:
		return sub(f.s, g.s), nil
	case syntax.GE:
		return sub(g.s, f.s), nil
	case syntax.LT:
		return f.s.Len() < g.s.Len() && sub(f.s, g.s), nil
	case syntax.GT:
		return f.s.Len() > g.s.Len() && sub(g.s, f.s), nil
	}
	return false, fmt.Errorf("TypeError: unsupported comparison of frozensets")
}

// Binary is | & - ^ with a set or a frozenset: a frozenset when the
// left operand is one, as in Python.
func (f *frozenSet) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	other := func(v starlark.Value) *starlark.Set {
		switch v := v.(type) {
		case *frozenSet:
			return v.s
		case *starlark.Set:
			return v
		}
		return nil
	}
	o := other(y)
	if o == nil {
		return nil, nil
	}
	x, z := f.s, o
	if side == starlark.Right {
		x, z = o, f.s
	}
	name := map[syntax.Token]string{syntax.PIPE: "union", syntax.AMP: "intersection", syntax.MINUS: "difference", syntax.CIRCUMFLEX: "symmetric_difference"}[op]
	if name == "" {
		return nil, nil
	}
	r, err := combine(x, name, z)
	if err != nil {
		return nil, err
	}
	if side == starlark.Right {
		return r, nil
	}
	return newFrozenSet(r), nil
}

// frozenMethod is the set method name on a frozenset: the ones that do
// not change it, their set results frozen.
func frozenMethod(f *frozenSet, name string) (starlark.Value, bool) {
	switch name {
	case "copy":
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := NoArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			return f, nil
		}), true
	case "union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint":
	default:
		return nil, false
	}
	fn := setMethods[name]
	return starlark.NewBuiltin(name, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		r, err := fn(th, starlark.NewBuiltin(name, nil).BindReceiver(f.s), args, kwargs)
		if s, ok := r.(*starlark.Set); ok && err == nil {
			if s == f.s {
				return f, nil
			}
			return newFrozenSet(s), nil
		}
		return r, err
	}).BindReceiver(f), true
}

// pyFrozenset is frozenset(iterable=()).
func pyFrozenset(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("frozenset", args, kwargs, 0, &x); err != nil {
		return nil, err
	}
	s := starlark.NewSet(0)
	if x != nil {
		if f, ok := x.(*frozenSet); ok {
			return f, nil
		}
		it, err := iterOf(x)
		if err != nil {
			return nil, err
		}
		defer it.Done()
		var e starlark.Value
		for it.Next(&e) {
			if err := s.Insert(e); err != nil {
				return nil, fmt.Errorf("TypeError: unhashable type: '%s'", TypeName(e))
			}
		}
	}
	return newFrozenSet(s), nil
}

// Attr is a frozenset's method name.
func (f *frozenSet) Attr(name string) (starlark.Value, error) {
	if m, ok := frozenMethod(f, name); ok {
		return m, nil
	}
	return nil, nil
}

// AttrNames are a frozenset's methods.
func (f *frozenSet) AttrNames() []string {
	return []string{"copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset", "symmetric_difference", "union"}
}
