// Package matplotlib is matplotlib.pyplot for cells: figures and Axes
// that record what a cell draws (lines, bars, histograms, points) and
// show as Vega-Lite charts, which the page renders with vega-embed and
// JupyterLab natively. Only the chart's description is built here, in
// Go; the drawing happens in the page.
//
// As with Jupyter's inline backend, the figures a cell leaves open are
// shown when it ends, and closed; the open figures are the state of the
// cell's session, never of the package.
package matplotlib

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"burst/engine/lib/numpy"
	"burst/engine/ndarray"
	"burst/engine/session"
)

// Module is a Python module implemented in Go.
type Module = session.Module

// Library is matplotlib and matplotlib.pyplot.
var Library = session.Library{Modules: modules, Docs: docs}

func modules(s *session.Session) map[string]*Module {
	b := session.Builtin
	noop := b("use", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return starlark.None, nil
	})
	style := &Module{Name: "matplotlib.style", Members: starlark.StringDict{"use": noop}}
	pyplot := &Module{Name: "matplotlib.pyplot", Members: starlark.StringDict{
		"figure":   b("figure", figure),
		"subplots": b("subplots", subplots),
		"gcf": b("gcf", func(th *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			return Gcf(th)
		}),
		"gca": b("gca", func(th *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			return Gca(th)
		}),
		"show":  b("show", show),
		"close": b("close", closeFig),
		"savefig": b("savefig", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return nil, errSavefig
		}),
		"xticks": b("xticks", ticks("xticks")),
		"yticks": b("yticks", ticks("yticks")),
		"tight_layout": b("tight_layout", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, nil
		}),
		// rcParams: figure.figsize sets the size of new figures; the
		// other settings are accepted.
		"rcParams": sessionState(s).rc,
		"style":    style,
	}}
	// The drawing functions are the current Axes' methods.
	for name, method := range pyplotAxes {
		m := axesMethods[method]
		pyplot.Members[name] = b(name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			ax, err := Gca(th)
			if err != nil {
				return nil, err
			}
			return m(th, ax, args, kwargs)
		})
	}
	mpl := &Module{Name: "matplotlib", Members: starlark.StringDict{
		"__version__": starlark.String("3.6.3"),
		"cycler":      b("cycler", cycler),
		"use":         noop,
		"rcParams":    pyplot.Members["rcParams"],
	}}
	return map[string]*Module{"matplotlib": mpl, "matplotlib.pyplot": pyplot, "matplotlib.style": style}
}

// pyplotAxes are the pyplot functions that call a method of the current
// Axes.
var pyplotAxes = map[string]string{
	"plot": "plot", "bar": "bar", "barh": "barh", "hist": "hist", "scatter": "scatter",
	"title": "set_title", "xlabel": "set_xlabel", "ylabel": "set_ylabel", "legend": "legend",
	"grid": "grid", "xlim": "set_xlim", "ylim": "set_ylim",
}

// ---- the session's figures ----

type stateKey struct{}

// state is a session's open figures, as pyplot's Gcf: the current one
// last.
type state struct {
	mu   sync.Mutex
	figs []*Figure
	rc   *starlark.Dict // rcParams
}

func stateOf(th *starlark.Thread) (*state, error) {
	s := session.Of(th)
	if s == nil {
		return nil, fmt.Errorf("RuntimeError: pyplot draws in the notebook's kernel, not in a task on a worker")
	}
	return sessionState(s), nil
}

func sessionState(s *session.Session) *state {
	return s.State(stateKey{}, func() any {
		rc := starlark.NewDict(4)
		rc.SetKey(starlark.String("figure.figsize"), starlark.NewList([]starlark.Value{starlark.Float(6.4), starlark.Float(4.8)}))
		rc.SetKey(starlark.String("figure.dpi"), starlark.Float(100))
		rc.SetKey(starlark.String("font.size"), starlark.Float(10))
		rc.SetKey(starlark.String("axes.grid"), starlark.False)
		return &state{rc: rc}
	}).(*state)
}

// CellEnd shows the figures the cell left open and closes them, as
// Jupyter's inline backend does (flush_figures).
func (st *state) CellEnd(s *session.Session) {
	st.mu.Lock()
	figs := st.figs
	st.figs = nil
	st.mu.Unlock()
	for _, f := range figs {
		// An empty one too (plt.figure() before df.plot(), which draws on
		// a figure of its own), as its text.
		s.Emit(session.Output{Type: "display_data", Data: session.MIMEBundle(f)})
	}
}

