package ndarray

import (
	"math"
	"strconv"
	"strings"
)

// Formatting as numpy 1.24's arrayprint.py with its default options:
// precision=8, floatmode='maxprec', suppress=False, threshold=1000,
// edgeitems=3, linewidth=75, sign='-'.

const (
	printPrecision = 8
	printThreshold = 1000
	printEdgeItems = 3
	printLineWidth = 75
)

// Repr is repr(a): array([...]) with the dtype when the values do not
// imply it (empty arrays).
func (a *Array) Repr() string {
	prefix := "array("
	skipDType := a.Size() > 0
	suffix := ")"
	if !skipDType {
		suffix = ","
	}
	var lst string
	switch {
	case a.Size() > 0 || len(a.shape) == 1:
		lst = a.toString(printLineWidth-len(suffix), ", ", prefix)
	default:
		lst = "[], shape=" + shapeRepr(a.shape, false)
	}
	s := prefix + lst + suffix
	if skipDType {
		return s
	}
	dt := "dtype=" + a.dtype.String() + ")"
	last := len(s) - (strings.LastIndexByte(s, '\n') + 1)
	if last+len(dt)+1 > printLineWidth {
		return s + "\n" + strings.Repeat(" ", len(prefix)) + dt
	}
	return s + " " + dt
}

// Str is str(a), what print shows: [1 2 3]; a 0-d array prints as its
// value (as Python's float, int or bool).
func (a *Array) Str() string {
	if len(a.shape) == 0 {
		switch a.dtype {
		case Float64:
			return PyFloat(a.f[0])
		case Int64:
			return strconv.FormatInt(a.i[0], 10)
		}
		if a.b[0] {
			return "True"
		}
		return "False"
	}
	return a.toString(printLineWidth, " ", "")
}

// String is Repr.
func (a *Array) String() string { return a.Repr() }

