package pandas

import (
	"fmt"

	"go.starlark.net/starlark"

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
