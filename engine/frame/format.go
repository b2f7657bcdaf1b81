package frame

import (
	"fmt"
	"html"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// Display limits, pandas' defaults in a notebook.
const (
	maxRows    = 60 // longer tables show their first and last minRows/2 rows
	minRows    = 10
	maxColumns = 20 // wider tables show their first and last 10 columns
	precision  = 6  // pandas display.precision
	// maxColWidth is pandas' display.max_colwidth: a longer value shows
	// its first 47 characters (the sign's space included) and "...".
	maxColWidth = 50
)

// formatRows formats the values of a at rows, the rows a repr shows:
// pandas formats the truncated table, so the digits a float column shows
// depend on its shown values only.
func formatRows(a arrow.Array, rows []int) []string {
	if len(rows) == a.Len() {
		return formatValues(a)
	}
	// The shown rows are a run at the start and one at the end.
	var parts []arrow.Array
	for i := 0; i < len(rows); {
		j := i + 1
		for j < len(rows) && rows[j] == rows[j-1]+1 {
			j++
		}
		parts = append(parts, array.NewSlice(a, int64(rows[i]), int64(rows[j-1]+1)))
		i = j
	}
	shown, err := array.Concatenate(parts, memory.DefaultAllocator)
	if err != nil {
		return pick(formatValues(a), rows)
	}
	return formatValues(shown)
}

// clipWidths cuts the values longer than maxColWidth as pandas'
// _make_fixed_width does.
func clipWidths(out []string) []string {
	for i, s := range out {
		if len(s) > maxColWidth && runeLen(s) > maxColWidth {
			out[i] = string([]rune(s)[:maxColWidth-3]) + "..."
		}
	}
	return out
}

// formatValues formats a column as pandas 1.5 prints it, with the leading
// space pandas leaves for a sign. Missing values are "NaN" (or "NaT").
func formatValues(a arrow.Array) []string {
	n := a.Len()
	out := make([]string, n)
	switch a := a.(type) {
	case *array.Float64:
		return formatFloats(a.Float64Values())
	case *array.Int64:
		for i, v := range a.Int64Values() {
			// Python's "{: d}": a space for the sign of positive numbers.
			out[i] = strconv.FormatInt(v, 10)
			if v >= 0 {
				out[i] = " " + out[i]
			}
		}
	case *array.Boolean:
		for i := 0; i < n; i++ {
			switch {
			case a.IsNull(i):
				out[i] = " NaN"
			case a.Value(i):
				out[i] = " True"
			default:
				out[i] = " False"
			}
		}
	case *array.String:
		for i := 0; i < n; i++ {
			if a.IsNull(i) {
				out[i] = " NaN"
			} else {
				out[i] = " " + a.Value(i)
			}
		}
		return clipWidths(out)
	case *array.List:
		for i := 0; i < n; i++ {
			out[i] = " NaN"
			if a.IsValid(i) {
				out[i] = " " + formatList(a, i)
			}
		}
		return clipWidths(out)
	case *array.Timestamp:
		unit := a.DataType().(*arrow.TimestampType).Unit
		// pandas shows tz-aware times whole, with their offset.
		dateOnly := a.DataType().(*arrow.TimestampType).TimeZone == ""
		ts := make([]time.Time, n)
		for i := 0; i < n; i++ {
			if a.IsNull(i) {
				continue
			}
			ts[i] = a.Value(i).ToTime(unit).UTC()
			if ts[i].Hour() != 0 || ts[i].Minute() != 0 || ts[i].Second() != 0 || ts[i].Nanosecond() != 0 {
				dateOnly = false
			}
		}
		for i := 0; i < n; i++ {
			switch {
			case a.IsNull(i):
				out[i] = "NaT"
			case dateOnly:
				out[i] = ts[i].Format("2006-01-02")
			case a.DataType().(*arrow.TimestampType).TimeZone != "":
				out[i] = ts[i].Format("2006-01-02 15:04:05-07:00")
			default:
				out[i] = ts[i].Format("2006-01-02 15:04:05")
			}
		}
	case *array.Duration:
		for i := 0; i < n; i++ {
			if a.IsNull(i) {
				out[i] = "NaT"
			} else {
				out[i] = FormatTimedelta(int64(a.Value(i)))
			}
		}
	default:
		for i := 0; i < n; i++ {
			out[i] = " " + a.ValueStr(i)
		}
		return clipWidths(out)
	}
	return out
}

// FormatTimedelta formats nanoseconds as pandas prints a Timedelta:
// "1 days 02:03:04", with fractional seconds when there are any.
func FormatTimedelta(ns int64) string {
	sign := ""
	if ns < 0 {
		sign, ns = "-", -ns
	}
	day := int64(86400e9)
	d, rem := ns/day, ns%day
	h, rem := rem/3600e9, rem%3600e9
	m, rem := rem/60e9, rem%60e9
	sec, frac := rem/1e9, rem%1e9
	s := fmt.Sprintf("%s%d days %02d:%02d:%02d", sign, d, h, m, sec)
	if frac != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%09d", frac), "0")
	}
	return s
}

