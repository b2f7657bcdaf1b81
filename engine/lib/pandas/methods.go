package pandas

import (
	"fmt"
	"maps"
	"slices"

	"github.com/apache/arrow/go/v15/arrow"
	"go.starlark.net/starlark"

	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/lib/numpy"
	"burst/engine/session"
)

// The methods of DataFrame and Series, for pandas and Dask alike.

type frameMethod func(thread *starlark.Thread, d *DataFrame, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)
type seriesMethod func(thread *starlark.Thread, s *Series, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

type frameTable map[string]frameMethod
type seriesTable map[string]seriesMethod

func (t frameTable) names() []string  { return sortedNames(t) }
func (t seriesTable) names() []string { return sortedNames(t) }

func sortedNames[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// lazyOnly and eagerOnly are the methods only Dask or only pandas has.
var (
	lazyOnly  = map[string]bool{"compute": true, "persist": true, "visualize": true, "map_partitions": true}
	eagerOnly = map[string]bool{"to_dict": true, "tolist": true, "to_list": true, "pivot_table": true}
)

func available(name string, lazy bool) bool {
	if lazy {
		return !eagerOnly[name]
	}
	return !lazyOnly[name]
}

var (
	frameMethods  frameTable
	seriesMethods seriesTable
)

func init() {
	frameMethods = frameTable{
		"head":    frameHead,
		"tail":    frameTail,
		"groupby": frameGroupBy,
		"describe": func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs("describe", a, kw); err != nil {
				return nil, err
			}
			return reduce("describe", graph.NewStage("concat", nil), graph.NewStage("describe", nil), d.value())
		},
		"sort_values": frameSortValues,
		"nlargest": func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return frameNLargest(d, a, kw, true)
		},
		"nsmallest": func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return frameNLargest(d, a, kw, false)
		},
		"drop_duplicates": frameDropDuplicates,
		"merge":           frameMergeFull,
		"set_index":       frameSetIndex,
		"reset_index": func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			drop := false
			if err := starlark.UnpackArgs("reset_index", a, kw, "drop?", &drop); err != nil {
				return nil, err
			}
			return apply("reset-index", "reset-index", map[string]any{"drop": drop}, d.value())
		},
		"assign": func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if len(a) > 0 {
				return nil, fmt.Errorf("TypeError: assign() takes only keyword arguments")
			}
			names := make([]string, len(kw))
			vals := make([]starlark.Value, len(kw))
			for i, x := range kw {
				names[i], vals[i] = string(x[0].(starlark.String)), x[1]
			}
			return d.Assign(names, vals)
		},
		"map_partitions": func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return mapPartitions(th, d.value(), a, kw)
		},
		"to_dict": frameToDict,
		"astype": func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return astype(d.value(), a, kw)
		},
		"rename":      frameRename,
		"pivot_table": framePivotTable,
	}
	for _, how := range []string{"sum", "mean", "std", "var", "min", "max", "count", "prod", "nunique", "any", "all"} {
		how := how
		frameMethods[how] = func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			p, err := reduceArgs(how, a, kw)
			if err != nil {
				return nil, err
			}
			return reduce(reducePrefix("dataframe", how), graph.NewStage("reduce-chunk", p), graph.NewStage("reduce-agg", p), d.value())
		}
	}
	for _, fn := range []string{"abs", "isna", "notna", "isnull", "notnull"} {
		fn := fn
		frameMethods[fn] = func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(fn, a, kw); err != nil {
				return nil, err
			}
			return apply(fn, "unary", map[string]any{"fn": unaryName(fn)}, d.value())
		}
	}
	frameMethods["fillna"] = func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		return fillna(d.value(), a, kw)
	}
	frameMethods["round"] = func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		return round(d.value(), a, kw)
	}

	seriesMethods = seriesTable{
		"head": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return headTail(th, "head", s.value(), a, kw)
		},
		"tail": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return headTail(th, "tail", s.value(), a, kw)
		},
		"value_counts": seriesValueCounts,
		"quantile": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			q := 0.5
			if err := starlark.UnpackArgs("quantile", a, kw, "q?", &q); err != nil {
				return nil, err
			}
			p := map[string]any{"how": "quantile", "q": q, "series": true}
			return reduce("series-quantile", graph.NewStage("reduce-chunk", p), graph.NewStage("reduce-agg", p), s.value())
		},
		"isin": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var vals starlark.Value
			if err := starlark.UnpackArgs("isin", a, kw, "values", &vals); err != nil {
				return nil, err
			}
			it := starlark.Iterate(vals)
			if it == nil {
				return nil, fmt.Errorf("TypeError: only list-like objects are allowed to be passed to isin(), you passed a [%s]", session.TypeName(vals))
			}
			defer it.Done()
			var set []any
			var x starlark.Value
			for it.Next(&x) {
				g, ok := GoScalar(x)
				if !ok {
					return nil, fmt.Errorf("TypeError: isin() values must be numbers or strings")
				}
				set = append(set, g)
			}
			return apply("isin", "unary", map[string]any{"fn": "isin", "args": dataframe.Scalars(set)}, s.value())
		},
		"between": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var lo, hi starlark.Value
			inclusive := "both"
			if err := starlark.UnpackArgs("between", a, kw, "left", &lo, "right", &hi, "inclusive?", &inclusive); err != nil {
				return nil, err
			}
			l, _ := GoScalar(lo)
			h, _ := GoScalar(hi)
			return apply("between", "unary", map[string]any{"fn": "between", "args": dataframe.Scalars([]any{l, h, inclusive})}, s.value())
		},
		"astype": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return astype(s.value(), a, kw)
		},
		"fillna": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return fillna(s.value(), a, kw)
		},
		"round": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return round(s.value(), a, kw)
		},
		"apply": seriesApply,
		"map":   seriesApply,
		"map_partitions": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return mapPartitions(th, s.value(), a, kw)
		},
		"sort_values": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			asc := true
			if err := starlark.UnpackArgs("sort_values", a, kw, "ascending?", &asc); err != nil {
				return nil, err
			}
			p := map[string]any{"ascending": []bool{asc}}
			return reduce("sort-values", graph.NewStage("concat", nil), graph.NewStage("sort-values", p), s.value())
		},
		"nlargest": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return seriesNLargest(s, a, kw, true)
		},
		"nsmallest": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return seriesNLargest(s, a, kw, false)
		},
		"drop_duplicates": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs("drop_duplicates", a, kw); err != nil {
				return nil, err
			}
			return reduce("drop-duplicates", graph.NewStage("drop-duplicates", nil), graph.NewStage("drop-duplicates", nil), s.value())
		},
		"describe": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return reduce("describe", graph.NewStage("concat", nil), graph.NewStage("describe", nil), s.value())
		},
		"tolist":  seriesToList,
		"to_list": seriesToList,
		"unique": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if s.lazy != nil {
				return lazyUnique(s, a, kw)
			}
			r, err := reduce("unique", graph.NewStage("drop-duplicates", nil), graph.NewStage("drop-duplicates", nil), s.value())
			if err != nil {
				return nil, err
			}
			// pandas gives a numpy array: numbers and bools as one,
			// anything else as an array of objects.
			data := r.(*Series).eager.Data
			vals := ToValues(data)
			if a, err := numpy.ArrayOf(starlark.NewList(vals)); err == nil && data.DataType().ID() != arrow.STRING && data.DataType().ID() != arrow.TIMESTAMP {
				return numpy.NewArray(a), nil
			}
			return numpy.NewObjectArray(vals), nil
		},
		"to_dict": seriesToDict,
		"reset_index": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			drop := false
			if err := starlark.UnpackArgs("reset_index", a, kw, "drop?", &drop); err != nil {
				return nil, err
			}
			return apply("reset-index", "reset-index", map[string]any{"drop": drop}, s.value())
		},
		"to_frame": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return apply("to-frame", "reset-index", map[string]any{"drop": true, "frame": true}, s.value())
		},
		"rename": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var name string
			if err := starlark.UnpackArgs("rename", a, kw, "index", &name); err != nil {
				return nil, err
			}
			return apply("rename", "rename", map[string]any{"name": name}, s.value())
		},
	}
	// compute, persist and visualize, which every lazy collection has.
	for _, name := range []string{"compute", "persist", "visualize"} {
		frameMethods[name] = func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return collectionMethod(th, name, d.lazy, a, kw)
		}
		seriesMethods[name] = func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return collectionMethod(th, name, s.lazy, a, kw)
		}
	}
	for _, how := range []string{"sum", "mean", "std", "var", "min", "max", "count", "prod", "nunique", "idxmax", "idxmin", "any", "all"} {
		how := how
		seriesMethods[how] = func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			p, err := reduceArgs(how, a, kw)
			if err != nil {
				return nil, err
			}
			p["series"] = true
			return reduce(reducePrefix("series", how), graph.NewStage("reduce-chunk", p), graph.NewStage("reduce-agg", p), s.value())
		}
	}
	addStructure()
	seriesMethods["size"] = nil // a property, handled below
	delete(seriesMethods, "size")
	for _, fn := range []string{"abs", "isna", "notna", "isnull", "notnull"} {
		fn := fn
		seriesMethods[fn] = func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(fn, a, kw); err != nil {
				return nil, err
			}
			return apply(fn, "unary", map[string]any{"fn": unaryName(fn)}, s.value())
		}
	}
	addElemMethods()
}

