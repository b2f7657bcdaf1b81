package frame

import (
	"fmt"
	"math"
	"sort"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// Element-wise, cumulative and window kernels over one column: shift,
// fill forward and back, cumulative sums, rolling windows, ranks, clip,
// where, replace. Floats keep NaN as missing; ints become floats where a
// result may be missing, as pandas does.

// missingAt reports, for each row of a, whether it is missing.
func missingAt(a arrow.Array) func(int) bool {
	if f, ok := a.(*array.Float64); ok {
		v := f.Float64Values()
		return func(k int) bool { return v[k] != v[k] }
	}
	if a.NullN() == 0 {
		return func(int) bool { return false }
	}
	return a.IsNull
}

// Shift moves the values of a down by n rows (up when n < 0); the rows
// left empty are missing.
func Shift(a arrow.Array, n int) arrow.Array {
	idx := make([]int, a.Len())
	for k := range idx {
		j := k - n
		if j < 0 || j >= len(idx) {
			j = -1
		}
		idx[k] = j
	}
	if _, ok := a.(*array.Boolean); ok && n != 0 {
		// pandas holds the missing booleans in an object column.
		return TakeNullable(boolStrings(a.(*array.Boolean)), idx)
	}
	return TakeNullable(a, idx)
}

func boolStrings(a *array.Boolean) arrow.Array {
	out := make([]string, a.Len())
	for k := range out {
		out[k] = "False"
		if a.Value(k) {
			out[k] = "True"
		}
	}
	return Strings(out, nil)
}

// Fill fills missing values with the last valid one before (forward) or
// the next one after (backward).
func Fill(a arrow.Array, forward bool) arrow.Array {
	n := a.Len()
	if f, ok := a.(*array.Float64); ok {
		v := f.Float64Values()
		out := make([]float64, n)
		last := math.NaN()
		for i := 0; i < n; i++ {
			k := i
			if !forward {
				k = n - 1 - i
			}
			if v[k] == v[k] {
				last = v[k]
			}
			out[k] = last
		}
		return OwnFloat64s(out)
	}
	if a.NullN() == 0 {
		return a
	}
	idx := make([]int, n)
	last := -1
	for i := 0; i < n; i++ {
		k := i
		if !forward {
			k = n - 1 - i
		}
		if a.IsValid(k) {
			last = k
		}
		idx[k] = last
	}
	return TakeNullable(a, idx)
}

// Cumulative computes cumsum, cumprod, cummax or cummin, skipping missing
// values (which stay missing).
func Cumulative(how string, a arrow.Array) (arrow.Array, error) {
	switch x := a.(type) {
	case *array.Int64, *array.Boolean:
		v, _ := asNumeric(x)
		out := make([]int64, a.Len())
		var acc int64
		for k := range out {
			y := v.i[k]
			if k == 0 {
				acc = y
			} else {
				acc = cumStepInt(how, acc, y)
			}
			out[k] = acc
		}
		return OwnInt64s(out), nil
	case *array.Float64:
		v := x.Float64Values()
		out := make([]float64, len(v))
		acc, started := 0.0, false
		for k, y := range v {
			if y != y {
				out[k] = y
				continue
			}
			if !started {
				acc, started = y, true
			} else {
				acc = cumStep(how, acc, y)
			}
			out[k] = acc
		}
		return OwnFloat64s(out), nil
	}
	return nil, fmt.Errorf("NotImplementedError: %s() of %s columns is not supported: a Burst DataFrame or Series accumulates numbers", how, DTypeOf(a.DataType()))
}

func cumStep(how string, acc, y float64) float64 {
	switch how {
	case "cumsum":
		return acc + y
	case "cumprod":
		return acc * y
	case "cummax":
		return math.Max(acc, y)
	}
	return math.Min(acc, y)
}

func cumStepInt(how string, acc, y int64) int64 {
	switch how {
	case "cumsum":
		return acc + y
	case "cumprod":
		return acc * y
	case "cummax":
		return max(acc, y)
	}
	return min(acc, y)
}

// LastValid is the last value of a that is not missing, as a one-value
// array; NaN (missing) when there is none.
func LastValid(a arrow.Array) arrow.Array {
	miss := missingAt(a)
	for k := a.Len() - 1; k >= 0; k-- {
		if !miss(k) {
			return Take(a, []int{k})
		}
	}
	return TakeNullable(a, []int{-1})
}

// CumCarry applies the carry of earlier partitions (a one-value array; a
// missing carry is none) to a partition's cumulative values, as Dask's
// cumulative aggregates do: missing values stay missing.
func CumCarry(how string, a, carry arrow.Array) (arrow.Array, error) {
	if carry.Len() == 0 || missingAt(carry)(0) {
		return a, nil
	}
	switch x := a.(type) {
	case *array.Int64:
		if c, ok := carry.(*array.Int64); ok {
			v := x.Int64Values()
			out := make([]int64, len(v))
			for k, y := range v {
				out[k] = cumStepInt(how, y, c.Value(0))
			}
			return OwnInt64s(out), nil
		}
	}
	v, ok := asNumeric(a)
	c, ok2 := asNumeric(carry)
	if !ok || !ok2 {
		return nil, fmt.Errorf("TypeError: cannot compute %s of %s values", how, DTypeOf(a.DataType()))
	}
	cv := c.float(0)
	out := make([]float64, a.Len())
	for k := range out {
		y := v.float(k)
		if y != y {
			out[k] = y
			continue
		}
		out[k] = cumStep(how, y, cv)
	}
	return OwnFloat64s(out), nil
}

// floatsOf views a numeric column as float64 values (NaN missing).
func floatsOf(a arrow.Array, what string) ([]float64, error) {
	if f, ok := a.(*array.Float64); ok {
		return f.Float64Values(), nil
	}
	x, ok := asNumeric(a)
	if !ok {
		return nil, fmt.Errorf("TypeError: cannot compute %s of %s values", what, DTypeOf(a.DataType()))
	}
	out := make([]float64, a.Len())
	for k := range out {
		out[k] = x.float(k)
	}
	return out, nil
}

// Diff is a[k] - a[k-n], as float64.
func Diff(a arrow.Array, n int, pct bool) (arrow.Array, error) {
	v, err := floatsOf(a, "diff")
	if err != nil {
		return nil, err
	}
	if pct {
		// pandas' pct_change fills forward first (fill_method="pad").
		v = Fill(OwnFloat64s(v), true).(*array.Float64).Float64Values()
	}
	out := make([]float64, len(v))
	for k := range out {
		j := k - n
		if j < 0 || j >= len(v) {
			out[k] = math.NaN()
			continue
		}
		if pct {
			out[k] = v[k]/v[j] - 1
		} else {
			out[k] = v[k] - v[j]
		}
	}
	return OwnFloat64s(out), nil
}

// Rolling computes a rolling-window statistic (mean, sum, min, max, std,
// var, count, median) over windows of w rows with at least minp values.
// Sums and moments are updated as rows enter and leave the window
// (compensated and Welford's, as pandas' roll_sum and roll_var), minima
// and maxima kept in a monotonic queue: linear in the rows whatever w.
func Rolling(a arrow.Array, how string, w, minp int) (arrow.Array, error) {
	v, err := floatsOf(a, "rolling "+how)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(v))
	nobs := 0
	var sum, comp, mean, m2, prev float64
	same := 0
	var queue []int // min/max: rows whose values may still be the extreme
	win := make([]float64, 0, min(w, len(v)))
	for k, x := range v {
		old := math.NaN()
		if k >= w {
			old = v[k-w]
		}
		switch how {
		case "sum", "mean", "count":
			if x == x {
				nobs++
				y := x - comp
				t := sum + y
				comp, sum = t-sum-y, t
			}
			if old == old {
				nobs--
				y := -old - comp
				t := sum + y
				comp, sum = t-sum-y, t
			}
		case "var", "std":
			if x == x {
				nobs++
				d := x - mean
				mean += d / float64(nobs)
				m2 += d * (x - mean)
				if x == prev {
					same++
				} else {
					same = 1
				}
				prev = x
			}
			if old == old {
				nobs--
				if nobs > 0 {
					d := old - mean
					mean -= d / float64(nobs)
					m2 -= d * (old - mean)
				} else {
					mean, m2 = 0, 0
				}
			}
		case "min", "max":
			for len(queue) > 0 && queue[0] <= k-w {
				queue = queue[1:]
			}
			if x == x {
				for len(queue) > 0 && ((how == "min" && v[queue[len(queue)-1]] >= x) || (how == "max" && v[queue[len(queue)-1]] <= x)) {
					queue = queue[:len(queue)-1]
				}
				queue = append(queue, k)
				nobs++
			}
			if old == old {
				nobs--
			}
		default:
			win = win[:0]
			for _, y := range v[max(0, k-w+1) : k+1] {
				if y == y {
					win = append(win, y)
				}
			}
			nobs = len(win)
		}
		r := math.NaN()
		if nobs >= minp && (nobs > 0 || how == "count" || how == "sum") {
			switch how {
			case "count":
				r = float64(nobs)
			case "sum":
				r = sum
			case "mean":
				r = sum / float64(nobs)
			case "var", "std":
				if nobs > 1 {
					r = 0
					if same < nobs {
						r = max(m2/float64(nobs-1), 0)
					}
					if how == "std" {
						r = math.Sqrt(r)
					}
				}
			case "min", "max":
				r = v[queue[0]]
			default:
				r = windowStat(how, win)
			}
		}
		out[k] = r
	}
	return OwnFloat64s(out), nil
}

