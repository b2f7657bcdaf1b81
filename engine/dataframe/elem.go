package dataframe

import (
	"fmt"
	"math"
	"sort"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"

	"burst/engine/frame"
	"burst/engine/graph"
)

// Element-wise, cumulative and window operations of Series and
// DataFrames, and Dask's approximate quantiles. A window that looks at
// earlier or later rows runs on each partition with the neighbours' edge
// rows (Dask's map_overlap); a cumulative one carries the earlier
// partitions' totals from task to task, as Dask does.
func init() {
	register("elem", opElem)
	register("overlap", opOverlap)
	register("cum-last", opCumLast)
	register("cum-carry", opCumCarry)
	register("cum-apply", opCumApply)
	register("dropna", opDropNA)
	register("where", opWhere)
	register("arith-fill", opArithFill)
	register("dask-quantile-chunk", opDaskQuantileChunk)
	register("dask-quantile-agg", opDaskQuantileAgg)
	register("duplicated", opDuplicated)
}

// ElemParams names an element-wise or window function of one column and
// its arguments.
type ElemParams struct {
	Fn      string            `json:"fn"`
	N       int               `json:"n,omitempty"`
	MinP    int               `json:"minp,omitempty"`
	F       float64           `json:"f,omitempty"`
	S       string            `json:"s,omitempty"`
	B       bool              `json:"b,omitempty"`
	Args    []Scalar          `json:"args,omitempty"`
	Keys    []Scalar          `json:"keys,omitempty"`
	Vals    []Scalar          `json:"vals,omitempty"`
	PerCol  map[string]Scalar `json:"percol,omitempty"` // fillna({col: v}), astype({col: t})
	Columns []string          `json:"columns,omitempty"`
}

func (p ElemParams) column(name string, a arrow.Array) (arrow.Array, error) {
	arg := func(i int) any {
		if i < len(p.Args) {
			return p.Args[i].V
		}
		return nil
	}
	switch p.Fn {
	case "shift":
		return frame.Shift(a, p.N), nil
	case "ffill", "bfill":
		return frame.Fill(a, p.Fn == "ffill"), nil
	case "cumsum", "cumprod", "cummax", "cummin":
		return frame.Cumulative(p.Fn, a)
	case "diff", "pct_change":
		return frame.Diff(a, p.N, p.Fn == "pct_change")
	case "rolling":
		return frame.Rolling(a, p.S, p.N, p.MinP)
	case "ewm":
		return frame.EWMMean(a, p.F, p.MinP)
	case "rank":
		return frame.Rank(a, p.S, p.B)
	case "clip":
		return frame.Clip(a, arg(0), arg(1))
	case "replace", "map":
		keys, vals := unscalars(p.Keys), unscalars(p.Vals)
		if p.Fn == "map" {
			return frame.MapValues(a, keys, vals)
		}
		return frame.Replace(a, keys, vals)
	case "fillna-cols":
		v, ok := p.PerCol[name]
		if !ok {
			return a, nil
		}
		return frame.FillNA(a, v.V)
	case "astype-cols":
		v, ok := p.PerCol[name]
		if !ok {
			return a, nil
		}
		s, _ := v.V.(string)
		t, err := frame.ParseDType(s)
		if err != nil {
			return nil, fmt.Errorf("TypeError: %v", err)
		}
		return frame.AsType(a, t)
	}
	return nil, fmt.Errorf("unknown function %s", p.Fn)
}

// mapColumns applies f to every column of a frame, or to a series, and
// keeps the index and names; rows, when not nil, is the result's index
// (one-row results).
func mapColumns(v graph.Value, rows []frame.Column, f func(i int, c frame.Column) (arrow.Array, error)) (graph.Value, error) {
	in, isSeries, err := asFrame(v)
	if err != nil {
		return nil, err
	}
	out := &frame.Frame{Index: in.Index, Rows: in.Rows}
	if rows != nil {
		out.Index, out.Rows = nil, 1
	}
	for i, c := range in.Columns {
		r, err := f(i, c)
		if err != nil {
			return nil, err
		}
		out.Columns = append(out.Columns, frame.Column{Name: c.Name, Data: r})
	}
	if isSeries {
		return backToSeries(out, v.(*frame.Series).Name), nil
	}
	return out, nil
}

