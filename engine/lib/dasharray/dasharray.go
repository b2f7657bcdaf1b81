package dasharray

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/codec"
	"burst/engine/graph"
	"burst/engine/lib/dask"
	"burst/engine/lib/numpy"
	"burst/engine/ml/rng"
	"burst/engine/ndarray"
	"burst/engine/session"
)

// DaskArray is dask.array's Array in a cell: a lazy n-dimensional array
// cut into blocks along each axis, each block the value of a task whose
// key is ('name', i, j, …) as Dask names them. Operations add tasks
// block by block; compute() runs them and joins the blocks into a numpy
// array; persist() keeps the blocks on the Client's workers.
type DaskArray struct {
	name   string
	g      graph.Graph
	chunks [][]int // block lengths along each axis, as Dask's chunks
	dtype  ndarray.DType
	// held keeps the blocks a Client persisted on its workers.
	held any
}

var (
	_ starlark.HasAttrs  = (*DaskArray)(nil)
	_ starlark.Sliceable = (*DaskArray)(nil)
	_ starlark.Mapping   = (*DaskArray)(nil)
	_ starlark.HasBinary = (*DaskArray)(nil)
	_ starlark.HasUnary  = (*DaskArray)(nil)
)

func (x *DaskArray) Type() string          { return "dask.array.core.Array" }
func (x *DaskArray) Freeze()               {}
func (x *DaskArray) Truth() starlark.Bool  { return true }
func (x *DaskArray) Hash() (uint32, error) { return starlark.String(x.name).Hash() }

// Shape is the array's shape: the sums of the chunks.
func (x *DaskArray) Shape() []int {
	s := make([]int, len(x.chunks))
	for ax, c := range x.chunks {
		for _, n := range c {
			s[ax] += n
		}
	}
	return s
}

// NDim is the number of dimensions.
func (x *DaskArray) NDim() int { return len(x.chunks) }

// Name is the array's name: its blocks' keys are BlockKey(Name(), idx).
func (x *DaskArray) Name() string { return x.name }

// Chunks are the block lengths along each axis, as Dask's chunks; the
// caller must not change them.
func (x *DaskArray) Chunks() [][]int { return x.chunks }

// DType is the dtype of the array's elements.
func (x *DaskArray) DType() ndarray.DType { return x.dtype }

// numblocks is the number of blocks along each axis.
func (x *DaskArray) numblocks() []int {
	nb := make([]int, len(x.chunks))
	for ax, c := range x.chunks {
		nb[ax] = len(c)
	}
	return nb
}

func (x *DaskArray) nblocks() int { return numpy.Prod(x.numblocks()) }

// chunksize is the largest block length along each axis.
func (x *DaskArray) chunksize() []int {
	cs := make([]int, len(x.chunks))
	for ax, c := range x.chunks {
		for _, n := range c {
			cs[ax] = max(cs[ax], n)
		}
	}
	return cs
}

// BlockKey is the key of the block at idx of the array called name:
// "('name', 3, 0)", or "('name',)" for a 0-d array, as Dask prints keys.
func BlockKey(name string, idx []int) graph.Key {
	var b strings.Builder
	b.WriteString("('")
	b.WriteString(name)
	b.WriteString("'")
	if len(idx) == 0 {
		b.WriteString(",)")
		return graph.Key(b.String())
	}
	for _, i := range idx {
		fmt.Fprintf(&b, ", %d", i)
	}
	b.WriteString(")")
	return graph.Key(b.String())
}

// eachBlock calls f with the index of every block of a grid, in C order.
func eachBlock(numblocks []int, f func(idx []int)) {
	n := numpy.Prod(numblocks)
	idx := make([]int, len(numblocks))
	for k := 0; k < n; k++ {
		rem := k
		for ax := len(numblocks) - 1; ax >= 0; ax-- {
			idx[ax] = rem % numblocks[ax]
			rem /= numblocks[ax]
		}
		f(append([]int(nil), idx...))
	}
}

// keys returns the blocks' keys in C order (Dask's __dask_keys__
// flattened).
func (x *DaskArray) keys() []graph.Key {
	out := make([]graph.Key, 0, x.nblocks())
	eachBlock(x.numblocks(), func(idx []int) { out = append(out, BlockKey(x.name, idx)) })
	return out
}

// blockShape is the shape of the block at idx.
func (x *DaskArray) blockShape(idx []int) []int {
	s := make([]int, len(idx))
	for ax, i := range idx {
		s[ax] = x.chunks[ax][i]
	}
	return s
}

// New returns the array called name over the tasks of g, which holds a
// task for each block, keyed BlockKey(name, idx); chunks are the block
// lengths along each axis and dt the elements' dtype.
func New(name string, g graph.Graph, chunks [][]int, dt ndarray.DType) *DaskArray {
	return &DaskArray{name: name, g: g, chunks: chunks, dtype: dt}
}

// pyTupleInts prints ints as Python prints a tuple: (3,), (2, 3), ().
func pyTupleInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, v := range xs {
		parts[i] = fmt.Sprint(v)
	}
	if len(xs) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// String is Dask's repr: the name without its token, shape, dtype, the
// largest block and the type of the blocks.
func (x *DaskArray) String() string {
	name := x.name
	if i := strings.LastIndexByte(name, '-'); i >= 0 {
		name = name[:i]
	}
	return fmt.Sprintf("dask.array<%s, shape=%s, dtype=%s, chunksize=%s, chunktype=numpy.ndarray>",
		name, pyTupleInts(x.Shape()), x.dtype, pyTupleInts(x.chunksize()))
}

func itemsize(t ndarray.DType) int {
	if t == ndarray.Bool {
		return 1
	}
	return 8
}

// formatBytesDask is dask.utils.format_bytes: 4.69 kiB, 61.04 MiB.
func formatBytesDask(n int) string {
	for _, u := range []struct {
		prefix string
		k      float64
	}{{"Pi", 1 << 50}, {"Ti", 1 << 40}, {"Gi", 1 << 30}, {"Mi", 1 << 20}, {"ki", 1 << 10}} {
		if float64(n) >= u.k*0.9 {
			return fmt.Sprintf("%.2f %sB", float64(n)/u.k, u.prefix)
		}
	}
	return fmt.Sprintf("%d B", n)
}

