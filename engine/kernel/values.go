package kernel

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"go.starlark.net/starlark"

	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/graph"
)

// kernelOf returns the kernel running thread.
func kernelOf(thread *starlark.Thread) *Kernel {
	k, _ := thread.Local("kernel").(*Kernel)
	return k
}

// methods is a set of named builtins bound to a receiver.
type methods map[string]func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

func (m methods) attr(recvType, name string) (starlark.Value, bool) {
	f, ok := m[name]
	if !ok {
		return nil, false
	}
	return starlark.NewBuiltin(recvType+"."+name, f), true
}

func (m methods) names() []string {
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// noArgs checks that a method was called without arguments.
func noArgs(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
	return starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
}

// ---- lazy DataFrame ----

// LazyFrame is a dask.dataframe DataFrame in a cell.
type LazyFrame struct{ d *dataframe.DataFrame }

var (
	_ starlark.HasAttrs = (*LazyFrame)(nil)
	_ starlark.Mapping  = (*LazyFrame)(nil)
)

func (f *LazyFrame) Type() string         { return "dask.dataframe.DataFrame" }
func (f *LazyFrame) Freeze()              {}
func (f *LazyFrame) Truth() starlark.Bool { return true }
func (f *LazyFrame) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'DataFrame'")
}

func (f *LazyFrame) methods() methods {
	return methods{
		"groupby": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var by string
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &by); err != nil {
				return nil, err
			}
			g, err := f.d.GroupBy(by)
			if err != nil {
				return nil, err
			}
			return &LazyGroupBy{g}, nil
		},
		"head": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			n := 5
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "n?", &n); err != nil {
				return nil, err
			}
			k := kernelOf(thread)
			res, err := f.d.Head(k.ctx, k.computer(), n)
			if err != nil {
				return nil, err
			}
			return &EagerFrame{res}, nil
		},
		"compute": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := noArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			k := kernelOf(thread)
			res, err := f.d.Compute(k.ctx, k.computer())
			if err != nil {
				return nil, err
			}
			return &EagerFrame{res}, nil
		},
	}
}

// Attr implements starlark.HasAttrs: methods, properties, then columns.
func (f *LazyFrame) Attr(name string) (starlark.Value, error) {
	if m, ok := f.methods().attr("DataFrame", name); ok {
		return m, nil
	}
	switch name {
	case "columns":
		return stringList(f.d.Meta.Names()), nil
	case "npartitions":
		return starlark.MakeInt(f.d.NParts), nil
	case "dtypes":
		return dtypesSeries(f.d.Meta), nil
	}
	if f.d.HasColumn(name) {
		s, err := f.d.Column(name)
		if err != nil {
			return nil, err
		}
		return &LazySeries{s}, nil
	}
	return nil, fmt.Errorf("AttributeError: 'DataFrame' object has no attribute '%s'", name)
}

// AttrNames implements starlark.HasAttrs.
func (f *LazyFrame) AttrNames() []string {
	return append(f.methods().names(), "columns", "dtypes", "npartitions")
}

// Get implements df["col"].
func (f *LazyFrame) Get(key starlark.Value) (starlark.Value, bool, error) {
	name, ok := starlark.AsString(key)
	if !ok {
		return nil, false, fmt.Errorf("TypeError: DataFrame indices must be column names, not %s", key.Type())
	}
	s, err := f.d.Column(name)
	if err != nil {
		return nil, false, err
	}
	return &LazySeries{s}, true, nil
}

// String is Dask's repr of a DataFrame: its structure, not its data.
func (f *LazyFrame) String() string {
	m := f.d.Meta
	names := m.Names()
	w := make([]int, len(names))
	for i, c := range m.Columns {
		w[i] = max(len(c.Name), len(string(c.DType())))
	}
	label := fmt.Sprintf("npartitions=%d", f.d.NParts)
	var b strings.Builder
	b.WriteString("Dask DataFrame Structure:\n")
	row := func(first string, cell func(i int) string) {
		b.WriteString(fmt.Sprintf("%-*s", len(label), first))
		for i := range names {
			b.WriteString("  " + fmt.Sprintf("%*s", w[i], cell(i)))
		}
		b.WriteString("\n")
	}
	row("", func(i int) string { return names[i] })
	row(label, func(i int) string { return "" })
	row("", func(i int) string { return string(m.Columns[i].DType()) })
	row("", func(i int) string { return "..." })
	fmt.Fprintf(&b, "Dask Name: %s, %s", graph.PartKey(f.d.Name, 0).Prefix(), layers(f.d.Graph))
	return b.String()
}

