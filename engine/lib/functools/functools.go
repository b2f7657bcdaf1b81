// Package functools is Python's functools module: reduce, partial,
// lru_cache and cache, cmp_to_key, wraps. The class decorators
// (total_ordering, singledispatch, cached_property) are refused by name:
// cells define no classes.
package functools

import (
	"container/list"
	"fmt"
	"strings"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/session"
)

// Module is a Python module implemented in Go.
type Module = session.Module

// Library is the functools module.
var Library = session.Library{Modules: modules, Docs: docs}

func modules(*session.Session) map[string]*Module {
	return map[string]*Module{"functools": NewModule()}
}

// NewModule returns the functools module.
func NewModule() *Module {
	refuse := func(name, why string) *starlark.Builtin {
		return session.Builtin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return nil, fmt.Errorf("NotImplementedError: functools.%s is not available in Burst: %s", name, why)
		})
	}
	return &Module{Name: "functools", Members: starlark.StringDict{
		"reduce":               session.Builtin("reduce", reduce),
		"partial":              session.Builtin("partial", newPartial),
		"lru_cache":            session.Builtin("lru_cache", lruCache),
		"cache":                session.Builtin("cache", cache),
		"cmp_to_key":           session.Builtin("cmp_to_key", cmpToKey),
		"wraps":                session.Builtin("wraps", wraps),
		"update_wrapper":       session.Builtin("update_wrapper", updateWrapper),
		"total_ordering":       refuse("total_ordering", "it decorates classes, and cells cannot define classes"),
		"singledispatch":       refuse("singledispatch", "dispatch on the type inside the function instead (if isinstance(x, int): …)"),
		"cached_property":      refuse("cached_property", "it decorates methods of classes, and cells cannot define classes"),
		"partialmethod":        refuse("partialmethod", "it makes methods of classes, and cells cannot define classes"),
		"singledispatchmethod": refuse("singledispatchmethod", "it makes methods of classes, and cells cannot define classes"),
	}}
}

func callable(what string, v starlark.Value) error {
	if _, ok := v.(starlark.Callable); !ok {
		return fmt.Errorf("TypeError: %s", what)
	}
	return nil
}

// reduce is reduce(function, iterable[, initial]).
func reduce(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: reduce() takes no keyword arguments")
	}
	if len(args) < 2 || len(args) > 3 {
		return nil, fmt.Errorf("TypeError: reduce expected at least 2 arguments, got %d", len(args))
	}
	fn, seq := args[0], args[1]
	if s, ok := seq.(starlark.String); ok {
		seq = session.Chars(s)
	}
	it := starlark.Iterate(seq)
	if it == nil {
		return nil, fmt.Errorf("TypeError: reduce() arg 2 must support iteration")
	}
	defer it.Done()
	var acc starlark.Value
	if len(args) == 3 {
		acc = args[2]
	} else if !it.Next(&acc) {
		return nil, fmt.Errorf("TypeError: reduce() of empty iterable with no initial value")
	}
	if err := callable(fmt.Sprintf("'%s' object is not callable", session.TypeName(fn)), fn); err != nil {
		return nil, err
	}
	pair := make(starlark.Tuple, 2)
	var x starlark.Value
	for it.Next(&x) {
		// One argument tuple for the whole loop: Starlark functions copy
		// their arguments into their own frame.
		pair[0], pair[1] = acc, x
		var err error
		if acc, err = starlark.Call(th, fn, pair, nil); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

// partial is functools.partial: fn with args and keywords filled in.
type partial struct {
	fn       starlark.Value
	args     starlark.Tuple
	keywords *starlark.Dict
}

var (
	_ starlark.Callable = (*partial)(nil)
	_ starlark.HasAttrs = (*partial)(nil)
)

func newPartial(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("TypeError: type 'partial' takes at least one argument")
	}
	fn := args[0]
	if err := callable("the first argument must be callable", fn); err != nil {
		return nil, err
	}
	p := &partial{fn: fn, keywords: starlark.NewDict(len(kwargs))}
	// A partial of a partial is flattened, as CPython's is.
	if inner, ok := fn.(*partial); ok {
		p.fn = inner.fn
		p.args = append(p.args, inner.args...)
		for _, kv := range inner.keywords.Items() {
			p.keywords.SetKey(kv[0], kv[1])
		}
	}
	p.args = append(p.args, args[1:]...)
	for _, kv := range kwargs {
		p.keywords.SetKey(kv[0], kv[1])
	}
	return p, nil
}

