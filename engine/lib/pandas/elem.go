package pandas

import (
	"fmt"
	"math"

	"go.starlark.net/starlark"

	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/session"
)

// Element-wise, missing-data, cumulative and window methods of Series and
// DataFrame (issue 22), for pandas and Dask alike: per partition on the
// workers, with the neighbours' edge rows or the earlier partitions'
// carry where the result depends on other rows, as Dask computes them.

// method is a method both Series and DataFrame have, over the engine
// value; lazy tells Dask's form.
type method func(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error)

func addElemMethods() {
	both := map[string]method{
		"fillna": elemFillNA, "ffill": elemFill, "bfill": elemFill, "pad": elemFill, "backfill": elemFill,
		"dropna": elemDropNA, "replace": elemReplace, "where": elemWhere, "mask": elemWhere,
		"clip": elemClip, "shift": elemShift, "diff": elemShift, "pct_change": elemShift,
		"cumsum": elemCum, "cumprod": elemCum, "cummax": elemCum, "cummin": elemCum,
		"rank": elemRank, "rolling": elemRolling, "expanding": elemExpanding, "ewm": elemEWM,
		"median": elemMedian, "median_approximate": elemMedian, "resample": elemResample,
	}
	for _, op := range []string{"add", "sub", "mul", "div", "truediv", "floordiv", "mod", "pow", "radd", "rsub", "rmul", "rdiv", "rtruediv", "rfloordiv", "rmod", "rpow", "eq", "ne", "lt", "le", "gt", "ge"} {
		both[op] = elemArith
	}
	for name, m := range both {
		name, m := name, m
		frameMethods[name] = func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return m(th, name, d.value(), d.lazy != nil, a, kw)
		}
		seriesMethods[name] = func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return m(th, name, s.value(), s.lazy != nil, a, kw)
		}
	}
	frameMethods["isin"] = frameIsIn
	frameMethods["apply"] = frameApply
	frameMethods["applymap"] = frameApplyMap
	frameMethods["astype"] = func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if len(a) == 1 {
			if dict, ok := a[0].(*starlark.Dict); ok {
				per, err := perColumn("astype", dict)
				if err != nil {
					return nil, err
				}
				for k, v := range per {
					if _, err := frame.ParseDType(fmt.Sprint(v.V)); err != nil {
						return nil, fmt.Errorf("TypeError: %v (column %q)", err, k)
					}
				}
				return apply("astype", "elem", dataframe.ElemParams{Fn: "astype-cols", PerCol: per}, d.value())
			}
		}
		return astype(d.value(), a, kw)
	}
	apply0 := seriesMethods["apply"]
	seriesMethods["map"] = func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if len(a) >= 1 {
			if dict, ok := a[0].(*starlark.Dict); ok {
				var keys, vals []any
				for _, kv := range dict.Items() {
					k, ok1 := GoScalar(kv[0])
					v, ok2 := GoScalar(kv[1])
					if !ok1 || !ok2 {
						return nil, fmt.Errorf("TypeError: map() takes a dict of numbers or strings")
					}
					keys, vals = append(keys, k), append(vals, v)
				}
				return apply("map", "elem", dataframe.ElemParams{Fn: "map", Keys: dataframe.Scalars(keys), Vals: dataframe.Scalars(vals)}, s.value())
			}
		}
		return apply0(th, s, a, kw)
	}
	seriesMethods["duplicated"] = elemDuplicated
	frameMethods["duplicated"] = func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var subset starlark.Value = starlark.None
		keep := "first"
		if err := starlark.UnpackArgs("duplicated", a, kw, "subset?", &subset, "keep?", &keep); err != nil {
			return nil, err
		}
		if d.lazy != nil {
			return nil, fmt.Errorf("AttributeError: 'DataFrame' object has no attribute 'duplicated'")
		}
		if keep != "first" {
			return nil, fmt.Errorf("NotImplementedError: duplicated(keep=%q): Burst keeps the first", keep)
		}
		var names []string
		if subset != starlark.None {
			var err error
			if names, err = StringsArg("subset", subset); err != nil {
				return nil, err
			}
		}
		return apply("duplicated", "duplicated", map[string]any{"subset": names}, d.value())
	}
	seriesMethods["mode"] = func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackArgs("mode", a, kw); err != nil {
			return nil, err
		}
		return reduce("mode", graph.NewStage("value-counts-chunk", nil), graph.NewStage("mode", nil), s.value())
	}
	seriesMethods["quantile"] = elemQuantile
	frameMethods["quantile"] = func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		return quantileOf(d.value(), d.lazy != nil, false, "", a, kw)
	}
	describe0 := seriesMethods["describe"]
	seriesMethods["describe"] = func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackArgs("describe", a, kw); err != nil {
			return nil, err
		}
		if s.eager != nil && frame.DTypeOf(s.eager.Data.DataType()) == frame.Object {
			return &Series{eager: frame.DescribeObject(s.eager)}, nil
		}
		if s.lazy != nil {
			p := map[string]any{"series": true, "name": s.meta().Name}
			return reduce("describe", graph.NewStage("dask-describe-chunk", p), graph.NewStage("dask-describe-agg", p), s.value())
		}
		return describe0(th, s, a, kw)
	}
	fdescribe0 := frameMethods["describe"]
	frameMethods["describe"] = func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackArgs("describe", a, kw); err != nil {
			return nil, err
		}
		if d.lazy != nil {
			return reduce("describe", graph.NewStage("dask-describe-chunk", nil), graph.NewStage("dask-describe-agg", nil), d.value())
		}
		return fdescribe0(th, d, a, kw)
	}
}