func windowStat(how string, win []float64) float64 {
	n := float64(len(win))
	switch how {
	case "count":
		return n
	case "min", "max":
		r := win[0]
		for _, x := range win[1:] {
			if (how == "min") == (x < r) {
				r = x
			}
		}
		return r
	case "median":
		s := append([]float64(nil), win...)
		sort.Float64s(s)
		return Quantile(s, 0.5)
	}
	sum := 0.0
	for _, x := range win {
		sum += x
	}
	switch how {
	case "sum":
		return sum
	case "mean":
		return sum / n
	}
	if n < 2 {
		return math.NaN()
	}
	mean, m2 := sum/n, 0.0
	for _, x := range win {
		m2 += (x - mean) * (x - mean)
	}
	if how == "std" {
		return math.Sqrt(m2 / (n - 1))
	}
	return m2 / (n - 1)
}

// EWMMean is pandas' exponentially weighted mean with adjust=True and
// ignore_na=False.
func EWMMean(a arrow.Array, alpha float64, minp int) (arrow.Array, error) {
	v, err := floatsOf(a, "ewm mean")
	if err != nil {
		return nil, err
	}
	minp = max(minp, 1)
	out := make([]float64, len(v))
	if len(v) == 0 {
		return OwnFloat64s(out), nil
	}
	avg := v[0]
	nobs := 0
	if avg == avg {
		nobs = 1
	}
	oldWt := 1.0
	out[0] = math.NaN()
	if nobs >= minp {
		out[0] = avg
	}
	for k := 1; k < len(v); k++ {
		cur := v[k]
		obs := cur == cur
		if obs {
			nobs++
		}
		if avg == avg {
			oldWt *= 1 - alpha
			if obs {
				if avg != cur {
					avg = (oldWt*avg + cur) / (oldWt + 1)
				}
				oldWt++
			}
		} else if obs {
			avg = cur
		}
		out[k] = math.NaN()
		if nobs >= minp {
			out[k] = avg
		}
	}
	return OwnFloat64s(out), nil
}

