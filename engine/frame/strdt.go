package frame

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// More of the .str and .dt accessors: Python's string methods, regular
// expressions, strftime, rounding of datetimes, timedelta parts.

// StrMore lists the .str methods StrX computes, with their parameters in
// pandas' order.
var StrMore = map[string][]string{
	"lstrip": {"to_strip"}, "rstrip": {"to_strip"}, "title": nil, "capitalize": nil, "swapcase": nil,
	"find": {"sub"}, "count": {"pat"}, "pad": {"width", "side", "fillchar"}, "zfill": {"width"},
	"center": {"width", "fillchar"}, "ljust": {"width", "fillchar"}, "rjust": {"width", "fillchar"},
	"isdigit": nil, "isalpha": nil, "isnumeric": nil, "isalnum": nil, "isspace": nil, "isupper": nil,
	"islower": nil, "istitle": nil, "repeat": {"repeats"}, "match": {"pat", "case"}, "get": {"i"},
	"fullmatch": {"pat", "case"}, "casefold": nil, "removeprefix": {"prefix"}, "removesuffix": {"suffix"},
}

// pyRegexp compiles a Python regular expression (the common subset).
func pyRegexp(pat string, caseless bool) (*regexp.Regexp, error) {
	// Python's named groups (?P<name>...) are Go's too; \d \w \s agree.
	if caseless {
		pat = "(?i)" + pat
	}
	re, err := regexp.Compile(pat)
	if err != nil {
		return nil, fmt.Errorf("re.error: %v", err)
	}
	return re, nil
}

// pyTitle is Python's str.title: a letter after a non-letter is upper
// case, any other lower case.
func pyTitle(s string) string {
	var b strings.Builder
	prev := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if prev {
				r = unicode.ToLower(r)
			} else {
				r = unicode.ToUpper(r)
			}
			prev = true
		} else {
			prev = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func allRunes(s string, f func(rune) bool) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !f(r) {
			return false
		}
	}
	return true
}

// casedAll is Python's isupper/islower: some cased letter, and none of
// the other case.
func casedAll(s string, upper bool) bool {
	cased := false
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			cased = true
			if unicode.IsUpper(r) != upper {
				return false
			}
		}
	}
	return cased
}

func padTo(s string, width int, fill string, side string) string {
	n := utf8.RuneCountInString(s)
	if n >= width || fill == "" {
		return s
	}
	m := width - n
	switch side {
	case "right":
		return s + strings.Repeat(fill, m)
	case "both":
		// Python's str.center: the odd space goes left when width is odd.
		left := m/2 + (m & width & 1)
		return strings.Repeat(fill, left) + s + strings.Repeat(fill, m-left)
	}
	return strings.Repeat(fill, m) + s
}

