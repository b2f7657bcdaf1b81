package session

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// strMethods are Python's str methods that Starlark's strings lack or
// give with a narrower signature or other results; the receiver is the
// builtin's. Indexes (start, end, find's result) count code points, as
// Python's do. (Set in init: str.format's fields look up methods.)
var strMethods map[string]Func

func init() {
	strMethods = map[string]Func{
		"center":       strJustify('^'),
		"ljust":        strJustify('<'),
		"rjust":        strJustify('>'),
		"zfill":        strZfill,
		"casefold":     strCasefold,
		"swapcase":     strSwapcase,
		"expandtabs":   strExpandtabs,
		"isascii":      strIs(func(r rune) bool { return r < utf8.RuneSelf }, true),
		"isdecimal":    strIs(func(r rune) bool { return unicode.Is(unicode.Nd, r) }, false),
		"isnumeric":    strIs(func(r rune) bool { return unicode.IsNumber(r) || isHanNumeral(r) }, false),
		"isdigit":      strIs(isDigitRune, false),
		"isalpha":      strIs(unicode.IsLetter, false),
		"isalnum":      strIs(func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }, false),
		"isspace":      strIs(isSpaceRune, false),
		"isprintable":  strIs(func(r rune) bool { return r == ' ' || unicode.IsPrint(r) }, true),
		"isidentifier": strIsIdentifier,
		"translate":    strTranslate,
		"maketrans":    strMaketrans,
		"encode":       strEncode,
		"format":       strFormat,
		"format_map":   strFormatMap,
		"split":        strSplit(false),
		"rsplit":       strSplit(true),
		"splitlines":   strSplitlines,
		"startswith":   strAffix(false),
		"endswith":     strAffix(true),
		"find":         strFind("find", false, false),
		"rfind":        strFind("rfind", true, false),
		"index":        strFind("index", false, true),
		"rindex":       strFind("rindex", true, true),
		"count":        strCount,
		"capitalize":   strCapitalize,
		"title":        strTitle,
		"istitle":      strIstitle,
		"join":         strJoin,
		"strip":        strStrip(true, true),
		"lstrip":       strStrip(true, false),
		"rstrip":       strStrip(false, true),
		"partition":    strPartition(false),
		"rpartition":   strPartition(true),
		"upper":        strCase(unicode.ToUpper, map[rune]string{'ß': "SS"}),
		"lower":        strCase(unicode.ToLower, nil),
	}
}

func recvStr(b *starlark.Builtin) string { return string(b.Receiver().(starlark.String)) }

// isASCII reports whether s has only ASCII bytes: byte and code point
// indexes then agree.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// runeLen is len(s) in code points.
func runeLen(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

// byteOffset is the byte offset of code point i of s (i in [0, runeLen]).
func byteOffset(s string, i int) int {
	if isASCII(s) {
		return i
	}
	n := 0
	for off := range s {
		if n == i {
			return off
		}
		n++
	}
	return len(s)
}

// sliceBounds resolves Python's optional start and end slice indexes
// (None, negative, out of range) against a length n.
func sliceBounds(start, end starlark.Value, n int) (int, int, error) {
	conv := func(v starlark.Value, def int) (int, error) {
		if v == nil || v == starlark.None {
			return def, nil
		}
		i, err := starlark.AsInt32(v)
		if err != nil {
			return 0, fmt.Errorf("TypeError: slice indices must be integers or None or have an __index__ method")
		}
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		return i, nil
	}
	s, err := conv(start, 0)
	if err != nil {
		return 0, 0, err
	}
	e, err := conv(end, n)
	return s, e, err
}

// substr is s[start:end] in code points, and the code point index of
// its start.
func substr(s string, start, end starlark.Value) (string, int, bool, error) {
	n := runeLen(s)
	i, j, err := sliceBounds(start, end, n)
	if err != nil {
		return "", 0, false, err
	}
	if start != nil && start != starlark.None {
		if k, _ := starlark.AsInt32(start); k > n {
			// Python finds nothing, not even "", past the end.
			return "", i, false, nil
		}
	}
	if i > j {
		return "", i, false, nil
	}
	return s[byteOffset(s, i):byteOffset(s, j)], i, true, nil
}

func strJustify(align byte) Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var width int
		fill := starlark.String(" ")
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &width, &fill); err != nil {
			return nil, err
		}
		if err := checkWidth(width); err != nil {
			return nil, err
		}
		if runeLen(string(fill)) != 1 {
			return nil, fmt.Errorf("TypeError: The fill character must be exactly one character long")
		}
		s := recvStr(b)
		marg := width - runeLen(s)
		if marg <= 0 {
			return starlark.String(s), nil
		}
		var left int
		switch align {
		case '>':
			left = marg
		case '^':
			// CPython's centering: the odd space goes left when
			// width is odd.
			left = marg/2 + (marg & width & 1)
		}
		f := string(fill)
		return starlark.String(strings.Repeat(f, left) + s + strings.Repeat(f, marg-left)), nil
	}
}