func (st *state) open(f *Figure) {
	st.mu.Lock()
	st.figs = append(st.figs, f)
	st.mu.Unlock()
}

// NewFigureIn opens a new figure of w by h inches (0: 6.4 by 4.8) in the
// cell's session and makes it current.
func NewFigureIn(th *starlark.Thread, w, h float64) (*Figure, error) {
	st, err := stateOf(th)
	if err != nil {
		return nil, err
	}
	if w <= 0 || h <= 0 {
		w, h = 6.4, 4.8
		if v, ok, _ := st.rc.Get(starlark.String("figure.figsize")); ok {
			if rw, rh, err := figsize(v); err == nil && rw > 0 {
				w, h = rw, rh
			}
		}
	}
	f := NewFigure(w, h)
	if c, ok, _ := st.rc.Get(starlark.String("axes.prop_cycle")); ok {
		if c, ok := c.(*colorCycle); ok {
			f.cycle = c.colors
		}
	}
	st.open(f)
	return f, nil
}

// Gcf is the current figure, opened if there is none.
func Gcf(th *starlark.Thread) (*Figure, error) {
	st, err := stateOf(th)
	if err != nil {
		return nil, err
	}
	st.mu.Lock()
	var f *Figure
	if n := len(st.figs); n > 0 {
		f = st.figs[n-1]
	}
	st.mu.Unlock()
	if f != nil {
		return f, nil
	}
	return NewFigureIn(th, 0, 0)
}

// Gca is the current figure's current Axes.
func Gca(th *starlark.Thread) (*Axes, error) {
	f, err := Gcf(th)
	if err != nil {
		return nil, err
	}
	return f.Gca(), nil
}

