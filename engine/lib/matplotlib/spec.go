package matplotlib

import (
	"fmt"
	"math"
	"strings"
)

// A figure shows as a Vega-Lite v5 spec (MIME type
// application/vnd.vegalite.v5+json) with its data inline: the page draws
// it with vega-embed, JupyterLab natively, so a downloaded notebook still
// shows its charts.

// maxPoints caps the points of a line or scatter layer in a spec: a line
// of more keeps each bucket's lowest and highest point (its envelope, what
// a screen's pixels can show), a scatter every k-th point.
const maxPoints = 5000

// VegaLite is the figure's chart, nil while nothing is drawn.
func (f *Figure) VegaLite() map[string]any {
	kind := ""
	for _, a := range f.axes {
		if len(a.layers) > 0 {
			kind = a.layers[0].kind
			break
		}
	}
	if kind == "" {
		return nil
	}
	// The plot area of each Axes, as matplotlib's default subplot margins
	// leave it (77.5% of the width, 77% of the height), at 100 dpi.
	w := math.Round(f.w * 100 * 0.775 / float64(f.cols))
	h := math.Round(f.h * 100 * 0.77 / float64(f.rows))
	var spec map[string]any
	if len(f.axes) == 1 {
		spec = f.axes[0].spec(w, h)
	} else {
		rows := make([]any, 0, f.rows)
		for r := 0; r < f.rows; r++ {
			row := make([]any, 0, f.cols)
			for c := 0; c < f.cols && r*f.cols+c < len(f.axes); c++ {
				row = append(row, f.axes[r*f.cols+c].spec(w, h))
			}
			rows = append(rows, map[string]any{"hconcat": row})
		}
		spec = map[string]any{"vconcat": rows, "resolve": map[string]any{"scale": map[string]any{"color": "independent"}}}
	}
	spec["$schema"] = "https://vega.github.io/schema/vega-lite/v5.json"
	spec["usermeta"] = map[string]any{"kind": kind}
	spec["config"] = map[string]any{
		"view": map[string]any{"stroke": "#000000"},
		"axis": map[string]any{"domainColor": "#000000", "tickColor": "#000000", "labelColor": "#000000", "titleColor": "#000000",
			"titleFontWeight": "normal", "titleFontSize": 12, "labelFontSize": 11, "gridColor": "#dddddd"},
		"title":  map[string]any{"fontWeight": "normal", "fontSize": 13},
		"legend": map[string]any{"labelFontSize": 11},
	}
	return spec
}

// spec is one Axes as a layered Vega-Lite chart of w by h pixels.
func (a *Axes) spec(w, h float64) map[string]any {
	names := make([]string, len(a.layers))
	colors := make([]string, len(a.layers))
	var shown, grouped []string
	seen := map[string]bool{}
	for i, l := range a.layers {
		name := l.label
		// Unlabelled layers (and repeats) are matplotlib's _childN: in
		// the color scale, not in the legend.
		if name == "" || seen[name] {
			name = fmt.Sprintf("_child%d", i)
		} else if !strings.HasPrefix(name, "_") {
			shown = append(shown, name)
		}
		seen[name] = true
		names[i], colors[i] = name, l.color
		if l.group {
			grouped = append(grouped, name)
		}
	}
	var legend any // null: none
	if a.legend && len(shown) > 0 {
		legend = map[string]any{"values": shown, "title": nil}
	}
	color := map[string]any{"field": "s", "type": "nominal", "scale": map[string]any{"domain": names, "range": colors}, "legend": legend}
	layers := make([]any, len(a.layers))
	for i, l := range a.layers {
		layers[i] = a.layerSpec(l, names[i], color, grouped)
	}
	m := map[string]any{"width": w, "height": h, "layer": layers}
	if a.title != "" {
		m["title"] = a.title
	}
	return m
}

func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// layerSpec is one layer: its data, mark and encodings.
func (a *Axes) layerSpec(l *layer, name string, color map[string]any, grouped []string) map[string]any {
	xAxis := map[string]any{"title": orNull(a.xlabel), "grid": a.grid}
	yAxis := map[string]any{"title": orNull(a.ylabel), "grid": a.grid}
	if a.rot != nil {
		xAxis["labelAngle"] = -*a.rot
	} else if l.x.Labels != nil {
		xAxis["labelAngle"] = 0
	}
	enc := map[string]any{"color": color}
	var mark map[string]any
	band := 0.8
	switch l.kind {
	case "line":
		mark = map[string]any{"type": "line", "strokeWidth": 1.5, "point": l.points}
		if l.dash {
			mark["strokeDash"] = []int{6, 4}
		}
	case "scatter":
		size := 36.0
		if l.size > 0 {
			size = l.size
		}
		mark = map[string]any{"type": "point", "filled": true, "size": size, "opacity": 1}
	default:
		mark = map[string]any{"type": "bar"}
	}
	if l.opacity > 0 {
		mark["opacity"] = l.opacity
	}
	if l.group {
		band = 0.5
	}
	enc["x"] = position("x", l.x, xAxis, a.xlim, l.kind)
	enc["y"] = position("y", l.y, yAxis, a.ylim, l.kind)
	values := rows(l, name, band)
	switch l.kind {
	case "hist":
		enc["x2"] = map[string]any{"field": "x2"}
		enc["y2"] = map[string]any{"datum": 0}
	case "bar", "barh":
		pos, off := "x", "xOffset"
		if l.kind == "barh" {
			pos, off = "y", "yOffset"
		}
		cats := l.x
		if l.kind == "barh" {
			cats = l.y
		}
		if cats.Labels == nil {
			// Bars at numeric positions span pos ± width/2, from zero.
			enc[pos+"2"] = map[string]any{"field": pos + "2"}
			length := "y2"
			if l.kind == "barh" {
				length = "x2"
			}
			enc[length] = map[string]any{"datum": 0}
		} else {
			mark["width"] = map[string]any{"band": band}
			if l.kind == "barh" {
				delete(mark, "width")
				mark["height"] = map[string]any{"band": band}
			}
			if l.group && len(grouped) > 1 {
				enc[off] = map[string]any{"field": "s", "sort": grouped, "scale": map[string]any{"domain": grouped}}
			}
		}
	}
	return map[string]any{"data": map[string]any{"values": values}, "mark": mark, "encoding": enc}
}

