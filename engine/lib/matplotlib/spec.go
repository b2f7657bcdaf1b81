package matplotlib

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// A figure shows as a Vega-Lite v5 spec (MIME type
// application/vnd.vegalite.v5+json) with its data inline: the page draws
// it with vega-embed, JupyterLab natively, so a downloaded notebook still
// shows its charts. The spec is typed structs, not maps: the engine's
// code for them is a fraction of the size (the wasm budget).

// maxPoints caps the points of a line or scatter layer in a spec: a line
// of more keeps each bucket's lowest and highest point (its envelope, what
// a screen's pixels can show), a scatter every k-th point.
const maxPoints = 5000

// vlConfig is the charts' look: black axes and frame as matplotlib's,
// plain titles.
const vlConfig = `{"view":{"stroke":"#000000"},"axis":{"domainColor":"#000000","tickColor":"#000000","labelColor":"#000000","titleColor":"#000000",` +
	`"titleFontWeight":"normal","titleFontSize":12,"labelFontSize":11,"labelSeparation":6,"gridColor":"#dddddd"},"title":{"fontWeight":"normal","fontSize":13},"legend":{"labelFontSize":11}}`

// VLSpec is a Vega-Lite view: one Axes (a layered chart) or a grid of
// them (vconcat of hconcat).
type VLSpec struct {
	Schema   string          `json:"$schema,omitempty"`
	Usermeta *VLMeta         `json:"usermeta,omitempty"`
	Config   json.RawMessage `json:"config,omitempty"`
	Title    string          `json:"title,omitempty"`
	Width    float64         `json:"width,omitempty"`
	Height   float64         `json:"height,omitempty"`
	Layer    []VLLayer       `json:"layer,omitempty"`
	VConcat  []VLSpec        `json:"vconcat,omitempty"`
	HConcat  []VLSpec        `json:"hconcat,omitempty"`
	Resolve  json.RawMessage `json:"resolve,omitempty"`
}

// VLMeta tells the page the chart's kind (its data-chart).
type VLMeta struct {
	Kind string `json:"kind"`
}

// VLLayer is one layer: data, mark and encodings.
type VLLayer struct {
	Data     VLData     `json:"data"`
	Mark     VLMark     `json:"mark"`
	Encoding VLEncoding `json:"encoding"`
}

// VLData holds the rows inline.
type VLData struct {
	Values []VLRow `json:"values"`
}

// VLRow is one mark's data: its series s, x and y (numbers, text, or
// null for a gap) and the far ends of bars (x2, y2).
type VLRow struct {
	S  string `json:"s"`
	X  any    `json:"x"`
	Y  any    `json:"y"`
	X2 any    `json:"x2,omitempty"`
	Y2 any    `json:"y2,omitempty"`
}

// VLMark is the mark's type and look.
type VLMark struct {
	Type        string  `json:"type"`
	StrokeWidth float64 `json:"strokeWidth,omitempty"`
	Point       bool    `json:"point,omitempty"`
	StrokeDash  []int   `json:"strokeDash,omitempty"`
	Filled      bool    `json:"filled,omitempty"`
	Size        float64 `json:"size,omitempty"`
	Opacity     float64 `json:"opacity,omitempty"`
	Width       *VLBand `json:"width,omitempty"`
	Height      *VLBand `json:"height,omitempty"`
}

// VLBand is a bar's thickness as a fraction of its band.
type VLBand struct {
	Band float64 `json:"band"`
}

// VLEncoding maps the data's fields to the chart's channels.
type VLEncoding struct {
	X       *VLChannel `json:"x,omitempty"`
	Y       *VLChannel `json:"y,omitempty"`
	X2      *VLChannel `json:"x2,omitempty"`
	Y2      *VLChannel `json:"y2,omitempty"`
	XOffset *VLChannel `json:"xOffset,omitempty"`
	YOffset *VLChannel `json:"yOffset,omitempty"`
	Color   *VLColor   `json:"color,omitempty"`
}

