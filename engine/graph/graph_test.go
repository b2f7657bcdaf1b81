package graph

import (
	"encoding/json"
	"fmt"
	"testing"
)

func TestPrefix(t *testing.T) {
	for _, c := range []struct{ key, want string }{
		{"('read-csv-0123456789abcdef', 3)", "read-csv"},
		{"('series-groupby-sum-count-chunk-0123456789abcdef0123', 0)", "series-groupby-sum-count-chunk"},
		{"inc-0a1b2c3d4e", "inc"},
		{"add", "add"},
	} {
		if got := Key(c.key).Prefix(); got != c.want {
			t.Errorf("Prefix(%s) = %q, want %q", c.key, got, c.want)
		}
	}
}

func TestTokenizeDeterministic(t *testing.T) {
	a := Tokenize("read-csv", []string{"a.csv"}, map[string]int{"x": 1, "y": 2})
	b := Tokenize("read-csv", []string{"a.csv"}, map[string]int{"y": 2, "x": 1})
	c := Tokenize("read-csv", []string{"b.csv"}, map[string]int{"x": 1, "y": 2})
	if a != b {
		t.Errorf("same inputs gave different tokens %s %s", a, b)
	}
	if a == c {
		t.Errorf("different inputs gave the same token")
	}
}

// chain builds read(i) → f(i) → g(i) for n partitions, and one sum task.
func chain(n int) (Graph, Key) {
	g := Graph{}
	var gs []Key
	for i := 0; i < n; i++ {
		r, f, h := PartKey("read", i), PartKey("f", i), PartKey("g", i)
		g[r] = &Task{Key: r, Stages: []Stage{NewStage("const", i)}}
		g[f] = &Task{Key: f, Deps: []Key{r}, Stages: []Stage{NewStage("add", 10)}}
		g[h] = &Task{Key: h, Deps: []Key{f}, Stages: []Stage{NewStage("add", 100)}}
		gs = append(gs, h)
	}
	g["sum"] = &Task{Key: "sum", Deps: gs, Stages: []Stage{NewStage("sum", nil)}}
	return g, "sum"
}

func init() {
	Register("const", func(_ *Env, p json.RawMessage, _ []Value) (Value, error) {
		var v int
		return v, json.Unmarshal(p, &v)
	})
	Register("add", func(_ *Env, p json.RawMessage, in []Value) (Value, error) {
		var v int
		if err := json.Unmarshal(p, &v); err != nil {
			return nil, err
		}
		return in[0].(int) + v, nil
	})
	Register("sum", func(_ *Env, _ json.RawMessage, in []Value) (Value, error) {
		s := 0
		for _, v := range in {
			s += v.(int)
		}
		return s, nil
	})
}

func eval(t *testing.T, g Graph, k Key) Value {
	t.Helper()
	memo := map[Key]Value{}
	var get func(Key) Value
	get = func(k Key) Value {
		if v, ok := memo[k]; ok {
			return v
		}
		task := g[k]
		var in []Value
		for _, d := range task.Deps {
			in = append(in, get(d))
		}
		v, err := Run(&Env{}, task, in)
		if err != nil {
			t.Fatal(err)
		}
		memo[k] = v
		return v
	}
	return get(k)
}

func TestFuseLinearChains(t *testing.T) {
	g, out := chain(4)
	fused := Fuse(g, []Key{out})
	// Each read→f→g chain becomes one task; the sum stays.
	if len(fused) != 5 {
		t.Fatalf("fused graph has %d tasks, want 5: %v", len(fused), fused)
	}
	for i := 0; i < 4; i++ {
		task, ok := fused[PartKey("g", i)]
		if !ok || len(task.Stages) != 3 || len(task.Deps) != 0 {
			t.Errorf("partition %d not fused into one task: %+v", i, task)
		}
	}
	want := 0
	for i := 0; i < 4; i++ {
		want += i + 110
	}
	if got := eval(t, fused, out); got != want {
		t.Errorf("fused result %v, unfused %v", got, want)
	}
	if got := eval(t, g, out); got != want {
		t.Errorf("unfused result %v, want %v", got, want)
	}
	if len(g) != 13 {
		t.Errorf("Fuse modified its input")
	}
}

