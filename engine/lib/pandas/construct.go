package pandas

import (
	"fmt"
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"math"
	"strconv"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/lib/numpy"
	"burst/engine/session"
)

// Building frames and series (pd.Series, pd.DataFrame, pd.date_range),
// combining them (merge, join, concat along columns), and the module
// functions of pandas that work on any value (isna, unique, to_numeric).

// pandasFunctions are the members of pandas this file adds.
func pandasFunctions() starlark.StringDict {
	return starlark.StringDict{
		"date_range": builtin("date_range", pdDateRange),
		"merge":      builtin("merge", pdMerge),
		"isna":       builtin("isna", pdIsNA("isna")),
		"isnull":     builtin("isnull", pdIsNA("isna")),
		"notna":      builtin("notna", pdIsNA("notna")),
		"notnull":    builtin("notnull", pdIsNA("notna")),
		"unique":     builtin("unique", pdUnique),
		"to_numeric": builtin("to_numeric", pdToNumeric),
	}
}

// ---- pd.date_range ----

// freqStep advances t by one period of freq; anchored frequencies (M,
// W) first move a start onto the anchor.
type freqRule struct {
	name   string // as a DatetimeIndex prints it
	step   func(t time.Time, n int) time.Time
	anchor func(t time.Time) time.Time
}

func monthEnd(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month()+1, 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC).AddDate(0, 0, -1)
}

func parseFreq(s string) (freqRule, error) {
	n := 1
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		n, _ = strconv.Atoi(s[:i])
	}
	unit := s[i:]
	prefix := ""
	if n != 1 {
		prefix = strconv.Itoa(n)
	}
	fixed := func(name string, d time.Duration) freqRule {
		return freqRule{name: prefix + name, step: func(t time.Time, k int) time.Time { return t.Add(time.Duration(k*n) * d) }}
	}
	switch unit {
	case "D":
		return freqRule{name: prefix + "D", step: func(t time.Time, k int) time.Time { return t.AddDate(0, 0, k*n) }}, nil
	case "H", "h":
		return fixed("H", time.Hour), nil
	case "T", "min":
		return fixed("T", time.Minute), nil
	case "S", "s":
		return fixed("S", time.Second), nil
	case "W", "W-SUN":
		return freqRule{name: prefix + "W-SUN",
			step:   func(t time.Time, k int) time.Time { return t.AddDate(0, 0, 7*k*n) },
			anchor: func(t time.Time) time.Time { return t.AddDate(0, 0, (7-int(t.Weekday()))%7) }}, nil
	case "M":
		return freqRule{name: prefix + "M",
			step: func(t time.Time, k int) time.Time {
				return monthEnd(time.Date(t.Year(), t.Month()+time.Month(k*n), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC))
			},
			anchor: monthEnd}, nil
	case "MS":
		return freqRule{name: prefix + "MS",
			step: func(t time.Time, k int) time.Time { return t.AddDate(0, k*n, 0) },
			anchor: func(t time.Time) time.Time {
				if t.Day() == 1 {
					return t
				}
				return time.Date(t.Year(), t.Month()+1, 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
			}}, nil
	}
	return freqRule{}, fmt.Errorf("NotImplementedError: date_range(freq=%q): Burst knows D, H, T/min, S, W, M and MS", s)
}

func timeArg(v starlark.Value) (time.Time, bool, error) {
	if v == nil || v == starlark.None {
		return time.Time{}, false, nil
	}
	if s, ok := v.(starlark.String); ok {
		t, ok := frame.ParseTime(string(s))
		for _, l := range []string{"1/2/2006 15:04", "1/2/2006 15:04:05", "1/2/2006"} {
			if !ok {
				if u, err := time.Parse(l, strings.TrimSpace(string(s))); err == nil {
					t, ok = u, true
				}
			}
		}
		if !ok {
			return time.Time{}, false, fmt.Errorf("ValueError: could not convert string to Timestamp")
		}
		return t, true, nil
	}
	g, ok := GoScalar(v)
	if t, isTime := g.(time.Time); ok && isTime {
		return t.UTC(), true, nil
	}
	return time.Time{}, false, fmt.Errorf("TypeError: Cannot convert input [%s] of type %s to Timestamp", session.Str(v), session.TypeName(v))
}

