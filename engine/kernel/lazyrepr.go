package kernel

import (
	"fmt"
	"html"
	"strings"

	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/graph"
)

// Dask shows a lazy collection's structure as a table with a row per
// division (npartitions+1 of them, blank while unknown): the dtypes, then
// "..." — cut to five rows with pandas' max_rows=5, two on each side of
// a "..." row.

// divisionRows returns the rows after the dtypes: true marks the
// truncation row.
func divisionRows(nparts int) []bool {
	if nparts+1 <= 5 {
		return make([]bool, nparts)
	}
	return []bool{false, true, false, false}
}

// lazyFrameRepr is Dask's repr of a DataFrame: its structure, not its data.
func lazyFrameRepr(c *dataframe.Collection) string {
	m := c.FrameMeta()
	names := m.Names()
	w := make([]int, len(names))
	for i, c := range m.Columns {
		w[i] = max(len(c.Name), len(string(c.DType())))
	}
	label := fmt.Sprintf("npartitions=%d", c.NParts)
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
	for _, cut := range divisionRows(c.NParts) {
		first := ""
		if cut {
			first = "..."
		}
		row(first, func(i int) string { return "..." })
	}
	fmt.Fprintf(&b, "Dask Name: %s, %s", graph.PartKey(c.Name, 0).Prefix(), layers(c.Graph))
	return b.String()
}

// lazySeriesRepr is Dask's repr of a Series (or, with name "", an Index).
func lazySeriesRepr(kind string, c *dataframe.Collection, name string, dtype frame.DType) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Dask %s Structure:\nnpartitions=%d\n    %s\n", kind, c.NParts, dtype)
	w := len(dtype) + 1
	for _, cut := range divisionRows(c.NParts) {
		if cut {
			b.WriteString("   " + pyCenter("...", w) + "\n")
		} else {
			fmt.Fprintf(&b, "   %*s\n", w, "...")
		}
	}
	if kind == "Series" {
		fmt.Fprintf(&b, "Name: %s, ", name)
	}
	fmt.Fprintf(&b, "dtype: %s\nDask Name: %s, %s", dtype, graph.PartKey(c.Name, 0).Prefix(), layers(c.Graph))
	return b.String()
}

// pyCenter centers s in width w as Python's str.center does.
func pyCenter(s string, w int) string {
	marg := w - len(s)
	if marg <= 0 {
		return s
	}
	left := marg/2 + (marg & w & 1)
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", marg-left)
}

// lazyFrameHTML is Dask's notebook repr of a DataFrame.
func lazyFrameHTML(c *dataframe.Collection) string {
	m := c.FrameMeta()
	var b strings.Builder
	b.WriteString("<div><strong>Dask DataFrame Structure:</strong></div>\n<div>\n<table border=\"1\" class=\"dataframe\">\n  <thead>\n    <tr style=\"text-align: right;\">\n      <th></th>\n")
	for _, c := range m.Columns {
		fmt.Fprintf(&b, "      <th>%s</th>\n", html.EscapeString(c.Name))
	}
	fmt.Fprintf(&b, "    </tr>\n    <tr>\n      <th>npartitions=%d</th>\n", c.NParts)
	for range m.Columns {
		b.WriteString("      <th></th>\n")
	}
	b.WriteString("    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <th></th>\n")
	for _, c := range m.Columns {
		fmt.Fprintf(&b, "      <td>%s</td>\n", c.DType())
	}
	b.WriteString("    </tr>\n")
	for _, cut := range divisionRows(c.NParts) {
		th := ""
		if cut {
			th = "..."
		}
		fmt.Fprintf(&b, "    <tr>\n      <th>%s</th>\n", th)
		for range m.Columns {
			b.WriteString("      <td>...</td>\n")
		}
		b.WriteString("    </tr>\n")
	}
	fmt.Fprintf(&b, "  </tbody>\n</table>\n</div>\n<div>Dask Name: %s, %s</div>", html.EscapeString(graph.PartKey(c.Name, 0).Prefix()), layers(c.Graph))
	return b.String()
}
