package pandas

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/session"
)

// GroupBy is df.groupby(by), optionally with columns selected:
// df.groupby(by).col (a SeriesGroupBy) or df.groupby(by)[["a", "b"]].
type GroupBy struct {
	session.Unhashable
	d      *DataFrame
	by     []string
	cols   []string       // selected columns; nil: all but the keys
	series bool           // one column selected as a SeriesGroupBy
	sort   starlark.Value // groupby(sort=…): nil when not given
	viaAgg bool           // reached through agg(), which Dask orders its own way
	flat   bool           // as_index=False: the keys come back as columns
	keepNA bool           // dropna=False: rows with a missing key form a group
}

var (
	_ starlark.HasAttrs = (*GroupBy)(nil)
	_ starlark.Mapping  = (*GroupBy)(nil)
)

func frameGroupBy(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var by starlark.Value
	var sort, dropna starlark.Value
	asIndex := true
	args := []any{"by", &by, "sort?", &sort, "dropna?", &dropna}
	if d.lazy == nil { // Dask's groupby has no as_index
		args = append(args, "as_index?", &asIndex)
	}
	if err := starlark.UnpackArgs("groupby", a, kw, args...); err != nil {
		return nil, err
	}
	keys, err := StringsArg("by", by)
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		if _, ok := d.meta().Col(k); !ok {
			return nil, fmt.Errorf("KeyError: '%s'", k)
		}
	}
	if sort != nil && sort != starlark.None {
		if _, ok := sort.(starlark.Bool); !ok {
			return nil, fmt.Errorf("TypeError: groupby(sort=) must be True or False, not %s", sort.Type())
		}
	}
	return &GroupBy{d: d, by: keys, sort: sort, flat: !asIndex, keepNA: dropna == starlark.False}, nil
}

func (g *GroupBy) String() string {
	if g.series {
		return "<dask.dataframe.groupby.SeriesGroupBy>"
	}
	return "<dask.dataframe.groupby.DataFrameGroupBy>"
}
func (g *GroupBy) Type() string {
	if g.series {
		return "SeriesGroupBy"
	}
	return "DataFrameGroupBy"
}

// columns returns the aggregated columns.
func (g *GroupBy) columns() []string {
	if g.cols != nil {
		return g.cols
	}
	var out []string
	isKey := map[string]bool{}
	for _, b := range g.by {
		isKey[b] = true
	}
	for _, n := range g.d.meta().Names() {
		if !isKey[n] {
			out = append(out, n)
		}
	}
	return out
}

func (g *GroupBy) selectCols(names []string, series bool) (*GroupBy, error) {
	for _, n := range names {
		if _, ok := g.d.meta().Col(n); !ok {
			return nil, fmt.Errorf("KeyError: 'Column not found: %s'", n)
		}
	}
	return &GroupBy{d: g.d, by: g.by, cols: names, series: series, sort: g.sort, flat: g.flat, keepNA: g.keepNA}, nil
}

// Get implements groupby["col"] and groupby[["a", "b"]].
func (g *GroupBy) Get(key starlark.Value) (starlark.Value, bool, error) {
	if s, ok := starlark.AsString(key); ok {
		v, err := g.selectCols([]string{s}, true)
		return v, err == nil, err
	}
	names, err := StringsArg("columns", key)
	if err != nil {
		return nil, false, err
	}
	v, err := g.selectCols(names, false)
	return v, err == nil, err
}

var groupMethods = []string{"agg", "aggregate", "count", "first", "last", "max", "mean", "min", "size", "std", "sum", "var", "prod"}

func (g *GroupBy) AttrNames() []string { return append(sortedNames(groupMore), groupMethods...) }

// Attr implements aggregation methods and columns as attributes.
func (g *GroupBy) Attr(name string) (starlark.Value, error) {
	switch name {
	case "agg", "aggregate":
		return starlark.NewBuiltin("GroupBy.agg", func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) == 0 {
				return g.namedAgg(kwargs)
			}
			var spec starlark.Value
			if err := starlark.UnpackPositionalArgs("agg", args, nil, 1, &spec); err != nil {
				return nil, err
			}
			return g.agg(th, spec, dropSplitArgs(kwargs))
		}), nil
	}
	if f, ok := groupMore[name]; ok {
		if g.keepNA {
			return nil, fmt.Errorf("NotImplementedError: GroupBy.%s with groupby(dropna=False) is not supported", name)
		}
		return starlark.NewBuiltin("GroupBy."+name, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(th, g, args, kwargs)
		}), nil
	}
	if frame.GroupAggs[name] {
		return starlark.NewBuiltin("GroupBy."+name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			ddof := 1
			var numericOnly, splitEvery, splitOut starlark.Value
			if err := starlark.UnpackArgs(name, args, kwargs, "ddof?", &ddof, "numeric_only?", &numericOnly,
				"split_every?", &splitEvery, "split_out?", &splitOut); err != nil {
				return nil, err
			}
			return g.run(name, ddof)
		}), nil
	}
	if !g.series && g.cols == nil {
		if _, ok := g.d.meta().Col(name); ok {
			return g.selectCols([]string{name}, true)
		}
	}
	return nil, fmt.Errorf("AttributeError: '%s' object has no attribute '%s'", g.Type(), name)
}

