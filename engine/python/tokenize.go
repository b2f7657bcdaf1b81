package python

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of a Python token, as Python's tokenize module names
// them.
type Kind uint8

// The token kinds. MAGIC is IPython's: a line starting with % or ! (a
// line magic, a shell command), up to the end of its line.
const (
	ENDMARKER Kind = iota
	NAME
	NUMBER
	STRING
	OP
	COMMENT
	NL
	NEWLINE
	INDENT
	DEDENT
	MAGIC
)

var kindNames = [...]string{"ENDMARKER", "NAME", "NUMBER", "STRING", "OP", "COMMENT", "NL", "NEWLINE", "INDENT", "DEDENT", "MAGIC"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Token is one token of Python source: its kind, its bytes src[Start:End],
// and where it starts as Python's tokenize reports it (1-based line,
// 0-based column in characters). EndLine is the line of its last byte
// (a triple-quoted string spans lines).
type Token struct {
	Kind       Kind
	Start, End int
	Line, Col  int
	EndLine    int
}

// Tokenize splits Python source into tokens, as CPython 3.11's tokenizer
// does: NEWLINE ends a logical line (NL a blank line, a comment-only line,
// or a line break inside brackets or a string), INDENT and DEDENT mark
// blocks, and bad input is an error with Python's message at Python's
// line (a *TranslateError). A \r\n or \r must already be \n
// (NormalizeNewlines). Lines that start with % or ! are MAGIC tokens.
// Time and memory are linear in the source.
func Tokenize(src string) ([]Token, error) {
	if i := strings.IndexByte(src, 0); i >= 0 {
		return nil, &TranslateError{Line: 1 + strings.Count(src[:i], "\n"), Msg: "source code cannot contain null bytes"}
	}
	z := tokenizer{src: src, line: 1, indents: []int{0}}
	toks, err := z.run()
	if err != nil {
		return toks, err
	}
	return toks, nil
}

// maxNesting is how deep brackets may nest, as in CPython.
const maxNesting = 200

// tokenizer is the state of one Tokenize call.
type tokenizer struct {
	src  string
	toks []Token
	// The cursor: byte offset, its line, the byte offset where that line
	// starts, and the column (in characters) of colPos on that line.
	pos, line, lineStart int
	colPos, col          int
	colLine              int // the lineStart colPos is on
	indents              []int
	brackets             []Token
	atLineStart          bool
	// lenient skips the checks of indentation and brackets (scan's
	// mode, on translated text).
	lenient bool
}

// column returns the column, in characters, of byte offset p on the
// current line; successive calls with growing p cost the bytes between.
func (z *tokenizer) column(p int) int {
	if z.colLine != z.lineStart {
		z.colLine, z.colPos, z.col = z.lineStart, z.lineStart, 0
	}
	if p < z.colPos {
		return utf8.RuneCountInString(z.src[z.lineStart:p])
	}
	z.col += utf8.RuneCountInString(z.src[z.colPos:p])
	z.colPos = p
	return z.col
}

func (z *tokenizer) emit(kind Kind, start, end int) {
	z.toks = append(z.toks, Token{Kind: kind, Start: start, End: end, Line: z.line, Col: z.column(start), EndLine: z.line})
}

func (z *tokenizer) errorf(line int, format string, args ...any) error {
	return &TranslateError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// newline moves the cursor past the \n at p.
func (z *tokenizer) newline(p int) {
	z.line++
	z.lineStart = p + 1
}

func (z *tokenizer) run() ([]Token, error) {
	src := z.src
	z.atLineStart = true
	for {
		if z.atLineStart {
			// Inside brackets, a line's indentation means nothing.
			z.atLineStart = false
			if len(z.brackets) == 0 {
				done, err := z.indentation()
				if err != nil || done {
					return z.toks, err
				}
			}
		}
		if z.pos >= len(src) {
			return z.toks, z.end()
		}
		c := src[z.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			z.pos++
		case c == '\n':
			if len(z.brackets) > 0 || z.lastIsLineEnd() {
				z.emit(NL, z.pos, z.pos+1)
			} else {
				z.emit(NEWLINE, z.pos, z.pos+1)
			}
			z.newline(z.pos)
			z.pos++
			z.atLineStart = true
		case c == '#':
			end := strings.IndexByte(src[z.pos:], '\n')
			if end < 0 {
				end = len(src)
			} else {
				end += z.pos
			}
			z.emit(COMMENT, z.pos, end)
			z.pos = end
		case c == '\\':
			if z.pos+1 >= len(src) {
				return z.toks, z.errorf(z.line, "unexpected EOF while parsing")
			}
			if src[z.pos+1] != '\n' {
				return z.toks, z.errorf(z.line, "unexpected character after line continuation character")
			}
			z.newline(z.pos + 1)
			z.pos += 2
			if z.pos >= len(src) {
				return z.toks, z.errorf(z.line-1, "unexpected EOF while parsing")
			}
		case c == '\'' || c == '"':
			if err := z.str(z.pos, z.pos); err != nil {
				return z.toks, err
			}
		case c >= '0' && c <= '9' || c == '.' && z.pos+1 < len(src) && src[z.pos+1] >= '0' && src[z.pos+1] <= '9':
			if err := z.number(); err != nil {
				return z.toks, err
			}
		case isIdentStart(c):
			end := z.pos + 1
			for end < len(src) && (isIdentByte(src[end]) || src[end] >= 0x80) {
				end++
			}
			if end < len(src) && (src[end] == '\'' || src[end] == '"') && isStringPrefix(src[z.pos:end]) {
				if err := z.str(z.pos, end); err != nil {
					return z.toks, err
				}
				continue
			}
			if c >= 0x80 || strings.IndexFunc(src[z.pos:end], func(r rune) bool { return r >= 0x80 }) >= 0 {
				if err := z.checkIdent(src[z.pos:end]); err != nil {
					return z.toks, err
				}
			}
			z.emit(NAME, z.pos, end)
			z.pos = end
		default:
			if err := z.op(); err != nil {
				return z.toks, err
			}
		}
	}
}

// lastIsLineEnd reports whether the line so far has no token but
// comments: its \n is then NL, not NEWLINE.
func (z *tokenizer) lastIsLineEnd() bool {
	for i := len(z.toks) - 1; i >= 0; i-- {
		switch z.toks[i].Kind {
		case COMMENT:
			continue
		case NL, NEWLINE, INDENT, DEDENT:
			return true
		}
		return false
	}
	return true
}

// indentation reads the indentation of a line at the start of a logical
// line, and emits INDENT or DEDENT tokens. Blank and comment-only lines
// do not count, as in Python. done reports the end of the source.
func (z *tokenizer) indentation() (done bool, err error) {
	src := z.src
	z.atLineStart = false
	width, p := 0, z.pos
	for p < len(src) {
		switch src[p] {
		case ' ':
			width++
		case '\t':
			width = (width/8 + 1) * 8
		case '\f':
			width = 0
		default:
			goto measured
		}
		p++
	}
measured:
	z.pos = p
	if p >= len(src) {
		return true, z.end()
	}
	switch src[p] {
	case '\n', '#':
		return false, nil // a blank or comment-only line
	case '\\':
		if p+1 < len(src) && src[p+1] == '\n' {
			return false, nil
		}
	case '%', '!':
		// IPython: a line magic or a shell command, to the end of
		// the line.
		if z.lastIsLineEnd() {
			if err := z.dent(width); err != nil {
				return false, err
			}
			end := strings.IndexByte(src[p:], '\n')
			if end < 0 {
				end = len(src)
			} else {
				end += p
			}
			z.emit(MAGIC, p, end)
			z.pos = end
			return false, nil
		}
	}
	return false, z.dent(width)
}

// dent emits the INDENT or DEDENTs that take the block to width.
func (z *tokenizer) dent(width int) error {
	top := z.indents[len(z.indents)-1]
	switch {
	case width > top:
		z.indents = append(z.indents, width)
		z.emit(INDENT, z.lineStart, z.pos)
	case width < top:
		for len(z.indents) > 1 && z.indents[len(z.indents)-1] > width {
			z.indents = z.indents[:len(z.indents)-1]
			z.emit(DEDENT, z.pos, z.pos)
		}
		if z.indents[len(z.indents)-1] != width && !z.lenient {
			return z.errorf(z.line, "IndentationError: unindent does not match any outer indentation level")
		}
	}
	return nil
}

// end finishes the source: an open bracket is an error, and the last
// logical line gets its NEWLINE, the open blocks their DEDENTs.
func (z *tokenizer) end() error {
	if len(z.brackets) > 0 && !z.lenient {
		b := z.brackets[len(z.brackets)-1]
		return z.errorf(b.Line, "'%c' was never closed", z.src[b.Start])
	}
	if !z.lastIsLineEnd() {
		z.emit(NEWLINE, len(z.src), len(z.src))
	}
	if n := len(z.src); n > 0 && z.src[n-1] != '\n' {
		// Python reads the source with a last newline added: the
		// end is at the start of the line after.
		z.newline(n - 1)
	}
	for len(z.indents) > 1 {
		z.indents = z.indents[:len(z.indents)-1]
		z.emit(DEDENT, len(z.src), len(z.src))
	}
	z.emit(ENDMARKER, len(z.src), len(z.src))
	return nil
}

// str reads the string literal whose prefix starts at start and whose
// quote is at q.
func (z *tokenizer) str(start, q int) error {
	src := z.src
	quote := src[q]
	triple := q+2 < len(src) && src[q+1] == quote && src[q+2] == quote
	startLine, col := z.line, z.column(start)
	p := q + 1
	if triple {
		p = q + 3
	}
	for {
		if p >= len(src) {
			if triple {
				return z.errorf(startLine, "unterminated triple-quoted string literal (detected at line %d)", z.line)
			}
			return z.errorf(startLine, "unterminated string literal (detected at line %d)", startLine)
		}
		c := src[p]
		switch {
		case c == '\\':
			if p+1 < len(src) && src[p+1] == '\n' {
				z.newline(p + 1)
			}
			p += 2
			continue
		case c == '\n':
			if !triple {
				return z.errorf(startLine, "unterminated string literal (detected at line %d)", startLine)
			}
			z.newline(p)
		case c == quote:
			if !triple {
				p++
				goto closed
			}
			if p+2 < len(src) && src[p+1] == quote && src[p+2] == quote {
				p += 3
				goto closed
			}
		}
		p++
	}
closed:
	if p > len(src) {
		p = len(src)
	}
	z.toks = append(z.toks, Token{Kind: STRING, Start: start, End: p, Line: startLine, Col: col, EndLine: z.line})
	z.pos = p
	return nil
}

// number reads a numeric literal, with Python's errors for malformed ones.
func (z *tokenizer) number() error {
	src := z.src
	p := z.pos
	digits := func(ok func(byte) bool) (bool, error) {
		// One or more digits, single underscores between them.
		if p >= len(src) || !ok(src[p]) {
			return false, nil
		}
		for p < len(src) {
			if ok(src[p]) {
				p++
			} else if src[p] == '_' && p+1 < len(src) && ok(src[p+1]) {
				p++
			} else {
				break
			}
		}
		return true, nil
	}
	isDec := func(c byte) bool { return c >= '0' && c <= '9' }
	kind := "decimal"
	if src[p] == '0' && p+1 < len(src) && strings.IndexByte("xXoObB", src[p+1]) >= 0 {
		var ok func(byte) bool
		switch src[p+1] | 0x20 {
		case 'x':
			kind, ok = "hexadecimal", func(c byte) bool { return isDec(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }
		case 'o':
			kind, ok = "octal", func(c byte) bool { return c >= '0' && c <= '7' }
		default:
			kind, ok = "binary", func(c byte) bool { return c == '0' || c == '1' }
		}
		p += 2
		if p < len(src) && src[p] == '_' {
			p++
		}
		if got, _ := digits(ok); !got {
			return z.errorf(z.line, "invalid %s literal", kind)
		}
		if p < len(src) && (isIdentByte(src[p]) || src[p] >= 0x80) {
			if kind != "hexadecimal" && isDec(src[p]) {
				return z.errorf(z.line, "invalid digit '%c' in %s literal", src[p], kind)
			}
			return z.errorf(z.line, "invalid %s literal", kind)
		}
		z.emit(NUMBER, z.pos, p)
		z.pos = p
		return nil
	}
	intStart := p
	digits(isDec)
	isInt := true
	if p < len(src) && src[p] == '.' {
		isInt = false
		p++
		digits(isDec)
	}
	if p < len(src) && src[p]|0x20 == 'e' {
		save := p
		p++
		if p < len(src) && (src[p] == '+' || src[p] == '-') {
			p++
		}
		if got, _ := digits(isDec); !got {
			p = save
		} else {
			isInt = false
		}
	}
	if p < len(src) && src[p]|0x20 == 'j' {
		p++
		isInt = false
	}
	if isInt {
		lit := src[intStart:p]
		if len(lit) > 1 && lit[0] == '0' && strings.Trim(lit, "0_") != "" {
			return z.errorf(z.line, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
		}
	}
	if p < len(src) && (isIdentByte(src[p]) && src[p] != '.' || src[p] >= 0x80) {
		// 1if x else y is still valid Python (with a warning); any
		// other letter after a number is not.
		rest := src[p:]
		for _, kw := range []string{"and", "else", "for", "if", "in", "is", "not", "or"} {
			if strings.HasPrefix(rest, kw) && (len(rest) == len(kw) || !isIdentByte(rest[len(kw)])) {
				z.emit(NUMBER, z.pos, p)
				z.pos = p
				return nil
			}
		}
		if src[p] == '_' {
			return z.errorf(z.line, "invalid decimal literal")
		}
		if isInt {
			return z.errorf(z.line, "invalid decimal literal")
		}
		if src[p-1]|0x20 == 'j' {
			return z.errorf(z.line, "invalid imaginary literal")
		}
		return z.errorf(z.line, "invalid decimal literal")
	}
	z.emit(NUMBER, z.pos, p)
	z.pos = p
	return nil
}

// ops are Python's operators and delimiters, longest first.
var ops = []string{
	"**=", "//=", ">>=", "<<=", "...", "!=",
	"->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
	"+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=", "@",
	"?", // IPython's help: x? and x??
}

func (z *tokenizer) op() error {
	src := z.src
	rest := src[z.pos:]
	for _, o := range ops {
		if !strings.HasPrefix(rest, o) {
			continue
		}
		tok := Token{Kind: OP, Start: z.pos, End: z.pos + len(o), Line: z.line, Col: z.column(z.pos), EndLine: z.line}
		switch o {
		case "(", "[", "{":
			// CPython's tokenizer allows 200 (MAXLEVEL): deeper nesting
			// would only take the parser's stack.
			if len(z.brackets) >= maxNesting && !z.lenient {
				return z.errorf(z.line, "too many nested parentheses")
			}
			z.brackets = append(z.brackets, tok)
		case ")", "]", "}":
			if len(z.brackets) == 0 {
				if z.lenient {
					break
				}
				return z.errorf(z.line, "unmatched '%s'", o)
			}
			open := z.brackets[len(z.brackets)-1]
			if closer(src[open.Start]) != o[0] && !z.lenient {
				if open.Line != z.line {
					return z.errorf(z.line, "closing parenthesis '%s' does not match opening parenthesis '%c' on line %d", o, src[open.Start], open.Line)
				}
				return z.errorf(z.line, "closing parenthesis '%s' does not match opening parenthesis '%c'", o, src[open.Start])
			}
			z.brackets = z.brackets[:len(z.brackets)-1]
		}
		z.toks = append(z.toks, tok)
		z.pos += len(o)
		return nil
	}
	r, size := utf8.DecodeRuneInString(rest)
	if r == utf8.RuneError && size <= 1 {
		return z.errorf(z.line, "(unicode error) 'utf-8' codec can't decode byte 0x%02x", rest[0])
	}
	if r == '!' || r == '$' || r == '`' {
		// IPython's syntax in the middle of a line (x = !ls) and
		// other characters Python does not know.
		return z.errorf(z.line, "invalid syntax")
	}
	if !unicode.IsPrint(r) {
		return z.errorf(z.line, "invalid non-printable character U+%04X", r)
	}
	return z.errorf(z.line, "invalid character '%c' (U+%04X)", r, r)
}

// checkIdent checks a name with non-ASCII letters: Python's identifiers
// are letters, digits and underscores.
func (z *tokenizer) checkIdent(name string) error {
	for i, r := range name {
		if r == utf8.RuneError {
			return z.errorf(z.line, "(unicode error) 'utf-8' codec can't decode byte 0x%02x", name[i])
		}
		if r == '_' || unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)) {
			continue
		}
		if !unicode.IsPrint(r) {
			return z.errorf(z.line, "invalid non-printable character U+%04X", r)
		}
		return z.errorf(z.line, "invalid character '%c' (U+%04X)", r, r)
	}
	return nil
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isStringPrefix(p string) bool {
	switch strings.ToLower(p) {
	case "r", "u", "b", "f", "br", "rb", "fr", "rf":
		return true
	}
	return false
}

// closer returns the bracket that closes open.
func closer(open byte) byte {
	switch open {
	case '(':
		return ')'
	case '[':
		return ']'
	}
	return '}'
}