// HasFigure reports whether a figure is open (pandas draws a Series on
// the current Axes then, on a new figure otherwise).
func HasFigure(th *starlark.Thread) bool {
	st, err := stateOf(th)
	if err != nil {
		return false
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	return len(st.figs) > 0
}

func figsize(v starlark.Value) (w, h float64, err error) {
	if v == nil || v == starlark.None {
		return 0, 0, nil
	}
	t, ok := v.(starlark.Indexable)
	if ok && t.Len() == 2 {
		w, ok1 := starlark.AsFloat(t.Index(0))
		h, ok2 := starlark.AsFloat(t.Index(1))
		if ok1 && ok2 && w > 0 && h > 0 {
			return w, h, nil
		}
	}
	return 0, 0, fmt.Errorf("ValueError: figsize must be (width, height) in inches, as figsize=(8, 4)")
}

// FigSize reads a figsize= argument: (width, height) in inches.
func FigSize(v starlark.Value) (w, h float64, err error) { return figsize(v) }

func figure(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	kw, err := Kwargs("figure", kwargs, "figsize", "num", "dpi")
	if err != nil {
		return nil, err
	}
	w, h, err := figsize(kw["figsize"])
	if err != nil {
		return nil, err
	}
	return NewFigureIn(th, w, h)
}

func subplots(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	rows, cols := 1, 1
	kw, err := Kwargs("subplots", kwargs, "nrows", "ncols", "figsize", "sharex", "sharey", "squeeze")
	if err != nil {
		return nil, err
	}
	for i, name := range []string{"nrows", "ncols"} {
		v := kw[name]
		if i < len(args) {
			v = args[i]
		}
		if v == nil {
			continue
		}
		n, err := starlark.AsInt32(v)
		if err != nil || n < 1 || n > 16 {
			return nil, fmt.Errorf("ValueError: %s must be a whole number from 1 to 16", name)
		}
		if i == 0 {
			rows = n
		} else {
			cols = n
		}
	}
	w, h, err := figsize(kw["figsize"])
	if err != nil {
		return nil, err
	}
	f, err := NewFigureIn(th, w, h)
	if err != nil {
		return nil, err
	}
	f.rows, f.cols = rows, cols
	vals := make([]starlark.Value, rows*cols)
	for i := range vals {
		ax := &Axes{fig: f}
		f.axes = append(f.axes, ax)
		vals[i] = ax
	}
	f.cur = len(f.axes) - 1
	if len(vals) == 1 {
		return starlark.Tuple{f, vals[0]}, nil
	}
	if rows > 1 && cols > 1 {
		// A 2-D grid: rows of Axes (axes[i][j]).
		grid := make([]starlark.Value, rows)
		for r := range grid {
			grid[r] = numpy.NewObjectArray(vals[r*cols : (r+1)*cols])
		}
		return starlark.Tuple{f, starlark.NewList(grid)}, nil
	}
	return starlark.Tuple{f, numpy.NewObjectArray(vals)}, nil
}

// show shows the open figures now and closes them.
func show(th *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if _, err := Kwargs("show", kwargs, "block"); err != nil {
		return nil, err
	}
	st, err := stateOf(th)
	if err != nil {
		return nil, err
	}
	st.CellEnd(session.Of(th))
	return starlark.None, nil
}

func closeFig(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	st, err := stateOf(th)
	if err != nil {
		return nil, err
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	switch {
	case len(args) == 0 && len(st.figs) > 0:
		st.figs = st.figs[:len(st.figs)-1]
	case len(args) == 1 && args[0] == starlark.String("all"):
		st.figs = nil
	case len(args) == 1:
		for i, f := range st.figs {
			if starlark.Value(f) == args[0] {
				st.figs = append(st.figs[:i:i], st.figs[i+1:]...)
				break
			}
		}
	}
	return starlark.None, nil
}

// ticks accepts xticks(rotation=…) (it turns the labels) and returns
// None, not matplotlib's tick locations, which come from its layout.
func ticks(name string) session.Func {
	return func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		kw, err := Kwargs(name, kwargs, "ticks", "labels", "rotation")
		if err != nil {
			return nil, err
		}
		if r, ok := kw["rotation"]; ok && name == "xticks" {
			ax, err := Gca(th)
			if err != nil {
				return nil, err
			}
			deg, ok := starlark.AsFloat(r)
			switch r {
			case starlark.String("vertical"):
				deg, ok = 90, true
			case starlark.String("horizontal"):
				deg, ok = 0, true
			}
			if !ok {
				return nil, fmt.Errorf("ValueError: rotation must be an angle in degrees, 'vertical' or 'horizontal'")
			}
			ax.SetRotation(deg)
		}
		return starlark.None, nil
	}
}

// ---- arguments ----

// styleKwargs are matplotlib's styling arguments that Burst's charts
// accept and leave to their own look.
var styleKwargs = map[string]bool{}

func init() {
	for _, k := range []string{"fontsize", "fontweight", "fontdict", "loc", "pad", "edgecolor", "ec", "linewidth", "lw",
		"markersize", "ms", "zorder", "ha", "va", "horizontalalignment", "verticalalignment", "weight", "size", "family",
		"fontstyle", "fill", "hatch", "align", "histtype", "rwidth", "log", "cmap", "norm", "vmin", "vmax", "edgecolors",
		"linewidths", "frameon", "ncol", "ncols", "shadow", "fancybox", "framealpha", "bbox_to_anchor", "title_fontsize",
		"markeredgecolor", "mec", "markerfacecolor", "mfc", "antialiased", "drawstyle", "capsize", "which", "axis",
		"fontname", "labelpad", "y", "x", "dpi", "facecolor", "sharex", "sharey", "squeeze", "block", "num", "prop",
		"markevery", "solid_capstyle", "mode", "borderaxespad", "c"} {
		styleKwargs[k] = true
	}
}

// Kwargs returns the keyword arguments named in known; matplotlib's
// styling arguments are accepted and dropped, others are an error.
func Kwargs(fn string, kwargs []starlark.Tuple, known ...string) (map[string]starlark.Value, error) {
	out := map[string]starlark.Value{}
outer:
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		for _, n := range known {
			if n == k {
				out[k] = kv[1]
				continue outer
			}
		}
		if !styleKwargs[k] {
			return nil, fmt.Errorf("TypeError: %s() got an unexpected keyword argument '%s'", fn, k)
		}
	}
	return out, nil
}

// letterColors are matplotlib's one-letter colors.
var letterColors = map[string]string{"b": "#0000ff", "g": "#008000", "r": "#ff0000", "c": "#00bfbf", "m": "#bf00bf", "y": "#bfbf00", "k": "#000000", "w": "#ffffff"}