// HTML is Dask's notebook repr of a DataFrame.
func (f *LazyFrame) HTML() string {
	var b strings.Builder
	b.WriteString("<div><strong>Dask DataFrame Structure:</strong></div>\n<table border=\"1\" class=\"dataframe\">\n  <thead>\n    <tr style=\"text-align: right;\">\n      <th></th>\n")
	for _, c := range f.d.Meta.Columns {
		fmt.Fprintf(&b, "      <th>%s</th>\n", html.EscapeString(c.Name))
	}
	fmt.Fprintf(&b, "    </tr>\n    <tr>\n      <th>npartitions=%d</th>\n", f.d.NParts)
	for range f.d.Meta.Columns {
		b.WriteString("      <th></th>\n")
	}
	b.WriteString("    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <th></th>\n")
	for _, c := range f.d.Meta.Columns {
		fmt.Fprintf(&b, "      <td>%s</td>\n", c.DType())
	}
	b.WriteString("    </tr>\n    <tr>\n      <th></th>\n")
	for range f.d.Meta.Columns {
		b.WriteString("      <td>...</td>\n")
	}
	fmt.Fprintf(&b, "    </tr>\n  </tbody>\n</table>\n<div>Dask Name: %s, %s</div>", html.EscapeString(graph.PartKey(f.d.Name, 0).Prefix()), layers(f.d.Graph))
	return b.String()
}

// layers describes a graph as Dask does: how many collections (layers)
// built it.
func layers(g graph.Graph) string {
	names := map[string]bool{}
	for k := range g {
		s := string(k)
		if i := strings.LastIndex(s, "', "); i > 0 {
			s = s[:i]
		}
		names[s] = true
	}
	if len(names) == 1 {
		return "1 graph layer"
	}
	return fmt.Sprintf("%d graph layers", len(names))
}

// ---- lazy Series, group-bys ----

// LazySeries is a dask.dataframe Series in a cell.
type LazySeries struct{ s *dataframe.Series }

var _ starlark.HasAttrs = (*LazySeries)(nil)

func (s *LazySeries) Type() string         { return "dask.dataframe.Series" }
func (s *LazySeries) Freeze()              {}
func (s *LazySeries) Truth() starlark.Bool { return true }
func (s *LazySeries) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'Series'")
}

func (s *LazySeries) String() string {
	return fmt.Sprintf("Dask Series Structure:\nnpartitions=%d\n    %s\n    ...\nName: %s, dtype: %s\nDask Name: %s, %s",
		s.s.NParts, frame.DTypeOf(s.s.Meta.Data.DataType()), s.s.Meta.Name, frame.DTypeOf(s.s.Meta.Data.DataType()), graph.PartKey(s.s.Name, 0).Prefix(), layers(s.s.Graph))
}

func (s *LazySeries) methods() methods {
	return methods{
		"compute": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := noArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			k := kernelOf(thread)
			res, err := s.s.Compute(k.ctx, k.computer())
			if err != nil {
				return nil, err
			}
			return &EagerSeries{res}, nil
		},
	}
}

func (s *LazySeries) Attr(name string) (starlark.Value, error) {
	if m, ok := s.methods().attr("Series", name); ok {
		return m, nil
	}
	switch name {
	case "name":
		return starlark.String(s.s.Meta.Name), nil
	case "npartitions":
		return starlark.MakeInt(s.s.NParts), nil
	case "dtype":
		return starlark.String(frame.DTypeOf(s.s.Meta.Data.DataType())), nil
	}
	return nil, fmt.Errorf("AttributeError: 'Series' object has no attribute '%s'", name)
}

func (s *LazySeries) AttrNames() []string {
	return append(s.methods().names(), "dtype", "name", "npartitions")
}

// LazyGroupBy is df.groupby(key).
type LazyGroupBy struct{ g *dataframe.GroupBy }

var (
	_ starlark.HasAttrs = (*LazyGroupBy)(nil)
	_ starlark.Mapping  = (*LazyGroupBy)(nil)
)

func (g *LazyGroupBy) String() string        { return "<dask.dataframe.groupby.DataFrameGroupBy>" }
func (g *LazyGroupBy) Type() string          { return "DataFrameGroupBy" }
func (g *LazyGroupBy) Freeze()               {}
func (g *LazyGroupBy) Truth() starlark.Bool  { return true }
func (g *LazyGroupBy) Hash() (uint32, error) { return 0, fmt.Errorf("TypeError: unhashable type") }
func (g *LazyGroupBy) AttrNames() []string   { return nil }

