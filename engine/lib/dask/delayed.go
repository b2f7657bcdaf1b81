package dask

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/check"
	"burst/engine/codec"
	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/session"
)

// Delayed is dask.delayed's lazy value: the key of a task and the graph
// that computes it. Arithmetic, item and attribute access and method calls
// on it add tasks; compute() runs them.
type Delayed struct {
	key graph.Key
	g   graph.Graph
	// k is the kernel that made it: its operators get no thread.
	k *State
	// A Delayed made by attribute access remembers the object and the
	// name, so that calling it calls the method on the workers.
	obj  *Delayed
	attr string
	// held keeps a persisted value on the workers.
	held any
	// resolve makes res, the getattr task of an attribute access, once.
	resolve sync.Once
	res     *Delayed
}

var (
	_ starlark.HasAttrs  = (*Delayed)(nil)
	_ starlark.HasBinary = (*Delayed)(nil)
	_ starlark.Mapping   = (*Delayed)(nil)
	_ starlark.Callable  = (*Delayed)(nil)
	_ starlark.HasUnary  = (*Delayed)(nil)
)

func (d *Delayed) String() string        { return fmt.Sprintf("Delayed('%s')", d.key) }
func (d *Delayed) Type() string          { return "Delayed" }
func (d *Delayed) Freeze()               {}
func (d *Delayed) Truth() starlark.Bool  { return true }
func (d *Delayed) Hash() (uint32, error) { return starlark.String(d.key).Hash() }
func (d *Delayed) Name() string          { return string(d.key) }

// DelayedFunction is delayed(f): calling it adds a task calling f.
type DelayedFunction struct {
	fn   starlark.Callable
	pure bool
	name string // key prefix; the function's name by default
	key  graph.Key
}

func (f *DelayedFunction) String() string        { return fmt.Sprintf("Delayed('%s')", f.key) }
func (f *DelayedFunction) Type() string          { return "Delayed" }
func (f *DelayedFunction) Freeze()               {}
func (f *DelayedFunction) Truth() starlark.Bool  { return true }
func (f *DelayedFunction) Hash() (uint32, error) { return starlark.String(f.key).Hash() }
func (f *DelayedFunction) Name() string          { return f.fn.Name() }

func (f *DelayedFunction) CallInternal(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	name := f.name
	var rest []starlark.Tuple
	for _, kv := range kwargs {
		if string(kv[0].(starlark.String)) == "dask_key_name" {
			s, ok := kv[1].(starlark.String)
			if !ok {
				return nil, fmt.Errorf("TypeError: dask_key_name must be a str, not %s", session.TypeName(kv[1]))
			}
			return Of(th).delayedTask(string(s), true, delayedParams{Kind: "call"}, f.fn, args, rest)
		}
		rest = append(rest, kv)
	}
	return Of(th).delayedTask(name, f.pure, delayedParams{Kind: "call"}, f.fn, args, rest)
}

// newToken returns a fresh key token, as Dask's uuid for impure tasks.
func NewToken() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// pureToken hashes what a task does, for pure tasks: the same call gives
// the same key.
func pureToken(parts ...any) string { return graph.Tokenize(parts...) }

// delayed implements dask.delayed(obj, name=None, pure=False, nout=None).
func (k *State) delayed(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var obj starlark.Value
	var name string
	pure := false
	var nout, traverse starlark.Value
	if err := starlark.UnpackArgs("delayed", args, kwargs, "obj", &obj, "name?", &name, "pure?", &pure, "nout?", &nout, "traverse?", &traverse); err != nil {
		return nil, err
	}
	switch v := obj.(type) {
	case *Delayed, *DelayedFunction:
		return v, nil
	case starlark.Callable:
		if name == "" {
			name = funcName(v)
		}
		token := NewToken()
		if pure {
			token = pureToken("fn", name)
		}
		return &DelayedFunction{fn: v, pure: pure, name: name, key: graph.Key(name + "-" + token)}, nil
	}
	// A value: it becomes a task of its own; lists and dicts of Delayed
	// become a task that builds them.
	if name == "" {
		name = session.TypeName(obj)
	}
	return k.delayedTask(name, pure, delayedParams{Kind: "value"}, nil, starlark.Tuple{obj}, nil)
}