// StrX applies one of the StrMore methods with its arguments by name.
func StrX(a arrow.Array, method string, args map[string]any) (arrow.Array, error) {
	s, ok := a.(*array.String)
	if !ok {
		return nil, fmt.Errorf("AttributeError: Can only use .str accessor with string values!")
	}
	n := s.Len()
	str := func(name, def string) (string, error) {
		v, ok := args[name]
		if !ok || v == nil {
			return def, nil
		}
		x, ok := v.(string)
		if !ok {
			return "", fmt.Errorf("TypeError: str.%s() %s must be a string, not %s", method, name, typeName(v))
		}
		return x, nil
	}
	num := func(name string, def int) (int, error) {
		v, ok := args[name]
		if !ok || v == nil {
			return def, nil
		}
		x, ok := v.(int64)
		if !ok {
			return 0, fmt.Errorf("TypeError: str.%s() %s must be an integer, not %s", method, name, typeName(v))
		}
		return int(x), nil
	}
	mapStr := func(f func(string) string) arrow.Array { return mapStrings(s, f) }
	mapBool := func(f func(string) bool) arrow.Array {
		if s.NullN() > 0 {
			out := make([]string, n)
			valid := make([]bool, n)
			for k := 0; k < n; k++ {
				if s.IsValid(k) {
					out[k], valid[k] = "False", true
					if f(s.Value(k)) {
						out[k] = "True"
					}
				}
			}
			return Strings(out, valid)
		}
		out := make([]bool, n)
		for k := range out {
			out[k] = f(s.Value(k))
		}
		return Bools(out)
	}
	mapInt := func(f func(string) int) arrow.Array {
		out := make([]float64, n)
		for k := range out {
			if s.IsValid(k) {
				out[k] = float64(f(s.Value(k)))
			} else {
				out[k] = math.NaN()
			}
		}
		if s.NullN() == 0 {
			r, _ := AsType(Float64s(out), Int64)
			return r
		}
		return Float64s(out)
	}
	switch method {
	case "lstrip", "rstrip":
		chars, err := str("to_strip", "")
		if err != nil {
			return nil, err
		}
		trim := strings.TrimLeftFunc
		if method == "rstrip" {
			trim = strings.TrimRightFunc
		}
		if chars == "" {
			return mapStr(func(x string) string { return trim(x, unicode.IsSpace) }), nil
		}
		return mapStr(func(x string) string { return trim(x, func(r rune) bool { return strings.ContainsRune(chars, r) }) }), nil
	case "title":
		return mapStr(pyTitle), nil
	case "capitalize":
		return mapStr(func(x string) string {
			r, size := utf8.DecodeRuneInString(x)
			if size == 0 {
				return x
			}
			return string(unicode.ToUpper(r)) + strings.ToLower(x[size:])
		}), nil
	case "swapcase":
		return mapStr(func(x string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsUpper(r) {
					return unicode.ToLower(r)
				}
				return unicode.ToUpper(r)
			}, x)
		}), nil
	case "casefold":
		return mapStr(strings.ToLower), nil
	case "removeprefix", "removesuffix":
		p, err := str(map[string]string{"removeprefix": "prefix", "removesuffix": "suffix"}[method], "")
		if err != nil {
			return nil, err
		}
		if method == "removeprefix" {
			return mapStr(func(x string) string { return strings.TrimPrefix(x, p) }), nil
		}
		return mapStr(func(x string) string { return strings.TrimSuffix(x, p) }), nil
	case "find":
		sub, err := str("sub", "")
		if err != nil {
			return nil, err
		}
		return mapInt(func(x string) int {
			i := strings.Index(x, sub)
			if i < 0 {
				return -1
			}
			return utf8.RuneCountInString(x[:i])
		}), nil
	case "count":
		pat, err := str("pat", "")
		if err != nil {
			return nil, err
		}
		re, err := pyRegexp(pat, false)
		if err != nil {
			return nil, err
		}
		return mapInt(func(x string) int { return len(re.FindAllStringIndex(x, -1)) }), nil
	case "pad", "center", "ljust", "rjust", "zfill":
		w, err := num("width", -1)
		if err != nil {
			return nil, err
		}
		if w < 0 {
			return nil, fmt.Errorf("TypeError: str.%s() missing 1 required positional argument: 'width'", method)
		}
		fill, err := str("fillchar", " ")
		if err != nil {
			return nil, err
		}
		if utf8.RuneCountInString(fill) != 1 {
			return nil, fmt.Errorf("TypeError: fillchar must be a character, not str")
		}
		side := map[string]string{"center": "both", "ljust": "right", "rjust": "left"}[method]
		if method == "pad" {
			if side, err = str("side", "left"); err != nil {
				return nil, err
			}
		}
		if method == "zfill" {
			return mapStr(func(x string) string {
				if strings.HasPrefix(x, "-") || strings.HasPrefix(x, "+") {
					return x[:1] + padTo(x[1:], w-1, "0", "left")
				}
				return padTo(x, w, "0", "left")
			}), nil
		}
		return mapStr(func(x string) string { return padTo(x, w, fill, side) }), nil
	case "isdigit", "isnumeric":
		return mapBool(func(x string) bool { return allRunes(x, unicode.IsDigit) }), nil
	case "isalpha":
		return mapBool(func(x string) bool { return allRunes(x, unicode.IsLetter) }), nil
	case "isalnum":
		return mapBool(func(x string) bool {
			return allRunes(x, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
		}), nil
	case "isspace":
		return mapBool(func(x string) bool { return allRunes(x, unicode.IsSpace) }), nil
	case "isupper", "islower":
		return mapBool(func(x string) bool { return casedAll(x, method == "isupper") }), nil
	case "istitle":
		return mapBool(func(x string) bool { return x != "" && pyTitle(x) == x && strings.ContainsFunc(x, unicode.IsLetter) }), nil
	case "repeat":
		r, err := num("repeats", 1)
		if err != nil {
			return nil, err
		}
		return mapStr(func(x string) string { return strings.Repeat(x, max(r, 0)) }), nil
	case "match", "fullmatch":
		pat, err := str("pat", "")
		if err != nil {
			return nil, err
		}
		caseless := false
		if c, ok := args["case"].(bool); ok {
			caseless = !c
		}
		if method == "match" {
			pat = "^(?:" + pat + ")"
		} else {
			pat = "^(?:" + pat + ")$"
		}
		re, err := pyRegexp(pat, caseless)
		if err != nil {
			return nil, err
		}
		return mapBool(re.MatchString), nil
	case "get":
		i, err := num("i", 0)
		if err != nil {
			return nil, err
		}
		out := make([]string, n)
		valid := make([]bool, n)
		for k := 0; k < n; k++ {
			if s.IsNull(k) {
				continue
			}
			r := []rune(s.Value(k))
			j := i
			if j < 0 {
				j += len(r)
			}
			if j >= 0 && j < len(r) {
				out[k], valid[k] = string(r[j]), true
			}
		}
		return Strings(out, valid), nil
	}
	return nil, fmt.Errorf("AttributeError: 'StringMethods' object has no attribute '%s'", method)
}