func (p *partial) String() string {
	var b strings.Builder
	b.WriteString("functools.partial(" + session.Repr(p.fn))
	for _, a := range p.args {
		b.WriteString(", " + session.Repr(a))
	}
	for _, kv := range p.keywords.Items() {
		b.WriteString(", " + string(kv[0].(starlark.String)) + "=" + session.Repr(kv[1]))
	}
	b.WriteString(")")
	return b.String()
}
func (p *partial) Type() string         { return "functools.partial" }
func (p *partial) Name() string         { return "partial" }
func (p *partial) Freeze()              { p.fn.Freeze(); p.args.Freeze(); p.keywords.Freeze() }
func (p *partial) Truth() starlark.Bool { return true }
func (p *partial) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'functools.partial'")
}

// Attr implements starlark.HasAttrs.
func (p *partial) Attr(name string) (starlark.Value, error) {
	switch name {
	case "func":
		return p.fn, nil
	case "args":
		return p.args, nil
	case "keywords":
		return p.keywords, nil
	}
	return nil, nil
}

// AttrNames implements starlark.HasAttrs.
func (p *partial) AttrNames() []string { return []string{"args", "func", "keywords"} }

// CallInternal implements starlark.Callable.
func (p *partial) CallInternal(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	all := make(starlark.Tuple, 0, len(p.args)+len(args))
	all = append(append(all, p.args...), args...)
	kw := kwargs
	if p.keywords.Len() > 0 {
		// The call's keywords override the partial's.
		kw = make([]starlark.Tuple, 0, p.keywords.Len()+len(kwargs))
		for _, item := range p.keywords.Items() {
			overridden := false
			for _, kv := range kwargs {
				if kv[0] == item[0] {
					overridden = true
					break
				}
			}
			if !overridden {
				kw = append(kw, item)
			}
		}
		kw = append(kw, kwargs...)
	}
	return starlark.Call(th, p.fn, all, kw)
}

// ---- lru_cache ----

func lruCache(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var maxsize starlark.Value = starlark.MakeInt(128)
	typed := false
	if err := starlark.UnpackArgs("lru_cache", args, kwargs, "maxsize?", &maxsize, "typed?", &typed); err != nil {
		return nil, err
	}
	// @lru_cache without parentheses: the function itself.
	if _, ok := maxsize.(starlark.Callable); ok {
		return newCached(maxsize, 128, typed), nil
	}
	size := -1
	switch m := maxsize.(type) {
	case starlark.NoneType:
	case starlark.Int:
		n, ok := m.Int64()
		if !ok || n > 1<<40 {
			n = -1 // as good as unbounded
		}
		size = int(max(n, 0))
	default:
		return nil, fmt.Errorf("TypeError: Expected first argument to be an integer, a callable, or None")
	}
	return session.Builtin("decorating_function", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var fn starlark.Value
		if err := starlark.UnpackPositionalArgs("decorating_function", args, kwargs, 1, &fn); err != nil {
			return nil, err
		}
		if err := callable("the first argument must be callable", fn); err != nil {
			return nil, err
		}
		return newCached(fn, size, typed), nil
	}), nil
}

