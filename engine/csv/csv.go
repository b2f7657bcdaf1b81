// Package csv reads CSV bytes into frames as pandas' read_csv (C engine,
// default options) does: dtypes inferred per column, empty and NA strings
// as missing, parse_dates combining columns, forced dtypes.
//
// It works on the bytes directly: fields are located once, then each
// column is converted straight into a typed buffer without allocating a
// string per field.
package csv

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"

	"burst/engine/frame"
)

// DateSpec asks for a datetime column. With one source column and Name
// equal to it (pandas parse_dates=["col"]) the column is parsed in place.
// With several (parse_dates={"Date": [0, 1, 2]}) the columns are joined with
// a space, parsed, inserted at the front as Name, and the sources dropped.
type DateSpec struct {
	Name    string
	Columns []string // source columns by name …
	Indices []int    // … or by position in the header (0-based)
}

// Options are read_csv's options.
type Options struct {
	ParseDates []DateSpec
	DType      map[string]frame.DType // forced dtypes per column
	NAValues   []string               // extra NA strings
	UseCols    []string               // nil: all columns
	NRows      int                    // read at most this many rows; 0: all
	// Project, when not nil, names the only result columns to build (names
	// after parse_dates): the engine's column projection, which skips
	// converting what no later step uses. Not a pandas option.
	Project []string `json:",omitempty"`
}

var defaultNA = []string{"", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"}

// table is a tokenized file: field i of row r spans
// data[start[r*ncol+i]:end[r*ncol+i]]; a missing trailing field has
// start = -1.
type table struct {
	name       string
	data       []byte
	header     []string
	start, end []int32
	lines      []int32 // 1-based line number of each row
	rows       int
	naDigits   bool // some NA string ends in a digit
}

// Read parses a whole CSV file (header first). name is used in errors.
func Read(name string, data []byte, opt *Options) (*frame.Frame, error) {
	if opt == nil {
		opt = &Options{}
	}
	t, err := tokenize(name, data)
	if err != nil {
		return nil, err
	}
	if opt.NRows > 0 && t.rows > opt.NRows {
		t.rows = opt.NRows
	}
	na := map[string]bool{}
	for _, s := range defaultNA {
		na[s] = true
	}
	for _, s := range opt.NAValues {
		na[s] = true
		if s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' {
			t.naDigits = true
		}
	}
	col := map[string]int{}
	for i, h := range t.header {
		col[h] = i
	}
	for c := range opt.DType {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s: dtype names column %q, which is not in the file", name, c)
		}
	}
	for _, c := range opt.UseCols {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("ValueError: %s: usecols names column %q, which is not in the file", name, c)
		}
	}
	used := make([]bool, len(t.header))
	var front []frame.Column
	inPlace := map[int]bool{}
	projected := func(name string) bool { return opt.Project == nil || slices.Contains(opt.Project, name) }
	for _, ds := range opt.ParseDates {
		idx := ds.Indices
		for _, c := range ds.Columns {
			i, ok := col[c]
			if !ok {
				return nil, fmt.Errorf("ValueError: %s: parse_dates names column %q, which is not in the file", name, c)
			}
			idx = append(idx, i)
		}
		for _, i := range idx {
			if i < 0 || i >= len(t.header) {
				return nil, fmt.Errorf("ValueError: %s: parse_dates position %d is out of range (the file has %d columns)", name, i, len(t.header))
			}
		}
		if len(idx) == 1 && t.header[idx[0]] == ds.Name {
			inPlace[idx[0]] = true
			continue
		}
		if !projected(ds.Name) {
			for _, i := range idx {
				used[i] = true
			}
			continue
		}
		a, err := t.dates(idx, na)
		if err != nil {
			return nil, err
		}
		for _, i := range idx {
			used[i] = true
		}
		front = append(front, frame.Column{Name: ds.Name, Data: a})
	}
	keep := func(i int) bool {
		if len(opt.UseCols) == 0 {
			return true
		}
		for _, c := range opt.UseCols {
			if c == t.header[i] {
				return true
			}
		}
		return false
	}
	cols := front
	for i, h := range t.header {
		if used[i] || !keep(i) || !projected(h) {
			continue
		}
		var a arrow.Array
		var err error
		if inPlace[i] {
			a, err = t.dates([]int{i}, na)
		} else {
			a, err = t.column(i, opt.DType[h], na)
		}
		if err != nil {
			return nil, err
		}
		cols = append(cols, frame.Column{Name: h, Data: a})
	}
	f, err := frame.New(cols)
	if err != nil {
		return nil, err
	}
	f.Rows = t.rows
	return f, nil
}

