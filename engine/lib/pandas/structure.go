package pandas

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/lib/numpy"
	"burst/engine/ml/rng"
	"burst/engine/session"
)

// A frame's structure: selection by label and position (loc, iloc, at,
// iat), sorting by the index, dropping and inserting columns, iteration,
// conversions. Most of it is pandas' alone (Dask has no row labels it can
// find without known divisions); what Dask has — selecting columns,
// copy, select_dtypes, astype with a dict — stays per partition.

// addStructure registers the methods of this file (called from init in
// methods.go, after the tables exist).
func addStructure() {
	for name, f := range map[string]frameMethod{
		"sort_index": frameSortIndex, "copy": frameCopy, "drop": frameDrop, "insert": frameInsert,
		"pop": framePop, "select_dtypes": frameSelectDTypes, "transpose": frameTranspose,
		"itertuples": frameIterTuples, "iterrows": frameIterRows, "items": frameItems,
		"duplicated": frameDuplicated, "equals": frameEquals, "info": frameInfo,
		"memory_usage": frameMemoryUsage, "join": frameJoin, "to_csv": frameToCSV,
		"idxmax": frameIdx("idxmax"), "idxmin": frameIdx("idxmin"),
		"median": frameQuantile("median"), "quantile": frameQuantile("quantile"),
		"cov": frameCov(false), "corr": frameCov(true), "reindex": frameReindex, "sample": frameSample,
	} {
		frameMethods[name] = f
	}
	frameMethods["sort_values"] = frameSortValuesFull
	for _, how := range []string{"sum", "mean", "min", "max", "count"} {
		frameMethods[how] = withAxis(how, frameMethods[how])
	}
	describe := frameMethods["describe"]
	frameMethods["describe"] = func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var include starlark.Value
		if err := starlark.UnpackArgs("describe", a, kw, "include?", &include); err != nil {
			return nil, err
		}
		if include == nil || include == starlark.None {
			return describe(th, d, nil, nil)
		}
		if d.lazy != nil {
			return nil, fmt.Errorf("NotImplementedError: describe(include=…) of a Dask DataFrame")
		}
		return describeInclude(d.eager, include)
	}
	for name, f := range map[string]seriesMethod{
		"sort_index": seriesSortIndex, "items": seriesItems, "argmax": seriesArg(true), "argmin": seriesArg(false),
		"copy": func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return s, starlark.UnpackArgs("copy", a, kw, "deep?", new(bool))
		},
	} {
		seriesMethods[name] = f
	}
	for _, n := range []string{"sort_index", "insert", "pop", "transpose", "itertuples", "iterrows", "items", "duplicated", "equals", "info", "memory_usage", "join", "to_csv", "median", "argmax", "argmin", "reindex"} {
		eagerOnly[n] = true
	}
	// Dask has DataFrame.sort_values, not Series.sort_values.
	seriesEagerOnly["sort_values"] = true
}

// seriesEagerOnly are the Series methods only pandas has, where
// DataFrame has them in Dask too.
var seriesEagerOnly = map[string]bool{}

func mustEager(name string, lazy bool) error {
	if lazy {
		return fmt.Errorf("AttributeError: 'DataFrame' object has no attribute '%s'", name)
	}
	return nil
}

// ---- row labels ----

// labelAt is the index label of row i as a Go scalar.
func labelAt(index []frame.Column, i int) any {
	if len(index) == 0 {
		return int64(i)
	}
	return frame.ValueAt(index[0].Data, i)
}

// labelCmp orders two labels (numbers, strings, times); ok is false
// when they do not compare.
func labelCmp(a, b any) (int, bool) {
	switch x := a.(type) {
	case int64, float64:
		fx, _ := toFloat(x)
		fy, ok := toFloat(b)
		if !ok {
			return 0, false
		}
		switch {
		case fx < fy:
			return -1, true
		case fx > fy:
			return 1, true
		}
		return 0, true
	case string:
		y, ok := b.(string)
		if !ok {
			return 0, false
		}
		return strings.Compare(x, y), true
	case time.Time:
		var y time.Time
		switch b := b.(type) {
		case time.Time:
			y = b
		case string:
			t, ok := frame.ParseTime(b)
			if !ok {
				return 0, false
			}
			y = t
		default:
			return 0, false
		}
		return x.Compare(y), true
	}
	return 0, false
}

func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

// labelRows returns the rows whose label is key, or a KeyError.
func labelRows(index []frame.Column, n int, key starlark.Value) ([]int, error) {
	want, ok := GoScalar(key)
	if !ok {
		return nil, fmt.Errorf("TypeError: cannot do label indexing with %s", session.TypeName(key))
	}
	if len(index) == 0 {
		if i, ok := want.(int64); ok && i >= 0 && int(i) < n {
			return []int{int(i)}, nil
		}
		return nil, fmt.Errorf("KeyError: %s", session.Repr(key))
	}
	var out []int
	for i := 0; i < n; i++ {
		if c, ok := labelCmp(labelAt(index, i), want); ok && c == 0 {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("KeyError: %s", session.Repr(key))
	}
	return out, nil
}

// sliceParts are the bounds of a slice: nil for left out.
func sliceParts(v starlark.Value) (lo, hi, step starlark.Value, ok bool) {
	s, ok := v.(numpy.SliceValue)
	if !ok {
		return nil, nil, nil, false
	}
	lo, hi, step = s.Parts()
	none := func(x starlark.Value) starlark.Value {
		if x == starlark.None {
			return nil
		}
		return x
	}
	return none(lo), none(hi), none(step), true
}

func isAll(v starlark.Value) bool {
	lo, hi, step, ok := sliceParts(v)
	return ok && lo == nil && hi == nil && step == nil
}

// labelSlice is loc[lo:hi]: the rows from lo to hi, both included. As
// pandas, bounds that are labels of the index cut it where they stand
// (the first lo, the last hi), sorted or not; other bounds cut a sorted
// index by value (a bound left out is the start or end).
func labelSlice(index []frame.Column, n int, lo, hi starlark.Value) ([]int, error) {
	if len(index) > 0 {
		first, last := 0, n-1
		exact := true
		if lo != nil {
			r, err := labelRows(index, n, lo)
			exact = exact && err == nil
			if err == nil {
				first = r[0]
			}
		}
		if hi != nil {
			r, err := labelRows(index, n, hi)
			exact = exact && err == nil
			if err == nil {
				last = r[len(r)-1]
			}
		}
		if exact {
			var out []int
			for i := first; i <= last; i++ {
				out = append(out, i)
			}
			return out, nil
		}
	}
	var l, h any
	if lo != nil {
		l, _ = GoScalar(lo)
	}
	if hi != nil {
		h, _ = GoScalar(hi)
	}
	var out []int
	for i := 0; i < n; i++ {
		x := labelAt(index, i)
		if l != nil {
			c, ok := labelCmp(x, l)
			if !ok {
				return nil, fmt.Errorf("TypeError: cannot do slice indexing on %s with these indexers [%v]", "Index", l)
			}
			if c < 0 {
				continue
			}
		}
		if h != nil {
			c, ok := labelCmp(x, h)
			if !ok {
				return nil, fmt.Errorf("TypeError: cannot do slice indexing on %s with these indexers [%v]", "Index", h)
			}
			if c > 0 {
				continue
			}
		}
		out = append(out, i)
	}
	return out, nil
}

// positions is iloc's rows (or columns) of n: an int, a slice or a list
// of ints; single reports an int.
func positions(key starlark.Value, n int, what string) (idx []int, single bool, err error) {
	if lo, hi, step, ok := sliceParts(key); ok {
		st := 1
		if step != nil {
			if st, err = starlark.AsInt32(step); err != nil || st == 0 {
				return nil, false, fmt.Errorf("ValueError: slice step cannot be zero")
			}
		}
		start, end := 0, n
		if st < 0 {
			start, end = n-1, -1
		}
		bound := func(v starlark.Value, def int) (int, error) {
			if v == nil {
				return def, nil
			}
			i, err := starlark.AsInt32(v)
			if err != nil {
				return 0, fmt.Errorf("TypeError: cannot do positional indexing with these indexers [%s] of type %s", session.Repr(v), session.TypeName(v))
			}
			if i < 0 {
				i += n
			}
			if st > 0 {
				return min(max(i, 0), n), nil
			}
			return min(max(i, -1), n-1), nil
		}
		if start, err = bound(lo, start); err != nil {
			return nil, false, err
		}
		if end, err = bound(hi, end); err != nil {
			return nil, false, err
		}
		for i := start; (st > 0 && i < end) || (st < 0 && i > end); i += st {
			idx = append(idx, i)
		}
		return idx, false, nil
	}
	one := func(v starlark.Value) (int, error) {
		i, err := starlark.AsInt32(v)
		if err != nil {
			return 0, fmt.Errorf("TypeError: Cannot index by location index with a non-integer key")
		}
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return 0, fmt.Errorf("IndexError: single positional indexer is out-of-bounds")
		}
		return i, nil
	}
	if _, ok := key.(starlark.Int); ok {
		i, err := one(key)
		return []int{i}, true, err
	}
	if l, ok := key.(*starlark.List); ok {
		for k := 0; k < l.Len(); k++ {
			i, err := one(l.Index(k))
			if err != nil {
				return nil, false, fmt.Errorf("IndexError: positional indexers are out-of-bounds")
			}
			idx = append(idx, i)
		}
		return idx, false, nil
	}
	return nil, false, fmt.Errorf("TypeError: Cannot index by location index with a non-integer key")
}

