package kernel

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strings"
	"sync"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/dataframe"
	"burst/engine/files"
	"burst/engine/graph"
	"burst/engine/ndarray"
	"burst/engine/sched"
)

// A Portable is a cell's function in a form that runs in another process
// (a worker): the source of its def statement and of the cell functions it
// calls, the plain-data globals it reads, and the modules and module
// functions it uses, by import path. A worker compiles it once and keeps
// it by hash. Values that cannot travel (a Client, a lazy frame) make the
// function local: it then runs in the kernel.
type Portable struct {
	Name    string                     `json:"name"`
	Defs    []PortableDef              `json:"defs"` // callees first
	Globals map[string]json.RawMessage `json:"globals,omitempty"`
	Modules map[string]string          `json:"modules,omitempty"` // global name → import path
	Members map[string][2]string       `json:"members,omitempty"` // global name → (import path, member)
}

// A PortableDef is the text of a def statement and where it stands: a
// worker compiles it at the same line of the same cell name, so errors
// point at the learner's line.
type PortableDef struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Text string `json:"text"`
}

// def is a top-level def statement of a cell, kept so that the function it
// defines can travel.
type def struct {
	PortableDef
	stmt *syntax.DefStmt
}

// recordDefs remembers the top-level def statements of a parsed cell.
func (k *Kernel) recordDefs(f *syntax.File, src string) {
	lines := strings.Split(src, "\n")
	for _, st := range f.Stmts {
		d, ok := st.(*syntax.DefStmt)
		if !ok {
			continue
		}
		start, end := d.Span()
		if start.Line < 1 || int(end.Line) > len(lines) {
			continue
		}
		if k.defs == nil {
			k.defs = map[string]def{}
		}
		text := strings.Join(lines[start.Line-1:end.Line], "\n")
		k.defs[posKey(d.Def)] = def{PortableDef{File: d.Def.Filename(), Line: int(start.Line), Text: text}, d}
	}
}

func posKey(p syntax.Position) string { return fmt.Sprintf("%s:%d:%d", p.Filename(), p.Line, p.Col) }

// portable returns fn as a Portable, or an error naming what keeps it in
// the kernel.
func (k *Kernel) portable(fn starlark.Callable) (*Portable, error) {
	f, ok := fn.(*starlark.Function)
	if !ok {
		return nil, fmt.Errorf("%s is not a function defined in a cell", fn.Name())
	}
	p := &Portable{Name: f.Name()}
	seen := map[string]bool{}
	var add func(f *starlark.Function) error
	add = func(f *starlark.Function) error {
		d, ok := k.defs[posKey(f.Position())]
		if !ok {
			return fmt.Errorf("%s is not defined at the top of a cell (a lambda or a nested function)", f.Name())
		}
		if seen[f.Name()] {
			return nil
		}
		seen[f.Name()] = true
		// The module's own globals hold what the cell defined before the
		// call; the kernel's, what earlier cells defined.
		module := f.Globals()
		for _, name := range globalNames(d.stmt) {
			if name == f.Name() {
				continue // recursion
			}
			v, ok := module[name]
			if !ok {
				v, ok = k.globals[name]
			}
			if !ok {
				return fmt.Errorf("%s uses %s, which is not defined yet", f.Name(), name)
			}
			if k.builtin[name] == v {
				continue
			}
			switch v := v.(type) {
			case *starlark.Function:
				if err := add(v); err != nil {
					return err
				}
				continue
			case *Module:
				if path := k.modulePath(v); path != "" {
					if p.Modules == nil {
						p.Modules = map[string]string{}
					}
					p.Modules[name] = path
					continue
				}
			case *starlark.Builtin:
				if path, member := k.memberPath(v); path != "" {
					if p.Members == nil {
						p.Members = map[string][2]string{}
					}
					p.Members[name] = [2]string{path, member}
					continue
				}
			}
			b, err := encodePlain(v)
			if err != nil {
				return &travelError{fn: f.Name(), name: name, typ: v.Type()}
			}
			if p.Globals == nil {
				p.Globals = map[string]json.RawMessage{}
			}
			p.Globals[name] = b
		}
		p.Defs = append(p.Defs, d.PortableDef)
		return nil
	}
	if err := add(f); err != nil {
		return nil, err
	}
	return p, nil
}

// travelError names a global value that keeps a function from travelling.
type travelError struct{ fn, name, typ string }