func pluralize(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// layers counts the graph's layers as Dask's HighLevelGraph would: one
// per collection name.
func (x *DaskArray) layers() int {
	seen := map[string]bool{}
	for k := range x.g {
		s := string(k)
		if strings.HasPrefix(s, "('") {
			if i := strings.IndexByte(s[2:], '\''); i >= 0 {
				s = s[2 : 2+i]
			}
		}
		seen[s] = true
	}
	return len(seen)
}

// HTML is Dask's notebook summary: sizes of the array and of a block,
// the graph, and a drawing of the blocks.
func (x *DaskArray) HTML() string {
	n := numpy.Prod(x.Shape()) * itemsize(x.dtype)
	c := numpy.Prod(x.chunksize()) * itemsize(x.dtype)
	var b strings.Builder
	b.WriteString(`<table><tr><td><table style="border-collapse: collapse;"><thead><tr><td> </td><th> Array </th><th> Chunk </th></tr></thead><tbody>`)
	fmt.Fprintf(&b, `<tr><th> Bytes </th><td> %s </td><td> %s </td></tr>`, formatBytesDask(n), formatBytesDask(c))
	fmt.Fprintf(&b, `<tr><th> Shape </th><td> %s </td><td> %s </td></tr>`, pyTupleInts(x.Shape()), pyTupleInts(x.chunksize()))
	fmt.Fprintf(&b, `<tr><th> Dask graph </th><td colspan="2"> %s in %s </td></tr>`, pluralize(x.nblocks(), "chunk"), pluralize(x.layers(), "graph layer"))
	fmt.Fprintf(&b, `<tr><th> Data type </th><td colspan="2"> %s numpy.ndarray </td></tr>`, x.dtype)
	b.WriteString(`</tbody></table></td><td>`)
	b.WriteString(x.svg())
	b.WriteString(`</td></tr></table>`)
	return b.String()
}

// svg draws the blocks of a 1-D or 2-D array as Dask's svg_2d does: the
// array as a rectangle of at most 120 pixels a side (ratios past 1:e
// squashed logarithmically), a line at each block boundary.
func (x *DaskArray) svg() string {
	chunks := x.chunks
	switch len(chunks) {
	case 1:
		chunks = [][]int{{1}, chunks[0]}
	case 2:
	default:
		return ""
	}
	shape := []int{0, 0}
	for ax := range shape {
		shape[ax] = 0
		for _, c := range chunks[ax] {
			shape[ax] += c
		}
		if shape[ax] == 0 {
			return ""
		}
	}
	const size = 120
	// draw_sizes and ratio_response
	mx := float64(max(shape[0], shape[1]))
	sizes := make([]float64, 2)
	for ax, d := range shape {
		r := mx / math.Max(0.1, float64(d))
		switch {
		case r < math.E:
		case r <= 100:
			r = math.Log(r + 12.4)
		default:
			r = math.Log(100 + 12.4)
		}
		sizes[ax] = size / r
	}
	points := func(c []int, size float64) []float64 {
		cum := make([]float64, len(c)+1)
		for i, v := range c {
			cum[i+1] = cum[i] + float64(v)
		}
		last := cum[len(c)]
		for i := range cum {
			cum[i] = cum[i] * size / last
		}
		return cum
	}
	y, xs := points(chunks[0], sizes[0]), points(chunks[1], sizes[1])
	maxX, maxY := xs[len(xs)-1], y[len(y)-1]
	maxN := size / 6
	lines := func(x1, y1, x2, y2 []float64) []string {
		n := len(x1)
		idx := make([]int, 0, n)
		if n > maxN {
			step := float64(n-1) / float64(maxN-1)
			for i := 0; i < maxN; i++ {
				v := float64(i) * step
				if i == maxN-1 {
					v = float64(n - 1)
				}
				idx = append(idx, int(v))
			}
		} else {
			for i := 0; i < n; i++ {
				idx = append(idx, i)
			}
		}
		out := make([]string, len(idx))
		for k, i := range idx {
			style := ""
			if k == 0 || k == len(idx)-1 {
				style = ` style="stroke-width:2"`
			}
			out[k] = fmt.Sprintf(`  <line x1="%d" y1="%d" x2="%d" y2="%d"%s />`, int(x1[i]), int(y1[i]), int(x2[i]), int(y2[i]), style)
		}
		return out
	}
	fill := func(n int, v float64) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = v
		}
		return out
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<svg width=\"%d\" height=\"%d\" style=\"stroke:rgb(0,0,0);stroke-width:1\" >\n", int(maxX+50), int(maxY+50))
	b.WriteString("\n  <!-- Horizontal lines -->\n")
	b.WriteString(strings.Join(lines(fill(len(y), 0), y, fill(len(y), maxX), y), "\n"))
	b.WriteString("\n\n  <!-- Vertical lines -->\n")
	b.WriteString(strings.Join(lines(xs, fill(len(xs), 0), xs, fill(len(xs), maxY)), "\n"))
	color := "ECB172"
	if len(xs) >= maxN || len(y) >= maxN {
		color = "8B4903"
	}
	f := ndarray.PyFloat
	fmt.Fprintf(&b, "\n\n  <!-- Colored Rectangle -->\n  <polygon points=\"%s,%s %s,%s %s,%s %s,%s\" style=\"fill:#%sA0;stroke-width:0\"/>\n",
		f(xs[0]), f(0), f(maxX), f(0), f(maxX), f(maxY), f(xs[0]), f(maxY), color)
	rotate := 0
	if shape[0] >= 100 {
		rotate = -90
	}
	const style = `font-size="1.0rem" font-weight="100" text-anchor="middle"`
	fmt.Fprintf(&b, "\n  <!-- Text -->\n  <text x=\"%f\" y=\"%f\" %s >%d</text>\n", maxX/2, maxY+20, style, shape[1])
	fmt.Fprintf(&b, "  <text x=\"%f\" y=\"%f\" %s transform=\"rotate(%d,%f,%f)\">%d</text>\n</svg>", maxX+20, maxY/2, style, rotate, maxX+20, maxY/2, shape[0])
	return b.String()
}

// ---- block operations ----

// Params are the parameters of the graph operation "darray": one block
// of an array computed from the blocks it depends on.
type Params struct {
	// Kind: "block" (a delayed value checked as a block of Shape and
	// DType), "astype", "getitem" (Items), "chunk" (the per-block step
	// of reduction Func along Axis, nil for all axes), "binary" (Op with
	// Scalar, or with a second block), "unary", "fill" (Shape filled
	// with Scalar), "arange" (Start, Stop, Step, Shape[0] values).
	Kind   string          `json:"kind"`
	Shape  []int           `json:"shape,omitempty"`
	DType  string          `json:"dtype,omitempty"`
	Items  []Item          `json:"items,omitempty"`
	Func   string          `json:"func,omitempty"`
	Axis   *int            `json:"axis,omitempty"`
	Op     string          `json:"op,omitempty"`
	Scalar json.RawMessage `json:"scalar,omitempty"`
	Right  bool            `json:"right,omitempty"`
	Start  float64         `json:"start,omitempty"`
	Stop   float64         `json:"stop,omitempty"`
	Step   float64         `json:"step,omitempty"`
	// Seed is a "random" block's numpy seed array (624 words, as
	// Dask's random_state_data draws them); Func names the
	// distribution and Start and Stop are its two parameters.
	Seed []uint32 `json:"seed,omitempty"`
	// Grid and Pieces are a "rechunk" block's parts: how many old
	// blocks it takes along each axis, and the part of each (in
	// row-major order).
	Grid   []int    `json:"grid,omitempty"`
	Pieces [][]Item `json:"pieces,omitempty"`
}

// Item indexes one axis of a block: Int, or Start:Stop:Step.
type Item struct {
	Int   *int `json:"int,omitempty"`
	Start int  `json:"start"`
	Stop  int  `json:"stop"`
	Step  int  `json:"step"`
}

// BlockArray reads a block's value (what a task of an array computed: a
// numpy array, or a value numpy converts) as an array.
func BlockArray(v graph.Value) (*ndarray.Array, error) {
	switch x := v.(type) {
	case *numpy.NDArray:
		return x.Array(), nil
	case starlark.Value:
		return numpy.ArrayOf(x)
	}
	return nil, fmt.Errorf("TypeError: a block of a dask array is a %T, not an array", v)
}

func init() {
	graph.Register("darray", func(_ *graph.Env, raw json.RawMessage, in []graph.Value) (graph.Value, error) {
		var p Params
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, err
		}
		var err error
		arrays := make([]*ndarray.Array, len(in))
		for i, v := range in {
			if arrays[i], err = BlockArray(v); err != nil {
				return nil, err
			}
		}
		r, err := runDarray(p, arrays)
		if err != nil {
			return nil, err
		}
		return r, nil
	})
}