// lazyMissing is Dask's AttributeError for what only pandas has.
func lazyMissing(name string, v any) error {
	kind := "Series"
	if c, ok := v.(*dataframe.Collection); ok && c.IsFrame() {
		kind = "DataFrame"
	}
	return fmt.Errorf("AttributeError: '%s' object has no attribute '%s'", kind, name)
}

func frameIsIn(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var vals starlark.Value
	if err := starlark.UnpackArgs("isin", a, kw, "values", &vals); err != nil {
		return nil, err
	}
	set, err := scalarList("isin", vals)
	if err != nil {
		return nil, err
	}
	return apply("isin", "unary", map[string]any{"fn": "isin", "args": dataframe.Scalars(set)}, d.value())
}

func scalarList(what string, v starlark.Value) ([]any, error) {
	it := starlark.Iterate(v)
	if it == nil {
		return nil, fmt.Errorf("TypeError: %s() takes a list, not %s", what, session.TypeName(v))
	}
	defer it.Done()
	var out []any
	var x starlark.Value
	for it.Next(&x) {
		g, ok := GoScalar(x)
		if !ok {
			return nil, fmt.Errorf("TypeError: %s() values must be numbers or strings", what)
		}
		out = append(out, g)
	}
	return out, nil
}

func perColumn(what string, d *starlark.Dict) (map[string]dataframe.Scalar, error) {
	out := map[string]dataframe.Scalar{}
	for _, kv := range d.Items() {
		k, ok := starlark.AsString(kv[0])
		if !ok {
			return nil, fmt.Errorf("TypeError: %s() takes a dict of column names", what)
		}
		v := kv[1]
		if what == "astype" {
			name, err := dtypeName(v)
			if err != nil {
				return nil, err
			}
			v = starlark.String(name)
		}
		g, ok := GoScalar(v)
		if !ok {
			return nil, fmt.Errorf("TypeError: %s() takes scalars, not %s", what, session.TypeName(v))
		}
		out[k] = dataframe.Scalar{V: g}
	}
	return out, nil
}