func cache(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := starlark.UnpackPositionalArgs("cache", args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	if err := callable("the first argument must be callable", fn); err != nil {
		return nil, err
	}
	return newCached(fn, -1, false), nil
}

// cached is a function wrapped by lru_cache: results by arguments, the
// least recently used dropped beyond maxsize (-1: no bound).
type cached struct {
	fn      starlark.Value
	maxsize int
	typed   bool

	// mu guards the cache: tasks may call the function from several
	// goroutines. It is not held while the function runs (it may call
	// itself).
	mu           sync.Mutex
	buckets      map[uint32][]*list.Element
	order        *list.List // of *entry, least recently used first
	hits, misses int
}

type entry struct {
	hash uint32
	key  starlark.Tuple
	val  starlark.Value
}

func newCached(fn starlark.Value, maxsize int, typed bool) *cached {
	return &cached{fn: fn, maxsize: maxsize, typed: typed, buckets: map[uint32][]*list.Element{}, order: list.New()}
}

var (
	_ starlark.Callable = (*cached)(nil)
	_ starlark.HasAttrs = (*cached)(nil)
)

func (c *cached) String() string {
	return fmt.Sprintf("<functools._lru_cache_wrapper object at %p>", c)
}
func (c *cached) Type() string { return "functools._lru_cache_wrapper" }
func (c *cached) Name() string {
	if n, ok := c.fn.(starlark.Callable); ok {
		return n.Name()
	}
	return "cached"
}
func (c *cached) Freeze()              {}
func (c *cached) Truth() starlark.Bool { return true }
func (c *cached) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'functools._lru_cache_wrapper'")
}

// Attr implements starlark.HasAttrs.
func (c *cached) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__wrapped__":
		return c.fn, nil
	case "cache_info":
		return session.Builtin("cache_info", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := session.NoArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			c.mu.Lock()
			defer c.mu.Unlock()
			var maxsize starlark.Value = starlark.None
			if c.maxsize >= 0 {
				maxsize = starlark.MakeInt(c.maxsize)
			}
			return &cacheInfo{hits: c.hits, misses: c.misses, maxsize: maxsize, currsize: c.order.Len()}, nil
		}), nil
	case "cache_clear":
		return session.Builtin("cache_clear", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := session.NoArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			c.mu.Lock()
			defer c.mu.Unlock()
			c.buckets = map[uint32][]*list.Element{}
			c.order.Init()
			c.hits, c.misses = 0, 0
			return starlark.None, nil
		}), nil
	case "cache_parameters":
		return session.Builtin("cache_parameters", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			d := starlark.NewDict(2)
			var maxsize starlark.Value = starlark.None
			if c.maxsize >= 0 {
				maxsize = starlark.MakeInt(c.maxsize)
			}
			d.SetKey(starlark.String("maxsize"), maxsize)
			d.SetKey(starlark.String("typed"), starlark.Bool(c.typed))
			return d, nil
		}), nil
	}
	return nil, nil
}

// AttrNames implements starlark.HasAttrs.
func (c *cached) AttrNames() []string {
	return []string{"__wrapped__", "cache_clear", "cache_info", "cache_parameters"}
}

// kwdMark separates positional from keyword arguments in a cache key,
// as CPython's _make_key does.
type kwdMark struct{}

func (kwdMark) String() string        { return "<kwd_mark>" }
func (kwdMark) Type() string          { return "kwd_mark" }
func (kwdMark) Freeze()               {}
func (kwdMark) Truth() starlark.Bool  { return true }
func (kwdMark) Hash() (uint32, error) { return 0x9e3779b9, nil }

// key is the cache key of a call: its arguments, then its keywords, then
// (typed) the arguments' types.
func (c *cached) key(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Tuple, uint32, error) {
	key := args
	if len(kwargs) > 0 || c.typed {
		key = make(starlark.Tuple, 0, len(args)+1+2*len(kwargs)+len(args)+len(kwargs))
		key = append(key, args...)
		if len(kwargs) > 0 {
			key = append(key, kwdMark{})
			for _, kv := range kwargs {
				key = append(key, kv[0], kv[1])
			}
		}
		if c.typed {
			for _, a := range args {
				key = append(key, starlark.String(session.TypeName(a)))
			}
			for _, kv := range kwargs {
				key = append(key, starlark.String(session.TypeName(kv[1])))
			}
		}
	}
	h, err := key.Hash()
	if err != nil {
		for _, v := range key {
			if _, err := v.Hash(); err != nil {
				return nil, 0, fmt.Errorf("TypeError: unhashable type: '%s'", session.TypeName(v))
			}
		}
		return nil, 0, err
	}
	return key, h, nil
}