func runDarray(p Params, in []*ndarray.Array) (graph.Value, error) {
	dt := ndarray.Float64
	if p.DType != "" {
		var err error
		if dt, err = ndarray.ParseDType(p.DType); err != nil {
			return nil, err
		}
	}
	switch p.Kind {
	case "block":
		a := in[0]
		if !sameInts(a.Shape(), p.Shape) {
			return nil, fmt.Errorf("ValueError: a block of from_delayed was declared with shape %s but the delayed value has shape %s", pyTupleInts(p.Shape), pyTupleInts(a.Shape()))
		}
		if a.DType() != dt {
			a = a.AsType(dt)
		}
		return numpy.NewArray(a), nil
	case "astype":
		if in[0].DType() == dt {
			return numpy.NewArray(in[0]), nil
		}
		return numpy.NewArray(in[0].AsType(dt)), nil
	case "getitem":
		idx := make([]ndarray.Index, len(p.Items))
		for i, it := range p.Items {
			if it.Int != nil {
				idx[i] = ndarray.Int(*it.Int)
				continue
			}
			s, e, st := it.Start, it.Stop, it.Step
			idx[i] = ndarray.Slice{Start: &s, Stop: &e, Step: &st}
		}
		r, err := in[0].Get(idx...)
		if err != nil {
			return nil, err
		}
		return numpy.NewArray(r), nil
	case "chunk":
		return reduceChunk(p.Func, in[0], p.Axis)
	case "binary":
		var y *ndarray.Array
		if len(in) > 1 {
			y = in[1]
		} else {
			v, err := codec.DecodePlain(p.Scalar)
			if err != nil {
				return nil, err
			}
			if y, err = numpy.ArrayOf(v); err != nil {
				return nil, err
			}
		}
		a, b := in[0], y
		if p.Right {
			a, b = y, in[0]
		}
		r, err := ndarray.Binary(darrayOps[p.Op], a, b)
		if err != nil {
			return nil, err
		}
		return numpy.NewArray(r), nil
	case "unary":
		r, err := ndarray.Binary(ndarray.Sub, ndarray.Scalar(int64(0)).AsType(in[0].DType()), in[0])
		if in[0].DType() == ndarray.Bool {
			return nil, fmt.Errorf("TypeError: The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
		}
		if err != nil {
			return nil, err
		}
		return numpy.NewArray(r), nil
	case "fill":
		v, err := codec.DecodePlain(p.Scalar)
		if err != nil {
			return nil, err
		}
		f, err := numpy.ArrayOf(v)
		if err != nil {
			return nil, err
		}
		return numpy.NewArray(ndarray.Full(p.Shape, f.Item(0), dt)), nil
	case "random":
		return randomBlock(p)
	case "rechunk":
		return rechunkBlock(p, in)
	case "arange":
		r, err := ndarray.Arange(p.Start, p.Stop, p.Step, dt)
		if err != nil {
			return nil, err
		}
		if r.Len() > p.Shape[0] {
			r = r.Rows(0, p.Shape[0])
		}
		return numpy.NewArray(r), nil
	}
	return nil, fmt.Errorf("darray: unknown kind %q", p.Kind)
}

func sameInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// darrayOps are the element-wise operators Dask arrays take, by the
// name Dask gives their tasks.
var darrayOps = map[string]ndarray.Op{
	"add": ndarray.Add, "sub": ndarray.Sub, "mul": ndarray.Mul, "truediv": ndarray.Div,
	"floordiv": ndarray.FloorDiv, "mod": ndarray.Mod, "pow": ndarray.Pow,
}

var darrayTokens = map[syntax.Token]string{
	syntax.PLUS: "add", syntax.MINUS: "sub", syntax.STAR: "mul", syntax.SLASH: "truediv",
	syntax.SLASHSLASH: "floordiv", syntax.PERCENT: "mod", syntax.STARSTAR: "pow",
}

// ---- reductions ----

// Reductions follow dask.array.reduction: a chunk step on every block
// (keeping the reduced axes, of length 1), then a tree of combine steps
// over groups of split_every blocks, then the aggregate; each step sums
// or compares with numpy's own functions on the same shapes, so the
// results are Dask's to the last bit.

// reduceChunk is the per-block step: for mean a pair (count, total), for
// the others the reduction itself.
func reduceChunk(fn string, a *ndarray.Array, axis *int) (graph.Value, error) {
	keep := keptShape(a.Shape(), axis)
	switch fn {
	case "mean":
		n := a.Size()
		if axis != nil {
			n = a.Shape()[*axis]
		}
		total, err := a.AsType(ndarray.Float64).Reduce(ndarray.Sum, axis, 0)
		if err != nil {
			return nil, err
		}
		total, _ = total.Reshape(keep...)
		count := ndarray.Full(keep, float64(n), ndarray.Float64)
		return starlark.Tuple{numpy.NewArray(count), numpy.NewArray(total)}, nil
	}
	r, err := reduceOnce(fn, a, axis)
	if err != nil {
		return nil, err
	}
	r, _ = r.Reshape(keep...)
	return numpy.NewArray(r), nil
}

// reduceOnce applies sum, min or max along axis (nil: all axes).
func reduceOnce(fn string, a *ndarray.Array, axis *int) (*ndarray.Array, error) {
	r := map[string]ndarray.Reduction{"sum": ndarray.Sum, "min": ndarray.Min, "max": ndarray.Max}[fn]
	if fn == "sum" && a.DType() == ndarray.Bool {
		a = a.AsType(ndarray.Int64)
	}
	return a.Reduce(r, axis, 0)
}

// keptShape is shape with the reduced axes kept as 1.
func keptShape(shape []int, axis *int) []int {
	out := append([]int(nil), shape...)
	for ax := range out {
		if axis == nil || *axis == ax {
			out[ax] = 1
		}
	}
	return out
}

// reducedAxes lists the axes a reduction along axis (nil: all) removes.
func reducedAxes(ndim int, axis *int) []int {
	if axis != nil {
		return []int{*axis}
	}
	out := make([]int, ndim)
	for i := range out {
		out[i] = i
	}
	return out
}

// joinGroup is Dask's _concatenate2: the blocks of a group, in C order
// over the group's grid (its extent along each axis), joined into one
// array along every axis.
func joinGroup(blocks []*ndarray.Array, grid []int) (*ndarray.Array, error) {
	cur := blocks
	for ax := len(grid) - 1; ax >= 0; ax-- {
		if grid[ax] == 1 {
			continue
		}
		var next []*ndarray.Array
		for i := 0; i < len(cur); i += grid[ax] {
			j, err := ndarray.Concatenate(cur[i:i+grid[ax]], ax)
			if err != nil {
				return nil, err
			}
			next = append(next, j)
		}
		cur = next
	}
	return cur[0], nil
}

// combineStep is a combine (keep true) or aggregate step of reduction fn
// over the values of a group of blocks.
func combineStep(fn string, in []graph.Value, grid []int, axis *int, keep, final bool) (graph.Value, error) {
	pick := func(part int) ([]*ndarray.Array, error) {
		out := make([]*ndarray.Array, len(in))
		for i, v := range in {
			if part >= 0 {
				t, ok := v.(starlark.Tuple)
				if !ok || len(t) != 2 {
					return nil, fmt.Errorf("darray: a mean chunk is a %T", v)
				}
				v = t[part]
			}
			a, err := BlockArray(v)
			if err != nil {
				return nil, err
			}
			out[i] = a
		}
		return out, nil
	}
	reduce := func(blocks []*ndarray.Array, r string) (*ndarray.Array, error) {
		j, err := joinGroup(blocks, grid)
		if err != nil {
			return nil, err
		}
		out, err := reduceOnce(r, j, axis)
		if err != nil {
			return nil, err
		}
		if keep {
			return out.Reshape(keptShape(j.Shape(), axis)...)
		}
		return out, nil
	}
	if fn != "mean" {
		blocks, err := pick(-1)
		if err != nil {
			return nil, err
		}
		r, err := reduce(blocks, fn)
		if err != nil {
			return nil, err
		}
		return numpy.NewArray(r), nil
	}
	ns, err := pick(0)
	if err != nil {
		return nil, err
	}
	totals, err := pick(1)
	if err != nil {
		return nil, err
	}
	n, err := reduce(ns, "sum")
	if err != nil {
		return nil, err
	}
	total, err := reduce(totals, "sum")
	if err != nil {
		return nil, err
	}
	if !final {
		return starlark.Tuple{numpy.NewArray(n), numpy.NewArray(total)}, nil
	}
	r, err := ndarray.Binary(ndarray.Div, total, n)
	if err != nil {
		return nil, err
	}
	return numpy.NewArray(r), nil
}

// reductionNames are the names Dask gives the layers of a reduction:
// chunk, combine (with "-partial") and aggregate (with "-aggregate").
var reductionNames = map[string][3]string{
	"sum":  {"sum", "sum", "sum"},
	"min":  {"amin", "amin", "amin"},
	"max":  {"amax", "amax", "amax"},
	"mean": {"mean_chunk", "mean_combine", "mean_agg"},
}

// reduction is x.sum(), x.mean(axis=0), …: a chunk task per block, then
// combine and aggregate tasks over groups of blocks as Dask's
// _tree_reduce makes them. The combine and aggregate steps run in the
// kernel: they read a few numbers per block, and keeping them off the
// workers stops the scheduler from fusing every block into one task.
func (x *DaskArray) reduction(fn string, axis *int, keepdims bool) (*DaskArray, error) {
	nd := x.NDim()
	if axis != nil {
		ax, err := ndarray.NormalizeAxis(*axis, nd)
		if err != nil {
			return nil, err
		}
		axis = &ax
	}
	names := reductionNames[fn]
	outType := x.dtype
	switch {
	case fn == "mean":
		outType = ndarray.Float64
	case fn == "sum" && x.dtype == ndarray.Bool:
		outType = ndarray.Int64
	}
	if (fn == "min" || fn == "max") && numpy.Prod(x.Shape()) == 0 {
		return nil, fmt.Errorf("ValueError: zero-size array to reduction operation %s which has no identity", map[string]string{"min": "minimum", "max": "maximum"}[fn])
	}
	reduced := map[int]bool{}
	for _, ax := range reducedAxes(nd, axis) {
		reduced[ax] = true
	}
	g := graph.Merge(x.g)
	// Chunk step: one task per block.
	params := Params{Kind: "chunk", Func: fn, Axis: axis}
	stage := graph.NewStage("darray", params)
	cur := New(names[0]+"-"+graph.Tokenize(names[0], x.name, params), g, nil, outType)
	cur.chunks = make([][]int, nd)
	for ax, c := range x.chunks {
		if reduced[ax] {
			cur.chunks[ax] = make([]int, len(c))
			for i := range cur.chunks[ax] {
				cur.chunks[ax][i] = 1
			}
			continue
		}
		cur.chunks[ax] = c
	}
	eachBlock(x.numblocks(), func(idx []int) {
		k := BlockKey(cur.name, idx)
		g[k] = &graph.Task{Key: k, Deps: []graph.Key{BlockKey(x.name, idx)}, Stages: []graph.Stage{stage}}
	})
	// split_every: 16 blocks a group, shared between the reduced axes.
	split := max(int(math.Pow(16, 1/float64(len(reduced)))), 2)
	depth := 1
	for ax := range reduced {
		if n := len(x.chunks[ax]); n > 1 {
			depth = max(depth, int(math.Ceil(rng.Log(float64(n))/rng.Log(float64(split)))))
		}
	}
	for level := 0; level < depth; level++ {
		final := level == depth-1
		keep := !final || keepdims
		name := names[1] + "-partial"
		if final {
			name = names[2] + "-aggregate"
		}
		cur = cur.partialReduce(name, fn, axis, reduced, split, keep, final)
	}
	return cur, nil
}

// partialReduce is Dask's partial_reduce: the blocks of cur grouped by
// split along the reduced axes, one task per group.
func (cur *DaskArray) partialReduce(prefix, fn string, axis *int, reduced map[int]bool, split int, keep, final bool) *DaskArray {
	nd := cur.NDim()
	name := prefix + "-" + graph.Tokenize(prefix, cur.name, split, keep)
	g := cur.g
	// Groups along each axis: runs of split blocks on reduced axes, single
	// blocks elsewhere.
	groups := make([][][2]int, nd)
	outChunks := make([][]int, 0, nd)
	for ax, c := range cur.chunks {
		step := 1
		if reduced[ax] {
			step = split
		}
		var oc []int
		for lo := 0; lo < len(c); lo += step {
			groups[ax] = append(groups[ax], [2]int{lo, min(lo+step, len(c))})
			if reduced[ax] {
				oc = append(oc, 1)
			} else {
				oc = append(oc, c[lo])
			}
		}
		if reduced[ax] && !keep {
			continue
		}
		outChunks = append(outChunks, oc)
	}
	ngroups := make([]int, nd)
	for ax := range groups {
		ngroups[ax] = len(groups[ax])
	}
	eachBlock(ngroups, func(gi []int) {
		grid := make([]int, nd)
		for ax := range gi {
			r := groups[ax][gi[ax]]
			grid[ax] = r[1] - r[0]
		}
		var deps []graph.Key
		eachBlock(grid, func(off []int) {
			idx := make([]int, nd)
			for ax := range off {
				idx[ax] = groups[ax][gi[ax]][0] + off[ax]
			}
			deps = append(deps, BlockKey(cur.name, idx))
		})
		outIdx := gi
		if !keep {
			outIdx = nil
			for ax, i := range gi {
				if !reduced[ax] {
					outIdx = append(outIdx, i)
				}
			}
		}
		k := BlockKey(name, outIdx)
		gridCopy := grid
		g[k] = &graph.Task{Key: k, Deps: deps, Stages: []graph.Stage{{Op: prefix, Fn: func(in []graph.Value) (graph.Value, error) {
			return combineStep(fn, in, gridCopy, axis, keep, final)
		}}}}
	})
	return New(name, g, outChunks, cur.dtype)
}

// ---- slicing ----

// getitem is x[key]: ints and slices (step > 0) per axis, missing axes
// whole. One task per block the selection touches.
func (x *DaskArray) getitem(key starlark.Value) (starlark.Value, error) {
	var items []starlark.Value
	if t, ok := key.(starlark.Tuple); ok {
		items = t
	} else {
		items = []starlark.Value{key}
	}
	nd := x.NDim()
	if len(items) > nd {
		return nil, fmt.Errorf("IndexError: Too many indices for array")
	}
	shape := x.Shape()
	type axisSel struct {
		isInt bool
		// per touched block: block index, local start, stop, step, count
		blocks [][5]int
	}
	sels := make([]axisSel, nd)
	for ax := 0; ax < nd; ax++ {
		var item starlark.Value = numpy.NewSlice(starlark.None, starlark.None, starlark.None)
		if ax < len(items) {
			item = items[ax]
		}
		n := shape[ax]
		switch it := item.(type) {
		case starlark.Int:
			i, err := starlark.AsInt32(it)
			if err != nil {
				return nil, fmt.Errorf("IndexError: cannot fit 'int' into an index-sized integer")
			}
			if i < -n || i >= n {
				return nil, fmt.Errorf("IndexError: Index %d is out of bounds for axis %d with size %d", i, ax, n)
			}
			if i < 0 {
				i += n
			}
			off := 0
			for b, c := range x.chunks[ax] {
				if i < off+c {
					sels[ax] = axisSel{isInt: true, blocks: [][5]int{{b, i - off, 0, 0, 1}}}
					break
				}
				off += c
			}
		case numpy.SliceValue:
			s, err := it.Index()
			if err != nil {
				return nil, err
			}
			start, step, count, err := sliceIndices(s, n)
			if err != nil {
				return nil, err
			}
			if step < 0 {
				return nil, fmt.Errorf("NotImplementedError: slicing a dask array with a negative step is not available in Burst")
			}
			off := 0
			var blocks [][5]int
			for b, c := range x.chunks[ax] {
				// Positions start + k*step inside [off, off+c).
				lo := 0
				if off > start {
					lo = (off - start + step - 1) / step
				}
				hi := count
				if end := off + c; start+(count-1)*step >= end {
					hi = (end - start + step - 1) / step
				}
				if hi > lo {
					first := start + lo*step - off
					last := start + (hi-1)*step - off
					blocks = append(blocks, [5]int{b, first, last + 1, step, hi - lo})
				}
				off += c
			}
			if len(blocks) == 0 {
				blocks = [][5]int{{0, 0, 0, 1, 0}}
			}
			sels[ax] = axisSel{blocks: blocks}
		default:
			if _, ok := item.(*DaskArray); ok {
				return nil, fmt.Errorf("NotImplementedError: indexing a dask array with another dask array is not available in Burst")
			}
			return nil, fmt.Errorf("NotImplementedError: Burst's dask arrays take ints and slices as indices, not %s", session.TypeName(item))
		}
	}
	var outChunks [][]int
	var grid []int
	for _, s := range sels {
		if s.isInt {
			continue
		}
		var c []int
		for _, b := range s.blocks {
			c = append(c, b[4])
		}
		outChunks = append(outChunks, c)
		grid = append(grid, len(s.blocks))
	}
	name := "getitem-" + graph.Tokenize("getitem", x.name, session.Repr(key))
	g := graph.Merge(x.g)
	full := make([]int, nd)
	for ax, s := range sels {
		full[ax] = len(s.blocks)
	}
	eachBlock(full, func(pos []int) {
		in := make([]int, nd)
		items := make([]Item, nd)
		var out []int
		for ax, s := range sels {
			b := s.blocks[pos[ax]]
			in[ax] = b[0]
			if s.isInt {
				i := b[1]
				items[ax] = Item{Int: &i}
			} else {
				items[ax] = Item{Start: b[1], Stop: b[2], Step: b[3]}
				out = append(out, pos[ax])
			}
		}
		k := BlockKey(name, out)
		g[k] = &graph.Task{Key: k, Deps: []graph.Key{BlockKey(x.name, in)}, Stages: []graph.Stage{graph.NewStage("darray", Params{Kind: "getitem", Items: items})}}
	})
	_ = grid
	return New(name, g, outChunks, x.dtype), nil
}

// sliceIndices is Python's slice.indices(n): first position, step and
// count.
func sliceIndices(s ndarray.Slice, n int) (start, step, count int, err error) {
	step = 1
	if s.Step != nil {
		step = *s.Step
		if step == 0 {
			return 0, 0, 0, fmt.Errorf("ValueError: slice step cannot be zero")
		}
	}
	if step < 0 {
		return 0, step, 0, nil
	}
	clamp := func(p *int, def int) int {
		if p == nil {
			return def
		}
		v := *p
		if v < 0 {
			v = max(v+n, 0)
		}
		return min(v, n)
	}
	start, stop := clamp(s.Start, 0), clamp(s.Stop, n)
	if stop > start {
		count = (stop - start + step - 1) / step
	}
	return start, step, count, nil
}

// Get implements x[key].
func (x *DaskArray) Get(key starlark.Value) (starlark.Value, bool, error) {
	v, err := x.getitem(key)
	return v, err == nil, err
}

// Slice implements x[a:b:c] (Starlark resolves the bounds).
func (x *DaskArray) Slice(start, end, step int) starlark.Value {
	if step < 0 {
		panic(session.PyPanic{Err: fmt.Errorf("NotImplementedError: slicing a dask array with a negative step is not available in Burst")})
	}
	s, e, st := starlark.MakeInt(start), starlark.MakeInt(max(start, end)), starlark.MakeInt(step)
	v, err := x.getitem(numpy.NewSlice(s, e, st))
	if err != nil {
		panic(session.PyPanic{Err: err})
	}
	return v
}

// Index implements x[i] for Starlark's sequence protocol.
func (x *DaskArray) Index(i int) starlark.Value {
	v, err := x.getitem(starlark.MakeInt(i))
	if err != nil {
		panic(session.PyPanic{Err: err})
	}
	return v
}

// Len is len(x): the length of the first axis.
func (x *DaskArray) Len() int {
	if x.NDim() == 0 {
		panic(session.PyPanic{Err: fmt.Errorf("TypeError: len() of unsized object")})
	}
	return x.Shape()[0]
}

// ---- element-wise operations ----

// Binary implements + - * / // % ** with numbers and with arrays of the
// same chunks: a task per block.
func (x *DaskArray) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	name, ok := darrayTokens[op]
	if !ok {
		return nil, nil
	}
	p := Params{Kind: "binary", Op: name, Right: side == starlark.Right}
	var other *DaskArray
	var sample *ndarray.Array
	switch v := y.(type) {
	case *DaskArray:
		if !sameChunks(x.chunks, v.chunks) {
			return nil, fmt.Errorf("NotImplementedError: Burst's dask arrays combine arrays of the same shape and chunks only (got %s and %s)", pyTupleInts(x.Shape()), pyTupleInts(v.Shape()))
		}
		other = v
		p.Right = false
		sample = ndarray.Full([]int{1}, int64(1), v.dtype)
	case starlark.Int, starlark.Float, starlark.Bool:
		raw, err := codec.EncodePlain(v)
		if err != nil {
			return nil, err
		}
		p.Scalar = raw
		if sample, err = numpy.ArrayOf(v); err != nil {
			return nil, err
		}
	default:
		return nil, nil
	}
	// The result's dtype is numpy's for the same operands.
	one := ndarray.Full([]int{1}, int64(1), x.dtype)
	a, b := one, sample
	if p.Right {
		a, b = sample, one
	}
	meta, err := ndarray.Binary(darrayOps[name], a, b)
	if err != nil {
		return nil, err
	}
	stage := graph.NewStage("darray", p)
	parts := []any{name, x.name, p}
	g := graph.Merge(x.g)
	if other != nil {
		parts = append(parts, other.name)
		g = graph.Merge(x.g, other.g)
	}
	out := New(name+"-"+graph.Tokenize(parts...), g, x.chunks, meta.DType())
	eachBlock(x.numblocks(), func(idx []int) {
		k := BlockKey(out.name, idx)
		deps := []graph.Key{BlockKey(x.name, idx)}
		if other != nil {
			deps = append(deps, BlockKey(other.name, idx))
		}
		g[k] = &graph.Task{Key: k, Deps: deps, Stages: []graph.Stage{stage}}
	})
	return out, nil
}