func elemFillNA(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var value, method, axis, limit starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None
	if err := starlark.UnpackArgs("fillna", a, kw, "value?", &value, "method?", &method, "axis?", &axis, "limit?", &limit); err != nil {
		return nil, err
	}
	if limit != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: fillna(limit=...)")
	}
	if m, ok := method.(starlark.String); ok {
		switch m {
		case "ffill", "pad":
			return fillDirection(v, true)
		case "bfill", "backfill":
			return fillDirection(v, false)
		}
		return nil, fmt.Errorf("ValueError: Invalid fill method. Expecting pad (ffill) or backfill (bfill). Got %s", m)
	}
	if d, ok := value.(*starlark.Dict); ok {
		per, err := perColumn("fillna", d)
		if err != nil {
			return nil, err
		}
		return apply("fillna", "elem", dataframe.ElemParams{Fn: "fillna-cols", PerCol: per}, v)
	}
	if s, ok := value.(*Series); ok {
		// fillna with another Series: where missing, take its value.
		na, err := frameIsNA(v)
		if err != nil {
			return nil, err
		}
		return apply("fillna", "where", map[string]any{"mask": true}, v, na, s.value())
	}
	if value == starlark.None {
		return nil, fmt.Errorf("ValueError: Must specify a fill 'value' or 'method'.")
	}
	return fillna(v, starlark.Tuple{value}, nil)
}

// frameIsNA is the missing-value mask of v, as an engine value.
func frameIsNA(v any) (any, error) {
	r, err := apply("isna", "unary", map[string]any{"fn": "isna"}, v)
	if err != nil {
		return nil, err
	}
	x, _ := engineValue(r)
	return x, nil
}

func elemFill(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var axis, limit starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(name, a, kw, "axis?", &axis, "limit?", &limit); err != nil {
		return nil, err
	}
	if limit != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: %s(limit=...)", name)
	}
	return fillDirection(v, name == "ffill" || name == "pad")
}

// fillDirection fills forward or back: in each partition, then its edge
// from the neighbour's filled edge row, as Dask's fillna(method=) does.
func fillDirection(v any, forward bool) (starlark.Value, error) {
	fn := "bfill"
	if forward {
		fn = "ffill"
	}
	p := dataframe.ElemParams{Fn: fn}
	c, ok := v.(*dataframe.Collection)
	if !ok {
		return apply(fn, "elem", p, v)
	}
	filled, err := dataframe.Map(fn+"-chunk", graph.NewStage("elem", p), nil, c)
	if err != nil {
		return nil, err
	}
	before, after := 1, 0
	if !forward {
		before, after = 0, 1
	}
	r, err := dataframe.Overlap(fn, p, before, after, filled)
	if err != nil {
		return nil, err
	}
	return FromEngine(r), nil
}

func elemDropNA(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var subset, thresh, axis starlark.Value = starlark.None, starlark.None, starlark.None
	how := "any"
	if err := starlark.UnpackArgs("dropna", a, kw, "axis?", &axis, "how?", &how, "thresh?", &thresh, "subset?", &subset); err != nil {
		return nil, err
	}
	if axis != starlark.None && axis != starlark.MakeInt(0) && axis != starlark.String("index") {
		return nil, fmt.Errorf("NotImplementedError: dropna(axis=%s): Burst drops rows", axis)
	}
	p := map[string]any{"how": how}
	if subset != starlark.None {
		names, err := StringsArg("subset", subset)
		if err != nil {
			return nil, err
		}
		p["subset"] = names
	}
	if thresh != starlark.None {
		n, err := starlark.AsInt32(thresh)
		if err != nil {
			return nil, fmt.Errorf("TypeError: thresh must be an integer")
		}
		p["thresh"] = n
	}
	return apply("dropna", "dropna", p, v)
}