// rowOf is row i of f as a Series indexed by the column names, named by
// its label, as df.loc[label] and df.iloc[i] give it.
func rowOf(f *frame.Frame, i int) (*Series, error) {
	vals := make([]starlark.Value, len(f.Columns))
	for k, c := range f.Columns {
		vals[k] = fromGo(frame.ValueAt(c.Data, i))
		if c.Data.IsNull(i) {
			vals[k] = starlark.None
			if c.DType() == frame.Object {
				vals[k] = starlark.Float(math.NaN())
			}
		}
	}
	a, err := arrayOf(vals, nil)
	if err != nil {
		return nil, err
	}
	return &Series{eager: &frame.Series{Name: session.Str(fromGo(labelAt(f.Index, i))), Index: []frame.Column{{Data: frame.Strings(f.Names(), nil)}}, Data: a}}, nil
}

// selectRows is loc's or iloc's row part on an eager frame or series.
func takeRows(v any, idx []int) starlark.Value {
	switch x := v.(type) {
	case *frame.Frame:
		return &DataFrame{eager: x.TakeRows(idx)}
	case *frame.Series:
		f := x.Frame().TakeRows(idx)
		return &Series{eager: &frame.Series{Name: x.Name, Index: f.Index, Data: f.Columns[0].Data}}
	}
	return starlark.None
}

// locRows resolves loc's row key over rows with index labels: the rows,
// and whether the key named one label (a row, not a frame).
func locRows(index []frame.Column, n int, key starlark.Value) ([]int, bool, error) {
	if lo, hi, step, ok := sliceParts(key); ok {
		if step != nil {
			return nil, false, fmt.Errorf("NotImplementedError: loc with a slice step")
		}
		idx, err := labelSlice(index, n, lo, hi)
		return idx, false, err
	}
	if l, ok := key.(*starlark.List); ok {
		var out []int
		allBool := l.Len() == n
		for k := 0; k < l.Len(); k++ {
			if _, ok := l.Index(k).(starlark.Bool); !ok {
				allBool = false
			}
		}
		if allBool && n > 0 {
			for k := 0; k < n; k++ {
				if l.Index(k) == starlark.True {
					out = append(out, k)
				}
			}
			return out, false, nil
		}
		for k := 0; k < l.Len(); k++ {
			r, err := labelRows(index, n, l.Index(k))
			if err != nil {
				return nil, false, fmt.Errorf("KeyError: \"None of [%s] are in the [index]\"", session.Repr(l))
			}
			out = append(out, r...)
		}
		return out, false, nil
	}
	r, err := labelRows(index, n, key)
	return r, len(r) == 1 && (len(index) == 0 || !hasDuplicates(index, n)), err
}

func hasDuplicates(index []frame.Column, n int) bool {
	seen := make(map[string]bool, n)
	for i := 0; i < n; i++ {
		k := fmt.Sprint(labelAt(index, i))
		if seen[k] {
			return true
		}
		seen[k] = true
	}
	return false
}

// ---- loc, iloc, at, iat ----

// Indexer is df.iloc, df.at and df.iat (and s.iloc, s.at, s.iat).
type Indexer struct {
	session.Unhashable
	of   starlark.Value
	kind string // "iloc", "at", "iat"
}

func (x *Indexer) String() string {
	return "<pandas.core.indexing._" + strings.ToUpper(x.kind[:1]) + x.kind[1:] + "Indexer>"
}
func (x *Indexer) Type() string { return x.kind }

func (x *Indexer) Get(key starlark.Value) (starlark.Value, bool, error) {
	rows, cols := key, starlark.Value(nil)
	if t, ok := key.(starlark.Tuple); ok && len(t) == 2 {
		rows, cols = t[0], t[1]
	}
	switch x.kind {
	case "at":
		return locGet(x.of, rows, cols, true)
	case "iat", "iloc":
		v, err := ilocGet(x.of, rows, cols, x.kind == "iat")
		return v, err == nil, err
	}
	return nil, false, fmt.Errorf("AttributeError: %s", x.kind)
}

