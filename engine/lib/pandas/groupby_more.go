package pandas

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"

	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/session"
)

// groupMore holds the group-by methods beyond the per-group statistics of
// frame.GroupAggs, for pandas and Dask alike.
var groupMore map[string]func(th *starlark.Thread, g *GroupBy, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error)

func init() {
	groupMore = map[string]func(th *starlark.Thread, g *GroupBy, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error){
		"nunique":      groupNUnique,
		"get_group":    groupGetGroup,
		"transform":    groupTransform,
		"median":       groupMedian,
		"apply":        groupApply,
		"value_counts": groupValueCounts,
		"cumsum": func(th *starlark.Thread, g *GroupBy, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return groupCumulative(g, "cumsum", a, kw)
		},
		"cumcount": func(th *starlark.Thread, g *GroupBy, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return groupCumulative(g, "cumcount", a, kw)
		},
	}
}

// groupNUnique is SeriesGroupBy.nunique: each partition keeps its
// distinct (key, value) pairs, one task counts them per group.
func groupNUnique(th *starlark.Thread, g *GroupBy, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var dropna, splitEvery, splitOut starlark.Value
	if err := starlark.UnpackArgs("nunique", a, kw, "dropna?", &dropna, "split_every?", &splitEvery, "split_out?", &splitOut); err != nil {
		return nil, err
	}
	if dropna == starlark.False {
		return nil, fmt.Errorf("NotImplementedError: nunique(dropna=False) is not supported")
	}
	if !g.series {
		if g.d.lazy != nil { // Dask has SeriesGroupBy.nunique only
			return nil, fmt.Errorf("AttributeError: 'DataFrameGroupBy' object has no attribute 'nunique'")
		}
		// pandas: one column of counts per column, side by side.
		out := &frame.Frame{}
		for _, c := range g.columns() {
			h, err := g.selectCols([]string{c}, true)
			if err != nil {
				return nil, err
			}
			r, err := groupNUnique(th, h, nil, nil)
			if err != nil {
				return nil, err
			}
			s := r.(*Series).eager
			out.Index, out.Rows = s.Index, s.Len()
			out.Columns = append(out.Columns, frame.Column{Name: c, Data: s.Data})
		}
		return FromEngine(out), nil
	}
	p := map[string]any{"by": g.by, "column": g.cols[0], "order": g.keyOrder()}
	return reduce("series-groupby-nunique", graph.NewStage("group-nunique-chunk", p), graph.NewStage("group-nunique-agg", p), g.d.value())
}

// dropSplitArgs leaves out the keyword arguments of Dask's agg that only
// tune its tree (split_every, split_out, shuffle).
func dropSplitArgs(kw []starlark.Tuple) []starlark.Tuple {
	var out []starlark.Tuple
	for _, x := range kw {
		switch x[0].(starlark.String) {
		case "split_every", "split_out", "shuffle":
			continue
		}
		out = append(out, x)
	}
	return out
}

// namedAgg is agg(name=(column, "func"), …), and on one column
// agg(name="func", …): one result column per name, in the given order.
func (g *GroupBy) namedAgg(kwargs []starlark.Tuple) (starlark.Value, error) {
	h := *g
	h.viaAgg = true
	var aggs []frame.Agg
	for _, kv := range dropSplitArgs(kwargs) {
		name := string(kv[0].(starlark.String))
		col, how := "", ""
		if g.series {
			s, ok := starlark.AsString(kv[1])
			if !ok {
				return nil, fmt.Errorf("TypeError: agg(%s=…) takes a function name such as 'mean'", name)
			}
			col, how = g.cols[0], s
		} else {
			t, ok := kv[1].(starlark.Tuple)
			if !ok || len(t) != 2 {
				return nil, fmt.Errorf("TypeError: Must provide 'func' or tuples of '(column, aggfunc).")
			}
			c, ok1 := starlark.AsString(t[0])
			f, ok2 := starlark.AsString(t[1])
			if !ok2 {
				if _, isFn := t[1].(starlark.Callable); isFn {
					return nil, fmt.Errorf("NotImplementedError: GroupBy.agg with a function: Burst aggregates by name ('sum', 'mean', 'max', …)")
				}
			}
			if !ok1 || !ok2 {
				return nil, fmt.Errorf("TypeError: agg(%s=(column, func)) takes a column name and a function name", name)
			}
			if _, ok := g.d.meta().Col(c); !ok {
				return nil, fmt.Errorf("KeyError: \"Column(s) ['%s'] do not exist\"", c)
			}
			col, how = c, f
		}
		if !frame.GroupAggs[how] {
			return nil, fmt.Errorf("NotImplementedError: GroupBy.agg(%s=…, '%s'): Burst aggregates with %s", name, how, strings.Join(sortedNames(frame.GroupAggs), ", "))
		}
		aggs = append(aggs, frame.Agg{Column: col, How: how, Name: name})
	}
	if len(aggs) == 0 {
		return nil, fmt.Errorf("TypeError: Must provide 'func' or tuples of '(column, aggfunc).")
	}
	return h.apply(groupParams(g.by, aggs, 1))
}