func pdDateRange(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var start, end, periods, tz starlark.Value
	freq := "D"
	name := ""
	if err := starlark.UnpackArgs("date_range", args, kwargs, "start?", &start, "end?", &end, "periods?", &periods, "freq?", &freq, "tz?", &tz, "name?", &name); err != nil {
		return nil, err
	}
	if tz != nil && tz != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: date_range(tz=…): Burst's timestamps are naive")
	}
	rule, err := parseFreq(freq)
	if err != nil {
		return nil, err
	}
	t0, hasStart, err := timeArg(start)
	if err != nil {
		return nil, err
	}
	t1, hasEnd, err := timeArg(end)
	if err != nil {
		return nil, err
	}
	n := -1
	if periods != nil && periods != starlark.None {
		if n, err = starlark.AsInt32(periods); err != nil {
			return nil, fmt.Errorf("TypeError: periods must be a number, got %s", session.Str(periods))
		}
	}
	if !hasStart || (!hasEnd && n < 0) {
		return nil, fmt.Errorf("NotImplementedError: Burst's date_range takes start and periods= or end=")
	}
	if hasEnd && n >= 0 {
		return nil, fmt.Errorf("ValueError: Of the four parameters: start, end, periods, and freq, exactly three must be specified")
	}
	if rule.anchor != nil {
		t0 = rule.anchor(t0)
	}
	var vals []starlark.Value
	for k := 0; n < 0 || k < n; k++ {
		t := rule.step(t0, k)
		if hasEnd && t.After(t1) {
			break
		}
		if len(vals) > 1_000_000 {
			return nil, fmt.Errorf("ValueError: date_range of more than a million dates")
		}
		vals = append(vals, Timestamp(t))
	}
	return &Index{values: vals, dtype: "datetime64[ns]", name: name, freq: rule.name}, nil
}

// ---- pd.Series and pd.DataFrame ----

// indexArg converts index= to an index column: an Index, a list, a range.
func indexArg(v starlark.Value, n int) ([]frame.Column, error) {
	if v == nil || v == starlark.None {
		return nil, nil
	}
	name := ""
	if x, ok := v.(*Index); ok {
		name = x.name
	}
	vals, err := session.Values(v)
	if err != nil {
		return nil, fmt.Errorf("TypeError: Index(...) must be called with a collection of some kind, %s was passed", session.Repr(v))
	}
	if n >= 0 && len(vals) != n {
		return nil, fmt.Errorf("ValueError: Length of values (%d) does not match length of index (%d)", n, len(vals))
	}
	a, err := arrayOf(vals, nil)
	if err != nil {
		return nil, err
	}
	return []frame.Column{{Name: name, Data: a}}, nil
}

