package frame

import (
	"fmt"
	"math"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// Resample bins the rows of f by its datetime index at rule (D, H, T, S,
// W, M, MS, Q, Y/A) and aggregates every column (mean, sum, count, min,
// max, first, last, size), with every bin from the first to the last,
// labelled as pandas labels them: the bin's start for fixed frequencies,
// its last day for W (ending Sunday), M, Q and Y.
func Resample(f *Frame, rule, how string) (*Frame, string, error) {
	if len(f.Index) != 1 {
		return nil, "", fmt.Errorf("TypeError: Only valid with DatetimeIndex, TimedeltaIndex or PeriodIndex, but got an instance of 'RangeIndex'")
	}
	ts, ok := f.Index[0].Data.(*array.Timestamp)
	if !ok {
		return nil, "", fmt.Errorf("TypeError: Only valid with DatetimeIndex, TimedeltaIndex or PeriodIndex, but got an instance of 'Index'")
	}
	t, _ := timeOperand(ts)
	// label returns the bin of a time; next the bin after a label.
	var label func(time.Time) time.Time
	var next func(time.Time) time.Time
	freq := rule
	monthEnd := func(y int, m time.Month) time.Time { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC) }
	switch rule {
	case "W", "W-SUN":
		freq = "W-SUN"
		label = func(x time.Time) time.Time {
			d := x.Truncate(24 * time.Hour)
			return d.AddDate(0, 0, (7-int(d.Weekday()))%7)
		}
		next = func(x time.Time) time.Time { return x.AddDate(0, 0, 7) }
	case "M":
		label = func(x time.Time) time.Time { return monthEnd(x.Year(), x.Month()) }
		next = func(x time.Time) time.Time { return monthEnd(x.Year(), x.Month()+1) }
	case "MS":
		label = func(x time.Time) time.Time { return time.Date(x.Year(), x.Month(), 1, 0, 0, 0, 0, time.UTC) }
		next = func(x time.Time) time.Time { return x.AddDate(0, 1, 0) }
	case "Q":
		freq = "Q-DEC"
		label = func(x time.Time) time.Time { return monthEnd(x.Year(), (x.Month()-1)/3*3+3) }
		next = func(x time.Time) time.Time { return monthEnd(x.Year(), x.Month()+3) }
	case "Y", "A":
		freq = "A-DEC"
		label = func(x time.Time) time.Time { return time.Date(x.Year(), 12, 31, 0, 0, 0, 0, time.UTC) }
		next = func(x time.Time) time.Time { return time.Date(x.Year()+1, 12, 31, 0, 0, 0, 0, time.UTC) }
	default:
		step, err := freqNanos(rule)
		if err != nil {
			return nil, "", err
		}
		freq = freqName(step)
		label = func(x time.Time) time.Time { return time.Unix(0, floorDiv(x.UnixNano(), step)*step).UTC() }
		next = func(x time.Time) time.Time { return x.Add(time.Duration(step)) }
	}
	n := ts.Len()
	var lo, hi time.Time
	have := false
	rowLabel := make([]int64, n)
	for k := 0; k < n; k++ {
		v, ok := t.at(k)
		if !ok {
			rowLabel[k] = math.MinInt64
			continue
		}
		l := label(time.Unix(0, v).UTC())
		rowLabel[k] = l.UnixNano()
		if !have || l.Before(lo) {
			lo = l
		}
		if !have || l.After(hi) {
			hi = l
		}
		have = true
	}
	var labels []int64
	pos := map[int64]int{}
	for l := lo; have && !l.After(hi); l = next(l) {
		pos[l.UnixNano()] = len(labels)
		labels = append(labels, l.UnixNano())
	}
	bins := make([][]int, len(labels))
	for k, l := range rowLabel {
		if i, ok := pos[l]; ok {
			bins[i] = append(bins[i], k)
		}
	}
	out := &Frame{Rows: len(labels), Index: []Column{{Name: f.Index[0].Name, Data: timestamps(labels, nil)}}}
	for _, c := range f.Columns {
		a, err := binAgg(c.Data, bins, how)
		if err != nil {
			return nil, "", err
		}
		out.Columns = append(out.Columns, Column{Name: c.Name, Data: a})
	}
	return out, freq, nil
}

// binAgg aggregates the rows of each bin of a.
func binAgg(a arrow.Array, bins [][]int, how string) (arrow.Array, error) {
	if how == "count" || how == "size" {
		miss := missingAt(a)
		out := make([]int64, len(bins))
		for i, b := range bins {
			for _, k := range b {
				if how == "size" || !miss(k) {
					out[i]++
				}
			}
		}
		return Int64s(out), nil
	}
	if how == "first" || how == "last" {
		miss := missingAt(a)
		idx := make([]int, len(bins))
		for i, b := range bins {
			idx[i] = -1
			for j := range b {
				k := b[j]
				if how == "last" {
					k = b[len(b)-1-j]
				}
				if !miss(k) {
					idx[i] = k
					break
				}
			}
		}
		return TakeNullable(a, idx), nil
	}
	v, err := floatsOf(a, how)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(bins))
	win := []float64{}
	for i, b := range bins {
		win = win[:0]
		for _, k := range b {
			if v[k] == v[k] {
				win = append(win, v[k])
			}
		}
		switch {
		case how == "sum" && len(win) == 0:
			out[i] = 0
		case len(win) == 0 || (len(win) < 2 && (how == "std" || how == "var")):
			out[i] = math.NaN()
		default:
			out[i] = windowStat(how, win)
		}
	}
	if _, isInt := a.(*array.Int64); isInt && how != "mean" && how != "std" && how != "var" && how != "median" {
		ok := true
		for _, x := range out {
			ok = ok && x == x
		}
		if ok {
			return AsType(Float64s(out), Int64)
		}
	}
	return Float64s(out), nil
}
