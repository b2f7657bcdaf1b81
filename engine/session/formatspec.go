package session

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// formatSpec is Python's format mini-language:
// [[fill]align][sign][#][0][width][,|_][.precision][type].
type formatSpec struct {
	fill      rune
	align     byte // 0: the type's default
	sign      byte
	alt, zero bool
	negZero   bool // z: a negative zero after rounding loses its sign
	width     int
	group     byte
	prec      int // -1: none
	typ       byte
}

// parseSpec parses spec for a value of Python type typeName (named in
// the errors).
func parseSpec(spec, typeName string) (formatSpec, error) {
	f := formatSpec{fill: ' ', prec: -1}
	isAlign := func(c byte) bool { return c == '<' || c == '>' || c == '^' || c == '=' }
	i := 0
	if r, size := utf8.DecodeRuneInString(spec); size > 0 && size < len(spec) && isAlign(spec[size]) {
		f.fill, f.align, i = r, spec[size], size+1
	} else if len(spec) > 0 && isAlign(spec[0]) {
		f.align, i = spec[0], 1
	}
	if i < len(spec) && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ') {
		f.sign = spec[i]
		i++
	}
	if i < len(spec) && spec[i] == 'z' {
		f.negZero = true
		i++
	}
	if i < len(spec) && spec[i] == '#' {
		f.alt = true
		i++
	}
	if i < len(spec) && spec[i] == '0' {
		f.zero = true
		i++
	}
	start := i
	for i < len(spec) && spec[i] >= '0' && spec[i] <= '9' {
		i++
	}
	if i > start {
		var err error
		if f.width, err = specNumber(spec[start:i]); err != nil {
			return f, err
		}
	}
	if i < len(spec) && (spec[i] == ',' || spec[i] == '_') {
		f.group = spec[i]
		i++
	}
	if i < len(spec) && spec[i] == '.' {
		i++
		start = i
		for i < len(spec) && spec[i] >= '0' && spec[i] <= '9' {
			i++
		}
		if i == start {
			return f, fmt.Errorf("ValueError: Format specifier missing precision")
		}
		var err error
		if f.prec, err = specNumber(spec[start:i]); err != nil {
			return f, err
		}
	}
	if i < len(spec) && (spec[i] == 'n') && f.group != 0 {
		return f, fmt.Errorf("ValueError: Cannot specify '%c' with 'n'.", f.group)
	}
	if len(spec)-i > 1 {
		return f, fmt.Errorf("ValueError: Invalid format specifier '%s' for object of type '%s'", spec, typeName)
	}
	if i < len(spec) {
		f.typ = spec[i]
	}
	return f, nil
}

// Formatter is a value with its own format mini-language, as Python's
// __format__ (a datetime's strftime codes: f"{d:%Y-%m-%d}"): Format,
// f-strings and str.format give it the spec when there is one.
type Formatter interface {
	PyFormat(spec string) (string, error)
}

// maxWidth bounds the widths and precisions of formats and of
// str.center and its kind: Python would try to build the string, which
// in the page only exhausts the memory.
const maxWidth = 1 << 24

// specNumber is a width or precision of a format spec.
func specNumber(digits string) (int, error) {
	n, err := strconv.Atoi(digits)
	if err != nil {
		return 0, fmt.Errorf("ValueError: Too many decimal digits in format string")
	}
	return n, checkWidth(n)
}

func checkWidth(n int) error {
	if n > maxWidth {
		return fmt.Errorf("MemoryError: a width of %d is more than Burst builds (%d)", n, maxWidth)
	}
	return nil
}