// delayedParams is the operation "delayed": one step of a delayed
// computation, run on a worker.
type delayedParams struct {
	// Kind: "call" (Fn, Builtin or Member with Args, Kwargs), "value"
	// (Args[0]), "binary" (Op on Args[0] and Args[1]), "unary",
	// "getitem" (Args[0][Args[1]]), "getattr" (Args[0].Name), "method"
	// (Args[0].Name(*Args[1:], **Kwargs)).
	Kind string `json:"kind"`
	session.FuncRef
	Args   json.RawMessage `json:"args,omitempty"`
	Kwargs json.RawMessage `json:"kwargs,omitempty"`
	Op     string          `json:"op,omitempty"`
	Name   string          `json:"name,omitempty"`
}

// RunTask runs a "delayed" task on a worker, on thread (bound to the
// worker's session): raw is its parameters, in its inputs; resolve finds
// the function it calls, and locates errors raised in a cell function's
// source.
func RunTask(thread *starlark.Thread, raw json.RawMessage, in []graph.Value, resolve func(session.FuncRef) (fn starlark.Callable, locate func(error) error, err error)) (graph.Value, error) {
	var p delayedParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, err
	}
	inputs := make([]starlark.Value, len(in))
	for i, v := range in {
		inputs[i] = toCell(v)
	}
	args, err := codec.DecodeArgs(p.Args, inputs)
	if err != nil {
		return nil, err
	}
	var kwargs []starlark.Tuple
	if len(p.Kwargs) > 0 {
		kw, err := codec.DecodeArgs(p.Kwargs, inputs)
		if err != nil {
			return nil, err
		}
		for _, it := range kw.(*starlark.Dict).Items() {
			kwargs = append(kwargs, starlark.Tuple{it[0], it[1]})
		}
	}
	var fn starlark.Callable
	locate := func(err error) error { return err }
	if p.Kind == "call" {
		if fn, locate, err = resolve(p.FuncRef); err != nil {
			return nil, err
		}
	}
	r, err := runDelayed(thread, p.Kind, p.Op, p.Name, fn, args.(starlark.Tuple), kwargs)
	if err != nil {
		return nil, locate(err)
	}
	return fromCell(r)
}

// runDelayed performs one delayed step on cell values.
func runDelayed(th *starlark.Thread, kind, op, name string, fn starlark.Callable, args starlark.Tuple, kwargs []starlark.Tuple) (_ starlark.Value, err error) {
	defer session.Recover(&err) // bool(array) in the function
	switch kind {
	case "call":
		return starlark.Call(th, fn, args, kwargs)
	case "value":
		return args[0], nil
	case "binary":
		tok, ok := binaryTokens[op]
		if !ok {
			return nil, fmt.Errorf("unknown operator %s", op)
		}
		return starlark.Binary(tok, args[0], args[1])
	case "unary":
		tok, ok := unaryTokens[op]
		if !ok {
			return nil, fmt.Errorf("unknown operator %s", op)
		}
		return starlark.Unary(tok, args[0])
	case "getitem":
		return getItem(args[0], args[1])
	case "getattr":
		return getAttr(args[0], name)
	case "method":
		m, err := getAttr(args[0], name)
		if err != nil {
			return nil, err
		}
		c, ok := m.(starlark.Callable)
		if !ok {
			return nil, fmt.Errorf("TypeError: '%s' object is not callable", session.TypeName(m))
		}
		return starlark.Call(th, c, args[1:], kwargs)
	}
	return nil, fmt.Errorf("unknown delayed step %q", kind)
}

var binaryTokens = map[string]syntax.Token{
	"+": syntax.PLUS, "-": syntax.MINUS, "*": syntax.STAR, "/": syntax.SLASH, "//": syntax.SLASHSLASH,
	"%": syntax.PERCENT, "&": syntax.AMP, "|": syntax.PIPE, "^": syntax.CIRCUMFLEX,
	"<<": syntax.LTLT, ">>": syntax.GTGT, "**": syntax.STARSTAR,
}

