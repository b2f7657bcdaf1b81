package re

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Python's re flags, with CPython's values.
const (
	flagTemplate   = 1
	flagIgnoreCase = 2
	flagLocale     = 4
	flagMultiline  = 8
	flagDotAll     = 16
	flagUnicode    = 32
	flagVerbose    = 64
	flagDebug      = 128
	flagASCII      = 256
)

var flagNames = []struct {
	bit  int
	name string
}{
	{flagTemplate, "TEMPLATE"}, {flagIgnoreCase, "IGNORECASE"}, {flagLocale, "LOCALE"}, {flagMultiline, "MULTILINE"},
	{flagDotAll, "DOTALL"}, {flagUnicode, "UNICODE"}, {flagVerbose, "VERBOSE"}, {flagDebug, "DEBUG"}, {flagASCII, "ASCII"},
}

// reError is Python's re.error; the kernel shows it as CPython does.
func reError(format string, args ...any) error {
	return fmt.Errorf("re.error: "+format, args...)
}

// unsupported refuses a construct Go's RE2 engine lacks, by name.
func unsupported(what, instead string) error {
	return reError("Burst's re has no %s (its engine is Go's RE2, which matches in linear time without them); %s", what, instead)
}

// translated is a Python pattern rewritten in Go's syntax.
type translated struct {
	goExpr string
	flags  int // the pattern's flags, with its inline global flags
	groups int
	names  map[string]int
	// goExprNL is goExpr with Python's $ as Go's multi-line one, for
	// texts whose only newline ends them; empty when there is no $.
	goExprNL string
	// wordBoundary: the pattern has \b or \B, which RE2 knows only
	// between ASCII word characters.
	wordBoundary bool
}

// Unicode classes as Python's str patterns have them (Go's \d, \w and
// \s are ASCII only).
const (
	uniDigit = `\p{Nd}`
	uniWord  = `\p{L}\p{N}_`
	uniSpace = `\t\n\v\f\r \x{1c}-\x{1f}\x{85}\p{Z}`
)

