package dataframe

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"burst/engine/csv"
	"burst/engine/files"
	"burst/engine/frame"
	"burst/engine/graph"
)

// serial computes graphs in this goroutine, counting the tasks it runs.
type serial struct {
	env *graph.Env
	ran map[string]int
}

func (s *serial) Compute(_ context.Context, g graph.Graph, keys []graph.Key) ([]graph.Value, error) {
	memo := map[graph.Key]graph.Value{}
	var get func(graph.Key) (graph.Value, error)
	get = func(k graph.Key) (graph.Value, error) {
		if v, ok := memo[k]; ok {
			return v, nil
		}
		t := g[k]
		in := make([]graph.Value, len(t.Deps))
		for i, d := range t.Deps {
			v, err := get(d)
			if err != nil {
				return nil, err
			}
			in[i] = v
		}
		s.ran[k.Prefix()]++
		v, err := graph.Run(s.env, t, in)
		memo[k] = v
		return v, err
	}
	out := make([]graph.Value, len(keys))
	for i, k := range keys {
		v, err := get(k)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func write(t *testing.T, contents map[string]string) files.Dir {
	dir := t.TempDir()
	for n, s := range contents {
		os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644)
	}
	return files.Dir(dir)
}

func TestBlocksizeSplitsOnLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("a,b\n")
	for i := 0; i < 100; i++ {
		b.WriteString("1,hello world\n22,x\n")
	}
	fs := write(t, map[string]string{"big.csv": b.String()})
	c, err := ReadCSV(fs, "big.csv", csv.Options{}, 256)
	if err != nil {
		t.Fatal(err)
	}
	if c.NParts < 5 {
		t.Fatalf("npartitions = %d, want the 2 KB file split in 256-byte blocks", c.NParts)
	}
	s := &serial{env: &graph.Env{FS: fs}, ran: map[string]int{}}
	v, err := c.Compute(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	f := v.(*frame.Frame)
	whole, _ := csv.Read("big.csv", []byte(b.String()), nil)
	if f.Rows != whole.Rows {
		t.Fatalf("blocks hold %d rows, the file %d", f.Rows, whole.Rows)
	}
	got := f.Columns[0].Data.(interface{ Int64Values() []int64 }).Int64Values()
	want := whole.Columns[0].Data.(interface{ Int64Values() []int64 }).Int64Values()
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("row %d: %d, want %d", i, got[i], want[i])
		}
	}
}

func TestMismatchedDtypes(t *testing.T) {
	fs := write(t, map[string]string{"1.csv": "x,y\n1,a\n2,b\n", "2.csv": "x,y\n3,c\n,d\n"})
	c, err := ReadCSV(fs, "*.csv", csv.Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	s := &serial{env: &graph.Env{FS: fs}, ran: map[string]int{}}
	_, err = c.Compute(context.Background(), s)
	if err == nil || !strings.Contains(err.Error(), "Mismatched dtypes found") || !strings.Contains(err.Error(), "| x      | float64 | int64    |") || !strings.Contains(err.Error(), "dtype={'x': 'float64'}") {
		t.Fatalf("want Dask's mismatched dtypes error, got %v", err)
	}
	// With the dtype given, the partitions agree.
	c, err = ReadCSV(fs, "*.csv", csv.Options{DType: map[string]frame.DType{"x": frame.Float64}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Compute(context.Background(), s); err != nil {
		t.Fatal(err)
	}
}

// Two reductions of the same frame computed together read each file once,
// because their graphs share the read tasks' keys.
func TestSharedReadsComputeOnce(t *testing.T) {
	fs := write(t, map[string]string{"1.csv": "x\n1\n2\n", "2.csv": "x\n3\n4\n"})
	c, err := ReadCSV(fs, "*.csv", csv.Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	col, err := Map("getitem", graph.NewStage("getitem", map[string]any{"columns": []string{"x"}, "series": true}), nil, c)
	if err != nil {
		t.Fatal(err)
	}
	red := func(how string) *Collection {
		p := map[string]any{"how": how, "series": true, "ddof": 1}
		r, err := Reduce("series-"+how, graph.NewStage("reduce-chunk", p), graph.NewStage("reduce-agg", p), nil, col)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	mean, std := red("mean"), red("std")
	s := &serial{env: &graph.Env{FS: fs}, ran: map[string]int{}}
	vs, err := s.Compute(context.Background(), graph.Merge(mean.Graph, std.Graph), append(mean.Keys(), std.Keys()...))
	if err != nil {
		t.Fatal(err)
	}
	if s.ran["read-csv"] != 2 {
		t.Errorf("read-csv ran %d times, want 2 (once per file)", s.ran["read-csv"])
	}
	if vs[0] != 2.5 {
		t.Errorf("mean = %v", vs[0])
	}
	if v := vs[1].(float64); v < 1.2909944 || v > 1.2909945 {
		t.Errorf("std = %v", v)
	}
}

// A read whose consumers use some columns converts and checks only those,
// as Dask's column projection: a mismatch elsewhere is no error, and
// filters pass the projection through to their consumers.
func TestProjectionNarrowsReads(t *testing.T) {
	fs := write(t, map[string]string{
		"1.csv": "x,y,z\n1,a,1\n2,b,0\n",
		"2.csv": "x,y,z\n3,c,1\n,d,1\n", // x is float here: a mismatch
	})
	c, err := ReadCSV(fs, "*.csv", csv.Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	col := func(in *Collection, name string) *Collection {
		out, err := Map("getitem", graph.NewStage("getitem", map[string]any{"columns": []string{name}, "series": true}), nil, in)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	mask, err := Map("eq", graph.NewStage("binary", binaryParams{Op: "==", Scalar: &Scalar{V: int64(1)}}), nil, col(c, "z"))
	if err != nil {
		t.Fatal(err)
	}
	kept, err := Map("filter", graph.NewStage("filter", nil), nil, c, mask)
	if err != nil {
		t.Fatal(err)
	}
	ys := col(kept, "y")

	s := &serial{env: &graph.Env{FS: fs}, ran: map[string]int{}}
	opt := Optimized(s, nil)
	g := Project(ys.Graph, ys.Keys(), nil)
	for k, task := range g {
		if task.Stages[0].Op != "read-csv" {
			continue
		}
		if _, ok := ys.Graph[k]; ok {
			t.Errorf("narrowed read %s kept its key", k)
		}
		if !strings.Contains(string(task.Stages[0].Params), `"Project":["y","z"]`) {
			t.Errorf("read %s params %s, want the projection [y z]", k, task.Stages[0].Params)
		}
	}
	v, err := ys.Compute(context.Background(), opt)
	if err != nil {
		t.Fatalf("a mismatch in x, which nobody uses, failed the computation: %v", err)
	}
	if got := v.(*frame.Series).Data.String(); got != `["a" "c" "d"]` {
		t.Errorf("y where z == 1 = %s", got)
	}
	// The whole frame reads every column, and the mismatch is an error.
	if _, err := c.Compute(context.Background(), opt); err == nil || !strings.Contains(err.Error(), "Mismatched dtypes") {
		t.Errorf("whole frame: want the mismatch, got %v", err)
	}
	// The read is not narrowed when the frame itself is also wanted.
	g = Project(graph.Merge(ys.Graph, c.Graph), append(ys.Keys(), c.Keys()...), nil)
	for k := range c.Graph {
		if _, ok := g[k]; !ok {
			t.Errorf("read %s was narrowed although the whole frame is wanted", k)
		}
	}
}
