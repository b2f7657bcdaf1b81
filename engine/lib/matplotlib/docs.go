package matplotlib

// docs are matplotlib.pyplot's docstrings help() shows.
var docs = map[string]string{
	"matplotlib.cycler":              "cycler(color=[...])\n\nA cycle of colors: set rcParams['axes.prop_cycle'] to it and the lines, bars and points of later figures take its colors in turn.",
	"matplotlib.style.use":           "use(style)\n\nAccepted and ignored: Burst's charts have one look.",
	"matplotlib.use":                 "use(backend)\n\nAccepted and ignored: Burst's figures always show in the page, as with Jupyter's inline backend.",
	"matplotlib.pyplot.plot":         "plot([x], y, [fmt], *, label=None, color=None, marker=None, linestyle=None)\n\nDraw y against x (0, 1, 2… when x is left out) as a line on the current Axes; fmt is matplotlib's short format ('r--', 'o'). Returns a list of one Line2D.",
	"matplotlib.pyplot.bar":          "bar(x, height, width=0.8, *, color=None, label=None)\n\nVertical bars of the given heights at x: numbers, or text categories drawn in their order. Returns a BarContainer.",
	"matplotlib.pyplot.barh":         "barh(y, width, height=0.8, *, color=None, label=None)\n\nHorizontal bars of the given widths at y (the first category at the bottom, as matplotlib). Returns a BarContainer.",
	"matplotlib.pyplot.hist":         "hist(x, bins=10, range=None, density=False, *, color=None, alpha=None, label=None)\n\nA histogram of x: bins equal bins from its smallest to its largest value (NaN left out), or the given bin edges. Returns (counts, edges, patches), counts and edges as numpy.histogram computes them.",
	"matplotlib.pyplot.scatter":      "scatter(x, y, s=None, *, color=None, alpha=None, label=None)\n\nA point at each (x, y); s is the marker's area. Returns a PathCollection.",
	"matplotlib.pyplot.xlabel":       "xlabel(label)\n\nSet the label of the current Axes' x axis.",
	"matplotlib.pyplot.ylabel":       "ylabel(label)\n\nSet the label of the current Axes' y axis.",
	"matplotlib.pyplot.title":        "title(label)\n\nSet the title of the current Axes.",
	"matplotlib.pyplot.legend":       "legend([labels], *, loc=None, title=None)\n\nShow a legend of the labelled lines, bars and points of the current Axes; labels name them in the order they were drawn.",
	"matplotlib.pyplot.figure":       "figure(figsize=(6.4, 4.8))\n\nStart a new figure of figsize inches (100 pixels an inch) and make it current. A figure still open when the cell ends is shown below it, then closed.",
	"matplotlib.pyplot.subplots":     "subplots(nrows=1, ncols=1, *, figsize=None)\n\nA new figure with a grid of Axes: returns (fig, ax) for one, (fig, array of Axes) for several.",
	"matplotlib.pyplot.show":         "show()\n\nShow the open figures now (below the cell's output so far) and close them; a cell's open figures are shown when it ends anyway.",
	"matplotlib.pyplot.grid":         "grid(visible=None)\n\nShow (or, with no argument, toggle) grid lines on the current Axes.",
	"matplotlib.pyplot.xticks":       "xticks(ticks=None, labels=None, *, rotation=None)\n\nTurn the x tick labels by rotation degrees; returns None in Burst (the tick positions come from the page's layout).",
	"matplotlib.pyplot.yticks":       "yticks(ticks=None, labels=None)\n\nAccepted and ignored: the page chooses the y ticks.",
	"matplotlib.pyplot.tight_layout": "tight_layout()\n\nAccepted: the page lays charts out to fit.",
	"matplotlib.pyplot.xlim":         "xlim(left, right)\n\nSet the range of the x axis.",
	"matplotlib.pyplot.ylim":         "ylim(bottom, top)\n\nSet the range of the y axis.",
	"matplotlib.pyplot.gcf":          "gcf()\n\nThe current figure (a new one if none is open).",
	"matplotlib.pyplot.gca":          "gca()\n\nThe current figure's current Axes.",
	"matplotlib.pyplot.close":        "close(fig=None)\n\nClose the current figure, a given one, or all of them with close('all'): a closed figure is not shown.",
	"matplotlib.pyplot.savefig":      "savefig(fname)\n\nNot in Burst: charts are drawn in the page, not written to files.",
}

// The Axes' methods are documented as the pyplot functions that call
// them (ax.set_title as plt.title).
func init() {
	for name, method := range pyplotAxes {
		docs["AxesSubplot."+method] = docs["matplotlib.pyplot."+name]
	}
	docs["AxesSubplot.tick_params"] = "tick_params(**kwargs)\n\nAccepted and ignored: the page draws the ticks."
}
