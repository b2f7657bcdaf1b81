package pandas

import (
	"fmt"
	"math"
	"sort"

	"github.com/apache/arrow/go/v15/arrow/array"
	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/session"
)

// pdPivotTable is pd.pivot_table(df, …).
func pdPivotTable(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("TypeError: pivot_table() missing 1 required positional argument: 'data'")
	}
	d, ok := args[0].(*DataFrame)
	if !ok {
		return nil, fmt.Errorf("TypeError: pivot_table() takes a DataFrame, not %s", session.TypeName(args[0]))
	}
	return framePivotTable(th, d, args[1:], kwargs)
}

// framePivotTable is DataFrame.pivot_table without columns=: a group-by
// of the index columns aggregating the value columns (in sorted order),
// rows whose values are all missing left out, and integer columns whose
// results are whole numbers kept integers, as pandas 1.5 does.
func framePivotTable(th *starlark.Thread, d *DataFrame, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var values, index, columns, fill, margins, marginsName, observed, sortArg starlark.Value
	aggfunc := starlark.Value(starlark.String("mean"))
	dropna := true
	if err := starlark.UnpackArgs("pivot_table", args, kwargs, "values?", &values, "index?", &index, "columns?", &columns,
		"aggfunc?", &aggfunc, "fill_value?", &fill, "margins?", &margins, "dropna?", &dropna, "margins_name?", &marginsName,
		"observed?", &observed, "sort?", &sortArg); err != nil {
		return nil, err
	}
	if columns != nil && columns != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: DataFrame.pivot_table(columns=…) is not supported: Burst pivots on index= only; try df.groupby([index, columns]).col.agg(func)")
	}
	if margins == starlark.True || (fill != nil && fill != starlark.None) {
		return nil, fmt.Errorf("NotImplementedError: pivot_table(margins=, fill_value=) is not supported")
	}
	how, ok := starlark.AsString(aggfunc)
	if !ok || !frame.GroupAggs[how] {
		return nil, fmt.Errorf("NotImplementedError: pivot_table(aggfunc=%s) is not supported: Burst aggregates with one name such as 'mean' or 'sum'", session.Repr(aggfunc))
	}
	if index == nil || index == starlark.None {
		return nil, fmt.Errorf("NotImplementedError: pivot_table without index= is not supported")
	}
	by, err := StringsArg("index", index)
	if err != nil {
		return nil, err
	}
	for _, k := range by {
		if _, ok := d.meta().Col(k); !ok {
			return nil, fmt.Errorf("KeyError: '%s'", k)
		}
	}
	g := &GroupBy{d: d, by: by}
	var cols []string
	if values != nil && values != starlark.None {
		if cols, err = StringsArg("values", values); err != nil {
			return nil, err
		}
	} else {
		cols = g.columns()
	}
	sort.Strings(cols)
	sel, err := g.selectCols(cols, false)
	if err != nil {
		return nil, err
	}
	r, err := sel.run(how, 1)
	if err != nil || d.eager == nil {
		return r, err
	}
	return FromEngine(tidyPivot(r.(*DataFrame).eager, d.eager, dropna)), nil
}

// tidyPivot leaves out the rows whose values are all missing (dropna) and
// turns float results of integer columns back into integers when they are
// all whole numbers.
func tidyPivot(f, data *frame.Frame, dropna bool) *frame.Frame {
	out := &frame.Frame{Index: f.Index, Rows: f.Rows}
	for _, c := range f.Columns {
		src, _ := data.Col(c.Name)
		if x, ok := c.Data.(*array.Float64); ok && src.DType() == frame.Int64 {
			whole := true
			v := x.Float64Values()
			iv := make([]int64, len(v))
			for i, y := range v {
				if y != math.Trunc(y) || math.IsInf(y, 0) {
					whole = false
					break
				}
				iv[i] = int64(y)
			}
			if whole {
				c.Data = frame.Int64s(iv)
			}
		}
		out.Columns = append(out.Columns, c)
	}
	if !dropna || len(out.Columns) == 0 {
		return out
	}
	var keep []int
	for i := 0; i < out.Rows; i++ {
		for _, c := range out.Columns {
			if x, ok := frame.ValueAt(c.Data, i).(float64); c.Data.IsValid(i) && !(ok && x != x) {
				keep = append(keep, i)
				break
			}
		}
	}
	if len(keep) == out.Rows {
		return out
	}
	return out.TakeRows(keep)
}

// ddPivotTable is dd.pivot_table, which needs a categorical columns=:
// Burst has no categorical dtype, so it says what Dask says of any other.
func ddPivotTable(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var df, index, columns, values, aggfunc starlark.Value
	if err := starlark.UnpackArgs("pivot_table", args, kwargs, "df", &df, "index?", &index, "columns?", &columns, "values?", &values, "aggfunc?", &aggfunc); err != nil {
		return nil, err
	}
	if _, ok := starlark.AsString(index); !ok {
		return nil, fmt.Errorf("ValueError: 'index' must be the name of an existing column")
	}
	if _, ok := starlark.AsString(columns); !ok {
		return nil, fmt.Errorf("ValueError: 'columns' must be the name of an existing column")
	}
	return nil, fmt.Errorf("ValueError: 'columns' must be category dtype")
}

func init() {
	docs["pandas.pivot_table"] = "pivot_table(data, values=None, index=None, columns=None, aggfunc='mean')\n\nAggregates the value columns (all numeric ones by default) per group of the index columns, as data.groupby(index)[values].agg(aggfunc). Burst pivots on index= only."
	docs["dask.dataframe.pivot_table"] = "pivot_table(df, index=None, columns=None, values=None, aggfunc='mean')\n\nDask pivots on a categorical columns=, which Burst does not have."
	methodDocs["pivot_table"] = "pivot_table(values=None, index=None, columns=None, aggfunc='mean')\n\nAggregates the value columns per group of the index columns (pandas only)."
}