func ilocGet(of starlark.Value, rows, cols starlark.Value, scalar bool) (starlark.Value, error) {
	var f *frame.Frame
	var s *frame.Series
	switch o := of.(type) {
	case *DataFrame:
		if o.lazy != nil {
			if !isAll(rows) || cols == nil {
				return nil, fmt.Errorf("NotImplementedError: 'DataFrame.iloc' only supports selecting columns. It must be used like 'df.iloc[:, column_indexer]'.")
			}
			idx, single, err := positions(cols, len(o.meta().Columns), "columns")
			if err != nil {
				return nil, err
			}
			names := pickNames(o.meta().Names(), idx)
			if single {
				return o.Column(names[0])
			}
			v, _, err := o.Get(session.StringList(names))
			return v, err
		}
		f = o.eager
	case *Series:
		if o.lazy != nil {
			return nil, fmt.Errorf("AttributeError: 'Series' object has no attribute 'iloc'")
		}
		if cols != nil {
			return nil, fmt.Errorf("IndexingError: Too many indexers")
		}
		s = o.eager
		f = s.Frame()
	}
	ridx, rsingle, err := positions(rows, f.Rows, "rows")
	if err != nil {
		return nil, err
	}
	if scalar && (!rsingle || (s == nil && cols == nil)) {
		return nil, fmt.Errorf("ValueError: iAt based indexing can only have integer indexers")
	}
	if s != nil {
		if rsingle {
			return fromGo(frame.ValueAt(s.Data, ridx[0])), nil
		}
		return takeRows(s, ridx), nil
	}
	out := f
	if cols != nil {
		cidx, csingle, err := positions(cols, len(f.Columns), "columns")
		if err != nil {
			return nil, err
		}
		sel := &frame.Frame{Index: f.Index, Rows: f.Rows}
		for _, c := range cidx {
			sel.Columns = append(sel.Columns, f.Columns[c])
		}
		if csingle {
			col := f.Columns[cidx[0]]
			if rsingle {
				return fromGo(frame.ValueAt(col.Data, ridx[0])), nil
			}
			return takeRows(&frame.Series{Name: col.Name, Index: f.Index, Data: col.Data}, ridx), nil
		}
		out = sel
	}
	if rsingle {
		return rowOf(out, ridx[0])
	}
	return takeRows(out, ridx), nil
}

func pickNames(names []string, idx []int) []string {
	out := make([]string, len(idx))
	for i, k := range idx {
		out[i] = names[k]
	}
	return out
}

// locGet is .loc (and .at) on an eager frame or series, and the parts
// of .loc a Dask frame has: masks and columns.
func locGet(of starlark.Value, rows, cols starlark.Value, scalar bool) (starlark.Value, bool, error) {
	target := of
	if m, ok := rows.(*Series); ok {
		var err error
		if d, ok := target.(*DataFrame); ok {
			target, _, err = d.Get(m)
		} else {
			target, _, err = target.(*Series).Get(m)
		}
		if err != nil {
			return nil, false, err
		}
		rows = nil
	} else if isAll(rows) {
		rows = nil
	}
	if rows != nil {
		var index []frame.Column
		var n int
		var val any
		switch t := target.(type) {
		case *DataFrame:
			if t.lazy != nil {
				v, err := lazyLoc(t.lazy, rows)
				if err != nil || cols == nil {
					return v, err == nil, err
				}
				return v.(*DataFrame).Get(cols)
			}
			index, n, val = t.eager.Index, t.eager.Rows, t.eager
		case *Series:
			if t.lazy != nil {
				if cols != nil {
					return nil, false, fmt.Errorf("IndexingError: Too many indexers")
				}
				v, err := lazyLoc(t.lazy, rows)
				return v, err == nil, err
			}
			index, n, val = t.eager.Index, t.eager.Len(), t.eager
		}
		idx, single, err := locRows(index, n, rows)
		if err != nil {
			return nil, false, err
		}
		if single {
			switch v := val.(type) {
			case *frame.Frame:
				if cols != nil {
					if name, ok := cols.(starlark.String); ok {
						c, ok := v.Col(string(name))
						if !ok {
							return nil, false, fmt.Errorf("KeyError: %s", session.Repr(name))
						}
						return fromGo(frame.ValueAt(c.Data, idx[0])), true, nil
					}
				}
				r, err := rowOf(v, idx[0])
				if err != nil || cols == nil {
					return r, err == nil, err
				}
				return r.Get(cols)
			case *frame.Series:
				if cols != nil {
					return nil, false, fmt.Errorf("IndexingError: Too many indexers")
				}
				return fromGo(frame.ValueAt(v.Data, idx[0])), true, nil
			}
		}
		if scalar {
			return nil, false, fmt.Errorf("KeyError: %s", session.Repr(rows))
		}
		target = takeRows(val, idx)
	}
	if cols == nil {
		return target, true, nil
	}
	d, ok := target.(*DataFrame)
	if !ok {
		return nil, false, fmt.Errorf("IndexingError: Too many indexers")
	}
	if lo, hi, _, ok := sliceParts(cols); ok {
		names := d.meta().Names()
		i, j := 0, len(names)
		for k, n := range names {
			if lo != nil && starlark.String(n) == lo {
				i = k
			}
			if hi != nil && starlark.String(n) == hi {
				j = k + 1
			}
		}
		return d.Get(session.StringList(names[i:max(i, j)]))
	}
	return d.Get(cols)
}

// ---- sorting by the index ----

func indexOrder(index []frame.Column, n int, asc bool) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	if len(index) == 0 {
		if !asc {
			for i := range idx {
				idx[i] = n - 1 - i
			}
		}
		return idx
	}
	f := &frame.Frame{Columns: []frame.Column{{Name: "\x00key", Data: index[0].Data}}, Rows: n}
	order, err := f.SortRows([]string{"\x00key"}, []bool{asc})
	if err != nil {
		return idx
	}
	return order
}

func sortIndexArgs(name string, a starlark.Tuple, kw []starlark.Tuple) (axis int, asc bool, err error) {
	asc = true
	var ax starlark.Value = starlark.MakeInt(0)
	var kind starlark.Value
	// Keywords Burst does not honour are refused, not ignored.
	err = starlark.UnpackArgs(name, a, kw, "axis?", &ax, "ascending?", &asc, "kind?", &kind)
	if ax == starlark.String("columns") || ax == starlark.MakeInt(1) {
		axis = 1
	}
	return
}

func frameSortIndex(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	axis, asc, err := sortIndexArgs("sort_index", a, kw)
	if err != nil {
		return nil, err
	}
	f := d.eager
	if axis == 1 {
		cols := append([]frame.Column(nil), f.Columns...)
		sort.SliceStable(cols, func(i, j int) bool {
			if asc {
				return cols[i].Name < cols[j].Name
			}
			return cols[i].Name > cols[j].Name
		})
		return &DataFrame{eager: &frame.Frame{Index: f.Index, Columns: cols, Rows: f.Rows}}, nil
	}
	return &DataFrame{eager: f.TakeRows(indexOrder(f.Index, f.Rows, asc))}, nil
}

func seriesSortIndex(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	_, asc, err := sortIndexArgs("sort_index", a, kw)
	if err != nil {
		return nil, err
	}
	return takeRows(s.eager, indexOrder(s.eager.Index, s.eager.Len(), asc)), nil
}

// ---- columns ----

