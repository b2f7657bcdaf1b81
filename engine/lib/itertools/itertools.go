package itertools

import (
	"fmt"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/session"
)

// Module is a Python module implemented in Go.
type Module = session.Module

// Library is the itertools module.
var Library = session.Library{Modules: modules, Docs: docs}

func modules(*session.Session) map[string]*Module {
	return map[string]*Module{"itertools": NewModule()}
}

// NewModule returns the itertools module.
func NewModule() *Module {
	b := session.Builtin
	return &Module{Name: "itertools", Members: starlark.StringDict{
		"count":                         b("count", count),
		"cycle":                         b("cycle", cycle),
		"repeat":                        b("repeat", repeat),
		"accumulate":                    b("accumulate", accumulate),
		"chain":                         chainType{},
		"compress":                      b("compress", compress),
		"dropwhile":                     b("dropwhile", whileFunc("dropwhile")),
		"takewhile":                     b("takewhile", whileFunc("takewhile")),
		"filterfalse":                   b("filterfalse", filterfalse),
		"groupby":                       b("groupby", groupby),
		"islice":                        b("islice", islice),
		"pairwise":                      b("pairwise", pairwise),
		"starmap":                       b("starmap", starmap),
		"tee":                           b("tee", tee),
		"zip_longest":                   b("zip_longest", zipLongest),
		"product":                       b("product", product),
		"permutations":                  b("permutations", permutations),
		"combinations":                  b("combinations", combinations(false)),
		"combinations_with_replacement": b("combinations_with_replacement", combinations(true)),
	}}
}

func isNumber(v starlark.Value) bool {
	switch v.(type) {
	case starlark.Int, starlark.Float, starlark.Bool:
		return true
	}
	return false
}

func count(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var start, step starlark.Value = starlark.MakeInt(0), starlark.MakeInt(1)
	if err := starlark.UnpackArgs("count", args, kwargs, "start?", &start, "step?", &step); err != nil {
		return nil, err
	}
	if !isNumber(start) || !isNumber(step) {
		return nil, fmt.Errorf("TypeError: a number is required")
	}
	cur := start
	it := newIterator("count", func(p *starlark.Value) bool {
		*p = cur
		next, err := starlark.Binary(syntax.PLUS, cur, step)
		if err != nil {
			fail(th, err)
		}
		cur = next
		return true
	})
	it.repr = func() string {
		if one, ok := step.(starlark.Int); ok && one == starlark.MakeInt(1) {
			return "count(" + session.Repr(cur) + ")"
		}
		return "count(" + session.Repr(cur) + ", " + session.Repr(step) + ")"
	}
	return it, nil
}

func cycle(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("cycle", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	src, err := source(v)
	if err != nil {
		return nil, err
	}
	var saved []starlark.Value
	i := -1 // replaying saved[i] once the source is exhausted
	return newIterator("cycle", func(p *starlark.Value) bool {
		if i < 0 {
			if src(p) {
				saved = append(saved, *p)
				return true
			}
			if len(saved) == 0 {
				return false
			}
			i = 0
		}
		*p = saved[i]
		i = (i + 1) % len(saved)
		return true
	}), nil
}

func repeat(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var obj, times starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("repeat", args, kwargs, "object", &obj, "times?", &times); err != nil {
		return nil, err
	}
	left := -1 // forever
	if times != starlark.None {
		n, err := starlark.AsInt32(times)
		if err != nil {
			return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", session.TypeName(times))
		}
		left = max(n, 0)
	}
	it := newIterator("repeat", func(p *starlark.Value) bool {
		if left == 0 {
			return false
		}
		if left > 0 {
			left--
		}
		*p = obj
		return true
	})
	it.repr = func() string {
		if left < 0 {
			return "repeat(" + session.Repr(obj) + ")"
		}
		return fmt.Sprintf("repeat(%s, %d)", session.Repr(obj), left)
	}
	return it, nil
}

func accumulate(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v, fn, initial starlark.Value = nil, starlark.None, starlark.None
	if err := starlark.UnpackArgs("accumulate", args, kwargs, "iterable", &v, "func?", &fn, "initial?", &initial); err != nil {
		return nil, err
	}
	src, err := source(v)
	if err != nil {
		return nil, err
	}
	var c caller
	if fn != starlark.None {
		if c, err = callerOf(th, "accumulate", fn, false); err != nil {
			return nil, err
		}
	}
	var total starlark.Value
	if initial != starlark.None {
		total = initial
	}
	first := true
	return newIterator("accumulate", func(p *starlark.Value) bool {
		if first && total != nil {
			first = false
			*p = total
			return true
		}
		first = false
		var x starlark.Value
		if !src(&x) {
			return false
		}
		switch {
		case total == nil:
			total = x
		case fn == starlark.None:
			r, err := starlark.Binary(syntax.PLUS, total, x)
			if err != nil {
				fail(th, err)
			}
			total = r
		default:
			total = c.call(total, x)
		}
		*p = total
		return true
	}), nil
}

// chainType is itertools.chain: callable, with chain.from_iterable.
type chainType struct{}

var (
	_ starlark.Callable = chainType{}
	_ starlark.HasAttrs = chainType{}
)

func (chainType) String() string { return "<class 'itertools.chain'>" }

// Type is the class's name, under which help() finds its documentation.
func (chainType) Type() string { return "itertools.chain" }

// PyClass makes type(chain) the class of classes, as in Python.
func (chainType) PyClass() string       { return "type" }
func (chainType) Name() string          { return "chain" }
func (chainType) Freeze()               {}
func (chainType) Truth() starlark.Bool  { return true }
func (chainType) Hash() (uint32, error) { return starlark.String("itertools.chain").Hash() }

// Attr gives chain.from_iterable.
func (chainType) Attr(name string) (starlark.Value, error) {
	if name == "from_iterable" {
		return session.Builtin("from_iterable", func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs("from_iterable", args, kwargs, 1, &v); err != nil {
				return nil, err
			}
			outer, err := source(v)
			if err != nil {
				return nil, err
			}
			return chainOf(th, outer), nil
		}), nil
	}
	return nil, nil
}