func TestFuseKeepsSharedInputs(t *testing.T) {
	g, _ := chain(1)
	// A second consumer of f(0) must keep f(0) a separate task.
	g["other"] = &Task{Key: "other", Deps: []Key{PartKey("f", 0)}, Stages: []Stage{NewStage("add", 1)}}
	fused := Fuse(g, []Key{"sum", "other"})
	if _, ok := fused[PartKey("f", 0)]; !ok {
		t.Errorf("a task with two dependents was fused away: %v", fused)
	}
	if got, want := eval(t, fused, "other"), 11; got != want {
		t.Errorf("other = %v, want %v", got, want)
	}
}

func TestCull(t *testing.T) {
	g, _ := chain(3)
	c, err := Cull(g, []Key{PartKey("g", 1)})
	if err != nil {
		t.Fatal(err)
	}
	if len(c) != 3 {
		t.Errorf("culled graph has %d tasks, want 3", len(c))
	}
	if _, err := Cull(g, []Key{"nope"}); err == nil {
		t.Error("culling a missing key did not fail")
	}
}

func TestRunUnknownOp(t *testing.T) {
	_, err := Run(&Env{}, &Task{Key: "x", Stages: []Stage{{Op: "nope"}}}, nil)
	if err == nil || fmt.Sprint(err) == "" {
		t.Fatal("unknown operation did not fail")
	}
}

// A filter reads its partition twice (the frame and the mask computed from
// it): blockwise fusion makes one task per partition, with the stages
// wired as a small DAG, and leaves the reduction over partitions alone.
func TestFuseBlockwise(t *testing.T) {
	g := Graph{}
	var chunks []Key
	for i := 0; i < 2; i++ {
		r, m, f := PartKey("r", i), PartKey("m", i), PartKey("f", i)
		g[r] = &Task{Key: r, Stages: []Stage{NewStage("const", 10*(i+1))}}
		g[m] = &Task{Key: m, Deps: []Key{r}, Stages: []Stage{NewStage("add", 1)}}
		g[f] = &Task{Key: f, Deps: []Key{r, m}, Stages: []Stage{NewStage("sum", nil)}}
		chunks = append(chunks, f)
	}
	g["total"] = &Task{Key: "total", Deps: chunks, Stages: []Stage{NewStage("sum", nil)}}
	fused := Fuse(g, []Key{"total"})
	if len(fused) != 3 {
		t.Fatalf("fused graph has %d tasks, want 3 (one per partition and the total)", len(fused))
	}
	for i := 0; i < 2; i++ {
		task := fused[PartKey("f", i)]
		if task == nil || len(task.Deps) != 0 || len(task.Stages) != 3 {
			t.Fatalf("partition %d: %+v", i, task)
		}
		v, err := Run(&Env{}, task, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := 10*(i+1) + 10*(i+1) + 1
		if v != want {
			t.Errorf("partition %d = %v, want %d", i, v, want)
		}
	}
}

// Blocks of 2-D arrays are the same block only when all their indices
// agree, not just the last.
func TestBlockwiseComparesAllIndices(t *testing.T) {
	task := func(k string, deps ...Key) *Task { return &Task{Key: Key(k), Deps: deps} }
	for _, c := range []struct {
		t    *Task
		want bool
	}{
		{task("('c', 0, 1)", "('a', 0, 1)", "('b', 0, 1)"), true},
		{task("('c', 0, 1)", "('a', 0, 1)", "('b', 1, 1)"), false},
		{task("('c', 3)", "('a', 3)", "('b', 3)"), true},
		{task("('c', 3)", "('a', 3)", "('b', 0, 3)"), false},
		{task("c", "a", "b"), false},
		{task("('c', 0, 1)", "('a', 0, 1)"), true},
	} {
		if got := blockwise(c.t); got != c.want {
			t.Errorf("blockwise(%s ← %v) = %v, want %v", c.t.Key, c.t.Deps, got, c.want)
		}
	}
}