func frameCopy(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	deep := true
	if err := starlark.UnpackArgs("copy", a, kw, "deep?", &deep); err != nil {
		return nil, err
	}
	// Columns are immutable Arrow arrays: a copy shares them.
	c := *d
	return &c, nil
}

func frameDrop(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var labels, index, columns, errs starlark.Value
	var axis starlark.Value = starlark.MakeInt(0)
	inplace := false
	if err := starlark.UnpackArgs("drop", a, kw, "labels?", &labels, "axis?", &axis, "index?", &index, "columns?", &columns, "inplace?", &inplace, "errors?", &errs); err != nil {
		return nil, err
	}
	if labels != nil {
		if axis == starlark.MakeInt(1) || axis == starlark.String("columns") {
			columns = labels
		} else {
			index = labels
		}
	}
	out := starlark.Value(d)
	if columns != nil {
		names, err := StringsArg("columns", columns)
		if err != nil {
			return nil, err
		}
		drop := map[string]bool{}
		for _, n := range names {
			if _, ok := d.meta().Col(n); !ok && errs != starlark.String("ignore") {
				return nil, fmt.Errorf("KeyError: \"['%s'] not found in axis\"", n)
			}
			drop[n] = true
		}
		var keep []string
		for _, n := range d.meta().Names() {
			if !drop[n] {
				keep = append(keep, n)
			}
		}
		v, _, err := d.Get(session.StringList(keep))
		if err != nil {
			return nil, err
		}
		out = v
	}
	if index != nil {
		if d.lazy != nil {
			return nil, fmt.Errorf("NotImplementedError: Drop currently only works for axis=1 or when columns is not None")
		}
		f := out.(*DataFrame).eager
		keys := index
		if _, ok := index.(*starlark.List); !ok {
			keys = starlark.NewList([]starlark.Value{index})
		}
		drop := map[int]bool{}
		l := keys.(*starlark.List)
		for k := 0; k < l.Len(); k++ {
			r, err := labelRows(f.Index, f.Rows, l.Index(k))
			if err != nil {
				return nil, fmt.Errorf("KeyError: \"[%s] not found in axis\"", session.Repr(l.Index(k)))
			}
			for _, i := range r {
				drop[i] = true
			}
		}
		var keep []int
		for i := 0; i < f.Rows; i++ {
			if !drop[i] {
				keep = append(keep, i)
			}
		}
		out = &DataFrame{eager: f.TakeRows(keep)}
	}
	if inplace {
		*d = *out.(*DataFrame)
		return starlark.None, nil
	}
	return out, nil
}

func frameInsert(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var loc int
	var column string
	var value, dup starlark.Value
	if err := starlark.UnpackArgs("insert", a, kw, "loc", &loc, "column", &column, "value", &value, "allow_duplicates?", &dup); err != nil {
		return nil, err
	}
	if _, ok := d.eager.Col(column); ok {
		return nil, fmt.Errorf("ValueError: cannot insert %s, already exists", column)
	}
	if loc < 0 || loc > len(d.eager.Columns) {
		return nil, fmt.Errorf("IndexError: index %d is out of bounds for axis 0 with size %d", loc, len(d.eager.Columns))
	}
	r, err := d.Assign([]string{column}, []starlark.Value{value})
	if err != nil {
		return nil, err
	}
	f := r.eager
	cols := append([]frame.Column(nil), f.Columns[:loc]...)
	cols = append(cols, f.Columns[len(f.Columns)-1])
	cols = append(cols, f.Columns[loc:len(f.Columns)-1]...)
	d.eager = &frame.Frame{Index: f.Index, Columns: cols, Rows: f.Rows}
	return starlark.None, nil
}

// framePop is df.pop(col), and del df[col].
func framePop(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var item string
	if err := starlark.UnpackArgs("pop", a, kw, "item", &item); err != nil {
		return nil, err
	}
	col, err := d.Column(item)
	if err != nil {
		return nil, err
	}
	f := d.eager
	var keep []frame.Column
	for _, c := range f.Columns {
		if c.Name != item {
			keep = append(keep, c)
		}
	}
	d.eager = &frame.Frame{Index: f.Index, Columns: keep, Rows: f.Rows}
	return col, nil
}

var dtypeKinds = map[string][]frame.DType{
	"number": {frame.Int64, frame.Float64}, "numeric": {frame.Int64, frame.Float64},
	"float": {frame.Float64}, "int": {frame.Int64}, "integer": {frame.Int64},
	"datetime": {frame.Datetime}, "timedelta": {frame.Timedelta},
}

func dtypeSet(v starlark.Value) (map[frame.DType]bool, error) {
	if v == nil || v == starlark.None {
		return nil, nil
	}
	var names []string
	if s, ok := v.(starlark.String); ok {
		names = []string{string(s)}
	} else if it := starlark.Iterate(v); it != nil {
		var x starlark.Value
		for it.Next(&x) {
			n, err := dtypeName(x)
			if err != nil {
				it.Done()
				return nil, err
			}
			names = append(names, n)
		}
		it.Done()
	} else {
		n, err := dtypeName(v)
		if err != nil {
			return nil, err
		}
		names = []string{n}
	}
	out := map[frame.DType]bool{}
	for _, n := range names {
		if ks, ok := dtypeKinds[n]; ok {
			for _, k := range ks {
				out[k] = true
			}
			continue
		}
		t, err := frame.ParseDType(n)
		if err != nil {
			return nil, fmt.Errorf("TypeError: %v", err)
		}
		out[t] = true
	}
	return out, nil
}

func frameSelectDTypes(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var include, exclude starlark.Value
	if err := starlark.UnpackArgs("select_dtypes", a, kw, "include?", &include, "exclude?", &exclude); err != nil {
		return nil, err
	}
	in, err := dtypeSet(include)
	if err != nil {
		return nil, err
	}
	ex, err := dtypeSet(exclude)
	if err != nil {
		return nil, err
	}
	if in == nil && ex == nil {
		return nil, fmt.Errorf("ValueError: at least one of include or exclude must be nonempty")
	}
	var keep []string
	for _, c := range d.meta().Columns {
		t := c.DType()
		if (in == nil || in[t]) && !ex[t] {
			keep = append(keep, c.Name)
		}
	}
	v, _, err := d.Get(session.StringList(keep))
	return v, err
}

// astypeDict is df.astype({col: dtype}): each column converted where it
// is, per partition.
func astypeDict(d *DataFrame, m *starlark.Dict) (starlark.Value, error) {
	var names []string
	var vals []starlark.Value
	for _, kv := range m.Items() {
		name, ok := starlark.AsString(kv[0])
		if !ok {
			return nil, fmt.Errorf("TypeError: astype() takes a dict of column: dtype")
		}
		col, err := d.Column(name)
		if err != nil {
			return nil, fmt.Errorf("KeyError: 'Only a column name can be used for the key in a dtype mappings argument. '%s' not found in columns.'", name)
		}
		v, err := astype(col.(*Series).value(), starlark.Tuple{kv[1]}, nil)
		if err != nil {
			return nil, err
		}
		names, vals = append(names, name), append(vals, v)
	}
	return d.Assign(names, vals)
}