// flatten is as_index=False: the group keys become columns and the rows
// are numbered from 0.
func (g *GroupBy) flatten(r starlark.Value) (starlark.Value, error) {
	v := r.(interface{ value() any }).value()
	if s, ok := r.(*Series); ok && s.eager != nil && s.eager.Name == "" {
		v = &frame.Series{Name: "size", Index: s.eager.Index, Data: s.eager.Data}
	}
	return apply("reset-index", "reset-index", map[string]any{"drop": false, "frame": true}, v)
}

// groupGetGroup is get_group(key): the rows of one group, as a mask over
// every partition (Dask's map_partitions).
func groupGetGroup(th *starlark.Thread, g *GroupBy, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var key starlark.Value
	if err := starlark.UnpackArgs("get_group", a, kw, "name", &key); err != nil {
		return nil, err
	}
	keys := []starlark.Value{key}
	if len(g.by) > 1 {
		t, ok := key.(starlark.Tuple)
		if !ok || len(t) != len(g.by) {
			return nil, fmt.Errorf("ValueError: must supply a tuple to get_group with multiple grouping keys")
		}
		keys = t
	}
	var mask starlark.Value
	for i, b := range g.by {
		col, err := g.d.Column(b)
		if err != nil {
			return nil, err
		}
		m, err := Binary("==", col, keys[i])
		if err != nil {
			return nil, err
		}
		if mask != nil {
			if m, err = Binary("&", mask, m); err != nil {
				return nil, err
			}
		}
		mask = m
	}
	var target starlark.Value = g.d
	if g.cols != nil {
		var sel starlark.Value = starlark.String(g.cols[0])
		if !g.series {
			sel = stringList(g.cols)
		}
		v, _, err := g.d.Get(sel)
		if err != nil {
			return nil, err
		}
		target = v
	}
	r, _, err := target.(starlark.Mapping).Get(mask)
	if err != nil {
		return nil, err
	}
	if g.d.lazy == nil && r.(starlark.Sequence).Len() == 0 {
		return nil, fmt.Errorf("KeyError: %s", session.Repr(key))
	}
	return r, nil
}

func stringList(ss []string) *starlark.List {
	vs := make([]starlark.Value, len(ss))
	for i, s := range ss {
		vs[i] = starlark.String(s)
	}
	return starlark.NewList(vs)
}