func opElem(_ *graph.Env, p ElemParams, in []graph.Value) (graph.Value, error) {
	return mapColumns(in[0], nil, func(_ int, c frame.Column) (arrow.Array, error) { return p.column(c.Name, c.Data) })
}

// OverlapParams is a window function run over a partition with the last
// Before rows of the previous partition and the first After rows of the
// next (Prev, Next: whether those inputs follow the partition).
type OverlapParams struct {
	ElemParams
	Before int  `json:"before"`
	After  int  `json:"after"`
	Prev   bool `json:"prev,omitempty"`
	Next   bool `json:"next,omitempty"`
}

func opOverlap(_ *graph.Env, p OverlapParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	parts := []*frame.Frame{}
	k, before, after := 1, 0, 0
	if p.Prev {
		pf, _, err := asFrame(in[k])
		if err != nil {
			return nil, err
		}
		k++
		before = pf.Rows
		parts = append(parts, pf)
	}
	parts = append(parts, f)
	if p.Next {
		nf, _, err := asFrame(in[k])
		if err != nil {
			return nil, err
		}
		after = nf.Rows
		parts = append(parts, nf)
	}
	all := f
	if len(parts) > 1 {
		// The neighbours' labels do not matter: the result keeps the
		// partition's own.
		bare := make([]*frame.Frame, len(parts))
		for i, x := range parts {
			bare[i] = &frame.Frame{Columns: x.Columns, Rows: x.Rows}
		}
		if all, err = frame.Concat(bare); err != nil {
			return nil, err
		}
	}
	out := &frame.Frame{Index: f.Index, Rows: f.Rows}
	for _, c := range all.Columns {
		r, err := p.column(c.Name, c.Data)
		if err != nil {
			return nil, err
		}
		out.Columns = append(out.Columns, frame.Column{Name: c.Name, Data: array.NewSlice(r, int64(before), int64(all.Rows-after))})
	}
	if isSeries {
		return backToSeries(out, in[0].(*frame.Series).Name), nil
	}
	return out, nil
}

// Overlap runs p on every partition of c with the edge rows of its
// neighbours: the last before rows of the previous partition, the first
// after rows of the next (computed on the workers, as Dask's map_overlap).
func Overlap(prefix string, p ElemParams, before, after int, c *Collection) (*Collection, error) {
	m, err := Run("elem", p, c.Meta)
	if err != nil {
		return nil, err
	}
	name := prefix + "-" + graph.Tokenize(prefix, c.Name, p, before, after)
	g := graph.Merge(c.Graph)
	edge := func(which string, n int) string {
		e := name + "-" + which
		for i := 0; i < c.NParts; i++ {
			k := graph.PartKey(e, i)
			g[k] = &graph.Task{Key: k, Deps: []graph.Key{graph.PartKey(c.Name, i)}, Stages: []graph.Stage{graph.NewStage(which, nParams{N: n})}}
		}
		return e
	}
	var tails, heads string
	if before > 0 {
		tails = edge("tail", before)
	}
	if after > 0 {
		heads = edge("head", after)
	}
	for i := 0; i < c.NParts; i++ {
		op := OverlapParams{ElemParams: p, Before: before, After: after}
		deps := []graph.Key{graph.PartKey(c.Name, i)}
		if before > 0 && i > 0 {
			op.Prev = true
			deps = append(deps, graph.PartKey(tails, i-1))
		}
		if after > 0 && i < c.NParts-1 {
			op.Next = true
			deps = append(deps, graph.PartKey(heads, i+1))
		}
		k := graph.PartKey(name, i)
		g[k] = &graph.Task{Key: k, Deps: deps, Stages: []graph.Stage{graph.NewStage("overlap", op)}}
	}
	return &Collection{Graph: g, Name: name, NParts: c.NParts, Meta: Empty(m)}, nil
}

