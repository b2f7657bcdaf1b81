// Package pystring is Python's string module (named so as not to shadow
// Go's string): its constants, capwords, and Template.
package pystring

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// Module is a Python module implemented in Go.
type Module = session.Module

// Library is the string module.
var Library = session.Library{Modules: modules, Docs: docs}

func modules(*session.Session) map[string]*Module {
	return map[string]*Module{"string": NewModule()}
}

const (
	lower       = "abcdefghijklmnopqrstuvwxyz"
	upper       = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits      = "0123456789"
	punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
	whitespace  = " \t\n\r\x0b\x0c"
)

// NewModule returns the string module.
func NewModule() *Module {
	return &Module{Name: "string", Members: starlark.StringDict{
		"ascii_letters":   starlark.String(lower + upper),
		"ascii_lowercase": starlark.String(lower),
		"ascii_uppercase": starlark.String(upper),
		"digits":          starlark.String(digits),
		"hexdigits":       starlark.String(digits + "abcdefABCDEF"),
		"octdigits":       starlark.String("01234567"),
		"punctuation":     starlark.String(punctuation),
		"whitespace":      starlark.String(whitespace),
		"printable":       starlark.String(digits + lower + upper + punctuation + whitespace),
		"capwords":        session.Builtin("capwords", capwords),
		"Template":        session.Builtin("Template", newTemplate),
	}}
}

// capitalize is Python's str.capitalize: the first character in title
// case, the others in lower case.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToTitle(r)) + strings.ToLower(s[n:])
}

func capwords(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s string
	var sep starlark.Value = starlark.None
	if err := starlark.UnpackArgs("capwords", args, kwargs, "s", &s, "sep?", &sep); err != nil {
		return nil, err
	}
	var words []string
	join := " "
	switch sv := sep.(type) {
	case starlark.NoneType:
		words = strings.FieldsFunc(s, unicode.IsSpace)
	case starlark.String:
		if sv == "" {
			return nil, fmt.Errorf("ValueError: empty separator")
		}
		words = strings.Split(s, string(sv))
		join = string(sv)
	default:
		return nil, fmt.Errorf("TypeError: must be str or None, not %s", session.TypeName(sep))
	}
	for i, w := range words {
		words[i] = capitalize(w)
	}
	return starlark.String(strings.Join(words, join)), nil
}

// template is a string.Template: $name, ${name} and $$ substitution.
type template struct {
	text string
}

var _ starlark.HasAttrs = (*template)(nil)

func newTemplate(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s string
	if err := starlark.UnpackArgs("Template", args, kwargs, "template", &s); err != nil {
		return nil, err
	}
	return &template{text: s}, nil
}

func (t *template) String() string        { return fmt.Sprintf("<string.Template object at %p>", t) }
func (t *template) Type() string          { return "string.Template" }
func (t *template) Freeze()               {}
func (t *template) Truth() starlark.Bool  { return true }
func (t *template) Hash() (uint32, error) { return starlark.String(t.text).Hash() }

// AttrNames implements starlark.HasAttrs.
func (t *template) AttrNames() []string {
	return []string{"get_identifiers", "is_valid", "safe_substitute", "substitute", "template"}
}

// Attr implements starlark.HasAttrs.
func (t *template) Attr(name string) (starlark.Value, error) {
	switch name {
	case "template":
		return starlark.String(t.text), nil
	case "substitute", "safe_substitute":
		safe := name == "safe_substitute"
		return session.Builtin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 1 {
				return nil, fmt.Errorf("TypeError: Template.%s() takes from 1 to 2 positional arguments but %d were given", name, len(args)+1)
			}
			var mapping starlark.Mapping
			if len(args) == 1 {
				m, ok := args[0].(starlark.Mapping)
				if !ok {
					return nil, fmt.Errorf("TypeError: '%s' object is not subscriptable", session.TypeName(args[0]))
				}
				mapping = m
			}
			lookup := func(key string) (starlark.Value, bool, error) {
				for _, kv := range kwargs {
					if string(kv[0].(starlark.String)) == key {
						return kv[1], true, nil
					}
				}
				if mapping != nil {
					return mapping.Get(starlark.String(key))
				}
				return nil, false, nil
			}
			s, err := t.substitute(lookup, safe)
			if err != nil {
				return nil, err
			}
			return starlark.String(s), nil
		}), nil
	case "get_identifiers", "is_valid":
		return session.Builtin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := session.NoArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			var ids []starlark.Value
			seen := map[string]bool{}
			valid := true
			t.scan(func(kind, id string, _ int) {
				switch kind {
				case "invalid":
					valid = false
				case "named", "braced":
					if !seen[id] {
						seen[id] = true
						ids = append(ids, starlark.String(id))
					}
				}
			})
			if name == "is_valid" {
				return starlark.Bool(valid), nil
			}
			return starlark.NewList(ids), nil
		}), nil
	}
	return nil, nil
}

func isIdentStart(c byte) bool {
	return c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func isIdent(c byte) bool { return isIdentStart(c) || ('0' <= c && c <= '9') }

// scan calls f for each placeholder in order, as Template's pattern
// matches them: "escaped" ($$), "named" ($id), "braced" (${id}) or
// "invalid" (a $ matching none), with the text's byte offset after the
// $; and with kind "text" for the text between them.
func (t *template) scan(f func(kind, text string, at int)) {
	s := t.text
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			continue
		}
		if i > last {
			f("text", s[last:i], last)
		}
		j := i + 1
		switch {
		case j < len(s) && s[j] == '$':
			f("escaped", "$", j)
			last = j + 1
		case j < len(s) && isIdentStart(s[j]):
			k := j + 1
			for k < len(s) && isIdent(s[k]) {
				k++
			}
			f("named", s[j:k], j)
			last = k
		case j+1 < len(s) && s[j] == '{' && isIdentStart(s[j+1]):
			k := j + 2
			for k < len(s) && isIdent(s[k]) {
				k++
			}
			if k < len(s) && s[k] == '}' {
				f("braced", s[j+1:k], j)
				last = k + 1
			} else {
				f("invalid", "$", j)
				last = j
			}
		default:
			f("invalid", "$", j)
			last = j
		}
		i = last - 1
	}
	if last < len(s) {
		f("text", s[last:], last)
	}
}

func (t *template) substitute(lookup func(string) (starlark.Value, bool, error), safe bool) (string, error) {
	var b strings.Builder
	var err error
	t.scan(func(kind, text string, at int) {
		if err != nil {
			return
		}
		switch kind {
		case "text", "escaped":
			b.WriteString(text)
		case "invalid":
			if safe {
				b.WriteString("$")
				return
			}
			// Python counts characters, and columns from the line's start.
			before := t.text[:at]
			line := strings.Count(before, "\n") + 1
			col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:])
			err = fmt.Errorf("ValueError: Invalid placeholder in string: line %d, col %d", line, col)
		default:
			v, found, lerr := lookup(text)
			if lerr != nil {
				err = lerr
				return
			}
			if !found {
				if safe {
					if kind == "braced" {
						b.WriteString("${" + text + "}")
					} else {
						b.WriteString("$" + text)
					}
					return
				}
				err = fmt.Errorf("KeyError: %s", session.Quote(text))
				return
			}
			b.WriteString(session.Str(v))
		}
	})
	return b.String(), err
}
