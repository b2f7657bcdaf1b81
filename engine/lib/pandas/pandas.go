package pandas

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/lib/numpy"
	"burst/engine/session"
)

// DataFrame is a pandas DataFrame (eager) or a dask.dataframe DataFrame
// (lazy) in a cell; exactly one of the two is set. Every method is written
// once over engine values, so both behave alike except that lazy ones wait
// for compute().
type DataFrame struct {
	operators
	lazy  *dataframe.Collection
	eager *frame.Frame
}

// Series is a pandas or dask.dataframe Series in a cell.
type Series struct {
	operators
	lazy  *dataframe.Collection
	eager *frame.Series
}

// LazyScalar is dask's Scalar: a lazy single value, such as a reduction.
type LazyScalar struct {
	operators
	c *dataframe.Collection
}

var (
	_ starlark.HasAttrs        = (*DataFrame)(nil)
	_ starlark.HasSetKey       = (*DataFrame)(nil)
	_ starlark.HasBinary       = (*DataFrame)(nil)
	_ starlark.HasUnary        = (*DataFrame)(nil)
	_ starlark.Sequence        = (*DataFrame)(nil)
	_ starlark.HasAttrs        = (*Series)(nil)
	_ starlark.HasBinary       = (*Series)(nil)
	_ starlark.HasUnary        = (*Series)(nil)
	_ starlark.Mapping         = (*Series)(nil)
	_ starlark.HasBinary       = (*LazyScalar)(nil)
	_ starlark.HasAttrs        = (*LazyScalar)(nil)
	_ starlark.Comparable      = Timestamp{}
	_ starlark.HasAttrs        = Timestamp{}
	_ starlark.HasBinary       = Timedelta(0)
	_ starlark.IterableMapping = (*starlark.Dict)(nil)
)

// ---- DataFrame ----

func (d *DataFrame) value() any {
	if d.lazy != nil {
		return d.lazy
	}
	return d.eager
}

func (d *DataFrame) meta() *frame.Frame {
	if d.lazy != nil {
		return d.lazy.FrameMeta()
	}
	return d.eager
}

func (d *DataFrame) Type() string {
	if d.lazy != nil {
		return "dask.dataframe.DataFrame"
	}
	return "pandas.DataFrame"
}
func (d *DataFrame) Freeze() {}

// Truth refuses, as pandas and Dask do: if df: is ambiguous.
func (d *DataFrame) Truth() starlark.Bool { panic(ambiguous("DataFrame", d.lazy != nil)) }
func (d *DataFrame) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'DataFrame'")
}

func (d *DataFrame) String() string {
	if d.lazy != nil {
		return lazyFrameRepr(d.lazy)
	}
	return d.eager.String()
}

// HTML is the notebook representation.
func (d *DataFrame) HTML() string {
	if d.lazy != nil {
		return lazyFrameHTML(d.lazy)
	}
	return d.eager.HTML()
}

// Len is the rows of an eager frame; -1 (unknown) for a lazy one, which
// len() counts with PyLen.
func (d *DataFrame) Len() int {
	if d.eager != nil {
		return d.eager.Rows
	}
	return -1
}

// lengthOf returns the number of rows of c as a lazy scalar.
func lengthOf(c *dataframe.Collection) (*dataframe.Collection, error) {
	return dataframe.Reduce("len", graph.NewStage("len-chunk", nil), graph.NewStage("reduce-agg", map[string]any{"how": "sum", "series": true}), int64(0), c)
}

func lazyLen(th *starlark.Thread, c *dataframe.Collection) (int, error) {
	r, err := lengthOf(c)
	if err != nil {
		return 0, err
	}
	s := session.Of(th)
	v, err := r.Compute(s.Context(), s.Computer())
	if err != nil {
		return 0, err
	}
	n, _ := v.(int64)
	return int(n), nil
}

// Iterate yields the column names, as iterating a pandas DataFrame does.
func (d *DataFrame) Iterate() starlark.Iterator {
	return session.StringList(d.meta().Names()).Iterate()
}

// Binary implements arithmetic and logic operators.
func (d *DataFrame) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	return binaryToken(op, d, y, side)
}

// Unary implements -df and ~df.
func (d *DataFrame) Unary(op syntax.Token) (starlark.Value, error) { return UnaryToken(op, d) }