// Cumulative is Dask's cumulative reduction: each partition's own
// cumulative values; the last valid one of each; the running carry of the
// earlier partitions' lasts; and each partition with its carry applied.
func Cumulative(how string, c *Collection) (*Collection, error) {
	p := ElemParams{Fn: how}
	part, err := Map("cum-"+how+"-part", graph.NewStage("elem", p), nil, c)
	if err != nil {
		return nil, err
	}
	last, err := Map("cum-"+how+"-last", graph.NewStage("cum-last", p), c.Meta, part)
	if err != nil {
		return nil, err
	}
	name := "cum-" + how + "-" + graph.Tokenize(how, c.Name)
	carry := name + "-carry"
	g := graph.Merge(last.Graph)
	for i := 0; i < c.NParts; i++ {
		k := graph.PartKey(name, i)
		if i == 0 {
			g[k] = &graph.Task{Key: k, Deps: []graph.Key{graph.PartKey(part.Name, 0)}, Stages: []graph.Stage{graph.NewStage("concat", nil)}}
			continue
		}
		ck := graph.PartKey(carry, i)
		deps := []graph.Key{graph.PartKey(last.Name, i-1)}
		if i > 1 {
			deps = append(deps, graph.PartKey(carry, i-1))
		}
		g[ck] = &graph.Task{Key: ck, Deps: deps, Stages: []graph.Stage{graph.NewStage("cum-carry", p)}}
		g[k] = &graph.Task{Key: k, Deps: []graph.Key{graph.PartKey(part.Name, i), ck}, Stages: []graph.Stage{graph.NewStage("cum-apply", p)}}
	}
	return &Collection{Graph: g, Name: name, NParts: c.NParts, Meta: part.Meta}, nil
}

// opCumLast keeps the last valid value of each column (one row).
func opCumLast(_ *graph.Env, _ ElemParams, in []graph.Value) (graph.Value, error) {
	return mapColumns(in[0], []frame.Column{}, func(_ int, c frame.Column) (arrow.Array, error) { return frame.LastValid(c.Data), nil })
}

// opCumCarry combines the previous partition's last values with the
// carry before it.
func opCumCarry(_ *graph.Env, p ElemParams, in []graph.Value) (graph.Value, error) {
	if len(in) == 1 {
		return in[0], nil
	}
	return opCumApply(nil, p, []graph.Value{in[0], in[1]})
}

// opCumApply applies a carry (one row) to a partition's cumulative values.
func opCumApply(_ *graph.Env, p ElemParams, in []graph.Value) (graph.Value, error) {
	cf, _, err := asFrame(in[1])
	if err != nil {
		return nil, err
	}
	return mapColumns(in[0], nil, func(i int, c frame.Column) (arrow.Array, error) {
		return frame.CumCarry(p.Fn, c.Data, cf.Columns[i].Data)
	})
}

type dropnaParams struct {
	Subset []string `json:"subset,omitempty"`
	How    string   `json:"how,omitempty"`
	Thresh int      `json:"thresh,omitempty"` // 0: not given
}

func opDropNA(_ *graph.Env, p dropnaParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	cols := make([]arrow.Array, 0, len(f.Columns))
	if len(p.Subset) > 0 {
		for _, n := range p.Subset {
			c, ok := f.Col(n)
			if !ok {
				return nil, fmt.Errorf("KeyError: %s", fmt.Sprintf("['%s']", n))
			}
			cols = append(cols, c.Data)
		}
	} else {
		for _, c := range f.Columns {
			cols = append(cols, c.Data)
		}
	}
	counts := frame.RowCounts(cols, f.Rows)
	keep := make([]int, 0, f.Rows)
	for k, n := range counts {
		ok := n == len(cols)
		switch {
		case p.Thresh > 0:
			ok = n >= p.Thresh
		case p.How == "all":
			ok = n > 0
		}
		if ok {
			keep = append(keep, k)
		}
	}
	out := f.TakeRows(keep)
	if len(f.Index) == 0 && f.Rows == len(keep) {
		out = f
	}
	if isSeries {
		return backToSeries(out, in[0].(*frame.Series).Name), nil
	}
	return out, nil
}

type whereParams struct {
	Other *Scalar `json:"other,omitempty"` // nil: an input, or missing when there is none
	Mask  bool    `json:"mask,omitempty"`  // mask(): replace where cond is true
}