// ---- reshaping and iterating (pandas) ----

func frameTranspose(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("transpose", a, kw); err != nil {
		return nil, err
	}
	return transpose(d.eager)
}

func transpose(f *frame.Frame) (starlark.Value, error) {
	out := &frame.Frame{Rows: len(f.Columns), Index: []frame.Column{{Data: frame.Strings(f.Names(), nil)}}}
	for i := 0; i < f.Rows; i++ {
		r, err := rowOf(f, i)
		if err != nil {
			return nil, err
		}
		out.Columns = append(out.Columns, frame.Column{Name: r.eager.Name, Data: r.eager.Data})
	}
	return &DataFrame{eager: out}, nil
}

// Row is a row of itertuples: fields by name and by position.
type Row struct {
	session.Unhashable
	names []string
	vals  starlark.Tuple
}

func (r *Row) String() string {
	parts := make([]string, len(r.vals))
	for i, v := range r.vals {
		parts[i] = r.names[i] + "=" + session.Repr(v)
	}
	return "Pandas(" + strings.Join(parts, ", ") + ")"
}
func (r *Row) Type() string               { return "Pandas" }
func (r *Row) Len() int                   { return len(r.vals) }
func (r *Row) Index(i int) starlark.Value { return r.vals[i] }
func (r *Row) Iterate() starlark.Iterator { return r.vals.Iterate() }
func (r *Row) AttrNames() []string        { return r.names }
func (r *Row) Attr(name string) (starlark.Value, error) {
	for i, n := range r.names {
		if n == name {
			return r.vals[i], nil
		}
	}
	return nil, fmt.Errorf("AttributeError: 'Pandas' object has no attribute '%s'", name)
}

func frameIterTuples(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	index := true
	var name starlark.Value = starlark.String("Pandas")
	if err := starlark.UnpackArgs("itertuples", a, kw, "index?", &index, "name?", &name); err != nil {
		return nil, err
	}
	f := d.eager
	cols := make([][]starlark.Value, len(f.Columns))
	for i, c := range f.Columns {
		cols[i] = ToValues(c.Data)
	}
	names := f.Names()
	if index {
		names = append([]string{"Index"}, names...)
	}
	out := make([]starlark.Value, f.Rows)
	for i := range out {
		var vals starlark.Tuple
		if index {
			vals = append(vals, fromGo(labelAt(f.Index, i)))
		}
		for _, c := range cols {
			vals = append(vals, nanForNone(c[i]))
		}
		if name == starlark.None {
			out[i] = vals
		} else {
			out[i] = &Row{names: names, vals: vals}
		}
	}
	return starlark.NewList(out), nil
}

// nanForNone: a missing value read from a float column is nan.
func nanForNone(v starlark.Value) starlark.Value {
	return v
}

func frameIterRows(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("iterrows", a, kw); err != nil {
		return nil, err
	}
	f := d.eager
	out := make([]starlark.Value, f.Rows)
	for i := range out {
		r, err := rowOf(f, i)
		if err != nil {
			return nil, err
		}
		out[i] = starlark.Tuple{fromGo(labelAt(f.Index, i)), r}
	}
	return starlark.NewList(out), nil
}

func frameItems(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("items", a, kw); err != nil {
		return nil, err
	}
	var out []starlark.Value
	for _, c := range d.eager.Columns {
		col, err := d.Column(c.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, starlark.Tuple{starlark.String(c.Name), col})
	}
	return starlark.NewList(out), nil
}

func seriesItems(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("items", a, kw); err != nil {
		return nil, err
	}
	vals := ToValues(s.eager.Data)
	out := make([]starlark.Value, len(vals))
	for i, v := range vals {
		out[i] = starlark.Tuple{fromGo(labelAt(s.eager.Index, i)), v}
	}
	return starlark.NewList(out), nil
}

func seriesArg(largest bool) seriesMethod {
	return func(th *starlark.Thread, s *Series, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		name := "argmin"
		if largest {
			name = "argmax"
		}
		if err := starlark.UnpackArgs(name, a, kw); err != nil {
			return nil, err
		}
		f := &frame.Frame{Columns: []frame.Column{{Name: "v", Data: s.eager.Data}}, Rows: s.eager.Len()}
		r, err := f.NLargest(1, []string{"v"}, largest)
		if err != nil || r.Rows == 0 {
			return starlark.MakeInt(-1), err
		}
		// NLargest keeps the row's position as its RangeIndex label.
		return fromGo(labelAt(r.Index, 0)), nil
	}
}

// ---- comparing and summarizing (pandas) ----

func frameDuplicated(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var subset starlark.Value = starlark.None
	var keep starlark.Value = starlark.String("first")
	if err := starlark.UnpackArgs("duplicated", a, kw, "subset?", &subset, "keep?", &keep); err != nil {
		return nil, err
	}
	f := d.eager
	var names []string
	if subset != starlark.None {
		var err error
		if names, err = StringsArg("subset", subset); err != nil {
			return nil, err
		}
	}
	dup, err := frame.Duplicated(f, names, keepArg(keep))
	if err != nil {
		return nil, err
	}
	return &Series{eager: &frame.Series{Index: f.Index, Data: frame.Bools(dup)}}, nil
}

func keepArg(v starlark.Value) string {
	if v == starlark.False {
		return "none"
	}
	s, _ := starlark.AsString(v)
	return s
}

func frameEquals(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var other starlark.Value
	if err := starlark.UnpackArgs("equals", a, kw, "other", &other); err != nil {
		return nil, err
	}
	o, ok := other.(*DataFrame)
	if !ok || o.eager == nil {
		return starlark.False, nil
	}
	return starlark.Bool(frame.SameValues(d.eager, o.eager)), nil
}

func frameInfo(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("info", a, kw); err != nil {
		return nil, err
	}
	printOut(th, frame.Info(d.eager))
	return starlark.None, nil
}

func frameMemoryUsage(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	index := true
	if err := starlark.UnpackArgs("memory_usage", a, kw, "index?", &index); err != nil {
		return nil, err
	}
	names, sizes := frame.MemoryUsage(d.eager, index)
	return &Series{eager: &frame.Series{Index: []frame.Column{{Data: frame.Strings(names, nil)}}, Data: frame.Int64s(sizes)}}, nil
}

func frameIdx(how string) frameMethod {
	return func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackArgs(how, a, kw); err != nil {
			return nil, err
		}
		if d.lazy != nil {
			// Each partition's extremes, then the first overall, as Dask.
			p := map[string]any{"how": how, "columns": d.meta().Names()}
			return reduce(how, graph.NewStage("idx-chunk", p), graph.NewStage("idx-agg", p), d.lazy)
		}
		// Each column's own reduction, then one Series of the labels.
		var names []string
		var vals []starlark.Value
		for _, c := range d.meta().Columns {
			col, err := d.Column(c.Name)
			if err != nil {
				return nil, err
			}
			m, err := col.(*Series).Attr(how)
			if err != nil {
				return nil, err
			}
			v, err := starlark.Call(th, m, nil, nil)
			if err != nil {
				return nil, err
			}
			names, vals = append(names, c.Name), append(vals, v)
		}
		arr, err := arrayOf(vals, nil)
		if err != nil {
			return nil, err
		}
		return &Series{eager: &frame.Series{Index: []frame.Column{{Data: frame.Strings(names, nil)}}, Data: arr}}, nil
	}
}