func broadcastValue(v starlark.Value, n int) []starlark.Value {
	out := make([]starlark.Value, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func isScalar(v starlark.Value) bool {
	_, ok := GoScalar(v)
	return ok
}

func pdSeriesFull(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data, index, dtype, copyArg starlark.Value
	name := ""
	if err := starlark.UnpackArgs("Series", args, kwargs, "data?", &data, "index?", &index, "dtype?", &dtype, "name?", &name, "copy?", &copyArg); err != nil {
		return nil, err
	}
	if s, ok := data.(*Series); ok && s.eager != nil && index == nil {
		out := *s.eager
		if name != "" {
			out.Name = name
		}
		data = nil
		r := &Series{eager: &out}
		if dtype != nil && dtype != starlark.None {
			return astype(r.eager, starlark.Tuple{dtype}, nil)
		}
		return r, nil
	}
	var vals []starlark.Value
	var idx []frame.Column
	switch d := data.(type) {
	case nil, starlark.NoneType:
	case *starlark.Dict:
		keys := make([]starlark.Value, 0, d.Len())
		for _, kv := range d.Items() {
			keys = append(keys, kv[0])
			vals = append(vals, kv[1])
		}
		k, err := arrayOf(keys, nil)
		if err != nil {
			return nil, err
		}
		idx = []frame.Column{{Data: k}}
	default:
		if isScalar(d) {
			n := 1
			if index != nil && index != starlark.None {
				l, err := session.Values(index)
				if err != nil {
					return nil, err
				}
				n = len(l)
			}
			vals = broadcastValue(d, n)
			break
		}
		if a, ok := d.(*numpy.NDArray); ok {
			d = a
		}
		var err error
		if vals, err = session.Values(d); err != nil {
			return nil, err
		}
	}
	if index != nil && index != starlark.None {
		var err error
		if idx, err = indexArg(index, len(vals)); err != nil {
			return nil, err
		}
	}
	a, err := arrayOf(vals, nil)
	if err != nil {
		return nil, err
	}
	s := &frame.Series{Name: name, Index: idx, Data: a, IndexFreq: freqOf(index)}
	if len(vals) > 0 && allNone(vals) {
		s.Data = frame.Strings(make([]string, len(vals)), make([]bool, len(vals)))
	}
	if dtype != nil && dtype != starlark.None {
		return astype(s, starlark.Tuple{dtype}, nil)
	}
	return &Series{eager: s}, nil
}

func allNone(vals []starlark.Value) bool {
	for _, v := range vals {
		if v != starlark.None {
			return false
		}
	}
	return true
}

// columnValues are a dict entry's values as a column of n rows (n < 0:
// its own length): a list, a Series, or a scalar repeated.
func columnValues(v starlark.Value, n int) ([]starlark.Value, error) {
	if s, ok := v.(*Series); ok && s.eager != nil {
		return ToValues(s.eager.Data), nil
	}
	if isScalar(v) {
		if n < 0 {
			return nil, fmt.Errorf("ValueError: If using all scalar values, you must pass an index")
		}
		return broadcastValue(v, n), nil
	}
	return session.Values(v)
}

func pdDataFrameFull(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data, index, columns, dtype, copyArg starlark.Value
	if err := starlark.UnpackArgs("DataFrame", args, kwargs, "data?", &data, "index?", &index, "columns?", &columns, "dtype?", &dtype, "copy?", &copyArg); err != nil {
		return nil, err
	}
	if p, ok := data.(interface{ PlainValue() starlark.Value }); ok {
		data = p.PlainValue()
	}
	var f *frame.Frame
	var names []string
	if columns != nil && columns != starlark.None {
		vals, err := session.Values(columns)
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			names = append(names, session.Str(v))
		}
	}
	nIndex := -1
	if index != nil && index != starlark.None {
		if l, err := session.Values(index); err == nil {
			nIndex = len(l)
		}
	}
	switch d := data.(type) {
	case *starlark.Dict:
		if names == nil && nIndex < 0 && !hasScalar(d) {
			r, err := pdDataFrame(th, b, starlark.Tuple{d}, nil)
			if err != nil {
				return nil, err
			}
			f = r.(*DataFrame).eager
			break
		}
		n := nIndex
		for _, kv := range d.Items() {
			if !isScalar(kv[1]) && n < 0 {
				l, err := columnValues(kv[1], -1)
				if err != nil {
					return nil, err
				}
				n = len(l)
			}
		}
		f = &frame.Frame{Rows: max(n, 0)}
		for _, kv := range d.Items() {
			name := session.Str(kv[0])
			vals, err := columnValues(kv[1], n)
			if err != nil {
				return nil, err
			}
			if len(vals) != n {
				return nil, fmt.Errorf("ValueError: All arrays must be of the same length")
			}
			a, err := arrayOf(vals, nil)
			if err != nil {
				return nil, err
			}
			f.Columns = append(f.Columns, frame.Column{Name: name, Data: a})
		}
		if names != nil {
			// columns= picks and orders the dict's columns; others are NaN.
			sel := &frame.Frame{Rows: f.Rows}
			for _, n := range names {
				c, ok := f.Col(n)
				if !ok {
					c = frame.Column{Name: n, Data: frame.Float64s(nanSlice(f.Rows))}
				}
				sel.Columns = append(sel.Columns, c)
			}
			f = sel
		}
	case *starlark.List, starlark.Tuple:
		rows, _ := session.Values(d)
		if len(rows) > 0 {
			if _, ok := rows[0].(*starlark.Dict); ok {
				return framefromRecords(rows, names, index)
			}
		}
		if len(rows) > 0 && !isScalar(rows[0]) {
			var width int
			table := make([][]starlark.Value, len(rows))
			for i, r := range rows {
				vals, err := session.Values(r)
				if err != nil {
					return nil, err
				}
				table[i] = vals
				width = max(width, len(vals))
			}
			if names == nil {
				for k := 0; k < width; k++ {
					names = append(names, strconv.Itoa(k))
				}
			}
			if len(names) != width {
				return nil, fmt.Errorf("ValueError: %d columns passed, passed data had %d columns", len(names), width)
			}
			f = &frame.Frame{Rows: len(rows)}
			for k, n := range names {
				col := make([]starlark.Value, len(rows))
				for i := range rows {
					col[i] = starlark.None
					if k < len(table[i]) {
						col[i] = table[i][k]
					}
				}
				a, err := arrayOf(col, nil)
				if err != nil {
					return nil, err
				}
				f.Columns = append(f.Columns, frame.Column{Name: n, Data: a})
			}
			break
		}
		r, err := pdDataFrame(th, b, starlark.Tuple{data}, []starlark.Tuple{{starlark.String("columns"), orNone(columns)}})
		if err != nil {
			return nil, err
		}
		f = r.(*DataFrame).eager
	default:
		r, err := pdDataFrame(th, b, starlark.Tuple{data}, []starlark.Tuple{{starlark.String("columns"), orNone(columns)}})
		if err != nil {
			return nil, err
		}
		f = r.(*DataFrame).eager
	}
	if nIndex >= 0 {
		idx, err := indexArg(index, f.Rows)
		if err != nil {
			return nil, err
		}
		g := *f
		g.Index, g.IndexFreq = idx, freqOf(index)
		f = &g
	}
	out := &DataFrame{eager: f}
	if dtype != nil && dtype != starlark.None {
		return astype(f, starlark.Tuple{dtype}, nil)
	}
	return out, nil
}

func orNone(v starlark.Value) starlark.Value {
	if v == nil {
		return starlark.None
	}
	return v
}

func hasScalar(d *starlark.Dict) bool {
	for _, kv := range d.Items() {
		if isScalar(kv[1]) {
			return true
		}
		if _, ok := kv[1].(*Series); ok {
			return true
		}
	}
	return false
}

func nanSlice(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	return out
}

// framefromRecords is pd.DataFrame([{...}, {...}]): the keys in order of
// first appearance are the columns; a key a record lacks is missing.
func framefromRecords(rows []starlark.Value, names []string, index starlark.Value) (starlark.Value, error) {
	seen := map[string]bool{}
	var keys []string
	for _, r := range rows {
		d, ok := r.(*starlark.Dict)
		if !ok {
			return nil, fmt.Errorf("TypeError: a list of dicts: every row a dict")
		}
		for _, k := range d.Keys() {
			s := session.Str(k)
			if !seen[s] {
				seen[s] = true
				keys = append(keys, s)
			}
		}
	}
	if names != nil {
		keys = names
	}
	f := &frame.Frame{Rows: len(rows)}
	for _, k := range keys {
		col := make([]starlark.Value, len(rows))
		for i, r := range rows {
			v, found, _ := r.(*starlark.Dict).Get(starlark.String(k))
			if !found {
				v = starlark.None
			}
			col[i] = v
		}
		a, err := arrayOf(col, nil)
		if err != nil {
			return nil, err
		}
		f.Columns = append(f.Columns, frame.Column{Name: k, Data: a})
	}
	if index != nil && index != starlark.None {
		idx, err := indexArg(index, f.Rows)
		if err != nil {
			return nil, err
		}
		f.Index = idx
	}
	return &DataFrame{eager: f}, nil
}

// ---- merge and join ----

func mergeArgs(fn string, args starlark.Tuple, kwargs []starlark.Tuple, withLeft bool) (left, right starlark.Value, how string, on, lon, ron, suffixes starlark.Value, indicator bool, err error) {
	how = "inner"
	on, lon, ron = starlark.None, starlark.None, starlark.None
	suffixes = starlark.Tuple{starlark.String("_x"), starlark.String("_y")}
	var leftIndex, rightIndex starlark.Value
	spec := []any{"right", &right, "how?", &how, "on?", &on, "left_on?", &lon, "right_on?", &ron, "left_index?", &leftIndex, "right_index?", &rightIndex, "suffixes?", &suffixes, "indicator?", &indicator}
	if withLeft {
		spec = append([]any{"left", &left}, spec...)
	}
	err = starlark.UnpackArgs(fn, args, kwargs, spec...)
	if err == nil && (leftIndex == starlark.True || rightIndex == starlark.True) {
		err = fmt.Errorf("NotImplementedError: merge(left_index=/right_index=): use join, or reset_index() first")
	}
	return
}

func pdMerge(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	left, right, how, on, lon, ron, suffixes, indicator, err := mergeArgs("merge", args, kwargs, true)
	if err != nil {
		return nil, err
	}
	l, ok := left.(*DataFrame)
	if !ok {
		return nil, fmt.Errorf("TypeError: Can only merge Series or DataFrame objects, a %s was passed", session.TypeName(left))
	}
	return mergeFull(l, right, how, on, lon, ron, suffixes, indicator)
}

func frameMergeFull(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	_, right, how, on, lon, ron, suffixes, indicator, err := mergeArgs("merge", a, kw, false)
	if err != nil {
		return nil, err
	}
	return mergeFull(d, right, how, on, lon, ron, suffixes, indicator)
}

// mergeFull is merge on eager frames in every form; Dask frames go to
// merge (inner and left joins on shared columns).
func mergeFull(d *DataFrame, right starlark.Value, how string, on, lon, ron, suffixes starlark.Value, indicator bool) (starlark.Value, error) {
	r, ok := right.(*DataFrame)
	if !ok {
		return nil, fmt.Errorf("TypeError: Can only merge Series or DataFrame objects, a %s was passed", session.TypeName(right))
	}
	if d.lazy != nil || r.lazy != nil {
		if lon != starlark.None || ron != starlark.None || indicator {
			return nil, fmt.Errorf("NotImplementedError: Burst's Dask merge takes on= (not left_on/right_on or indicator)")
		}
		return merge(d, right, how, on, suffixes)
	}
	var ls, rs []string
	var err error
	switch {
	case lon != starlark.None || ron != starlark.None:
		if lon == starlark.None || ron == starlark.None {
			return nil, fmt.Errorf("MergeError: Must pass right_on or right_index=True")
		}
		if ls, err = StringsArg("left_on", lon); err != nil {
			return nil, err
		}
		if rs, err = StringsArg("right_on", ron); err != nil {
			return nil, err
		}
		if len(ls) != len(rs) {
			return nil, fmt.Errorf("ValueError: len(right_on) must equal len(left_on)")
		}
	case on != starlark.None:
		if ls, err = StringsArg("on", on); err != nil {
			return nil, err
		}
		rs = ls
	default:
		for _, c := range d.eager.Columns {
			if _, ok := r.eager.Col(c.Name); ok {
				ls = append(ls, c.Name)
			}
		}
		if len(ls) == 0 {
			return nil, fmt.Errorf("MergeError: No common columns to perform merge on")
		}
		rs = ls
	}
	sfx, err := StringsArg("suffixes", suffixes)
	if err != nil || len(sfx) != 2 {
		return nil, fmt.Errorf("TypeError: suffixes must be two strings")
	}
	f, err := frame.MergeOn(d.eager, r.eager, ls, rs, how, [2]string{sfx[0], sfx[1]}, indicator)
	if err != nil {
		return nil, err
	}
	f.Index = nil
	return &DataFrame{eager: f}, nil
}

// frameJoin is df.join(other, on=, how=): other's index matched with
// df's column on, or with df's index.
func frameJoin(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var other, on starlark.Value
	how := "left"
	lsuffix, rsuffix := "", ""
	if err := starlark.UnpackArgs("join", a, kw, "other", &other, "on?", &on, "how?", &how, "lsuffix?", &lsuffix, "rsuffix?", &rsuffix); err != nil {
		return nil, err
	}
	o, ok := other.(*DataFrame)
	if !ok || o.eager == nil {
		return nil, fmt.Errorf("NotImplementedError: join takes a pandas DataFrame")
	}
	if len(o.eager.Index) == 0 {
		return nil, fmt.Errorf("NotImplementedError: join with a frame without an index: use merge")
	}
	right := &frame.Frame{Rows: o.eager.Rows, Columns: append([]frame.Column{{Name: "\x00key", Data: o.eager.Index[0].Data}}, o.eager.Columns...)}
	left := d.eager
	lkey := ""
	if on != nil && on != starlark.None {
		s, ok := on.(starlark.String)
		if !ok {
			return nil, fmt.Errorf("NotImplementedError: join(on=) with one column")
		}
		lkey = string(s)
	} else {
		idx := left.IndexOrRange()
		left = &frame.Frame{Rows: left.Rows, Index: left.Index, Columns: append([]frame.Column{{Name: "\x00key", Data: idx[0].Data}}, left.Columns...)}
		lkey = "\x00key"
	}
	for _, c := range o.eager.Columns {
		if _, clash := d.eager.Col(c.Name); clash && lsuffix == "" && rsuffix == "" {
			return nil, fmt.Errorf("ValueError: columns overlap but no suffix specified: Index(['%s'], dtype='object')", c.Name)
		}
	}
	f, err := frame.MergeOn(left, right, []string{lkey}, []string{"\x00key"}, how, [2]string{lsuffix, rsuffix}, false)
	if err != nil {
		return nil, err
	}
	var cols []frame.Column
	var keyCol frame.Column
	for _, c := range f.Columns {
		if c.Name == "\x00key" {
			keyCol = c
			continue
		}
		cols = append(cols, c)
	}
	out := &frame.Frame{Rows: f.Rows, Columns: cols}
	if lkey == "\x00key" && len(d.eager.Index) > 0 {
		out.Index = []frame.Column{{Name: d.eager.Index[0].Name, Data: keyCol.Data}}
	} else if how == "left" || how == "inner" {
		// The rows keep their labels.
		out.Index = nil
		if len(d.eager.Index) > 0 || how == "inner" {
			return nil, fmt.Errorf("NotImplementedError: join(on=…, how=%q) of a frame with an index", how)
		}
	}
	return &DataFrame{eager: out}, nil
}

// ---- functions of any value ----

func pdIsNA(fn string) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var obj starlark.Value
		if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &obj); err != nil {
			return nil, err
		}
		if isEngine(obj) {
			return apply(fn, "unary", map[string]any{"fn": fn}, mustEngine(obj))
		}
		g, ok := GoScalar(obj)
		if !ok {
			return nil, fmt.Errorf("NotImplementedError: pd.%s of a %s", fn, session.TypeName(obj))
		}
		missing := g == nil
		if f, ok := g.(float64); ok && math.IsNaN(f) {
			missing = true
		}
		return starlark.Bool(missing == (fn == "isna")), nil
	}
}