func (g *LazyGroupBy) Attr(name string) (starlark.Value, error) {
	c, err := g.g.Column(name)
	if err != nil {
		return nil, fmt.Errorf("AttributeError: 'DataFrameGroupBy' object has no attribute '%s'", name)
	}
	return &LazySeriesGroupBy{c}, nil
}

func (g *LazyGroupBy) Get(key starlark.Value) (starlark.Value, bool, error) {
	name, ok := starlark.AsString(key)
	if !ok {
		return nil, false, fmt.Errorf("TypeError: select group-by columns by name")
	}
	c, err := g.g.Column(name)
	if err != nil {
		return nil, false, err
	}
	return &LazySeriesGroupBy{c}, true, nil
}

// LazySeriesGroupBy is df.groupby(key).col.
type LazySeriesGroupBy struct{ s *dataframe.SeriesGroupBy }

var _ starlark.HasAttrs = (*LazySeriesGroupBy)(nil)

func (s *LazySeriesGroupBy) String() string       { return "<dask.dataframe.groupby.SeriesGroupBy>" }
func (s *LazySeriesGroupBy) Type() string         { return "SeriesGroupBy" }
func (s *LazySeriesGroupBy) Freeze()              {}
func (s *LazySeriesGroupBy) Truth() starlark.Bool { return true }
func (s *LazySeriesGroupBy) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type")
}
func (s *LazySeriesGroupBy) AttrNames() []string { return []string{"mean"} }

func (s *LazySeriesGroupBy) Attr(name string) (starlark.Value, error) {
	if name == "mean" {
		return starlark.NewBuiltin("SeriesGroupBy.mean", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := noArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			return &LazySeries{s.s.Mean()}, nil
		}), nil
	}
	return nil, fmt.Errorf("AttributeError: 'SeriesGroupBy' object has no attribute '%s'", name)
}

// ---- eager pandas objects ----

// EagerFrame is a pandas DataFrame in a cell.
type EagerFrame struct{ f *frame.Frame }

func (f *EagerFrame) String() string       { return f.f.String() }
func (f *EagerFrame) HTML() string         { return f.f.HTML() }
func (f *EagerFrame) Type() string         { return "pandas.DataFrame" }
func (f *EagerFrame) Freeze()              {}
func (f *EagerFrame) Truth() starlark.Bool { return f.f.Rows > 0 }
func (f *EagerFrame) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'DataFrame'")
}

// Len implements len(df).
func (f *EagerFrame) Len() int { return f.f.Rows }

// Iterate is required by starlark.Sequence; it yields column names as pandas.
func (f *EagerFrame) Iterate() starlark.Iterator { return stringList(f.f.Names()).Iterate() }

// EagerSeries is a pandas Series in a cell.
type EagerSeries struct{ s *frame.Series }

var _ starlark.HasAttrs = (*EagerSeries)(nil)

func (s *EagerSeries) String() string       { return s.s.String() }
func (s *EagerSeries) Type() string         { return "pandas.Series" }
func (s *EagerSeries) Freeze()              {}
func (s *EagerSeries) Truth() starlark.Bool { return s.s.Len() > 0 }
func (s *EagerSeries) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'Series'")
}
func (s *EagerSeries) Len() int            { return s.s.Len() }
func (s *EagerSeries) AttrNames() []string { return []string{"dtype", "name", "to_dict", "tolist"} }

func (s *EagerSeries) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(s.s.Name), nil
	case "dtype":
		return starlark.String(frame.DTypeOf(s.s.Data.DataType())), nil
	case "tolist", "to_list":
		return starlark.NewBuiltin("Series."+name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := noArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			return starlark.NewList(toValues(s.s.Data)), nil
		}), nil
	case "to_dict":
		return starlark.NewBuiltin("Series.to_dict", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := noArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			d := starlark.NewDict(s.s.Len())
			var keys []starlark.Value
			if len(s.s.Index) > 0 {
				keys = toValues(s.s.Index[0].Data)
			} else {
				for i := 0; i < s.s.Len(); i++ {
					keys = append(keys, starlark.MakeInt(i))
				}
			}
			for i, v := range toValues(s.s.Data) {
				if err := d.SetKey(keys[i], v); err != nil {
					return nil, err
				}
			}
			return d, nil
		}), nil
	}
	return nil, fmt.Errorf("AttributeError: 'Series' object has no attribute '%s'", name)
}