func unaryName(fn string) string {
	switch fn {
	case "isnull":
		return "isna"
	case "notnull":
		return "notna"
	}
	return fn
}

func reducePrefix(kind, how string) string {
	return kind + "-" + how
}

// reduceArgs accepts the keyword arguments reductions take (ddof,
// skipna, numeric_only, split_every).
func reduceArgs(how string, a starlark.Tuple, kw []starlark.Tuple) (map[string]any, error) {
	ddof := 1
	var skipna, numericOnly, splitEvery starlark.Value
	if err := starlark.UnpackArgs(how, a, kw, "ddof?", &ddof, "skipna?", &skipna, "numeric_only?", &numericOnly, "split_every?", &splitEvery); err != nil {
		return nil, err
	}
	if b, ok := skipna.(starlark.Bool); ok && !bool(b) {
		return nil, fmt.Errorf("NotImplementedError: %s(skipna=False)", how)
	}
	return map[string]any{"how": how, "ddof": ddof}, nil
}

func headTail(th *starlark.Thread, which string, v any, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	n := 5
	var npartitions, compute starlark.Value
	if err := starlark.UnpackArgs(which, a, kw, "n?", &n, "npartitions?", &npartitions, "compute?", &compute); err != nil {
		return nil, err
	}
	c, ok := v.(*dataframe.Collection)
	if !ok {
		return apply(which, which, map[string]any{"n": n}, v)
	}
	// head reads only the first partition, tail only the last, as Dask.
	part := 0
	if which == "tail" {
		part = c.NParts - 1
	}
	one := &dataframe.Collection{Graph: c.Graph, Name: c.Name, NParts: 1, Meta: c.Meta}
	if part != 0 {
		k := graph.PartKey(c.Name+"-last", 0)
		g := graph.Merge(c.Graph)
		g[k] = &graph.Task{Key: k, Deps: []graph.Key{graph.PartKey(c.Name, part)}, Stages: []graph.Stage{graph.NewStage("concat", nil)}}
		one = &dataframe.Collection{Graph: g, Name: c.Name + "-last", NParts: 1, Meta: c.Meta}
	}
	r, err := dataframe.Map(which, graph.NewStage(which, map[string]any{"n": n}), nil, one)
	if err != nil {
		return nil, err
	}
	s := session.Of(th)
	res, err := r.Compute(s.Context(), s.Computer())
	if err != nil {
		return nil, err
	}
	return FromEngine(res), nil
}