// StrReplaceRegex is str.replace with a regular expression; Python's \1
// in the replacement is Go's ${1}.
func StrReplaceRegex(a arrow.Array, pat, repl string, caseless bool) (arrow.Array, error) {
	s, ok := a.(*array.String)
	if !ok {
		return nil, fmt.Errorf("AttributeError: Can only use .str accessor with string values!")
	}
	re, err := pyRegexp(pat, caseless)
	if err != nil {
		return nil, err
	}
	repl = regexp.MustCompile(`\\(\d+)`).ReplaceAllString(strings.ReplaceAll(repl, "$", "$$"), "$${$1}")
	n := s.Len()
	out := make([]string, n)
	valid := make([]bool, n)
	for k := 0; k < n; k++ {
		if s.IsValid(k) {
			out[k], valid[k] = re.ReplaceAllString(s.Value(k), repl), true
		}
	}
	return Strings(out, valid), nil
}

// StrStrip is str.strip with the characters to strip (empty: space).
func StrStrip(a arrow.Array, chars string) (arrow.Array, error) {
	s, ok := a.(*array.String)
	if !ok {
		return nil, fmt.Errorf("AttributeError: Can only use .str accessor with string values!")
	}
	n := s.Len()
	out := make([]string, n)
	valid := make([]bool, n)
	for k := 0; k < n; k++ {
		if s.IsValid(k) {
			x := s.Value(k)
			if chars == "" {
				x = strings.TrimSpace(x)
			} else {
				x = strings.Trim(x, chars)
			}
			out[k], valid[k] = x, true
		}
	}
	return Strings(out, valid), nil
}

// StrCat joins a's values with b's (nil: with each other into one string)
// by sep; a missing value gives a missing result.
func StrCat(a, b arrow.Array, sep string) (any, error) {
	s, ok := a.(*array.String)
	if !ok {
		return nil, fmt.Errorf("AttributeError: Can only use .str accessor with string values!")
	}
	if b == nil {
		var parts []string
		for k := 0; k < s.Len(); k++ {
			if s.IsValid(k) {
				parts = append(parts, s.Value(k))
			}
		}
		return strings.Join(parts, sep), nil
	}
	t, ok := b.(*array.String)
	if !ok || t.Len() != s.Len() {
		return nil, fmt.Errorf("TypeError: str.cat() others must be a Series of strings of the same length")
	}
	n := s.Len()
	out := make([]string, n)
	valid := make([]bool, n)
	for k := 0; k < n; k++ {
		if s.IsValid(k) && t.IsValid(k) {
			out[k], valid[k] = s.Value(k)+sep+t.Value(k), true
		}
	}
	return Strings(out, valid), nil
}