// Get implements df["col"], df[["a", "b"]] and df[mask].
func (d *DataFrame) Get(key starlark.Value) (starlark.Value, bool, error) {
	switch key := key.(type) {
	case starlark.String:
		v, err := d.Column(string(key))
		return v, err == nil, err
	case starlark.Tuple:
		// df[("DepDelay", "mean")] under MultiIndex columns.
		if parts, err := StringsArg("columns", key); err == nil && frame.ColumnLevels(d.meta()) == len(parts) {
			v, err := d.Column(frame.TupleName(parts...))
			return v, err == nil, err
		}
		return d.Get(starlark.NewList(key))
	case *starlark.List:
		names, err := StringsArg("columns", key)
		if err != nil {
			return nil, false, err
		}
		for _, n := range names {
			if _, ok := d.meta().Col(n); !ok {
				return nil, false, fmt.Errorf("KeyError: \"['%s'] not in index\"", n)
			}
		}
		v, err := apply("getitem", "getitem", map[string]any{"columns": names}, d.value())
		return v, err == nil, err
	case *Series:
		v, err := apply("getitem", "filter", nil, d.value(), key.value())
		return v, err == nil, err
	}
	if _, ok := key.(*DataFrame); ok {
		return nil, false, fmt.Errorf("NotImplementedError: indexing a DataFrame with a DataFrame (df[df > 0]) is not supported yet: use df.where(mask) or a column's mask")
	}
	return nil, false, fmt.Errorf("TypeError: cannot index a DataFrame with %s", session.TypeName(key))
}

// Column is df[name]: a column, or the columns under name at the top
// level of MultiIndex columns.
func (d *DataFrame) Column(name string) (starlark.Value, error) {
	if _, ok := d.meta().Col(name); !ok {
		if _, ok := frame.SelectLevel(d.meta(), name); ok {
			return apply("getitem", "getitem", map[string]any{"columns": []string{name}, "level": true}, d.value())
		}
		return nil, fmt.Errorf("KeyError: '%s'", name)
	}
	return apply("getitem", "getitem", map[string]any{"columns": []string{name}, "series": true}, d.value())
}

// SetKey implements df["col"] = value.
func (d *DataFrame) SetKey(k, v starlark.Value) error {
	name, ok := starlark.AsString(k)
	if !ok {
		return fmt.Errorf("NotImplementedError: df[%s] = value is not supported: Burst sets whole columns, df['name'] = value", session.TypeName(k))
	}
	r, err := d.Assign([]string{name}, []starlark.Value{v})
	if err != nil {
		return err
	}
	*d = *r
	return nil
}

// Assign is df.assign: a new frame with the columns names set to vals
// (Series or scalars).
func (d *DataFrame) Assign(names []string, vals []starlark.Value) (*DataFrame, error) {
	p := dataframe.AssignParams{Names: names}
	args := []any{d.value()}
	for _, v := range vals {
		if s, ok := v.(*Series); ok {
			p.Inputs = append(p.Inputs, true)
			p.Scalars = append(p.Scalars, dataframe.Scalar{})
			if d.eager != nil && s.eager != nil {
				// pandas matches a Series to the rows by label.
				args = append(args, alignTo(d.eager, s.eager))
				continue
			}
			args = append(args, s.value())
			continue
		}
		g, ok := GoScalar(v)
		if !ok && d.eager != nil {
			// A list or array of one value a row, in row order.
			if col, err := columnOf(d.eager, v); err != nil {
				return nil, err
			} else if col != nil {
				p.Inputs = append(p.Inputs, true)
				p.Scalars = append(p.Scalars, dataframe.Scalar{})
				args = append(args, col)
				continue
			}
		}
		if !ok {
			return nil, fmt.Errorf("TypeError: cannot assign a %s to a column", session.TypeName(v))
		}
		p.Inputs = append(p.Inputs, false)
		p.Scalars = append(p.Scalars, dataframe.Scalar{V: g})
	}
	r, err := apply("assign", "assign", p, args...)
	if err != nil {
		return nil, err
	}
	return r.(*DataFrame), nil
}

func (d *DataFrame) AttrNames() []string {
	names := append(frameMethods.names(), "columns", "dtypes", "index", "loc", "shape", "npartitions", "empty", "values")
	return append(names, d.meta().Names()...)
}