// VLChannel is a position channel: a field (or a constant datum) and its
// type, axis, scale and category order.
type VLChannel struct {
	Field string   `json:"field,omitempty"`
	Datum *float64 `json:"datum,omitempty"`
	Type  string   `json:"type,omitempty"`
	Axis  *VLAxis  `json:"axis,omitempty"`
	Scale *VLScale `json:"scale,omitempty"`
	Sort  []string `json:"sort,omitempty"`
}

// VLAxis is an axis: its title (null: none), grid lines, label angle.
type VLAxis struct {
	Title      *string  `json:"title"`
	Grid       bool     `json:"grid"`
	LabelAngle *float64 `json:"labelAngle,omitempty"`
}

// VLScale is a scale: whether it includes zero, a fixed domain, padding
// between categories.
type VLScale struct {
	Type         string    `json:"type,omitempty"`
	Zero         *bool     `json:"zero,omitempty"`
	Nice         *bool     `json:"nice,omitempty"`
	Domain       []float64 `json:"domain,omitempty"`
	PaddingInner float64   `json:"paddingInner,omitempty"`
	PaddingOuter float64   `json:"paddingOuter,omitempty"`
}

// VLColor colors layers by series: the matplotlib colors of every layer
// of the Axes, and the legend (null: none).
type VLColor struct {
	Field  string       `json:"field"`
	Type   string       `json:"type"`
	Scale  VLColorScale `json:"scale"`
	Legend *VLLegend    `json:"legend"`
}

// VLColorScale lists the series and their colors.
type VLColorScale struct {
	Domain []string `json:"domain"`
	Range  []string `json:"range"`
}

// VLLegend shows the labelled series.
type VLLegend struct {
	Title  *string  `json:"title"`
	Values []string `json:"values"`
}

// VegaLite is the figure's chart, nil while nothing is drawn.
func (f *Figure) VegaLite() any {
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
	var spec VLSpec
	if len(f.axes) == 1 {
		spec = f.axes[0].spec(w, h)
	} else {
		// Each Axes has colors of its own, at both levels of the grid.
		independent := json.RawMessage(`{"scale":{"color":"independent"}}`)
		for r := 0; r < f.rows; r++ {
			row := VLSpec{Resolve: independent}
			for c := 0; c < f.cols && r*f.cols+c < len(f.axes); c++ {
				row.HConcat = append(row.HConcat, f.axes[r*f.cols+c].spec(w, h))
			}
			spec.VConcat = append(spec.VConcat, row)
		}
		spec.Resolve = independent
	}
	spec.Schema = "https://vega.github.io/schema/vega-lite/v5.json"
	spec.Usermeta = &VLMeta{Kind: kind}
	spec.Config = json.RawMessage(vlConfig)
	return &spec
}

// spec is one Axes as a layered Vega-Lite chart of w by h pixels.
func (a *Axes) spec(w, h float64) VLSpec {
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
	color := &VLColor{Field: "s", Type: "nominal", Scale: VLColorScale{Domain: names, Range: colors}}
	if a.legend && len(shown) > 0 {
		color.Legend = &VLLegend{Values: shown}
	}
	s := VLSpec{Title: a.title, Width: w, Height: h, Layer: make([]VLLayer, len(a.layers))}
	for i, l := range a.layers {
		s.Layer[i] = a.layerSpec(l, names[i], color, grouped)
	}
	return s
}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// zero is a fresh 0 for a datum or an angle.
func zero() *float64 { return new(float64) }

