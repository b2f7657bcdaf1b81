package dasharray

import (
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/graph"
	"burst/engine/lib/numpy"
	"burst/engine/ndarray"
	"burst/engine/session"
)

// compute runs x's graph in this goroutine, without a kernel or a
// scheduler, and joins the blocks as compute() does.
func compute(t *testing.T, x *DaskArray) starlark.Value {
	t.Helper()
	g := x.DaskGraph()
	memo := map[graph.Key]graph.Value{}
	var run func(k graph.Key) graph.Value
	run = func(k graph.Key) graph.Value {
		if v, ok := memo[k]; ok {
			return v
		}
		task := g[k]
		if task == nil {
			t.Fatalf("no task %s", k)
		}
		in := make([]graph.Value, len(task.Deps))
		for i, d := range task.Deps {
			in[i] = run(d)
		}
		v, err := graph.Run(&graph.Env{}, task, in)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		memo[k] = v
		return v
	}
	var parts []graph.Value
	for _, k := range x.DaskKeys() {
		parts = append(parts, run(k))
	}
	v, err := x.PostCompute(parts)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestBlockKey(t *testing.T) {
	for _, c := range []struct {
		idx  []int
		want graph.Key
	}{{nil, "('x',)"}, {[]int{3}, "('x', 3)"}, {[]int{3, 0}, "('x', 3, 0)"}} {
		if got := BlockKey("x", c.idx); got != c.want {
			t.Errorf("BlockKey(x, %v) = %s, want %s", c.idx, got, c.want)
		}
	}
}

func TestChunksArg(t *testing.T) {
	c, err := chunksArg(starlark.Tuple{starlark.MakeInt(2), starlark.MakeInt(-1)}, []int{5, 3}, ndarray.Float64)
	if err != nil {
		t.Fatal(err)
	}
	if !sameChunks(c, [][]int{{2, 2, 1}, {3}}) {
		t.Errorf("chunks = %v", c)
	}
	if _, err := chunksArg(starlark.Tuple{starlark.MakeInt(2)}, []int{5, 3}, ndarray.Float64); err == nil {
		t.Error("chunks of the wrong length: no error")
	}
}

// TestFromArray cuts a numpy array into blocks, applies element-wise
// operations and a reduction block by block, and computes them.
func TestFromArray(t *testing.T) {
	a := numpy.NewArray(ndarray.FromFloat64s([]float64{1, 2, 3, 4, 5, 6}, 3, 2))
	v, err := FromArray(nil, starlark.NewBuiltin("from_array", nil), starlark.Tuple{a, starlark.MakeInt(2)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	x := v.(*DaskArray)
	var _ session.Collection = x
	if got, want := x.String(), "dask.array<array, shape=(3, 2), dtype=float64, chunksize=(2, 2), chunktype=numpy.ndarray>"; got != want {
		t.Errorf("repr %s, want %s", got, want)
	}
	if !sameChunks(x.Chunks(), [][]int{{2, 1}, {2}}) || x.NDim() != 2 || x.DType() != ndarray.Float64 {
		t.Errorf("chunks %v, ndim %d, dtype %s", x.Chunks(), x.NDim(), x.DType())
	}
	y, err := x.Binary(syntax.STAR, starlark.MakeInt(10), starlark.Left)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := session.Repr(compute(t, y.(*DaskArray))), "array([[10., 20.],\n       [30., 40.],\n       [50., 60.]])"; got != want {
		t.Errorf("x * 10 = %s, want %s", got, want)
	}
	s, err := x.reduction("sum", nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := session.Repr(compute(t, s)); got != "21.0" {
		t.Errorf("x.sum() = %s, want 21.0", got)
	}
	i := x.Blockwise("astype", Params{Kind: "astype", DType: "int64"}, ndarray.Int64)
	if got, want := session.Repr(compute(t, i)), "array([[1, 2],\n       [3, 4],\n       [5, 6]])"; got != want {
		t.Errorf("astype(int64) = %s, want %s", got, want)
	}
}
