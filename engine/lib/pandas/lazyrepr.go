package pandas

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"

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
// It is pandas' to_string of a frame of dtype names: columns one space
// apart, each as wide as its labels and its values (which pandas prints
// after a space), labels of MultiIndex columns on a row per level.
func lazyFrameRepr(c *dataframe.Collection) string {
	return FrameStructure(c.FrameMeta(), c.NParts, fmt.Sprintf("Dask Name: %s, %s", graph.PartKey(c.Name, 0).Prefix(), layers(c.Graph)))
}

// npartitionsLabel labels the structure's index: "npartitions=?" while
// the number is not known (nparts < 0: a plan on a remote cluster before
// persist).
func npartitionsLabel(nparts int) string {
	if nparts < 0 {
		return "npartitions=?"
	}
	return fmt.Sprintf("npartitions=%d", nparts)
}

// structureRows is divisionRows, with one row while the number of
// partitions is not known.
func structureRows(nparts int) []bool {
	if nparts < 0 {
		return divisionRows(1)
	}
	return divisionRows(nparts)
}

// FrameStructure is lazyFrameRepr for a frame's meta, its number of
// partitions (-1: unknown) and the "Dask Name: …" line.
func FrameStructure(m *frame.Frame, nparts int, nameLine string) string {
	nlev := frame.ColumnLevels(m)
	label := npartitionsLabel(nparts)
	heads := make([][]string, len(m.Columns)) // labels per level
	w := make([]int, len(m.Columns))
	var prev []string
	for i, col := range m.Columns {
		levels := frame.Levels(col.Name)
		if nlev == 1 {
			levels = []string{col.Name}
		}
		heads[i] = frame.SparseLevels(prev, levels)
		prev = levels
		w[i] = max(1+len(string(col.DType())), 4)
		for _, h := range heads[i] {
			w[i] = max(w[i], utf8.RuneCountInString(h))
		}
	}
	var b strings.Builder
	b.WriteString("Dask DataFrame Structure:\n")
	row := func(first string, cell func(i int) string) {
		b.WriteString(fmt.Sprintf("%-*s", len(label), first))
		for i := range m.Columns {
			b.WriteString(" " + fmt.Sprintf("%*s", w[i], cell(i)))
		}
		b.WriteString("\n")
	}
	for l := range nlev {
		row("", func(i int) string { return heads[i][l] })
	}
	row(label, func(i int) string { return "" })
	row("", func(i int) string { return string(m.Columns[i].DType()) })
	for _, cut := range structureRows(nparts) {
		first := ""
		if cut {
			first = "..."
		}
		row(first, func(i int) string { return "..." })
	}
	b.WriteString(nameLine)
	return b.String()
}

// lazySeriesRepr is Dask's repr of a Series (or, with name "", an Index).
func lazySeriesRepr(kind string, c *dataframe.Collection, name string, dtype frame.DType) string {
	return SeriesStructure(kind, c.NParts, name, dtype, fmt.Sprintf("Dask Name: %s, %s", graph.PartKey(c.Name, 0).Prefix(), layers(c.Graph)))
}

// SeriesStructure is lazySeriesRepr for a number of partitions (-1:
// unknown) and a "Dask Name: …" line.
func SeriesStructure(kind string, nparts int, name string, dtype frame.DType, nameLine string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Dask %s Structure:\n%s\n    %s\n", kind, npartitionsLabel(nparts), dtype)
	w := len(dtype) + 1
	for _, cut := range structureRows(nparts) {
		if cut {
			b.WriteString("   " + frame.Center("...", w) + "\n")
		} else {
			fmt.Fprintf(&b, "   %*s\n", w, "...")
		}
	}
	if kind == "Series" {
		fmt.Fprintf(&b, "Name: %s, ", name)
	}
	fmt.Fprintf(&b, "dtype: %s\n%s", dtype, nameLine)
	return b.String()
}

// lazyFrameHTML is Dask's notebook repr of a DataFrame: pandas' HTML of
// the frame of dtype names, its index named npartitions=N.
func lazyFrameHTML(c *dataframe.Collection) string {
	return FrameStructureHTML(c.FrameMeta(), c.NParts, fmt.Sprintf("Dask Name: %s, %s", graph.PartKey(c.Name, 0).Prefix(), layers(c.Graph)))
}

// FrameStructureHTML is lazyFrameHTML for a frame's meta, its number of
// partitions (-1: unknown) and the "Dask Name: …" line.
func FrameStructureHTML(m *frame.Frame, nparts int, nameLine string) string {
	head := &frame.Frame{Columns: m.Columns, Index: []frame.Column{{Name: npartitionsLabel(nparts), Data: frame.Strings(nil, nil)}}}
	var b strings.Builder
	b.WriteString("<div><strong>Dask DataFrame Structure:</strong></div>\n")
	b.WriteString(head.HTMLHead())
	b.WriteString("  <tbody>\n    <tr>\n      <th></th>\n")
	for _, c := range m.Columns {
		fmt.Fprintf(&b, "      <td>%s</td>\n", c.DType())
	}
	b.WriteString("    </tr>\n")
	for _, cut := range structureRows(nparts) {
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
	fmt.Fprintf(&b, "  </tbody>\n</table>\n</div>\n<div>%s</div>", html.EscapeString(nameLine))
	return b.String()
}