var unaryTokens = map[string]syntax.Token{"-": syntax.MINUS, "+": syntax.PLUS, "~": syntax.TILDE}

func getItem(x, key starlark.Value) (starlark.Value, error) {
	switch x := x.(type) {
	case starlark.Mapping:
		v, found, err := x.Get(key)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("KeyError: %s", session.Repr(key))
		}
		return v, nil
	case starlark.Indexable:
		i, err := starlark.AsInt32(key)
		if err != nil {
			return nil, fmt.Errorf("TypeError: indices must be integers, not %s", session.TypeName(key))
		}
		n := x.Len()
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return nil, fmt.Errorf("IndexError: index out of range")
		}
		return x.Index(i), nil
	}
	return nil, fmt.Errorf("TypeError: '%s' object is not subscriptable", session.TypeName(x))
}

func getAttr(x starlark.Value, name string) (starlark.Value, error) {
	if h, ok := x.(starlark.HasAttrs); ok {
		v, err := h.Attr(name)
		if err != nil {
			return nil, err
		}
		if v != nil {
			return v, nil
		}
	}
	return nil, fmt.Errorf("AttributeError: '%s' object has no attribute '%s'", session.TypeName(x), name)
}

// delayedTask adds a task of kind p.Kind over args to a new Delayed. The
// arguments' Delayed values become dependencies; eager frames travel as
// data. A function that cannot travel (a lambda, a closure over a Client)
// makes a task that runs in the kernel.
func (k *State) delayedTask(name string, pure bool, p delayedParams, fn starlark.Callable, args starlark.Tuple, kwargs []starlark.Tuple) (*Delayed, error) {
	g := graph.Graph{}
	var deps []graph.Key
	depIndex := map[graph.Key]int{}
	// refs replaces Delayed values (and eager frames) with references to
	// the task's inputs.
	leaf := func(v starlark.Value) (starlark.Value, bool, error) {
		switch x := v.(type) {
		case *Delayed:
			if x.obj != nil {
				x = x.Resolved()
			}
			for kk, t := range x.g {
				g[kk] = t
			}
			i, ok := depIndex[x.key]
			if !ok {
				i = len(deps)
				deps = append(deps, x.key)
				depIndex[x.key] = i
			}
			return depRef(i), true, nil
		case *Future:
			i, ok := depIndex[x.key]
			if !ok {
				i = len(deps)
				deps = append(deps, x.key)
				depIndex[x.key] = i
				g[x.key] = x.task()
			}
			return depRef(i), true, nil
		case *DelayedFunction:
			return x.fn, true, nil
		}
		if tv, ok := v.(session.TaskValuer); ok {
			switch ev := tv.TaskValue(); ev.(type) {
			case *frame.Frame, *frame.Series:
				key := graph.Key(fmt.Sprintf("%s-%s", strings.ToLower(session.TypeName(v)), NewToken()))
				g[key] = graph.LiteralTask(key, ev)
				i := len(deps)
				deps = append(deps, key)
				depIndex[key] = i
				return depRef(i), true, nil
			case *dataframe.Collection:
				return nil, true, fmt.Errorf("TypeError: a Dask collection cannot be an argument of a delayed call here; compute it first or use map_partitions")
			}
		}
		return nil, false, nil
	}
	refs := func(v starlark.Value) (starlark.Value, error) { return session.MapNested(v, leaf) }
	rargs, err := refs(args)
	if err != nil {
		return nil, err
	}
	kwd := starlark.NewDict(len(kwargs))
	for _, kv := range kwargs {
		v, err := refs(kv[1])
		if err != nil {
			return nil, err
		}
		kwd.SetKey(kv[0], v)
	}
	var stage graph.Stage
	portable := true
	if fn != nil && p.Kind == "call" {
		if r := k.runner(); r == nil {
			portable = false
		} else {
			ref, ok, err := r.FuncRef(fn)
			if err != nil {
				return nil, fmt.Errorf("TypeError: %v: pass the values it needs as arguments instead", err)
			}
			if ok {
				p.FuncRef = ref
			} else {
				portable = false
			}
		}
	}
	if portable {
		a, err1 := codec.EncodePlain(rargs)
		kw, err2 := codec.EncodePlain(kwd)
		if err1 != nil || err2 != nil {
			portable = false
		} else {
			p.Args = a
			if kwd.Len() > 0 {
				p.Kwargs = kw
			}
		}
	}
	if portable {
		stage = graph.NewStage("delayed", p)
	} else {
		// Runs in the kernel, with the cell's own values.
		kind, op, attr := p.Kind, p.Op, p.Name
		targs := rargs.(starlark.Tuple)
		stage = graph.Stage{Op: "delayed-local", Fn: func(in []graph.Value) (graph.Value, error) {
			inputs := make([]starlark.Value, len(in))
			for i, v := range in {
				inputs[i] = toCell(v)
			}
			a := substitute(targs, inputs).(starlark.Tuple)
			kw := substitute(kwd, inputs).(*starlark.Dict)
			var kwl []starlark.Tuple
			for _, it := range kw.Items() {
				kwl = append(kwl, starlark.Tuple{it[0], it[1]})
			}
			th := &starlark.Thread{Name: "delayed"}
			k.s.Bind(th)
			r, err := runDelayed(th, kind, op, attr, fn, a, kwl)
			if err != nil {
				return nil, err
			}
			return fromCell(r)
		}}
	}
	token := NewToken()
	if pure {
		token = pureToken(name, stage, deps)
	}
	key := graph.Key(name + "-" + token)
	g[key] = &graph.Task{Key: key, Deps: deps, Stages: []graph.Stage{stage}}
	return &Delayed{key: key, g: g, k: k}, nil
}