// translate rewrites a Python pattern for Go's regexp: Python's error
// messages for malformed patterns (with CPython's positions), the
// constructs RE2 lacks refused by name, and what differs rewritten:
// \Z, {,n}, (?#…), \u/\U escapes, escaped spaces, VERBOSE, Unicode
// \d \w \s.
func translate(pattern string, flags int) (*translated, error) {
	p := []rune(pattern)
	t := &translated{flags: flags, names: map[string]int{}}
	var b strings.Builder
	type open struct{ pos int }
	var stack []open
	// canRepeat: the previous item can take a quantifier; repeated: 1
	// after a quantifier, 2 after a lazy one.
	canRepeat, repeated := false, 0
	i := 0
	// Global inline flags come first: (?i), (?x), (?aiLmsux).
	for i+2 < len(p) && p[i] == '(' && p[i+1] == '?' && strings.ContainsRune("aiLmsux", p[i+2]) {
		j := i + 2
		for j < len(p) && strings.ContainsRune("aiLmsux", p[j]) {
			j++
		}
		if j >= len(p) || p[j] != ')' {
			break
		}
		for _, c := range p[i+2 : j] {
			t.flags |= map[rune]int{'a': flagASCII, 'i': flagIgnoreCase, 'L': flagLocale, 'm': flagMultiline, 's': flagDotAll, 'u': flagUnicode, 'x': flagVerbose}[c]
		}
		i = j + 1
	}
	if t.flags&flagLocale != 0 {
		return nil, fmt.Errorf("ValueError: cannot use LOCALE flag with a str pattern")
	}
	if t.flags&flagASCII != 0 && t.flags&flagUnicode != 0 {
		return nil, fmt.Errorf("ValueError: ASCII and UNICODE flags are incompatible")
	}
	ascii := t.flags&flagASCII != 0
	verbose := t.flags&flagVerbose != 0
	class := func(c rune, inClass bool) (string, bool) {
		if ascii {
			// Go's are ASCII already, but for \v in Python's \s.
			switch {
			case c == 's' && inClass:
				return `\t\n\v\f\r `, true
			case c == 's':
				return `[\t\n\v\f\r ]`, true
			case c == 'S' && !inClass:
				return `[^\t\n\v\f\r ]`, true
			case strings.ContainsRune("dDwWS", c):
				return `\` + string(c), true
			}
			return "", false
		}
		switch c {
		case 'd':
			return uniDigit, true
		case 'w':
			if inClass {
				return uniWord, true
			}
			return "[" + uniWord + "]", true
		case 's':
			if inClass {
				return uniSpace, true
			}
			return "[" + uniSpace + "]", true
		case 'D':
			return `\P{Nd}`, true
		case 'W':
			if inClass {
				return `\W`, true
			}
			return "[^" + uniWord + "]", true
		case 'S':
			if inClass {
				return `\S`, true
			}
			return "[^" + uniSpace + "]", true
		}
		return "", false
	}
	// escape translates the escape at p[i] == '\\'; it returns the Go
	// text and the index after it.
	escape := func(i int, inClass bool) (string, int, error) {
		if i+1 >= len(p) {
			return "", 0, reError("bad escape (end of pattern) at position %d", i)
		}
		c := p[i+1]
		if s, ok := class(c, inClass); ok {
			return s, i + 2, nil
		}
		hex := func(n int) (string, int, error) {
			j := i + 2
			for j < len(p) && j < i+2+n && strings.ContainsRune("0123456789abcdefABCDEF", p[j]) {
				j++
			}
			if j-(i+2) != n {
				return "", 0, reError("incomplete escape \\%s at position %d", string(p[i+1:j]), i)
			}
			return `\x{` + string(p[i+2:j]) + `}`, j, nil
		}
		switch {
		case c == 'x':
			return hex(2)
		case c == 'u':
			return hex(4)
		case c == 'U':
			return hex(8)
		case c == 'N':
			return "", 0, unsupported(`named Unicode escapes \N{...}`, `write the character itself or \uXXXX`)
		case c == '0' || (inClass && c >= '1' && c <= '7'):
			// An octal escape: up to three digits.
			j := i + 1
			for j < len(p) && j < i+4 && p[j] >= '0' && p[j] <= '7' {
				j++
			}
			n, _ := strconv.ParseInt(string(p[i+1:j]), 8, 32)
			return fmt.Sprintf(`\x{%x}`, n), j, nil
		case c >= '1' && c <= '9':
			return "", 0, unsupported(fmt.Sprintf(`back-references (\%c) in patterns`, c), "capture the group and compare it in Python")
		case inClass && c == 'b':
			return `\x08`, i + 2, nil
		case !inClass && (c == 'A' || c == 'b' || c == 'B'):
			if c != 'A' && !ascii {
				t.wordBoundary = true
			}
			return `\` + string(c), i + 2, nil
		case !inClass && c == 'Z':
			return `\z`, i + 2, nil
		case c == 'a' || c == 'f' || c == 'n' || c == 'r' || c == 't' || c == 'v':
			return `\` + string(c), i + 2, nil
		case c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)):
			return "", 0, reError("bad escape \\%c at position %d", c, i)
		case c == ' ':
			return `\x20`, i + 2, nil
		case c == '\t':
			return `\t`, i + 2, nil
		case c == '\n':
			return `\n`, i + 2, nil
		case c == '\r':
			return `\r`, i + 2, nil
		case c == '\v':
			return `\v`, i + 2, nil
		case c == '\f':
			return `\f`, i + 2, nil
		case c < 128 && unicode.IsPunct(c) || unicode.IsSymbol(c) && c < 128:
			return `\` + string(c), i + 2, nil
		}
		return quoteRune(c), i + 2, nil
	}
	atStart := func() bool { return !canRepeat }
	for i < len(p) {
		c := p[i]
		if verbose && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
			i++
			continue
		}
		if verbose && c == '#' {
			for i < len(p) && p[i] != '\n' {
				i++
			}
			continue
		}
		switch c {
		case '\\':
			s, j, err := escape(i, false)
			if err != nil {
				return nil, err
			}
			b.WriteString(s)
			i = j
			// Python will not repeat an assertion: \b* is "nothing to
			// repeat".
			assertion := s == `\A` || s == `\b` || s == `\B` || s == `\z`
			canRepeat, repeated = !assertion, 0
		case '[':
			start := i
			i++
			b.WriteByte('[')
			if i < len(p) && p[i] == '^' {
				b.WriteByte('^')
				i++
			}
			first := true
			for {
				if i >= len(p) {
					return nil, reError("unterminated character set at position %d", start)
				}
				c := p[i]
				if c == ']' && !first {
					b.WriteByte(']')
					i++
					break
				}
				first = false
				switch c {
				case '\\':
					s, j, err := escape(i, true)
					if err != nil {
						return nil, err
					}
					b.WriteString(s)
					i = j
				case '[', ']':
					b.WriteString(`\` + string(c))
					i++
				default:
					b.WriteString(quoteRune(c))
					i++
				}
			}
			canRepeat, repeated = true, 0
		case '(':
			start := i
			rest := string(p[i+1:])
			switch {
			case strings.HasPrefix(rest, "?P<"):
				end := strings.IndexByte(rest, '>')
				if end < 0 {
					return nil, reError("missing >, unterminated name at position %d", i+4)
				}
				name := rest[3:end]
				if !isIdentifier(name) {
					return nil, reError("bad character in group name %s at position %d", pyQuote(name), i+4)
				}
				if _, dup := t.names[name]; dup {
					return nil, reError("redefinition of group name %s as group %d; was group %d at position %d", pyQuote(name), t.groups+1, t.names[name], i+4)
				}
				t.groups++
				t.names[name] = t.groups
				b.WriteString("(?P<" + name + ">")
				i += 1 + len([]rune(rest[:end+1]))
			case strings.HasPrefix(rest, "?P="):
				return nil, unsupported("back-references (?P=name) in patterns", "capture the group and compare it in Python")
			case strings.HasPrefix(rest, "?="):
				return nil, unsupported("look-ahead assertions (?=...)", "match more and check the rest in Python")
			case strings.HasPrefix(rest, "?!"):
				return nil, unsupported("negative look-ahead assertions (?!...)", "match more and check the rest in Python")
			case strings.HasPrefix(rest, "?<="):
				return nil, unsupported("look-behind assertions (?<=...)", "capture what comes before in a group instead")
			case strings.HasPrefix(rest, "?<!"):
				return nil, unsupported("negative look-behind assertions (?<!...)", "capture what comes before in a group and check it in Python")
			case strings.HasPrefix(rest, "?("):
				return nil, unsupported("conditional groups (?(id)yes|no)", "use two patterns")
			case strings.HasPrefix(rest, "?>"):
				return nil, unsupported("atomic groups (?>...)", "use a plain group (?:...)")
			case strings.HasPrefix(rest, "?#"):
				end := strings.IndexByte(rest, ')')
				if end < 0 {
					return nil, reError("missing ), unterminated comment at position %d", i)
				}
				i += 1 + len([]rune(rest[:end+1]))
				continue
			case strings.HasPrefix(rest, "?:"):
				b.WriteString("(?:")
				i += 3
			case strings.HasPrefix(rest, "?"):
				// Scoped flags (?i:...), (?-i:...).
				j := i + 2
				for j < len(p) && strings.ContainsRune("aiLmsux-", p[j]) {
					j++
				}
				if j == i+2 || j >= len(p) {
					if j < len(p) {
						ext := string(p[i+2])
						if p[i+2] == '\\' && i+3 < len(p) {
							ext += string(p[i+3])
						}
						return nil, reError("unknown extension ?%s at position %d", ext, i+1)
					}
					return nil, reError("unexpected end of pattern at position %d", j)
				}
				if p[j] == ')' {
					return nil, reError("global flags not at the start of the expression at position %d", i)
				}
				if p[j] != ':' {
					return nil, reError("unknown flag at position %d", j)
				}
				var fl strings.Builder
				for _, f := range p[i+2 : j] {
					switch f {
					case 'x':
						return nil, unsupported("scoped VERBOSE groups (?x:...)", "pass re.VERBOSE for the whole pattern")
					case 'L':
						return nil, fmt.Errorf("ValueError: cannot use LOCALE flag with a str pattern")
					case 'a', 'u':
					default:
						fl.WriteRune(f)
					}
				}
				if s := strings.TrimSuffix(fl.String(), "-"); s != "" {
					b.WriteString("(?" + s + ":")
				} else {
					b.WriteString("(?:")
				}
				i = j + 1
			default:
				t.groups++
				b.WriteByte('(')
				i++
			}
			stack = append(stack, open{start})
			canRepeat, repeated = false, 0
		case ')':
			if len(stack) == 0 {
				return nil, reError("unbalanced parenthesis at position %d", i)
			}
			stack = stack[:len(stack)-1]
			b.WriteByte(')')
			i++
			canRepeat, repeated = true, 0
		case '|':
			b.WriteByte('|')
			i++
			canRepeat, repeated = false, 0
		case '*', '+', '?', '{':
			if c == '{' {
				m, n, j, ok := repeatBounds(p, i)
				if !ok {
					b.WriteString(`\{`)
					i++
					canRepeat, repeated = true, 0
					continue
				}
				if repeated > 0 {
					return nil, reError("multiple repeat at position %d", i)
				}
				if atStart() {
					return nil, reError("nothing to repeat at position %d", i)
				}
				if m == "" {
					m = "0"
				}
				if n == "-" {
					b.WriteString("{" + m + "}")
				} else {
					b.WriteString("{" + m + "," + n + "}")
				}
				i = j
			} else {
				switch {
				case repeated == 1 && c == '?':
					// A lazy quantifier.
					b.WriteByte('?')
					i++
					repeated = 2
					continue
				case repeated == 1 && c == '+':
					return nil, unsupported("possessive quantifiers (*+, ++, ?+, {m,n}+)", "use the plain quantifier")
				case repeated > 0:
					return nil, reError("multiple repeat at position %d", i)
				case atStart():
					return nil, reError("nothing to repeat at position %d", i)
				}
				b.WriteRune(c)
				i++
			}
			repeated = 1
		case '$':
			// Python's $ also matches before a newline that ends the
			// text; Go's only at the end (see Pattern.finalNL).
			b.WriteString(dollarMark)
			i++
			canRepeat, repeated = false, 0
		case '^', '.':
			b.WriteRune(c)
			i++
			canRepeat, repeated = c == '.', 0
		default:
			b.WriteString(quoteRune(c))
			i++
			canRepeat, repeated = true, 0
		}
	}
	if len(stack) > 0 {
		return nil, reError("missing ), unterminated subpattern at position %d", stack[len(stack)-1].pos)
	}
	var prefix string
	for _, f := range []struct {
		bit int
		c   string
	}{{flagIgnoreCase, "i"}, {flagMultiline, "m"}, {flagDotAll, "s"}} {
		if t.flags&f.bit != 0 {
			prefix += f.c
		}
	}
	expr := b.String()
	if prefix != "" {
		expr = "(?" + prefix + ")" + expr
	}
	t.goExpr = strings.ReplaceAll(expr, dollarMark, "$")
	if strings.Contains(expr, dollarMark) && t.flags&flagMultiline == 0 {
		t.goExprNL = strings.ReplaceAll(expr, dollarMark, "(?m:$)")
	}
	return t, nil
}

// dollarMark stands for $ while translating: a character no translated
// pattern otherwise holds (a noncharacter, written escaped elsewhere).
const dollarMark = "\uFDD0"

// repeatBounds reads {m}, {m,}, {,n} or {m,n} at p[i]; n is "" for an
// open bound and "-" for {m}. ok is false when the brace is a literal,
// as Python reads it then.
func repeatBounds(p []rune, i int) (m, n string, end int, ok bool) {
	j := i + 1
	digits := func() string {
		k := j
		for j < len(p) && p[j] >= '0' && p[j] <= '9' {
			j++
		}
		return string(p[k:j])
	}
	m = digits()
	if j < len(p) && p[j] == '}' {
		if m == "" {
			return "", "", 0, false
		}
		return m, "-", j + 1, true
	}
	if j >= len(p) || p[j] != ',' {
		return "", "", 0, false
	}
	j++
	n = digits()
	if j >= len(p) || p[j] != '}' {
		return "", "", 0, false
	}
	return m, n, j + 1, true
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return true
}

// quoteRune writes a literal character for Go's parser.
func quoteRune(c rune) string {
	if c < 128 && strings.ContainsRune(`\.+*?()|[]{}^$`, c) {
		return `\` + string(c)
	}
	if string(c) == dollarMark {
		return `\x{fdd0}`
	}
	return string(c)
}
