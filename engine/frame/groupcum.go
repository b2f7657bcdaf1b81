package frame

import (
	"fmt"
	"math"
)

// GroupBy.cumsum and cumcount over partitions: each partition runs its
// groups' running sums (or counts) from the totals of the partitions
// before it (carry), as Dask's cumulative group-by chains them.

// carryRows maps each group of g to its row in carry (a frame indexed by
// unique keys), or -1.
func carryRows(g *Groups, carry *Frame) ([]int, error) {
	off := make([]int, g.N())
	for i := range off {
		off[i] = -1
	}
	if carry == nil || carry.Rows == 0 || g.N() == 0 {
		return off, nil
	}
	groups := &Frame{Rows: g.N()}
	for i, c := range carry.Index {
		groups.Index = append(groups.Index, Column{c.Name, g.Levels[i]})
	}
	all, err := Concat([]*Frame{{Index: carry.Index, Rows: carry.Rows}, groups})
	if err != nil {
		return nil, err
	}
	levels := columnData(all.Index)
	h, err := GroupKeys(levels)
	if err != nil {
		return nil, err
	}
	// carry's keys are distinct and come first: their ids are their rows
	for j := range off {
		if id := int(h.IDs[carry.Rows+j]); id >= 0 && id < carry.Rows {
			off[j] = id
		}
	}
	return off, nil
}

// GroupCum computes how ("cumsum" of cols, or "cumcount") for the rows of
// one partition, starting each group from its row of carry (nil: zero).
// The rows keep f's index; a row with a missing key gets a missing value.
func GroupCum(f *Frame, by, cols []string, how string, carry *Frame) (*Frame, error) {
	keys, err := keyArrays(f, by)
	if err != nil {
		return nil, err
	}
	g, err := GroupKeys(keys)
	if err != nil {
		return nil, err
	}
	off, err := carryRows(g, carry)
	if err != nil {
		return nil, err
	}
	out := &Frame{Index: f.Index, Rows: f.Rows}
	if how == "cumcount" {
		n := make([]int64, g.N())
		if carry != nil {
			c, _ := asNumeric(carry.Columns[0].Data)
			for id, r := range off {
				if r >= 0 {
					n[id] = c.i[r]
				}
			}
		}
		v := make([]int64, f.Rows)
		for i, id := range g.IDs {
			if id >= 0 {
				v[i] = n[id]
				n[id]++
			}
		}
		out.Columns = []Column{{"", Int64s(v)}}
		return out, nil
	}
	if how != "cumsum" {
		return nil, fmt.Errorf("NotImplementedError: GroupBy.%s", how)
	}
	missingKey := false
	for _, id := range g.IDs {
		missingKey = missingKey || id < 0
	}
	for k, name := range cols {
		x, err := numericCol(f, name, "cumsum")
		if err != nil {
			return nil, err
		}
		var start numeric
		if carry != nil && carry.Rows > 0 {
			start, _ = asNumeric(carry.Columns[k].Data)
		}
		if x.isInt && !missingKey {
			sum := make([]int64, g.N())
			for id, r := range off {
				if r >= 0 {
					sum[id] = int64(start.float(r))
				}
			}
			v := make([]int64, f.Rows)
			for i, id := range g.IDs {
				sum[id] += x.i[i]
				v[i] = sum[id]
			}
			out.Columns = append(out.Columns, Column{name, Int64s(v)})
			continue
		}
		sum := make([]float64, g.N())
		for id, r := range off {
			if r >= 0 {
				sum[id] = start.float(r)
			}
		}
		v := make([]float64, f.Rows)
		for i, id := range g.IDs {
			x := x.float(i)
			if id < 0 || x != x {
				v[i] = math.NaN()
				continue
			}
			sum[id] += x
			v[i] = sum[id]
		}
		out.Columns = append(out.Columns, Column{name, Float64s(v)})
	}
	return out, nil
}

// GroupCumTotals returns one partition's totals per group for how: the
// sums of cols (missing values left out), or the row counts for cumcount;
// a frame indexed by the keys, added to the carry of later partitions.
func GroupCumTotals(f *Frame, by, cols []string, how string) (*Frame, error) {
	var aggs []Agg
	if how == "cumcount" {
		aggs = []Agg{{Column: by[0], How: "size", Name: "n"}}
	} else {
		for _, c := range cols {
			aggs = append(aggs, Agg{Column: c, How: "sum", Name: c})
		}
	}
	p, err := GroupChunk(f, by, aggs)
	if err != nil {
		return nil, err
	}
	for i := range p.Columns {
		p.Columns[i].Name = aggs[i].Name
	}
	return p, nil
}

// SumByKeys adds up frames indexed by keys: the carry of a cumulative
// group-by.
func SumByKeys(parts []*Frame) (*Frame, error) {
	all, err := Concat(parts)
	if err != nil {
		return nil, err
	}
	levels := columnData(all.Index)
	g, err := GroupKeys(levels)
	if err != nil {
		return nil, err
	}
	out := &Frame{Rows: g.N()}
	for i, c := range all.Index {
		out.Index = append(out.Index, Column{c.Name, g.Levels[i]})
	}
	for _, c := range all.Columns {
		v, err := groupStat("sum", g, c.Data)
		if err != nil {
			return nil, err
		}
		out.Columns = append(out.Columns, Column{c.Name, v})
	}
	return out, nil
}
