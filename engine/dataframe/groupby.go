package dataframe

import (
	"fmt"

	"burst/engine/frame"
	"burst/engine/graph"
)

// GroupBy is a DataFrame grouped by one key column.
type GroupBy struct {
	df *DataFrame
	by string
}

// GroupBy groups d by the column called by.
func (d *DataFrame) GroupBy(by string) (*GroupBy, error) {
	if !d.HasColumn(by) {
		return nil, fmt.Errorf("KeyError: %q", by)
	}
	return &GroupBy{d, by}, nil
}

// By returns the name of the key column.
func (g *GroupBy) By() string { return g.by }

// SeriesGroupBy is one column of a grouped DataFrame.
type SeriesGroupBy struct {
	g   *GroupBy
	col string
}

// Column selects the column called name.
func (g *GroupBy) Column(name string) (*SeriesGroupBy, error) {
	if !g.df.HasColumn(name) {
		return nil, fmt.Errorf("KeyError: Column not found: %s", name)
	}
	return &SeriesGroupBy{g, name}, nil
}

// Name returns the selected column's name.
func (s *SeriesGroupBy) Name() string { return s.col }

type groupParams struct {
	By     string `json:"by"`
	Column string `json:"column"`
}

// Mean returns the mean of the column per group, sorted by group key: each
// partition computes sums and counts, one task combines them and divides.
func (s *SeriesGroupBy) Mean() *Series {
	d := s.g.df
	p := groupParams{s.g.by, s.col}
	g, chunk := partitionwise(d.Graph, d.Name, d.NParts, "series-groupby-sum-count-chunk", graph.NewStage("groupby-sum-count", p))
	name := "series-groupby-mean-agg-" + graph.Tokenize("groupby-mean", chunk)
	k := graph.PartKey(name, 0)
	g[k] = &graph.Task{Key: k, Deps: keys(chunk, d.NParts), Stages: []graph.Stage{graph.NewStage("groupby-mean-agg", p)}}
	key, _ := d.Meta.Col(s.g.by)
	meta := &frame.Series{Name: s.col, Index: []frame.Column{{Name: s.g.by, Data: key.Data}}, Data: frame.Float64s(nil)}
	return &Series{Graph: g, Name: name, NParts: 1, Meta: meta}
}