// Attr implements methods, properties, then columns as attributes.
func (d *DataFrame) Attr(name string) (starlark.Value, error) {
	if f, ok := frameMethods[name]; ok {
		if !available(name, d.lazy != nil) {
			return nil, fmt.Errorf("AttributeError: 'DataFrame' object has no attribute '%s'", name)
		}
		return starlark.NewBuiltin("DataFrame."+name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(thread, d, args, kwargs)
		}), nil
	}
	if v, ok, err := frameProperty(d, name); ok {
		return v, err
	}
	m := d.meta()
	switch name {
	case "plot", "hist":
		return plotAttr(name, nil, d)
	case "columns":
		if frame.ColumnLevels(m) > 1 {
			vals := make([]starlark.Value, len(m.Columns))
			for i, c := range m.Columns {
				vals[i] = stringTuple(frame.Levels(c.Name))
			}
			return &Index{values: vals, dtype: "object", multi: true}, nil
		}
		return &Index{values: fromEngineArray(frame.Strings(m.Names(), nil)), dtype: "object"}, nil
	case "dtypes":
		return &Series{eager: DTypesOf(m)}, nil
	case "npartitions":
		if d.lazy == nil {
			break
		}
		return starlark.MakeInt(d.lazy.NParts), nil
	case "loc":
		return &Loc{of: d}, nil
	case "_repr_html_":
		return starlark.NewBuiltin("DataFrame._repr_html_", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.String(d.HTML()), nil
		}), nil
	case "index":
		if d.lazy != nil {
			return lazyIndexOf(d.lazy)
		}
		x := indexOf(d.eager.Index, d.eager.Rows)
		x.freq = d.eager.IndexFreq
		return x, nil
	case "shape":
		if d.lazy != nil {
			// As Dask: the number of rows is lazy, the columns known.
			n, err := lengthOf(d.lazy)
			if err != nil {
				return nil, err
			}
			return starlark.Tuple{&LazyScalar{c: n}, starlark.MakeInt(len(m.Columns))}, nil
		}
		return starlark.Tuple{starlark.MakeInt(d.eager.Rows), starlark.MakeInt(len(m.Columns))}, nil
	case "empty":
		if d.lazy != nil {
			break
		}
		return starlark.Bool(d.eager.Rows == 0 || len(m.Columns) == 0), nil
	case "values", "to_numpy":
		if d.lazy != nil {
			return nil, fmt.Errorf("NotImplementedError: the values of a Dask DataFrame are a Dask Array, which Burst does not have yet: compute() the frame (or a part of it) first")
		}
		if name == "to_numpy" {
			return starlark.NewBuiltin("DataFrame.to_numpy", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
				a, err := frameNDArray(d.eager)
				if err != nil {
					return nil, err
				}
				return numpy.NewArray(a), nil
			}), nil
		}
		// A numeric frame's values are a numpy array; others stay lists.
		if v := frameValues(d.eager); v != nil {
			return v, nil
		}
		rows := make([]starlark.Value, d.eager.Rows)
		cols := make([][]starlark.Value, len(m.Columns))
		for i, c := range m.Columns {
			cols[i] = ToValues(c.Data)
		}
		for r := range rows {
			row := make([]starlark.Value, len(cols))
			for i := range cols {
				row[i] = cols[i][r]
			}
			rows[r] = starlark.NewList(row)
		}
		return starlark.NewList(rows), nil
	}
	if _, ok := m.Col(name); ok {
		return d.Column(name)
	}
	return nil, fmt.Errorf("AttributeError: 'DataFrame' object has no attribute '%s'", name)
}

// ---- Series ----

func (s *Series) value() any {
	if s.lazy != nil {
		return s.lazy
	}
	return s.eager
}

func (s *Series) meta() *frame.Series {
	if s.lazy != nil {
		return s.lazy.SeriesMeta()
	}
	return s.eager
}

func (s *Series) Type() string {
	if s.lazy != nil {
		return "dask.dataframe.Series"
	}
	return "pandas.Series"
}
func (s *Series) Freeze() {}

// Truth refuses, as pandas and Dask do: if s: is ambiguous.
func (s *Series) Truth() starlark.Bool { panic(ambiguous("Series", s.lazy != nil)) }