// layerSpec is one layer: its data, mark and encodings.
func (a *Axes) layerSpec(l *layer, name string, color *VLColor, grouped []string) VLLayer {
	xAxis := &VLAxis{Title: orNull(a.xlabel), Grid: a.grid}
	yAxis := &VLAxis{Title: orNull(a.ylabel), Grid: a.grid}
	if a.rot != nil {
		deg := -*a.rot
		xAxis.LabelAngle = &deg
	} else if l.x.Labels != nil {
		xAxis.LabelAngle = zero()
	}
	mark := VLMark{Type: "bar", Opacity: l.opacity}
	switch l.kind {
	case "line":
		mark.Type, mark.StrokeWidth, mark.Point = "line", 1.5, l.points
		if l.dash {
			mark.StrokeDash = []int{6, 4}
		}
	case "scatter":
		mark.Type, mark.Filled, mark.Size = "point", true, 36
		if l.size > 0 {
			mark.Size = l.size
		}
		if mark.Opacity == 0 {
			mark.Opacity = 1
		}
	}
	band := 0.8
	if l.group {
		band = 0.5
	}
	enc := VLEncoding{Color: color, X: position("x", l.x, xAxis, a.xlim, l.kind), Y: position("y", l.y, yAxis, a.ylim, l.kind)}
	switch l.kind {
	case "hist":
		enc.X2, enc.Y2 = &VLChannel{Field: "x2"}, &VLChannel{Datum: zero()}
	case "bar", "barh":
		cats := l.x
		if l.kind == "barh" {
			cats = l.y
		}
		switch {
		case cats.Labels == nil && l.kind == "bar":
			// Bars at numeric positions span pos ± width/2, from zero.
			enc.X2, enc.Y2 = &VLChannel{Field: "x2"}, &VLChannel{Datum: zero()}
		case cats.Labels == nil:
			enc.Y2, enc.X2 = &VLChannel{Field: "y2"}, &VLChannel{Datum: zero()}
		case l.kind == "bar":
			mark.Width = &VLBand{band}
			if l.group && len(grouped) > 1 {
				enc.XOffset = &VLChannel{Field: "s", Sort: grouped}
			}
		default:
			mark.Height = &VLBand{band}
			if l.group && len(grouped) > 1 {
				enc.YOffset = &VLChannel{Field: "s", Sort: grouped}
			}
		}
	}
	return VLLayer{Data: VLData{Values: rows(l, name, band)}, Mark: mark, Encoding: enc}
}

// position encodes a column on an axis: text as categories in their
// order, times as dates, numbers on a linear scale (from zero for the
// lengths of bars, fitted to the data for positions).
func position(field string, c Column, axis *VLAxis, lim []float64, kind string) *VLChannel {
	e := &VLChannel{Field: field, Axis: axis}
	switch {
	case c.Labels != nil:
		e.Type = "nominal"
		if kind == "line" || kind == "scatter" {
			e.Type = "ordinal"
		}
		order := unique(c.Labels)
		if field == "y" {
			// matplotlib puts the first category at the bottom.
			for i, j := 0, len(order)-1; i < j; i, j = i+1, j-1 {
				order[i], order[j] = order[j], order[i]
			}
		}
		e.Sort = order
		e.Scale = &VLScale{PaddingInner: 0.1, PaddingOuter: 0.1}
	case c.Time:
		// pandas' times have no time zone: shown as they are, not in the
		// browser's.
		e.Type, e.Scale = "temporal", &VLScale{Type: "utc"}
	default:
		e.Type = "quantitative"
		isLength := (kind == "bar" && field == "y") || (kind == "barh" && field == "x") || (kind == "hist" && field == "y")
		e.Scale = &VLScale{Zero: &isLength}
		if len(lim) == 2 && !math.IsNaN(lim[0]) && !math.IsNaN(lim[1]) {
			no := false
			e.Scale.Domain, e.Scale.Nice = lim, &no
		}
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
func rows(l *layer, name string, band float64) []VLRow {
	n := l.y.Len()
	if l.kind == "barh" || l.kind == "hist" {
		n = l.x.Len()
	}
	idx := sample(l, n)
	out := make([]VLRow, len(idx))
	for k, i := range idx {
		r := VLRow{S: name, X: cell(l.x, i), Y: cell(l.y, i)}
		switch {
		case l.kind == "hist":
			r.X2 = num(l.x2[i])
		case l.kind == "bar" && l.x.Labels == nil:
			r.X, r.X2 = num(l.x.Nums[i]-band/2), num(l.x.Nums[i]+band/2)
		case l.kind == "barh" && l.y.Labels == nil:
			r.Y, r.Y2 = num(l.y.Nums[i]-band/2), num(l.y.Nums[i]+band/2)
		}
		out[k] = r
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
