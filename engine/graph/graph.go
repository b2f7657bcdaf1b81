// Package graph holds task graphs: tasks named by keys, each applying one or
// more registered operations to the values of the tasks it depends on.
//
// Collections (lazy DataFrames, delayed values) lower to graphs; schedulers
// run them. A task is plain data — operation names and JSON parameters — so
// it can be hashed into a key (tokenizing), fused, and sent to a worker in
// another process or web worker.
package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Key names a task and the value it produces, as Dask prints keys:
// "('read-csv-1f3a…', 3)" for partition 3 of a collection, or a bare name.
type Key string

// PartKey returns the key of partition i of the collection called name.
func PartKey(name string, i int) Key { return Key(fmt.Sprintf("('%s', %d)", name, i)) }

// Index returns the partition number of a key made by PartKey.
func (k Key) Index() (int, bool) {
	s := string(k)
	if !strings.HasPrefix(s, "('") || !strings.HasSuffix(s, ")") {
		return 0, false
	}
	i := strings.LastIndex(s, ", ")
	if i < 0 {
		return 0, false
	}
	n, err := strconv.Atoi(s[i+2 : len(s)-1])
	return n, err == nil
}

// Prefix returns the key's operation prefix without the token, such as
// "read-csv" for "('read-csv-1f3a…', 3)" — what dashboards group by.
func (k Key) Prefix() string {
	s := string(k)
	if strings.HasPrefix(s, "('") {
		s = s[2:]
		if i := strings.IndexByte(s, '\''); i >= 0 {
			s = s[:i]
		}
	}
	// Drop a trailing "-<hex token>".
	if i := strings.LastIndexByte(s, '-'); i > 0 && isHex(s[i+1:]) {
		s = s[:i]
	}
	return s
}

