package dataframe

import (
	"fmt"

	"burst/engine/frame"
	"burst/engine/graph"
)

// Group-by operations beyond GroupChunk's per-group statistics. They share
// one parameter type and one registration, which keeps the browser
// engine small (each registration is code of its own).
func init() {
	for name, op := range map[string]func(*graph.Env, GroupOpParams, []graph.Value) (graph.Value, error){
		"group-nunique-chunk": opGroupNUniqueChunk,
		"group-nunique-agg":   opGroupNUniqueAgg,
		"group-transform":     opGroupTransform,
		"group-median":        opGroupMedian,
		"group-cum":           opGroupCum,
		"group-cum-totals":    opGroupCumTotals,
		"group-cum-carry":     opGroupCumCarry,
		"group-value-counts":  opGroupValueCounts,
	} {
		register(name, op)
	}
}

// GroupOpParams are the parameters of these operations.
type GroupOpParams struct {
	By      []string    `json:"by,omitempty"`
	Aggs    []frame.Agg `json:"aggs,omitempty"`
	DDof    int         `json:"ddof,omitempty"`
	Column  string      `json:"column,omitempty"`
	Columns []string    `json:"columns,omitempty"`
	How     string      `json:"how,omitempty"`   // cumsum or cumcount
	Order   string      `json:"order,omitempty"` // frame.OrderSorted, …
	Series  bool        `json:"series,omitempty"`
	Name    string      `json:"name,omitempty"`
	ByCount bool        `json:"by_count,omitempty"`
}

func opGroupValueCounts(_ *graph.Env, p GroupOpParams, in []graph.Value) (graph.Value, error) {
	parts, err := framesOf(in)
	if err != nil {
		return nil, err
	}
	return frame.GroupValueCounts(parts, p.Order, p.ByCount)
}

// asSeries returns the one column of f as a Series named name when series.
func asSeries(f *frame.Frame, series bool, name string) graph.Value {
	if series {
		return &frame.Series{Name: name, Index: f.Index, Data: f.Columns[0].Data}
	}
	return f
}

func opGroupTransform(_ *graph.Env, p GroupOpParams, in []graph.Value) (graph.Value, error) {
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

func opGroupMedian(_ *graph.Env, p GroupOpParams, in []graph.Value) (graph.Value, error) {
	parts, err := framesOf(in)
	if err != nil {
		return nil, err
	}
	out, err := frame.GroupMedian(parts, p.By, p.Columns, p.Order)
	if err != nil {
		return nil, err
	}
	return asSeries(out, p.Series, p.Columns[0]), nil
}

func opGroupNUniqueChunk(_ *graph.Env, p GroupOpParams, in []graph.Value) (graph.Value, error) {
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	return frame.GroupNUniqueChunk(f, p.By, p.Column, p.Order)
}

func opGroupNUniqueAgg(_ *graph.Env, p GroupOpParams, in []graph.Value) (graph.Value, error) {
	parts, err := framesOf(in)
	if err != nil {
		return nil, err
	}
	return frame.GroupNUniqueAgg(parts, p.Column, p.Order)
}

func framesOf(in []graph.Value) ([]*frame.Frame, error) {
	parts := make([]*frame.Frame, len(in))
	for i, v := range in {
		f, ok := v.(*frame.Frame)
		if !ok {
			return nil, fmt.Errorf("want a DataFrame, got %T", v)
		}
		parts[i] = f
	}
	return parts, nil
}

func opGroupCum(_ *graph.Env, p GroupOpParams, in []graph.Value) (graph.Value, error) {
	parts, err := framesOf(in)
	if err != nil {
		return nil, err
	}
	var carry *frame.Frame
	if len(parts) > 1 {
		carry = parts[1]
	}
	out, err := frame.GroupCum(parts[0], p.By, p.Columns, p.How, carry)
	if err != nil {
		return nil, err
	}
	return asSeries(out, p.Series || p.How == "cumcount", p.Name), nil
}

func opGroupCumTotals(_ *graph.Env, p GroupOpParams, in []graph.Value) (graph.Value, error) {
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	return frame.GroupCumTotals(f, p.By, p.Columns, p.How)
}

func opGroupCumCarry(_ *graph.Env, _ GroupOpParams, in []graph.Value) (graph.Value, error) {
	parts, err := framesOf(in)
	if err != nil {
		return nil, err
	}
	return frame.SumByKeys(parts)
}

// GroupCum chains a cumulative group-by over c's partitions as Dask does:
// every partition's running values start from the summed totals of the
// partitions before it, a chain of small per-group frames.
func GroupCum(c *Collection, p GroupOpParams) (*Collection, error) {
	m, err := Run("group-cum", p, c.Meta)
	if err != nil {
		return nil, err
	}
	name := "groupby-" + p.How + "-" + graph.Tokenize("groupby-"+p.How, c.Name, p)
	g := graph.Merge(c.Graph)
	task := func(k graph.Key, op string, deps ...graph.Key) {
		g[k] = &graph.Task{Key: k, Deps: deps, Stages: []graph.Stage{graph.NewStage(op, p)}}
	}
	var carry graph.Key
	for i := 0; i < c.NParts; i++ {
		part := graph.PartKey(c.Name, i)
		if i == 0 {
			task(graph.PartKey(name, i), "group-cum", part)
		} else {
			task(graph.PartKey(name, i), "group-cum", part, carry)
		}
		if i == c.NParts-1 {
			break
		}
		tot := graph.PartKey(name+"-totals", i)
		task(tot, "group-cum-totals", part)
		if i == 0 {
			carry = tot
			continue
		}
		next := graph.PartKey(name+"-carry", i)
		task(next, "group-cum-carry", carry, tot)
		carry = next
	}
	return &Collection{Graph: g, Name: name, NParts: c.NParts, Meta: Empty(m)}, nil
}