func elemReplace(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var from, to starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("replace", a, kw, "to_replace?", &from, "value?", &to); err != nil {
		return nil, err
	}
	var keys, vals []any
	if d, ok := from.(*starlark.Dict); ok {
		for _, kv := range d.Items() {
			k, ok1 := GoScalar(kv[0])
			x, ok2 := GoScalar(kv[1])
			if !ok1 || !ok2 {
				return nil, fmt.Errorf("NotImplementedError: replace() with a nested dict: Burst replaces values by a flat dict")
			}
			keys, vals = append(keys, k), append(vals, x)
		}
	} else {
		x, ok := GoScalar(to)
		if !ok {
			return nil, fmt.Errorf("TypeError: replace() value must be a scalar")
		}
		if l, ok := from.(*starlark.List); ok {
			ks, err := scalarList("replace", l)
			if err != nil {
				return nil, err
			}
			for _, k := range ks {
				keys, vals = append(keys, k), append(vals, x)
			}
		} else {
			k, ok := GoScalar(from)
			if !ok {
				return nil, fmt.Errorf("TypeError: replace() takes a scalar, a list or a dict")
			}
			keys, vals = []any{k}, []any{x}
		}
	}
	return apply("replace", "elem", dataframe.ElemParams{Fn: "replace", Keys: dataframe.Scalars(keys), Vals: dataframe.Scalars(vals)}, v)
}

func elemWhere(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var cond, other starlark.Value = nil, starlark.None
	var axis starlark.Value
	if err := starlark.UnpackArgs(name, a, kw, "cond", &cond, "other?", &other, "axis?", &axis); err != nil {
		return nil, err
	}
	c, ok := engineValue(cond)
	if !ok {
		return nil, fmt.Errorf("TypeError: %s() takes a boolean Series or DataFrame", name)
	}
	if _, isScalar := GoScalar(cond); isScalar {
		return nil, fmt.Errorf("NotImplementedError: %s() with a scalar condition", name)
	}
	p := map[string]any{"mask": name == "mask"}
	args := []any{v, c}
	if o, ok := engineValue(other); ok {
		if g, isScalar := GoScalar(other); isScalar {
			if g != nil {
				p["other"] = dataframe.Scalar{V: g}
			}
		} else {
			args = append(args, o)
		}
	} else {
		return nil, fmt.Errorf("TypeError: %s() other must be a scalar, Series or DataFrame", name)
	}
	return apply(name, "where", p, args...)
}

func elemClip(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var lo, hi starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("clip", a, kw, "lower?", &lo, "upper?", &hi); err != nil {
		return nil, err
	}
	l, ok1 := GoScalar(lo)
	h, ok2 := GoScalar(hi)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("NotImplementedError: clip() with bounds that are not numbers")
	}
	return apply("clip", "elem", dataframe.ElemParams{Fn: "clip", Args: dataframe.Scalars([]any{l, h})}, v)
}

func elemShift(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	n := 1
	var freq, axis starlark.Value
	if err := starlark.UnpackArgs(name, a, kw, "periods?", &n, "freq?", &freq, "axis?", &axis); err != nil {
		return nil, err
	}
	if freq != nil && freq != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: %s(freq=...)", name)
	}
	if name == "pct_change" && lazy {
		return nil, lazyMissing(name, v)
	}
	p := dataframe.ElemParams{Fn: name, N: n}
	return window(name, p, max(n, 0), max(-n, 0), v)
}

// window runs a function that looks n rows back (before) or forward
// (after): at once on pandas values, on every partition with its
// neighbours' edges on Dask's.
func window(prefix string, p dataframe.ElemParams, before, after int, v any) (starlark.Value, error) {
	c, ok := v.(*dataframe.Collection)
	if !ok {
		return apply(prefix, "elem", p, v)
	}
	r, err := dataframe.Overlap(prefix, p, before, after, c)
	if err != nil {
		return nil, err
	}
	return FromEngine(r), nil
}

