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