// colorOf reads a color: 'C0'…'C9', 'tab:blue', a one-letter color, a
// CSS name or '#rrggbb', an (r, g, b) tuple of fractions; a list of
// colors gives its first.
func colorOf(v starlark.Value) (string, error) {
	switch v := v.(type) {
	case nil, starlark.NoneType:
		return "", nil
	case starlark.String:
		s := string(v)
		if len(s) == 2 && s[0] == 'C' && s[1] >= '0' && s[1] <= '9' {
			return tab10[s[1]-'0'], nil
		}
		if c, ok := letterColors[s]; ok {
			return c, nil
		}
		for i, n := range []string{"blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"} {
			if s == "tab:"+n {
				return tab10[i], nil
			}
		}
		return s, nil
	case starlark.Tuple:
		if len(v) >= 3 {
			var c [3]int
			for i := range c {
				f, ok := starlark.AsFloat(v[i])
				if !ok {
					return "", fmt.Errorf("ValueError: an RGB color is three numbers from 0 to 1")
				}
				c[i] = int(math.Round(f * 255))
			}
			return fmt.Sprintf("rgb(%d,%d,%d)", c[0], c[1], c[2]), nil
		}
	case *starlark.List:
		if v.Len() > 0 {
			return colorOf(v.Index(0))
		}
		return "", nil
	}
	return "", fmt.Errorf("ValueError: %s is not a valid color", session.Repr(v))
}

// StyleOf reads label=, color= and alpha=.
func StyleOf(kw map[string]starlark.Value) (Style, error) {
	var st Style
	if l, ok := kw["label"]; ok && l != starlark.None {
		st.Label = session.Str(l)
	}
	c, err := colorOf(kw["color"])
	if err != nil {
		return st, err
	}
	st.Color = c
	if a, ok := kw["alpha"]; ok && a != starlark.None {
		f, ok := starlark.AsFloat(a)
		if !ok || f < 0 || f > 1 {
			return st, fmt.Errorf("ValueError: alpha (%s) is outside 0-1 range", session.Repr(a))
		}
		st.Opacity = f
	}
	return st, nil
}

func stringArg(fn string, v starlark.Value) (string, error) {
	if s, ok := v.(starlark.String); ok {
		return string(s), nil
	}
	if v == starlark.None {
		return "", nil
	}
	return session.Str(v), nil
}

// ---- the Axes' methods ----