func sameChunks(a, b [][]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameInts(a[i], b[i]) {
			return false
		}
	}
	return true
}

// Unary implements -x.
func (x *DaskArray) Unary(op syntax.Token) (starlark.Value, error) {
	switch op {
	case syntax.MINUS:
		return x.Blockwise("neg", Params{Kind: "unary"}, x.dtype), nil
	case syntax.PLUS:
		return x, nil
	}
	return nil, nil
}

// Blockwise applies a one-block operation to every block: the result's
// block at idx is the "darray" operation p on x's block at idx. Its
// name is prefix and a token of x and p; dt is its dtype.
func (x *DaskArray) Blockwise(prefix string, p Params, dt ndarray.DType) *DaskArray {
	stage := graph.NewStage("darray", p)
	g := graph.Merge(x.g)
	out := New(prefix+"-"+graph.Tokenize(prefix, x.name, p), g, x.chunks, dt)
	eachBlock(x.numblocks(), func(idx []int) {
		k := BlockKey(out.name, idx)
		g[k] = &graph.Task{Key: k, Deps: []graph.Key{BlockKey(x.name, idx)}, Stages: []graph.Stage{stage}}
	})
	return out
}

// ---- attributes ----

var daskArrayAttrs = []string{
	"astype", "chunks", "chunksize", "compute", "dask", "dtype", "itemsize", "max", "mean", "min",
	"name", "nbytes", "ndim", "npartitions", "numblocks", "persist", "rechunk", "shape", "size", "sum", "visualize",
}