func frameQuantile(how string) frameMethod {
	return func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		q := 0.5
		var numericOnly starlark.Value
		args := []any{"numeric_only?", &numericOnly}
		if how == "quantile" {
			args = append([]any{"q?", &q}, args...)
		}
		if err := starlark.UnpackArgs(how, a, kw, args...); err != nil {
			return nil, err
		}
		if d.lazy != nil {
			return nil, fmt.Errorf("NotImplementedError: DataFrame.%s of a Dask DataFrame: Dask's is approximate, Burst's not there yet", how)
		}
		var names []string
		var vals []float64
		for _, c := range d.eager.Columns {
			if t := c.DType(); t != frame.Int64 && t != frame.Float64 {
				if numericOnly == starlark.True {
					continue
				}
				return nil, fmt.Errorf("TypeError: could not convert string to float: '%s'", c.Name)
			}
			fl, err := frame.AsType(c.Data, frame.Float64)
			if err != nil {
				return nil, err
			}
			var v []float64
			for _, x := range ToValues(fl) {
				if f, ok := x.(starlark.Float); ok && !math.IsNaN(float64(f)) {
					v = append(v, float64(f))
				}
			}
			sort.Float64s(v)
			r := math.NaN()
			if len(v) > 0 {
				r = frame.Quantile(v, q)
			}
			names, vals = append(names, c.Name), append(vals, r)
		}
		name := ""
		if how == "quantile" {
			name = frame.PyFloat(q)
		}
		return &Series{eager: &frame.Series{Name: name, Index: []frame.Column{{Data: frame.Strings(names, nil)}}, Data: frame.Float64s(vals)}}, nil
	}
}

// printOut writes text and a newline to the cell's stdout, as print.
func printOut(th *starlark.Thread, text string) {
	if !session.Of(th).Emit(session.Output{Type: "stream", Name: "stdout", Text: text + "\n"}) && th.Print != nil {
		th.Print(th, text)
	}
}

// SetKey is df.at[label, col] = v, df.iat[i, j] = v and
// df.iloc[:, j] = v on a pandas frame: the column rebuilt with the value.
func (x *Indexer) SetKey(k, v starlark.Value) error {
	d, ok := x.of.(*DataFrame)
	t, isPair := k.(starlark.Tuple)
	if !ok || d.eager == nil || !isPair || len(t) != 2 {
		return fmt.Errorf("NotImplementedError: '%s[…] = value' is not supported here: Burst sets df.at[row, col] and df.iat[i, j] of a pandas DataFrame", x.kind)
	}
	return setCell(d, x.kind, t[0], t[1], v)
}

func setCell(d *DataFrame, kind string, row, col, v starlark.Value) error {
	f := d.eager
	var r, c int
	var many []int
	switch kind {
	case "at", "loc":
		rows, err := labelRows(f.Index, f.Rows, row)
		if kind == "loc" {
			rows, _, err = locRows(f.Index, f.Rows, row)
		}
		if err != nil || len(rows) == 0 || kind == "at" && len(rows) != 1 {
			return fmt.Errorf("NotImplementedError: '%s[%s, …] = value' needs existing row labels", kind, session.Repr(row))
		}
		many = rows
		name, ok := col.(starlark.String)
		if !ok {
			return fmt.Errorf("KeyError: %s", session.Repr(col))
		}
		c = -1
		for i, cc := range f.Columns {
			if cc.Name == string(name) {
				c = i
			}
		}
		if c < 0 {
			return fmt.Errorf("NotImplementedError: '%s[…, %s] = value' adds a column: use df[%s] = …", kind, session.Repr(col), session.Repr(col))
		}
		r = rows[0]
	default:
		ri, rs, err := positions(row, f.Rows, "rows")
		if err != nil || !rs {
			return fmt.Errorf("NotImplementedError: '%s[…] = value' of several cells of a DataFrame is not supported: Burst sets one row and one column", kind)
		}
		ci, cs, err := positions(col, len(f.Columns), "columns")
		if err != nil || !cs {
			return fmt.Errorf("NotImplementedError: '%s[…] = value' of several cells of a DataFrame is not supported: Burst sets one row and one column", kind)
		}
		r, c = ri[0], ci[0]
	}
	vals := ToValues(f.Columns[c].Data)
	vals[r] = v
	for _, i := range many {
		vals[i] = v
	}
	a, err := arrayOf(vals, nil)
	if err != nil {
		return err
	}
	cols := append([]frame.Column(nil), f.Columns...)
	cols[c] = frame.Column{Name: cols[c].Name, Data: a}
	d.eager = &frame.Frame{Index: f.Index, Columns: cols, Rows: f.Rows}
	return nil
}

// SetKey is df.loc[:, col] = v (a column) and df.loc[label, col] = v.
func (l *Loc) SetKey(k, v starlark.Value) error {
	d, ok := l.of.(*DataFrame)
	t, isPair := k.(starlark.Tuple)
	if !ok || !isPair || len(t) != 2 {
		return fmt.Errorf("NotImplementedError: 'loc[…] = value' is not supported here: Burst sets df.loc[:, col] and df.loc[label, col]")
	}
	if isAll(t[0]) {
		if _, ok := t[1].(starlark.String); ok {
			return d.SetKey(t[1], v)
		}
	}
	if d.eager == nil {
		return fmt.Errorf("NotImplementedError: 'loc[rows, col] = value' of a Dask DataFrame is not supported")
	}
	return setCell(d, "loc", t[0], t[1], v)
}

// columnOf is a list or array assigned to a column of f: a Series on f's
// index; nil when v is not a sequence.
func columnOf(f *frame.Frame, v starlark.Value) (*frame.Series, error) {
	if _, ok := v.(starlark.Iterable); !ok {
		return nil, nil
	}
	if _, ok := v.(starlark.String); ok {
		return nil, nil
	}
	vals, err := session.Values(v)
	if err != nil {
		return nil, nil
	}
	if len(vals) != f.Rows {
		return nil, fmt.Errorf("ValueError: Length of values (%d) does not match length of index (%d)", len(vals), f.Rows)
	}
	a, err := arrayOf(vals, nil)
	if err != nil {
		return nil, err
	}
	return &frame.Series{Index: f.Index, Data: a, IndexFreq: f.IndexFreq}, nil
}