// position encodes a column on an axis: text as categories in their
// order, times as dates, numbers on a linear scale (from zero for the
// lengths of bars, fitted to the data for positions).
func position(field string, c Column, axis map[string]any, lim []float64, kind string) map[string]any {
	e := map[string]any{"field": field, "axis": axis}
	switch {
	case c.Labels != nil:
		e["type"] = "nominal"
		if kind == "line" || kind == "scatter" {
			e["type"] = "ordinal"
		}
		order := unique(c.Labels)
		if field == "y" {
			// matplotlib puts the first category at the bottom.
			for i, j := 0, len(order)-1; i < j; i, j = i+1, j-1 {
				order[i], order[j] = order[j], order[i]
			}
		}
		e["sort"] = order
		e["scale"] = map[string]any{"paddingInner": 0.1, "paddingOuter": 0.1}
	case c.Time:
		e["type"] = "temporal"
	default:
		e["type"] = "quantitative"
		isLength := (kind == "bar" && field == "y") || (kind == "barh" && field == "x") || (kind == "hist" && field == "y")
		scale := map[string]any{"zero": isLength}
		if len(lim) == 2 && !math.IsNaN(lim[0]) && !math.IsNaN(lim[1]) {
			scale["domain"] = lim
			scale["nice"] = false
		}
		e["scale"] = scale
	}
	return e
}

func unique(labels []string) []string {
	seen := make(map[string]bool, len(labels))
	out := make([]string, 0, len(labels))
	for _, l := range labels {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// num is a number for JSON: NaN and infinities, which JSON lacks, are
// null (a gap).
func num(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

func cell(c Column, i int) any {
	if c.Labels != nil {
		return c.Labels[i]
	}
	return num(c.Nums[i])
}

// rows are a layer's data, one object per mark (per point, bar or bin).
func rows(l *layer, name string, band float64) []any {
	n := l.y.Len()
	if l.kind == "barh" || l.kind == "hist" {
		n = l.x.Len()
	}
	idx := sample(l, n)
	out := make([]any, 0, len(idx))
	for _, i := range idx {
		r := map[string]any{"s": name, "x": cell(l.x, i), "y": cell(l.y, i)}
		switch {
		case l.kind == "hist":
			r["x2"] = num(l.x2[i])
		case l.kind == "bar" && l.x.Labels == nil:
			r["x"], r["x2"] = num(l.x.Nums[i]-band/2), num(l.x.Nums[i]+band/2)
		case l.kind == "barh" && l.y.Labels == nil:
			r["y"], r["y2"] = num(l.y.Nums[i]-band/2), num(l.y.Nums[i]+band/2)
		}
		out = append(out, r)
	}
	return out
}

// sample picks the rows of a layer to draw: all of them, or for a long
// line each bucket's lowest and highest point in order, for many points
// every k-th.
func sample(l *layer, n int) []int {
	idx := make([]int, 0, min(n, maxPoints))
	if n <= maxPoints || (l.kind != "line" && l.kind != "scatter") {
		for i := 0; i < n; i++ {
			idx = append(idx, i)
		}
		return idx
	}
	if l.kind == "scatter" || l.y.Labels != nil {
		k := (n + maxPoints - 1) / maxPoints
		for i := 0; i < n; i += k {
			idx = append(idx, i)
		}
		return idx
	}
	k := (n + maxPoints/2 - 1) / (maxPoints / 2)
	y := l.y.Nums
	for lo := 0; lo < n; lo += k {
		hi := min(lo+k, n)
		a, b := lo, lo
		for i := lo; i < hi; i++ {
			if y[i] < y[a] || math.IsNaN(y[a]) {
				a = i
			}
			if y[i] > y[b] || math.IsNaN(y[b]) {
				b = i
			}
		}
		idx = append(idx, min(a, b))
		if a != b {
			idx = append(idx, max(a, b))
		}
	}
	return idx
}
