package datetime

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

var (
	dayNames   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// strftime formats t as Python's strftime does on Linux (glibc): the
// C89 directives, glibc's common ones (%e, %F, %T, %D, %R, %-d, …);
// others are refused by name.
func strftime(t DateTime, format string) (string, error) {
	y, m, d := ordToYMD(t.ord)
	h, mi, s, us := t.clock()
	wd := t.weekday() // Monday 0
	yday := int(t.ord-ymdToOrd(y, 1, 1)) + 1
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	ampm := "AM"
	if h >= 12 {
		ampm = "PM"
	}
	var b strings.Builder
	r := []rune(format)
	for i := 0; i < len(r); i++ {
		if r[i] != '%' {
			b.WriteRune(r[i])
			continue
		}
		if i+1 >= len(r) {
			return "", fmt.Errorf("ValueError: Invalid format string")
		}
		i++
		pad := true
		if r[i] == '-' && i+1 < len(r) {
			pad = false
			i++
		}
		num := func(v, width int) {
			if pad {
				fmt.Fprintf(&b, "%0*d", width, v)
			} else {
				fmt.Fprintf(&b, "%d", v)
			}
		}
		switch c := r[i]; c {
		case 'a':
			b.WriteString(dayNames[wd][:3])
		case 'A':
			b.WriteString(dayNames[wd])
		case 'w':
			b.WriteString(strconv.Itoa((wd + 1) % 7))
		case 'u':
			b.WriteString(strconv.Itoa(wd + 1))
		case 'd':
			num(d, 2)
		case 'e':
			if pad {
				fmt.Fprintf(&b, "%2d", d)
			} else {
				fmt.Fprintf(&b, "%d", d)
			}
		case 'b', 'h':
			b.WriteString(monthNames[m-1][:3])
		case 'B':
			b.WriteString(monthNames[m-1])
		case 'm':
			num(m, 2)
		case 'y':
			num(y%100, 2)
		case 'Y':
			fmt.Fprintf(&b, "%d", y)
		case 'C':
			// glibc pads the century of years from 1000 on only.
			fmt.Fprintf(&b, "%d", y/100)
		case 'G', 'V':
			iy, iw := t.GoTime().ISOWeek()
			if c == 'G' {
				fmt.Fprintf(&b, "%d", iy)
			} else {
				num(iw, 2)
			}
		case 'H':
			num(h, 2)
		case 'k':
			fmt.Fprintf(&b, "%2d", h)
		case 'I':
			num(h12, 2)
		case 'l':
			fmt.Fprintf(&b, "%2d", h12)
		case 'p':
			b.WriteString(ampm)
		case 'M':
			num(mi, 2)
		case 'S':
			num(s, 2)
		case 'f':
			fmt.Fprintf(&b, "%06d", us)
		case 'j':
			num(yday, 3)
		case 'U':
			num((yday+6-(wd+1)%7)/7, 2)
		case 'W':
			num((yday+6-wd)/7, 2)
		case 'z', 'Z':
			// A naive time has no offset or zone: empty, as in Python.
		case 'c':
			fmt.Fprintf(&b, "%s %s %2d %02d:%02d:%02d %d", dayNames[wd][:3], monthNames[m-1][:3], d, h, mi, s, y)
		case 'x', 'D':
			fmt.Fprintf(&b, "%02d/%02d/%02d", m, d, y%100)
		case 'X', 'T':
			fmt.Fprintf(&b, "%02d:%02d:%02d", h, mi, s)
		case 'F':
			fmt.Fprintf(&b, "%d-%02d-%02d", y, m, d)
		case 'R':
			fmt.Fprintf(&b, "%02d:%02d", h, mi)
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case '%':
			b.WriteByte('%')
		default:
			return "", fmt.Errorf("ValueError: Burst's strftime does not support the directive %%%c", c)
		}
	}
	return b.String(), nil
}

// strptimeParts are the regular expressions of strptime's directives,
// as CPython's _strptime writes them.
var strptimeParts = map[rune]string{
	'd': `(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])`,
	'f': `(?P<f>[0-9]{1,6})`,
	'H': `(?P<H>2[0-3]|[0-1]\d|\d)`,
	'I': `(?P<I>1[0-2]|0[1-9]|[1-9])`,
	'j': `(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])`,
	'm': `(?P<m>1[0-2]|0[1-9]|[1-9])`,
	'M': `(?P<M>[0-5]\d|\d)`,
	'S': `(?P<S>6[0-1]|[0-5]\d|\d)`,
	'w': `(?P<w>[0-6])`,
	'u': `(?P<u>[1-7])`,
	'y': `(?P<y>\d\d)`,
	'Y': `(?P<Y>\d\d\d\d)`,
	'p': `(?P<p>am|pm)`,
}

func namesPattern(group string, names []string, short bool) string {
	alts := make([]string, len(names))
	for i, n := range names {
		if short {
			n = n[:3]
		}
		alts[i] = strings.ToLower(n)
	}
	// Longest first, so that "may" does not stop "mayday".
	return "(?P<" + group + ">" + strings.Join(alts, "|") + ")"
}

var spaces = regexp.MustCompile(`\s+`)

// strptime is datetime.strptime: CPython's directives, case-insensitive,
// the rest of the format matched literally (whitespace as any run of
// whitespace).
func strptime(s, format string) (starlark.Value, error) {
	var b strings.Builder
	b.WriteString(`(?i)\A`)
	seen := map[string]bool{}
	r := []rune(format)
	for i := 0; i < len(r); i++ {
		c := r[i]
		if c != '%' {
			if c == ' ' || c == '\t' || c == '\n' {
				j := i
				for j < len(r) && (r[j] == ' ' || r[j] == '\t' || r[j] == '\n') {
					j++
				}
				b.WriteString(`\s+`)
				i = j - 1
				continue
			}
			b.WriteString(regexp.QuoteMeta(string(c)))
			continue
		}
		if i+1 >= len(r) {
			return nil, fmt.Errorf("ValueError: stray %% in format %s", session.Quote(format))
		}
		i++
		d := r[i]
		var part string
		switch d {
		case '%':
			b.WriteString("%")
			continue
		case 'a':
			part = namesPattern("a", dayNames, true)
		case 'A':
			part = namesPattern("A", dayNames, false)
		case 'b':
			part = namesPattern("b", monthNames, true)
		case 'B':
			part = namesPattern("B", monthNames, false)
		case 'z', 'Z':
			return nil, noTimeZones()
		default:
			p, ok := strptimeParts[d]
			if !ok {
				if strings.ContainsRune("UWGVcxX", d) {
					return nil, fmt.Errorf("ValueError: Burst's strptime does not support the directive %%%c", d)
				}
				return nil, fmt.Errorf("ValueError: '%c' is a bad directive in format %s", d, session.Quote(format))
			}
			part = p
		}
		name := string(d)
		if seen[name] {
			// A directive used twice: CPython back-references the first;
			// RE2 cannot, so the second only needs to match the same way.
			part = strings.Replace(part, "(?P<"+name+">", "(?:", 1)
		}
		seen[name] = true
		b.WriteString(part)
	}
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, fmt.Errorf("ValueError: bad format %s: %v", session.Quote(format), err)
	}
	loc := re.FindStringSubmatchIndex(s)
	if loc == nil {
		return nil, fmt.Errorf("ValueError: time data %s does not match format %s", session.Quote(s), session.Quote(format))
	}
	if loc[1] != len(s) {
		return nil, fmt.Errorf("ValueError: unconverted data remains: %s", s[loc[1]:])
	}
	got := map[string]string{}
	for i, n := range re.SubexpNames() {
		if n != "" && loc[2*i] >= 0 {
			got[n] = strings.ToLower(s[loc[2*i]:loc[2*i+1]])
		}
	}
	atoi := func(k string, def int) int {
		v, ok := got[k]
		if !ok {
			return def
		}
		n, _ := strconv.Atoi(strings.TrimSpace(v))
		return n
	}
	year := atoi("Y", 1900)
	if _, ok := got["y"]; ok {
		year = atoi("y", 0)
		if year <= 68 {
			year += 2000
		} else {
			year += 1900
		}
	}
	month := atoi("m", 1)
	for _, k := range []string{"b", "B"} {
		if v, ok := got[k]; ok {
			for i, n := range monthNames {
				if strings.HasPrefix(strings.ToLower(n), v) && (k == "B" && len(v) == len(n) || k == "b" && len(v) == 3) {
					month = i + 1
				}
			}
		}
	}
	day := atoi("d", 1)
	hour := atoi("H", 0)
	if _, ok := got["I"]; ok {
		hour = atoi("I", 0)
		pm := got["p"] == "pm"
		switch {
		case hour == 12 && !pm:
			hour = 0
		case hour != 12 && pm:
			hour += 12
		}
	}
	frac := 0
	if v, ok := got["f"]; ok {
		frac, _ = strconv.Atoi(v + strings.Repeat("0", 6-len(v)))
	}
	if _, ok := got["j"]; ok {
		if _, hasM := got["m"]; !hasM {
			if err := checkDate(year, 1, 1); err != nil {
				return nil, err
			}
			y, m, d := ordToYMD(ymdToOrd(year, 1, 1) + int64(atoi("j", 1)) - 1)
			if y == year {
				month, day = m, d
			}
		}
	}
	return makeDateTime(year, month, day, hour, atoi("M", 0), atoi("S", 0), frac)
}