func mustEngine(v starlark.Value) any {
	e, _ := engineValue(v)
	return e
}

func pdUnique(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var values starlark.Value
	if err := starlark.UnpackPositionalArgs("unique", args, kwargs, 1, &values); err != nil {
		return nil, err
	}
	s, ok := values.(*Series)
	if !ok {
		vals, err := session.Values(values)
		if err != nil {
			return nil, err
		}
		a, err := arrayOf(vals, nil)
		if err != nil {
			return nil, err
		}
		s = &Series{eager: &frame.Series{Data: a}}
	}
	m, err := s.Attr("unique")
	if err != nil {
		return nil, err
	}
	return starlark.Call(th, m, nil, nil)
}

func pdToNumeric(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var arg starlark.Value
	errs := "raise"
	if err := starlark.UnpackArgs("to_numeric", args, kwargs, "arg", &arg, "errors?", &errs); err != nil {
		return nil, err
	}
	s, ok := arg.(*Series)
	if !ok || s.eager == nil {
		if str, ok := arg.(starlark.String); ok {
			return parseNumber(string(str), errs)
		}
		return nil, fmt.Errorf("NotImplementedError: Burst's pd.to_numeric takes a pandas Series or a string")
	}
	if s.eager.Data.DataType().ID() != frame.Object.ArrowType().ID() {
		return s, nil
	}
	vals := ToValues(s.eager.Data)
	out := make([]starlark.Value, len(vals))
	for i, v := range vals {
		str, ok := v.(starlark.String)
		if !ok {
			out[i] = starlark.None
			continue
		}
		n, err := parseNumber(string(str), errs)
		if err != nil {
			return nil, fmt.Errorf("%v at position %d", err, i)
		}
		out[i] = n
	}
	a, err := arrayOf(out, nil)
	if err != nil {
		return nil, err
	}
	return &Series{eager: &frame.Series{Name: s.eager.Name, Index: s.eager.Index, Data: a}}, nil
}