// frameSortValuesFull is sort_values with the keywords around by and
// ascending: na_position, ignore_index, kind (every kind sorts alike
// here).
func frameSortValuesFull(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var by, ascending, kind, npartitions starlark.Value
	naPosition := "last"
	inplace, ignoreIndex := false, false
	if err := starlark.UnpackArgs("sort_values", a, kw, "by", &by, "ascending?", &ascending, "inplace?", &inplace, "kind?", &kind, "na_position?", &naPosition, "ignore_index?", &ignoreIndex, "npartitions?", &npartitions); err != nil {
		return nil, err
	}
	if naPosition != "last" && naPosition != "first" {
		return nil, fmt.Errorf("ValueError: invalid na_position: %s", naPosition)
	}
	pass := []starlark.Tuple{{starlark.String("by"), by}}
	if ascending != nil {
		pass = append(pass, starlark.Tuple{starlark.String("ascending"), ascending})
	}
	if d.lazy != nil && (naPosition != "last" || ignoreIndex || inplace) {
		return nil, fmt.Errorf("NotImplementedError: Burst's Dask sort_values takes by and ascending")
	}
	r, err := frameSortValues(th, d, nil, pass)
	if err != nil || d.lazy != nil {
		return r, err
	}
	f := r.(*DataFrame).eager
	if naPosition == "first" {
		names, _ := StringsArg("by", by)
		var miss, rest []int
		for i := 0; i < f.Rows; i++ {
			m := false
			for _, n := range names {
				if c, ok := f.Col(n); ok && frame.IsMissing(c.Data, i) {
					m = true
				}
			}
			if m {
				miss = append(miss, i)
			} else {
				rest = append(rest, i)
			}
		}
		f = f.TakeRows(append(miss, rest...))
	}
	if ignoreIndex {
		g := *f
		g.Index, g.IndexFreq = nil, ""
		f = &g
	}
	if inplace {
		d.eager = f
		return starlark.None, nil
	}
	return &DataFrame{eager: f}, nil
}

// frameCov is cov() and corr(): a tree of per-partition sums, exact.
func frameCov(corr bool) frameMethod {
	name := map[bool]string{true: "corr", false: "cov"}[corr]
	return func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		method := "pearson"
		var numericOnly, splitEvery starlark.Value
		spec := []any{"numeric_only?", &numericOnly, "split_every?", &splitEvery}
		if corr {
			spec = append([]any{"method?", &method}, spec...)
		}
		if err := starlark.UnpackArgs(name, a, kw, spec...); err != nil {
			return nil, err
		}
		if method != "pearson" {
			return nil, fmt.Errorf("NotImplementedError: %s(method=%q): Burst computes Pearson's", name, method)
		}
		p := map[string]any{"corr": corr}
		return reduce(name, graph.NewStage("cov-chunk", nil), graph.NewStage("cov-agg", p), d.value())
	}
}

// lazyLoc is Dask's loc[label] and loc[lo:hi]: the rows so labelled, kept
// by every partition (Burst does not use divisions to skip partitions).
func lazyLoc(c *dataframe.Collection, rows starlark.Value) (starlark.Value, error) {
	scalar := func(v starlark.Value) (*dataframe.Scalar, error) {
		if v == nil {
			return nil, nil
		}
		g, ok := GoScalar(v)
		if !ok || g == nil {
			return nil, fmt.Errorf("NotImplementedError: Dask's loc takes a label, a slice of labels or a boolean mask, not %s", session.TypeName(v))
		}
		return &dataframe.Scalar{V: g}, nil
	}
	var p struct {
		Lo *dataframe.Scalar `json:"lo,omitempty"`
		Hi *dataframe.Scalar `json:"hi,omitempty"`
	}
	var err error
	if lo, hi, step, ok := sliceParts(rows); ok {
		if step != nil {
			return nil, fmt.Errorf("NotImplementedError: loc with a slice step")
		}
		if p.Lo, err = scalar(lo); err != nil {
			return nil, err
		}
		if p.Hi, err = scalar(hi); err != nil {
			return nil, err
		}
	} else {
		if p.Lo, err = scalar(rows); err != nil {
			return nil, err
		}
		p.Hi = p.Lo
	}
	return apply("loc", "loc-rows", p, c)
}

// describeInclude is describe(include='object' or 'all'): count, unique,
// top and freq of the object columns, with the numeric summary for 'all'.
func describeInclude(f *frame.Frame, include starlark.Value) (starlark.Value, error) {
	all := include == starlark.String("all")
	if !all {
		set, err := dtypeSet(include)
		if err != nil {
			return nil, err
		}
		if len(set) != 1 || !set[frame.Object] {
			return nil, fmt.Errorf("NotImplementedError: describe(include=%s): Burst takes 'object' or 'all'", session.Repr(include))
		}
	}
	var num *frame.Frame
	if all {
		var err error
		if num, err = f.Describe(); err != nil {
			num = nil
		}
	}
	head := []string{"count", "unique", "top", "freq"}
	labels := head
	if num != nil {
		labels = append(head, "mean", "std", "min", "25%", "50%", "75%", "max")
	}
	out := &frame.Frame{Rows: len(labels), Index: []frame.Column{{Data: frame.Strings(labels, nil)}}}
	for _, c := range f.Columns {
		if c.DType() == frame.Object {
			g, err := frame.GroupRows(c.Data)
			if err != nil {
				return nil, err
			}
			counts := make([]int, g.N())
			for _, id := range g.IDs {
				if id >= 0 {
					counts[id]++
				}
			}
			top := -1 // the most frequent value; ties: the first seen
			for id, n := range counts {
				if top < 0 || n > counts[top] {
					top = id
				}
			}
			vals := make([]string, len(labels))
			valid := make([]bool, len(labels))
			count := 0
			for i := 0; i < c.Data.Len(); i++ {
				if !c.Data.IsNull(i) {
					count++
				}
			}
			vals[0], vals[1] = fmt.Sprint(count), fmt.Sprint(g.N())
			valid[0], valid[1] = true, true
			if top >= 0 {
				vals[2], vals[3] = fmt.Sprint(frame.ValueAt(g.Keys, top)), fmt.Sprint(counts[top])
				valid[2], valid[3] = true, true
			}
			out.Columns = append(out.Columns, frame.Column{Name: c.Name, Data: frame.Strings(vals, valid)})
			continue
		}
		if num == nil {
			continue
		}
		nc, ok := num.Col(c.Name)
		if !ok {
			continue
		}
		v := ToValues(nc.Data)
		vals := nanSlice(len(labels))
		vals[0], _ = starlark.AsFloat(v[0])
		for k := 1; k < len(v); k++ {
			vals[3+k], _ = starlark.AsFloat(v[k])
		}
		out.Columns = append(out.Columns, frame.Column{Name: c.Name, Data: frame.Float64s(vals)})
	}
	if len(out.Columns) == 0 {
		return nil, fmt.Errorf("ValueError: No objects to concatenate")
	}
	return &DataFrame{eager: out}, nil
}