func (x *DaskArray) AttrNames() []string { return daskArrayAttrs }

func intsTuple(xs []int) starlark.Tuple {
	t := make(starlark.Tuple, len(xs))
	for i, v := range xs {
		t[i] = starlark.MakeInt(v)
	}
	return t
}

func (x *DaskArray) Attr(name string) (starlark.Value, error) {
	method := func(f func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) (starlark.Value, error) {
		return starlark.NewBuiltin("Array."+name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(th, args, kwargs)
		}), nil
	}
	switch name {
	case "shape":
		return intsTuple(x.Shape()), nil
	case "dtype":
		return numpy.NewDType(x.dtype), nil
	case "chunks":
		t := make(starlark.Tuple, len(x.chunks))
		for i, c := range x.chunks {
			t[i] = intsTuple(c)
		}
		return t, nil
	case "chunksize":
		return intsTuple(x.chunksize()), nil
	case "ndim":
		return starlark.MakeInt(x.NDim()), nil
	case "numblocks":
		return intsTuple(x.numblocks()), nil
	case "npartitions":
		return starlark.MakeInt(x.nblocks()), nil
	case "size":
		return starlark.MakeInt(numpy.Prod(x.Shape())), nil
	case "itemsize":
		return starlark.MakeInt(itemsize(x.dtype)), nil
	case "nbytes":
		return starlark.MakeInt(numpy.Prod(x.Shape()) * itemsize(x.dtype)), nil
	case "name":
		return starlark.String(x.name), nil
	case "dask":
		return session.Visualize([]graph.Graph{x.g}, x.keys()), nil
	case "__dask_keys__":
		return method(func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return x.nestedKeys(), nil
		})
	case "visualize":
		return method(func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return session.Visualize([]graph.Graph{x.g}, x.keys()), nil
		})
	case "compute":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := computeKwargs("compute", args, kwargs); err != nil {
				return nil, err
			}
			return computeArray(th, x)
		})
	case "persist":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := computeKwargs("persist", args, kwargs); err != nil {
				return nil, err
			}
			return persistArray(th, x)
		})
	case "sum", "mean", "min", "max":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var axis, dtype, out, splitEvery starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None
			keepdims := false
			if err := starlark.UnpackArgs(name, args, kwargs, "axis?", &axis, "dtype?", &dtype, "keepdims?", &keepdims, "split_every?", &splitEvery, "out?", &out); err != nil {
				return nil, err
			}
			var ax *int
			if axis != starlark.None {
				n, err := starlark.AsInt32(axis)
				if err != nil {
					return nil, fmt.Errorf("NotImplementedError: Burst's dask arrays reduce along one axis or all of them (axis=None), not %s", session.Repr(axis))
				}
				ax = &n
			}
			return x.reduction(name, ax, keepdims)
		})
	case "rechunk":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var chunks starlark.Value = starlark.String("auto")
			var threshold, limit, method, balance starlark.Value
			if err := starlark.UnpackArgs("rechunk", args, kwargs, "chunks?", &chunks, "threshold?", &threshold, "block_size_limit?", &limit, "balance?", &balance, "method?", &method); err != nil {
				return nil, err
			}
			return x.rechunk(chunks)
		})
	case "astype":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var dtype starlark.Value
			if err := starlark.UnpackArgs("astype", args, kwargs, "dtype", &dtype); err != nil {
				return nil, err
			}
			t, err := numpy.DTypeArg(dtype)
			if err != nil {
				return nil, err
			}
			if t == x.dtype {
				return x, nil
			}
			return x.Blockwise("astype", Params{Kind: "astype", DType: t.String()}, t), nil
		})
	}
	return nil, fmt.Errorf("AttributeError: 'Array' object has no attribute '%s'", name)
}