// groupTransform is transform("how") in pandas: every row gets its
// group's aggregate. Dask's transform shuffles the rows into its hash
// partitions' order, which Burst does not reproduce.
func groupTransform(th *starlark.Thread, g *GroupBy, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := starlark.UnpackArgs("transform", a, kw, "func", &fn); err != nil {
		return nil, err
	}
	if g.d.lazy != nil {
		return nil, fmt.Errorf("NotImplementedError: GroupBy.transform on a Dask DataFrame is not supported (Dask shuffles the rows); merge the group-by's result back instead")
	}
	how, ok := starlark.AsString(fn)
	if !ok || !frame.GroupAggs[how] {
		return nil, fmt.Errorf("NotImplementedError: GroupBy.transform(%s): Burst transforms with %s", session.Repr(fn), strings.Join(sortedNames(frame.GroupAggs), ", "))
	}
	var aggs []frame.Agg
	for _, c := range g.columns() {
		col, _ := g.d.meta().Col(c)
		if how == "size" {
			aggs = []frame.Agg{{Column: g.by[0], How: "size", Name: c}}
			break
		}
		if aggregable(how, col) {
			aggs = append(aggs, frame.Agg{Column: c, How: how, Name: c})
		} else if g.series {
			return nil, fmt.Errorf("TypeError: cannot compute %s of %s column %q", how, col.DType(), c)
		}
	}
	p := groupParams(g.by, aggs, 1)
	if g.series {
		p["series"], p["name"] = true, g.cols[0]
	}
	return apply("transform", "group-transform", p, g.d.value())
}

// groupMedian is median(): Dask, like pandas, needs every value of a
// group together; each partition sends its key and value columns to one
// task (Dask shuffles them), in the order of first appearance.
func groupMedian(th *starlark.Thread, g *GroupBy, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var numericOnly, splitEvery, splitOut, shuffle starlark.Value
	if err := starlark.UnpackArgs("median", a, kw, "numeric_only?", &numericOnly, "split_every?", &splitEvery, "split_out?", &splitOut, "shuffle?", &shuffle); err != nil {
		return nil, err
	}
	var cols []string
	for _, c := range g.columns() {
		col, _ := g.d.meta().Col(c)
		if aggregable("median", col) {
			cols = append(cols, c)
		} else if g.series {
			return nil, fmt.Errorf("TypeError: cannot compute median of %s column %q", col.DType(), c)
		}
	}
	h := *g
	h.viaAgg = true
	p := map[string]any{"by": g.by, "columns": cols, "order": h.keyOrder(), "series": g.series}
	sel := map[string]any{"columns": append(append([]string(nil), g.by...), cols...)}
	return reduce("groupby-median", graph.NewStage("getitem", sel), graph.NewStage("group-median", p), g.d.value())
}

// groupApply is apply(func) in pandas where func returns one value per
// group: a Series indexed by the sorted group keys. Dask shuffles the
// groups into its hash partitions' order, which Burst does not reproduce.
func groupApply(th *starlark.Thread, g *GroupBy, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if g.d.lazy != nil {
		return nil, fmt.Errorf("NotImplementedError: GroupBy.apply on a Dask DataFrame is not supported (Dask shuffles the groups); use agg() or map_partitions")
	}
	if len(a) == 0 {
		return nil, fmt.Errorf("TypeError: apply() missing 1 required positional argument: 'func'")
	}
	return g.callPerGroup(th, "apply", a[0], a[1:], kw, "")
}

// callPerGroup calls fn on each group's rows (a DataFrame, or a Series
// for a selected column) and gives a Series of its results, named name.
func (g *GroupBy) callPerGroup(th *starlark.Thread, what string, fnv starlark.Value, args starlark.Tuple, kw []starlark.Tuple, name string) (starlark.Value, error) {
	fn, ok := fnv.(starlark.Callable)
	if !ok {
		return nil, fmt.Errorf("TypeError: %s() needs a function, not %s", what, session.TypeName(fnv))
	}
	f := g.d.eager
	rows, keys, err := frame.GroupRowLists(f, g.by, g.keyOrder() == frame.OrderSorted)
	if err != nil {
		return nil, err
	}
	var sub *frame.Frame = f
	if g.cols != nil {
		sub = &frame.Frame{Index: f.Index, Rows: f.Rows}
		for _, c := range g.cols {
			col, _ := f.Col(c)
			sub.Columns = append(sub.Columns, col)
		}
	}
	run := session.Of(th).Runner()
	out := make([]starlark.Value, len(rows))
	for i, r := range rows {
		var v any = sub.TakeRows(r)
		if g.series {
			v = frame.SeriesOf(v.(*frame.Frame), v.(*frame.Frame).Columns[0])
		}
		x, err := run.Call(fn, append(starlark.Tuple{FromEngine(v)}, args...), kw)
		if err != nil {
			return nil, err
		}
		if _, ok := GoScalar(x); !ok {
			return nil, fmt.Errorf("NotImplementedError: GroupBy.%s with a function returning %s is not supported: Burst takes one value per group", what, session.TypeName(x))
		}
		out[i] = x
	}
	data, err := arrayOf(out, nil)
	if err != nil {
		return nil, err
	}
	return FromEngine(&frame.Series{Name: name, Index: keys.Index, Data: data}), nil
}