func strZfill(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var width int
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &width); err != nil {
		return nil, err
	}
	if err := checkWidth(width); err != nil {
		return nil, err
	}
	s := recvStr(b)
	marg := width - runeLen(s)
	if marg <= 0 {
		return starlark.String(s), nil
	}
	sign := ""
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign, s = s[:1], s[1:]
	}
	return starlark.String(sign + strings.Repeat("0", marg) + s), nil
}

// strCase maps every code point, with Python's special cases that
// become several code points.
func strCase(f func(rune) rune, special map[rune]string) Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		s := recvStr(b)
		var out strings.Builder
		out.Grow(len(s))
		for _, r := range s {
			if t, ok := special[r]; ok {
				out.WriteString(t)
			} else {
				out.WriteRune(f(r))
			}
		}
		return starlark.String(out.String()), nil
	}
}

var strCasefold = strCase(unicode.ToLower, map[rune]string{'ß': "ss", 'ẞ': "ss", 'ς': "σ"})

func strSwapcase(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := recvStr(b)
	var out strings.Builder
	out.Grow(len(s))
	for _, r := range s {
		switch {
		case r == 'ß':
			out.WriteString("SS")
		case unicode.IsUpper(r):
			out.WriteRune(unicode.ToLower(r))
		case unicode.IsLower(r):
			out.WriteRune(unicode.ToUpper(r))
		default:
			out.WriteRune(r)
		}
	}
	return starlark.String(out.String()), nil
}

func strExpandtabs(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	tabsize := 8
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "tabsize?", &tabsize); err != nil {
		return nil, err
	}
	if err := checkWidth(tabsize); err != nil {
		return nil, err
	}
	s := recvStr(b)
	var out strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			if tabsize > 0 {
				n := tabsize - col%tabsize
				out.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			out.WriteRune(r)
			col = 0
		default:
			out.WriteRune(r)
			col++
		}
	}
	return starlark.String(out.String()), nil
}

func isDigitRune(r rune) bool {
	return unicode.Is(unicode.Nd, r) || strings.ContainsRune("¹²³⁰⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉①②③④⑤⑥⑦⑧⑨", r)
}

func isHanNumeral(r rune) bool {
	return strings.ContainsRune("〇一二三四五六七八九十百千万億兆零", r)
}

// isSpaceRune is Python's str.isspace for one code point (which, unlike
// Go's, counts the separators \x1c-\x1f).
func isSpaceRune(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) }

// strIs is a predicate method: every code point satisfies ok, and the
// string is not empty unless emptyOK.
func strIs(ok func(rune) bool, emptyOK bool) Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		s := recvStr(b)
		if s == "" {
			return starlark.Bool(emptyOK), nil
		}
		for _, r := range s {
			if !ok(r) {
				return starlark.False, nil
			}
		}
		return starlark.True, nil
	}
}

func strIsIdentifier(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := recvStr(b)
	for i, r := range s {
		letter := r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
		if !letter && (i == 0 || !(unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r))) {
			return starlark.False, nil
		}
	}
	return starlark.Bool(s != ""), nil
}

// strTranslate maps each code point through a table (a dict from code
// points to strings, code points or None, as str.maketrans makes).
func strTranslate(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var table starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &table); err != nil {
		return nil, err
	}
	m, ok := table.(starlark.Mapping)
	if !ok {
		if _, ok := table.(starlark.Indexable); !ok {
			return nil, fmt.Errorf("TypeError: '%s' object is not subscriptable", TypeName(table))
		}
	}
	s := recvStr(b)
	var out strings.Builder
	for _, r := range s {
		var v starlark.Value
		var found bool
		if m != nil {
			var err error
			v, found, err = m.Get(starlark.MakeInt(int(r)))
			if err != nil {
				return nil, err
			}
		} else if ix := table.(starlark.Indexable); int(r) < ix.Len() {
			v, found = ix.Index(int(r)), true
		}
		if !found {
			out.WriteRune(r)
			continue
		}
		switch v := v.(type) {
		case starlark.NoneType:
		case starlark.String:
			out.WriteString(string(v))
		case starlark.Int:
			c, ok := v.Int64()
			if !ok || c < 0 || c > unicode.MaxRune {
				return nil, fmt.Errorf("ValueError: character mapping must be in range(0x110000)")
			}
			out.WriteRune(rune(c))
		default:
			return nil, fmt.Errorf("TypeError: character mapping must return integer, None or str")
		}
	}
	return starlark.String(out.String()), nil
}