func parseNumber(s, errs string) (starlark.Value, error) {
	t := strings.TrimSpace(s)
	if i, err := strconv.ParseInt(t, 10, 64); err == nil {
		return starlark.MakeInt64(i), nil
	}
	if f, err := strconv.ParseFloat(t, 64); err == nil {
		return starlark.Float(f), nil
	}
	switch errs {
	case "coerce":
		return starlark.Float(math.NaN()), nil
	case "ignore":
		return starlark.String(s), nil
	}
	return nil, fmt.Errorf("ValueError: Unable to parse string \"%s\"", s)
}

// concatColumns is pd.concat(objs, axis=1) of eager frames and series
// with the same rows: their columns side by side.
func concatColumns(vals []any) (starlark.Value, error) {
	var out *frame.Frame
	for _, v := range vals {
		var cols []frame.Column
		var rows int
		var index []frame.Column
		switch x := v.(type) {
		case *frame.Frame:
			cols, rows, index = x.Columns, x.Rows, x.Index
		case *frame.Series:
			name := x.Name
			if name == "" {
				name = "0"
			}
			cols, rows, index = []frame.Column{{Name: name, Data: x.Data}}, x.Len(), x.Index
		default:
			return nil, fmt.Errorf("NotImplementedError: concat(axis=1) of Dask collections")
		}
		if out == nil {
			out = &frame.Frame{Rows: rows, Index: index}
		} else if rows != out.Rows {
			return nil, fmt.Errorf("NotImplementedError: concat(axis=1) of frames with different rows: Burst puts columns side by side, it does not align indexes")
		}
		out.Columns = append(out.Columns, cols...)
	}
	return &DataFrame{eager: out}, nil
}