// ambiguous is the error of bool() of a frame or series (a PyPanic: Truth
// cannot return one), in pandas' words or Dask's.
func ambiguous(what string, lazy bool) session.PyPanic {
	if lazy {
		return session.PyPanic{Err: fmt.Errorf("ValueError: The truth value of a %s is ambiguous. Use a.any() or a.all().", what)}
	}
	return session.PyPanic{Err: fmt.Errorf("ValueError: The truth value of a %s is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().", what)}
}
func (s *Series) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'Series'")
}

func (s *Series) String() string {
	if s.lazy != nil {
		m := s.meta()
		dt := frame.DTypeOf(m.Data.DataType())
		return lazySeriesRepr("Series", s.lazy, m.Name, dt)
	}
	return s.eager.String()
}

// Len implements len(s).
func (s *Series) Len() int {
	if s.eager != nil {
		return s.eager.Len()
	}
	return -1
}

// Iterate yields the values.
func (s *Series) Iterate() starlark.Iterator {
	if s.eager == nil {
		return starlark.NewList(nil).Iterate()
	}
	return starlark.NewList(ToValues(s.eager.Data)).Iterate()
}

// Binary implements operators.
func (s *Series) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	return binaryToken(op, s, y, side)
}

// Unary implements -s and ~s.
func (s *Series) Unary(op syntax.Token) (starlark.Value, error) { return UnaryToken(op, s) }

// Get implements s[mask] and s[label].
func (s *Series) Get(key starlark.Value) (starlark.Value, bool, error) {
	if m, ok := key.(*Series); ok {
		v, err := apply("getitem", "filter", nil, s.value(), m.value())
		return v, err == nil, err
	}
	if s.eager == nil {
		return nil, false, fmt.Errorf("NotImplementedError: a Dask Series is indexed by masks only; compute() it first")
	}
	// A label of the index.
	labels := s.eager.Index
	want, ok := GoScalar(key)
	if !ok {
		return nil, false, fmt.Errorf("TypeError: cannot index a Series with %s", session.TypeName(key))
	}
	n := s.eager.Len()
	for i := 0; i < n; i++ {
		var l any = int64(i)
		if len(labels) > 0 {
			l = frame.ValueAt(labels[0].Data, i)
		}
		if l == want || fmt.Sprint(l) == fmt.Sprint(want) {
			if s.eager.Data.IsNull(i) && frame.DTypeOf(s.eager.Data.DataType()) == frame.Object {
				// A missing object is NaN, as read_csv and rows make it.
				return starlark.Float(math.NaN()), true, nil
			}
			return fromGo(frame.ValueAt(s.eager.Data, i)), true, nil
		}
	}
	return nil, false, fmt.Errorf("KeyError: %s", session.Repr(key))
}

func (s *Series) AttrNames() []string {
	return append(seriesMethods.names(), "dtype", "name", "npartitions", "dt", "str", "loc", "index", "values", "shape")
}

// Attr implements methods and properties.
func (s *Series) Attr(name string) (starlark.Value, error) {
	if f, ok := seriesMethods[name]; ok {
		if !available(name, s.lazy != nil) || s.lazy != nil && seriesEagerOnly[name] {
			return nil, fmt.Errorf("AttributeError: 'Series' object has no attribute '%s'", name)
		}
		return starlark.NewBuiltin("Series."+name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(thread, s, args, kwargs)
		}), nil
	}
	if v, ok, err := seriesProperty(s, name); ok {
		return v, err
	}
	m := s.meta()
	switch name {
	case "plot", "hist":
		return plotAttr(name, s, nil)
	case "name":
		if m.Name == "" {
			return starlark.None, nil
		}
		if levels := frame.Levels(m.Name); len(levels) > 1 {
			return stringTuple(levels), nil
		}
		return starlark.String(m.Name), nil
	case "dtype":
		return starlark.String(frame.DTypeOf(m.Data.DataType())), nil
	case "npartitions":
		if s.lazy != nil {
			return starlark.MakeInt(s.lazy.NParts), nil
		}
	case "dt":
		return &Accessor{s: s, kind: "dt"}, nil
	case "str":
		return &Accessor{s: s, kind: "str"}, nil
	case "loc":
		return &Loc{of: s}, nil
	case "index":
		if s.eager != nil {
			x := indexOf(s.eager.Index, s.eager.Len())
			x.freq = s.eager.IndexFreq
			return x, nil
		}
		return lazyIndexOf(s.lazy)
	case "values", "to_numpy":
		if s.eager != nil && name == "to_numpy" {
			return starlark.NewBuiltin("Series.to_numpy", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
				a, err := seriesArray(s.eager)
				if err != nil {
					return nil, err
				}
				return numpy.NewArray(a), nil
			}), nil
		}
		if s.eager != nil {
			// A numeric Series' values are a numpy array; others stay lists.
			if v := seriesValues(s.eager); v != nil {
				return v, nil
			}
			return starlark.NewList(ToValues(s.eager.Data)), nil
		}
		return nil, fmt.Errorf("NotImplementedError: the values of a Dask Series are a Dask Array, which Burst does not have yet: compute() the series first")
	case "shape":
		if s.eager != nil {
			return starlark.Tuple{starlark.MakeInt(s.eager.Len())}, nil
		}
		n, err := lengthOf(s.lazy)
		if err != nil {
			return nil, err
		}
		return starlark.Tuple{&LazyScalar{c: n}}, nil
	}
	return nil, fmt.Errorf("AttributeError: 'Series' object has no attribute '%s'", name)
}