// computeKwargs accepts compute's options Burst ignores.
func computeKwargs(name string, args starlark.Tuple, kwargs []starlark.Tuple) error {
	if len(args) > 0 {
		return fmt.Errorf("TypeError: %s() takes no positional arguments", name)
	}
	for _, kv := range kwargs {
		switch string(kv[0].(starlark.String)) {
		case "scheduler", "optimize_graph", "traverse", "sync":
		default:
			return fmt.Errorf("TypeError: %s() got an unexpected keyword argument '%s'", name, kv[0])
		}
	}
	return nil
}

// nestedKeys is __dask_keys__(): lists of keys nested by axis.
func (x *DaskArray) nestedKeys() starlark.Value {
	var build func(prefix []int) starlark.Value
	build = func(prefix []int) starlark.Value {
		ax := len(prefix)
		if ax == x.NDim() {
			k := starlark.Tuple{starlark.String(x.name)}
			for _, i := range prefix {
				k = append(k, starlark.MakeInt(i))
			}
			return k
		}
		out := make([]starlark.Value, len(x.chunks[ax]))
		for i := range out {
			out[i] = build(append(append([]int(nil), prefix...), i))
		}
		return starlark.NewList(out)
	}
	return build(nil)
}

// ---- compute and persist ----

// assemble joins computed blocks (in C order) into one array, as Dask's
// concatenate3.
func (x *DaskArray) assemble(vals []graph.Value) (*ndarray.Array, error) {
	blocks := make([]*ndarray.Array, len(vals))
	for i, v := range vals {
		a, err := BlockArray(v)
		if err != nil {
			return nil, err
		}
		blocks[i] = a
	}
	if len(blocks) == 1 {
		// The block stays in the cluster's memory: the result is the
		// learner's to change.
		return blocks[0].Copy(), nil
	}
	return joinGroup(blocks, x.numblocks())
}

// result turns a computed array into the cell value Dask gives: a numpy
// scalar for 0 dimensions.
func (x *DaskArray) result(a *ndarray.Array) starlark.Value {
	if a.DType() != x.dtype {
		a = a.AsType(x.dtype)
	}
	return numpy.ValueOf(a)
}

// computeArray is x.compute(): the blocks computed (on the Client's
// workers, if any) and joined.
func computeArray(th *starlark.Thread, x *DaskArray) (starlark.Value, error) {
	s := session.Of(th)
	vals, err := s.Computer().Compute(s.Context(), x.g, x.keys())
	if err != nil {
		return nil, err
	}
	a, err := x.assemble(vals)
	if err != nil {
		return nil, err
	}
	return x.result(a), nil
}