// tokenize finds the header and every field. Quoted fields are unescaped
// into a private copy of the data.
func tokenize(name string, data []byte) (*table, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, '"') >= 0 {
		data = append([]byte(nil), data...) // unescaping writes in place
	}
	t := &table{name: name, data: data}
	pos, line := 0, 1
	var fs, fe []int32
	// readRow returns the fields of the row starting at pos.
	readRow := func() (bool, error) {
		fs, fe = fs[:0], fe[:0]
		startLine := line
		for {
			if pos < len(data) && data[pos] == '"' {
				w := pos
				s := pos
				pos++
				for {
					if pos >= len(data) {
						return false, fmt.Errorf("%s: line %d: unterminated quoted field", name, startLine)
					}
					c := data[pos]
					if c == '"' {
						if pos+1 < len(data) && data[pos+1] == '"' {
							data[w] = '"'
							w++
							pos += 2
							continue
						}
						pos++
						break
					}
					if c == '\n' {
						line++
					}
					data[w] = c
					w++
					pos++
				}
				fs, fe = append(fs, int32(s)), append(fe, int32(w))
				// Skip to the delimiter.
				for pos < len(data) && data[pos] != ',' && data[pos] != '\n' {
					pos++
				}
			} else {
				s := pos
				for pos < len(data) && data[pos] != ',' && data[pos] != '\n' {
					pos++
				}
				e := pos
				if e > s && data[e-1] == '\r' {
					e--
				}
				fs, fe = append(fs, int32(s)), append(fe, int32(e))
			}
			if pos >= len(data) || data[pos] == '\n' {
				pos++
				line++
				return true, nil
			}
			pos++ // the comma
		}
	}
	blank := func() bool {
		return len(fs) == 1 && fe[0] == fs[0] && (fs[0] == 0 || data[fs[0]-1] != '"')
	}
	// Header, skipping blank lines.
	for {
		if pos >= len(data) {
			return nil, fmt.Errorf("EmptyDataError: %s: No columns to parse from file", name)
		}
		if _, err := readRow(); err != nil {
			return nil, err
		}
		if !blank() {
			break
		}
	}
	for i := range fs {
		t.header = append(t.header, string(data[fs[i]:fe[i]]))
	}
	n := len(t.header)
	est := bytes.Count(data, []byte{'\n'}) + 1
	t.start = make([]int32, 0, est*n)
	t.end = make([]int32, 0, est*n)
	for pos < len(data) {
		rowLine := line
		if _, err := readRow(); err != nil {
			return nil, err
		}
		if blank() {
			continue
		}
		if len(fs) > n {
			return nil, fmt.Errorf("ParserError: %s: Error tokenizing data. C error: Expected %d fields in line %d, saw %d", name, n, rowLine, len(fs))
		}
		t.start = append(t.start, fs...)
		t.end = append(t.end, fe...)
		for k := len(fs); k < n; k++ { // short rows are padded with NA
			t.start, t.end = append(t.start, -1), append(t.end, -1)
		}
		t.lines = append(t.lines, int32(rowLine))
		t.rows++
	}
	return t, nil
}

func (t *table) field(r, c int) ([]byte, bool) {
	k := r*len(t.header) + c
	s := t.start[k]
	if s < 0 {
		return nil, false
	}
	return t.data[s:t.end[k]], true
}