// JSON is an eager series' data with full precision, for the page and
// tests.
func (s *Series) JSON() any {
	if s.eager == nil {
		return nil
	}
	var index [][]any
	names := []string{}
	for _, c := range s.eager.Index {
		index = append(index, jsonValues(c.Data))
		names = append(names, c.Name)
	}
	return map[string]any{"name": s.eager.Name, "index_names": names, "index": index, "values": jsonValues(s.eager.Data), "dtype": string(frame.DTypeOf(s.eager.Data.DataType()))}
}

// ---- LazyScalar ----

func (l *LazyScalar) String() string {
	return fmt.Sprintf("dd.Scalar<%s, dtype=%s>", graph.PartKey(l.c.Name, 0).Prefix(), scalarDType(l.c.Meta))
}
func (l *LazyScalar) Type() string         { return "dask.dataframe.Scalar" }
func (l *LazyScalar) Freeze()              {}
func (l *LazyScalar) Truth() starlark.Bool { return true }
func (l *LazyScalar) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'Scalar'")
}
func (l *LazyScalar) AttrNames() []string { return []string{"compute", "persist", "visualize", "dask"} }

// Binary implements arithmetic with other scalars and collections.
func (l *LazyScalar) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	return binaryToken(op, l, y, side)
}

// Attr implements compute, persist and visualize.
func (l *LazyScalar) Attr(name string) (starlark.Value, error) {
	switch name {
	case "compute", "persist", "visualize":
		return starlark.NewBuiltin("Scalar."+name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return collectionMethod(thread, name, l.c, args, kwargs)
		}), nil
	}
	return nil, fmt.Errorf("AttributeError: 'Scalar' object has no attribute '%s'", name)
}

func scalarDType(v any) string {
	switch v.(type) {
	case float64:
		return "float64"
	case int64:
		return "int64"
	case bool:
		return "bool"
	case string:
		return "object"
	}
	return "float64"
}

// collectionMethod implements compute, persist and visualize of any lazy
// collection.
func collectionMethod(thread *starlark.Thread, name string, c *dataframe.Collection, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s := session.Of(thread)
	switch name {
	case "compute":
		v, err := c.Compute(s.Context(), s.Computer())
		if err != nil {
			return nil, err
		}
		return FromEngine(v), nil
	case "persist":
		// With a Client, the partitions stay on its workers.
		out, err := s.Compute(thread, starlark.Tuple{FromEngine(c)}, true)
		if err != nil {
			return nil, err
		}
		return out[0], nil
	case "visualize":
		return visualize([]*dataframe.Collection{c}), nil
	}
	return nil, fmt.Errorf("AttributeError: %s", name)
}

// ---- Index ----

// Index is a pandas Index: column names, or a frame's row labels.
type Index struct {
	multi   bool // a MultiIndex: values are tuples
	values  []starlark.Value
	dtype   string
	name    string
	rangeN  int // >= 0: a RangeIndex of this length
	isRange bool
	freq    string // a DatetimeIndex's freq ("D"), as date_range made it
}

func indexOf(cols []frame.Column, n int) *Index {
	if len(cols) == 0 {
		vals := make([]starlark.Value, n)
		for i := range vals {
			vals[i] = starlark.MakeInt(i)
		}
		return &Index{values: vals, dtype: "int64", rangeN: n, isRange: true}
	}
	c := cols[0]
	return &Index{values: ToValues(c.Data), dtype: string(c.DType()), name: c.Name}
}