type axesMethod func(th *starlark.Thread, ax *Axes, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

var axesMethods map[string]axesMethod

func init() {
	labels := func(which string) axesMethod {
		return func(th *starlark.Thread, ax *Axes, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			kw, err := Kwargs(which, kwargs, "label", "color")
			if err != nil {
				return nil, err
			}
			v := kw["label"]
			if len(args) > 0 {
				v = args[0]
			}
			if v == nil {
				return nil, fmt.Errorf("TypeError: %s() missing 1 required positional argument: 'label'", which)
			}
			s, err := stringArg(which, v)
			if err != nil {
				return nil, err
			}
			switch which {
			case "set_title":
				ax.title = s
				return text("0.5", "1.0", s), nil
			case "set_xlabel":
				ax.xlabel = s
				return text("0.5", "0", s), nil
			}
			ax.ylabel = s
			return text("0", "0.5", s), nil
		}
	}
	limits := func(which string) axesMethod {
		return func(th *starlark.Thread, ax *Axes, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			kw, err := Kwargs(which, kwargs, "left", "right", "bottom", "top")
			if err != nil {
				return nil, err
			}
			if len(args) == 1 {
				if t, ok := args[0].(starlark.Tuple); ok {
					args = t
				} else if l, ok := args[0].(*starlark.List); ok {
					args = starlark.Tuple{l.Index(0), l.Index(1)}
				}
			}
			lim := []float64{math.NaN(), math.NaN()}
			names := [2]string{"left", "right"}
			if which == "set_ylim" {
				names = [2]string{"bottom", "top"}
			}
			for i := range lim {
				v := kw[names[i]]
				if i < len(args) {
					v = args[i]
				}
				if f, ok := starlark.AsFloat(v); ok {
					lim[i] = f
				}
			}
			if which == "set_xlim" {
				ax.xlim = lim
			} else {
				ax.ylim = lim
			}
			return starlark.Tuple{starlark.Float(lim[0]), starlark.Float(lim[1])}, nil
		}
	}
	axesMethods = map[string]axesMethod{
		"plot":       plot,
		"bar":        bar("bar"),
		"barh":       bar("barh"),
		"hist":       hist,
		"scatter":    scatter,
		"set_title":  labels("set_title"),
		"set_xlabel": labels("set_xlabel"),
		"set_ylabel": labels("set_ylabel"),
		"set_xlim":   limits("set_xlim"),
		"set_ylim":   limits("set_ylim"),
		"legend":     legend,
		"grid": func(th *starlark.Thread, ax *Axes, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			kw, err := Kwargs("grid", kwargs, "visible", "b", "color", "linestyle", "ls", "alpha")
			if err != nil {
				return nil, err
			}
			v := kw["visible"]
			if len(args) > 0 {
				v = args[0]
			}
			if v == nil || v == starlark.None {
				ax.grid = !ax.grid || len(kwargs) > 0
			} else {
				ax.grid = bool(v.Truth())
			}
			return starlark.None, nil
		},
		"tick_params": func(*starlark.Thread, *Axes, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, nil
		},
	}
}

// plot(y), plot(x, y) and plot(x, y, fmt): a line.
func plot(th *starlark.Thread, ax *Axes, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	kw, err := Kwargs("plot", kwargs, "label", "color", "alpha", "marker", "linestyle", "ls")
	if err != nil {
		return nil, err
	}
	var fmtStr string
	if n := len(args); n > 1 {
		if s, ok := args[n-1].(starlark.String); ok {
			fmtStr, args = string(s), args[:n-1]
		}
	}
	if len(args) == 0 || len(args) > 2 {
		return nil, fmt.Errorf("TypeError: Burst's plot() takes plot(y), plot(x, y) or plot(x, y, fmt): one line per call")
	}
	y, err := ColumnOf(args[len(args)-1])
	if err != nil {
		return nil, err
	}
	x := rangeColumn(y.Len())
	if len(args) == 2 {
		if x, err = ColumnOf(args[0]); err != nil {
			return nil, err
		}
	}
	if x.Len() != y.Len() {
		return nil, fmt.Errorf("ValueError: x and y must have same first dimension, but have shapes (%d,) and (%d,)", x.Len(), y.Len())
	}
	st, err := StyleOf(kw)
	if err != nil {
		return nil, err
	}
	l := &layer{kind: "line", x: x, y: y}
	// The format string: a color letter, a marker, a line style.
	for i := 0; i < len(fmtStr); i++ {
		c := fmtStr[i : i+1]
		switch {
		case letterColors[c] != "":
			st.Color = letterColors[c]
		case c == "o" || c == "." || c == "s" || c == "^" || c == "*" || c == "x" || c == "+" || c == "d" || c == "D":
			l.points = true
			if !containsAny(fmtStr, "-:") {
				l.kind = "scatter"
			}
		case c == "-" || c == ":":
			l.dash = l.dash || c == ":" || (c == "-" && i+1 < len(fmtStr) && (fmtStr[i+1] == '-' || fmtStr[i+1] == '.'))
		}
	}
	if m, ok := kw["marker"]; ok && m != starlark.None && m != starlark.String("") {
		l.points = true
	}
	for _, k := range []string{"linestyle", "ls"} {
		if s, ok := kw[k].(starlark.String); ok && (s == "--" || s == ":" || s == "-." || s == "dashed" || s == "dotted") {
			l.dash = true
		}
	}
	ax.add(l, st)
	return starlark.NewList([]starlark.Value{object("matplotlib.lines.Line2D")}), nil
}

func containsAny(s, chars string) bool {
	for i := range s {
		for j := range chars {
			if s[i] == chars[j] {
				return true
			}
		}
	}
	return false
}

// bar(x, height, width=0.8) and barh(y, width, height=0.8).
func bar(which string) axesMethod {
	return func(th *starlark.Thread, ax *Axes, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		names := []string{"x", "height", "width"}
		if which == "barh" {
			names = []string{"y", "width", "height"}
		}
		kw, err := Kwargs(which, kwargs, append(names, "label", "color", "alpha", "bottom", "left", "tick_label")...)
		if err != nil {
			return nil, err
		}
		for i, a := range args {
			if i < len(names) {
				kw[names[i]] = a
			}
		}
		if kw[names[0]] == nil || kw[names[1]] == nil {
			return nil, fmt.Errorf("TypeError: %s() missing required arguments: '%s' and '%s'", which, names[0], names[1])
		}
		pos, err := ColumnOf(kw[names[0]])
		if err != nil {
			return nil, err
		}
		size, err := ColumnOf(kw[names[1]])
		if err != nil {
			return nil, err
		}
		if size.Labels != nil {
			return nil, fmt.Errorf("TypeError: %s() %s must be numbers", which, names[1])
		}
		size = broadcast(size, pos.Len())
		if tl, ok := kw["tick_label"]; ok {
			if lab, err := ColumnOf(tl); err == nil && lab.Labels != nil {
				pos = lab
			}
		}
		if pos.Len() != size.Len() {
			return nil, fmt.Errorf("ValueError: shape mismatch: objects cannot be broadcast to a single shape: %d and %d values", pos.Len(), size.Len())
		}
		st, err := StyleOf(kw)
		if err != nil {
			return nil, err
		}
		ax.Bars(which == "barh", pickXY(which == "barh", pos, size), pickXY(which != "barh", pos, size), false, st)
		return bars(size.Len()), nil
	}
}

// pickXY picks the horizontal or vertical column of bars.
func pickXY(first bool, pos, size Column) Column {
	if first {
		return size
	}
	return pos
}

// hist(x, bins=10, range=None, density=False): the counts and edges as
// numpy.histogram computes them, drawn as bars.
func hist(th *starlark.Thread, ax *Axes, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	kw, err := Kwargs("hist", kwargs, "x", "bins", "range", "density", "label", "color", "alpha", "weights")
	if err != nil {
		return nil, err
	}
	names := []string{"x", "bins", "range"}
	for i, a := range args {
		if i < len(names) {
			kw[names[i]] = a
		}
	}
	if kw["x"] == nil {
		return nil, fmt.Errorf("TypeError: hist() missing 1 required positional argument: 'x'")
	}
	if kw["weights"] != nil && kw["weights"] != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: hist(weights=…) is not supported in Burst")
	}
	col, err := ColumnOf(kw["x"])
	if err != nil {
		return nil, err
	}
	if col.Labels != nil {
		return nil, fmt.Errorf("TypeError: hist() counts numbers, not text")
	}
	edges, equal, err := BinEdges(col.Nums, kw["bins"], kw["range"])
	if err != nil {
		return nil, err
	}
	counts := Counts(col.Nums, edges, equal)
	if d, ok := kw["density"]; ok && bool(d.Truth()) {
		Density(counts, edges)
	}
	st, err := StyleOf(kw)
	if err != nil {
		return nil, err
	}
	ax.Hist(edges, counts, st)
	return starlark.Tuple{
		numpy.NewArray(ndarray.FromFloat64s(counts)),
		numpy.NewArray(ndarray.FromFloat64s(edges)),
		bars(len(counts)),
	}, nil
}

