package dataframe

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"burst/engine/graph"
)

// Optimized returns a Computer that narrows every graph with Project
// before c runs it; held (nil: none) reports the keys c holds already.
func Optimized(c Computer, held func(graph.Key) bool) Computer { return optimized{c, held} }

type optimized struct {
	c    Computer
	held func(graph.Key) bool
}

func (o optimized) Compute(ctx context.Context, g graph.Graph, keys []graph.Key) ([]graph.Value, error) {
	return o.c.Compute(ctx, Project(g, keys, o.held), keys)
}

// Project returns g with each CSV read narrowed to the columns that its
// consumers use, as Dask's optimize_dataframe_getitem does: only those
// columns are converted, and only they are checked against the sample's
// dtypes (so, as in Dask, a mismatch in a column nobody uses is no error).
//
// A read is narrowed when every consumer is an operation whose columns are
// known — a column selection, a group-by's chunk — or a row filter whose
// own consumers are. Anything else (head, assign, a cell function) sees
// the whole frame. Narrowed reads get new keys; g itself is not changed.
//
// A read whose key held reports (nil: none) is in memory already, every
// column of it (a persisted frame): its consumers use it as it is, since
// reading again, even one column, costs more than using it where it is.
func Project(g graph.Graph, keys []graph.Key, held func(graph.Key) bool) graph.Graph {
	var reads []*graph.Task
	for _, t := range g {
		if len(t.Stages) == 1 && t.Stages[0].Op == "read-csv" && len(t.Deps) == 0 && (held == nil || !held(t.Key)) {
			reads = append(reads, t)
		}
	}
	if len(reads) == 0 {
		return g
	}
	wanted := map[graph.Key]bool{}
	for _, k := range keys {
		wanted[k] = true
	}
	dependents := map[graph.Key][]*graph.Task{}
	for _, t := range g {
		for _, d := range t.Deps {
			dependents[d] = append(dependents[d], t)
		}
	}
	var out graph.Graph
	for _, r := range reads {
		cols, ok := usedColumns(r.Key, wanted, dependents)
		if !ok {
			continue
		}
		var p readParams
		if json.Unmarshal(r.Stages[0].Params, &p) != nil || len(p.Columns) == 0 {
			continue
		}
		var names []string
		var dtypes = p.DTypes[:0:0]
		for i, c := range p.Columns {
			if cols[c] {
				names = append(names, c)
				dtypes = append(dtypes, p.DTypes[i])
			}
		}
		if len(names) == 0 || len(names) == len(p.Columns) {
			continue
		}
		p.Columns, p.DTypes, p.Options.Project = names, dtypes, names
		if out == nil {
			out = make(graph.Graph, len(g))
			for k, t := range g {
				out[k] = t
			}
		}
		i, _ := r.Key.Index()
		name, _, _ := strings.Cut(strings.TrimPrefix(string(r.Key), "('"), "'")
		nk := graph.PartKey("read-csv-"+graph.Tokenize(name, names), i)
		delete(out, r.Key)
		out[nk] = &graph.Task{Key: nk, Stages: []graph.Stage{graph.NewStage("read-csv", p)}}
		for _, d := range dependents[r.Key] {
			nd := *out[d.Key]
			nd.Deps = slices.Clone(nd.Deps)
			for j, k := range nd.Deps {
				if k == r.Key {
					nd.Deps[j] = nk
				}
			}
			out[d.Key] = &nd
		}
	}
	if out == nil {
		return g
	}
	return out
}

// usedColumns returns the columns that the consumers of the frame named k
// use, or false when some consumer may use any column.
func usedColumns(k graph.Key, wanted map[graph.Key]bool, dependents map[graph.Key][]*graph.Task) (map[string]bool, bool) {
	if wanted[k] || len(dependents[k]) == 0 {
		return nil, false
	}
	cols := map[string]bool{}
	for _, d := range dependents[k] {
		if len(d.Stages) != 1 || len(d.Stages[0].Args) > 0 || d.Stages[0].Fn != nil {
			return nil, false
		}
		st := d.Stages[0]
		switch st.Op {
		case "getitem":
			var p getitemParams
			if json.Unmarshal(st.Params, &p) != nil || len(d.Deps) != 1 {
				return nil, false
			}
			for _, c := range p.Columns {
				cols[c] = true
			}
		case "group-chunk":
			var p groupParams
			if json.Unmarshal(st.Params, &p) != nil || len(d.Deps) != 1 {
				return nil, false
			}
			for _, c := range p.By {
				cols[c] = true
			}
			for _, a := range p.Aggs {
				if a.Column != "" {
					cols[a.Column] = true
				}
			}
		case "filter":
			// frame[mask]: the rows change, not the columns; the filtered
			// frame's consumers decide. k as the mask is a whole-frame use.
			if len(d.Deps) != 2 || d.Deps[0] != k || d.Deps[1] == k {
				return nil, false
			}
			more, ok := usedColumns(d.Key, wanted, dependents)
			if !ok {
				return nil, false
			}
			for c := range more {
				cols[c] = true
			}
		default:
			return nil, false
		}
	}
	return cols, true
}