// isNA reports whether a field is missing. Fields ending in a digit skip
// the lookup unless some NA string ends in a digit (a user's "-999").
func (t *table) isNA(b []byte, present bool, na map[string]bool) bool {
	if !present || len(b) == 0 {
		return true
	}
	if last := b[len(b)-1]; last >= '0' && last <= '9' && !t.naDigits {
		return false
	}
	return na[string(b)]
}

type kind int

const (
	kInt kind = iota
	kFloat
	kBool
	kObject
)

// column converts column c, inferring its dtype unless forced.
func (t *table) column(c int, forced frame.DType, na map[string]bool) (arrow.Array, error) {
	n := t.rows
	k := kInt
	anyNA, allNA := false, true
	if forced == "" {
		for r := 0; r < n && k != kObject; r++ {
			b, ok := t.field(r, c)
			if t.isNA(b, ok, na) {
				anyNA = true
				continue
			}
			allNA = false
			switch k {
			case kInt:
				if _, ok := parseInt(b); !ok {
					if _, ok := parseFloat(b); ok {
						k = kFloat
					} else if _, ok := parseBool(b, false); ok && r == firstPresent(t, c, na) {
						k = kBool
					} else {
						k = kObject
					}
				}
			case kFloat:
				if _, ok := parseFloat(b); !ok {
					k = kObject
				}
			case kBool:
				if _, ok := parseBool(b, false); !ok {
					k = kObject
				}
			}
		}
		switch {
		case n == 0:
			k = kObject
		case allNA:
			k = kFloat
		case k == kInt && anyNA:
			k = kFloat
		case k == kBool && anyNA:
			k = kObject
		}
	} else {
		switch forced {
		case frame.Int64:
			k = kInt
		case frame.Float64:
			k = kFloat
		case frame.Bool:
			k = kBool
		case frame.Datetime:
			return t.dates([]int{c}, na)
		default:
			k = kObject
		}
	}
	bad := func(r int, b []byte, what string) error {
		return fmt.Errorf("ValueError: %s: line %d, column %q: cannot convert %q to %s", t.name, t.lines[r], t.header[c], b, what)
	}
	switch k {
	case kInt:
		v := make([]int64, n)
		for r := range n {
			b, ok := t.field(r, c)
			if t.isNA(b, ok, na) {
				return nil, fmt.Errorf("ValueError: %s: line %d: Integer column has NA values in column %q", t.name, t.lines[r], t.header[c])
			}
			x, ok := parseInt(b)
			if !ok {
				return nil, bad(r, b, "int64")
			}
			v[r] = x
		}
		return frame.Int64s(v), nil
	case kFloat:
		v := make([]float64, n)
		for r := range n {
			b, ok := t.field(r, c)
			if t.isNA(b, ok, na) {
				v[r] = nan
				continue
			}
			x, ok := parseFloat(b)
			if !ok {
				return nil, bad(r, b, "float64")
			}
			v[r] = x
		}
		return frame.Float64s(v), nil
	case kBool:
		v := make([]bool, n)
		for r := range n {
			b, ok := t.field(r, c)
			if t.isNA(b, ok, na) {
				return nil, fmt.Errorf("ValueError: %s: line %d: Bool column has NA values in column %q", t.name, t.lines[r], t.header[c])
			}
			x, ok := parseBool(b, forced == frame.Bool)
			if !ok {
				return nil, bad(r, b, "bool")
			}
			v[r] = x
		}
		return frame.Bools(v), nil
	}
	bld := array.NewStringBuilder(memory.DefaultAllocator)
	defer bld.Release()
	bld.Reserve(n)
	for r := range n {
		b, ok := t.field(r, c)
		if t.isNA(b, ok, na) {
			bld.AppendNull()
		} else {
			bld.BinaryBuilder.Append(b)
		}
	}
	return bld.NewArray(), nil
}

func firstPresent(t *table, c int, na map[string]bool) int {
	for r := 0; r < t.rows; r++ {
		if b, ok := t.field(r, c); !t.isNA(b, ok, na) {
			return r
		}
	}
	return -1
}

