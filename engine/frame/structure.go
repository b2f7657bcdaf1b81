package frame

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// Duplicated marks the rows equal (over subset, or all columns) to an
// earlier one (keep "first"), a later one ("last"), or any other ("none"),
// as DataFrame.duplicated.
func Duplicated(f *Frame, subset []string, keep string) ([]bool, error) {
	if len(subset) == 0 {
		subset = f.Names()
	}
	cols, err := f.cols(subset)
	if err != nil {
		return nil, err
	}
	return duplicatedRows(cols, f.Rows, keep)
}

// duplicatedRows is Duplicated over the rows of cols.
func duplicatedRows(cols []arrow.Array, n int, keep string) ([]bool, error) {
	keys := rowKeys(cols, n)
	count := make(map[string]int, n)
	out := make([]bool, n)
	switch keep {
	case "first", "last":
		for k := range keys {
			i := k
			if keep == "last" {
				i = n - 1 - k
			}
			out[i] = count[keys[i]] > 0
			count[keys[i]]++
		}
	case "none":
		for _, k := range keys {
			count[k]++
		}
		for i, k := range keys {
			out[i] = count[k] > 1
		}
	default:
		return nil, fmt.Errorf("ValueError: keep must be either \"first\", \"last\" or False")
	}
	return out, nil
}

// DropDuplicatesKeep is DropDuplicates with keep "first", "last" or
// "none" (drop every repeated row).
func (f *Frame) DropDuplicatesKeep(subset []string, keep string) (*Frame, error) {
	dup, err := Duplicated(f, subset, keep)
	if err != nil {
		return nil, err
	}
	var idx []int
	for i, d := range dup {
		if !d {
			idx = append(idx, i)
		}
	}
	return f.TakeRows(idx), nil
}

// SameValues reports whether a and b hold the same labels, columns,
// dtypes and values (missing values equal), as DataFrame.equals.
func SameValues(a, b *Frame) bool {
	if a.Rows != b.Rows || len(a.Columns) != len(b.Columns) || len(a.Index) != len(b.Index) {
		return false
	}
	ca := append(append([]Column(nil), a.Index...), a.Columns...)
	cb := append(append([]Column(nil), b.Index...), b.Columns...)
	for i := range ca {
		if ca[i].Name != cb[i].Name || ca[i].DType() != cb[i].DType() {
			return false
		}
		ka := rowKeys([]arrow.Array{ca[i].Data}, a.Rows)
		kb := rowKeys([]arrow.Array{cb[i].Data}, b.Rows)
		for r := range ka {
			if ka[r] != kb[r] {
				return false
			}
		}
	}
	return true
}

// indexBytes is what pandas 1.5 counts for an index: a RangeIndex is a
// fixed 132 bytes; other indexes 8 bytes a label.
func indexBytes(f *Frame) int64 {
	if len(f.Index) == 0 {
		return 132
	}
	return int64(8 * f.Rows)
}

func columnBytes(c Column, n int) int64 {
	if c.DType() == Bool {
		return int64(n)
	}
	return int64(8 * n)
}

// MemoryUsage is DataFrame.memory_usage() (deep=False): the bytes of the
// index and of each column as numpy holds them (8 a value, 1 a bool; an
// object column counts its pointers only).
func MemoryUsage(f *Frame, index bool) ([]string, []int64) {
	var names []string
	var sizes []int64
	if index {
		names, sizes = append(names, "Index"), append(sizes, indexBytes(f))
	}
	for _, c := range f.Columns {
		names, sizes = append(names, c.Name), append(sizes, columnBytes(c, f.Rows))
	}
	return names, sizes
}

