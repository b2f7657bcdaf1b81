package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"

	"burst/engine/files"
)

// Value is what a task produces: a *frame.Frame, a *frame.Series or a
// plain Go value.
type Value = any

// Env is what operations may use of the place they run in.
type Env struct {
	FS files.FS
	// Ctx, when set, ends with the task: an interrupted or released task
	// stops waiting (time.sleep) early.
	Ctx context.Context
	// Locals is what operations keep on this worker between tasks; nil
	// where nothing is kept.
	Locals *Locals
}

// Locals holds values that operations keep on a worker between tasks (an
// interpreter and the functions it compiled), each under a key of the
// operation's own type, as context values are. Workers given the same
// Env share them; nothing else does.
type Locals struct {
	mu sync.Mutex
	m  map[any]any
}

// Get returns the value kept under key, made by init on first use. On a
// nil Locals it returns a new value each time.
func (l *Locals) Get(key any, init func() any) any {
	if l == nil {
		return init()
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	v, ok := l.m[key]
	if !ok {
		if l.m == nil {
			l.m = map[any]any{}
		}
		v = init()
		l.m[key] = v
	}
	return v
}

// Op computes a value from its parameters and inputs.
type Op func(env *Env, params json.RawMessage, inputs []Value) (Value, error)

var ops = map[string]Op{}

// Register makes op available under name to every task in this process.
// Packages that define collections register their operations in init.
func Register(name string, op Op) {
	if _, dup := ops[name]; dup {
		panic("graph: operation registered twice: " + name)
	}
	ops[name] = op
}

// Ops returns the registered operation names, sorted.
func Ops() []string {
	out := make([]string, 0, len(ops))
	for n := range ops {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Run executes t's stages on inputs, the values of t.Deps in order.
func Run(env *Env, t *Task, inputs []Value) (Value, error) {
	if t.Literal {
		return t.Data, nil
	}
	vals := inputs
	if len(t.Stages) > 1 {
		vals = make([]Value, len(inputs), len(inputs)+len(t.Stages))
		copy(vals, inputs)
	}
	var v Value
	for i, s := range t.Stages {
		var in []Value
		switch {
		case s.Args != nil:
			in = make([]Value, len(s.Args))
			for j, a := range s.Args {
				if a < 0 || a >= len(vals) {
					return nil, fmt.Errorf("task %s: stage %d reads value %d of %d", t.Key, i, a, len(vals))
				}
				in[j] = vals[a]
			}
		case i == 0:
			in = inputs
		default:
			in = []Value{v}
		}
		var err error
		if v, err = RunStage(env, s, in); err != nil {
			return nil, err
		}
		if len(t.Stages) > 1 {
			vals = append(vals, v)
		}
	}
	return v, nil
}

// RunStage applies one stage to its inputs.
func RunStage(env *Env, s Stage, in []Value) (Value, error) {
	if s.Fn != nil {
		return s.Fn(in)
	}
	op, ok := ops[s.Op]
	if !ok {
		return nil, fmt.Errorf("unknown operation %q", s.Op)
	}
	return op(env, s.Params, in)
}
