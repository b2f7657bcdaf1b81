package pandas

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/graph"
)

// groupMore holds the group-by methods beyond the per-group statistics of
// frame.GroupAggs, for pandas and Dask alike.
var groupMore map[string]func(th *starlark.Thread, g *GroupBy, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error)

func init() {
	groupMore = map[string]func(th *starlark.Thread, g *GroupBy, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error){
		"nunique": groupNUnique,
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
		return nil, fmt.Errorf("NotImplementedError: DataFrameGroupBy.nunique: select a column first, as df.groupby(k).col.nunique()")
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