func fromEngineArray(a frameArray) []starlark.Value { return ToValues(a) }

func (x *Index) String() string {
	if x.multi {
		return multiIndexRepr(x.values)
	}
	if x.isRange {
		return fmt.Sprintf("RangeIndex(start=0, stop=%d, step=1)", x.rangeN)
	}
	kind := "Index"
	format := session.Repr
	justify := true
	switch x.dtype {
	case "int64":
		kind = "Int64Index"
	case "float64":
		kind = "Float64Index"
	case "datetime64[ns]":
		kind = "DatetimeIndex"
		format = dateRepr(x.values)
	case "object":
		justify = false
		for _, v := range x.values {
			if _, ok := v.(starlark.String); !ok {
				justify = true
			}
		}
	}
	items := make([]string, len(x.values))
	for i, v := range x.values {
		items[i] = format(v)
	}
	attrs := []string{fmt.Sprintf("dtype='%s'", x.dtype)}
	if x.name != "" {
		attrs = append(attrs, fmt.Sprintf("name='%s'", x.name))
	}
	if len(items) > maxSeqItems {
		attrs = append(attrs, fmt.Sprintf("length=%d", len(items)))
	}
	if kind == "DatetimeIndex" {
		attrs = append(attrs, freqAttr(x.freq))
	}
	return kind + "(" + objectSummary(kind, items, justify) + strings.Join(attrs, ", ") + ")"
}

// dateRepr formats datetimes as a DatetimeIndex shows them: quoted, and
// without the time when every value is at midnight.
func dateRepr(vs []starlark.Value) func(starlark.Value) string {
	layout := "2006-01-02"
	for _, v := range vs {
		if t, ok := v.(Timestamp); ok && time.Time(t).UTC().Truncate(24*time.Hour) != time.Time(t).UTC() {
			layout = "2006-01-02 15:04:05"
			break
		}
	}
	return func(v starlark.Value) string {
		if t, ok := v.(Timestamp); ok {
			return "'" + time.Time(t).UTC().Format(layout) + "'"
		}
		return session.Repr(v)
	}
}

// maxSeqItems is pandas' display.max_seq_items.
const maxSeqItems = 100

// objectSummary lays out an index's values as pandas 1.5's
// format_object_summary does for an 80-column display: wrapped lines
// indented past "Name([", the first and last ten of long indexes around
// "...", and numbers right-aligned to a common width.
func objectSummary(name string, items []string, justify bool) string {
	const width = 80
	space1 := "\n" + strings.Repeat(" ", len(name)+1)
	space2 := "\n" + strings.Repeat(" ", len(name)+2)
	n := len(items)
	switch n {
	case 0:
		return "[], "
	case 1:
		return "[" + items[0] + "], "
	case 2:
		return "[" + items[0] + ", " + items[1] + "], "
	}
	truncated := n > maxSeqItems
	var head, tail []string
	if truncated {
		head, tail = slices.Clone(items[:10]), slices.Clone(items[n-10:])
	} else {
		tail = slices.Clone(items)
	}
	if justify && (truncated || !(len(strings.Join(head, ", ")) < width && len(strings.Join(tail, ", ")) < width)) {
		w := 0
		for _, x := range append(slices.Clone(head), tail...) {
			w = max(w, utf8.RuneCountInString(x))
		}
		for _, xs := range [][]string{head, tail} {
			for i, x := range xs {
				xs[i] = strings.Repeat(" ", w-utf8.RuneCountInString(x)) + x
			}
		}
	}
	rstrip := func(s string) string { return strings.TrimRight(s, " \t\n") }
	extend := func(s, line, value string, w int) (string, string) {
		if utf8.RuneCountInString(rstrip(line))+utf8.RuneCountInString(rstrip(value)) >= w {
			s += rstrip(line)
			line = space2
		}
		return s, line + value
	}
	summary, line := "", space2
	for _, x := range head {
		summary, line = extend(summary, line, x+", ", width)
	}
	if truncated {
		summary += rstrip(line) + space2 + "..."
		line = space2
	}
	for _, x := range tail[:len(tail)-1] {
		summary, line = extend(summary, line, x+", ", width)
	}
	summary, line = extend(summary, line, tail[len(tail)-1], width-2)
	summary += line + "],"
	if utf8.RuneCountInString(summary) > width {
		summary += space1
	} else {
		summary += " "
	}
	return "[" + summary[len(space2):]
}

