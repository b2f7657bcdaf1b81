package python

import (
	"fmt"
	"strings"
)

// A token of Python source, as much as the text rewrites need: names,
// strings (with their prefix), comments, and brackets.
type token struct {
	kind       tokenKind
	start, end int // byte offsets in the source
	line       int // 1-based line of start
}

type tokenKind int

const (
	tName tokenKind = iota
	tString
	tComment
	tOpen  // ( [ {
	tClose // ) ] }
	tOther // numbers, operators
)

// scan splits translated source into the tokens of the text rewrites,
// with Tokenize; it never fails: on text Python cannot tokenize it
// returns the tokens before the error, and indentation is not checked.
func scan(src string) []token {
	z := tokenizer{src: src, line: 1, indents: []int{0}, lenient: true}
	all, _ := z.run()
	toks := make([]token, 0, len(all))
	for _, t := range all {
		k := tOther
		switch t.Kind {
		case NAME:
			k = tName
		case STRING:
			k = tString
		case COMMENT:
			k = tComment
		case OP:
			switch src[t.Start] {
			case '(', '[', '{':
				k = tOpen
			case ')', ']', '}':
				k = tClose
			}
		case NUMBER:
		case MAGIC:
			k = tComment
		default:
			continue
		}
		toks = append(toks, token{k, t.Start, t.End, t.Line})
	}
	return toks
}

// stringEnd returns the end of the string literal whose quote is at q, and
// the newlines it spans.
func stringEnd(src string, q int, raw bool) (int, int) {
	quote := src[q : q+1]
	if strings.HasPrefix(src[q:], strings.Repeat(quote, 3)) {
		quote = strings.Repeat(quote, 3)
	}
	lines := 0
	i := q + len(quote)
	for i < len(src) {
		switch {
		case src[i] == '\\' && i+1 < len(src):
			if src[i+1] == '\n' {
				lines++
			}
			i += 2
			continue
		case strings.HasPrefix(src[i:], quote):
			return i + len(quote), lines
		case src[i] == '\n':
			if len(quote) == 1 {
				return i, lines
			}
			lines++
		}
		i++
	}
	return len(src), lines
}

// fstring rewrites an f-string literal (prefix included) into a call
// _fstr(piece, ...) of its literal parts and _fv(value, spec, conv) for
// each replacement field, keeping its newlines so lines do not move.
func fstring(lit string, line int) (string, error) {
	p := 0
	for p < len(lit) && lit[p] != '\'' && lit[p] != '"' {
		p++
	}
	prefix := starlarkString(strings.NewReplacer("f", "", "F", "").Replace(lit[:p]) + `""`)
	prefix = prefix[:len(prefix)-2]
	quote := lit[p : p+1]
	if strings.HasPrefix(lit[p:], strings.Repeat(quote, 3)) {
		quote = strings.Repeat(quote, 3)
	}
	body := lit[p+len(quote):]
	if !strings.HasSuffix(body, quote) || len(body) < len(quote) {
		return "", &TranslateError{line, "this f-string is not closed"}
	}
	body = body[:len(body)-len(quote)]
	var pieces []string
	var text strings.Builder
	flushText := func() {
		if text.Len() > 0 {
			pieces = append(pieces, starlarkString(prefix+quote+text.String()+quote))
			text.Reset()
		}
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '\\' && i+1 < len(body) && (body[i+1] == '{' || body[i+1] == '}'):
			// Before a brace, a backslash is text.
			flushText()
			pieces = append(pieces, `"\\"`)
		case c == '\\' && i+1 < len(body):
			text.WriteString(body[i : i+2])
			i++
		case c == '{' && i+1 < len(body) && body[i+1] == '{':
			text.WriteByte('{')
			i++
		case c == '}' && i+1 < len(body) && body[i+1] == '}':
			text.WriteByte('}')
			i++
		case c == '}':
			return "", &TranslateError{line, "f-string: single '}' is not allowed"}
		case c == '{':
			end, err := fieldEnd(body, i+1, line)
			if err != nil {
				return "", err
			}
			field := body[i+1 : end]
			i = end
			expr, conv, spec, debug := splitField(field)
			if strings.TrimSpace(expr) == "" {
				return "", &TranslateError{line, "f-string: empty expression not allowed"}
			}
			if conv != "" && conv != "r" && conv != "s" && conv != "a" {
				return "", &TranslateError{line, fmt.Sprintf("f-string: invalid conversion character %q: expected 's', 'r', or 'a'", conv)}
			}
			if debug != "" {
				text.WriteString(strings.ReplaceAll(debug, quote[:1], `\`+quote[:1]))
				if conv == "" && spec == "" {
					conv = "r"
				}
			}
			flushText()
			specExpr := `""`
			if strings.Contains(spec, "{") {
				s, err := fstring("f"+quote+spec+quote, line)
				if err != nil {
					return "", err
				}
				specExpr = s
			} else if spec != "" {
				specExpr = fmt.Sprintf("%q", spec)
			}
			pieces = append(pieces, fmt.Sprintf("_fv((%s), %s, %q)", expr, specExpr, conv))
		default:
			text.WriteByte(c)
		}
	}
	flushText()
	if len(pieces) == 0 {
		return prefix + quote + quote, nil
	}
	return "_fstr(" + strings.Join(pieces, ", ") + ")", nil
}

// fieldEnd returns the index of the '}' closing the replacement field
// that starts at i, skipping nested brackets and strings.
func fieldEnd(s string, i, line int) (int, error) {
	depth := 0
	for ; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[', '{':
			depth++
		case ')', ']':
			depth--
		case '}':
			if depth == 0 {
				return i, nil
			}
			depth--
		case '\'', '"':
			end, _ := stringEnd(s, i, false)
			i = end - 1
		}
	}
	return 0, &TranslateError{line, "f-string: expecting '}'"}
}

// splitField splits a replacement field into its expression, conversion
// (!r), format spec (:.2f) and, for {x = }, the text printed before the
// value.
func splitField(f string) (expr, conv, spec, debug string) {
	depth := 0
	end := len(f)
	for i := 0; i < len(f); i++ {
		switch c := f[i]; c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '\'', '"':
			e, _ := stringEnd(f, i, false)
			i = e - 1
		case '!':
			if depth == 0 && i+1 < len(f) && f[i+1] != '=' {
				end = min(end, i)
				conv = strings.TrimSpace(f[i+1:])
				if k := strings.IndexByte(conv, ':'); k >= 0 {
					spec = conv[k+1:]
					conv = conv[:k]
				}
				i = len(f)
			}
		case ':':
			if depth == 0 {
				end = min(end, i)
				spec = f[i+1:]
				i = len(f)
			}
		}
	}
	expr = f[:end]
	t := strings.TrimRight(expr, " ")
	if strings.HasSuffix(t, "=") && !strings.HasSuffix(t, "==") && !strings.HasSuffix(t, "!=") &&
		!strings.HasSuffix(t, "<=") && !strings.HasSuffix(t, ">=") {
		debug = expr
		expr = strings.TrimSuffix(t, "=")
	}
	return expr, conv, spec, debug
}