func frameHead(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	return headTail(th, "head", d.value(), a, kw)
}

func frameTail(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	return headTail(th, "tail", d.value(), a, kw)
}

func frameSortValues(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var by, ascending starlark.Value = nil, starlark.True
	if err := starlark.UnpackArgs("sort_values", a, kw, "by", &by, "ascending?", &ascending); err != nil {
		return nil, err
	}
	names, err := StringsArg("by", by)
	if err != nil {
		return nil, err
	}
	asc, err := boolsArg(ascending, len(names))
	if err != nil {
		return nil, err
	}
	p := map[string]any{"by": names, "ascending": asc}
	return reduce("sort-values", graph.NewStage("concat", nil), graph.NewStage("sort-values", p), d.value())
}

func boolsArg(v starlark.Value, n int) ([]bool, error) {
	if b, ok := v.(starlark.Bool); ok {
		out := make([]bool, n)
		for i := range out {
			out[i] = bool(b)
		}
		return out, nil
	}
	it := starlark.Iterate(v)
	if it == nil {
		return nil, fmt.Errorf("TypeError: ascending must be a bool or a list of bools")
	}
	defer it.Done()
	var out []bool
	var x starlark.Value
	for it.Next(&x) {
		out = append(out, bool(x.Truth()))
	}
	if len(out) != n {
		return nil, fmt.Errorf("ValueError: Length of ascending (%d) != length of by (%d)", len(out), n)
	}
	return out, nil
}

