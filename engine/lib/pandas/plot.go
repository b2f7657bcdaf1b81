package pandas

// Charts of pandas objects: Series.plot, DataFrame.plot (with the
// .plot.bar()-style accessors) and Series.hist, drawn as pandas 1.5 draws
// them with matplotlib (labels, defaults), on engine/lib/matplotlib's
// figures. Only computed (pandas) objects plot, as in Dask, which has no
// .plot.

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/lib/matplotlib"
	"burst/engine/session"
)

var (
	_ matplotlib.Data   = (*Series)(nil)
	_ matplotlib.Data   = (*Index)(nil)
	_ starlark.Callable = (*plotAccessor)(nil)
	_ starlark.HasAttrs = (*plotAccessor)(nil)
)

// noPlot is the error of .plot (or .hist) on a Dask collection.
func noPlot(kind, name string) error {
	return fmt.Errorf("AttributeError: '%s' object has no attribute '%s' (a Dask %s draws no charts: .compute() it first and plot the pandas result)", kind, name, kind)
}

// plotAttr is the .plot and .hist attribute of a Series (s) or a
// DataFrame (d).
func plotAttr(name string, s *Series, d *DataFrame) (starlark.Value, error) {
	kind := "Series"
	if d != nil {
		kind = "DataFrame"
	}
	if (s != nil && s.lazy != nil) || (d != nil && d.lazy != nil) {
		return nil, noPlot(kind, name)
	}
	if name == "hist" {
		if d != nil {
			return nil, fmt.Errorf("NotImplementedError: DataFrame.hist() is not in Burst: plot one column, df['col'].hist(), or df.plot.hist()")
		}
		// Series.hist(): matplotlib's hist of the values on the current
		// figure, with grid lines and no labels.
		return session.Builtin("Series.hist", func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 0 {
				return nil, fmt.Errorf("NotImplementedError: Series.hist(by=…) is not supported in Burst")
			}
			return (&plotAccessor{s: s, hist: true}).plot(th, "hist", nil, kwargs)
		}), nil
	}
	return &plotAccessor{s: s, d: d}, nil
}

// plotAccessor is pandas' PlotAccessor: s.plot(kind=…) or s.plot.bar().
type plotAccessor struct {
	s *Series
	d *DataFrame
	// hist: Series.hist(), which labels nothing and draws grid lines.
	hist bool
}

func (p *plotAccessor) String() string {
	return fmt.Sprintf("<pandas.plotting._core.PlotAccessor object at %p>", p)
}
func (p *plotAccessor) Type() string         { return "PlotAccessor" }
func (p *plotAccessor) Freeze()              {}
func (p *plotAccessor) Truth() starlark.Bool { return true }
func (p *plotAccessor) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'PlotAccessor'")
}
func (p *plotAccessor) Name() string { return "plot" }
func (p *plotAccessor) AttrNames() []string {
	return []string{"area", "bar", "barh", "box", "density", "hexbin", "hist", "kde", "line", "pie", "scatter"}
}

var plotKinds = []string{"bar", "barh", "hist", "line", "scatter"}

func (p *plotAccessor) Attr(name string) (starlark.Value, error) {
	for _, k := range plotKinds {
		if k == name {
			return session.Builtin("plot."+name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				return p.plot(th, name, args, kwargs)
			}), nil
		}
	}
	switch name {
	case "area", "pie", "box", "kde", "density", "hexbin":
		return nil, fmt.Errorf("NotImplementedError: plot.%s() is not in Burst: it draws line, bar, barh, hist and scatter", name)
	}
	return nil, fmt.Errorf("AttributeError: 'PlotAccessor' object has no attribute '%s'", name)
}

func (p *plotAccessor) CallInternal(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return p.plot(th, "", args, kwargs)
}

// plotKwargs are the arguments of DataFrame.plot that Burst reads.
var plotKwargs = []string{"x", "y", "kind", "ax", "title", "figsize", "xlabel", "ylabel", "legend", "bins", "color",
	"rot", "grid", "label", "alpha", "style", "subplots", "use_index", "xlim", "ylim", "width", "stacked", "s", "range", "density",
	"xlabelsize", "ylabelsize", "xrot", "yrot"}