func (x *Index) Type() string          { return "Index" }
func (x *Index) Freeze()               {}
func (x *Index) Truth() starlark.Bool  { return len(x.values) > 0 }
func (x *Index) Hash() (uint32, error) { return 0, fmt.Errorf("TypeError: unhashable type: 'Index'") }
func (x *Index) Len() int              { return len(x.values) }
func (x *Index) Index(i int) starlark.Value {
	return x.values[i]
}
func (x *Index) Iterate() starlark.Iterator { return starlark.NewList(x.values).Iterate() }
func (x *Index) AttrNames() []string        { return []string{"dtype", "name", "tolist", "to_list"} }
func (x *Index) Attr(name string) (starlark.Value, error) {
	switch name {
	case "tolist", "to_list":
		return starlark.NewBuiltin("Index."+name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.NewList(append([]starlark.Value(nil), x.values...)), nil
		}), nil
	case "dtype":
		return starlark.String(x.dtype), nil
	case "name":
		if x.name == "" {
			return starlark.None, nil
		}
		return starlark.String(x.name), nil
	}
	return indexAttr(x, name)
}

// ---- .loc ----

// Loc is df.loc / s.loc: rows by mask, columns by name.
type Loc struct {
	session.Unhashable
	of starlark.Value
}

func (l *Loc) String() string { return "<pandas.core.indexing._LocIndexer>" }
func (l *Loc) Type() string   { return "_LocIndexer" }

// Get implements .loc[rows] and .loc[rows, cols].
func (l *Loc) Get(key starlark.Value) (starlark.Value, bool, error) {
	if t, ok := key.(starlark.Tuple); ok && len(t) == 2 {
		return locGet(l.of, t[0], t[1], false)
	}
	return locGet(l.of, key, nil, false)
}

// ---- .dt and .str ----

// Accessor is s.dt or s.str.
type Accessor struct {
	session.Unhashable
	s    *Series
	kind string
}