func (e *travelError) Error() string {
	return fmt.Sprintf("%s uses %s, a %s, which cannot travel to a worker", e.fn, e.name, e.typ)
}

// neverLocal reports values a task may not use even in the kernel: a
// Client or cluster belongs to the session, not to a task.
func (e *travelError) neverLocal() bool { return e.typ == "Client" || e.typ == "LocalCluster" }

// globalNames lists the module-level names a def statement refers to.
func globalNames(d *syntax.DefStmt) []string {
	names := map[string]bool{}
	syntax.Walk(d, func(n syntax.Node) bool {
		if id, ok := n.(*syntax.Ident); ok {
			if b, ok := id.Binding.(*resolve.Binding); ok && b.Scope == resolve.Global {
				names[id.Name] = true
			}
		}
		return true
	})
	out := make([]string, 0, len(names))
	for n := range names {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func (k *Kernel) modulePath(m *Module) string {
	for path, x := range k.modules {
		if x == m {
			return path
		}
	}
	return ""
}

func (k *Kernel) memberPath(b *starlark.Builtin) (string, string) {
	for path, m := range k.modules {
		for name, v := range m.Members {
			if v == starlark.Value(b) {
				return path, name
			}
		}
	}
	return "", ""
}

// encodePlain writes plain data (None, bools, numbers, strings, numpy
// arrays, and lists, tuples and dicts of them) as JSON that keeps its
// Python types.
func encodePlain(v starlark.Value) (json.RawMessage, error) {
	var enc func(v starlark.Value) (any, error)
	enc = func(v starlark.Value) (any, error) {
		switch v := v.(type) {
		case starlark.NoneType:
			return map[string]any{"none": true}, nil
		case depRef:
			return map[string]any{"dep": int(v)}, nil
		case starlark.Bool:
			return map[string]any{"bool": bool(v)}, nil
		case starlark.Int:
			return map[string]any{"int": v.String()}, nil
		case starlark.Float:
			f := float64(v)
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return map[string]any{"float": fmt.Sprint(f)}, nil
			}
			return map[string]any{"float": f}, nil
		case starlark.String:
			return map[string]any{"str": string(v)}, nil
		case *NDArray:
			// The .npy bytes (base64 in the JSON): no text per element.
			return map[string]any{"ndarray": ndarray.Marshal(v.a)}, nil
		case *starlark.List, starlark.Tuple:
			var items []any
			it := starlark.Iterate(v)
			defer it.Done()
			var x starlark.Value
			for it.Next(&x) {
				e, err := enc(x)
				if err != nil {
					return nil, err
				}
				items = append(items, e)
			}
			if _, ok := v.(starlark.Tuple); ok {
				return map[string]any{"tuple": items}, nil
			}
			return map[string]any{"list": items}, nil
		case *Estimator:
			// An estimator travels unfitted: its class and parameters.
			params := map[string]any{}
			for name, pv := range v.params {
				e, err := enc(pv)
				if err != nil {
					return nil, err
				}
				params[name] = e
			}
			return map[string]any{"estimator": map[string]any{"class": v.class.name, "params": params}}, nil
		case *starlark.Dict:
			var items [][2]any
			for _, kv := range v.Items() {
				a, err := enc(kv[0])
				if err != nil {
					return nil, err
				}
				b, err := enc(kv[1])
				if err != nil {
					return nil, err
				}
				items = append(items, [2]any{a, b})
			}
			return map[string]any{"dict": items}, nil
		}
		return nil, fmt.Errorf("%s is not plain data", v.Type())
	}
	x, err := enc(v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(x)
}

// encodeValue is encodePlain; a depRef in v is written as a reference to
// a task input.
func encodeValue(v starlark.Value) (json.RawMessage, error) { return encodePlain(v) }

// decodePlain reads what encodePlain wrote.
func decodePlain(b json.RawMessage) (starlark.Value, error) { return decodeValue(b, nil) }

// decodeValue reads what encodeValue wrote, with references to task
// inputs replaced by inputs.
func decodeValue(b json.RawMessage, inputs []starlark.Value) (starlark.Value, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for tag, raw := range m {
		switch tag {
		case "none":
			return starlark.None, nil
		case "dep":
			var i int
			if err := json.Unmarshal(raw, &i); err != nil || i < 0 || i >= len(inputs) {
				return nil, fmt.Errorf("bad input reference %s", raw)
			}
			return inputs[i], nil
		case "bool":
			var x bool
			err := json.Unmarshal(raw, &x)
			return starlark.Bool(x), err
		case "int":
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return nil, err
			}
			n, ok := new(big.Int).SetString(s, 10)
			if !ok {
				return nil, fmt.Errorf("bad int %q", s)
			}
			return starlark.MakeBigInt(n), nil
		case "float":
			var x any
			if err := json.Unmarshal(raw, &x); err != nil {
				return nil, err
			}
			switch x := x.(type) {
			case float64:
				return starlark.Float(x), nil
			case string:
				var f float64
				fmt.Sscan(x, &f)
				if x == "NaN" {
					f = math.NaN()
				}
				return starlark.Float(f), nil
			}
		case "str":
			var s string
			err := json.Unmarshal(raw, &s)
			return starlark.String(s), err
		case "estimator":
			var e struct {
				Class  string                     `json:"class"`
				Params map[string]json.RawMessage `json:"params"`
			}
			if err := json.Unmarshal(raw, &e); err != nil {
				return nil, err
			}
			c := estimatorClasses[e.Class]
			if c == nil {
				return nil, fmt.Errorf("unknown estimator %q", e.Class)
			}
			est, _ := newEstimator(c, nil, nil)
			for name, pr := range e.Params {
				v, err := decodeValue(pr, inputs)
				if err != nil {
					return nil, err
				}
				est.params[name] = v
			}
			return est, nil
		case "ndarray":
			var npy []byte
			if err := json.Unmarshal(raw, &npy); err != nil {
				return nil, err
			}
			a, err := ndarray.Unmarshal(npy)
			if err != nil {
				return nil, err
			}
			return &NDArray{a}, nil
		case "list", "tuple":
			var items []json.RawMessage
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, err
			}
			vs := make([]starlark.Value, len(items))
			for i, it := range items {
				v, err := decodeValue(it, inputs)
				if err != nil {
					return nil, err
				}
				vs[i] = v
			}
			if tag == "tuple" {
				return starlark.Tuple(vs), nil
			}
			return starlark.NewList(vs), nil
		case "dict":
			var items [][2]json.RawMessage
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, err
			}
			d := starlark.NewDict(len(items))
			for _, it := range items {
				a, err := decodeValue(it[0], inputs)
				if err != nil {
					return nil, err
				}
				b, err := decodeValue(it[1], inputs)
				if err != nil {
					return nil, err
				}
				if err := d.SetKey(a, b); err != nil {
					return nil, err
				}
			}
			return d, nil
		}
	}
	return nil, fmt.Errorf("bad plain value %s", b)
}