// run applies one aggregation to every selected column.
func (g *GroupBy) run(how string, ddof int) (starlark.Value, error) {
	cols := g.columns()
	if how == "size" {
		p := groupParams(g.by, []frame.Agg{{Column: g.by[0], How: "size", Name: "size"}}, ddof)
		p["series"], p["name"] = true, ""
		if g.series {
			p["name"] = cols[0] // SeriesGroupBy.size keeps the column's name
		}
		return g.apply(p)
	}
	var aggs []frame.Agg
	m := g.d.meta()
	for _, c := range cols {
		col, _ := m.Col(c)
		if !aggregable(how, col) {
			if g.series {
				return nil, fmt.Errorf("TypeError: cannot compute %s of %s column %q", how, col.DType(), c)
			}
			continue // pandas drops nuisance columns
		}
		aggs = append(aggs, frame.Agg{Column: c, How: how, Name: c})
	}
	p := groupParams(g.by, aggs, ddof)
	if g.series {
		p["series"], p["name"] = true, cols[0]
	}
	return g.apply(p)
}

// aggregable reports whether how applies to a column.
func aggregable(how string, c frame.Column) bool {
	switch how {
	case "count", "size", "first", "last", "min", "max":
		return true
	}
	switch c.DType() {
	case frame.Int64, frame.Float64, frame.Bool:
		return true
	}
	return false
}

func groupParams(by []string, aggs []frame.Agg, ddof int) map[string]any {
	return map[string]any{"by": by, "aggs": aggs, "ddof": ddof}
}

// apply adds the chunk and aggregate steps, Dask's groupby-chunk and
// groupby-agg.
func (g *GroupBy) apply(p map[string]any) (starlark.Value, error) {
	p["order"] = g.keyOrder()
	if g.keepNA {
		p["keep_na"] = true
	}
	prefix := "dataframe-groupby"
	if g.series {
		prefix = "series-groupby"
	}
	r, err := reduce(prefix, graph.NewStage("group-chunk", p), graph.NewStage("group-agg", p), g.d.value())
	if err != nil || !g.flat {
		return r, err
	}
	return g.flatten(r)
}

// agg implements .agg("sum"), .agg(["sum", "mean"]) and
// .agg({"a": "sum", "b": ["min", "max"]}).
func (g *GroupBy) agg(th *starlark.Thread, spec starlark.Value, kwargs []starlark.Tuple) (starlark.Value, error) {
	h := *g
	h.viaAgg = true
	g = &h
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: agg() got an unexpected keyword argument '%s'", kwargs[0][0].(starlark.String).GoString())
	}
	check := func(how string) error {
		if how == "median" {
			return fmt.Errorf("NotImplementedError: GroupBy.agg('median'): call .median() on the group-by")
		}
		if !frame.GroupAggs[how] {
			return fmt.Errorf("AttributeError: 'SeriesGroupBy' object has no attribute '%s'", how)
		}
		return nil
	}
	switch s := spec.(type) {
	case starlark.String:
		if err := check(string(s)); err != nil {
			return nil, err
		}
		return g.run(string(s), 1)
	case *starlark.List, starlark.Tuple:
		hows, err := StringsArg("agg", s)
		if err != nil {
			return nil, err
		}
		var aggs []frame.Agg
		for _, h := range hows {
			if err := check(h); err != nil {
				return nil, err
			}
		}
		if g.series {
			for _, h := range hows {
				aggs = append(aggs, frame.Agg{Column: g.cols[0], How: h, Name: h})
			}
			return g.apply(groupParams(g.by, aggs, 1))
		}
		// A frame's columns times the aggregations: MultiIndex columns.
		// As pandas 1.5, text columns are left out when an aggregation
		// needs numbers.
		numeric := false
		for _, h := range hows {
			numeric = numeric || numericAgg[h]
		}
		for _, col := range g.columns() {
			c, _ := g.d.meta().Col(col)
			if numeric && c.DType() == frame.Object {
				continue
			}
			for _, h := range hows {
				aggs = append(aggs, frame.Agg{Column: col, How: h, Name: frame.TupleName(col, h)})
			}
		}
		return g.apply(groupParams(g.by, aggs, 1))
	case *starlark.Dict:
		// With a list for any column, every column gets a level per
		// aggregation: MultiIndex columns.
		levels := false
		for _, kv := range s.Items() {
			if _, ok := starlark.AsString(kv[1]); !ok {
				levels = true
			}
		}
		var aggs []frame.Agg
		for _, kv := range s.Items() {
			col, ok := starlark.AsString(kv[0])
			if !ok {
				return nil, fmt.Errorf("TypeError: agg dict keys must be column names")
			}
			if _, ok := g.d.meta().Col(col); !ok {
				return nil, fmt.Errorf("KeyError: \"Column(s) ['%s'] do not exist\"", col)
			}
			hows, err := StringsArg("agg", kv[1])
			if err != nil {
				return nil, fmt.Errorf("TypeError: agg({%q: …}) takes a function name or a list of them", col)
			}
			for _, how := range hows {
				if err := check(how); err != nil {
					return nil, err
				}
				name := col
				if levels {
					name = frame.TupleName(col, how)
				}
				aggs = append(aggs, frame.Agg{Column: col, How: how, Name: name})
			}
		}
		return g.apply(groupParams(g.by, aggs, 1))
	}
	if fn, ok := spec.(starlark.Callable); ok {
		if g.d.lazy == nil && g.series {
			return g.callPerGroup(th, "agg", spec, nil, nil, g.cols[0])
		}
		if g.d.lazy != nil {
			// Dask's agg takes names only, and says so by the function's.
			return nil, fmt.Errorf("ValueError: unknown aggregate %s", fn.Name())
		}
		return nil, fmt.Errorf("NotImplementedError: GroupBy.agg with a function: Burst aggregates by name ('sum', 'mean', 'max', …)")
	}
	return nil, fmt.Errorf("TypeError: agg() takes a function name, a list or a dict, not %s", session.TypeName(spec))
}

var _ = strings.Join

// numericAgg lists the aggregations that need numbers.
var numericAgg = map[string]bool{"mean": true, "var": true, "std": true, "prod": true}