// frameReindex is df.reindex(index=labels, columns=names): the rows and
// columns so labelled, missing ones NaN.
func frameReindex(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var labels, index, columns, axis, fill starlark.Value
	if err := starlark.UnpackArgs("reindex", a, kw, "labels?", &labels, "index?", &index, "columns?", &columns, "axis?", &axis, "fill_value?", &fill); err != nil {
		return nil, err
	}
	if labels != nil {
		if axis == starlark.MakeInt(1) || axis == starlark.String("columns") {
			columns = labels
		} else {
			index = labels
		}
	}
	if fill != nil && fill != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: reindex(fill_value=…): chain fillna")
	}
	f := d.eager
	out := &frame.Frame{Index: f.Index, Columns: f.Columns, Rows: f.Rows, IndexFreq: f.IndexFreq}
	if index != nil && index != starlark.None {
		vals, err := session.Values(index)
		if err != nil {
			return nil, err
		}
		pos := make([]int, len(vals))
		for i, v := range vals {
			pos[i] = -1
			if r, err := labelRows(f.Index, f.Rows, v); err == nil {
				pos[i] = r[0]
			}
		}
		idx, err := indexArg(index, -1)
		if err != nil {
			return nil, err
		}
		out = &frame.Frame{Index: idx, Rows: len(vals), IndexFreq: freqOf(index)}
		for _, c := range f.Columns {
			out.Columns = append(out.Columns, frame.Column{Name: c.Name, Data: frame.TakeNullable(c.Data, pos)})
		}
	}
	if columns != nil && columns != starlark.None {
		vals, err := session.Values(columns)
		if err != nil {
			return nil, err
		}
		var cols []frame.Column
		for _, v := range vals {
			name := session.Str(v)
			c, ok := out.Col(name)
			if !ok {
				c = frame.Column{Name: name, Data: frame.Float64s(nanSlice(out.Rows))}
			}
			cols = append(cols, c)
		}
		out = &frame.Frame{Index: out.Index, Columns: cols, Rows: out.Rows, IndexFreq: out.IndexFreq}
	}
	return &DataFrame{eager: out}, nil
}

// alignTo is s matched to f's rows by label, as assigning a Series to a
// column does in pandas: a label s lacks gives a missing value. A Series
// with f's very labels is s itself.
func alignTo(f *frame.Frame, s *frame.Series) *frame.Series {
	fi, si := f.IndexOrRange(), s.Frame().IndexOrRange()
	if s.Len() == f.Rows && (len(f.Index) == 0 && len(s.Index) == 0 || len(f.Index) == 1 && len(s.Index) == 1 && f.Index[0].Data == s.Index[0].Data) {
		return s
	}
	at := make(map[string]int, s.Len())
	for i := s.Len() - 1; i >= 0; i-- {
		at[fmt.Sprint(frame.ValueAt(si[0].Data, i))] = i
	}
	pos := make([]int, f.Rows)
	same := s.Len() == f.Rows
	for i := range pos {
		j, ok := at[fmt.Sprint(frame.ValueAt(fi[0].Data, i))]
		if !ok {
			j = -1
		}
		pos[i] = j
		same = same && j == i
	}
	if same {
		return &frame.Series{Name: s.Name, Index: f.Index, Data: s.Data, IndexFreq: f.IndexFreq}
	}
	return &frame.Series{Name: s.Name, Index: f.Index, Data: frame.TakeNullable(s.Data, pos), IndexFreq: f.IndexFreq}
}

// frameSample is df.sample(n= or frac=, random_state=): the rows numpy's
// RandomState(random_state).permutation puts first, as pandas draws them
// (choice without replacement). Dask samples each partition its own way:
// refused there.
func frameSample(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var n, frac, weights, randomState starlark.Value
	replace, ignoreIndex := false, false
	if err := starlark.UnpackArgs("sample", a, kw, "n?", &n, "frac?", &frac, "replace?", &replace, "weights?", &weights, "random_state?", &randomState, "ignore_index?", &ignoreIndex); err != nil {
		return nil, err
	}
	if d.lazy != nil {
		return nil, fmt.Errorf("NotImplementedError: Dask's sample draws per partition, which Burst does not copy")
	}
	if replace || (weights != nil && weights != starlark.None) {
		return nil, fmt.Errorf("NotImplementedError: sample(replace=True or weights=) is not supported")
	}
	f := d.eager
	size := 1
	switch {
	case n != nil && n != starlark.None && frac != nil && frac != starlark.None:
		return nil, fmt.Errorf("ValueError: Please enter a value for `frac` OR `n`, not both")
	case n != nil && n != starlark.None:
		k, err := starlark.AsInt32(n)
		if err != nil || k < 0 {
			return nil, fmt.Errorf("ValueError: Only non-negative integers accepted as `n` values")
		}
		size = k
	case frac != nil && frac != starlark.None:
		x, ok := starlark.AsFloat(frac)
		if !ok || x < 0 {
			return nil, fmt.Errorf("ValueError: A negative number of rows requested. Please provide `frac` >= 0.")
		}
		size = int(math.RoundToEven(x * float64(f.Rows)))
	}
	if size > f.Rows {
		return nil, fmt.Errorf("ValueError: Cannot take a larger sample than population when 'replace=False'")
	}
	var r *rng.RandomState
	switch s := randomState.(type) {
	case nil, starlark.NoneType:
		r = rng.NewFromEntropy()
	case starlark.Int:
		seed, ok := s.Int64()
		if !ok || rng.CheckSeed(seed) != nil {
			return nil, fmt.Errorf("ValueError: Seed must be between 0 and 2**32 - 1")
		}
		r = rng.New(uint32(seed))
	default:
		return nil, fmt.Errorf("NotImplementedError: sample(random_state=%s): pass an int seed", session.TypeName(randomState))
	}
	perm := r.Permutation(f.Rows)
	idx := make([]int, size)
	for i := range idx {
		idx[i] = int(perm[i])
	}
	out := f.TakeRows(idx)
	if ignoreIndex {
		out.Index = nil
	}
	return &DataFrame{eager: out}, nil
}

// withAxis gives a column reduction its axis keyword: axis=1 reduces each
// row instead (per partition in Dask).
func withAxis(how string, byColumn frameMethod) frameMethod {
	return func(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var rest []starlark.Tuple
		rows := false
		for _, x := range kw {
			if x[0] != starlark.String("axis") {
				rest = append(rest, x)
				continue
			}
			switch x[1] {
			case starlark.MakeInt(1), starlark.String("columns"):
				rows = true
			case starlark.MakeInt(0), starlark.String("index"), starlark.None:
			default:
				return nil, fmt.Errorf("ValueError: No axis named %s for object type DataFrame", session.Repr(x[1]))
			}
		}
		if !rows {
			return byColumn(th, d, a, rest)
		}
		for _, x := range rest {
			if x[0] != starlark.String("numeric_only") && x[0] != starlark.String("skipna") {
				return nil, fmt.Errorf("TypeError: %s(axis=1) got an unexpected keyword argument '%s'", how, x[0])
			}
		}
		if len(a) > 0 {
			return nil, fmt.Errorf("TypeError: %s(axis=1) takes keyword arguments", how)
		}
		return apply(how, "row-reduce", map[string]any{"how": how}, d.value())
	}
}