// strMaketrans is str.maketrans(x[, y[, z]]): a translation table for
// str.translate.
func strMaketrans(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y, z starlark.Value
	if err := starlark.UnpackPositionalArgs("maketrans", args, kwargs, 1, &x, &y, &z); err != nil {
		return nil, err
	}
	d := starlark.NewDict(0)
	if y == nil {
		m, ok := x.(*starlark.Dict)
		if !ok {
			return nil, fmt.Errorf("TypeError: if you give only one argument to maketrans it must be a dict")
		}
		for _, kv := range m.Items() {
			k := kv[0]
			if s, ok := k.(starlark.String); ok {
				if runeLen(string(s)) != 1 {
					return nil, fmt.Errorf("ValueError: string keys in translate table must be of length 1")
				}
				r, _ := utf8.DecodeRuneInString(string(s))
				k = starlark.MakeInt(int(r))
			} else if _, ok := k.(starlark.Int); !ok {
				return nil, fmt.Errorf("TypeError: keys in translate table must be strings or integers")
			}
			if err := d.SetKey(k, kv[1]); err != nil {
				return nil, err
			}
		}
		return d, nil
	}
	xs, ok1 := x.(starlark.String)
	ys, ok2 := y.(starlark.String)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("TypeError: maketrans() argument 2 must be str, not %s", TypeName(y))
	}
	xr, yr := []rune(string(xs)), []rune(string(ys))
	if len(xr) != len(yr) {
		return nil, fmt.Errorf("ValueError: the first two maketrans arguments must have equal length")
	}
	for i := range xr {
		d.SetKey(starlark.MakeInt(int(xr[i])), starlark.MakeInt(int(yr[i])))
	}
	if z != nil {
		zs, ok := z.(starlark.String)
		if !ok {
			return nil, fmt.Errorf("TypeError: maketrans() argument 3 must be str, not %s", TypeName(z))
		}
		for _, r := range string(zs) {
			d.SetKey(starlark.MakeInt(int(r)), starlark.None)
		}
	}
	return d, nil
}

// strEncode is str.encode(encoding='utf-8', errors='strict'): bytes, for
// UTF-8 and, when every code point fits, ASCII and Latin-1.
func strEncode(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	encoding, errors := "utf-8", "strict"
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "encoding?", &encoding, "errors?", &errors); err != nil {
		return nil, err
	}
	return encodeString(recvStr(b), encoding, errors)
}

func encodeString(s, encoding, errors string) (starlark.Value, error) {
	enc := strings.ReplaceAll(strings.ToLower(encoding), "_", "-")
	switch enc {
	case "utf-8", "utf8":
		return starlark.Bytes(s), nil
	case "ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1":
		limit, name := rune(0x80), "ascii"
		if enc != "ascii" && enc != "us-ascii" {
			limit, name = 0x100, "latin-1"
		}
		out := make([]byte, 0, len(s))
		i := 0
		for _, r := range s {
			if r >= limit {
				switch errors {
				case "ignore":
				case "replace":
					out = append(out, '?')
				default:
					return nil, fmt.Errorf("UnicodeEncodeError: '%s' codec can't encode character '\\x%02x' in position %d: ordinal not in range(%d)", name, r, i, limit)
				}
			} else {
				out = append(out, byte(r))
			}
			i++
		}
		return starlark.Bytes(out), nil
	}
	return nil, fmt.Errorf("LookupError: unknown encoding: %s (Burst encodes utf-8, ascii and latin-1)", encoding)
}

func strSplit(right bool) Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var sep starlark.Value = starlark.None
		maxsplit := -1
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "sep?", &sep, "maxsplit?", &maxsplit); err != nil {
			return nil, err
		}
		s := recvStr(b)
		if sep == starlark.None {
			return StringList(splitSpace(s, maxsplit, right)), nil
		}
		sp, ok := sep.(starlark.String)
		if !ok {
			return nil, fmt.Errorf("TypeError: must be str or None, not %s", TypeName(sep))
		}
		if sp == "" {
			return nil, fmt.Errorf("ValueError: empty separator")
		}
		if maxsplit < 0 {
			return StringList(strings.Split(s, string(sp))), nil
		}
		if !right {
			return StringList(strings.SplitN(s, string(sp), maxsplit+1)), nil
		}
		var parts []string
		for ; maxsplit > 0; maxsplit-- {
			k := strings.LastIndex(s, string(sp))
			if k < 0 {
				break
			}
			parts = append(parts, s[k+len(sp):])
			s = s[:k]
		}
		parts = append(parts, s)
		for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
			parts[i], parts[j] = parts[j], parts[i]
		}
		return StringList(parts), nil
	}
}