// Info is what DataFrame.info() prints, as pandas 1.5 lays it out.
func Info(f *Frame) string {
	var b strings.Builder
	b.WriteString("<class 'pandas.core.frame.DataFrame'>\n")
	if len(f.Index) == 0 {
		if f.Rows == 0 {
			b.WriteString("RangeIndex: 0 entries\n")
		} else {
			fmt.Fprintf(&b, "RangeIndex: %d entries, 0 to %d\n", f.Rows, f.Rows-1)
		}
	} else {
		kind := map[DType]string{Int64: "Int64Index", Float64: "Float64Index", Datetime: "DatetimeIndex"}[f.Index[0].DType()]
		if kind == "" {
			kind = "Index"
		}
		fmt.Fprintf(&b, "%s: %d entries", kind, f.Rows)
		if f.Rows > 0 {
			v := formatPlain(f.Index[0].Data)
			fmt.Fprintf(&b, ", %s to %s", v[0], v[f.Rows-1])
		}
		b.WriteString("\n")
	}
	heads := []string{" # ", "Column", "Non-Null Count", "Dtype"}
	rows := make([][]string, len(f.Columns))
	counts := map[string]int{}
	mem := indexBytes(f)
	plus := ""
	for i, c := range f.Columns {
		dt := string(c.DType())
		counts[dt]++
		rows[i] = []string{fmt.Sprintf(" %d", i), c.Name, fmt.Sprintf("%d non-null", countValid(c.Data)), dt}
		mem += columnBytes(c, f.Rows)
		if c.DType() == Object {
			plus = "+"
		}
	}
	fmt.Fprintf(&b, "Data columns (total %d columns):\n", len(f.Columns))
	w := make([]int, len(heads))
	for k, h := range heads {
		w[k] = runeLen(h)
		for _, r := range rows {
			w[k] = max(w[k], runeLen(r[k]))
		}
	}
	line := func(cells []string) {
		parts := make([]string, len(cells))
		for k, c := range cells {
			parts[k] = padRight(c, w[k])
		}
		b.WriteString(strings.TrimRight(strings.Join(parts, "  "), " ") + "\n")
	}
	line(heads)
	dashes := make([]string, len(heads))
	for k, h := range heads {
		dashes[k] = strings.Repeat("-", runeLen(h))
	}
	line(dashes)
	for _, r := range rows {
		line(r)
	}
	var kinds []string
	for k := range counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for i, k := range kinds {
		kinds[i] = fmt.Sprintf("%s(%d)", k, counts[k])
	}
	b.WriteString("dtypes: " + strings.Join(kinds, ", ") + "\n")
	size := float64(mem)
	for _, unit := range []string{"bytes", "KB", "MB", "GB", "TB"} {
		if size < 1024 {
			fmt.Fprintf(&b, "memory usage: %.1f%s %s", size, plus, unit)
			break
		}
		size /= 1024
	}
	return b.String()
}