// Density turns counts into a probability density, as density=True.
func Density(counts, edges []float64) {
	total := 0.0
	for _, c := range counts {
		total += c
	}
	for i := range counts {
		counts[i] = counts[i] / (edges[i+1] - edges[i]) / total
	}
}

// BinEdges reads bins= (a number of equal bins, 10 by default, or the
// edges) and range= as matplotlib's hist: equal bins span the smallest to
// the largest value that is not NaN. equal reports equal bins.
func BinEdges(vals []float64, bins, rng starlark.Value) (edges []float64, equal bool, err error) {
	n := 10
	switch b := bins.(type) {
	case nil, starlark.NoneType:
	case starlark.Int:
		n64, ok := b.Int64()
		if !ok || n64 < 1 || n64 > 100_000 {
			return nil, false, fmt.Errorf("ValueError: `bins` must be positive, when an integer")
		}
		n = int(n64)
	case starlark.String:
		return nil, false, fmt.Errorf("NotImplementedError: bins=%s: Burst takes a number of bins or their edges", session.Repr(b))
	default:
		c, err := ColumnOf(b)
		if err != nil || c.Labels != nil || len(c.Nums) < 2 {
			return nil, false, fmt.Errorf("ValueError: bins must be a number or at least two increasing edges")
		}
		for i := 1; i < len(c.Nums); i++ {
			if !(c.Nums[i] >= c.Nums[i-1]) {
				return nil, false, fmt.Errorf("ValueError: `bins` must increase monotonically, when an array")
			}
		}
		return c.Nums, false, nil
	}
	lo, hi, ok := Finite(vals)
	if rng != nil && rng != starlark.None {
		t, isT := rng.(starlark.Indexable)
		if !isT || t.Len() != 2 {
			return nil, false, fmt.Errorf("ValueError: range must be (min, max)")
		}
		l, ok1 := starlark.AsFloat(t.Index(0))
		h, ok2 := starlark.AsFloat(t.Index(1))
		if !ok1 || !ok2 || l > h {
			return nil, false, fmt.Errorf("ValueError: max must be larger than min in range parameter.")
		}
		lo, hi, ok = l, h, true
	}
	if !ok {
		lo, hi = 0, 1
	}
	return Edges(lo, hi, n), true, nil
}