// StrSplit is str.split(pat, expand=True): a column per part, missing
// where a value has fewer parts.
func StrSplit(a arrow.Array, pat string, limit int) ([]arrow.Array, error) {
	s, ok := a.(*array.String)
	if !ok {
		return nil, fmt.Errorf("AttributeError: Can only use .str accessor with string values!")
	}
	n := s.Len()
	parts := make([][]string, n)
	width := 0
	for k := 0; k < n; k++ {
		if s.IsNull(k) {
			continue
		}
		x := s.Value(k)
		if pat == "" {
			parts[k] = strings.Fields(x)
			if limit > 0 && len(parts[k]) > limit+1 {
				parts[k] = append(parts[k][:limit], strings.Join(parts[k][limit:], " "))
			}
		} else {
			m := -1
			if limit > 0 {
				m = limit + 1
			}
			parts[k] = strings.SplitN(x, pat, m)
		}
		width = max(width, len(parts[k]))
	}
	cols := make([]arrow.Array, width)
	for c := range cols {
		out := make([]string, n)
		valid := make([]bool, n)
		for k := range parts {
			if c < len(parts[k]) {
				out[k], valid[k] = parts[k][c], true
			}
		}
		cols[c] = Strings(out, valid)
	}
	return cols, nil
}

// StrExtract is str.extract: a column per group of pat's first match.
func StrExtract(a arrow.Array, pat string) ([]arrow.Array, []string, error) {
	s, ok := a.(*array.String)
	if !ok {
		return nil, nil, fmt.Errorf("AttributeError: Can only use .str accessor with string values!")
	}
	re, err := pyRegexp(pat, false)
	if err != nil {
		return nil, nil, err
	}
	g := re.NumSubexp()
	if g == 0 {
		return nil, nil, fmt.Errorf("ValueError: pattern contains no capture groups")
	}
	n := s.Len()
	vals := make([][]string, g)
	valid := make([][]bool, g)
	for i := range vals {
		vals[i], valid[i] = make([]string, n), make([]bool, n)
	}
	for k := 0; k < n; k++ {
		if s.IsNull(k) {
			continue
		}
		m := re.FindStringSubmatchIndex(s.Value(k))
		if m == nil {
			continue
		}
		for i := 0; i < g; i++ {
			if m[2+2*i] >= 0 {
				vals[i][k], valid[i][k] = s.Value(k)[m[2+2*i]:m[3+2*i]], true
			}
		}
	}
	cols := make([]arrow.Array, g)
	names := make([]string, g)
	for i := range cols {
		cols[i] = Strings(vals[i], valid[i])
		names[i] = fmt.Sprint(i)
		if nm := re.SubexpNames()[i+1]; nm != "" {
			names[i] = nm
		}
	}
	return cols, names, nil
}

// DTMore lists the .dt properties and methods DTX computes (true: a
// method).
var DTMore = map[string]bool{
	"day_name": true, "month_name": true, "strftime": true, "floor": true, "ceil": true, "round": true,
	"normalize": true, "total_seconds": true,
	"is_month_start": false, "is_month_end": false, "is_year_start": false, "is_year_end": false,
	"is_quarter_start": false, "is_quarter_end": false, "days_in_month": false, "daysinmonth": false,
	"days": false, "seconds": false, "microseconds": false, "nanoseconds": false, "time": false,
	"is_leap_year": false,
}

// freqNanos is the length of a fixed frequency ("H", "D", "15min").
func freqNanos(freq string) (int64, error) {
	units := map[string]int64{"D": 86400e9, "H": 3600e9, "h": 3600e9, "T": 60e9, "min": 60e9, "Min": 60e9, "S": 1e9, "s": 1e9, "L": 1e6, "ms": 1e6, "U": 1e3, "us": 1e3, "N": 1}
	i := 0
	for i < len(freq) && freq[i] >= '0' && freq[i] <= '9' {
		i++
	}
	mult := int64(1)
	if i > 0 {
		fmt.Sscan(freq[:i], &mult)
	}
	u, ok := units[freq[i:]]
	if !ok {
		return 0, fmt.Errorf("ValueError: Invalid frequency: %s", freq)
	}
	return mult * u, nil
}

// freqName is pandas' name of a fixed frequency of step nanoseconds, as
// its repr shows it ("5T" for "5Min", "H" for "60min").
func freqName(step int64) string {
	for _, u := range []struct {
		name string
		n    int64
	}{{"D", 86400e9}, {"H", 3600e9}, {"T", 60e9}, {"S", 1e9}, {"L", 1e6}, {"U", 1e3}, {"N", 1}} {
		if step%u.n == 0 {
			if step == u.n {
				return u.name
			}
			return fmt.Sprint(step/u.n) + u.name
		}
	}
	return fmt.Sprint(step) + "N"
}

