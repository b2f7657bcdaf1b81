package kernel

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/codec"
	"burst/engine/dataframe"
	"burst/engine/files"
	"burst/engine/graph"
	"burst/engine/lib/dask"
	"burst/engine/lib/pandas"
	"burst/engine/sched"
	"burst/engine/session"
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
			b, err := codec.EncodePlain(v)
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
	for path, x := range k.mods() {
		if x == m {
			return path
		}
	}
	return ""
}

func (k *Kernel) memberPath(b *starlark.Builtin) (string, string) {
	for path, m := range k.mods() {
		for name, v := range m.Members {
			if v == starlark.Value(b) {
				return path, name
			}
		}
	}
	return "", ""
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
		m, ok := k.mods()[path]
		if !ok {
			return nil, nil, fmt.Errorf("ModuleNotFoundError: %s", path)
		}
		predeclared[name] = m
	}
	for name, pm := range p.Members {
		m, ok := k.mods()[pm[0]]
		if !ok || m.Members[pm[1]] == nil {
			return nil, nil, fmt.Errorf("ImportError: cannot import name '%s' from '%s'", pm[1], pm[0])
		}
		predeclared[name] = m.Members[pm[1]]
	}
	for name, raw := range p.Globals {
		v, err := codec.DecodePlain(raw)
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
	defer session.Recover(&err) // bool(array) in the function
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
		return pandas.ApplyEach(in[0], func(x starlark.Value) (starlark.Value, error) {
			r, err := starlark.Call(th, fn, starlark.Tuple{x}, nil)
			if err != nil {
				return nil, p.Fn.located(err)
			}
			return r, nil
		})
	}
	args := starlark.Tuple{pandas.FromEngine(in[0])}
	for _, raw := range p.Extra {
		v, err := codec.DecodePlain(raw)
		if err != nil {
			return nil, err
		}
		args = append(args, v)
	}
	r, err := starlark.Call(th, fn, args, nil)
	if err != nil {
		return nil, p.Fn.located(err)
	}
	return pandas.PartitionResult(r, p.What)
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

// builtinName returns the name of a kernel or Starlark builtin, which
// every worker has too; "" for other callables.
func (k *Kernel) builtinName(fn starlark.Callable) string {
	if t, ok := fn.(*session.PyType); ok && k.builtin[t.Name()] == starlark.Value(t) {
		return t.Name()
	}
	b, ok := fn.(*starlark.Builtin)
	if !ok {
		return ""
	}
	if v, ok := k.builtin[b.Name()]; ok && v == starlark.Value(b) {
		return b.Name()
	}
	if v, ok := starlark.Universe[b.Name()]; ok && v == starlark.Value(b) {
		return b.Name()
	}
	return ""
}

func (k *Kernel) namedBuiltin(name string) (starlark.Callable, error) {
	if v, ok := k.builtin[name].(starlark.Callable); ok {
		return v, nil
	}
	if v, ok := starlark.Universe[name].(starlark.Callable); ok {
		return v, nil
	}
	return nil, fmt.Errorf("NameError: name '%s' is not defined on the worker", name)
}

func (k *Kernel) moduleMember(path, member string) (starlark.Callable, error) {
	m, ok := k.mods()[path]
	if !ok {
		return nil, fmt.Errorf("ModuleNotFoundError: %s", path)
	}
	c, ok := m.Members[member].(starlark.Callable)
	if !ok {
		return nil, fmt.Errorf("ImportError: cannot import name '%s' from '%s'", member, path)
	}
	return c, nil
}

// FuncRef describes fn for a worker's kernel (session.Runner): a builtin
// every worker has, a module's member, or a cell function's source.
func (k *Kernel) FuncRef(fn starlark.Callable) (session.FuncRef, bool, error) {
	if name := k.builtinName(fn); name != "" {
		return session.FuncRef{Builtin: name}, true, nil
	}
	if b, ok := fn.(*starlark.Builtin); ok {
		if path, member := k.memberPath(b); path != "" {
			return session.FuncRef{Member: &[2]string{path, member}}, true, nil
		}
	}
	p, err := k.portable(fn)
	var te *travelError
	if errors.As(err, &te) && te.neverLocal() {
		return session.FuncRef{}, false, err
	}
	if err != nil {
		return session.FuncRef{}, false, nil
	}
	raw, err := json.Marshal(p)
	if err != nil {
		return session.FuncRef{}, false, nil
	}
	return session.FuncRef{Fn: raw}, true, nil
}

// A "delayed" task runs on a worker's kernel: dask decodes it, the
// kernel finds its function.
func init() {
	graph.Register("delayed", func(env *graph.Env, raw json.RawMessage, in []graph.Value) (graph.Value, error) {
		k := workerKernel(env)
		th := &starlark.Thread{Name: "task"}
		k.bind(th)
		if env != nil && env.Ctx != nil {
			th.SetLocal("ctx", env.Ctx)
		}
		return dask.RunTask(th, raw, in, func(ref session.FuncRef) (starlark.Callable, func(error) error, error) {
			same := func(err error) error { return err }
			switch {
			case ref.Fn != nil:
				var p Portable
				if err := json.Unmarshal(ref.Fn, &p); err != nil {
					return nil, nil, err
				}
				_, fn, err := compiled(env, &p)
				return fn, p.located, err
			case ref.Builtin != "":
				fn, err := k.namedBuiltin(ref.Builtin)
				return fn, same, err
			case ref.Member != nil:
				fn, err := k.moduleMember(ref.Member[0], ref.Member[1])
				return fn, same, err
			}
			return nil, same, fmt.Errorf("a delayed call names no function")
		})
	})
}
