package dataframe

import (
	"encoding/json"
	"fmt"

	"burst/engine/csv"
	"burst/engine/frame"
	"burst/engine/graph"
)

// The operations DataFrame graphs use; every process that runs tasks
// (native workers, browser workers) links this package.
func init() {
	graph.Register("read-csv", opReadCSV)
	graph.Register("getitem", opGetitem)
	graph.Register("head", opHead)
	graph.Register("groupby-sum-count", opGroupSumCount)
	graph.Register("groupby-mean-agg", opGroupMeanAgg)
}

func params(raw json.RawMessage, p any) error {
	if err := json.Unmarshal(raw, p); err != nil {
		return fmt.Errorf("bad task parameters: %v", err)
	}
	return nil
}

func oneFrame(inputs []graph.Value) (*frame.Frame, error) {
	if len(inputs) != 1 {
		return nil, fmt.Errorf("want one input, got %d", len(inputs))
	}
	f, ok := inputs[0].(*frame.Frame)
	if !ok {
		return nil, fmt.Errorf("want a DataFrame partition, got %T", inputs[0])
	}
	return f, nil
}

func opReadCSV(env *graph.Env, raw json.RawMessage, _ []graph.Value) (graph.Value, error) {
	var p readParams
	if err := params(raw, &p); err != nil {
		return nil, err
	}
	data, err := env.FS.ReadFile(p.Path)
	if err != nil {
		return nil, err
	}
	return csv.Read(p.Path, data, &p.Options)
}

func opGetitem(_ *graph.Env, raw json.RawMessage, in []graph.Value) (graph.Value, error) {
	var p getitemParams
	if err := params(raw, &p); err != nil {
		return nil, err
	}
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	c, ok := f.Col(p.Column)
	if !ok {
		return nil, fmt.Errorf("KeyError: %q", p.Column)
	}
	return &frame.Series{Name: c.Name, Index: f.Index, Data: c.Data}, nil
}

func opHead(_ *graph.Env, raw json.RawMessage, in []graph.Value) (graph.Value, error) {
	var p headParams
	if err := params(raw, &p); err != nil {
		return nil, err
	}
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	return f.Head(p.N), nil
}

// opGroupSumCount turns a partition into per-group sums and counts: a
// frame indexed by the group keys with columns "sum" and "count".
func opGroupSumCount(_ *graph.Env, raw json.RawMessage, in []graph.Value) (graph.Value, error) {
	var p groupParams
	if err := params(raw, &p); err != nil {
		return nil, err
	}
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	key, ok := f.Col(p.By)
	if !ok {
		return nil, fmt.Errorf("KeyError: %q", p.By)
	}
	val, ok := f.Col(p.Column)
	if !ok {
		return nil, fmt.Errorf("KeyError: %q", p.Column)
	}
	gr, err := frame.GroupRows(key.Data)
	if err != nil {
		return nil, err
	}
	sum, count, err := frame.SumCount(gr, val.Data)
	if err != nil {
		return nil, err
	}
	return &frame.Frame{
		Index:   []frame.Column{{Name: p.By, Data: gr.Keys}},
		Columns: []frame.Column{{Name: "sum", Data: frame.Float64s(sum)}, {Name: "count", Data: frame.Int64s(count)}},
		Rows:    len(sum),
	}, nil
}

// opGroupMeanAgg combines per-partition sums and counts into the mean per
// group, sorted by key.
func opGroupMeanAgg(_ *graph.Env, raw json.RawMessage, in []graph.Value) (graph.Value, error) {
	var p groupParams
	if err := params(raw, &p); err != nil {
		return nil, err
	}
	parts := make([]*frame.Frame, len(in))
	for i, v := range in {
		f, ok := v.(*frame.Frame)
		if !ok {
			return nil, fmt.Errorf("want partial sums, got %T", v)
		}
		parts[i] = f
	}
	all, err := frame.Concat(parts)
	if err != nil {
		return nil, err
	}
	if len(all.Index) != 1 || len(all.Columns) != 2 {
		return nil, fmt.Errorf("malformed partial sums")
	}
	gr, err := frame.GroupRows(all.Index[0].Data)
	if err != nil {
		return nil, err
	}
	k := gr.Keys.Len()
	sum := make([]float64, k)
	count := make([]int64, k)
	sums := all.Columns[0].Data.(interface{ Float64Values() []float64 }).Float64Values()
	counts := all.Columns[1].Data.(interface{ Int64Values() []int64 }).Int64Values()
	for i, id := range gr.IDs {
		if id < 0 {
			continue
		}
		sum[id] += sums[i]
		count[id] += counts[i]
	}
	order := frame.SortOrder(gr.Keys)
	mean := make([]float64, k)
	for i, j := range order {
		mean[i] = sum[j] / float64(count[j]) // 0/0 is NaN: a group of only NaN
	}
	return &frame.Series{
		Name:  p.Column,
		Index: []frame.Column{{Name: p.By, Data: frame.Take(gr.Keys, order)}},
		Data:  frame.Float64s(mean),
	}, nil
}
