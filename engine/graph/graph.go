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
	"strings"
)

// Key names a task and the value it produces, as Dask prints keys:
// "('read-csv-1f3a…', 3)" for partition 3 of a collection, or a bare name.
type Key string

// PartKey returns the key of partition i of the collection called name.
func PartKey(name string, i int) Key { return Key(fmt.Sprintf("('%s', %d)", name, i)) }

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

// Stage applies operation Op with Params. The first stage of a task receives
// the values of the task's dependencies, in order; each later stage receives
// the previous stage's output as its only input.
type Stage struct {
	Op     string          `json:"op"`
	Params json.RawMessage `json:"params,omitempty"`
}

// Task computes the value named Key.
type Task struct {
	Key    Key     `json:"key"`
	Deps   []Key   `json:"deps,omitempty"`
	Stages []Stage `json:"stages"`
}

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

// Fuse merges linear chains — a task whose only dependent has no other
// dependency — into single tasks, so a partition read and the operations
// applied to it run in one place without moving the partition. Keys in
// keep (the outputs) are never fused away. The input graph is not modified.
func Fuse(g Graph, keep []Key) Graph {
	dependents := make(map[Key][]Key, len(g))
	for _, k := range sortedKeys(g) {
		for _, d := range g[k].Deps {
			dependents[d] = append(dependents[d], k)
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
	// Walk keys in a fixed order; absorb each task's single parent while
	// the chain stays linear.
	for _, k := range sortedKeys(out) {
		t, ok := out[k]
		if !ok {
			continue
		}
		for len(t.Deps) == 1 {
			p := t.Deps[0]
			pt, ok := out[p]
			if !ok || kept[p] || len(dependents[p]) != 1 {
				break
			}
			stages := make([]Stage, 0, len(pt.Stages)+len(t.Stages))
			stages = append(stages, pt.Stages...)
			stages = append(stages, t.Stages...)
			t.Stages = stages
			t.Deps = pt.Deps
			delete(out, p)
			for _, d := range pt.Deps {
				for i, x := range dependents[d] {
					if x == p {
						dependents[d][i] = k
					}
				}
			}
		}
	}
	return out
}

func sortedKeys(g Graph) []Key {
	ks := make([]Key, 0, len(g))
	for k := range g {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}