// formatFloats follows pandas' FloatArrayFormatter: fixed with six
// decimals, trailing zeros trimmed alike in every value, scientific when
// values are tiny, or large and long.
func formatFloats(v []float64) []string {
	fixed := func(x float64) string {
		if math.IsNaN(x) {
			return "NaN"
		}
		if math.IsInf(x, 0) {
			if x > 0 {
				return " inf"
			}
			return "-inf"
		}
		s := strconv.FormatFloat(x, 'f', precision, 64)
		if x >= 0 && !strings.HasPrefix(s, "-") {
			s = " " + s
		}
		return s
	}
	out := make([]string, len(v))
	maxLen, large, small := 0, false, false
	for i, x := range v {
		out[i] = fixed(x)
		ax := math.Abs(x)
		if ax > 1e6 && !math.IsInf(ax, 0) {
			large = true
		}
		if ax < math.Pow(10, -precision) && ax > 0 {
			small = true
		}
	}
	// pandas measures the values after trimming their zeros.
	trimmed := trimZeros(out)
	for _, x := range trimmed {
		maxLen = max(maxLen, len(x))
	}
	if small || (maxLen > precision+6 && large) {
		for i, x := range v {
			if math.IsNaN(x) {
				out[i] = "NaN"
				continue
			}
			s := strconv.FormatFloat(x, 'e', precision, 64)
			// Go writes e+07 like Python; keep the sign space.
			if x >= 0 {
				s = " " + s
			}
			out[i] = s
		}
		return out
	}
	return trimmed
}

// trimZeros removes trailing zeros from every decimal number while all of
// them end in zero, leaving at least one digit after the point.
func trimZeros(s []string) []string {
	isNum := func(x string) bool {
		x = strings.TrimLeft(x, " ")
		x = strings.TrimPrefix(strings.TrimPrefix(x, "-"), "+")
		dot := strings.IndexByte(x, '.')
		if dot <= 0 {
			return false
		}
		for i := 0; i < len(x); i++ {
			if i != dot && (x[i] < '0' || x[i] > '9') {
				return false
			}
		}
		return true
	}
	for {
		any, all := false, true
		for _, x := range s {
			if isNum(x) {
				any = true
				if !strings.HasSuffix(x, "0") {
					all = false
					break
				}
			}
		}
		if !any || !all {
			break
		}
		for i, x := range s {
			if isNum(x) {
				s[i] = x[:len(x)-1]
			}
		}
	}
	for i, x := range s {
		if isNum(x) && strings.HasSuffix(x, ".") {
			s[i] = x + "0"
		}
	}
	return s
}

// indexLabels returns the row labels of index levels (or of a RangeIndex
// of n rows), left-aligned text for each level.
func indexLabels(index []Column, n int) [][]string {
	if len(index) == 0 {
		l := make([]string, n)
		for i := range l {
			l[i] = strconv.Itoa(i)
		}
		return [][]string{l}
	}
	out := make([][]string, len(index))
	for k, c := range index {
		vals := formatValues(c.Data)
		for i := range vals {
			vals[i] = strings.TrimLeft(vals[i], " ")
		}
		out[k] = vals
	}
	return out
}

