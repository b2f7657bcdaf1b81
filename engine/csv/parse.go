package csv

import (
	"strconv"
	"strings"
	"time"
)

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