// Format is Python's format(v, spec) for strings, numbers, booleans and
// None, and library scalars (as their number).
func Format(v starlark.Value, spec string) (string, error) {
	if f, ok := v.(Formatter); ok && spec != "" {
		return f.PyFormat(spec)
	}
	if spec == "" {
		return Str(v), nil
	}
	if s, ok := v.(Scalar); ok {
		x, err := s.PyScalar()
		if err != nil {
			return "", err
		}
		v = x
	}
	switch x := v.(type) {
	case starlark.String:
		f, err := parseSpec(spec, "str")
		if err != nil {
			return "", err
		}
		return formatStr(string(x), f)
	case starlark.Bool:
		// bool formats as the int it is, once there is a spec.
		n := 0
		if x {
			n = 1
		}
		return Format(starlark.MakeInt(n), spec)
	case starlark.Int:
		f, err := parseSpec(spec, "int")
		if err != nil {
			return "", err
		}
		return formatInt(x, f)
	case starlark.Float:
		f, err := parseSpec(spec, "float")
		if err != nil {
			return "", err
		}
		return formatFloat(float64(x), f)
	}
	return "", fmt.Errorf("TypeError: unsupported format string passed to %s.__format__", TypeName(v))
}

func formatStr(s string, f formatSpec) (string, error) {
	switch {
	case f.typ != 0 && f.typ != 's':
		return "", fmt.Errorf("ValueError: Unknown format code '%c' for object of type 'str'", f.typ)
	case f.sign != 0:
		return "", fmt.Errorf("ValueError: Sign not allowed in string format specifier")
	case f.alt:
		return "", fmt.Errorf("ValueError: Alternate form (#) not allowed in string format specifier")
	case f.align == '=':
		return "", fmt.Errorf("ValueError: '=' alignment not allowed in string format specifier")
	case f.group != 0:
		return "", fmt.Errorf("ValueError: Cannot specify '%c' with 's'.", f.group)
	case f.negZero:
		return "", fmt.Errorf("ValueError: Negative zero coercion (z) not allowed in format specifier")
	}
	if f.prec >= 0 && runeLen(s) > f.prec {
		s = s[:byteOffset(s, f.prec)]
	}
	if f.zero && f.align == 0 {
		f.fill = '0'
	}
	return pad(s, f, false), nil
}

func formatInt(x starlark.Int, f formatSpec) (string, error) {
	switch f.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		fl, _ := starlark.AsFloat(x)
		return formatFloat(fl, f)
	}
	if f.prec >= 0 {
		return "", fmt.Errorf("ValueError: Precision not allowed in integer format specifier")
	}
	if f.negZero {
		return "", fmt.Errorf("ValueError: Negative zero coercion (z) not allowed in integer format specifier")
	}
	n := x.BigInt()
	neg := n.Sign() < 0
	n.Abs(n)
	base, prefix := 10, ""
	switch f.typ {
	case 0, 'd', 'n':
	case 'b', 'o', 'x', 'X':
		base = map[byte]int{'b': 2, 'o': 8, 'x': 16, 'X': 16}[f.typ]
		if f.group == ',' {
			return "", fmt.Errorf("ValueError: Cannot specify ',' with '%c'.", f.typ)
		}
		if f.alt {
			prefix = "0" + string(f.typ)
		}
	case 'c':
		if f.sign != 0 {
			return "", fmt.Errorf("ValueError: Sign not allowed with integer format specifier 'c'")
		}
		if f.alt {
			return "", fmt.Errorf("ValueError: Alternate form (#) not allowed with integer format specifier 'c'")
		}
		if neg || n.Cmp(big.NewInt(0x10ffff)) > 0 {
			return "", fmt.Errorf("OverflowError: %%c arg not in range(0x110000)")
		}
		return pad(string(rune(n.Int64())), f, true), nil
	default:
		return "", fmt.Errorf("ValueError: Unknown format code '%c' for object of type 'int'", f.typ)
	}
	digits := n.Text(base)
	if f.typ == 'X' {
		digits = strings.ToUpper(digits)
	}
	return assemble(signOf(neg, f), prefix, digits, "", f), nil
}

func signOf(neg bool, f formatSpec) string {
	switch {
	case neg:
		return "-"
	case f.sign == '+' || f.sign == ' ':
		return string(f.sign)
	}
	return ""
}