func padRight(s string, w int) string { return s + strings.Repeat(" ", max(0, w-runeLen(s))) }
func padLeft(s string, w int) string  { return strings.Repeat(" ", max(0, w-runeLen(s))) + s }
func runeLen(s string) int            { return len([]rune(s)) }

func width(ss []string) int {
	w := 0
	for _, s := range ss {
		w = max(w, runeLen(s))
	}
	return w
}

// rowsShown returns which rows a repr shows and whether it is truncated.
func rowsShown(n int) (rows []int, truncated bool) {
	if n <= maxRows {
		rows = make([]int, n)
		for i := range rows {
			rows[i] = i
		}
		return rows, false
	}
	for i := 0; i < minRows/2; i++ {
		rows = append(rows, i)
	}
	for i := n - minRows/2; i < n; i++ {
		rows = append(rows, i)
	}
	return rows, true
}

func pick(ss []string, rows []int) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = ss[r]
	}
	return out
}

// indexNames returns the index level names, or nil when none is named.
func indexNames(index []Column) []string {
	named := false
	out := make([]string, len(index))
	for i, c := range index {
		out[i] = c.Name
		named = named || c.Name != ""
	}
	if !named {
		return nil
	}
	return out
}

// sparsify picks rows of each level's labels and blanks an outer level's
// label where it repeats the row above, as pandas prints a MultiIndex.
func sparsify(labels [][]string, rows []int) [][]string {
	out := make([][]string, len(labels))
	for k, l := range labels {
		out[k] = pick(l, rows)
	}
	if len(labels) < 2 {
		return out
	}
	for i := len(rows) - 1; i > 0; i-- {
		for k := 0; k < len(labels)-1; k++ {
			if labels[k][rows[i]] != labels[k][rows[i-1]] {
				break
			}
			out[k][i] = ""
		}
	}
	return out
}

// String formats s as pandas' repr does.
func (s *Series) String() string {
	if s.Len() == 0 {
		// pandas prints an empty series on one line.
		name := ""
		if s.Name != "" {
			name = fmt.Sprintf("Name: %s, ", DisplayName(s.Name))
		}
		return fmt.Sprintf("Series([], %sdtype: %s)", name, DTypeOf(s.Data.DataType()))
	}
	rows, trunc := rowsShown(s.Len())
	labels := indexLabels(s.Index, s.Len())
	vals := formatRows(s.Data, rows)
	var b strings.Builder
	cols := sparsify(labels, rows)
	lw := make([]int, len(cols))
	for k, c := range cols {
		lw[k] = width(c)
	}
	if names := indexNames(s.Index); names != nil {
		if len(names) == 1 {
			b.WriteString(names[0])
		} else {
			for k, n := range names {
				lw[k] = max(lw[k], runeLen(n))
				if k > 0 {
					b.WriteString("  ")
				}
				b.WriteString(padRight(n, lw[k]))
			}
		}
		b.WriteByte('\n')
	}
	vw := width(vals)
	for i := range rows {
		if trunc && i == minRows/2 {
			dots := ".."
			if runeLen(vals[i-1]) > 3 || vw > 3 {
				dots = "..."
			}
			for k := range cols {
				if k > 0 {
					b.WriteString("  ")
				}
				b.WriteString(strings.Repeat(" ", lw[k]))
			}
			b.WriteString("   ")
			b.WriteString(Center(dots, vw))
			b.WriteByte('\n')
		}
		for k, c := range cols {
			if k > 0 {
				b.WriteString("  ")
			}
			b.WriteString(padRight(c[i], lw[k]))
		}
		b.WriteString("   ")
		b.WriteString(padLeft(vals[i], vw))
		b.WriteByte('\n')
	}
	if s.IndexFreq != "" {
		fmt.Fprintf(&b, "Freq: %s, ", s.IndexFreq)
	}
	if s.Name != "" {
		fmt.Fprintf(&b, "Name: %s, ", DisplayName(s.Name))
	}
	if trunc {
		fmt.Fprintf(&b, "Length: %d, ", s.Len())
	}
	fmt.Fprintf(&b, "dtype: %s", DTypeOf(s.Data.DataType()))
	return b.String()
}