func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// parseISODate reads YYYY-MM-DD or YYYYMMDD at the start of s.
func parseISODate(s string) (y, m, d int, rest string, ok bool) {
	var ys, ms, ds string
	switch {
	case len(s) >= 10 && s[4] == '-' && s[7] == '-':
		ys, ms, ds, rest = s[:4], s[5:7], s[8:10], s[10:]
	case len(s) >= 8:
		ys, ms, ds, rest = s[:4], s[4:6], s[6:8], s[8:]
	default:
		return 0, 0, 0, "", false
	}
	var ok1, ok2, ok3 bool
	y, ok1 = digits(ys)
	m, ok2 = digits(ms)
	d, ok3 = digits(ds)
	return y, m, d, rest, ok1 && ok2 && ok3
}

// parseISOTime reads HH[:MM[:SS[.ffffff]]] (or HHMMSS) as Python 3.11's
// fromisoformat; a time zone is refused.
func parseISOTime(s string) (int64, bool, error) {
	if i := strings.IndexAny(s, "Z+-"); i >= 0 {
		return 0, false, noTimeZones()
	}
	frac := 0
	if i := strings.IndexAny(s, ".,"); i >= 0 {
		f := s[i+1:]
		if len(f) > 6 {
			f = f[:6]
		}
		n, ok := digits(f)
		if !ok {
			return 0, false, nil
		}
		frac = n
		for k := len(f); k < 6; k++ {
			frac *= 10
		}
		s = s[:i]
	}
	var parts []string
	if strings.Contains(s, ":") {
		parts = strings.Split(s, ":")
	} else {
		for len(s) >= 2 {
			parts = append(parts, s[:2])
			s = s[2:]
		}
		if s != "" {
			return 0, false, nil
		}
	}
	if len(parts) == 0 || len(parts) > 3 {
		return 0, false, nil
	}
	vals := []int{0, 0, 0}
	for i, p := range parts {
		n, ok := digits(p)
		if !ok || len(p) != 2 {
			return 0, false, nil
		}
		vals[i] = n
	}
	if err := checkTime(vals[0], vals[1], vals[2], frac); err != nil {
		return 0, false, err
	}
	return ((int64(vals[0])*60+int64(vals[1]))*60+int64(vals[2]))*usPerSec + int64(frac), true, nil
}

func parseISODateTime(s string) (starlark.Value, error) {
	bad := fmt.Errorf("ValueError: Invalid isoformat string: %s", session.Quote(s))
	y, m, d, rest, ok := parseISODate(s)
	if !ok {
		return nil, bad
	}
	if err := checkDate(y, m, d); err != nil {
		return nil, err
	}
	dt := DateTime{ord: ymdToOrd(y, m, d)}
	if rest == "" {
		return dt, nil
	}
	_, w := firstRune(rest)
	us, ok, err := parseISOTime(rest[w:])
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, bad
	}
	dt.us = us
	return dt, nil
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}