// MergeOn joins left and right as pd.merge with how "inner", "left",
// "right" or "outer", matching left's columns lon with right's ron: rows
// in pandas' order (inner: by left key in order of first appearance;
// left/right: that side's order; outer: keys sorted), the key columns
// once when both sides name them alike, other shared names suffixed,
// and with indicator a "_merge" column saying where each row came from.
func MergeOn(left, right *Frame, lon, ron []string, how string, suffixes [2]string, indicator bool) (*Frame, error) {
	lk, err := left.cols(lon)
	if err != nil {
		return nil, err
	}
	rk, err := right.cols(ron)
	if err != nil {
		return nil, err
	}
	lkeys, rkeys := rowKeys(lk, left.Rows), rowKeys(rk, right.Rows)
	rtable := make(map[string][]int, right.Rows)
	for i, k := range rkeys {
		rtable[k] = append(rtable[k], i)
	}
	// Right and outer joins look left rows up by key too.
	var ltable map[string][]int
	if how == "right" || how == "outer" {
		ltable = make(map[string][]int, left.Rows)
		for i, k := range lkeys {
			ltable[k] = append(ltable[k], i)
		}
	}
	var li, ri []int
	switch how {
	case "inner", "left":
		g, _ := GroupKeys(lk)
		order := make([]int, left.Rows)
		for i := range order {
			order[i] = i
		}
		if how == "inner" && g != nil {
			sort.SliceStable(order, func(a, b int) bool { return g.IDs[order[a]] < g.IDs[order[b]] })
		}
		for _, i := range order {
			m := rtable[lkeys[i]]
			if len(m) == 0 && how == "left" {
				li, ri = append(li, i), append(ri, -1)
			}
			for _, j := range m {
				li, ri = append(li, i), append(ri, j)
			}
		}
	case "right":
		for j, k := range rkeys {
			m := ltable[k]
			if len(m) == 0 {
				li, ri = append(li, -1), append(ri, j)
			}
			for _, i := range m {
				li, ri = append(li, i), append(ri, j)
			}
		}
	case "outer":
		// Every key once, sorted, with its left rows times its right rows.
		all := &Frame{Rows: left.Rows + right.Rows}
		for k := range lk {
			c, err := concatArrays([]arrow.Array{lk[k], rk[k]})
			if err != nil {
				return nil, err
			}
			all.Columns = append(all.Columns, Column{Name: fmt.Sprint(k), Data: c})
		}
		names := all.Names()
		asc := make([]bool, len(names))
		for i := range asc {
			asc[i] = true
		}
		order, err := all.SortRows(names, asc)
		if err != nil {
			return nil, err
		}
		allKeys := append(append([]string(nil), lkeys...), rkeys...)
		done := map[string]bool{}
		for _, r := range order {
			k := allKeys[r]
			if done[k] {
				continue
			}
			done[k] = true
			ls, rs := ltable[k], rtable[k]
			switch {
			case len(ls) == 0:
				for _, j := range rs {
					li, ri = append(li, -1), append(ri, j)
				}
			case len(rs) == 0:
				for _, i := range ls {
					li, ri = append(li, i), append(ri, -1)
				}
			default:
				for _, i := range ls {
					for _, j := range rs {
						li, ri = append(li, i), append(ri, j)
					}
				}
			}
		}
	default:
		return nil, fmt.Errorf("ValueError: merge how=%q: use 'inner', 'left', 'right' or 'outer'", how)
	}
	shared := map[string]bool{}
	for i := range lon {
		if lon[i] == ron[i] {
			shared[lon[i]] = true
		}
	}
	rnames, lnames := map[string]bool{}, map[string]bool{}
	for _, c := range right.Columns {
		rnames[c.Name] = true
	}
	for _, c := range left.Columns {
		lnames[c.Name] = true
	}
	out := &Frame{Rows: len(li)}
	for _, c := range left.Columns {
		name, data := c.Name, TakeNullable(c.Data, li)
		if shared[name] {
			// A key missing on the left is the right row's key.
			rc, _ := right.Col(name)
			data = coalesce(c.Data, rc.Data, li, ri)
		} else if rnames[name] {
			name += suffixes[0]
		}
		out.Columns = append(out.Columns, Column{name, data})
	}
	for _, c := range right.Columns {
		if shared[c.Name] {
			continue
		}
		name := c.Name
		if lnames[name] {
			name += suffixes[1]
		}
		out.Columns = append(out.Columns, Column{name, TakeNullable(c.Data, ri)})
	}
	if indicator {
		ind := make([]string, len(li))
		for i := range li {
			switch {
			case li[i] < 0:
				ind[i] = "right_only"
			case ri[i] < 0:
				ind[i] = "left_only"
			default:
				ind[i] = "both"
			}
		}
		out.Columns = append(out.Columns, Column{"_merge", Strings(ind, nil)})
	}
	return out, nil
}

// coalesce takes a[li[i]], or b[ri[i]] where li[i] is -1.
func coalesce(a, b arrow.Array, li, ri []int) arrow.Array {
	x := TakeNullable(a, li)
	missing := false
	for _, i := range li {
		missing = missing || i < 0
	}
	if !missing {
		return x
	}
	y := TakeNullable(b, ri)
	idx := make([]int, len(li))
	for i := range idx {
		idx[i] = i
		if li[i] < 0 {
			idx[i] = len(li) + i
		}
	}
	both, err := concatArrays([]arrow.Array{x, y})
	if err != nil {
		return x
	}
	return Take(both, idx)
}

// GoLayout turns a strftime format ("%d/%m/%Y") into a Go time layout.
func GoLayout(format string) (string, error) {
	r := strings.NewReplacer("%Y", "2006", "%m", "01", "%d", "02", "%H", "15", "%M", "04", "%S", "05",
		"%y", "06", "%b", "Jan", "%B", "January", "%f", "000000", "%p", "PM", "%I", "03", "%%", "%")
	layout := r.Replace(format)
	if strings.Contains(layout, "%") {
		return "", fmt.Errorf("NotImplementedError: to_datetime(format=%q): Burst knows %%Y %%m %%d %%H %%M %%S %%y %%b %%B %%f %%p %%I", format)
	}
	return layout, nil
}

// ToDatetimeFormat parses strings with a Go layout, as
// pd.to_datetime(format=).
func ToDatetimeFormat(a arrow.Array, layout string) (arrow.Array, error) {
	s, ok := a.(*array.String)
	if !ok {
		return ToDatetime(a)
	}
	n := s.Len()
	v := make([]int64, n)
	valid := make([]bool, n)
	for k := 0; k < n; k++ {
		if s.IsNull(k) {
			continue
		}
		t, err := time.Parse(layout, s.Value(k))
		if err != nil {
			return nil, fmt.Errorf("ValueError: time data '%s' does not match format", s.Value(k))
		}
		v[k], valid[k] = t.UnixNano(), true
	}
	return timestamps(v, valid), nil
}