// opWhere keeps in[0] where in[1] (a mask series or frame) holds and
// takes the other value elsewhere: in[2], or the scalar.
func opWhere(_ *graph.Env, p whereParams, in []graph.Value) (graph.Value, error) {
	cf, condSeries, err := asFrame(in[1])
	if err != nil {
		return nil, err
	}
	var of *frame.Frame
	if len(in) > 2 {
		if of, _, err = asFrame(in[2]); err != nil {
			return nil, err
		}
	}
	return mapColumns(in[0], nil, func(i int, c frame.Column) (arrow.Array, error) {
		cond := cf.Columns[0].Data
		if !condSeries {
			cc, ok := cf.Col(c.Name)
			if !ok {
				cc = cf.Columns[min(i, len(cf.Columns)-1)]
			}
			cond = cc.Data
		}
		if p.Mask {
			var err error
			if cond, err = frame.Invert(cond); err != nil {
				return nil, err
			}
		}
		var other any
		if p.Other != nil {
			other = p.Other.V
		}
		if of != nil {
			other = of.Columns[min(i, len(of.Columns)-1)].Data
		}
		return frame.Where(c.Data, cond, other)
	})
}

type arithFillParams struct {
	Op        string  `json:"op"`
	Fill      Scalar  `json:"fill"`
	Scalar    *Scalar `json:"scalar,omitempty"`
	Reflected bool    `json:"reflected,omitempty"`
}

// opArithFill is s.add(t, fill_value=v): where exactly one side is
// missing, it stands for v first.
func opArithFill(env *graph.Env, p arithFillParams, in []graph.Value) (graph.Value, error) {
	fillSide := func(v graph.Value, other graph.Value) (graph.Value, error) {
		if _, _, err := asFrame(v); err != nil {
			return v, nil
		}
		var of *frame.Frame
		if other != nil {
			of, _, _ = asFrame(other)
		}
		return mapColumns(v, nil, func(i int, c frame.Column) (arrow.Array, error) {
			cond := frame.IsNA(c.Data)
			if of != nil {
				both, err := frame.Logic("&", cond, frame.IsNA(of.Columns[min(i, len(of.Columns)-1)].Data))
				if err != nil {
					return nil, err
				}
				if cond, err = frame.Logic("^", cond, both); err != nil {
					return nil, err
				}
			}
			return frame.Where(c.Data, frame.Invert2(cond), p.Fill.V)
		})
	}
	var b graph.Value
	if len(in) > 1 {
		b = in[1]
	}
	a, err := fillSide(in[0], b)
	if err != nil {
		return nil, err
	}
	args := []graph.Value{a}
	if b != nil {
		if b, err = fillSide(b, in[0]); err != nil {
			return nil, err
		}
		args = append(args, b)
	}
	return opBinary(env, binaryParams{Op: p.Op, Scalar: p.Scalar, Reflected: p.Reflected}, args)
}

type daskQuantileParams struct {
	Q      []float64 `json:"q"`    // in [0, 1]
	One    bool      `json:"one"`  // a single q: the result is a scalar
	Name   string    `json:"name"` // the series' name
	Series bool      `json:"series,omitempty"`
	Median bool      `json:"median,omitempty"` // median(): a frame's result has no name
}

func (p daskQuantileParams) frameName() string {
	if p.Median {
		return ""
	}
	return frame.PyFloat(p.Q[0])
}

// opDaskQuantileChunk computes, per column, the partition's size and its
// percentiles at 0, the wanted ones and 100 (linear, as numpy), as
// Dask's quantile does on each partition.
func opDaskQuantileChunk(_ *graph.Env, p daskQuantileParams, in []graph.Value) (graph.Value, error) {
	f, _, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	out := &frame.Frame{Rows: len(p.Q) + 3}
	for _, c := range f.Columns {
		v, err := frame.FloatsOf(c.Data)
		if err != nil {
			return nil, err
		}
		vals := make([]float64, 0, len(v))
		for _, x := range v {
			if x == x {
				vals = append(vals, x)
			}
		}
		sort.Float64s(vals)
		row := []float64{float64(len(vals)), frame.Percentile(vals, 0)}
		for _, q := range p.Q {
			row = append(row, frame.Percentile(vals, q*100))
		}
		row = append(row, frame.Percentile(vals, 100))
		out.Columns = append(out.Columns, frame.Column{Name: c.Name, Data: frame.Float64s(row)})
	}
	return out, nil
}