// pyStrftime converts Python's strftime directives to Go's layout.
func pyStrftime(f string) (string, error) {
	m := map[byte]string{'Y': "2006", 'y': "06", 'm': "01", 'd': "02", 'H': "15", 'I': "03", 'M': "04", 'S': "05",
		'b': "Jan", 'B': "January", 'a': "Mon", 'A': "Monday", 'p': "PM", 'j': "002", 'f': "000000", '%': "%"}
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' || i+1 >= len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		g, ok := m[f[i]]
		if !ok {
			return "", fmt.Errorf("NotImplementedError: strftime directive %%%c", f[i])
		}
		b.WriteString(g)
	}
	return b.String(), nil
}

// DTX computes one of DTMore on datetimes or timedeltas; arg is the
// method's argument (strftime's format, floor's frequency).
func DTX(a arrow.Array, name string, arg string) (arrow.Array, error) {
	if d, ok := a.(*array.Duration); ok {
		t, _ := timeOperand(d)
		n := d.Len()
		out := make([]float64, n)
		for k := range out {
			v, ok := t.at(k)
			if !ok {
				out[k] = math.NaN()
				continue
			}
			switch name {
			case "days":
				out[k] = float64(floorDiv(v, 86400e9))
			case "seconds":
				out[k] = float64((v - floorDiv(v, 86400e9)*86400e9) / 1e9)
			case "microseconds":
				out[k] = float64(v % 1e9 / 1e3)
			case "nanoseconds":
				out[k] = float64(v % 1e3)
			case "total_seconds":
				out[k] = float64(v) / 1e9
			default:
				return nil, fmt.Errorf("AttributeError: 'TimedeltaProperties' object has no attribute '%s'", name)
			}
		}
		if name != "total_seconds" && d.NullN() == 0 {
			return AsType(Float64s(out), Int64)
		}
		return Float64s(out), nil
	}
	ts, ok := a.(*array.Timestamp)
	if !ok {
		return nil, fmt.Errorf("AttributeError: Can only use .dt accessor with datetimelike values")
	}
	t, _ := timeOperand(ts)
	n := ts.Len()
	at := func(k int) (time.Time, bool) {
		v, ok := t.at(k)
		return time.Unix(0, v).UTC(), ok
	}
	switch name {
	case "day_name", "month_name", "strftime", "time":
		layout := map[string]string{"day_name": "Monday", "month_name": "January", "time": "15:04:05"}[name]
		if name == "strftime" {
			var err error
			if layout, err = pyStrftime(arg); err != nil {
				return nil, err
			}
		}
		out := make([]string, n)
		valid := make([]bool, n)
		for k := range out {
			if x, ok := at(k); ok {
				out[k], valid[k] = x.Format(layout), true
			}
		}
		return Strings(out, valid), nil
	case "floor", "ceil", "round", "normalize":
		step := int64(86400e9)
		if name != "normalize" {
			var err error
			if step, err = freqNanos(arg); err != nil {
				return nil, err
			}
		}
		out := make([]int64, n)
		valid := make([]bool, n)
		for k := range out {
			v, ok := t.at(k)
			if !ok {
				continue
			}
			lo := floorDiv(v, step) * step
			switch name {
			case "ceil":
				if lo != v {
					lo += step
				}
			case "round":
				// Half to even, as pandas rounds.
				r := v - lo
				if 2*r > step || (2*r == step && (lo/step)%2 != 0) {
					lo += step
				}
			}
			out[k], valid[k] = lo, true
		}
		return timestamps(out, valid), nil
	}
	out := make([]bool, n)
	days := make([]int64, n)
	for k := range out {
		x, ok := at(k)
		if !ok {
			continue
		}
		last := time.Date(x.Year(), x.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
		switch name {
		case "is_month_start":
			out[k] = x.Day() == 1
		case "is_month_end":
			out[k] = x.Day() == last
		case "is_year_start":
			out[k] = x.Day() == 1 && x.Month() == 1
		case "is_year_end":
			out[k] = x.Day() == 31 && x.Month() == 12
		case "is_quarter_start":
			out[k] = x.Day() == 1 && (x.Month()-1)%3 == 0
		case "is_quarter_end":
			out[k] = x.Day() == last && x.Month()%3 == 0
		case "is_leap_year":
			y := x.Year()
			out[k] = y%4 == 0 && (y%100 != 0 || y%400 == 0)
		case "days_in_month", "daysinmonth":
			days[k] = int64(last)
		default:
			return nil, fmt.Errorf("AttributeError: 'DatetimeProperties' object has no attribute '%s'", name)
		}
	}
	if name == "days_in_month" || name == "daysinmonth" {
		return Int64s(days), nil
	}
	return Bools(out), nil
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// ParseTimes is pd.to_datetime(format=...) with Python's directives.
func ParseTimes(a arrow.Array, format string) (arrow.Array, error) {
	s, ok := a.(*array.String)
	if !ok {
		return ToDatetime(a)
	}
	layout, err := pyStrftime(format)
	if err != nil {
		return nil, err
	}
	n := s.Len()
	out := make([]int64, n)
	valid := make([]bool, n)
	for k := range out {
		if s.IsNull(k) {
			continue
		}
		t, err := time.Parse(layout, s.Value(k))
		if err != nil {
			return nil, fmt.Errorf("ValueError: time data '%s' does not match format '%s' (match)", s.Value(k), format)
		}
		out[k], valid[k] = t.UnixNano(), true
	}
	return timestamps(out, valid), nil
}

// Lists of strings: str.split without expand, and .str.get, .str.join and
// .str.len of its lists.

// StrSplitList is str.split(pat): a list of parts per value.
func StrSplitList(a arrow.Array, pat string, limit int) (arrow.Array, error) {
	s, ok := a.(*array.String)
	if !ok {
		return nil, fmt.Errorf("AttributeError: Can only use .str accessor with string values!")
	}
	b := array.NewListBuilder(memAlloc, arrow.BinaryTypes.String)
	defer b.Release()
	vb := b.ValueBuilder().(*array.StringBuilder)
	m := -1
	if limit > 0 {
		m = limit + 1
	}
	for k := 0; k < s.Len(); k++ {
		if s.IsNull(k) {
			b.AppendNull()
			continue
		}
		b.Append(true)
		var parts []string
		if pat == "" {
			parts = strings.Fields(s.Value(k))
		} else {
			parts = strings.SplitN(s.Value(k), pat, m)
		}
		vb.AppendValues(parts, nil)
	}
	return b.NewArray(), nil
}

// listItems returns the strings of list k.
func listItems(l *array.List, k int) []string {
	vals := l.ListValues().(*array.String)
	lo, hi := l.ValueOffsets(k)
	out := make([]string, 0, hi-lo)
	for j := lo; j < hi; j++ {
		out = append(out, vals.Value(int(j)))
	}
	return out
}

// ListStr applies get(i), join(sep) or len() to lists of strings.
func ListStr(l *array.List, method string, i int, sep string) (arrow.Array, error) {
	n := l.Len()
	if method == "len" {
		out := make([]float64, n)
		for k := range out {
			out[k] = math.NaN()
			if l.IsValid(k) {
				lo, hi := l.ValueOffsets(k)
				out[k] = float64(hi - lo)
			}
		}
		if l.NullN() == 0 {
			return AsType(Float64s(out), Int64)
		}
		return Float64s(out), nil
	}
	out := make([]string, n)
	valid := make([]bool, n)
	for k := 0; k < n; k++ {
		if l.IsNull(k) {
			continue
		}
		items := listItems(l, k)
		switch method {
		case "get":
			j := i
			if j < 0 {
				j += len(items)
			}
			if j >= 0 && j < len(items) {
				out[k], valid[k] = items[j], true
			}
		case "join":
			out[k], valid[k] = strings.Join(items, sep), true
		default:
			return nil, fmt.Errorf("NotImplementedError: str.%s() of lists is not supported", method)
		}
	}
	return Strings(out, valid), nil
}

// formatList prints a list as pandas shows one in a cell: [a, b, c].
func formatList(l *array.List, k int) string {
	return "[" + strings.Join(listItems(l, k), ", ") + "]"
}

// takeList is Take of lists of strings; position -1 is missing.
func takeList(l *array.List, idx []int) arrow.Array {
	b := array.NewListBuilder(memAlloc, arrow.BinaryTypes.String)
	defer b.Release()
	vb := b.ValueBuilder().(*array.StringBuilder)
	for _, j := range idx {
		if j < 0 || l.IsNull(j) {
			b.AppendNull()
			continue
		}
		b.Append(true)
		vb.AppendValues(listItems(l, j), nil)
	}
	return b.NewArray()
}