// JSON is the series' data with full precision, for the page and tests.
func (s *EagerSeries) JSON() any {
	var index [][]any
	for _, c := range s.s.Index {
		index = append(index, jsonValues(c.Data))
	}
	names := []string{}
	for _, c := range s.s.Index {
		names = append(names, c.Name)
	}
	return map[string]any{"name": s.s.Name, "index_names": names, "index": index, "values": jsonValues(s.s.Data), "dtype": string(frame.DTypeOf(s.s.Data.DataType()))}
}

// toValues converts an Arrow array to Starlark values.
func toValues(a arrow.Array) []starlark.Value {
	out := make([]starlark.Value, a.Len())
	for i := range out {
		if a.IsNull(i) {
			out[i] = starlark.None
			continue
		}
		switch a := a.(type) {
		case *array.Float64:
			out[i] = starlark.Float(a.Value(i))
		case *array.Int64:
			out[i] = starlark.MakeInt64(a.Value(i))
		case *array.Boolean:
			out[i] = starlark.Bool(a.Value(i))
		case *array.String:
			out[i] = starlark.String(a.Value(i))
		default:
			out[i] = starlark.String(a.ValueStr(i))
		}
	}
	return out
}

// jsonValues converts an Arrow array for JSON; NaN and missing are null.
func jsonValues(a arrow.Array) []any {
	out := make([]any, a.Len())
	for i := range out {
		if a.IsNull(i) {
			continue
		}
		switch a := a.(type) {
		case *array.Float64:
			if v := a.Value(i); !math.IsNaN(v) && !math.IsInf(v, 0) {
				out[i] = v
			}
		case *array.Int64:
			out[i] = a.Value(i)
		case *array.Boolean:
			out[i] = a.Value(i)
		case *array.String:
			out[i] = a.Value(i)
		default:
			out[i] = a.ValueStr(i)
		}
	}
	return out
}

func stringList(ss []string) *starlark.List {
	vs := make([]starlark.Value, len(ss))
	for i, s := range ss {
		vs[i] = starlark.String(s)
	}
	return starlark.NewList(vs)
}

// dtypesSeries is df.dtypes: a Series of dtype names indexed by column.
func dtypesSeries(m *frame.Frame) *EagerSeries {
	names := m.Names()
	types := make([]string, len(m.Columns))
	for i, c := range m.Columns {
		types[i] = string(c.DType())
	}
	return &EagerSeries{&frame.Series{Index: []frame.Column{{Name: "", Data: frame.Strings(names, nil)}}, Data: frame.Strings(types, nil)}}
}

// mimeBundle returns a value's representations for display.
func mimeBundle(v starlark.Value) map[string]any {
	out := map[string]any{"text/plain": pyRepr(v)}
	if h, ok := v.(interface{ HTML() string }); ok {
		out["text/html"] = h.HTML()
	}
	if j, ok := v.(interface{ JSON() any }); ok {
		out["application/json"] = j.JSON()
	}
	return out
}

// pyRepr formats v as Python's repr would.
func pyRepr(v starlark.Value) string {
	switch v := v.(type) {
	case starlark.String:
		return pyQuote(string(v))
	case starlark.NoneType:
		return "None"
	case starlark.Float:
		f := float64(v)
		switch {
		case math.IsNaN(f):
			return "nan"
		case math.IsInf(f, 1):
			return "inf"
		case math.IsInf(f, -1):
			return "-inf"
		}
		s := strconv.FormatFloat(f, 'g', -1, 64)
		if e := strings.IndexByte(s, 'e'); e >= 0 {
			exp, _ := strconv.Atoi(s[e+1:])
			if exp >= -5 && exp < 16 {
				s = strconv.FormatFloat(f, 'f', -1, 64)
			} else if len(s[e+1:]) == 2 || (s[e+1] == '-' && len(s[e+1:]) == 3) {
				// Python pads exponents to two digits: 1e+16, 1e-05.
			}
		}
		if !strings.ContainsAny(s, ".en") {
			s += ".0"
		}
		return s
	case *starlark.List:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = pyRepr(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case starlark.Tuple:
		parts := make([]string, len(v))
		for i := range parts {
			parts[i] = pyRepr(v[i])
		}
		if len(v) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	case *starlark.Dict:
		var parts []string
		for _, kv := range v.Items() {
			parts = append(parts, pyRepr(kv[0])+": "+pyRepr(kv[1]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return v.String()
}

func pyQuote(s string) string {
	q := strconv.Quote(s)
	if !strings.Contains(s, "'") {
		q = "'" + strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`) + "'"
	}
	return q
}