// Rank ranks the values of a (1 for the smallest), ties by method
// (average, min, max, first, dense); missing values stay missing.
func Rank(a arrow.Array, method string, ascending bool) (arrow.Array, error) {
	n := a.Len()
	miss := missingAt(a)
	idx := make([]int, 0, n)
	for k := 0; k < n; k++ {
		if !miss(k) {
			idx = append(idx, k)
		}
	}
	var less func(i, j int) bool
	switch x := a.(type) {
	case *array.String:
		less = func(i, j int) bool { return x.Value(i) < x.Value(j) }
	default:
		v, err := floatsOf(a, "rank")
		if err != nil {
			return nil, err
		}
		less = func(i, j int) bool { return v[i] < v[j] }
	}
	cmp := less
	if !ascending {
		cmp = func(i, j int) bool { return less(j, i) }
	}
	sort.SliceStable(idx, func(i, j int) bool { return cmp(idx[i], idx[j]) })
	out := make([]float64, n)
	for k := range out {
		out[k] = math.NaN()
	}
	dense := 0.0
	for i := 0; i < len(idx); {
		j := i + 1
		for j < len(idx) && !cmp(idx[i], idx[j]) && !cmp(idx[j], idx[i]) {
			j++
		}
		dense++
		for t := i; t < j; t++ {
			var r float64
			switch method {
			case "min":
				r = float64(i + 1)
			case "max":
				r = float64(j)
			case "first":
				r = float64(t + 1)
			case "dense":
				r = dense
			default:
				r = float64(i+1+j) / 2
			}
			out[idx[t]] = r
		}
		i = j
	}
	return OwnFloat64s(out), nil
}