var _ = dataframe.Scalars

// frameToCSV is df.to_csv(): the CSV text when no path is given. Burst's
// files are read-only (the page's data, fetched), so a path is refused.
func frameToCSV(th *starlark.Thread, d *DataFrame, a starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var path starlark.Value
	sep, naRep := ",", ""
	index, header := true, true
	if err := starlark.UnpackArgs("to_csv", a, kw, "path_or_buf?", &path, "sep?", &sep, "na_rep?", &naRep, "header?", &header, "index?", &index); err != nil {
		return nil, err
	}
	if path != nil && path != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: to_csv(%s): Burst cannot write files; df.to_csv() gives the text", session.Repr(path))
	}
	f := d.eager
	quote := func(s string) string {
		if strings.ContainsAny(s, sep+"\"\n\r") {
			return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
		}
		return s
	}
	cells := func(a frameArray) []string {
		vals := ToValues(a)
		out := make([]string, len(vals))
		for i, v := range vals {
			switch x := v.(type) {
			case starlark.NoneType:
				out[i] = naRep
			case starlark.Float:
				if math.IsNaN(float64(x)) {
					out[i] = naRep
				} else {
					out[i] = frame.PyFloat(float64(x))
				}
			case starlark.Bool:
				out[i] = map[bool]string{true: "True", false: "False"}[bool(x)]
			default:
				out[i] = quote(session.Str(v))
			}
		}
		return out
	}
	var cols [][]string
	var names []string
	if index {
		ix := f.IndexOrRange()[0]
		cols, names = append(cols, cells(ix.Data)), append(names, quote(ix.Name))
	}
	for _, c := range f.Columns {
		cols, names = append(cols, cells(c.Data)), append(names, quote(c.Name))
	}
	var b strings.Builder
	if header {
		b.WriteString(strings.Join(names, sep) + "\n")
	}
	row := make([]string, len(cols))
	for r := 0; r < f.Rows; r++ {
		for k := range cols {
			row[k] = cols[k][r]
		}
		b.WriteString(strings.Join(row, sep) + "\n")
	}
	return starlark.String(b.String()), nil
}

