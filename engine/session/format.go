package session

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.starlark.net/starlark"
)

// fstr implements f-strings: the pieces, already formatted, joined.
func fstr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	var b strings.Builder
	for _, a := range args {
		if s, ok := a.(starlark.String); ok {
			b.WriteString(string(s))
		} else {
			b.WriteString(Str(a))
		}
	}
	return starlark.String(b.String()), nil
}

// fv formats one replacement field: value, format spec, conversion.
func fv(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	v := args[0]
	spec, _ := starlark.AsString(args[1])
	conv, _ := starlark.AsString(args[2])
	switch conv {
	case "r", "a":
		v = starlark.String(Repr(v))
	case "s":
		v = starlark.String(Str(v))
	case "":
	default:
		return nil, fmt.Errorf("SyntaxError: f-string: invalid conversion character %q: expected 's', 'r', or 'a'", conv)
	}
	s, err := Format(v, spec)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

// Str is Python's str(v).
func Str(v starlark.Value) string {
	switch x := v.(type) {
	case starlark.String:
		return string(x)
	case Stringer:
		return x.PyStr()
	}
	return Repr(v)
}

// formatSpec is Python's format mini-language:
// [[fill]align][sign][#][0][width][,|_][.precision][type].
type formatSpec struct {
	fill      rune
	align     byte
	sign      byte
	alt, zero bool
	width     int
	group     byte
	prec      int // -1: none
	typ       byte
}

func parseSpec(spec string) (formatSpec, error) {
	f := formatSpec{fill: ' ', prec: -1}
	r := []rune(spec)
	i := 0
	isAlign := func(c rune) bool { return c == '<' || c == '>' || c == '^' || c == '=' }
	if len(r) >= 2 && isAlign(r[1]) {
		f.fill, f.align, i = r[0], byte(r[1]), 2
	} else if len(r) >= 1 && isAlign(r[0]) {
		f.align, i = byte(r[0]), 1
	}
	if i < len(r) && (r[i] == '+' || r[i] == '-' || r[i] == ' ') {
		f.sign = byte(r[i])
		i++
	}
	if i < len(r) && r[i] == '#' {
		f.alt = true
		i++
	}
	if i < len(r) && r[i] == '0' {
		f.zero = true
		i++
	}
	start := i
	for i < len(r) && r[i] >= '0' && r[i] <= '9' {
		i++
	}
	if i > start {
		f.width, _ = strconv.Atoi(string(r[start:i]))
	}
	if i < len(r) && (r[i] == ',' || r[i] == '_') {
		f.group = byte(r[i])
		i++
	}
	if i < len(r) && r[i] == '.' {
		i++
		start = i
		for i < len(r) && r[i] >= '0' && r[i] <= '9' {
			i++
		}
		if i == start {
			return f, fmt.Errorf("ValueError: Format specifier missing precision")
		}
		f.prec, _ = strconv.Atoi(string(r[start:i]))
	}
	if i < len(r) {
		f.typ = byte(r[i])
		i++
	}
	if i != len(r) {
		return f, fmt.Errorf("ValueError: Invalid format specifier")
	}
	return f, nil
}

// Format is Python's format(v, spec) for strings, numbers, booleans and
// None.
func Format(v starlark.Value, spec string) (string, error) {
	if spec == "" {
		return Str(v), nil
	}
	// A library's value with a format language of its own (a date's
	// strftime directives: f"{d:%Y-%m-%d}").
	if x, ok := v.(interface{ PyFormat(string) (string, error) }); ok {
		return x.PyFormat(spec)
	}
	f, err := parseSpec(spec)
	if err != nil {
		return "", err
	}
	var body, sign string
	numeric := false
	switch x := v.(type) {
	case starlark.String:
		if f.typ != 0 && f.typ != 's' {
			return "", fmt.Errorf("ValueError: Unknown format code '%c' for object of type 'str'", f.typ)
		}
		body = string(x)
		if f.prec >= 0 && len([]rune(body)) > f.prec {
			body = string([]rune(body)[:f.prec])
		}
	case starlark.Bool, starlark.Int:
		numeric = true
		i, _ := starlark.AsInt32(x)
		if b, ok := x.(starlark.Bool); ok {
			if f.typ == 0 {
				return pad(Str(x), f, false), nil
			}
			i = 0
			if b {
				i = 1
			}
		}
		n := int64(i)
		if xi, ok := x.(starlark.Int); ok {
			n, _ = xi.Int64()
		}
		switch f.typ {
		case 0, 'd', 'n':
			body = strconv.FormatInt(abs64(n), 10)
			body = GroupDigits(body, f.group)
		case 'x', 'X', 'o', 'b':
			base := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'b': 2}[f.typ]
			body = strconv.FormatInt(abs64(n), base)
			if f.typ == 'X' {
				body = strings.ToUpper(body)
			}
			if f.alt {
				body = "0" + string(f.typ) + body
			}
		case 'f', 'F', 'e', 'E', 'g', 'G', '%':
			return Format(starlark.Float(float64(n)), spec)
		case 'c':
			return pad(string(rune(n)), f, false), nil
		default:
			return "", fmt.Errorf("ValueError: Unknown format code '%c' for object of type 'int'", f.typ)
		}
		if n < 0 {
			sign = "-"
		}
	case starlark.Float:
		numeric = true
		x64 := float64(x)
		neg := math.Signbit(x64) && !math.IsNaN(x64)
		a := math.Abs(x64)
		prec := f.prec
		switch f.typ {
		case 'f', 'F':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a, 'f', prec, 64)
		case 'e', 'E':
			if prec < 0 {
				prec = 6
			}
			body = pyExp(strconv.FormatFloat(a, 'e', prec, 64))
		case 'g', 'G':
			if prec < 0 {
				prec = 6
			}
			if prec == 0 {
				prec = 1
			}
			body = General(a, prec, f.alt)
		case '%':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a*100, 'f', prec, 64) + "%"
		case 0, 'n':
			if prec >= 0 {
				body = General(a, max(prec, 1), false)
				if !strings.ContainsAny(body, ".e") && !math.IsInf(a, 0) && !math.IsNaN(a) {
					// repr-style: keeps at least one digit after the point
					// only without a precision; with one, like 'g'.
				}
			} else {
				body = Repr(starlark.Float(a))
			}
		default:
			return "", fmt.Errorf("ValueError: Unknown format code '%c' for object of type 'float'", f.typ)
		}
		if math.IsInf(a, 0) {
			body = "inf"
		} else if math.IsNaN(a) {
			body = "nan"
		}
		if f.typ == 'E' || f.typ == 'G' || f.typ == 'F' {
			body = strings.ToUpper(body)
		}
		if f.group != 0 {
			intPart, rest := body, ""
			if k := strings.IndexAny(body, ".e%"); k >= 0 {
				intPart, rest = body[:k], body[k:]
			}
			body = GroupDigits(intPart, f.group) + rest
		}
		if neg {
			sign = "-"
		}
	case starlark.NoneType:
		if f.typ != 0 && f.typ != 's' {
			return "", fmt.Errorf("TypeError: unsupported format string passed to NoneType.__format__")
		}
		body = "None"
	default:
		return "", fmt.Errorf("TypeError: unsupported format string passed to %s.__format__", TypeName(v))
	}
	if numeric && sign == "" && (f.sign == '+' || f.sign == ' ') {
		sign = string(f.sign)
	}
	if numeric && f.zero && f.align == 0 {
		f.fill, f.align = '0', '='
	}
	if f.align == '=' && numeric {
		n := f.width - len([]rune(sign+body))
		if n > 0 {
			return sign + strings.Repeat(string(f.fill), n) + body, nil
		}
		return sign + body, nil
	}
	return pad(sign+body, f, numeric), nil
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// pad aligns s in the spec's width: numbers to the right, text to the
// left, by default.
func pad(s string, f formatSpec, numeric bool) string {
	n := f.width - len([]rune(s))
	if n <= 0 {
		return s
	}
	align := f.align
	if align == 0 {
		align = '<'
		if numeric {
			align = '>'
		}
	}
	fill := string(f.fill)
	switch align {
	case '>', '=':
		return strings.Repeat(fill, n) + s
	case '^':
		return strings.Repeat(fill, n/2) + s + strings.Repeat(fill, n-n/2)
	}
	return s + strings.Repeat(fill, n)
}