func (p *plotAccessor) plot(th *starlark.Thread, kind string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	kw, err := matplotlib.Kwargs("plot", kwargs, plotKwargs...)
	if err != nil {
		return nil, err
	}
	if len(args) > 0 {
		if p.s != nil {
			return nil, fmt.Errorf("TypeError: `Series.plot()` should not be called with positional arguments, only keyword arguments (kind=%s)", session.Repr(args[0]))
		}
		// DataFrame.plot(x, y, kind).
		for i, a := range args {
			if i < 3 {
				kw[[]string{"x", "y", "kind"}[i]] = a
			}
		}
	}
	if kind == "" {
		kind = "line"
		if k, ok := kw["kind"]; ok {
			kind = session.Str(k)
		}
	}
	switch kind {
	case "line", "bar", "barh", "hist", "scatter":
	case "area", "pie", "box", "kde", "density", "hexbin":
		return nil, fmt.Errorf("NotImplementedError: plot(kind='%s') is not in Burst: it draws line, bar, barh, hist and scatter", kind)
	default:
		return nil, fmt.Errorf("ValueError: %s is not a valid plot kind", kind)
	}
	if kind == "scatter" && p.s != nil {
		return nil, fmt.Errorf("ValueError: plot kind scatter can only be used for data frames")
	}
	if v, ok := kw["subplots"]; ok && bool(v.Truth()) {
		return nil, fmt.Errorf("NotImplementedError: plot(subplots=True) is not supported in Burst: plot each column on its own")
	}
	if v, ok := kw["stacked"]; ok && bool(v.Truth()) {
		return nil, fmt.Errorf("NotImplementedError: plot(stacked=True) is not supported in Burst")
	}
	x, ys, err := p.columns(kind, kw)
	if err != nil {
		return nil, err
	}
	ax, err := plotAxes(th, p.s != nil, kw)
	if err != nil {
		return nil, err
	}
	st, err := matplotlib.StyleOf(kw)
	if err != nil {
		return nil, err
	}
	for _, y := range ys {
		switch kind {
		case "line":
			ax.Line(x, y, seriesStyle(st, y, len(ys)))
		case "bar":
			ax.Bars(false, labelsOf(x), y, true, seriesStyle(st, y, len(ys)))
		case "barh":
			ax.Bars(true, y, labelsOf(x), true, seriesStyle(st, y, len(ys)))
		case "scatter":
			ax.Scatter(x, y, st)
		}
	}
	if kind == "hist" {
		var all []float64
		for _, y := range ys {
			all = append(all, y.Nums...)
		}
		// One set of bins for every column, as pandas.
		edges, equal, err := matplotlib.BinEdges(all, kw["bins"], kw["range"])
		if err != nil {
			return nil, err
		}
		for _, y := range ys {
			counts := matplotlib.Counts(y.Nums, edges, equal)
			if d, ok := kw["density"]; ok && bool(d.Truth()) {
				matplotlib.Density(counts, edges)
			}
			ax.Hist(edges, counts, seriesStyle(st, y, len(ys)))
		}
	}
	if kind == "bar" {
		rot := 90.0
		if r, ok := starlark.AsFloat(kw["rot"]); ok {
			rot = r
		}
		ax.SetRotation(rot)
	}
	// The labels, as pandas 1.5 sets them (MPLPlot._adorn_subplots, then
	// each kind's _post_plot_logic): a label it does not set stays as
	// the Axes had it.
	str := func(name string) string {
		if v, ok := kw[name]; ok && v != starlark.None {
			return session.Str(v)
		}
		return ""
	}
	xlabel, ylabel := str("xlabel"), str("ylabel")
	if ylabel != "" {
		ax.SetYLabel(ylabel)
	}
	switch kind {
	case "line", "bar":
		if xlabel == "" {
			xlabel = x.Name
		}
		if xlabel != "" {
			ax.SetXLabel(xlabel)
		}
	case "barh":
		if ylabel == "" {
			ylabel = x.Name
		}
		if ylabel != "" {
			ax.SetYLabel(ylabel)
		}
		ax.SetXLabel(xlabel)
	case "hist":
		if !p.hist {
			ax.SetYLabel("Frequency")
		}
	case "scatter":
		if xlabel == "" {
			xlabel = x.Name
		}
		if ylabel == "" {
			ylabel = ys[0].Name
		}
		ax.SetXLabel(xlabel)
		ax.SetYLabel(ylabel)
	}
	if t := str("title"); t != "" {
		ax.SetTitle(t)
	}
	legend := p.d != nil && kind != "scatter"
	if l, ok := kw["legend"]; ok {
		legend = bool(l.Truth())
	}
	if legend {
		ax.SetLegend(true)
	}
	// pandas sets the grid: off unless grid=True.
	ax.SetGrid(p.hist)
	if g, ok := kw["grid"]; ok {
		ax.SetGrid(bool(g.Truth()))
	}
	ax.SetLimits(limits(kw["xlim"]), limits(kw["ylim"]))
	return ax, nil
}