// colsShown returns which columns a repr shows; -1 marks the "..." column.
func colsShown(n int) []int {
	var out []int
	if n <= maxColumns {
		for i := 0; i < n; i++ {
			out = append(out, i)
		}
		return out
	}
	for i := 0; i < maxColumns/2; i++ {
		out = append(out, i)
	}
	out = append(out, -1)
	for i := n - maxColumns/2; i < n; i++ {
		out = append(out, i)
	}
	return out
}

// String formats f as pandas' repr does: the index left-aligned, each
// column right-aligned under its name, columns one space apart (values keep
// the space pandas leaves for a sign).
func (f *Frame) String() string {
	if f.Rows == 0 && len(f.Columns) > 0 {
		// pandas names the columns of an empty frame instead of drawing
		// a table without rows.
		names := make([]string, len(f.Columns))
		for i, c := range f.Columns {
			names[i] = DisplayName(c.Name)
		}
		return "Empty DataFrame\nColumns: [" + strings.Join(names, ", ") + "]\nIndex: []"
	}
	rows, rtrunc := rowsShown(f.Rows)
	cols := colsShown(len(f.Columns))
	labels := indexLabels(f.Index, f.Rows)
	nlev := ColumnLevels(f) // header rows
	type strcol struct {
		cells []string // header rows first
		left  bool
	}
	var table []strcol
	for _, l := range sparsify(labels, rows) {
		table = append(table, strcol{append(make([]string, nlev), l...), true})
	}
	pos := 0 // position among the shown columns, the "..." excluded
	var prev []string
	for _, c := range cols {
		if c < 0 {
			col := make([]string, len(rows)+nlev)
			for i := range col {
				col[i] = " ..."
			}
			table = append(table, strcol{cells: col})
			continue
		}
		vals := formatRows(f.Columns[c].Data, rows)
		var header []string
		if nlev > 1 {
			// MultiIndex columns: a level repeating the column before
			// is left blank, and numbers get no extra space.
			cur := Levels(f.Columns[c].Name)
			header = SparseLevels(prev, cur)
			prev = cur
		} else {
			h := f.Columns[c].Name
			// pandas pads numeric headers like their values, judging by
			// the dtype of the column at the same position of the
			// untruncated frame (a quirk of pandas 1.5 we reproduce).
			if dt := f.Columns[pos].DType(); dt == Int64 || dt == Float64 || dt == Bool {
				h = " " + h
			}
			header = []string{h}
		}
		pos++
		table = append(table, strcol{cells: append(header, vals...)})
	}
	if rtrunc {
		at := minRows/2 + nlev // after the header and the first rows
		for k := range table {
			w := width(table[k].cells)
			dots := ".."
			if w > 3 || (k >= len(labels) && cols[k-len(labels)] < 0) {
				dots = "..."
			}
			if k >= len(labels) && cols[k-len(labels)] < 0 {
				w = 4
			}
			// pandas formats a MultiIndex as one column: its "..." goes
			// under the first level only.
			if len(labels) > 1 && k < len(labels) {
				dots = "..."
				if k > 0 {
					dots = ""
				}
			}
			if table[k].left {
				dots = padRight(dots, w)
			} else {
				dots = padLeft(dots, w)
			}
			c := table[k].cells
			table[k].cells = append(c[:at:at], append([]string{dots}, c[at:]...)...)
		}
	}
	// A named index gets a row of its own under the column names.
	if names := indexNames(f.Index); names != nil {
		for k := range table {
			n := ""
			if k < len(names) {
				n = names[k]
			}
			c := table[k].cells
			table[k].cells = append(c[:nlev:nlev], append([]string{n}, c[nlev:]...)...)
			table[k].left = table[k].left || k < len(names)
		}
	}
	// Wider than display.width, the columns wrap into blocks as pandas'
	// _join_multiline lays them out: the index repeated before each
	// block, " \\" after the first line of all blocks but the last.
	widths := make([]int, len(table))
	idxWidth := 0
	for k, col := range table {
		widths[k] = width(col.cells)
		if k < len(labels) {
			idxWidth += widths[k] + 1
		}
	}
	bins := binify(widths[len(labels):], displayWidth-idxWidth)
	var b strings.Builder
	start := len(labels)
	for n, end := range bins {
		end += len(labels)
		if n > 0 {
			b.WriteString("\n\n")
		}
		for i := range table[0].cells {
			for k := 0; k < end; k++ {
				if k >= len(labels) && k < start {
					continue
				}
				col := table[k]
				if k > 0 {
					b.WriteByte(' ')
				}
				if col.left {
					b.WriteString(padRight(col.cells[i], widths[k]))
				} else {
					b.WriteString(padLeft(col.cells[i], widths[k]))
				}
			}
			switch {
			case len(bins) == 1:
			case n < len(bins)-1 && i == 0:
				b.WriteString("  \\")
			case n < len(bins)-1:
				b.WriteString("   ")
			default:
				b.WriteString("  ")
			}
			if i+1 < len(table[0].cells) {
				b.WriteByte('\n')
			}
		}
		start = end
	}
	s := b.String()
	if rtrunc || len(f.Columns) > maxColumns {
		s += fmt.Sprintf("\n\n[%d rows x %d columns]", f.Rows, len(f.Columns))
	}
	return s
}