// opDaskQuantileAgg merges the partitions' percentiles as Dask's
// merge_percentiles does with method "lower": each partition's values
// weighted by the share of its rows between percentiles.
func opDaskQuantileAgg(_ *graph.Env, p daskQuantileParams, in []graph.Value) (graph.Value, error) {
	calc := append([]float64{0}, p.Q...)
	calc = append(calc, 1)
	for i := range calc {
		calc[i] *= 100
	}
	var cols []frame.Column
	var first *frame.Frame
	for ci := 0; ; ci++ {
		var vals, counts []float64
		total := 0.0
		for _, v := range in {
			f, ok := v.(*frame.Frame)
			if !ok {
				return nil, fmt.Errorf("want partial quantiles, got %T", v)
			}
			if first == nil {
				first = f
			}
			if ci >= len(f.Columns) {
				continue
			}
			x := f.Columns[ci].Data.(*array.Float64).Float64Values()
			if len(x) == 0 || x[0] == 0 {
				continue
			}
			n := x[0]
			if n == 0 {
				continue
			}
			total += n
			for i, q := range calc {
				c := q
				if i > 0 {
					c = q - calc[i-1]
				}
				vals = append(vals, x[1+i])
				counts = append(counts, c*n)
			}
		}
		if first == nil || ci >= len(first.Columns) {
			break
		}
		res := make([]float64, len(p.Q))
		if total == 0 {
			for i := range res {
				res[i] = math.NaN()
			}
		} else {
			order := make([]int, len(vals))
			for i := range order {
				order[i] = i
			}
			sort.SliceStable(order, func(i, j int) bool { return vals[order[i]] < vals[order[j]] })
			cum := make([]float64, len(order))
			acc := 0.0
			for i, j := range order {
				acc += counts[j]
				cum[i] = acc
			}
			for i, q := range p.Q {
				want := q * 100 * total
				left := sort.SearchFloat64s(cum, want)
				right := sort.Search(len(cum), func(k int) bool { return cum[k] > want }) - 1
				left = min(left, len(cum)-1)
				res[i] = vals[order[min(left, right)]]
			}
		}
		cols = append(cols, frame.Column{Name: first.Columns[ci].Name, Data: frame.Float64s(res)})
	}
	return p.result(cols), nil
}

// result shapes quantiles as pandas does: a scalar (one q of a Series),
// a Series by q, a Series by column (one q of a frame) or a frame by q.
func (p daskQuantileParams) result(cols []frame.Column) graph.Value {
	if len(cols) == 0 && p.Series {
		nan := make([]float64, len(p.Q))
		for i := range nan {
			nan[i] = math.NaN()
		}
		cols = []frame.Column{{Name: p.Name, Data: frame.Float64s(nan)}}
	}
	qs := []frame.Column{{Data: frame.Float64s(p.Q)}}
	switch {
	case p.One && p.Series:
		return frame.ValueAt(cols[0].Data, 0)
	case p.Series:
		return &frame.Series{Name: p.Name, Index: qs, Data: cols[0].Data}
	case p.One:
		names := make([]string, len(cols))
		vals := make([]float64, len(cols))
		for i, c := range cols {
			names[i], vals[i] = c.Name, c.Data.(*array.Float64).Value(0)
		}
		return &frame.Series{Name: p.frameName(), Index: []frame.Column{{Data: frame.Strings(names, nil)}}, Data: frame.Float64s(vals)}
	}
	return &frame.Frame{Index: qs, Columns: cols, Rows: len(p.Q)}
}

type duplicatedParams struct {
	Subset []string `json:"subset,omitempty"`
}