// seriesStyle is the style of one column's marks: its name in the legend
// (label= for a single one).
func seriesStyle(st matplotlib.Style, y matplotlib.Column, n int) matplotlib.Style {
	if st.Label == "" || n > 1 {
		st.Label = y.Name
	}
	return st
}

func limits(v starlark.Value) []float64 {
	t, ok := v.(starlark.Indexable)
	if !ok || t.Len() != 2 {
		return nil
	}
	lo, ok1 := starlark.AsFloat(t.Index(0))
	hi, ok2 := starlark.AsFloat(t.Index(1))
	if !ok1 || !ok2 {
		return nil
	}
	return []float64{lo, hi}
}

// plotAxes is where pandas draws: ax=, else for a Series the current
// Axes when a figure is open, else a new figure (figsize=).
func plotAxes(th *starlark.Thread, series bool, kw map[string]starlark.Value) (*matplotlib.Axes, error) {
	if a, ok := kw["ax"].(*matplotlib.Axes); ok {
		return a, nil
	} else if v, ok := kw["ax"]; ok && v != starlark.None {
		return nil, fmt.Errorf("TypeError: ax must be a matplotlib Axes, not %s", session.TypeName(v))
	}
	if series && matplotlib.HasFigure(th) {
		return matplotlib.Gca(th)
	}
	w, h, err := matplotlib.FigSize(kw["figsize"])
	if err != nil {
		return nil, err
	}
	f, err := matplotlib.NewFigureIn(th, w, h)
	if err != nil {
		return nil, err
	}
	return f.Gca(), nil
}

// columns picks what a plot draws: x (the index, or x=) and the columns
// of y (the Series; y=, or every numeric column).
func (p *plotAccessor) columns(kind string, kw map[string]starlark.Value) (matplotlib.Column, []matplotlib.Column, error) {
	if p.s != nil {
		y, err := p.s.ChartColumn()
		if err != nil {
			return matplotlib.Column{}, nil, err
		}
		if y.Labels != nil {
			return y, nil, fmt.Errorf("TypeError: no numeric data to plot")
		}
		return chartIndex(p.s.eager.Index, p.s.eager.Len()), []matplotlib.Column{y}, nil
	}
	f := p.d.eager
	x := chartIndex(f.Index, f.Rows)
	xName := ""
	if v, ok := kw["x"]; ok && v != starlark.None {
		xName = session.Str(v)
		c, ok := f.Col(xName)
		if !ok {
			return x, nil, fmt.Errorf("KeyError: '%s'", xName)
		}
		x = arrayColumn(c.Data)
		x.Name = xName
	}
	var names []string
	if v, ok := kw["y"]; ok && v != starlark.None {
		var err error
		if _, isStr := v.(starlark.String); isStr {
			names = []string{string(v.(starlark.String))}
		} else if names, err = StringsArg("y", v); err != nil {
			return x, nil, err
		}
	} else if kind != "scatter" {
		for _, c := range f.Columns {
			if c.Name != xName && isNumeric(c.Data) {
				names = append(names, c.Name)
			}
		}
	}
	if kind == "scatter" && (xName == "" || len(names) != 1) {
		return x, nil, fmt.Errorf("ValueError: scatter requires an x and y column")
	}
	if len(names) == 0 {
		return x, nil, fmt.Errorf("TypeError: no numeric data to plot")
	}
	ys := make([]matplotlib.Column, len(names))
	for i, n := range names {
		c, ok := f.Col(n)
		if !ok {
			return x, nil, fmt.Errorf("KeyError: '%s'", n)
		}
		if !isNumeric(c.Data) {
			return x, nil, fmt.Errorf("TypeError: no numeric data to plot: column '%s' has dtype %s", n, c.DType())
		}
		ys[i] = arrayColumn(c.Data)
		ys[i].Name = n
	}
	return x, ys, nil
}

func isNumeric(a arrow.Array) bool {
	switch a.DataType().ID() {
	case arrow.FLOAT64, arrow.INT64, arrow.BOOL:
		return true
	}
	return false
}

// ChartColumn implements matplotlib.Data: a computed Series' values, read
// from its Arrow buffer.
func (s *Series) ChartColumn() (matplotlib.Column, error) {
	if s.eager == nil {
		return matplotlib.Column{}, fmt.Errorf("TypeError: a Dask Series draws no charts: .compute() it first and plot the pandas result")
	}
	c := arrayColumn(s.eager.Data)
	c.Name = s.eager.Name
	return c, nil
}

