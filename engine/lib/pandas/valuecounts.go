package pandas

import (
	"fmt"

	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/graph"
)

// seriesValueCounts implements Series.value_counts for pandas and Dask:
// each partition counts its values, one task adds the counts up. pandas
// orders ties by first appearance, Dask (which adds up with a sorted
// groupby) by value; both sort the counts with numpy's quicksort.
func seriesValueCounts(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var sort, bins, dropna, splitEvery, splitOut starlark.Value
	o := frame.CountOptions{KeyOrder: s.lazy != nil}
	if err := starlark.UnpackArgs("value_counts", a, kw, "normalize?", &o.Normalize, "sort?", &sort, "ascending?", &o.Ascending,
		"bins?", &bins, "dropna?", &dropna, "split_every?", &splitEvery, "split_out?", &splitOut); err != nil {
		return nil, err
	}
	if bins != nil && bins != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: value_counts(bins=) is not supported")
	}
	if n, ok := splitOut.(starlark.Int); ok && n != starlark.MakeInt(1) {
		return nil, fmt.Errorf("NotImplementedError: value_counts(split_out=) is not supported")
	}
	if dropna == starlark.False {
		return nil, fmt.Errorf("NotImplementedError: value_counts(dropna=False) is not supported")
	}
	// pandas sorts unless sort=False; Dask's sort=None sorts too.
	o.Sort = sort == nil || sort == starlark.None || bool(sort.Truth())
	p := map[string]any{"Sort": o.Sort, "Ascending": o.Ascending, "Normalize": o.Normalize, "KeyOrder": o.KeyOrder}
	return reduce("value-counts", graph.NewStage("value-counts-chunk", nil), graph.NewStage("value-counts-agg", p), s.value())
}

// lazyUnique is Dask's Series.unique: a Series of the distinct values in
// order of first appearance, numbered from 0 (pandas' gives an array).
func lazyUnique(s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var splitEvery, splitOut starlark.Value
	if err := starlark.UnpackArgs("unique", a, kw, "split_every?", &splitEvery, "split_out?", &splitOut); err != nil {
		return nil, err
	}
	r, err := reduce("unique", graph.NewStage("drop-duplicates", nil), graph.NewStage("drop-duplicates", nil), s.value())
	if err != nil {
		return nil, err
	}
	return apply("unique", "reset-index", map[string]any{"drop": true}, r.(*Series).value())
}