// depRef stands for a task input while arguments are encoded.
type depRef = codec.Input

// substitute replaces depRefs in v with inputs.
func substitute(v starlark.Value, inputs []starlark.Value) starlark.Value {
	r, _ := session.MapNested(v, func(x starlark.Value) (starlark.Value, bool, error) {
		if d, ok := x.(depRef); ok {
			return inputs[d], true, nil
		}
		return nil, false, nil
	})
	return r
}

// toCell turns a task's value into a cell value.
func toCell(v graph.Value) starlark.Value { return session.CellValue(v) }

// fromCell turns a cell value into a task's value: frames, series and
// scalars as the engine holds them, other values (lists, dicts) frozen.
func fromCell(v starlark.Value) (graph.Value, error) {
	tv := session.TaskValue(v)
	if _, lazy := tv.(*dataframe.Collection); lazy {
		return nil, fmt.Errorf("TypeError: a delayed function returned a Dask collection; return computed values (call .compute() inside, or use map_partitions)")
	}
	return tv, nil
}

// resolved turns an attribute access into its getattr task.
func (d *Delayed) Resolved() *Delayed {
	if d.obj == nil {
		return d
	}
	d.resolve.Do(func() {
		r, err := kernelFor(d).delayedTask("getattr", false, delayedParams{Kind: "getattr", Name: d.attr}, nil, starlark.Tuple{d.obj}, nil)
		if err != nil {
			r = d
		}
		d.res = r
	})
	return d.res
}

// DaskGraph is the graph of d's task and everything it depends on
// (session.Collection).
func (d *Delayed) DaskGraph() graph.Graph { return d.Resolved().g }

// DaskKeys is d's one key.
func (d *Delayed) DaskKeys() []graph.Key { return []graph.Key{d.Resolved().key} }

// PostCompute is d's computed value as a cell value.
func (d *Delayed) PostCompute(parts []graph.Value) (starlark.Value, error) {
	return toCell(parts[0]), nil
}

// PostPersist is a Delayed whose task holds the computed value.
func (d *Delayed) PostPersist(parts []graph.Value) (starlark.Value, error) {
	r := d.Resolved()
	return &Delayed{key: r.key, g: graph.Graph{r.key: graph.LiteralTask(r.key, parts[0])}, k: r.k}, nil
}

// Held is d again, its value kept on a Client's workers while keep lives.
func (d *Delayed) Held(keep any) starlark.Value {
	r := d.Resolved()
	return &Delayed{key: r.key, g: graph.Graph{r.key: r.g[r.key]}, held: keep, k: r.k}
}