// lookup finds the entry of key, or nil.
func (c *cached) lookup(key starlark.Tuple, h uint32) (*list.Element, error) {
	for _, el := range c.buckets[h] {
		if eq, err := starlark.EqualDepth(el.Value.(*entry).key, key, 10); err != nil {
			return nil, err
		} else if eq {
			return el, nil
		}
	}
	return nil, nil
}

// CallInternal implements starlark.Callable.
func (c *cached) CallInternal(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if c.maxsize == 0 {
		c.mu.Lock()
		c.misses++
		c.mu.Unlock()
		return starlark.Call(th, c.fn, args, kwargs)
	}
	key, h, err := c.key(args, kwargs)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	el, err := c.lookup(key, h)
	if err != nil {
		c.mu.Unlock()
		return nil, err
	}
	if el != nil {
		c.hits++
		c.order.MoveToBack(el)
		v := el.Value.(*entry).val
		c.mu.Unlock()
		return v, nil
	}
	c.misses++
	c.mu.Unlock()

	v, err := starlark.Call(th, c.fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	// The call may have cached the same key meanwhile (a recursive
	// function): keep one entry.
	if el, _ := c.lookup(key, h); el != nil {
		c.order.MoveToBack(el)
		return v, nil
	}
	if len(kwargs) == 0 && !c.typed {
		key = append(starlark.Tuple(nil), key...) // args may be reused by the caller
	}
	c.buckets[h] = append(c.buckets[h], c.order.PushBack(&entry{hash: h, key: key, val: v}))
	if c.maxsize > 0 && c.order.Len() > c.maxsize {
		oldest := c.order.Front()
		c.order.Remove(oldest)
		e := oldest.Value.(*entry)
		b := c.buckets[e.hash]
		for i, x := range b {
			if x == oldest {
				b = append(b[:i], b[i+1:]...)
				break
			}
		}
		if len(b) == 0 {
			delete(c.buckets, e.hash)
		} else {
			c.buckets[e.hash] = b
		}
	}
	return v, nil
}

// cacheInfo is the named tuple cache_info() returns.
type cacheInfo struct {
	hits, misses int
	maxsize      starlark.Value
	currsize     int
}

var _ starlark.HasAttrs = (*cacheInfo)(nil)

func (ci *cacheInfo) String() string {
	return fmt.Sprintf("CacheInfo(hits=%d, misses=%d, maxsize=%s, currsize=%d)", ci.hits, ci.misses, session.Repr(ci.maxsize), ci.currsize)
}
func (ci *cacheInfo) Type() string          { return "functools._CacheInfo" }
func (ci *cacheInfo) Freeze()               {}
func (ci *cacheInfo) Truth() starlark.Bool  { return true }
func (ci *cacheInfo) Hash() (uint32, error) { return ci.tuple().Hash() }
func (ci *cacheInfo) tuple() starlark.Tuple {
	return starlark.Tuple{starlark.MakeInt(ci.hits), starlark.MakeInt(ci.misses), ci.maxsize, starlark.MakeInt(ci.currsize)}
}

// Attr implements starlark.HasAttrs.
func (ci *cacheInfo) Attr(name string) (starlark.Value, error) {
	switch name {
	case "hits":
		return starlark.MakeInt(ci.hits), nil
	case "misses":
		return starlark.MakeInt(ci.misses), nil
	case "maxsize":
		return ci.maxsize, nil
	case "currsize":
		return starlark.MakeInt(ci.currsize), nil
	}
	return nil, nil
}

// AttrNames implements starlark.HasAttrs.
func (ci *cacheInfo) AttrNames() []string { return []string{"currsize", "hits", "maxsize", "misses"} }

// Index and Len make it a sequence, as a named tuple is.
func (ci *cacheInfo) Index(i int) starlark.Value { return ci.tuple()[i] }
func (ci *cacheInfo) Len() int                   { return 4 }

// ---- cmp_to_key ----

func cmpToKey(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var cmp starlark.Value
	if err := starlark.UnpackArgs("cmp_to_key", args, kwargs, "mycmp", &cmp); err != nil {
		return nil, err
	}
	if err := callable(fmt.Sprintf("'%s' object is not callable", session.TypeName(cmp)), cmp); err != nil {
		return nil, err
	}
	return &keyFunc{cmp: cmp}, nil
}

// keyFunc is what cmp_to_key returns: a callable making keys that
// compare by calling cmp.
type keyFunc struct{ cmp starlark.Value }

func (k *keyFunc) String() string       { return fmt.Sprintf("<functools.KeyWrapper object at %p>", k) }
func (k *keyFunc) Type() string         { return "functools.KeyWrapper" }
func (k *keyFunc) Name() string         { return "K" }
func (k *keyFunc) Freeze()              {}
func (k *keyFunc) Truth() starlark.Bool { return true }
func (k *keyFunc) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'functools.KeyWrapper'")
}

