package kernel

import (
	"fmt"
	"html"
	"strings"

	"burst/engine/dataframe"
	"burst/engine/graph"
)

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
	row("", func(i int) string { return "..." })
	fmt.Fprintf(&b, "Dask Name: %s, %s", graph.PartKey(c.Name, 0).Prefix(), layers(c.Graph))
	return b.String()
}

// lazyFrameHTML is Dask's notebook repr of a DataFrame.
func lazyFrameHTML(c *dataframe.Collection) string {
	m := c.FrameMeta()
	var b strings.Builder
	b.WriteString("<div><strong>Dask DataFrame Structure:</strong></div>\n<table border=\"1\" class=\"dataframe\">\n  <thead>\n    <tr style=\"text-align: right;\">\n      <th></th>\n")
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
	b.WriteString("    </tr>\n    <tr>\n      <th></th>\n")
	for range m.Columns {
		b.WriteString("      <td>...</td>\n")
	}
	fmt.Fprintf(&b, "    </tr>\n  </tbody>\n</table>\n<div>Dask Name: %s, %s</div>", html.EscapeString(graph.PartKey(c.Name, 0).Prefix()), layers(c.Graph))
	return b.String()
}