// freqOf is the freq of an index argument made by date_range.
func freqOf(v starlark.Value) string {
	if x, ok := v.(*Index); ok {
		return x.freq
	}
	return ""
}

// carryFreq gives an eager result the freq of its input's index when it
// kept that index or a run of it (head, tail, a mask keeping
// consecutive rows), as pandas keeps it.
func carryFreq(out, in any) {
	var freq string
	var index []frame.Column
	switch x := in.(type) {
	case *frame.Frame:
		freq, index = x.IndexFreq, x.Index
	case *frame.Series:
		freq, index = x.IndexFreq, x.Index
	}
	if freq == "" || len(index) == 0 {
		return
	}
	same := func(ix []frame.Column) bool {
		if len(ix) != 1 {
			return false
		}
		a, b := ix[0].Data.Data().Buffers(), index[0].Data.Data().Buffers()
		if ix[0].Data == index[0].Data || len(a) > 1 && len(b) > 1 && a[1] != nil && a[1] == b[1] {
			return true
		}
		return isRun(ix[0].Data, index[0].Data)
	}
	switch x := out.(type) {
	case *frame.Frame:
		if same(x.Index) {
			x.IndexFreq = freq
		}
	case *frame.Series:
		if same(x.Index) {
			x.IndexFreq = freq
		}
	}
}

// isRun reports whether the timestamps sub are consecutive values of all.
func isRun(sub, all arrow.Array) bool {
	s, ok1 := sub.(*array.Timestamp)
	a, ok2 := all.(*array.Timestamp)
	if !ok1 || !ok2 || s.Len() == 0 || s.Len() > a.Len() {
		return false
	}
	for p := 0; p+s.Len() <= a.Len(); p++ {
		if a.Value(p) == s.Value(0) {
			for i := 1; i < s.Len(); i++ {
				if a.Value(p+i) != s.Value(i) {
					return false
				}
			}
			return true
		}
	}
	return false
}