// AttrNames implements starlark.HasAttrs.
func (chainType) AttrNames() []string { return []string{"from_iterable"} }

// CallInternal implements starlark.Callable.
func (chainType) CallInternal(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: chain() takes no keyword arguments")
	}
	i := 0
	return chainOf(th, func(p *starlark.Value) bool {
		if i >= len(args) {
			return false
		}
		*p = args[i]
		i++
		return true
	}), nil
}

// chainOf chains the iterables outer produces, each made an iterator
// only when reached (as CPython's chain: chain(1) fails when iterated).
func chainOf(th *starlark.Thread, outer nextFunc) *Iterator {
	var cur nextFunc
	return newIterator("chain", func(p *starlark.Value) bool {
		for {
			if cur != nil && cur(p) {
				return true
			}
			var v starlark.Value
			if !outer(&v) {
				return false
			}
			var err error
			if cur, err = source(v); err != nil {
				fail(th, err)
			}
		}
	})
}

func compress(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data, selectors starlark.Value
	if err := starlark.UnpackArgs("compress", args, kwargs, "data", &data, "selectors", &selectors); err != nil {
		return nil, err
	}
	d, err := source(data)
	if err != nil {
		return nil, err
	}
	s, err := source(selectors)
	if err != nil {
		return nil, err
	}
	return newIterator("compress", func(p *starlark.Value) bool {
		var sel starlark.Value
		for d(p) && s(&sel) {
			if sel.Truth() {
				return true
			}
		}
		return false
	}), nil
}

// whileFunc is dropwhile or takewhile.
func whileFunc(name string) session.Func {
	return func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var pred, v starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 2, &pred, &v); err != nil {
			return nil, err
		}
		src, err := source(v)
		if err != nil {
			return nil, err
		}
		c, err := callerOf(th, name, pred, false)
		if err != nil {
			return nil, err
		}
		done := false // dropwhile: done dropping; takewhile: done taking
		if name == "dropwhile" {
			return newIterator(name, func(p *starlark.Value) bool {
				for src(p) {
					if done || !c.truth(*p) {
						done = true
						return true
					}
				}
				return false
			}), nil
		}
		return newIterator(name, func(p *starlark.Value) bool {
			if done || !src(p) {
				return false
			}
			if !c.truth(*p) {
				done = true
				return false
			}
			return true
		}), nil
	}
}

func filterfalse(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var pred, v starlark.Value
	if err := starlark.UnpackPositionalArgs("filterfalse", args, kwargs, 2, &pred, &v); err != nil {
		return nil, err
	}
	src, err := source(v)
	if err != nil {
		return nil, err
	}
	c, err := callerOf(th, "filterfalse", pred, true)
	if err != nil {
		return nil, err
	}
	return newIterator("filterfalse", func(p *starlark.Value) bool {
		for src(p) {
			if !c.truth(*p) {
				return true
			}
		}
		return false
	}), nil
}

// groupby follows CPython's: the groups share the underlying iterator,
// so advancing groupby ends the group before.
func groupby(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v, key starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("groupby", args, kwargs, "iterable", &v, "key?", &key); err != nil {
		return nil, err
	}
	src, err := source(v)
	if err != nil {
		return nil, err
	}
	c, err := callerOf(th, "groupby", key, true)
	if err != nil {
		return nil, err
	}
	keyOf := func(x starlark.Value) starlark.Value {
		if key == starlark.None {
			return x
		}
		return c.call(x)
	}
	equal := func(x, y starlark.Value) bool {
		if x == nil || y == nil {
			return x == y
		}
		eq, err := starlark.Equal(x, y)
		if err != nil {
			fail(th, err)
		}
		return eq
	}
	var tgtKey, currKey, currValue starlark.Value
	generation := 0 // which group is current: an older grouper yields nothing more
	exhausted := false
	advance := func() bool {
		if exhausted || !src(&currValue) {
			exhausted = true
			return false
		}
		currKey = keyOf(currValue)
		return true
	}
	started := false
	return newIterator("groupby", func(p *starlark.Value) bool {
		generation++
		if !started {
			started = true
			if !advance() {
				return false
			}
		} else {
			for equal(currKey, tgtKey) {
				if !advance() {
					return false
				}
			}
		}
		if exhausted {
			return false
		}
		tgtKey = currKey
		mine, first := generation, true
		group := newIterator("_grouper", func(q *starlark.Value) bool {
			if generation != mine || exhausted {
				return false
			}
			if !first && !advance() {
				return false
			}
			first = false
			if !equal(currKey, tgtKey) {
				return false
			}
			*q = currValue
			return true
		})
		*p = starlark.Tuple{tgtKey, group}
		return true
	}), nil
}