func frameNLargest(d *DataFrame, a starlark.Tuple, kw []starlark.Tuple, largest bool) (starlark.Value, error) {
	n := 5
	var columns starlark.Value
	if err := starlark.UnpackArgs("nlargest", a, kw, "n?", &n, "columns", &columns); err != nil {
		return nil, err
	}
	names, err := StringsArg("columns", columns)
	if err != nil {
		return nil, err
	}
	p := map[string]any{"by": names, "n": n, "largest": largest}
	return reduce("nlargest", graph.NewStage("nlargest", p), graph.NewStage("nlargest", p), d.value())
}

func seriesNLargest(s *Series, a starlark.Tuple, kw []starlark.Tuple, largest bool) (starlark.Value, error) {
	n := 5
	if err := starlark.UnpackArgs("nlargest", a, kw, "n?", &n); err != nil {
		return nil, err
	}
	p := map[string]any{"n": n, "largest": largest}
	return reduce("nlargest", graph.NewStage("nlargest", p), graph.NewStage("nlargest", p), s.value())
}

func frameDropDuplicates(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var subset starlark.Value = starlark.None
	var keep starlark.Value = starlark.String("first")
	var splitOut starlark.Value
	if err := starlark.UnpackArgs("drop_duplicates", a, kw, "subset?", &subset, "keep?", &keep, "split_out?", &splitOut); err != nil {
		return nil, err
	}
	if k := keepArg(keep); k != "first" {
		if d.eager == nil {
			return nil, fmt.Errorf("NotImplementedError: drop_duplicates(keep=%s) of a Dask DataFrame: Burst keeps the first", session.Repr(keep))
		}
		names, err := StringsArg("subset", subset)
		if subset == starlark.None {
			names, err = nil, nil
		}
		if err != nil {
			return nil, err
		}
		f, err := d.eager.DropDuplicatesKeep(names, k)
		if err != nil {
			return nil, err
		}
		return &DataFrame{eager: f}, nil
	}
	var names []string
	if subset != starlark.None {
		var err error
		if names, err = StringsArg("subset", subset); err != nil {
			return nil, err
		}
	}
	p := map[string]any{"subset": names}
	return reduce("drop-duplicates", graph.NewStage("drop-duplicates", p), graph.NewStage("drop-duplicates", p), d.value())
}