// persistArray is x.persist(): the blocks are computed on the Client's
// workers (without a Client, on the session's pool) and stay there while
// the returned array lives; tasks that use them later find them by key.
func persistArray(th *starlark.Thread, x *DaskArray) (starlark.Value, error) {
	out, err := session.Of(th).Compute(th, starlark.Tuple{x}, true)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// chunksArg normalizes a chunks argument for shape as Dask's
// normalize_chunks does: an int (a block length on every axis), a tuple
// per axis (an int, -1 or None for the whole axis, or the block lengths),
// or "auto" (blocks of at most 128 MiB).
func chunksArg(v starlark.Value, shape []int, dt ndarray.DType) ([][]int, error) {
	nd := len(shape)
	blocks := func(n, c int) []int {
		if n == 0 {
			return []int{0}
		}
		var out []int
		for lo := 0; lo < n; lo += c {
			out = append(out, min(c, n-lo))
		}
		return out
	}
	perAxis := make([]starlark.Value, nd)
	switch c := v.(type) {
	case starlark.Tuple, *starlark.List:
		vs, _ := session.Values(c)
		if len(vs) != nd {
			return nil, fmt.Errorf("ValueError: Chunks and shape must be of the same length/dimension. Got chunks=%s, shape=%s", session.Repr(v), pyTupleInts(shape))
		}
		copy(perAxis, vs)
	default:
		for i := range perAxis {
			perAxis[i] = v
		}
	}
	out := make([][]int, nd)
	var auto []int
	for ax, c := range perAxis {
		n := shape[ax]
		switch c := c.(type) {
		case starlark.Int:
			b, _ := c.Int64()
			switch {
			case b == -1:
				out[ax] = []int{n}
			case b == 0:
				return nil, fmt.Errorf("ZeroDivisionError: integer division or modulo by zero")
			case b < 0:
				return nil, fmt.Errorf("ValueError: Chunks must be positive, got %d", b)
			default:
				out[ax] = blocks(n, int(b))
			}
		case starlark.NoneType:
			out[ax] = []int{n}
		case starlark.String:
			if c != "auto" {
				return nil, fmt.Errorf("ValueError: Unknown chunks %s: Burst takes ints, tuples and 'auto'", session.Repr(c))
			}
			auto = append(auto, ax)
		case starlark.Tuple, *starlark.List:
			vs, _ := session.Values(c)
			sum := 0
			for _, e := range vs {
				b, err := starlark.AsInt32(e)
				if err != nil {
					return nil, fmt.Errorf("TypeError: chunks must be ints, not %s", session.TypeName(e))
				}
				out[ax] = append(out[ax], b)
				sum += b
			}
			if sum != n {
				return nil, fmt.Errorf("ValueError: Chunks do not add up to shape. Got chunks=%s, shape=%s", session.Repr(v), pyTupleInts(shape))
			}
		default:
			return nil, fmt.Errorf("TypeError: chunks must be an int, a tuple or 'auto', not %s", session.TypeName(c))
		}
	}
	if len(auto) > 0 {
		// Dask's auto_chunks without previous chunks: equal block lengths
		// on the automatic axes so that a block holds at most 128 MiB;
		// axes shorter than that length stay whole.
		limit := float64(128<<20) / float64(itemsize(dt))
		for _, c := range out {
			if c != nil {
				m := 0
				for _, b := range c {
					m = max(m, b)
				}
				limit /= float64(max(m, 1))
			}
		}
		for len(auto) > 0 {
			size := math.Pow(limit, 1/float64(len(auto)))
			var big []int
			for _, ax := range auto {
				if float64(shape[ax]) < size {
					out[ax] = []int{shape[ax]}
					limit /= float64(max(shape[ax], 1))
				} else {
					big = append(big, ax)
				}
			}
			if len(big) == len(auto) {
				for _, ax := range big {
					out[ax] = blocks(shape[ax], max(1, int(size)))
				}
				break
			}
			auto = big
		}
	}
	return out, nil
}

// fromDelayed is da.from_delayed(value, shape, dtype=None): a one-block
// array whose block is what the Delayed computes.
func fromDelayed(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var value, shapeV starlark.Value
	var dtype, meta, name starlark.Value = starlark.None, starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "value", &value, "shape", &shapeV, "dtype?", &dtype, "meta?", &meta, "name?", &name); err != nil {
		return nil, err
	}
	d, ok := value.(*dask.Delayed)
	if !ok {
		if f, isFuture := value.(*dask.Future); isFuture {
			d = dask.FromFuture(f)
		} else {
			return nil, fmt.Errorf("TypeError: from_delayed takes a Delayed value (such as dask.delayed(f)(...)), not %s", session.TypeName(value))
		}
	}
	dkey := d.Key()
	shape, err := numpy.ShapeOf(shapeV)
	if err != nil {
		return nil, err
	}
	dt := ndarray.Float64
	if dtype != starlark.None {
		if dt, err = numpy.DTypeArg(dtype); err != nil {
			return nil, err
		}
	}
	p := Params{Kind: "block", Shape: shape, DType: dt.String()}
	n := "from-value-" + graph.Tokenize("from-value", dkey, shape, dt.String())
	if s, ok := name.(starlark.String); ok {
		n = string(s)
	}
	g := graph.Merge(d.DaskGraph())
	chunks := make([][]int, len(shape))
	idx := make([]int, len(shape))
	for ax, s := range shape {
		chunks[ax] = []int{s}
	}
	key := BlockKey(n, idx)
	g[key] = &graph.Task{Key: key, Deps: []graph.Key{dkey}, Stages: []graph.Stage{graph.NewStage("darray", p)}}
	return New(n, g, chunks, dt), nil
}

// FromArray is da.from_array(x, chunks='auto', name=None), a builtin: a
// numpy array (or a value numpy converts) cut into blocks, each a value
// the kernel holds until a worker needs it; a dask array is returned as
// it is.
func FromArray(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	var chunks starlark.Value = starlark.String("auto")
	var name, lock, asarray, fancy, getitem, meta, inline starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "x", &xv, "chunks?", &chunks, "name?", &name, "lock?", &lock,
		"asarray?", &asarray, "fancy?", &fancy, "getitem?", &getitem, "meta?", &meta, "inline_array?", &inline); err != nil {
		return nil, err
	}
	if x, ok := xv.(*DaskArray); ok {
		return x, nil
	}
	a, err := numpy.ArrayOf(xv)
	if err != nil {
		return nil, err
	}
	c, err := chunksArg(chunks, a.Shape(), a.DType())
	if err != nil {
		return nil, err
	}
	n := "array-" + dask.NewToken()
	if s, ok := name.(starlark.String); ok {
		n = string(s)
	}
	// The blocks are copies: the learner may change the numpy array
	// afterwards, as Dask's (which holds the array itself) would not
	// notice before computing.
	a = a.Copy()
	g := graph.Graph{}
	x := New(n, g, c, a.DType())
	eachBlock(x.numblocks(), func(idx []int) {
		items := make([]ndarray.Index, len(idx))
		for ax, i := range idx {
			lo := 0
			for _, l := range c[ax][:i] {
				lo += l
			}
			hi, one := lo+c[ax][i], 1
			items[ax] = ndarray.Slice{Start: &lo, Stop: &hi, Step: &one}
		}
		blk, _ := a.Get(items...)
		if len(idx) > 1 {
			blk = blk.Copy()
		}
		key := BlockKey(n, idx)
		g[key] = graph.LiteralTask(key, numpy.NewArray(blk))
	})
	return x, nil
}