// displayWidth is pandas' display.width, the width a frame's text wraps at.
const displayWidth = 80

// binify splits columns of the given widths into blocks that fit in
// lineWidth, one space apart, as pandas' _binify does: it returns each
// block's end.
func binify(widths []int, lineWidth int) []int {
	var bins []int
	cur := 0
	for i, w := range widths {
		cur += w + 1
		room := 2 // the " \\" that ends a wrapped block's first line
		if i == len(widths)-1 {
			room = 1
		}
		if cur+room > lineWidth && i > 0 {
			bins = append(bins, i)
			cur = w + 1
		}
	}
	return append(bins, len(widths))
}

// Center centers s in width w as Python's str.center does.
func Center(s string, w int) string {
	marg := w - runeLen(s)
	if marg <= 0 {
		return s
	}
	left := marg/2 + (marg & w & 1)
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", marg-left)
}

// htmlStyleLevels is htmlStyle for MultiIndex columns: their upper
// levels are left-aligned over the columns they span.
// The last rule applies when a row of index names ends the header.
const htmlStyleLevels = `<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead tr th {
        text-align: left;
    }
`
const htmlStyleLevelsNamed = `
    .dataframe thead tr:last-of-type th {
        text-align: right;
    }
`

const htmlStyle = `<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>
`

// HTML formats f as pandas' _repr_html_ does in a notebook.
func (f *Frame) HTML() string {
	rows, rtrunc := rowsShown(f.Rows)
	cols := colsShown(len(f.Columns))
	labels := indexLabels(f.Index, f.Rows)
	cells := make([][]string, len(cols))
	for j, c := range cols {
		if c >= 0 {
			cells[j] = formatRows(f.Columns[c].Data, rows)
		}
	}
	var b strings.Builder
	htmlHead(&b, f, cols, len(labels))
	b.WriteString("  </thead>\n  <tbody>\n")
	spans := rowSpans(labels, rows, rtrunc)
	for i, r := range rows {
		if rtrunc && i == minRows/2 {
			b.WriteString("    <tr>\n")
			for range labels {
				b.WriteString("      <th>...</th>\n")
			}
			for range cols {
				b.WriteString("      <td>...</td>\n")
			}
			b.WriteString("    </tr>\n")
		}
		b.WriteString("    <tr>\n")
		for lev, l := range labels {
			switch k := spans[lev][i]; {
			case k == 0: // inside the span of the row above
			case k > 1:
				fmt.Fprintf(&b, "      <th rowspan=\"%d\" valign=\"top\">%s</th>\n", k, html.EscapeString(l[r]))
			default:
				fmt.Fprintf(&b, "      <th>%s</th>\n", html.EscapeString(l[r]))
			}
		}
		for j, c := range cols {
			v := "..."
			if c >= 0 {
				v = strings.TrimLeft(cells[j][i], " ")
			}
			fmt.Fprintf(&b, "      <td>%s</td>\n", html.EscapeString(v))
		}
		b.WriteString("    </tr>\n")
	}
	b.WriteString("  </tbody>\n</table>\n")
	if rtrunc || len(cols) < len(f.Columns) || len(f.Columns) > maxColumns {
		fmt.Fprintf(&b, "<p>%d rows × %d columns</p>\n", f.Rows, len(f.Columns))
	}
	b.WriteString("</div>")
	return b.String()
}