func isHex(s string) bool {
	if len(s) < 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Stage applies operation Op with Params.
//
// A task keeps a list of values: first its dependencies' values, in order,
// then each stage's output. Args picks a stage's inputs from that list by
// position. Without Args, the first stage receives all dependencies and each
// later stage the previous stage's output — a linear chain. Fusing tasks
// fills in Args, so a fused task is a small DAG of stages.
type Stage struct {
	Op     string          `json:"op"`
	Params json.RawMessage `json:"params,omitempty"`
	Args   []int           `json:"args,omitempty"`
	// Fn, when set, runs instead of a registered operation. It is a
	// function of the process that built the graph (a cell's function) and
	// cannot travel to another process: tasks holding one run locally.
	Fn func(inputs []Value) (Value, error) `json:"-"`
}

// Task computes the value named Key.
type Task struct {
	Key    Key     `json:"key"`
	Deps   []Key   `json:"deps,omitempty"`
	Stages []Stage `json:"stages"`
	// Retries is how many times the task runs again after an error
	// before the error is its result (Dask's retries=).
	Retries int `json:"retries,omitempty"`
	// Data, when Literal is set, is the task's value, already in the
	// memory of the process that built the graph (a persisted partition or
	// a pandas frame split into partitions). Such a task has no stages.
	Data    Value `json:"-"`
	Literal bool  `json:"-"`
}

// Local reports whether t must run in the process that built it: one of its
// stages is a local function.
func (t *Task) Local() bool {
	for _, s := range t.Stages {
		if s.Fn != nil {
			return true
		}
	}
	return false
}

// LiteralTask returns a task whose value is v.
func LiteralTask(k Key, v Value) *Task { return &Task{Key: k, Data: v, Literal: true} }

// Graph maps keys to the tasks that compute them.
type Graph map[Key]*Task

// NewStage returns a stage of op with params encoded as JSON.
// It panics if params cannot be encoded: parameters are built by engine
// code, never from unchecked input.
func NewStage(op string, params any) Stage {
	var raw json.RawMessage
	if params != nil {
		b, err := json.Marshal(params)
		if err != nil {
			panic(fmt.Sprintf("graph: params of %s: %v", op, err))
		}
		raw = b
	}
	return Stage{Op: op, Params: raw}
}

// Tokenize returns a short deterministic hash of parts (JSON-encoded), so
// that the same operation on the same inputs always gets the same key, and
// shared sub-expressions of several collections are computed once.
func Tokenize(parts ...any) string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	for _, p := range parts {
		if err := enc.Encode(p); err != nil {
			panic(fmt.Sprintf("graph: tokenize: %v", err))
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Merge returns a graph holding the tasks of all gs.
func Merge(gs ...Graph) Graph {
	n := 0
	for _, g := range gs {
		n += len(g)
	}
	out := make(Graph, n)
	for _, g := range gs {
		for k, t := range g {
			out[k] = t
		}
	}
	return out
}

// Cull returns the part of g needed to compute keys.
func Cull(g Graph, keys []Key) (Graph, error) {
	out := make(Graph)
	stack := append([]Key(nil), keys...)
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if _, ok := out[k]; ok {
			continue
		}
		t, ok := g[k]
		if !ok {
			return nil, fmt.Errorf("graph: missing task %s", k)
		}
		out[k] = t
		stack = append(stack, t.Deps...)
	}
	return out, nil
}

// Fuse merges each task with the dependencies only it uses into a single
// task, so that a partition read and everything computed from it on the
// way to a shared or final result run in one place without moving the
// partition (Dask's blockwise fusion). Keys in keep (the outputs) are never
// fused away, nor are literal tasks, and local functions are not fused
// with stages that could run elsewhere. The input graph is not modified.
func Fuse(g Graph, keep []Key) Graph {
	dependents := make(map[Key]map[Key]bool, len(g))
	for _, k := range sortedKeys(g) {
		for _, d := range g[k].Deps {
			if dependents[d] == nil {
				dependents[d] = map[Key]bool{}
			}
			dependents[d][k] = true
		}
	}
	kept := make(map[Key]bool, len(keep))
	for _, k := range keep {
		kept[k] = true
	}
	out := make(Graph, len(g))
	for k, t := range g {
		c := *t
		out[k] = &c
	}
	for _, k := range sortedKeys(out) {
		t, ok := out[k]
		if !ok || t.Literal {
			continue
		}
		for changed := true; changed; {
			changed = false
			for _, p := range t.Deps {
				pt, ok := out[p]
				if !ok || kept[p] || pt.Literal || len(dependents[p]) != 1 || pt.Local() != t.Local() || !blockwise(t) {
					continue
				}
				absorb(t, pt)
				delete(out, p)
				for _, d := range pt.Deps {
					delete(dependents[d], p)
					dependents[d][k] = true
				}
				changed = true
				break
			}
		}
	}
	return out
}

// blockwise reports whether t may absorb its dependencies: it has only one
// (a linear chain), or all of them are the same partition as t, so fusing
// never serializes work that could run on several workers (a reduction
// over all partitions keeps its inputs as separate tasks).
func blockwise(t *Task) bool {
	if len(t.Deps) <= 1 {
		return true
	}
	i, ok := t.Key.indices()
	if !ok {
		return false
	}
	for _, d := range t.Deps {
		if j, ok := d.indices(); !ok || j != i {
			return false
		}
	}
	return true
}

// indices returns the block indices of a tuple key, ", 1, 0)" for
// "('x-1f3a…', 1, 0)": a 2-D array's blocks (1, 0) and (0, 0) are not the
// same block although their last indices agree.
func (k Key) indices() (string, bool) {
	s := string(k)
	if !strings.HasPrefix(s, "('") || !strings.HasSuffix(s, ")") {
		return "", false
	}
	i := strings.Index(s[2:], "', ")
	if i < 0 {
		return "", false
	}
	return s[2+i+1:], true
}

// explicitArgs returns t's stages with Args filled in.
func explicitArgs(t *Task) []Stage {
	out := make([]Stage, len(t.Stages))
	nd := len(t.Deps)
	for i, s := range t.Stages {
		if s.Args == nil {
			if i == 0 {
				s.Args = make([]int, nd)
				for j := range s.Args {
					s.Args[j] = j
				}
			} else {
				s.Args = []int{nd + i - 1}
			}
		}
		out[i] = s
	}
	return out
}

// absorb merges p, one of t's dependencies, into t: t's dependencies become
// its other dependencies plus p's, and p's stages run before t's.
func absorb(t, p *Task) {
	ts, ps := explicitArgs(t), explicitArgs(p)
	var deps []Key
	pos := map[Key]int{}
	add := func(k Key) {
		if _, ok := pos[k]; !ok {
			pos[k] = len(deps)
			deps = append(deps, k)
		}
	}
	for _, d := range t.Deps {
		if d != p.Key {
			add(d)
		}
	}
	for _, d := range p.Deps {
		add(d)
	}
	nd, np := len(deps), len(ps)
	stages := make([]Stage, 0, np+len(ts))
	for _, s := range ps {
		args := make([]int, len(s.Args))
		for i, a := range s.Args {
			if a < len(p.Deps) {
				args[i] = pos[p.Deps[a]]
			} else {
				args[i] = nd + a - len(p.Deps)
			}
		}
		s.Args = args
		stages = append(stages, s)
	}
	for _, s := range ts {
		args := make([]int, len(s.Args))
		for i, a := range s.Args {
			switch {
			case a >= len(t.Deps):
				args[i] = nd + np + a - len(t.Deps)
			case t.Deps[a] == p.Key:
				args[i] = nd + np - 1
			default:
				args[i] = pos[t.Deps[a]]
			}
		}
		s.Args = args
		stages = append(stages, s)
	}
	t.Deps, t.Stages = deps, stages
}

func sortedKeys(g Graph) []Key {
	ks := make([]Key, 0, len(g))
	for k := range g {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}