func frameMerge(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var right, on starlark.Value = nil, starlark.None
	how := "inner"
	var suffixes starlark.Value = starlark.Tuple{starlark.String("_x"), starlark.String("_y")}
	if err := starlark.UnpackArgs("merge", a, kw, "right", &right, "how?", &how, "on?", &on, "suffixes?", &suffixes); err != nil {
		return nil, err
	}
	return merge(d, right, how, on, suffixes)
}

func merge(d *DataFrame, right starlark.Value, how string, on, suffixes starlark.Value) (starlark.Value, error) {
	r, ok := right.(*DataFrame)
	if !ok {
		return nil, fmt.Errorf("TypeError: Can only merge Series or DataFrame objects, a %s was passed", session.TypeName(right))
	}
	var names []string
	if on == starlark.None {
		for _, c := range d.meta().Columns {
			if _, ok := r.meta().Col(c.Name); ok {
				names = append(names, c.Name)
			}
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("MergeError: No common columns to perform merge on")
		}
	} else {
		var err error
		if names, err = StringsArg("on", on); err != nil {
			return nil, err
		}
	}
	sfx, err := StringsArg("suffixes", suffixes)
	if err != nil || len(sfx) != 2 {
		return nil, fmt.Errorf("TypeError: suffixes must be two strings")
	}
	p := map[string]any{"on": names, "how": how, "suffixes": [2]string{sfx[0], sfx[1]}}
	rv := r.value()
	// Two frames with several partitions each: a hash join.
	if lc, ok := d.value().(*dataframe.Collection); ok && lc.NParts > 1 {
		if rc, ok := rv.(*dataframe.Collection); ok && rc.NParts > 1 {
			if how != "inner" && how != "left" {
				return nil, fmt.Errorf("NotImplementedError: merge(how=%q) of two Dask DataFrames: Burst joins them inner or left", how)
			}
			c, err := dataframe.HashJoin(lc, rc, names, how, [2]string{sfx[0], sfx[1]})
			if err != nil {
				return nil, err
			}
			return FromEngine(c), nil
		}
	}
	// A lazy right side with several partitions is gathered into one and
	// given whole to every left partition (a broadcast join).
	if c, ok := rv.(*dataframe.Collection); ok && c.NParts > 1 {
		g, err := dataframe.Reduce("merge-gather", graph.NewStage("concat", nil), graph.NewStage("concat", nil), nil, c)
		if err != nil {
			return nil, err
		}
		rv = g
	}
	lv := d.value()
	if _, ok := lv.(*dataframe.Collection); !ok {
		if c, ok := rv.(*dataframe.Collection); ok {
			_ = c
			lv = lazyOf(lv)
		}
	}
	out, err := apply("merge", "merge", p, lv, rv)
	if err != nil {
		return nil, err
	}
	// pandas numbers the merged rows afresh.
	if o, ok := out.(*DataFrame); ok && o.eager != nil {
		o.eager.Index = nil
	}
	return out, nil
}

func frameSetIndex(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var col string
	var sorted, drop starlark.Value
	if err := starlark.UnpackArgs("set_index", a, kw, "keys", &col, "sorted?", &sorted, "drop?", &drop); err != nil {
		return nil, err
	}
	if d.lazy != nil && sorted != starlark.True {
		// Dask sorts the rows across partitions, a shuffle.
		c, err := dataframe.SetIndexSorted(d.lazy, col)
		if err != nil {
			return nil, err
		}
		return FromEngine(c), nil
	}
	return apply("set-index", "set-index", map[string]any{"column": col}, d.value())
}

