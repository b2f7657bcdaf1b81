package pandas

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/session"
)

// DataFrame.apply and applymap: a cell function called on every column,
// row or value.

// ApplyRow is one row of a frame as df.apply(f, axis=1) gives it to f: its
// values by column name, row["col"] or row.col.
type ApplyRow struct {
	session.Unhashable
	names []string
	vals  []starlark.Value
	label starlark.Value
}

func (r *ApplyRow) String() string {
	var b strings.Builder
	for i, n := range r.names {
		fmt.Fprintf(&b, "%s    %s\n", n, session.Repr(r.vals[i]))
	}
	fmt.Fprintf(&b, "Name: %s, dtype: object", session.Repr(r.label))
	return b.String()
}
func (r *ApplyRow) Type() string        { return "Series" }
func (r *ApplyRow) AttrNames() []string { return append([]string{"name", "index"}, r.names...) }

func (r *ApplyRow) Get(k starlark.Value) (starlark.Value, bool, error) {
	if s, ok := starlark.AsString(k); ok {
		for i, n := range r.names {
			if n == s {
				return r.vals[i], true, nil
			}
		}
	}
	if i, err := starlark.AsInt32(k); err == nil && i >= 0 && i < len(r.vals) {
		return r.vals[i], true, nil
	}
	return nil, false, fmt.Errorf("KeyError: %s", session.Repr(k))
}

func (r *ApplyRow) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return r.label, nil
	case "index":
		return &Index{values: fromEngineArray(frame.Strings(r.names, nil)), dtype: "object"}, nil
	}
	if v, ok, _ := r.Get(starlark.String(name)); ok {
		return v, nil
	}
	return nil, fmt.Errorf("AttributeError: 'Series' object has no attribute '%s'", name)
}

func frameApply(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var fnv, axis, meta starlark.Value = nil, starlark.MakeInt(0), starlark.None
	if err := starlark.UnpackArgs("apply", a, kw, "func", &fnv, "axis?", &axis, "meta?", &meta); err != nil {
		return nil, err
	}
	fn, ok := fnv.(starlark.Callable)
	if !ok {
		return nil, fmt.Errorf("NotImplementedError: DataFrame.apply() takes a function, not %s", session.TypeName(fnv))
	}
	rows := axis == starlark.MakeInt(1) || axis == starlark.String("columns")
	if d.lazy != nil {
		return nil, fmt.Errorf("NotImplementedError: apply() of a Dask DataFrame: use map_partitions, or apply on a column")
	}
	run := session.Of(th).Runner()
	f := d.eager
	if !rows {
		// Each column as a Series: one value per column.
		out := make([]starlark.Value, len(f.Columns))
		for i, c := range f.Columns {
			r, err := run.Call(fn, starlark.Tuple{&Series{eager: frame.SeriesOf(f, c)}}, nil)
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		vals, err := arrayOf(out, nil)
		if err != nil {
			return nil, fmt.Errorf("NotImplementedError: apply() whose function returns %s: Burst takes one number or string per column", session.TypeName(out[0]))
		}
		return &Series{eager: &frame.Series{Index: []frame.Column{{Data: frame.Strings(f.Names(), nil)}}, Data: vals}}, nil
	}
	cols := make([][]starlark.Value, len(f.Columns))
	for i, c := range f.Columns {
		cols[i] = ToValues(c.Data)
	}
	labels := indexOf(f.Index, f.Rows).values
	names := f.Names()
	out := make([]starlark.Value, f.Rows)
	for k := range out {
		row := &ApplyRow{names: names, vals: make([]starlark.Value, len(cols)), label: labels[k]}
		for i := range cols {
			row.vals[i] = cols[i][k]
		}
		r, err := run.Call(fn, starlark.Tuple{row}, nil)
		if err != nil {
			return nil, err
		}
		out[k] = r
	}
	vals, err := arrayOf(out, nil)
	if err != nil {
		return nil, fmt.Errorf("NotImplementedError: apply(axis=1) whose function returns %s: Burst takes one number or string per row", session.TypeName(out[0]))
	}
	return &Series{eager: &frame.Series{Index: f.Index, Data: vals}}, nil
}

func frameApplyMap(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var fnv, naAction, meta starlark.Value
	if err := starlark.UnpackArgs("applymap", a, kw, "func", &fnv, "na_action?", &naAction, "meta?", &meta); err != nil {
		return nil, err
	}
	fn, ok := fnv.(starlark.Callable)
	if !ok {
		return nil, fmt.Errorf("TypeError: applymap() takes a function, not %s", session.TypeName(fnv))
	}
	if d.lazy != nil {
		return nil, fmt.Errorf("NotImplementedError: applymap() of a Dask DataFrame: use map_partitions")
	}
	run := session.Of(th).Runner()
	f := d.eager
	out := &frame.Frame{Index: f.Index, Rows: f.Rows}
	for _, c := range f.Columns {
		r, err := ApplyEach(frame.SeriesOf(f, c), func(x starlark.Value) (starlark.Value, error) {
			return run.Call(fn, starlark.Tuple{x}, nil)
		})
		if err != nil {
			return nil, err
		}
		out.Columns = append(out.Columns, frame.Column{Name: c.Name, Data: r.(*frame.Series).Data})
	}
	return &DataFrame{eager: out}, nil
}

// Resampler is df.resample(rule): its methods aggregate each bin.
type Resampler struct {
	session.Unhashable
	v    any
	rule string
}

var resampleAggs = []string{"mean", "sum", "count", "min", "max", "median", "std", "var", "first", "last", "size"}

func (r *Resampler) String() string {
	return fmt.Sprintf("DatetimeIndexResampler [freq=<%s>, axis=0, closed=left, label=left, convention=start, origin=start_day]", r.rule)
}
func (r *Resampler) Type() string        { return "DatetimeIndexResampler" }
func (r *Resampler) AttrNames() []string { return resampleAggs }

func (r *Resampler) Attr(name string) (starlark.Value, error) {
	for _, how := range resampleAggs {
		if how == name {
			return starlark.NewBuiltin("Resampler."+name, func(_ *starlark.Thread, _ *starlark.Builtin, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
				var numericOnly starlark.Value
				if err := starlark.UnpackArgs(name, a, kw, "numeric_only?", &numericOnly); err != nil {
					return nil, err
				}
				return apply("resample-"+name, "resample", map[string]any{"rule": r.rule, "how": name}, r.v)
			}), nil
		}
	}
	return nil, fmt.Errorf("AttributeError: 'DatetimeIndexResampler' object has no attribute '%s'", name)
}

func elemResample(th *starlark.Thread, name string, v any, lazy bool, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var rule string
	var on starlark.Value = starlark.None
	if err := starlark.UnpackArgs("resample", a, kw, "rule", &rule, "on?", &on); err != nil {
		return nil, err
	}
	if lazy {
		return nil, fmt.Errorf("NotImplementedError: resample() of a Dask collection needs its divisions (a sorted datetime index), which Burst does not track yet: compute() first, or resample each partition with map_partitions")
	}
	if on != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: resample(on=...): set_index the column first")
	}
	return &Resampler{v: v, rule: rule}, nil
}