// dates parses the joined text of columns idx as datetimes.
func (t *table) dates(idx []int, na map[string]bool) (arrow.Array, error) {
	bld := array.NewTimestampBuilder(memory.DefaultAllocator, &arrow.TimestampType{Unit: arrow.Nanosecond})
	defer bld.Release()
	var buf []byte
	for r := 0; r < t.rows; r++ {
		// Fast path: year, month, day as integer columns.
		if len(idx) == 3 {
			y, ok1 := t.field(r, idx[0])
			m, ok2 := t.field(r, idx[1])
			d, ok3 := t.field(r, idx[2])
			yi, a := parseInt(y)
			mi, b := parseInt(m)
			di, c := parseInt(d)
			if ok1 && ok2 && ok3 && a && b && c && mi >= 1 && mi <= 12 && di >= 1 && di <= 31 {
				bld.Append(arrow.Timestamp(time.Date(int(yi), time.Month(mi), int(di), 0, 0, 0, 0, time.UTC).UnixNano()))
				continue
			}
		}
		buf = buf[:0]
		allNA := true
		for j, c := range idx {
			b, ok := t.field(r, c)
			if !t.isNA(b, ok, na) {
				allNA = false
			}
			if j > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, b...)
		}
		if allNA {
			bld.AppendNull()
			continue
		}
		ts, ok := parseDate(strings.TrimSpace(string(buf)))
		if !ok {
			return nil, fmt.Errorf("ValueError: %s: line %d: cannot parse %q as a date in %s", t.name, t.lines[r], buf, t.header[idx[0]])
		}
		bld.Append(arrow.Timestamp(ts.UnixNano()))
	}
	return bld.NewArray(), nil
}

var dateLayouts = []string{"2006 1 2", "2006-01-02", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "01/02/2006", "1/2/2006", "2006/01/02"}

func parseDate(s string) (time.Time, bool) {
	for _, l := range dateLayouts {
		if ts, err := time.Parse(l, s); err == nil {
			return ts, true
		}
	}
	return time.Time{}, false
}

var nan = func() float64 { var z float64; return z / z }()

// parseInt parses a decimal integer without allocating.
func parseInt(b []byte) (int64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	neg := false
	i := 0
	if b[0] == '-' || b[0] == '+' {
		neg = b[0] == '-'
		i = 1
		if len(b) == 1 {
			return 0, false
		}
	}
	if len(b)-i > 18 {
		v, err := strconv.ParseInt(string(b), 10, 64)
		return v, err == nil
	}
	var v int64
	for ; i < len(b); i++ {
		c := b[i] - '0'
		if c > 9 {
			return 0, false
		}
		v = v*10 + int64(c)
	}
	if neg {
		v = -v
	}
	return v, true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseFloat parses a decimal number; simple ones exactly without
// allocating (a mantissa below 2^53 divided by an exact power of ten is
// correctly rounded), others with strconv.
func parseFloat(b []byte) (float64, bool) {
	i, neg := 0, false
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = b[0] == '-'
		i = 1
	}
	var m uint64
	digits, frac := 0, -1
	for ; i < len(b); i++ {
		c := b[i]
		if c == '.' && frac < 0 {
			frac = 0
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		m = m*10 + uint64(c-'0')
		digits++
		if frac >= 0 {
			frac++
		}
	}
	if i == len(b) && digits > 0 && digits <= 15 {
		v := float64(m)
		if frac > 0 {
			v /= pow10[frac]
		}
		if neg {
			v = -v
		}
		return v, true
	}
	s := string(b)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		switch strings.ToLower(s) {
		case "inf", "+inf", "infinity":
			return v, true
		}
		return 0, false
	}
	return v, true
}

// parseBool accepts pandas' spellings; with numeric, also 0 and 1 (what
// dtype=bool accepts).
func parseBool(b []byte, numeric bool) (bool, bool) {
	switch string(b) {
	case "True", "TRUE", "true":
		return true, true
	case "False", "FALSE", "false":
		return false, true
	}
	if numeric {
		if x, ok := parseFloat(b); ok {
			return x != 0, true
		}
	}
	return false, false
}