func frameRename(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var mapper, index, columns, axis starlark.Value
	if err := starlark.UnpackArgs("rename", a, kw, "mapper?", &mapper, "index?", &index, "columns?", &columns, "axis?", &axis); err != nil {
		return nil, err
	}
	if mapper != nil && (axis == starlark.MakeInt(1) || axis == starlark.String("columns")) {
		columns, mapper = mapper, nil
	}
	if mapper != nil || index != nil {
		return nil, fmt.Errorf("NotImplementedError: Burst renames columns only: df.rename(columns={\"old\": \"new\"})")
	}
	if fn, ok := columns.(starlark.Callable); ok {
		// A function of the old name, as df.rename(columns=str.lower).
		m := map[string]string{}
		for _, old := range d.meta().Names() {
			v, err := starlark.Call(th, fn, starlark.Tuple{starlark.String(old)}, nil)
			if err != nil {
				return nil, err
			}
			to, ok := starlark.AsString(v)
			if !ok {
				return nil, fmt.Errorf("TypeError: rename(columns=%s) must give strings, not %s", fn.Name(), v.Type())
			}
			m[old] = to
		}
		return apply("rename", "rename", map[string]any{"columns": m}, d.value())
	}
	cols, ok := columns.(*starlark.Dict)
	if !ok {
		what := "nothing"
		if columns != nil {
			what = columns.Type()
		}
		return nil, fmt.Errorf("TypeError: rename(columns=…) wants a dict of old to new names, not %s", what)
	}
	m := map[string]string{}
	for _, it := range cols.Items() {
		from, ok1 := starlark.AsString(it[0])
		to, ok2 := starlark.AsString(it[1])
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("TypeError: rename(columns=…) maps column names to new names (strings), not %s to %s", it[0].Type(), it[1].Type())
		}
		m[from] = to
	}
	return apply("rename", "rename", map[string]any{"columns": m}, d.value())
}

func astype(v any, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var t, copyArg starlark.Value
	if err := starlark.UnpackArgs("astype", a, kw, "dtype", &t, "copy?", &copyArg); err != nil {
		return nil, err
	}
	if m, ok := t.(*starlark.Dict); ok {
		if d, ok := FromEngine(v).(*DataFrame); ok {
			return astypeDict(d, m)
		}
	}
	name, err := dtypeName(t)
	if err != nil {
		return nil, err
	}
	if _, err := frame.ParseDType(name); err != nil {
		return nil, fmt.Errorf("TypeError: %v", err)
	}
	return apply("astype", "unary", map[string]any{"fn": "astype", "args": dataframe.Scalars([]any{name})}, v)
}

func fillna(v any, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackArgs("fillna", a, kw, "value", &x); err != nil {
		return nil, err
	}
	g, ok := GoScalar(x)
	if !ok {
		return nil, fmt.Errorf("TypeError: fillna() takes a scalar value, not %s", session.TypeName(x))
	}
	return apply("fillna", "unary", map[string]any{"fn": "fillna", "args": dataframe.Scalars([]any{g})}, v)
}

func round(v any, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	decimals := 0
	if err := starlark.UnpackArgs("round", a, kw, "decimals?", &decimals); err != nil {
		return nil, err
	}
	return apply("round", "unary", map[string]any{"fn": "round", "args": dataframe.Scalars([]any{int64(decimals)})}, v)
}

func seriesToList(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("tolist", a, kw); err != nil {
		return nil, err
	}
	return starlark.NewList(ToValues(s.eager.Data)), nil
}

func seriesToDict(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("to_dict", a, kw); err != nil {
		return nil, err
	}
	return dictOf(s.eager.Index, s.eager.Data)
}

func dictOf(index []frame.Column, data frameArray) (*starlark.Dict, error) {
	keys := indexOf(index, data.Len()).values
	d := starlark.NewDict(data.Len())
	for i, v := range ToValues(data) {
		if err := d.SetKey(keys[i], v); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func frameToDict(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	orient := "dict"
	var into starlark.Value
	if err := starlark.UnpackArgs("to_dict", a, kw, "orient?", &orient, "into?", &into); err != nil {
		return nil, err
	}
	if orient != "dict" {
		return toDictOrient(d.eager, orient)
	}
	out := starlark.NewDict(len(d.eager.Columns))
	for _, c := range d.eager.Columns {
		inner, err := dictOf(d.eager.Index, c.Data)
		if err != nil {
			return nil, err
		}
		if err := out.SetKey(starlark.String(c.Name), inner); err != nil {
			return nil, err
		}
	}
	return out, nil
}