// Clip bounds the values of a by lo and hi (nil: no bound).
func Clip(a arrow.Array, lo, hi any) (arrow.Array, error) {
	r := a
	var err error
	for i, b := range []any{lo, hi} {
		if b == nil {
			continue
		}
		op := "<"
		if i == 1 {
			op = ">"
		}
		m, e := Compare(op, r, b)
		if e != nil {
			return nil, e
		}
		if r, err = Where(r, Invert2(m), b); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Invert2 inverts a mask that has no missing values.
func Invert2(m arrow.Array) arrow.Array {
	r, _ := Invert(m)
	return r
}

// Where keeps a where cond is true and takes other (a scalar or an array;
// nil: missing) elsewhere.
func Where(a arrow.Array, cond arrow.Array, other any) (arrow.Array, error) {
	m, err := AsMask(cond)
	if err != nil {
		return nil, err
	}
	if m.Len() != a.Len() {
		return nil, fmt.Errorf("ValueError: Array conditional must be same shape as self")
	}
	n := a.Len()
	if other == nil {
		idx := make([]int, n)
		for k := range idx {
			idx[k] = k
			if !m.Value(k) {
				idx[k] = -1
			}
		}
		return TakeNullable(a, idx), nil
	}
	o, ok := other.(arrow.Array)
	if !ok {
		if o, err = Broadcast(other, n); err != nil {
			return nil, err
		}
	}
	if DTypeOf(o.DataType()) != DTypeOf(a.DataType()) {
		_, f1 := asNumeric(a)
		_, f2 := asNumeric(o)
		if !f1 || !f2 {
			return nil, fmt.Errorf("TypeError: where() cannot mix %s and %s values", DTypeOf(a.DataType()), DTypeOf(o.DataType()))
		}
		if a, err = AsType(a, Float64); err != nil {
			return nil, err
		}
		if o, err = AsType(o, Float64); err != nil {
			return nil, err
		}
	}
	both, err := concatArrays([]arrow.Array{a, o})
	if err != nil {
		return nil, err
	}
	idx := make([]int, n)
	for k := range idx {
		idx[k] = k
		if !m.Value(k) {
			idx[k] = n + k
		}
	}
	return Take(both, idx), nil
}

// Replace maps values of a: those equal to from[i] become to[i]; the
// others stay.
func Replace(a arrow.Array, from, to []any) (arrow.Array, error) { return lookup(a, from, to, true) }

// MapValues is Series.map with a dict: each value looked up in keys,
// missing when absent.
func MapValues(a arrow.Array, keys, vals []any) (arrow.Array, error) {
	return lookup(a, keys, vals, false)
}

func lookup(a arrow.Array, keys, vals []any, keep bool) (arrow.Array, error) {
	n := a.Len()
	pick := make([]int, n) // -1: no key matched
	for k := range pick {
		pick[k] = -1
	}
	hit := false
	for i, f := range keys {
		eq, err := Compare("==", a, f)
		if err != nil || f == nil {
			continue // another type: no match
		}
		m := eq.(*array.Boolean)
		for k := 0; k < n; k++ {
			if pick[k] < 0 && m.Value(k) {
				pick[k], hit = i, true
			}
		}
	}
	if keep && !hit {
		return a, nil
	}
	parts := make([]arrow.Array, 0, len(vals)+1)
	if keep {
		parts = append(parts, a)
	}
	for _, v := range vals {
		x, err := Broadcast(v, 1)
		if err != nil {
			return nil, err
		}
		parts = append(parts, x)
	}
	if len(parts) == 0 {
		return TakeNullable(Float64s(nil), pick), nil
	}
	parts, err := commonType(parts)
	if err != nil {
		return nil, fmt.Errorf("TypeError: cannot mix these values: %v", err)
	}
	all, err := concatArrays(parts)
	if err != nil {
		return nil, err
	}
	for k := range pick {
		switch {
		case keep && pick[k] < 0:
			pick[k] = k
		case keep:
			pick[k] += n
		}
	}
	return TakeNullable(all, pick), nil
}

// RowCounts counts, for each row, the columns that are not missing.
func RowCounts(cols []arrow.Array, n int) []int {
	out := make([]int, n)
	for _, c := range cols {
		miss := missingAt(c)
		for k := range out {
			if !miss(k) {
				out[k]++
			}
		}
	}
	return out
}

// DuplicatedRows marks the rows of cols that repeat an earlier row.
func DuplicatedRows(cols []arrow.Array, n int) arrow.Array {
	out, _ := duplicatedRows(cols, n, "first") // "first" never errs
	return Bools(out)
}

// FloatsOf views a numeric column as float64 values (NaN missing).
func FloatsOf(a arrow.Array) ([]float64, error) { return floatsOf(a, "quantile") }

// Percentile is numpy's percentile with the linear method of sorted
// values v at q in [0, 100], to the bit: the virtual index (n-1)·q/100
// and numpy's _lerp, which counts back from the upper value past the
// middle.
func Percentile(v []float64, q float64) float64 {
	n := len(v)
	if n == 0 {
		return math.NaN()
	}
	vi := float64(n-1) * (q / 100)
	prev := math.Floor(vi)
	lo := max(0, min(int(prev), n-1))
	hi := max(0, min(int(prev)+1, n-1))
	g := vi - prev
	a, b := v[lo], v[hi]
	d := b - a
	if g >= 0.5 {
		return b - d*(1-g)
	}
	return a + d*g
}

// DescribeObject is describe() of a column of strings: count, unique,
// top (the most frequent, the first seen among equals) and freq.
func DescribeObject(s *Series) *Series {
	a, _ := s.Data.(*array.String)
	counts := map[string]int{}
	top, freq, n := "", 0, 0
	for k := 0; a != nil && k < a.Len(); k++ {
		if a.IsNull(k) {
			continue
		}
		n++
		v := a.Value(k)
		counts[v]++
		if counts[v] > freq {
			top, freq = v, counts[v]
		}
	}
	idx := Strings([]string{"count", "unique", "top", "freq"}, nil)
	vals := Strings([]string{fmt.Sprint(n), fmt.Sprint(len(counts)), top, fmt.Sprint(freq)}, nil)
	return &Series{Name: s.Name, Index: []Column{{Data: idx}}, Data: vals}
}