// concatenate is da.concatenate(seq, axis=0): the blocks of the arrays
// one after another along axis; no data moves.
func concatenate(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	axis := 0
	var allowUnknown bool
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "seq", &seq, "axis?", &axis, "allow_unknown_chunksizes?", &allowUnknown); err != nil {
		return nil, err
	}
	vs, err := session.Values(seq)
	if err != nil {
		return nil, fmt.Errorf("TypeError: concatenate takes a list of dask arrays, not %s", session.TypeName(seq))
	}
	if len(vs) == 0 {
		return nil, fmt.Errorf("ValueError: Need array(s) to concatenate")
	}
	arrs := make([]*DaskArray, len(vs))
	for i, v := range vs {
		switch x := v.(type) {
		case *DaskArray:
			arrs[i] = x
		case *numpy.NDArray:
			r, err := FromArray(nil, starlark.NewBuiltin("from_array", nil), starlark.Tuple{x}, nil)
			if err != nil {
				return nil, err
			}
			arrs[i] = r.(*DaskArray)
		default:
			return nil, fmt.Errorf("TypeError: concatenate takes dask arrays, not %s", session.TypeName(v))
		}
	}
	nd := arrs[0].NDim()
	for i, x := range arrs {
		if x.NDim() != nd {
			return nil, fmt.Errorf("ValueError: all the input arrays must have same number of dimensions, but the array at index 0 has %d dimension(s) and the array at index %d has %d dimension(s)", nd, i, x.NDim())
		}
	}
	if nd == 0 {
		return nil, fmt.Errorf("ValueError: zero-dimensional arrays cannot be concatenated")
	}
	if axis < -nd || axis >= nd {
		return nil, fmt.Errorf("AxisError: axis %d is out of bounds for array of dimension %d", axis, nd)
	}
	if axis < 0 {
		axis += nd
	}
	s0 := arrs[0].Shape()
	for _, x := range arrs[1:] {
		s := x.Shape()
		for ax := range s {
			if ax != axis && s[ax] != s0[ax] {
				var shapes []string
				for _, y := range arrs {
					shapes = append(shapes, pyTupleInts(y.Shape()))
				}
				return nil, fmt.Errorf("ValueError: ('Shapes do not align: %%s', [%s])", strings.Join(shapes, ", "))
			}
		}
	}
	for _, x := range arrs[1:] {
		for ax := range x.chunks {
			if ax != axis && !sameInts(x.chunks[ax], arrs[0].chunks[ax]) {
				return nil, fmt.Errorf("NotImplementedError: the arrays have different chunks along axis %d; Burst does not rechunk: build them with the same chunks", ax)
			}
		}
	}
	// The common dtype, as numpy promotes; blocks of other dtypes are
	// converted.
	dt := arrs[0].dtype
	for _, x := range arrs[1:] {
		dt = max(dt, x.dtype)
	}
	names := make([]string, len(arrs))
	for i, x := range arrs {
		if x.dtype != dt {
			x = x.Blockwise("astype", Params{Kind: "astype", DType: dt.String()}, dt)
			arrs[i] = x
		}
		names[i] = x.name
	}
	name := "concatenate-" + graph.Tokenize("concatenate", names, axis)
	gs := make([]graph.Graph, len(arrs))
	for i, x := range arrs {
		gs[i] = x.g
	}
	g := graph.Merge(gs...)
	chunks := make([][]int, nd)
	copy(chunks, arrs[0].chunks)
	chunks[axis] = nil
	off := 0
	for _, x := range arrs {
		chunks[axis] = append(chunks[axis], x.chunks[axis]...)
		eachBlock(x.numblocks(), func(idx []int) {
			out := append([]int(nil), idx...)
			out[axis] += off
			k := BlockKey(name, out)
			g[k] = &graph.Task{Key: k, Deps: []graph.Key{BlockKey(x.name, idx)}, Stages: []graph.Stage{graph.NewStage("darray", Params{Kind: "astype", DType: dt.String()})}}
		})
		off += len(x.chunks[axis])
	}
	return New(name, g, chunks, dt), nil
}

// daFill makes da.zeros and da.ones: blocks made where they are needed.
func daFill(prefix string, fill int) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var shapeV starlark.Value
		var dtype starlark.Value = starlark.None
		var chunks starlark.Value = starlark.String("auto")
		var name, order, meta starlark.Value
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "shape", &shapeV, "dtype?", &dtype, "chunks?", &chunks, "name?", &name, "order?", &order, "meta?", &meta); err != nil {
			return nil, err
		}
		shape, err := numpy.ShapeOf(shapeV)
		if err != nil {
			return nil, err
		}
		dt := ndarray.Float64
		if dtype != starlark.None {
			if dt, err = numpy.DTypeArg(dtype); err != nil {
				return nil, err
			}
		}
		c, err := chunksArg(chunks, shape, dt)
		if err != nil {
			return nil, err
		}
		raw, _ := codec.EncodePlain(starlark.MakeInt(fill))
		n := prefix + "_like-" + graph.Tokenize(prefix, shape, c, dt.String())
		g := graph.Graph{}
		x := New(n, g, c, dt)
		eachBlock(x.numblocks(), func(idx []int) {
			key := BlockKey(n, idx)
			g[key] = &graph.Task{Key: key, Stages: []graph.Stage{graph.NewStage("darray", Params{Kind: "fill", Shape: x.blockShape(idx), DType: dt.String(), Scalar: raw})}}
		})
		return x, nil
	}
}

// daArange is da.arange([start,] stop[, step], chunks='auto', dtype=None).
func daArange(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var chunks starlark.Value = starlark.String("auto")
	var dtype starlark.Value = starlark.None
	var rest []starlark.Tuple
	for _, kv := range kwargs {
		switch string(kv[0].(starlark.String)) {
		case "chunks":
			chunks = kv[1]
		case "dtype":
			dtype = kv[1]
		case "like", "name":
		default:
			rest = append(rest, kv)
		}
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("TypeError: arange() got an unexpected keyword argument '%s'", rest[0][0])
	}
	if len(args) < 1 || len(args) > 3 {
		return nil, fmt.Errorf("TypeError: arange() takes from 1 to 3 positional arguments but %d were given", len(args))
	}
	nums := make([]float64, len(args))
	dt := ndarray.Int64
	for i, a := range args {
		f, ok := starlark.AsFloat(a)
		if !ok {
			return nil, fmt.Errorf("TypeError: arange() arguments must be numbers, not %s", session.TypeName(a))
		}
		if _, isInt := a.(starlark.Int); !isInt {
			dt = ndarray.Float64
		}
		nums[i] = f
	}
	start, stop, step := 0.0, nums[0], 1.0
	if len(nums) > 1 {
		start, stop = nums[0], nums[1]
	}
	if len(nums) > 2 {
		step = nums[2]
	}
	if step == 0 {
		return nil, fmt.Errorf("ValueError: arange() step must not be zero")
	}
	if dtype != starlark.None {
		var err error
		if dt, err = numpy.DTypeArg(dtype); err != nil {
			return nil, err
		}
	}
	n := max(int(math.Ceil((stop-start)/step)), 0)
	c, err := chunksArg(chunks, []int{n}, dt)
	if err != nil {
		return nil, err
	}
	name := "arange-" + graph.Tokenize("arange", start, stop, step, c, dt.String())
	g := graph.Graph{}
	off := 0
	for i, l := range c[0] {
		key := BlockKey(name, []int{i})
		p := Params{Kind: "arange", Start: start + float64(off)*step, Stop: start + float64(off+l)*step, Step: step, Shape: []int{l}, DType: dt.String()}
		g[key] = &graph.Task{Key: key, Stages: []graph.Stage{graph.NewStage("darray", p)}}
		off += l
	}
	return New(name, g, c, dt), nil
}

// DaskGraph is the graph of x's blocks (session.Collection).
func (x *DaskArray) DaskGraph() graph.Graph { return x.g }

// DaskKeys are x's blocks' keys, in row-major block order.
func (x *DaskArray) DaskKeys() []graph.Key { return x.keys() }

// PostCompute puts the computed blocks together into a numpy array.
func (x *DaskArray) PostCompute(parts []graph.Value) (starlark.Value, error) {
	a, err := x.assemble(parts)
	if err != nil {
		return nil, err
	}
	return x.result(a), nil
}

// PostPersist is x over its computed blocks, kept in the kernel.
func (x *DaskArray) PostPersist(parts []graph.Value) (starlark.Value, error) {
	keys := x.keys()
	g := make(graph.Graph, len(keys))
	for i, key := range keys {
		g[key] = graph.LiteralTask(key, parts[i])
	}
	return New(x.name, g, x.chunks, x.dtype), nil
}

// Held is x again, its blocks kept on a Client's workers while keep
// lives.
func (x *DaskArray) Held(keep any) starlark.Value {
	p := New(x.name, x.g, x.chunks, x.dtype)
	p.held = keep
	return p
}