// PyFloat formats x as Python's repr(float) (and numpy 1.24's repr of a
// float64 scalar): the shortest digits that read back as x, positional
// from 1e-4 up to 1e16, with ".0" on whole numbers.
func PyFloat(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(x, 'e', -1, 64)
	e := strings.IndexByte(s, 'e')
	exp, _ := strconv.Atoi(s[e+1:])
	if exp < -4 || exp >= 16 {
		return s
	}
	s = strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// array2string is numpy's array2string for a non-empty array (or an
// empty 1-D one).
func (a *Array) toString(lineWidth int, sep, prefix string) string {
	if a.Size() == 0 {
		return "[]"
	}
	data := a
	summary := false
	if a.Size() > printThreshold {
		summary = true
		data = leadingTrailing(a, printEdgeItems)
	}
	f := newFormatter(data)
	p := &printer{a: a, f: f, sep: sep, summary: summary, strides: stridesOf(a.shape)}
	return p.recurse(0, 0, " "+strings.Repeat(" ", len(prefix)), lineWidth)
}

// leadingTrailing keeps the first and last edge items along every axis
// longer than 2*edge (numpy's _leading_trailing): the values that decide
// the formatting of a summarised array.
func leadingTrailing(a *Array, edge int) *Array {
	idx := make([]Index, len(a.shape))
	for k, d := range a.shape {
		if d > 2*edge {
			pos := make([]int64, 0, 2*edge)
			for j := 0; j < edge; j++ {
				pos = append(pos, int64(j))
			}
			for j := d - edge; j < d; j++ {
				pos = append(pos, int64(j))
			}
			idx[k] = FromInt64s(pos)
		} else {
			idx[k] = Colon
		}
	}
	// Index one axis at a time: integer arrays on several axes would pair
	// up instead of forming the corners.
	out := a
	for k := range idx {
		if _, ok := idx[k].(*Array); !ok {
			continue
		}
		sel := make([]Index, k+1)
		for j := 0; j < k; j++ {
			sel[j] = Colon
		}
		sel[k] = idx[k]
		out, _ = out.Get(sel...)
	}
	return out
}

// printer holds what _formatArray's recursion needs.
type printer struct {
	a       *Array
	f       *formatter
	sep     string
	summary bool
	strides []int
}

func (p *printer) recurse(axis, off int, hanging string, width int) string {
	a := p.a
	axesLeft := len(a.shape) - axis
	if axesLeft == 0 {
		return p.f.format(a, off)
	}
	nextHanging := hanging + " "
	nextWidth := width - 1
	n := a.shape[axis]
	showSummary := p.summary && 2*printEdgeItems < n
	leading, trailing := 0, n
	if showSummary {
		leading, trailing = printEdgeItems, printEdgeItems
	}
	st := p.strides[axis]
	var s strings.Builder
	if axesLeft == 1 {
		sepTrim := len(strings.TrimRight(p.sep, " "))
		elemWidth := width - max(sepTrim, 1)
		line := hanging
		var out string
		for i := 0; i < leading; i++ {
			word := p.recurse(axis+1, off+i*st, nextHanging, nextWidth)
			out, line = extendLine(out, line, word, elemWidth, hanging)
			line += p.sep
		}
		if showSummary {
			out, line = extendLine(out, line, "...", elemWidth, hanging)
			line += p.sep
		}
		for i := trailing; i > 1; i-- {
			word := p.recurse(axis+1, off+(n-i)*st, nextHanging, nextWidth)
			out, line = extendLine(out, line, word, elemWidth, hanging)
			line += p.sep
		}
		word := p.recurse(axis+1, off+(n-1)*st, nextHanging, nextWidth)
		out, line = extendLine(out, line, word, elemWidth, hanging)
		out += line
		return "[" + out[len(hanging):] + "]"
	}
	lineSep := strings.TrimRight(p.sep, " ") + strings.Repeat("\n", axesLeft-1)
	for i := 0; i < leading; i++ {
		s.WriteString(hanging)
		s.WriteString(p.recurse(axis+1, off+i*st, nextHanging, nextWidth))
		s.WriteString(lineSep)
	}
	if showSummary {
		s.WriteString(hanging + "..." + lineSep)
	}
	for i := trailing; i > 1; i-- {
		s.WriteString(hanging)
		s.WriteString(p.recurse(axis+1, off+(n-i)*st, nextHanging, nextWidth))
		s.WriteString(lineSep)
	}
	s.WriteString(hanging)
	s.WriteString(p.recurse(axis+1, off+(n-1)*st, nextHanging, nextWidth))
	return "[" + s.String()[len(hanging):] + "]"
}

// extendLine is numpy's _extendLine: wrap before word if the line would
// pass the width, unless the line holds only its indent.
func extendLine(s, line, word string, width int, prefix string) (string, string) {
	if len(line)+len(word) > width && len(line) > len(prefix) {
		s += strings.TrimRight(line, " ") + "\n"
		line = prefix
	}
	return s, line + word
}

// formatter formats the elements of one array, with widths decided from
// all of them, as numpy's FloatingFormat, IntegerFormat and BoolFormat.
type formatter struct {
	dtype DType
	// ints: the width of the widest value.
	width int
	// bools: " True" in arrays, "True" for a 0-d array.
	trueStr string
	// floats
	expFormat         bool
	padLeft, padRight int
	precision         int // digits after the point in exponent format
	expSize           int
}

func newFormatter(data *Array) *formatter {
	f := &formatter{dtype: data.dtype}
	switch data.dtype {
	case Int64:
		for _, v := range data.i {
			f.width = max(f.width, len(strconv.FormatInt(v, 10)))
		}
	case Bool:
		f.trueStr = " True"
		if len(data.shape) == 0 {
			f.trueStr = "True"
		}
	case Float64:
		f.fillFloat(data.f)
	}
	return f
}

// fillFloat is FloatingFormat.fillFormat.
func (f *formatter) fillFloat(data []float64) {
	var finite []float64
	maxVal, minVal := 0.0, math.Inf(1)
	nonFinite, negInf := false, false
	for _, v := range data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			nonFinite = true
			if math.IsInf(v, -1) {
				negInf = true
			}
			continue
		}
		finite = append(finite, v)
		if v != 0 {
			av := math.Abs(v)
			maxVal = max(maxVal, av)
			minVal = min(minVal, av)
		}
	}
	if maxVal > 0 && (maxVal >= 1e8 || minVal < 0.0001 || maxVal/minVal > 1000) {
		f.expFormat = true
	}
	f.expSize = -1
	switch {
	case len(finite) == 0:
		f.padLeft, f.padRight = 0, 0
	case f.expFormat:
		f.precision = 0
		for _, v := range finite {
			mant, exp := scientific(v, printPrecision)
			intPart, frac, _ := strings.Cut(mant, ".")
			f.padLeft = max(f.padLeft, len(intPart))
			f.precision = max(f.precision, len(frac))
			f.expSize = max(f.expSize, len(exp)-1)
		}
		f.padRight = f.expSize + 2 + f.precision
	default:
		for _, v := range finite {
			intPart, frac, _ := strings.Cut(positional(v, printPrecision), ".")
			f.padLeft = max(f.padLeft, len(intPart))
			f.padRight = max(f.padRight, len(frac))
		}
	}
	if nonFinite {
		offset := f.padRight + 1
		inflen := 3
		if negInf {
			inflen = 4
		}
		f.padLeft = max(f.padLeft, 3-offset, inflen-offset)
	}
}