// scatter(x, y, s=None, c=None).
func scatter(th *starlark.Thread, ax *Axes, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	kw, err := Kwargs("scatter", kwargs, "x", "y", "s", "label", "color", "alpha", "marker")
	if err != nil {
		return nil, err
	}
	for i, a := range args {
		if i < 3 {
			kw[[]string{"x", "y", "s"}[i]] = a
		}
	}
	if kw["x"] == nil || kw["y"] == nil {
		return nil, fmt.Errorf("TypeError: scatter() missing required arguments: 'x' and 'y'")
	}
	x, err := ColumnOf(kw["x"])
	if err != nil {
		return nil, err
	}
	y, err := ColumnOf(kw["y"])
	if err != nil {
		return nil, err
	}
	if x.Len() != y.Len() {
		return nil, fmt.Errorf("ValueError: x and y must be the same size")
	}
	st, err := StyleOf(kw)
	if err != nil {
		return nil, err
	}
	l := ax.add(&layer{kind: "scatter", x: x, y: y}, st)
	if s, ok := starlark.AsFloat(kw["s"]); ok && s > 0 {
		l.size = s
	}
	return object("matplotlib.collections.PathCollection"), nil
}

// legend(), legend(labels) or legend(handles, labels).
func legend(th *starlark.Thread, ax *Axes, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	kw, err := Kwargs("legend", kwargs, "labels", "handles", "title")
	if err != nil {
		return nil, err
	}
	v := kw["labels"]
	if len(args) == 1 {
		v = args[0]
	} else if len(args) == 2 {
		v = args[1]
	}
	if v != nil {
		names, err := session.Values(v)
		if err != nil {
			return nil, err
		}
		for i, l := range ax.layers {
			if i < len(names) {
				l.label = session.Str(names[i])
			}
		}
	}
	ax.legend = true
	return object("matplotlib.legend.Legend"), nil
}

// colorCycle is cycler('color', [...]): the colors layers take in turn
// once it is rcParams['axes.prop_cycle'].
type colorCycle struct{ colors []string }

func (c *colorCycle) String() string {
	q := make([]string, len(c.colors))
	for i, s := range c.colors {
		q[i] = session.Quote(s)
	}
	return "cycler('color', [" + strings.Join(q, ", ") + "])"
}
func (c *colorCycle) Type() string         { return "cycler.Cycler" }
func (c *colorCycle) Freeze()              {}
func (c *colorCycle) Truth() starlark.Bool { return len(c.colors) > 0 }
func (c *colorCycle) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'Cycler'")
}

// cycler(color=[...]) or cycler('color', [...]): a cycle of colors.
func cycler(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	kw, err := Kwargs("cycler", kwargs, "color")
	if err != nil {
		return nil, err
	}
	v := kw["color"]
	if len(args) == 2 && args[0] == starlark.String("color") {
		v = args[1]
	}
	if v == nil {
		return nil, fmt.Errorf("NotImplementedError: Burst's cycler() cycles colors: cycler(color=[...])")
	}
	vals, err := session.Values(v)
	if err != nil {
		return nil, err
	}
	c := &colorCycle{}
	for _, x := range vals {
		col, err := colorOf(x)
		if err != nil {
			return nil, err
		}
		c.colors = append(c.colors, col)
	}
	return c, nil
}