func (a *Accessor) String() string { return fmt.Sprintf("<pandas.core.accessor.%s>", a.kind) }
func (a *Accessor) Type() string   { return a.kind + "accessor" }
func (a *Accessor) AttrNames() []string {
	var out []string
	src := frame.DTFields
	if a.kind == "str" {
		src = frame.StrMethods
	}
	for n := range src {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Attr implements .dt.FIELD (a property) and .str.METHOD(...).
func (a *Accessor) Attr(name string) (starlark.Value, error) {
	if v, ok, err := a.more(name); ok {
		return v, err
	}
	if a.kind == "dt" {
		if !frame.DTFields[name] {
			return nil, fmt.Errorf("AttributeError: 'DatetimeProperties' object has no attribute '%s'", name)
		}
		return apply("dt-"+name, "unary", map[string]any{"fn": "dt." + name}, a.s.value())
	}
	if !frame.StrMethods[name] {
		return nil, fmt.Errorf("AttributeError: 'StringMethods' object has no attribute '%s'", name)
	}
	return starlark.NewBuiltin("str."+name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var vals []any
		for _, x := range args {
			g, ok := GoScalar(x)
			if !ok {
				return nil, fmt.Errorf("TypeError: str.%s() argument must be a string or number, not %s", name, session.TypeName(x))
			}
			vals = append(vals, g)
		}
		// contains(pat, regex, na, case), startswith(pat, na) and
		// endswith(pat, na) by position; missing ones are nil.
		set := func(i int, v any) {
			for len(vals) <= i {
				vals = append(vals, nil)
			}
			vals[i] = v
		}
		for _, kv := range kwargs {
			g, _ := GoScalar(kv[1])
			if kv[1] == starlark.None {
				g = nil
			}
			switch key := string(kv[0].(starlark.String)); {
			case key == "regex" && name == "contains":
				set(1, g)
			case key == "na" && name == "contains":
				set(2, g)
			case key == "case" && name == "contains":
				set(3, g)
			case key == "na" && (name == "startswith" || name == "endswith"):
				set(1, g)
			case key == "start" || key == "stop" || key == "pat":
				g, _ := GoScalar(kv[1])
				switch string(kv[0].(starlark.String)) {
				case "start", "pat":
					for len(vals) < 1 {
						vals = append(vals, nil)
					}
					vals[0] = g
				case "stop":
					for len(vals) < 2 {
						vals = append(vals, nil)
					}
					vals[1] = g
				}
			default:
				return nil, fmt.Errorf("TypeError: str.%s() got an unexpected keyword argument '%s'", name, kv[0])
			}
		}
		if name == "contains" && len(vals) > 1 && vals[0] == nil {
			return nil, fmt.Errorf("TypeError: str.contains() missing 1 required positional argument: 'pat'")
		}
		return apply("str-"+name, "unary", map[string]any{"fn": "str." + name, "args": dataframe.Scalars(vals)}, a.s.value())
	}), nil
}

func stringTuple(ss []string) starlark.Tuple {
	t := make(starlark.Tuple, len(ss))
	for i, s := range ss {
		t[i] = starlark.String(s)
	}
	return t
}

// multiIndexRepr prints a MultiIndex of tuples as pandas 1.5 does: one
// tuple per line, each level's labels right-aligned.
func multiIndexRepr(vals []starlark.Value) string {
	var w []int
	for _, v := range vals {
		for l, x := range v.(starlark.Tuple) {
			if l >= len(w) {
				w = append(w, 0)
			}
			w[l] = max(w[l], utf8.RuneCountInString(session.Repr(x)))
		}
	}
	lines := make([]string, len(vals))
	for i, v := range vals {
		parts := make([]string, len(v.(starlark.Tuple)))
		for l, x := range v.(starlark.Tuple) {
			r := session.Repr(x)
			parts[l] = strings.Repeat(" ", w[l]-utf8.RuneCountInString(r)) + r
		}
		lines[i] = "(" + strings.Join(parts, ", ") + ")"
	}
	return "MultiIndex([" + strings.Join(lines, ",\n            ") + "],\n           )"
}

// DataFrame, Series and LazyScalar are collections (session.Collection)
// when lazy.

func (d *DataFrame) DaskGraph() graph.Graph { return lazyGraph(d.lazy) }
func (d *DataFrame) DaskKeys() []graph.Key  { return d.lazy.Keys() }
func (d *DataFrame) PostCompute(p []graph.Value) (starlark.Value, error) {
	return lazyCompute(d.lazy, p)
}
func (d *DataFrame) PostPersist(p []graph.Value) (starlark.Value, error) {
	return FromEngine(d.lazy.Persisted(p)), nil
}
func (d *DataFrame) Held(keep any) starlark.Value { return lazyHeld(d.lazy, keep) }

func (s *Series) DaskGraph() graph.Graph                              { return lazyGraph(s.lazy) }
func (s *Series) DaskKeys() []graph.Key                               { return s.lazy.Keys() }
func (s *Series) PostCompute(p []graph.Value) (starlark.Value, error) { return lazyCompute(s.lazy, p) }
func (s *Series) PostPersist(p []graph.Value) (starlark.Value, error) {
	return FromEngine(s.lazy.Persisted(p)), nil
}
func (s *Series) Held(keep any) starlark.Value { return lazyHeld(s.lazy, keep) }

func (l *LazyScalar) DaskGraph() graph.Graph                              { return lazyGraph(l.c) }
func (l *LazyScalar) DaskKeys() []graph.Key                               { return l.c.Keys() }
func (l *LazyScalar) PostCompute(p []graph.Value) (starlark.Value, error) { return lazyCompute(l.c, p) }
func (l *LazyScalar) PostPersist(p []graph.Value) (starlark.Value, error) {
	return FromEngine(l.c.Persisted(p)), nil
}
func (l *LazyScalar) Held(keep any) starlark.Value { return lazyHeld(l.c, keep) }

func lazyGraph(c *dataframe.Collection) graph.Graph {
	if c == nil {
		return nil
	}
	return c.Graph
}

// lazyCompute puts computed partitions together, as pandas values.
func lazyCompute(c *dataframe.Collection, parts []graph.Value) (starlark.Value, error) {
	r, err := dataframe.Combine(c.Meta, parts)
	if err != nil {
		return nil, err
	}
	return FromEngine(r), nil
}

// lazyHeld is c again, holding keep while it lives.
func lazyHeld(c *dataframe.Collection, keep any) starlark.Value {
	p := *c
	p.Hold = keep
	return FromEngine(&p)
}
