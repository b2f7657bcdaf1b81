package csv

import (
	"fmt"
	"strings"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/bitutil"

	"burst/engine/frame"
)

// column converts column c to forced, or to the dtype pandas would infer:
// int64, float64 (ints with missing values too), bool, else object.
func (t *table) column(c int, forced frame.DType) (arrow.Array, error) {
	switch forced {
	case "":
		if t.rows == 0 {
			return t.strings(c), nil
		}
		// Optimistic: parse ints until a value is not one, then floats;
		// each value is parsed once on the common paths.
		ints, r := t.ints(c)
		if r == t.rows {
			return frame.OwnInt64s(ints), nil
		}
		floats := make([]float64, t.rows)
		for i, v := range ints[:r] {
			floats[i] = float64(v)
		}
		if r, _ = t.floats(c, floats, r); r == t.rows {
			return frame.OwnFloat64s(floats), nil
		}
		return t.inferred(c)
	case frame.Int64:
		ints, r := t.ints(c)
		if r < t.rows {
			b, ok := t.field(r, c)
			if !ok || t.isNA(b) {
				return nil, fmt.Errorf("ValueError: %s: line %d: Integer column has NA values in column %q", t.name, t.lineOf(r), t.header[c])
			}
			return nil, t.bad(r, c, b, "int64")
		}
		return frame.OwnInt64s(ints), nil
	case frame.Float64:
		floats := make([]float64, t.rows)
		if r, b := t.floats(c, floats, 0); r < t.rows {
			return nil, t.bad(r, c, b, "float64")
		}
		return frame.OwnFloat64s(floats), nil
	case frame.Bool:
		return t.bools(c, true)
	case frame.Datetime:
		return t.dates([]int{c})
	}
	return t.strings(c), nil
}

func (t *table) bad(r, c int, b []byte, what string) error {
	return fmt.Errorf("ValueError: %s: line %d, column %q: cannot convert %q to %s", t.name, t.lineOf(r), t.header[c], b, what)
}

// ints parses column c as integers up to the first row that is missing or
// not an integer, and returns that row (t.rows when all are).
func (t *table) ints(c int) ([]int64, int) {
	v := make([]int64, t.rows)
	st, en, data := t.start[c][:t.rows], t.end[c][:t.rows], t.data
	for r, s := range st {
		if s < 0 {
			return v, r
		}
		b := data[s:en[r]]
		x, ok := parseInt(b)
		if !ok || t.naNumber && t.isNA(b) {
			return v, r
		}
		v[r] = x
	}
	return v, t.rows
}

// floats parses column c from row `from` into v, NaN for missing values,
// up to the first value that is not a number: it returns that row (t.rows
// when all are) and its text.
func (t *table) floats(c int, v []float64, from int) (int, []byte) {
	st, en, data := t.start[c][:t.rows], t.end[c][:t.rows], t.data
	for r := from; r < len(st); r++ {
		s := st[r]
		if s < 0 {
			v[r] = nan
			continue
		}
		b := data[s:en[r]]
		if len(b) == 0 {
			v[r] = nan
			continue
		}
		x, ok := parseFloat(b)
		if !ok || t.naNumber && t.isNA(b) {
			if !t.isNA(b) {
				return r, b
			}
			x = nan
		}
		v[r] = x
	}
	return len(st), nil
}

// bools converts column c to booleans; forced also accepts numbers (what
// dtype=bool does).
func (t *table) bools(c int, forced bool) (arrow.Array, error) {
	v := make([]bool, t.rows)
	for r := range v {
		b, ok := t.field(r, c)
		if !ok || t.isNA(b) {
			return nil, fmt.Errorf("ValueError: %s: line %d: Bool column has NA values in column %q", t.name, t.lineOf(r), t.header[c])
		}
		x, ok := parseBool(b, forced)
		if !ok {
			return nil, t.bad(r, c, b, "bool")
		}
		v[r] = x
	}
	return frame.Bools(v), nil
}

// inferred handles the columns that are not all numbers: bool when every
// value spells one and none is missing, else object.
func (t *table) inferred(c int) (arrow.Array, error) {
	for r := range t.rows {
		b, ok := t.field(r, c)
		if !ok || t.isNA(b) {
			return t.strings(c), nil
		}
		if _, ok := parseBool(b, false); !ok {
			return t.strings(c), nil
		}
	}
	return t.bools(c, false)
}

// strings builds column c as text, missing values as nulls, straight into
// Arrow's offsets and data buffers.
func (t *table) strings(c int) arrow.Array {
	n := t.rows
	var st, en []int32
	if n > 0 {
		st, en = t.start[c][:n], t.end[c][:n]
	}
	size := 0
	for r, s := range st {
		if s >= 0 {
			size += int(en[r] - s)
		}
	}
	offsets := make([]int32, n+1)
	buf := make([]byte, 0, size)
	var valid []byte
	nulls := 0
	for r, s := range st {
		if s >= 0 {
			if b := t.data[s:en[r]]; !t.isNA(b) {
				buf = append(buf, b...)
				offsets[r+1] = int32(len(buf))
				continue
			}
		}
		if valid == nil {
			valid = make([]byte, bitutil.BytesForBits(int64(n)))
			bitutil.SetBitsTo(valid, 0, int64(n), true)
		}
		bitutil.ClearBit(valid, r)
		nulls++
		offsets[r+1] = int32(len(buf))
	}
	return frame.OwnStrings(offsets, buf, valid, nulls)
}

// dates parses the joined text of columns idx as datetimes.
func (t *table) dates(idx []int) (arrow.Array, error) {
	v := make([]int64, t.rows)
	var valid []byte
	nulls := 0
	var buf []byte
	// Year, month and day columns of sorted data repeat the same day: the
	// last one is remembered.
	lastY, lastM, lastD, lastNs := int64(-1), int64(-1), int64(-1), int64(0)
	for r := range t.rows {
		if len(idx) == 3 {
			y, ok1 := t.field(r, idx[0])
			m, ok2 := t.field(r, idx[1])
			d, ok3 := t.field(r, idx[2])
			yi, a := parseInt(y)
			mi, b := parseInt(m)
			di, c := parseInt(d)
			if ok1 && ok2 && ok3 && a && b && c && mi >= 1 && mi <= 12 && di >= 1 && di <= daysIn(yi, mi) && yi > 1677 && yi < 2262 {
				if yi != lastY || mi != lastM || di != lastD {
					lastY, lastM, lastD = yi, mi, di
					lastNs = daysFromCivil(yi, mi, di) * 86400e9
				}
				v[r] = lastNs
				continue
			}
		}
		buf = buf[:0]
		allNA := true
		for j, c := range idx {
			b, ok := t.field(r, c)
			if ok && !t.isNA(b) {
				allNA = false
			}
			if j > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, b...)
		}
		if allNA {
			if valid == nil {
				valid = make([]byte, bitutil.BytesForBits(int64(t.rows)))
				bitutil.SetBitsTo(valid, 0, int64(t.rows), true)
			}
			bitutil.ClearBit(valid, r)
			nulls++
			continue
		}
		ts, ok := parseDate(strings.TrimSpace(string(buf)))
		if !ok {
			return nil, fmt.Errorf("ValueError: %s: line %d: cannot parse %q as a date in %s", t.name, t.lineOf(r), buf, t.header[idx[0]])
		}
		v[r] = ts.UnixNano()
	}
	return frame.OwnTimestamps(v, valid, nulls), nil
}

// daysFromCivil returns the days from 1970-01-01 to a proleptic Gregorian
// date (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func daysIn(y, m int64) int64 {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