// ---- on a worker ----

// callParams is a task calling a portable function on its inputs: the
// partition first, then the extra arguments (plain data).
type callParams struct {
	Fn    Portable          `json:"fn"`
	Extra []json.RawMessage `json:"extra,omitempty"`
	// What the function makes of a partition, for the error messages.
	What string `json:"what"`
	// Each: call the function on every value of a Series partition
	// (Series.apply), not on the partition.
	Each bool `json:"each,omitempty"`
}

func init() {
	graph.Register("call", func(env *graph.Env, raw json.RawMessage, in []graph.Value) (graph.Value, error) {
		var p callParams
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, err
		}
		return runPortable(env, &p, in)
	})
}

// workerKey is the graph.Locals key of a worker's interpreter.
type workerKey struct{}

// workerState is the kernel that runs cell code on a worker, and the
// functions it compiled, by hash.
type workerState struct {
	sync.Mutex
	k     *Kernel
	funcs map[string]starlark.Callable
}

type workerHost struct{ fs files.FS }

func (h workerHost) FS() files.FS { return h.fs }
func (h workerHost) Local() dataframe.Computer {
	return &sched.Scheduler{Workers: sched.NewLocalWorkers(1, &graph.Env{FS: h.fs, Locals: &graph.Locals{}})}
}
func (h workerHost) StartCluster(int) (Cluster, error) {
	if h.fs == nil {
		return nil, fmt.Errorf("RuntimeError: no cluster here")
	}
	return nil, fmt.Errorf("RuntimeError: a task cannot start a cluster")
}

// workerOf returns the state of the kernel that runs cell code on the
// worker of env; each worker (each cluster natively) has its own.
func workerOf(env *graph.Env) *workerState {
	var fs files.FS
	var locals *graph.Locals
	if env != nil {
		fs, locals = env.FS, env.Locals
	}
	return locals.Get(workerKey{}, func() any {
		return &workerState{k: New(workerHost{fs}), funcs: map[string]starlark.Callable{}}
	}).(*workerState)
}