// groupCumulative is cumsum() and cumcount(): running sums or counts per
// group in the rows' order, each partition starting where the partitions
// before it left off.
func groupCumulative(g *GroupBy, how string, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var axis, ascending starlark.Value
	if err := starlark.UnpackArgs(how, a, kw, "axis?", &axis, "ascending?", &ascending); err != nil {
		return nil, err
	}
	if ascending == starlark.False {
		return nil, fmt.Errorf("NotImplementedError: GroupBy.cumcount(ascending=False) is not supported")
	}
	p := dataframe.GroupOpParams{By: g.by, How: how, Series: g.series}
	if how == "cumsum" {
		for _, c := range g.columns() {
			col, _ := g.d.meta().Col(c)
			if aggregable("sum", col) {
				p.Columns = append(p.Columns, c)
			} else if g.series {
				return nil, fmt.Errorf("TypeError: cannot compute cumsum of %s column %q", col.DType(), c)
			}
		}
		if g.series {
			p.Name = g.cols[0]
		}
	}
	if g.d.lazy == nil {
		return apply(how, "group-cum", p, g.d.value())
	}
	c, err := dataframe.GroupCum(g.d.lazy, p)
	if err != nil {
		return nil, err
	}
	return FromEngine(c), nil
}

// groupValueCounts is SeriesGroupBy.value_counts: each partition counts
// its (key, value) pairs, one task adds them up. pandas orders a group's
// values by count, Dask by value.
func groupValueCounts(th *starlark.Thread, g *GroupBy, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var splitEvery, splitOut, shuffle starlark.Value
	if err := starlark.UnpackArgs("value_counts", a, kw, "split_every?", &splitEvery, "split_out?", &splitOut, "shuffle?", &shuffle); err != nil {
		return nil, err
	}
	if !g.series {
		return nil, fmt.Errorf("NotImplementedError: DataFrameGroupBy.value_counts is not supported: select a column first, as df.groupby(k).col.value_counts()")
	}
	col := g.cols[0]
	for _, b := range g.by {
		if b == col {
			return nil, fmt.Errorf("NotImplementedError: value_counts of the group-by's own key %q", col)
		}
	}
	order := g.keyOrder()
	by := append(append([]string(nil), g.by...), col)
	chunk := groupParams(by, []frame.Agg{{Column: col, How: "size", Name: "n"}}, 1)
	chunk["order"] = order
	p := map[string]any{"order": order, "by_count": g.d.lazy == nil}
	return reduce("series-groupby-value-counts", graph.NewStage("group-chunk", chunk), graph.NewStage("group-value-counts", p), g.d.value())
}

// Docstrings of the group-by methods no other object documents (the
// shared ones stay as docs.go has them).
func init() {
	for name, doc := range map[string]string{
		"get_group": "get_group(name)\n\nThe rows of one group (a tuple of keys for several).",
		"transform": "transform(func)\n\nEach row gets its group's aggregate func ('mean', 'sum', …), the index kept (pandas only).",
		"cumsum":    "cumsum()\n\nRunning sums, per group on a group-by, in the rows' order.",
		"cumcount":  "cumcount()\n\nEach row's position in its group, from 0.",
		"median":    "median()\n\nThe middle value (per group on a group-by).",
	} {
		if _, ok := methodDocs[name]; !ok {
			methodDocs[name] = doc
		}
	}
}