// ChartColumn implements matplotlib.Data: an Index's labels.
func (x *Index) ChartColumn() (matplotlib.Column, error) {
	c := matplotlib.Column{Name: x.name}
	nums := make([]float64, 0, len(x.values))
	isTime := false
	for _, v := range x.values {
		switch v := v.(type) {
		case starlark.Int, starlark.Float:
			f, _ := starlark.AsFloat(v)
			nums = append(nums, f)
		case Timestamp:
			isTime = true
			nums = append(nums, float64(time.Time(v).UnixNano())/1e6)
		case starlark.NoneType:
			nums = append(nums, math.NaN())
		default:
			return valueLabels(c, x.values), nil
		}
	}
	c.Nums, c.Time = nums, isTime
	return c, nil
}

func valueLabels(c matplotlib.Column, vals []starlark.Value) matplotlib.Column {
	c.Nums, c.Time = nil, false
	c.Labels = make([]string, len(vals))
	for i, v := range vals {
		c.Labels[i] = label(v)
	}
	return c
}

// label is a tick label as pandas prints one (pprint_thing): tuples of a
// MultiIndex as (a, b).
func label(v starlark.Value) string {
	if t, ok := v.(starlark.Tuple); ok {
		parts := make([]string, len(t))
		for i, x := range t {
			parts[i] = label(x)
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	if ts, ok := v.(Timestamp); ok {
		return time.Time(ts).UTC().Format("2006-01-02 15:04:05")
	}
	return session.Str(v)
}

// arrayColumn is an Arrow column's values for a chart: numbers straight
// from the buffer (missing as NaN), times in milliseconds, other values
// as text.
func arrayColumn(a arrow.Array) matplotlib.Column {
	n := a.Len()
	switch a := a.(type) {
	case *array.Float64:
		v := a.Float64Values()
		if a.NullN() > 0 {
			v = append([]float64(nil), v...)
			for i := range v {
				if a.IsNull(i) {
					v[i] = math.NaN()
				}
			}
		}
		return matplotlib.Column{Nums: v, Float: true}
	case *array.Int64:
		v := make([]float64, n)
		for i, x := range a.Int64Values() {
			v[i] = float64(x)
		}
		nullsToNaN(a, v)
		return matplotlib.Column{Nums: v}
	case *array.Boolean:
		v := make([]float64, n)
		for i := range v {
			if a.Value(i) {
				v[i] = 1
			}
		}
		nullsToNaN(a, v)
		return matplotlib.Column{Nums: v}
	case *array.Timestamp:
		v := make([]float64, n)
		for i, x := range a.TimestampValues() {
			v[i] = float64(x) / 1e6
		}
		nullsToNaN(a, v)
		return matplotlib.Column{Nums: v, Time: true}
	}
	return valueLabels(matplotlib.Column{}, ToValues(a))
}

func nullsToNaN(a arrow.Array, v []float64) {
	if a.NullN() == 0 {
		return
	}
	for i := range v {
		if a.IsNull(i) {
			v[i] = math.NaN()
		}
	}
}

// chartIndex is the x of a plot: the index's values (0, 1, … for a
// RangeIndex; text "(a, b)" for several levels), named by the index's
// names, as pandas labels the x axis.
func chartIndex(index []frame.Column, n int) matplotlib.Column {
	switch len(index) {
	case 0:
		x := make([]float64, n)
		for i := range x {
			x[i] = float64(i)
		}
		return matplotlib.Column{Nums: x}
	case 1:
		c := arrayColumn(index[0].Data)
		c.Name = index[0].Name
		return c
	}
	names := make([]string, len(index))
	levels := make([][]starlark.Value, len(index))
	for k, c := range index {
		names[k] = c.Name
		levels[k] = ToValues(c.Data)
	}
	vals := make([]starlark.Value, n)
	for i := range vals {
		t := make(starlark.Tuple, len(index))
		for k := range levels {
			t[k] = levels[k][i]
		}
		vals[i] = t
	}
	c := valueLabels(matplotlib.Column{}, vals)
	if strings.Join(names, "") != "" {
		c.Name = strings.Join(names, ",")
	}
	return c
}

// labelsOf is x as bar categories: numbers and times as their labels.
func labelsOf(x matplotlib.Column) matplotlib.Column {
	if x.Labels != nil {
		return x
	}
	out := matplotlib.Column{Name: x.Name, Labels: make([]string, len(x.Nums))}
	for i, v := range x.Nums {
		switch {
		case x.Time:
			out.Labels[i] = time.UnixMilli(int64(v)).UTC().Format("2006-01-02 15:04:05")
		case !x.Float && math.Abs(v) < 1e15:
			out.Labels[i] = fmt.Sprintf("%d", int64(v))
		default:
			out.Labels[i] = frame.PyFloat(v)
		}
	}
	return out
}