func formatFloat(x float64, f formatSpec) (string, error) {
	neg := math.Signbit(x) && !math.IsNaN(x)
	a := math.Abs(x)
	prec := f.prec
	var body string
	switch f.typ {
	case 'f', 'F':
		if prec < 0 {
			prec = 6
		}
		body = strconv.FormatFloat(a, 'f', prec, 64)
		if f.alt && prec == 0 {
			body += "."
		}
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		body = pyExp(strconv.FormatFloat(a, 'e', prec, 64))
		if f.alt && prec == 0 {
			body = strings.Replace(body, "e", ".e", 1)
		}
	case 'g', 'G', 'n':
		if prec < 0 {
			prec = 6
		}
		body = General(a, max(prec, 1), f.alt)
	case '%':
		if prec < 0 {
			prec = 6
		}
		body = strconv.FormatFloat(a*100, 'f', prec, 64)
		if f.alt && prec == 0 {
			body += "."
		}
		body += "%"
	case 0:
		if prec < 0 {
			body = Repr(starlark.Float(a))
		} else {
			body = reprPrecision(a, max(prec, 1))
		}
	default:
		return "", fmt.Errorf("ValueError: Unknown format code '%c' for object of type 'float'", f.typ)
	}
	if math.IsInf(a, 0) {
		body = "inf"
		if f.typ == '%' {
			body += "%"
		}
	} else if math.IsNaN(a) {
		body = "nan"
		if f.typ == '%' {
			body += "%"
		}
	}
	if f.typ == 'E' || f.typ == 'G' || f.typ == 'F' {
		body = strings.ToUpper(body)
	}
	if neg && f.negZero && strings.Trim(body, "0.%") == "" {
		neg = false
	}
	k := 0
	for k < len(body) && body[k] >= '0' && body[k] <= '9' {
		k++
	}
	return assemble(signOf(neg, f), "", body[:k], body[k:], f), nil
}

// reprPrecision is the float format with a precision and no type: 'g',
// switching to exponent notation from exp >= p-1, with at least one
// digit after a fixed point.
func reprPrecision(a float64, p int) string {
	if a == 0 || math.IsInf(a, 0) || math.IsNaN(a) {
		if a == 0 {
			return "0.0"
		}
		return General(a, p, false)
	}
	e := strconv.FormatFloat(a, 'e', p-1, 64)
	k := strings.IndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[k+1:])
	if exp < -4 || exp >= p-1 {
		mant := e[:k]
		if strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		return pyExp(mant + e[k:])
	}
	s := General(a, p, false)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// assemble lays out a number: sign, prefix (0x), integer digits
// (grouped), the rest (fraction, exponent, %), padded to the width.
func assemble(sign, prefix, digits, rest string, f formatSpec) string {
	interval := 3
	if f.typ == 'b' || f.typ == 'o' || f.typ == 'x' || f.typ == 'X' {
		interval = 4
	}
	grouped := groupEvery(digits, f.group, interval)
	if f.zero && f.align == 0 {
		f.fill, f.align = '0', '='
	}
	if f.align == '=' {
		need := f.width - len(sign) - len(prefix) - len(rest)
		if f.fill == '0' && f.group != 0 {
			// Zeros of the padding are grouped too (0,001,234).
			for len(grouped) < need {
				digits = "0" + digits
				grouped = groupEvery(digits, f.group, interval)
			}
			return sign + prefix + grouped + rest
		}
		if n := need - len(grouped); n > 0 {
			return sign + prefix + strings.Repeat(string(f.fill), n) + grouped + rest
		}
		return sign + prefix + grouped + rest
	}
	return pad(sign+prefix+grouped+rest, f, true)
}

// groupEvery inserts sep between groups of interval digits from the
// right.
func groupEvery(digits string, sep byte, interval int) string {
	if sep == 0 || len(digits) <= interval {
		return digits
	}
	var b strings.Builder
	first := len(digits) % interval
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += interval {
		if b.Len() > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(digits[i : i+interval])
	}
	return b.String()
}

// pad aligns s in the spec's width: numbers to the right, text to the
// left, by default.
func pad(s string, f formatSpec, numeric bool) string {
	n := f.width - utf8.RuneCountInString(s)
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
