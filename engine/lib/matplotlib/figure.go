package matplotlib

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// Figure is a matplotlib Figure: a grid of Axes. It shows as its text
// (<Figure size 640x480 with 1 Axes>) and, once something is drawn, as
// a Vega-Lite chart (see spec.go).
type Figure struct {
	w, h       float64 // inches; 100 dpi
	rows, cols int     // the grid of subplots
	axes       []*Axes
	cur        int      // the current Axes
	cycle      []string // the colors of layers, rcParams['axes.prop_cycle'] (nil: tab10)
}

// Axes is one plot of a figure: its layers (lines, bars…) and labels.
type Axes struct {
	fig                   *Figure
	title, xlabel, ylabel string
	layers                []*layer
	legend                bool
	grid                  bool
	rot                   *float64 // x tick label rotation, degrees
	xlim, ylim            []float64
	// colors is how many colors of the cycle layers have taken.
	colors int
}

// layer is one call's marks: a line, a set of bars, a histogram, points.
type layer struct {
	kind  string // line, bar, barh, hist, scatter
	label string // in the legend; "" for none
	color string
	// x and y are the horizontal and vertical data: for bar, categories
	// and heights; for barh, widths and categories; for hist, left edges
	// (x2 the right ones) and counts.
	x, y    Column
	x2      []float64
	opacity float64
	points  bool // a line with markers
	dash    bool
	size    float64 // scatter marker area
	// group: bars of several series side by side (pandas' df.plot.bar).
	group bool
}

// NewFigure is a figure of w by h inches with no Axes.
func NewFigure(w, h float64) *Figure { return &Figure{w: w, h: h, rows: 1, cols: 1} }

// Gca is the figure's current Axes, made if it has none.
func (f *Figure) Gca() *Axes {
	if len(f.axes) == 0 {
		f.axes = []*Axes{{fig: f}}
	}
	return f.axes[f.cur]
}

func (f *Figure) String() string {
	return fmt.Sprintf("<Figure size %gx%g with %d Axes>", f.w*100, f.h*100, len(f.axes))
}
func (f *Figure) Type() string          { return "matplotlib.figure.Figure" }
func (f *Figure) Freeze()               {}
func (f *Figure) Truth() starlark.Bool  { return true }
func (f *Figure) Hash() (uint32, error) { return 0, fmt.Errorf("TypeError: unhashable type: 'Figure'") }
func (f *Figure) AttrNames() []string {
	return []string{"add_subplot", "axes", "gca", "savefig", "set_size_inches", "show", "suptitle", "tight_layout"}
}

// Attr implements the figure's methods.
func (f *Figure) Attr(name string) (starlark.Value, error) {
	switch name {
	case "axes":
		l := make([]starlark.Value, len(f.axes))
		for i, a := range f.axes {
			l[i] = a
		}
		return starlark.NewList(l), nil
	case "gca", "add_subplot":
		return session.Builtin("Figure."+name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return f.Gca(), nil
		}), nil
	case "tight_layout", "show", "suptitle", "set_size_inches":
		return session.Builtin("Figure."+name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			if name == "set_size_inches" && len(args) == 2 {
				w, _ := starlark.AsFloat(args[0])
				h, _ := starlark.AsFloat(args[1])
				if w > 0 && h > 0 {
					f.w, f.h = w, h
				}
			}
			return starlark.None, nil
		}), nil
	case "savefig":
		return nil, errSavefig
	}
	return nil, fmt.Errorf("AttributeError: 'Figure' object has no attribute '%s'", name)
}

var errSavefig = fmt.Errorf("NotImplementedError: savefig() is not in Burst, which draws charts in the page and writes no image files (download the notebook to keep them)")

func (a *Axes) String() string {
	var parts []string
	if a.title != "" {
		parts = append(parts, "title={'center': "+session.Quote(a.title)+"}")
	}
	if a.xlabel != "" {
		parts = append(parts, "xlabel="+session.Quote(a.xlabel))
	}
	if a.ylabel != "" {
		parts = append(parts, "ylabel="+session.Quote(a.ylabel))
	}
	return "<AxesSubplot: " + strings.Join(parts, ", ") + ">"
}
func (a *Axes) Type() string         { return "matplotlib.axes._subplots.AxesSubplot" }
func (a *Axes) Freeze()              {}
func (a *Axes) Truth() starlark.Bool { return true }
func (a *Axes) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'AxesSubplot'")
}
func (a *Axes) AttrNames() []string { return append(slices.Sorted(maps.Keys(axesMethods)), "figure") }