// opDuplicated marks repeated rows over the whole data (one input: the
// concatenated partitions).
func opDuplicated(_ *graph.Env, p duplicatedParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, name, err := concatInputs(in)
	if err != nil {
		return nil, err
	}
	var cols []arrow.Array
	for _, c := range f.Columns {
		if len(p.Subset) == 0 || contains(p.Subset, c.Name) {
			cols = append(cols, c.Data)
		}
	}
	r := frame.DuplicatedRows(cols, f.Rows)
	if isSeries {
		return &frame.Series{Name: name, Index: f.Index, Data: r}, nil
	}
	return &frame.Series{Index: f.Index, Data: r}, nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func init() {
	register("exact-quantile", opExactQuantile)
	register("mode", opMode)
	register("dask-describe-chunk", opDaskDescribeChunk)
	register("dask-describe-agg", opDaskDescribeAgg)
}

// describable are the columns describe() summarizes: numbers, not bools.
func describable(f *frame.Frame) []frame.Column {
	var out []frame.Column
	for _, c := range f.Columns {
		switch c.Data.(type) {
		case *array.Float64, *array.Int64:
			out = append(out, c)
		}
	}
	return out
}

// opExactQuantile is pandas' quantile: numpy's linear percentiles of all
// the values.
func opExactQuantile(_ *graph.Env, p daskQuantileParams, in []graph.Value) (graph.Value, error) {
	f, _, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	cols := f.Columns
	if !p.Series {
		cols = describable(f)
	}
	var out []frame.Column
	for _, c := range cols {
		v, err := frame.FloatsOf(c.Data)
		if err != nil {
			return nil, fmt.Errorf("TypeError: unsupported operand type(s) for -: 'str' and 'str'")
		}
		vals := make([]float64, 0, len(v))
		for _, x := range v {
			if x == x {
				vals = append(vals, x)
			}
		}
		sort.Float64s(vals)
		res := make([]float64, len(p.Q))
		for i, q := range p.Q {
			res[i] = frame.Percentile(vals, q*100)
		}
		out = append(out, frame.Column{Name: c.Name, Data: frame.Float64s(res)})
	}
	return p.result(out), nil
}

// opMode takes the most frequent values from the partitions' value
// counts, sorted, numbered from 0.
func opMode(_ *graph.Env, _ vcParams, in []graph.Value) (graph.Value, error) {
	vc, err := opValueCountsAgg(nil, vcParams{}, in)
	if err != nil {
		return nil, err
	}
	s := vc.(*frame.Series)
	counts := s.Data.(*array.Int64).Int64Values()
	best := int64(0)
	for _, c := range counts {
		best = max(best, c)
	}
	var idx []int
	for k, c := range counts {
		if c == best {
			idx = append(idx, k)
		}
	}
	keys := frame.Take(s.Index[0].Data, idx)
	f := &frame.Frame{Columns: []frame.Column{{Name: "v", Data: keys}}, Rows: len(idx)}
	sorted, err := f.SortValues([]string{"v"}, []bool{true})
	if err != nil {
		return nil, err
	}
	return &frame.Series{Name: s.Name, Data: sorted.Columns[0].Data}, nil
}

var describeQ = []float64{0.25, 0.5, 0.75}

// opDaskDescribeChunk computes each numeric column's count, sum, second
// moment, min and max, and its percentiles (Dask's quantile chunk).
func opDaskDescribeChunk(env *graph.Env, _ daskQuantileParams, in []graph.Value) (graph.Value, error) {
	f, _, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	num := &frame.Frame{Columns: describable(f), Rows: f.Rows}
	if len(num.Columns) == 0 {
		return nil, fmt.Errorf("NotImplementedError: describe() of columns that are not numbers")
	}
	qs, err := opDaskQuantileChunk(env, daskQuantileParams{Q: describeQ}, []graph.Value{num})
	if err != nil {
		return nil, err
	}
	out := &frame.Frame{Rows: 5 + qs.(*frame.Frame).Rows}
	for i, c := range num.Columns {
		st, err := frame.ReduceChunk("var", &frame.Frame{Columns: []frame.Column{c}, Rows: f.Rows})
		if err != nil {
			return nil, err
		}
		v := st.Columns[0].Data.(*array.Float64).Float64Values()
		lo, hi := math.NaN(), math.NaN()
		x, _ := frame.FloatsOf(c.Data)
		for _, y := range x {
			if y == y {
				if lo != lo || y < lo {
					lo = y
				}
				if hi != hi || y > hi {
					hi = y
				}
			}
		}
		row := append([]float64{v[0], v[1], v[2], lo, hi}, qs.(*frame.Frame).Columns[i].Data.(*array.Float64).Float64Values()...)
		out.Columns = append(out.Columns, frame.Column{Name: c.Name, Data: frame.Float64s(row)})
	}
	return out, nil
}

// opDaskDescribeAgg puts the partitions' statistics together as Dask's
// describe does: count, mean, std (Dask's moment aggregate), min, the
// merged percentiles, max.
func opDaskDescribeAgg(env *graph.Env, p daskQuantileParams, in []graph.Value) (graph.Value, error) {
	var first *frame.Frame
	var qparts []graph.Value
	full := in[:0:0]
	for _, v := range in {
		f, ok := v.(*frame.Frame)
		if !ok {
			return nil, fmt.Errorf("want partial statistics, got %T", v)
		}
		if first == nil {
			first = f
		}
		if f.Rows < 5 {
			continue // the meta's empty partials
		}
		full = append(full, f)
		q := &frame.Frame{Rows: f.Rows - 5}
		for _, c := range f.Columns {
			q.Columns = append(q.Columns, frame.Column{Name: c.Name, Data: array.NewSlice(c.Data, 5, int64(f.Rows))})
		}
		qparts = append(qparts, q)
	}
	in = full
	if first == nil {
		return nil, fmt.Errorf("describe of nothing")
	}
	qv, err := opDaskQuantileAgg(env, daskQuantileParams{Q: describeQ}, qparts)
	if err != nil {
		return nil, err
	}
	qf := qv.(*frame.Frame)
	out := &frame.Frame{Rows: 8, Index: []frame.Column{{Data: frame.Strings([]string{"count", "mean", "std", "min", "25%", "50%", "75%", "max"}, nil)}}}
	for ci, c := range first.Columns {
		var moments []float64
		n, sum, lo, hi := 0.0, 0.0, math.NaN(), math.NaN()
		for _, v := range in {
			x := v.(*frame.Frame).Columns[ci].Data.(*array.Float64).Float64Values()
			moments = append(moments, x[0], x[1], x[2])
			n += x[0]
			sum += x[1]
			if x[3] == x[3] && (lo != lo || x[3] < lo) {
				lo = x[3]
			}
			if x[4] == x[4] && (hi != hi || x[4] > hi) {
				hi = x[4]
			}
		}
		parts := make([]*frame.Frame, 0, len(in))
		for i := 0; i+2 < len(moments); i += 3 {
			parts = append(parts, &frame.Frame{Columns: []frame.Column{{Name: c.Name, Data: frame.Float64s(moments[i : i+3])}}, Rows: 3})
		}
		sd, err := frame.ReduceAgg("std", parts, 1, 0)
		if err != nil {
			return nil, err
		}
		q := []float64{math.NaN(), math.NaN(), math.NaN()}
		if ci < len(qf.Columns) {
			q = qf.Columns[ci].Data.(*array.Float64).Float64Values()
		}
		row := []float64{n, sum / n, sd.Data.(*array.Float64).Value(0), lo, q[0], q[1], q[2], hi}
		out.Columns = append(out.Columns, frame.Column{Name: c.Name, Data: frame.Float64s(row)})
	}
	if p.Series {
		return &frame.Series{Name: p.Name, Index: out.Index, Data: out.Columns[0].Data}, nil
	}
	return out, nil
}

func init() {
	register("strx", opStrX)
	register("dtx", opDTX)
}

// StrXParams is a .str or .dt method and its arguments by name.
type StrXParams struct {
	Method string            `json:"method"`
	Args   map[string]Scalar `json:"args,omitempty"`
	// Frame: the method gives several columns (split, extract), named
	// Names when set.
	Frame bool `json:"frame,omitempty"`
}

func (p StrXParams) str(name string) string {
	s, _ := p.Args[name].V.(string)
	return s
}

func opStrX(_ *graph.Env, p StrXParams, in []graph.Value) (graph.Value, error) {
	s, ok := in[0].(*frame.Series)
	if !ok {
		return nil, fmt.Errorf("AttributeError: Can only use .str accessor with string values!")
	}
	series := func(a arrow.Array) *frame.Series { return &frame.Series{Name: s.Name, Index: s.Index, Data: a} }
	var cols []arrow.Array
	var names []string
	var err error
	if l, ok := s.Data.(*array.List); ok {
		i, _ := p.Args["i"].V.(int64)
		r, err := frame.ListStr(l, p.Method, int(i), p.str("sep"))
		if err != nil {
			return nil, err
		}
		return series(r), nil
	}
	switch p.Method {
	case "split-list":
		n, _ := p.Args["n"].V.(int64)
		r, err := frame.StrSplitList(s.Data, p.str("pat"), int(n))
		if err != nil {
			return nil, err
		}
		return series(r), nil
	case "replace-re":
		caseless := false
		if c, ok := p.Args["case"].V.(bool); ok {
			caseless = !c
		}
		r, err := frame.StrReplaceRegex(s.Data, p.str("pat"), p.str("repl"), caseless)
		if err != nil {
			return nil, err
		}
		return series(r), nil
	case "strip":
		r, err := frame.StrStrip(s.Data, p.str("to_strip"))
		if err != nil {
			return nil, err
		}
		return series(r), nil
	case "cat":
		var other arrow.Array
		if len(in) > 1 {
			o, ok := in[1].(*frame.Series)
			if !ok {
				return nil, fmt.Errorf("TypeError: str.cat() others must be a Series")
			}
			other = o.Data
		}
		r, err := frame.StrCat(s.Data, other, p.str("sep"))
		if err != nil {
			return nil, err
		}
		if a, ok := r.(arrow.Array); ok {
			return series(a), nil
		}
		return r, nil
	case "split":
		n, _ := p.Args["n"].V.(int64)
		cols, err = frame.StrSplit(s.Data, p.str("pat"), int(n))
		for i := range cols {
			names = append(names, fmt.Sprint(i))
		}
	case "extract":
		cols, names, err = frame.StrExtract(s.Data, p.str("pat"))
		if err == nil && !p.Frame && len(cols) == 1 {
			return series(cols[0]), nil
		}
	default:
		args := map[string]any{}
		for k, v := range p.Args {
			args[k] = v.V
		}
		r, err := frame.StrX(s.Data, p.Method, args)
		if err != nil {
			return nil, err
		}
		return series(r), nil
	}
	if err != nil {
		return nil, err
	}
	out := &frame.Frame{Index: s.Index, Rows: s.Len()}
	for i, c := range cols {
		out.Columns = append(out.Columns, frame.Column{Name: names[i], Data: c})
	}
	return out, nil
}

func opDTX(_ *graph.Env, p StrXParams, in []graph.Value) (graph.Value, error) {
	s, ok := in[0].(*frame.Series)
	if !ok {
		return nil, fmt.Errorf("AttributeError: Can only use .dt accessor with datetimelike values")
	}
	var r arrow.Array
	var err error
	r, err = frame.DTX(s.Data, p.Method, p.str("arg"))
	if err != nil {
		return nil, err
	}
	return &frame.Series{Name: s.Name, Index: s.Index, Data: r}, nil
}

func init() { register("resample", opResample) }

type resampleParams struct {
	Rule string `json:"rule"`
	How  string `json:"how"`
}

func opResample(_ *graph.Env, p resampleParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	out, freq, err := frame.Resample(f, p.Rule, p.How)
	if err != nil {
		return nil, err
	}
	if isSeries {
		s := backToSeries(out, in[0].(*frame.Series).Name)
		s.IndexFreq = freq
		return s, nil
	}
	out.IndexFreq = freq
	return out, nil
}

// sliceOfSeries is rows of s: a slice of a regular index keeps its
// frequency, as pandas' does.
func sliceOfSeries(f *frame.Frame, s *frame.Series) *frame.Series {
	out := backToSeries(f, s.Name)
	out.IndexFreq = s.IndexFreq
	return out
}