// GroupDigits inserts thousands separators in a string of digits.
func GroupDigits(digits string, sep byte) string {
	if sep == 0 || len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	first := len(digits) % 3
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// pyExp writes Go's exponent (e+1) as Python does (e+01).
func pyExp(s string) string {
	k := strings.IndexAny(s, "eE")
	if k < 0 {
		return s
	}
	exp := s[k+2:]
	if len(exp) < 2 {
		exp = "0" + exp
	}
	return s[:k+2] + exp
}

// General is Python's 'g' format with precision p.
func General(a float64, p int, alt bool) string {
	if a == 0 {
		return "0"
	}
	exp := int(math.Floor(math.Log10(a)))
	// Rounding can carry into the next power of ten.
	if r, _ := strconv.ParseFloat(strconv.FormatFloat(a, 'e', p-1, 64), 64); r != 0 {
		exp = int(math.Floor(math.Log10(r)))
	}
	var s string
	if exp < -4 || exp >= p {
		s = strconv.FormatFloat(a, 'e', p-1, 64)
		if !alt {
			mant, e, _ := strings.Cut(s, "e")
			if strings.Contains(mant, ".") {
				mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
			}
			s = mant + "e" + e
		}
		return pyExp(s)
	}
	s = strconv.FormatFloat(a, 'f', max(p-1-exp, 0), 64)
	if !alt && strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// pyPercent implements "format" % values, Python's printf-style string
// formatting: %[(key)][flags][width][.precision]type.
func pyPercent(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	format, _ := starlark.AsString(args[0])
	values := []starlark.Value{args[1]}
	if t, ok := args[1].(starlark.Tuple); ok {
		values = t
	}
	mapping, _ := args[1].(*starlark.Dict)
	next := 0
	take := func() (starlark.Value, error) {
		if next >= len(values) {
			return nil, fmt.Errorf("TypeError: not enough arguments for format string")
		}
		v := values[next]
		next++
		return v, nil
	}
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(format) {
			return nil, fmt.Errorf("ValueError: incomplete format")
		}
		var v starlark.Value
		if format[i] == '(' {
			end := strings.IndexByte(format[i:], ')')
			if end < 0 || mapping == nil {
				return nil, fmt.Errorf("TypeError: format requires a mapping")
			}
			key := format[i+1 : i+end]
			x, found, _ := mapping.Get(starlark.String(key))
			if !found {
				return nil, fmt.Errorf("KeyError: %s", Quote(key))
			}
			v = x
			i += end + 1
		}
		var spec strings.Builder
		left := false
		for i < len(format) && strings.IndexByte("-+ 0#", format[i]) >= 0 {
			switch format[i] {
			case '-':
				left = true
			default:
				spec.WriteByte(format[i])
			}
			i++
		}
		width := ""
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			width += string(format[i])
			i++
		}
		prec := ""
		if i < len(format) && format[i] == '.' {
			i++
			prec = "."
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				prec += string(format[i])
				i++
			}
			if prec == "." {
				prec = ".0"
			}
		}
		if i >= len(format) {
			return nil, fmt.Errorf("ValueError: incomplete format")
		}
		conv := format[i]
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if v == nil {
			var err error
			if v, err = take(); err != nil {
				return nil, err
			}
		}
		flags := spec.String()
		if left {
			flags = "<" + strings.ReplaceAll(flags, "0", "")
		}
		var s string
		var err error
		switch conv {
		case 's':
			s, err = Format(starlark.String(Str(v)), strings.Trim(flags, "+ #0")+width+prec)
		case 'r', 'a':
			s, err = Format(starlark.String(Repr(v)), strings.Trim(flags, "+ #0")+width+prec)
		case 'd', 'i', 'u':
			if f, ok := v.(starlark.Float); ok {
				v = starlark.MakeInt64(int64(f))
			}
			s, err = Format(v, flags+width+"d")
		case 'f', 'F', 'e', 'E', 'g', 'G', 'x', 'X', 'o', 'c':
			if prec == "" && strings.IndexByte("fFeE", conv) >= 0 {
				prec = ".6"
			}
			s, err = Format(v, flags+width+prec+string(conv))
		default:
			return nil, fmt.Errorf("ValueError: unsupported format character '%c' (0x%x) at index %d", conv, conv, i)
		}
		if err != nil {
			return nil, fmt.Errorf("TypeError: %%%c format: a real number is required, not %s", conv, TypeName(v))
		}
		b.WriteString(s)
	}
	if mapping == nil && next < len(values) {
		return nil, fmt.Errorf("TypeError: not all arguments converted during string formatting")
	}
	return starlark.String(b.String()), nil
}