// Attr implements the Axes' methods (ax.plot, ax.set_title…).
func (a *Axes) Attr(name string) (starlark.Value, error) {
	if name == "figure" || name == "get_figure" {
		if name == "figure" {
			return a.fig, nil
		}
		return session.Builtin("get_figure", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return a.fig, nil
		}), nil
	}
	m, ok := axesMethods[name]
	if !ok {
		return nil, fmt.Errorf("AttributeError: 'AxesSubplot' object has no attribute '%s'", name)
	}
	return session.Builtin("AxesSubplot."+name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return m(th, a, args, kwargs)
	}), nil
}

// Title, XLabel and YLabel are the Axes' labels.
func (a *Axes) Title() string  { return a.title }
func (a *Axes) XLabel() string { return a.xlabel }
func (a *Axes) YLabel() string { return a.ylabel }

// SetTitle, SetXLabel and SetYLabel set the labels ("": none).
func (a *Axes) SetTitle(s string)  { a.title = s }
func (a *Axes) SetXLabel(s string) { a.xlabel = s }
func (a *Axes) SetYLabel(s string) { a.ylabel = s }

// SetLegend shows or hides the legend; SetGrid the grid lines;
// SetRotation turns the x tick labels by deg degrees.
func (a *Axes) SetLegend(on bool)        { a.legend = on }
func (a *Axes) SetGrid(on bool)          { a.grid = on }
func (a *Axes) SetRotation(deg float64)  { a.rot = &deg }
func (a *Axes) SetLimits(x, y []float64) { a.xlim, a.ylim = x, y }

// tab10 is matplotlib's default color cycle.
var tab10 = [...]string{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"}

// Style is how a layer looks, from keyword arguments.
type Style struct {
	Label   string
	Color   string // "" takes the next color of the cycle
	Opacity float64
}

// add adds a layer, colored by the cycle unless a color is given.
func (a *Axes) add(l *layer, st Style) *layer {
	l.label, l.color, l.opacity = st.Label, st.Color, st.Opacity
	if l.color == "" {
		if c := a.fig.cycle; len(c) > 0 {
			l.color = c[a.colors%len(c)]
		} else {
			l.color = tab10[a.colors%len(tab10)]
		}
		a.colors++
	}
	a.layers = append(a.layers, l)
	return l
}

// Line draws y against x; Scatter draws points.
func (a *Axes) Line(x, y Column, st Style) { a.add(&layer{kind: "line", x: x, y: y}, st) }

// Bars draws bars: vertical ones with categories (or positions) x and
// heights y, or horizontal (barh) with categories y and widths x. group
// puts bars of several calls side by side.
func (a *Axes) Bars(horizontal bool, x, y Column, group bool, st Style) {
	kind := "bar"
	if horizontal {
		kind = "barh"
	}
	a.add(&layer{kind: kind, x: x, y: y, group: group}, st)
}

// Hist draws a histogram: counts between edges.
func (a *Axes) Hist(edges, counts []float64, st Style) {
	n := len(counts)
	a.add(&layer{kind: "hist", x: Column{Nums: edges[:n]}, x2: edges[1:], y: Column{Nums: counts}}, st)
}

// Scatter draws points.
func (a *Axes) Scatter(x, y Column, st Style) { a.add(&layer{kind: "scatter", x: x, y: y}, st) }

// artist is what a drawing call returns: matplotlib's object, by its
// repr (Line2D, PathCollection, BarContainer, Text, Legend).
type artist struct{ repr string }

func (r *artist) String() string        { return r.repr }
func (r *artist) Type() string          { return "matplotlib.artist.Artist" }
func (r *artist) Freeze()               {}
func (r *artist) Truth() starlark.Bool  { return true }
func (r *artist) Hash() (uint32, error) { return starlark.String(r.repr).Hash() }

// object is an artist shown as <matplotlib.lines.Line2D object at 0x…>,
// its address its own.
func object(class string) *artist {
	r := &artist{}
	r.repr = fmt.Sprintf("<%s object at %p>", class, r)
	return r
}

func text(x, y, s string) *artist {
	return &artist{repr: "Text(" + x + ", " + y + ", " + session.Quote(s) + ")"}
}

func bars(n int) *artist { return &artist{repr: fmt.Sprintf("<BarContainer object of %d artists>", n)} }
