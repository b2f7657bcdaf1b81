package session

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
)

// dictView is what dict.keys(), values() and items() return in Python: a
// live view of the dict, iterable, sized and searchable with in, shown
// as dict_keys([...]).
type dictView struct {
	d    *starlark.Dict
	kind string // "keys", "values" or "items"
}

var (
	_ starlark.Iterable  = (*dictView)(nil)
	_ starlark.Sequence  = (*dictView)(nil)
	_ starlark.Container = (*dictView)(nil)
)

func (v *dictView) Type() string         { return "dict_" + v.kind }
func (v *dictView) Freeze()              { v.d.Freeze() }
func (v *dictView) Truth() starlark.Bool { return v.d.Len() > 0 }
func (v *dictView) Len() int             { return v.d.Len() }
func (v *dictView) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: '%s'", v.Type())
}

func (v *dictView) String() string {
	var b strings.Builder
	b.WriteString(v.Type() + "([")
	i := 0
	for k, x := range v.d.Entries() {
		if i > 0 {
			b.WriteString(", ")
		}
		switch v.kind {
		case "keys":
			b.WriteString(Repr(k))
		case "values":
			b.WriteString(Repr(x))
		default:
			b.WriteString("(" + Repr(k) + ", " + Repr(x) + ")")
		}
		i++
	}
	b.WriteString("])")
	return b.String()
}

// Iterate iterates over the keys, values or (key, value) pairs.
func (v *dictView) Iterate() starlark.Iterator {
	if v.kind == "keys" {
		return v.d.Iterate()
	}
	items := v.d.Items()
	vals := make([]starlark.Value, len(items))
	for i, kv := range items {
		if v.kind == "values" {
			vals[i] = kv[1]
		} else {
			vals[i] = kv
		}
	}
	return &sliceIter{items: vals}
}

// Has is x in the view.
func (v *dictView) Has(x starlark.Value) (bool, error) {
	switch v.kind {
	case "keys":
		_, found, _ := v.d.Get(x)
		return found, nil
	case "items":
		kv, ok := x.(starlark.Tuple)
		if !ok || len(kv) != 2 {
			return false, nil
		}
		y, found, _ := v.d.Get(kv[0])
		if !found {
			return false, nil
		}
		return pyEqual(y, kv[1])
	}
	for _, y := range v.d.Entries() {
		if eq, err := pyEqual(y, x); eq || err != nil {
			return eq, err
		}
	}
	return false, nil
}

// dictViewMethod is dict.keys, dict.values or dict.items.
func dictViewMethod(kind string) Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return &dictView{d: b.Receiver().(*starlark.Dict), kind: kind}, nil
	}
}