func elemCum(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var axis, skipna starlark.Value
	if err := starlark.UnpackArgs(name, a, kw, "axis?", &axis, "skipna?", &skipna); err != nil {
		return nil, err
	}
	if b, ok := skipna.(starlark.Bool); ok && !bool(b) {
		return nil, fmt.Errorf("NotImplementedError: %s(skipna=False)", name)
	}
	c, ok := v.(*dataframe.Collection)
	if !ok {
		return apply(name, "elem", dataframe.ElemParams{Fn: name}, v)
	}
	r, err := dataframe.Cumulative(name, c)
	if err != nil {
		return nil, err
	}
	return FromEngine(r), nil
}

func elemRank(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if lazy {
		return nil, lazyMissing(name, v)
	}
	method := "average"
	asc := true
	if err := starlark.UnpackArgs("rank", a, kw, "method?", &method, "ascending?", &asc); err != nil {
		return nil, err
	}
	switch method {
	case "average", "min", "max", "first", "dense":
	default:
		return nil, fmt.Errorf("ValueError: invalid rank method %q", method)
	}
	return apply("rank", "elem", dataframe.ElemParams{Fn: "rank", S: method, B: asc}, v)
}

func elemMedian(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var axis, skipna, numericOnly starlark.Value
	if err := starlark.UnpackArgs(name, a, kw, "axis?", &axis, "skipna?", &skipna, "numeric_only?", &numericOnly); err != nil {
		return nil, err
	}
	if name == "median_approximate" && !lazy {
		return nil, lazyMissing(name, v)
	}
	if name == "median" && lazy {
		return nil, fmt.Errorf("NotImplementedError: Dask doesn't implement an exact median in all cases as this is hard to do in parallel. See the `median_approximate` method instead, which uses an approximate algorithm.")
	}
	isSeries := false
	nm := ""
	switch x := v.(type) {
	case *frame.Series:
		isSeries, nm = true, x.Name
	case *dataframe.Collection:
		isSeries = x.IsSeries()
		if isSeries {
			nm = x.SeriesMeta().Name
		}
	}
	return quantileAt(v, lazy, isSeries, nm, []float64{0.5}, true, true)
}

func elemQuantile(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	return quantileOf(s.value(), s.lazy != nil, true, s.meta().Name, a, kw)
}

func quantileOf(v any, lazy, isSeries bool, name string, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var q starlark.Value = starlark.Float(0.5)
	var axis, numericOnly, method starlark.Value
	if err := starlark.UnpackArgs("quantile", a, kw, "q?", &q, "axis?", &axis, "numeric_only?", &numericOnly, "method?", &method); err != nil {
		return nil, err
	}
	var qs []float64
	one := false
	if f, ok := starlark.AsFloat(q); ok {
		qs, one = []float64{f}, true
	} else {
		l, err := scalarList("quantile", q)
		if err != nil {
			return nil, err
		}
		for _, x := range l {
			f, ok := x.(float64)
			if i, isInt := x.(int64); isInt {
				f, ok = float64(i), true
			}
			if !ok {
				return nil, fmt.Errorf("TypeError: quantile() takes numbers")
			}
			qs = append(qs, f)
		}
	}
	for _, f := range qs {
		if f < 0 || f > 1 {
			return nil, fmt.Errorf("ValueError: percentiles should all be in the interval [0, 1]. Try %s instead.", frame.PyFloat(f/100))
		}
	}
	return quantileAt(v, lazy, isSeries, name, qs, one, false)
}

// quantileAt computes quantiles: exactly on pandas values, with Dask's
// merged per-partition percentiles on Dask's.
func quantileAt(v any, lazy, isSeries bool, name string, qs []float64, one, median bool) (starlark.Value, error) {
	if lazy {
		// Dask sorts the wanted quantiles.
		sorted := append([]float64(nil), qs...)
		for i := range sorted {
			for j := i + 1; j < len(sorted); j++ {
				if sorted[j] < sorted[i] {
					sorted[i], sorted[j] = sorted[j], sorted[i]
				}
			}
		}
		p := map[string]any{"q": sorted, "one": one, "name": name, "series": isSeries, "median": median}
		return reduce("quantile", graph.NewStage("dask-quantile-chunk", p), graph.NewStage("dask-quantile-agg", p), v)
	}
	return apply("quantile", "exact-quantile", map[string]any{"q": qs, "one": one, "name": name, "series": isSeries, "median": median}, v)
}

