package python

import (
	"fmt"
	"strings"
)

// A token of Python source, as much as the translator needs: names,
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

// scan splits Python source into tokens. It never fails: an unterminated
// string ends at the end of its line (or of the source, if triple-quoted),
// for the parser to report.
func scan(src string) []token {
	var toks []token
	line := 1
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == '\\' && i+1 < len(src) && src[i+1] == '\n':
			i++
		case c == '#':
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				j = len(src) - i
			}
			toks = append(toks, token{tComment, i, i + j, line})
			i += j
		case isIdentStart(c):
			j := i + 1
			for j < len(src) && (isIdent(src[j]) || src[j] >= 0x80) {
				j++
			}
			if j < len(src) && (src[j] == '\'' || src[j] == '"') && j-i <= 2 && isStringPrefix(src[i:j]) {
				end, lines := stringEnd(src, j, strings.ContainsAny(src[i:j], "rR"))
				toks = append(toks, token{tString, i, end, line})
				line += lines
				i = end
				continue
			}
			toks = append(toks, token{tName, i, j, line})
			i = j
		case c == '\'' || c == '"':
			end, lines := stringEnd(src, i, false)
			toks = append(toks, token{tString, i, end, line})
			line += lines
			i = end
		case c == '(' || c == '[' || c == '{':
			toks = append(toks, token{tOpen, i, i + 1, line})
			i++
		case c == ')' || c == ']' || c == '}':
			toks = append(toks, token{tClose, i, i + 1, line})
			i++
		default:
			j := i + 1
			if c >= '0' && c <= '9' || c == '.' && j < len(src) && src[j] >= '0' && src[j] <= '9' {
				for j < len(src) && (isIdent(src[j]) || src[j] == '.') {
					j++
				}
			}
			toks = append(toks, token{tOther, i, j, line})
			i = j
		}
	}
	return toks
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isStringPrefix(p string) bool {
	switch strings.ToLower(p) {
	case "r", "u", "b", "f", "br", "rb", "fr", "rf":
		return true
	}
	return false
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
	prefix := strings.NewReplacer("f", "", "F", "").Replace(lit[:p])
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
			pieces = append(pieces, prefix+quote+text.String()+quote)
			text.Reset()
		}
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
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