// splitSpace splits on runs of whitespace, at most maxsplit times (from
// the right for rsplit); the rest keeps its inner whitespace.
func splitSpace(s string, maxsplit int, right bool) []string {
	parts := []string{}
	if !right {
		for {
			s = strings.TrimLeftFunc(s, isSpaceRune)
			if s == "" {
				return parts
			}
			if maxsplit == 0 {
				return append(parts, s)
			}
			k := strings.IndexFunc(s, isSpaceRune)
			if k < 0 {
				return append(parts, s)
			}
			parts = append(parts, s[:k])
			s = s[k:]
			maxsplit--
		}
	}
	for {
		s = strings.TrimRightFunc(s, isSpaceRune)
		if s == "" {
			break
		}
		if maxsplit == 0 {
			parts = append(parts, s)
			break
		}
		k := strings.LastIndexFunc(s, isSpaceRune)
		if k < 0 {
			parts = append(parts, s)
			break
		}
		_, size := utf8.DecodeRuneInString(s[k:])
		parts = append(parts, s[k+size:])
		s = s[:k]
		maxsplit--
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return parts
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func strSplitlines(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	keep := false
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "keepends?", &keep); err != nil {
		return nil, err
	}
	s := recvStr(b)
	lines := []string{}
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isLineBreak(r) {
			i += size
			continue
		}
		end := i + size
		if r == '\r' && end < len(s) && s[end] == '\n' {
			end++
		}
		if keep {
			lines = append(lines, s[start:end])
		} else {
			lines = append(lines, s[start:i])
		}
		start, i = end, end
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return StringList(lines), nil
}

// strAffix is startswith or endswith(prefix, start=None, end=None), the
// prefix a str or a tuple of them.
func strAffix(end bool) Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x, lo, hi starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x, &lo, &hi); err != nil {
			return nil, err
		}
		sub, _, ok, err := substr(recvStr(b), lo, hi)
		if err != nil {
			return nil, err
		}
		var affixes []starlark.Value
		switch x := x.(type) {
		case starlark.String:
			affixes = []starlark.Value{x}
		case starlark.Tuple:
			affixes = x
		default:
			return nil, fmt.Errorf("TypeError: %s first arg must be str or a tuple of str, not %s", b.Name(), TypeName(x))
		}
		for _, a := range affixes {
			s, isStr := a.(starlark.String)
			if !isStr {
				return nil, fmt.Errorf("TypeError: tuple for %s must only contain str, not %s", b.Name(), TypeName(a))
			}
			if !ok {
				continue
			}
			if (!end && strings.HasPrefix(sub, string(s))) || (end && strings.HasSuffix(sub, string(s))) {
				return starlark.True, nil
			}
		}
		return starlark.False, nil
	}
}

// strFind is find, rfind, index or rindex(sub, start=None, end=None).
func strFind(name string, right, raise bool) Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x, lo, hi starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &x, &lo, &hi); err != nil {
			return nil, err
		}
		sub, ok := x.(starlark.String)
		if !ok {
			return nil, fmt.Errorf("TypeError: must be str, not %s", TypeName(x))
		}
		s := recvStr(b)
		part, first, inRange, err := substr(s, lo, hi)
		if err != nil {
			return nil, err
		}
		k := -1
		if inRange {
			if right {
				k = strings.LastIndex(part, string(sub))
			} else {
				k = strings.Index(part, string(sub))
			}
		}
		if k < 0 {
			if raise {
				return nil, fmt.Errorf("ValueError: substring not found")
			}
			return starlark.MakeInt(-1), nil
		}
		return starlark.MakeInt(first + runeLen(part[:k])), nil
	}
}

func strCount(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, lo, hi starlark.Value
	if err := starlark.UnpackPositionalArgs("count", args, kwargs, 1, &x, &lo, &hi); err != nil {
		return nil, err
	}
	sub, ok := x.(starlark.String)
	if !ok {
		return nil, fmt.Errorf("TypeError: must be str, not %s", TypeName(x))
	}
	part, _, inRange, err := substr(recvStr(b), lo, hi)
	if err != nil {
		return nil, err
	}
	if !inRange {
		return starlark.MakeInt(0), nil
	}
	if sub == "" {
		return starlark.MakeInt(runeLen(part) + 1), nil
	}
	return starlark.MakeInt(strings.Count(part, string(sub))), nil
}