// IsMissing reports whether a[i] is missing (NaN, null).
func IsMissing(a arrow.Array, i int) bool { return missingFn(a)(i) }

// CovChunk is one partition's share of DataFrame.cov and corr: for each
// pair of numeric columns (x, y), over the rows where both are present,
// the count, the means and the co-moment and moments (Welford), as rows
// x*k+y of the columns n, mx, my, cxy, m2x, m2y; the index names x.
func CovChunk(f *Frame) *Frame {
	var cols []Column
	for _, c := range f.Columns {
		if t := c.DType(); t == Int64 || t == Float64 {
			cols = append(cols, c)
		}
	}
	k := len(cols)
	vals := make([]numeric, k)
	for i, c := range cols {
		vals[i], _ = asNumeric(c.Data)
	}
	stats := make([][]float64, 6)
	for s := range stats {
		stats[s] = make([]float64, k*k)
	}
	names := make([]string, k*k)
	for x := 0; x < k; x++ {
		for y := 0; y < k; y++ {
			p := x*k + y
			names[p] = cols[x].Name
			var n, mx, my, cxy, m2x, m2y float64
			for r := 0; r < f.Rows; r++ {
				a, b := vals[x].float(r), vals[y].float(r)
				if a != a || b != b {
					continue
				}
				n++
				dx := a - mx
				mx += dx / n
				dy := b - my
				my += dy / n
				cxy += dx * (b - my)
				m2x += dx * (a - mx)
				m2y += dy * (b - my)
			}
			for s, v := range []float64{n, mx, my, cxy, m2x, m2y} {
				stats[s][p] = v
			}
		}
	}
	out := &Frame{Rows: k * k, Index: []Column{{Data: Strings(names, nil)}}}
	for s, name := range []string{"n", "mx", "my", "cxy", "m2x", "m2y"} {
		out.Columns = append(out.Columns, Column{name, Float64s(stats[s])})
	}
	return out
}

// CovAgg combines CovChunk's parts (Chan's pairwise formulas) into the
// covariance (ddof 1) or Pearson correlation matrix.
func CovAgg(parts []*Frame, corr bool) (*Frame, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("cov of no partitions")
	}
	kk := parts[0].Rows
	k := 0
	for k*k < kk {
		k++
	}
	acc := make([][]float64, 6)
	for s := range acc {
		acc[s] = make([]float64, kk)
	}
	for _, p := range parts {
		if p.Rows != kk {
			return nil, fmt.Errorf("cov parts of different columns")
		}
		st := make([][]float64, 6)
		for s := range st {
			st[s] = p.Columns[s].Data.(*array.Float64).Float64Values()
		}
		for i := 0; i < kk; i++ {
			na, nb := acc[0][i], st[0][i]
			if nb == 0 {
				continue
			}
			n := na + nb
			dx, dy := st[1][i]-acc[1][i], st[2][i]-acc[2][i]
			acc[3][i] += st[3][i] + dx*dy*na*nb/n
			acc[4][i] += st[4][i] + dx*dx*na*nb/n
			acc[5][i] += st[5][i] + dy*dy*na*nb/n
			acc[1][i] += dx * nb / n
			acc[2][i] += dy * nb / n
			acc[0][i] = n
		}
	}
	names := make([]string, k)
	if k > 0 {
		idx := parts[0].Index[0].Data.(*array.String)
		for x := 0; x < k; x++ {
			names[x] = idx.Value(x * k)
		}
	}
	out := &Frame{Rows: k, Index: []Column{{Data: Strings(names, nil)}}}
	for y := 0; y < k; y++ {
		v := make([]float64, k)
		for x := 0; x < k; x++ {
			i := x*k + y
			n := acc[0][i]
			switch {
			case corr && n >= 1:
				v[x] = acc[3][i] / math.Sqrt(acc[4][i]*acc[5][i])
				if x == y && n >= 2 {
					v[x] = 1
				}
			case !corr && n >= 2:
				v[x] = acc[3][i] / (n - 1)
			default:
				v[x] = math.NaN()
			}
		}
		out.Columns = append(out.Columns, Column{names[y], Float64s(v)})
	}
	return out, nil
}

