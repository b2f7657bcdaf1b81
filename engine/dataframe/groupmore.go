package dataframe

import (
	"fmt"

	"burst/engine/frame"
	"burst/engine/graph"
)

// Group-by operations beyond GroupChunk's per-group statistics.
func init() {
	register("group-nunique-chunk", opGroupNUniqueChunk)
	register("group-nunique-agg", opGroupNUniqueAgg)
	register("group-transform", opGroupTransform)
	register("group-median", opGroupMedian)
}

// asSeries returns the one column of f as a Series named name when series.
func asSeries(f *frame.Frame, series bool, name string) graph.Value {
	if series {
		return &frame.Series{Name: name, Index: f.Index, Data: f.Columns[0].Data}
	}
	return f
}

func opGroupTransform(_ *graph.Env, p groupParams, in []graph.Value) (graph.Value, error) {
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	out, err := frame.GroupTransform(f, p.By, p.Aggs, p.DDof)
	if err != nil {
		return nil, err
	}
	return asSeries(out, p.Series, p.Name), nil
}

type groupMedianParams struct {
	By      []string `json:"by"`
	Columns []string `json:"columns"`
	Order   string   `json:"order,omitempty"`
	Series  bool     `json:"series,omitempty"`
}

func opGroupMedian(_ *graph.Env, p groupMedianParams, in []graph.Value) (graph.Value, error) {
	parts := make([]*frame.Frame, len(in))
	for i, v := range in {
		f, ok := v.(*frame.Frame)
		if !ok {
			return nil, fmt.Errorf("want partitions, got %T", v)
		}
		parts[i] = f
	}
	out, err := frame.GroupMedian(parts, p.By, p.Columns, p.Order)
	if err != nil {
		return nil, err
	}
	return asSeries(out, p.Series, p.Columns[0]), nil
}

type groupNUniqueParams struct {
	By     []string `json:"by"`
	Column string   `json:"column"`
	Order  string   `json:"order,omitempty"`
}

func opGroupNUniqueChunk(_ *graph.Env, p groupNUniqueParams, in []graph.Value) (graph.Value, error) {
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	return frame.GroupNUniqueChunk(f, p.By, p.Column, p.Order)
}

func opGroupNUniqueAgg(_ *graph.Env, p groupNUniqueParams, in []graph.Value) (graph.Value, error) {
	parts := make([]*frame.Frame, len(in))
	for i, v := range in {
		f, ok := v.(*frame.Frame)
		if !ok {
			return nil, fmt.Errorf("want partial group results, got %T", v)
		}
		parts[i] = f
	}
	return frame.GroupNUniqueAgg(parts, p.Column, p.Order)
}