// writeTitle writes r's title case, which for ß is two letters.
func writeTitle(out *strings.Builder, r rune) {
	if r == 'ß' {
		out.WriteString("Ss")
		return
	}
	out.WriteRune(unicode.ToTitle(r))
}

func isCased(r rune) bool { return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) }

func strCapitalize(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := recvStr(b)
	var out strings.Builder
	out.Grow(len(s))
	for i, r := range s {
		if i == 0 {
			writeTitle(&out, r)
		} else {
			out.WriteRune(unicode.ToLower(r))
		}
	}
	return starlark.String(out.String()), nil
}

// strTitle titlecases the first cased letter of each run of cased
// letters and lowercases the rest, as Python does ("they're" is
// "They'Re").
func strTitle(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := recvStr(b)
	var out strings.Builder
	out.Grow(len(s))
	prev := false
	for _, r := range s {
		if prev {
			out.WriteRune(unicode.ToLower(r))
		} else {
			writeTitle(&out, r)
		}
		prev = isCased(r)
	}
	return starlark.String(out.String()), nil
}

func strIstitle(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	prev, any := false, false
	for _, r := range recvStr(b) {
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			if prev {
				return starlark.False, nil
			}
			prev, any = true, true
		case unicode.IsLower(r):
			if !prev {
				return starlark.False, nil
			}
			prev = true
		default:
			prev = false
		}
	}
	return starlark.Bool(any), nil
}

// strJoin is str.join(iterable) for any iterable of strings (a string's
// characters too).
func strJoin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var it starlark.Value
	if err := starlark.UnpackPositionalArgs("join", args, kwargs, 1, &it); err != nil {
		return nil, err
	}
	sep := recvStr(b)
	if s, ok := it.(starlark.String); ok {
		var out strings.Builder
		for i, r := range string(s) {
			if i > 0 {
				out.WriteString(sep)
			}
			out.WriteRune(r)
		}
		return starlark.String(out.String()), nil
	}
	iter := starlark.Iterate(it)
	if iter == nil {
		return nil, fmt.Errorf("TypeError: can only join an iterable")
	}
	defer iter.Done()
	var out strings.Builder
	var x starlark.Value
	for i := 0; iter.Next(&x); i++ {
		s, ok := x.(starlark.String)
		if !ok {
			return nil, fmt.Errorf("TypeError: sequence item %d: expected str instance, %s found", i, TypeName(x))
		}
		if i > 0 {
			out.WriteString(sep)
		}
		out.WriteString(string(s))
	}
	return starlark.String(out.String()), nil
}

// strStrip is strip, lstrip or rstrip(chars=None): whitespace, or the
// characters in chars, off the left and/or right end.
func strStrip(left, right bool) Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var chars starlark.Value = starlark.None
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &chars); err != nil {
			return nil, err
		}
		cut := isSpaceRune
		if chars != starlark.None {
			set, ok := chars.(starlark.String)
			if !ok {
				return nil, fmt.Errorf("TypeError: %s arg must be None or str", b.Name())
			}
			cut = func(r rune) bool { return strings.ContainsRune(string(set), r) }
		}
		s := recvStr(b)
		if left {
			s = strings.TrimLeftFunc(s, cut)
		}
		if right {
			s = strings.TrimRightFunc(s, cut)
		}
		return starlark.String(s), nil
	}
}

// strPartition is partition or rpartition(sep).
func strPartition(right bool) Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		sep, ok := x.(starlark.String)
		if !ok {
			return nil, fmt.Errorf("TypeError: must be str, not %s", TypeName(x))
		}
		if sep == "" {
			return nil, fmt.Errorf("ValueError: empty separator")
		}
		s := recvStr(b)
		var k int
		if right {
			k = strings.LastIndex(s, string(sep))
		} else {
			k = strings.Index(s, string(sep))
		}
		if k < 0 {
			if right {
				return starlark.Tuple{starlark.String(""), starlark.String(""), starlark.String(s)}, nil
			}
			return starlark.Tuple{starlark.String(s), starlark.String(""), starlark.String("")}, nil
		}
		return starlark.Tuple{starlark.String(s[:k]), sep, starlark.String(s[k+len(sep):])}, nil
	}
}