// rowSpans gives, for each index level and shown row, how many rows the
// label's cell spans in HTML (0: covered by the cell above). As pandas
// does for a MultiIndex, an outer level's repeated labels merge into one
// cell; the innermost level and a plain index never merge, nor across the
// "..." of a cut table.
func rowSpans(labels [][]string, rows []int, cut bool) [][]int {
	spans := make([][]int, len(labels))
	for lev := range labels {
		spans[lev] = make([]int, len(rows))
		start := 0
		for i := range rows {
			same := i > 0 && lev < len(labels)-1 && !(cut && i == minRows/2)
			for l := 0; same && l <= lev; l++ {
				same = labels[l][rows[i]] == labels[l][rows[i-1]]
			}
			if same {
				spans[lev][start]++
				continue
			}
			start = i
			spans[lev][i] = 1
		}
	}
	return spans
}

// levelHeaderHTML writes a header row per level of MultiIndex columns: an
// upper level's label spans (colspan) the columns that share it.
func levelHeaderHTML(b *strings.Builder, f *Frame, cols []int, nindex, nlev int) {
	parts := make([][]string, len(cols))
	for j, c := range cols {
		if c >= 0 {
			parts[j] = Levels(f.Columns[c].Name)
		}
	}
	for l := range nlev {
		b.WriteString("    <tr>\n")
		for range nindex {
			b.WriteString("      <th></th>\n")
		}
		for j := 0; j < len(cols); {
			if parts[j] == nil {
				b.WriteString("      <th>...</th>\n")
				j++
				continue
			}
			span := 1
			for l < nlev-1 && j+span < len(cols) && parts[j+span] != nil && slices.Equal(parts[j+span][:l+1], parts[j][:l+1]) {
				span++
			}
			if span > 1 {
				fmt.Fprintf(b, "      <th colspan=\"%d\" halign=\"left\">%s</th>\n", span, html.EscapeString(parts[j][l]))
			} else {
				fmt.Fprintf(b, "      <th>%s</th>\n", html.EscapeString(parts[j][l]))
			}
			j += span
		}
		b.WriteString("    </tr>\n")
	}
}

// HTMLHead is the start of f's notebook HTML, up to its header's end: the
// style, the table and the header rows. Dask's structure reprs follow it
// with rows of their own.
func (f *Frame) HTMLHead() string {
	var b strings.Builder
	htmlHead(&b, f, colsShown(len(f.Columns)), max(len(f.Index), 1))
	b.WriteString("  </thead>\n")
	return b.String()
}

// htmlHead writes the opening of f's HTML table and its header rows for
// the shown columns cols and nindex index levels.
func htmlHead(b *strings.Builder, f *Frame, cols []int, nindex int) {
	b.WriteString("<div>\n")
	if nlev := ColumnLevels(f); nlev > 1 {
		b.WriteString(htmlStyleLevels)
		if indexNames(f.Index) != nil {
			b.WriteString(htmlStyleLevelsNamed)
		}
		b.WriteString("</style>\n<table border=\"1\" class=\"dataframe\">\n  <thead>\n")
		levelHeaderHTML(b, f, cols, nindex, nlev)
	} else {
		b.WriteString(htmlStyle)
		b.WriteString("<table border=\"1\" class=\"dataframe\">\n  <thead>\n    <tr style=\"text-align: right;\">\n")
		for range nindex {
			b.WriteString("      <th></th>\n")
		}
		for _, c := range cols {
			name := "..."
			if c >= 0 {
				name = f.Columns[c].Name
			}
			fmt.Fprintf(b, "      <th>%s</th>\n", html.EscapeString(name))
		}
		b.WriteString("    </tr>\n")
	}
	if names := indexNames(f.Index); names != nil {
		b.WriteString("    <tr>\n")
		for _, n := range names {
			fmt.Fprintf(b, "      <th>%s</th>\n", html.EscapeString(n))
		}
		for range cols {
			b.WriteString("      <th></th>\n")
		}
		b.WriteString("    </tr>\n")
	}
}