func elemArith(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var other, axis, level, fill starlark.Value = nil, starlark.None, starlark.None, starlark.None
	if err := starlark.UnpackArgs(name, a, kw, "other", &other, "axis?", &axis, "level?", &level, "fill_value?", &fill); err != nil {
		return nil, err
	}
	ops := map[string]string{"add": "+", "sub": "-", "mul": "*", "div": "/", "truediv": "/", "floordiv": "//", "mod": "%", "pow": "**", "eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
	op, ok := ops[name]
	reflected := !ok // radd, rsub, …: the operands swapped
	if reflected {
		op = ops[name[1:]]
	}
	o, ok := engineValue(other)
	if !ok {
		return nil, fmt.Errorf("TypeError: %s() cannot take a %s", name, session.TypeName(other))
	}
	f, _ := GoScalar(fill)
	if f == nil {
		x, y := FromEngine(v), other
		if reflected {
			x, y = y, x
		}
		return Binary(op, x, y)
	}
	prefix, _ := session.OpPrefix(op)
	if g, isScalar := GoScalar(other); isScalar {
		return apply(prefix, "arith-fill", map[string]any{"op": op, "fill": dataframe.Scalar{V: f}, "scalar": dataframe.Scalar{V: g}, "reflected": reflected}, v)
	}
	args := []any{v, o}
	if reflected {
		args = []any{o, v}
	}
	return apply(prefix, "arith-fill", map[string]any{"op": op, "fill": dataframe.Scalar{V: f}}, args...)
}

func elemDuplicated(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	keep := "first"
	if err := starlark.UnpackArgs("duplicated", a, kw, "keep?", &keep); err != nil {
		return nil, err
	}
	if s.lazy != nil {
		return nil, lazyMissing("duplicated", s.lazy)
	}
	if keep != "first" {
		return nil, fmt.Errorf("NotImplementedError: duplicated(keep=%q): Burst keeps the first", keep)
	}
	return apply("duplicated", "duplicated", map[string]any{}, s.value())
}

// ---- rolling, expanding, ewm ----

// Window is the object of s.rolling(n), s.expanding() or s.ewm(...): its
// methods compute the statistic.
type Window struct {
	session.Unhashable
	kind  string // rolling, expanding, ewm
	v     any
	w     int
	minp  int
	alpha float64
}

func (w *Window) String() string {
	switch w.kind {
	case "rolling":
		return fmt.Sprintf("Rolling [window=%d,center=False,axis=0,method=single]", w.w)
	case "expanding":
		return fmt.Sprintf("Expanding [min_periods=%d,center=False,axis=0,method=single]", w.minp)
	}
	return "ExponentialMovingWindow [com=" + frame.PyFloat(1/w.alpha-1) + ",min_periods=1,adjust=True,ignore_na=False,axis=0,method=single]"
}
func (w *Window) Type() string { return windowTypes[w.kind] }

var windowTypes = map[string]string{"rolling": "Rolling", "expanding": "Expanding", "ewm": "ExponentialMovingWindow"}

var windowStats = map[string][]string{
	"rolling":   {"mean", "sum", "min", "max", "std", "var", "count", "median"},
	"expanding": {"mean", "sum", "min", "max", "std", "var", "count", "median"},
	"ewm":       {"mean"},
}

func (w *Window) AttrNames() []string { return windowStats[w.kind] }

func (w *Window) Attr(name string) (starlark.Value, error) {
	ok := false
	for _, s := range windowStats[w.kind] {
		ok = ok || s == name
	}
	if !ok {
		return nil, fmt.Errorf("AttributeError: '%s' object has no attribute '%s'", w.Type(), name)
	}
	return starlark.NewBuiltin(w.kind+"."+name, func(th *starlark.Thread, b *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if len(a) > 0 || (len(kw) > 0 && name != "std" && name != "var") {
			return nil, fmt.Errorf("TypeError: %s.%s() got an unexpected keyword argument", w.kind, name)
		}
		switch w.kind {
		case "ewm":
			return apply("ewm-mean", "elem", dataframe.ElemParams{Fn: "ewm", F: w.alpha, MinP: w.minp}, w.v)
		case "expanding":
			if name == "median" {
				return nil, fmt.Errorf("NotImplementedError: expanding().median() is not supported in Burst (rolling(n).median() is)")
			}
			minp := w.minp
			if name == "count" {
				minp = 0
			}
			return apply("expanding-"+name, "elem", dataframe.ElemParams{Fn: "rolling", S: name, N: math.MaxInt32, MinP: minp}, w.v)
		}
		minp := w.minp
		if minp < 0 {
			minp = w.w
			if name == "count" {
				minp = 0
			}
		}
		return window("rolling-"+name, dataframe.ElemParams{Fn: "rolling", S: name, N: w.w, MinP: minp}, w.w-1, 0, w.v)
	}), nil
}

func elemRolling(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var window starlark.Value
	var minp starlark.Value = starlark.None
	center := false
	if err := starlark.UnpackArgs("rolling", a, kw, "window", &window, "min_periods?", &minp, "center?", &center); err != nil {
		return nil, err
	}
	n, err := starlark.AsInt32(window)
	if err != nil {
		return nil, fmt.Errorf("NotImplementedError: rolling() with a window of %s: Burst takes a number of rows", session.TypeName(window))
	}
	if center {
		return nil, fmt.Errorf("NotImplementedError: rolling(center=True)")
	}
	if n <= 0 {
		return nil, fmt.Errorf("ValueError: window must be an integer 0 or greater")
	}
	w := &Window{kind: "rolling", v: v, w: n, minp: -1}
	if minp != starlark.None {
		if w.minp, err = starlark.AsInt32(minp); err != nil {
			return nil, fmt.Errorf("TypeError: min_periods must be an integer")
		}
	}
	return w, nil
}

func elemExpanding(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if lazy {
		return nil, lazyMissing(name, v)
	}
	minp := 1
	if err := starlark.UnpackArgs("expanding", a, kw, "min_periods?", &minp); err != nil {
		return nil, err
	}
	return &Window{kind: "expanding", v: v, minp: minp}, nil
}

func elemEWM(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if lazy {
		return nil, lazyMissing(name, v)
	}
	var com, span, halflife, alpha starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None
	minp := 0
	if err := starlark.UnpackArgs("ewm", a, kw, "com?", &com, "span?", &span, "halflife?", &halflife, "alpha?", &alpha, "min_periods?", &minp); err != nil {
		return nil, err
	}
	w := &Window{kind: "ewm", v: v, minp: minp}
	given := 0
	for i, x := range []starlark.Value{com, span, halflife, alpha} {
		if x == starlark.None {
			continue
		}
		given++
		f, ok := starlark.AsFloat(x)
		if !ok {
			return nil, fmt.Errorf("TypeError: ewm() parameters must be numbers")
		}
		switch i {
		case 0:
			w.alpha = 1 / (1 + f)
		case 1:
			w.alpha = 2 / (f + 1)
		case 2:
			w.alpha = 1 - math.Exp(-math.Ln2/f)
		case 3:
			w.alpha = f
		}
	}
	if given != 1 {
		return nil, fmt.Errorf("ValueError: comass, span, halflife, and alpha are mutually exclusive")
	}
	return w, nil
}