// FrameIdxChunk is one partition's share of DataFrame.idxmax (idxmin):
// for each numeric column, the label and value of its extreme, as rows
// named by the columns (no row where a column has no value).
func FrameIdxChunk(how string, f *Frame) (*Frame, error) {
	idx := f.IndexOrRange()[0]
	var names []string
	var rows []int
	var vals []float64
	for _, c := range f.Columns {
		x, ok := asNumeric(c.Data)
		if !ok {
			return nil, fmt.Errorf("TypeError: reduction operation '%s' not allowed for this dtype", strings.TrimPrefix(how, "idx"))
		}
		if k := extreme(c.Data, how == "idxmax"); k >= 0 {
			names, rows, vals = append(names, c.Name), append(rows, k), append(vals, x.float(k))
		}
	}
	return &Frame{Rows: len(rows), Index: []Column{{Data: Strings(names, nil)}},
		Columns: []Column{{"label", Take(idx.Data, rows)}, {"value", Float64s(vals)}}}, nil
}

// FrameIdxAgg combines FrameIdxChunk's parts into the Series of each
// column's label, the first extreme of the partitions in order, the
// columns sorted by name as Dask gives them.
func FrameIdxAgg(how string, parts []*Frame, columns []string) (*Series, error) {
	all, err := Concat(parts)
	if err != nil {
		return nil, err
	}
	if all.Rows == 0 {
		return &Series{Index: []Column{{Data: Strings(nil, nil)}}, Data: all.Columns[0].Data}, nil
	}
	best := map[string]int{}
	names := all.Index[0].Data.(*array.String)
	vals := all.Columns[1].Data.(*array.Float64).Float64Values()
	for i := 0; i < all.Rows; i++ {
		n := names.Value(i)
		j, seen := best[n]
		if !seen || (how == "idxmax" && vals[i] > vals[j]) || (how == "idxmin" && vals[i] < vals[j]) {
			best[n] = i
		}
	}
	// Dask gathers the columns by name: sorted.
	columns = append([]string(nil), columns...)
	sort.Strings(columns)
	var rows []int
	var out []string
	for _, c := range columns {
		i, ok := best[c]
		if !ok {
			return nil, fmt.Errorf("ValueError: attempt to get %s of an empty sequence", strings.TrimPrefix(how, "idx"))
		}
		rows, out = append(rows, i), append(out, c)
	}
	return &Series{Index: []Column{{Data: Strings(out, nil)}}, Data: Take(all.Columns[0].Data, rows)}, nil
}

// RowReduce is DataFrame.sum/mean/min/max/count(axis=1): one value per
// row over the numeric columns, missing values left out. Sums, minima and
// maxima of int columns stay ints; count counts every column.
func RowReduce(f *Frame, how string) (*Series, error) {
	if how == "count" {
		// count takes every column: non-missing values of any dtype.
		n := make([]int64, f.Rows)
		for _, c := range f.Columns {
			miss := missingFn(c.Data)
			for r := range n {
				if !miss(r) {
					n[r]++
				}
			}
		}
		return &Series{Index: f.Index, Data: Int64s(n), IndexFreq: f.IndexFreq}, nil
	}
	var cols []numeric
	ints := true
	for _, c := range f.Columns {
		if t := c.DType(); t == Int64 || t == Float64 {
			x, _ := asNumeric(c.Data)
			cols = append(cols, x)
			ints = ints && t == Int64
		}
	}
	out := make([]float64, f.Rows)
	for r := range out {
		n, acc := 0, 0.0
		for _, c := range cols {
			v := c.float(r)
			if v != v {
				continue
			}
			switch {
			case n == 0 && (how == "min" || how == "max"):
				acc = v
			case how == "min":
				acc = math.Min(acc, v)
			case how == "max":
				acc = math.Max(acc, v)
			default:
				acc += v
			}
			n++
		}
		switch {
		case how == "mean" && n > 0:
			acc /= float64(n)
		case n == 0 && how != "sum":
			acc = math.NaN()
		}
		out[r] = acc
	}
	s := &Series{Index: f.Index, Data: Float64s(out), IndexFreq: f.IndexFreq}
	if ints && how != "mean" {
		iv := make([]int64, len(out))
		for i, v := range out {
			iv[i] = int64(v)
		}
		s.Data = Int64s(iv)
	}
	return s, nil
}