func (d *Delayed) CallInternal(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	k := Of(th)
	if d.obj != nil {
		return k.delayedTask(d.attr, false, delayedParams{Kind: "method", Name: d.attr}, nil, append(starlark.Tuple{d.obj}, args...), kwargs)
	}
	// Calling a delayed value calls what it computes to.
	return nil, fmt.Errorf("TypeError: calling a Delayed value is not supported; use delayed(f)(...) ")
}

func (d *Delayed) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	sym := op.String()
	prefix, ok := session.OpPrefix(sym)
	if !ok {
		return nil, nil
	}
	a, b := starlark.Value(d), y
	if side == starlark.Right {
		a, b = y, d
	}
	return kernelFor(d).delayedTask(prefix, false, delayedParams{Kind: "binary", Op: sym}, nil, starlark.Tuple{a, b}, nil)
}

func (d *Delayed) Unary(op syntax.Token) (starlark.Value, error) {
	prefix := map[syntax.Token]string{syntax.MINUS: "neg", syntax.PLUS: "pos", syntax.TILDE: "invert"}[op]
	if prefix == "" {
		return nil, nil
	}
	return kernelFor(d).delayedTask(prefix, false, delayedParams{Kind: "unary", Op: op.String()}, nil, starlark.Tuple{d}, nil)
}

func (d *Delayed) Get(key starlark.Value) (starlark.Value, bool, error) {
	v, err := kernelFor(d).delayedTask("getitem", false, delayedParams{Kind: "getitem"}, nil, starlark.Tuple{d, key}, nil)
	return v, err == nil, err
}

var delayedMethods = []string{"compute", "dask", "key", "persist", "visualize"}

func (d *Delayed) AttrNames() []string { return delayedMethods }

func (d *Delayed) Attr(name string) (starlark.Value, error) {
	r := d.Resolved()
	switch name {
	case "key":
		return starlark.String(r.key), nil
	case "dask":
		return session.Visualize([]graph.Graph{r.g}, []graph.Key{r.key}), nil
	case "compute", "persist":
		return starlark.NewBuiltin(name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			out, err := Of(th).computeMany(starlark.Tuple{r}, kwargs, name == "persist")
			if err != nil {
				return nil, err
			}
			return out[0], nil
		}), nil
	case "visualize":
		return starlark.NewBuiltin("visualize", func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return session.Visualize([]graph.Graph{r.g}, []graph.Key{r.key}), nil
		}), nil
	}
	if strings.HasPrefix(name, "_") {
		return nil, nil
	}
	return &Delayed{key: graph.Key("getattr-" + NewToken()), obj: d, attr: name, g: d.g, k: d.k}, nil
}

// kernelFor finds the kernel for operators, which get no thread: the one
// that made d, else (a value made outside a cell) a kernel of its own.
func kernelFor(d *Delayed) *State {
	if d.k != nil {
		return d.k
	}
	return stateOf(nil)
}

func (d *Delayed) PyClass() string              { return "dask.delayed.Delayed" }
func (d *Delayed) InstanceOf(class string) bool { return class == "Delayed" }

// runner is the kernel that runs the session; nil outside one.
func (k *State) runner() session.Runner {
	if k.s == nil {
		return nil
	}
	return k.s.Runner()
}

// funcName names fn's tasks: its name, or lambda.
func funcName(fn starlark.Callable) string {
	if n := fn.Name(); n != "" && n != "lambda" {
		return n
	}
	return "lambda"
}

// Key is the key of d's task.
func (d *Delayed) Key() graph.Key { return d.Resolved().key }

// FromFuture is a Delayed whose value is what f computes.
func FromFuture(f *Future) *Delayed {
	return &Delayed{key: f.key, g: graph.Graph{f.key: f.task()}, k: f.client.k}
}

// Func is the function f wraps.
func (f *DelayedFunction) Func() starlark.Callable { return f.fn }

// CheckValue of a Delayed for an exercise's check: not computed.
func (d *Delayed) CheckValue() check.Value {
	return check.Value{Type: d.Type(), Compute: ".compute()"}
}