// format formats flat element k of a.
func (f *formatter) format(a *Array, k int) string {
	switch f.dtype {
	case Int64:
		s := strconv.FormatInt(a.i[k], 10)
		return strings.Repeat(" ", max(f.width-len(s), 0)) + s
	case Bool:
		if a.b[k] {
			return f.trueStr
		}
		return "False"
	}
	x := a.f[k]
	if math.IsNaN(x) || math.IsInf(x, 0) {
		ret := "nan"
		if math.IsInf(x, 1) {
			ret = "inf"
		} else if math.IsInf(x, -1) {
			ret = "-inf"
		}
		return strings.Repeat(" ", max(f.padLeft+f.padRight+1-len(ret), 0)) + ret
	}
	if f.expFormat {
		s := strconv.FormatFloat(x, 'e', f.precision, 64)
		mant, exp, _ := strings.Cut(s, "e")
		if !strings.Contains(mant, ".") {
			mant += "."
		}
		sign, digits := exp[:1], exp[1:]
		for len(digits) < f.expSize {
			digits = "0" + digits
		}
		intPart, frac, _ := strings.Cut(mant, ".")
		return strings.Repeat(" ", max(f.padLeft-len(intPart), 0)) + intPart + "." + frac + "e" + sign + digits
	}
	intPart, frac, _ := strings.Cut(positional(x, printPrecision), ".")
	return strings.Repeat(" ", max(f.padLeft-len(intPart), 0)) + intPart + "." + frac + strings.Repeat(" ", max(f.padRight-len(frac), 0))
}

// positional is numpy's dragon4_positional(x, precision, unique=True,
// fractional=True, trim='.'): the shortest digits that identify x, or x
// rounded to precision digits after the point if those are more; trailing
// zeros trimmed, the point kept ("2.", "0.5").
func positional(x float64, precision int) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > precision {
		s = strconv.FormatFloat(x, 'f', precision, 64)
		s = strings.TrimRight(s, "0")
	}
	if !strings.Contains(s, ".") {
		s += "."
	}
	return s
}

// scientific is numpy's dragon4_scientific(x, precision, unique=True,
// trim='.'): mantissa ("1.5", "1.") and exponent ("-05", "+10").
func scientific(x float64, precision int) (mant, exp string) {
	s := strconv.FormatFloat(x, 'e', -1, 64)
	mant, exp, _ = strings.Cut(s, "e")
	if i := strings.IndexByte(mant, '.'); i >= 0 && len(mant)-i-1 > precision {
		s = strconv.FormatFloat(x, 'e', precision, 64)
		mant, exp, _ = strings.Cut(s, "e")
		mant = strings.TrimRight(mant, "0")
	}
	if !strings.Contains(mant, ".") {
		mant += "."
	}
	return mant, exp
}

// ObjectRepr is repr of a 1-d numpy array of Python objects whose
// elements print as reprs: array(['a', 'b'], dtype=object), wrapped and
// summarised as numpy wraps and summarises (_formatArray with
// ObjectFormat: no padding to a common width).
func ObjectRepr(reprs []string) string {
	const prefix, suffix = "array(", ","
	lst := "[]"
	if n := len(reprs); n > 0 {
		width := printLineWidth - len(suffix)
		hanging := " " + strings.Repeat(" ", len(prefix))
		elemWidth := width - 1 // the separator's trimmed width
		words := reprs
		if n > printThreshold {
			words = append(append(append([]string(nil), reprs[:printEdgeItems]...), "..."), reprs[n-printEdgeItems:]...)
		}
		line := hanging
		var out string
		for i, w := range words {
			out, line = extendLine(out, line, w, elemWidth, hanging)
			if i < len(words)-1 {
				line += ", "
			}
		}
		out += line
		lst = "[" + out[len(hanging):] + "]"
	}
	s := prefix + lst + suffix
	last := len(s) - (strings.LastIndexByte(s, '\n') + 1)
	if last+len("dtype=object)")+1 > printLineWidth {
		return s + "\n" + strings.Repeat(" ", len(prefix)) + "dtype=object)"
	}
	return s + " dtype=object)"
}