// workerKernel returns the kernel that runs cell code on the worker of
// env.
func workerKernel(env *graph.Env) *Kernel { return workerOf(env).k }

// compiled returns the function p defines, compiling it on first use.
func compiled(env *graph.Env, p *Portable) (*Kernel, starlark.Callable, error) {
	b, _ := json.Marshal(p)
	sum := sha256.Sum256(b)
	hash := hex.EncodeToString(sum[:])
	w := workerOf(env)
	w.Lock()
	defer w.Unlock()
	k := w.k
	if fn, ok := w.funcs[hash]; ok {
		return k, fn, nil
	}
	predeclared := starlark.StringDict{}
	for name, v := range k.builtin {
		predeclared[name] = v
	}
	for name, path := range p.Modules {
		m, ok := k.modules[path]
		if !ok {
			return nil, nil, fmt.Errorf("ModuleNotFoundError: %s", path)
		}
		predeclared[name] = m
	}
	for name, pm := range p.Members {
		m, ok := k.modules[pm[0]]
		if !ok || m.Members[pm[1]] == nil {
			return nil, nil, fmt.Errorf("ImportError: cannot import name '%s' from '%s'", pm[1], pm[0])
		}
		predeclared[name] = m.Members[pm[1]]
	}
	for name, raw := range p.Globals {
		v, err := decodePlain(raw)
		if err != nil {
			return nil, nil, err
		}
		predeclared[name] = v
	}
	// Each def in a file of its own, at its line of its cell, seeing the
	// ones compiled before it.
	th := &starlark.Thread{Name: "compile " + p.Name}
	for _, d := range p.Defs {
		src := strings.Repeat("\n", max(d.Line-1, 0)) + d.Text
		globals, err := starlark.ExecFileOptions(fileOptions, th, d.File, src, predeclared)
		if err != nil {
			return nil, nil, err
		}
		globals.Freeze()
		for name, v := range globals {
			predeclared[name] = v
		}
	}
	fn, ok := predeclared[p.Name].(*starlark.Function)
	if !ok {
		return nil, nil, fmt.Errorf("the source of %s does not define it", p.Name)
	}
	w.funcs[hash] = fn
	return k, fn, nil
}

// runPortable calls p's function with a partition and the extra arguments.
func runPortable(env *graph.Env, p *callParams, in []graph.Value) (_ graph.Value, err error) {
	defer recoverPyPanic(&err) // bool(array) in the function
	k, fn, err := compiled(env, &p.Fn)
	if err != nil {
		return nil, err
	}
	th := &starlark.Thread{Name: "task " + p.Fn.Name}
	k.bind(th)
	if env != nil && env.Ctx != nil {
		th.SetLocal("ctx", env.Ctx)
	}
	if p.Each {
		return applyEach(in[0], func(x starlark.Value) (starlark.Value, error) {
			r, err := starlark.Call(th, fn, starlark.Tuple{x}, nil)
			if err != nil {
				return nil, p.Fn.located(err)
			}
			return r, nil
		})
	}
	args := starlark.Tuple{fromEngine(in[0])}
	for _, raw := range p.Extra {
		v, err := decodePlain(raw)
		if err != nil {
			return nil, err
		}
		args = append(args, v)
	}
	r, err := starlark.Call(th, fn, args, nil)
	if err != nil {
		return nil, p.Fn.located(err)
	}
	return partitionResult(r, p.What)
}

// located adds to an error raised on a worker the learner's line it
// happened on, as IPython prints a frame ("Cell In[2], line 3, in f"):
// the error travels back as text, without the kernel's stack.
func (p *Portable) located(err error) error {
	var ee *starlark.EvalError
	if !errors.As(err, &ee) {
		return err
	}
	for i := len(ee.CallStack) - 1; i >= 0; i-- {
		fr := ee.CallStack[i]
		for _, d := range p.Defs {
			lines := strings.Split(d.Text, "\n")
			at := int(fr.Pos.Line) - d.Line
			if fr.Pos.Filename() != d.File || at < 0 || at >= len(lines) {
				continue
			}
			cell := strings.TrimSuffix(strings.TrimPrefix(d.File, "<cell "), ">")
			return fmt.Errorf("%s\n\nCell In[%s], line %d, in %s\n    %s", ee.Msg, cell, fr.Pos.Line, fr.Name, strings.TrimSpace(lines[at]))
		}
	}
	return fmt.Errorf("%s", ee.Msg)
}