// CallInternal implements starlark.Callable.
func (k *keyFunc) CallInternal(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var obj starlark.Value
	if err := starlark.UnpackArgs("K", args, kwargs, "obj", &obj); err != nil {
		return nil, err
	}
	// Comparisons have no thread: the key keeps the one that made it.
	return &cmpKey{obj: obj, cmp: k.cmp, thread: th}, nil
}

// cmpKey is a key of cmp_to_key: x < y when cmp(x, y) < 0.
type cmpKey struct {
	obj, cmp starlark.Value
	thread   *starlark.Thread
}

var _ starlark.Comparable = (*cmpKey)(nil)

func (k *cmpKey) String() string       { return fmt.Sprintf("<functools.KeyWrapper object at %p>", k) }
func (k *cmpKey) Type() string         { return "functools.KeyWrapper" }
func (k *cmpKey) Freeze()              {}
func (k *cmpKey) Truth() starlark.Bool { return true }
func (k *cmpKey) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'functools.KeyWrapper'")
}

// Attr gives obj, the wrapped value.
func (k *cmpKey) Attr(name string) (starlark.Value, error) {
	if name == "obj" {
		return k.obj, nil
	}
	return nil, nil
}

// AttrNames implements starlark.HasAttrs.
func (k *cmpKey) AttrNames() []string { return []string{"obj"} }

// CompareSameType implements starlark.Comparable.
func (k *cmpKey) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	r, err := starlark.Call(k.thread, k.cmp, starlark.Tuple{k.obj, y.(*cmpKey).obj}, nil)
	if err != nil {
		return false, err
	}
	// cmp returns a number; compare it with 0 by op.
	return starlark.Compare(op, r, starlark.MakeInt(0))
}

// ---- wraps ----

func wraps(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var wrapped, assigned, updated starlark.Value
	if err := starlark.UnpackArgs("wraps", args, kwargs, "wrapped", &wrapped, "assigned?", &assigned, "updated?", &updated); err != nil {
		return nil, err
	}
	// Cell functions have no __name__ or __doc__ to copy: the decorator
	// returns the wrapper as it is.
	return session.Builtin("decorator", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var wrapper starlark.Value
		if err := starlark.UnpackPositionalArgs("decorator", args, kwargs, 1, &wrapper); err != nil {
			return nil, err
		}
		return wrapper, nil
	}), nil
}

func updateWrapper(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var wrapper, wrapped, assigned, updated starlark.Value
	if err := starlark.UnpackArgs("update_wrapper", args, kwargs, "wrapper", &wrapper, "wrapped", &wrapped, "assigned?", &assigned, "updated?", &updated); err != nil {
		return nil, err
	}
	return wrapper, nil
}
