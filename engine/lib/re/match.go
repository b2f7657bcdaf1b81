package re

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// Match is a successful match (re.Match).
type Match struct {
	p           *Pattern
	s           string
	loc         []int // byte offsets of the groups, -1 when unmatched
	pos, endpos int   // in characters, as given
}

var (
	_ starlark.HasAttrs = (*Match)(nil)
	_ starlark.Mapping  = (*Match)(nil)
)

func (m *Match) String() string {
	return fmt.Sprintf("<re.Match object; span=(%d, %d), match=%s>", charOffset(m.s, m.loc[0]), charOffset(m.s, m.loc[1]), reprAtMost(m.s[m.loc[0]:m.loc[1]], 50))
}
func (m *Match) Type() string                 { return "re.Match" }
func (m *Match) PyClass() string              { return "re.Match" }
func (m *Match) InstanceOf(class string) bool { return class == "Match" }
func (m *Match) Freeze()                      {}
func (m *Match) Truth() starlark.Bool         { return true }
func (m *Match) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 're.Match'")
}

// index finds a group by number or name.
func (m *Match) index(g starlark.Value) (int, error) {
	switch g := g.(type) {
	case starlark.Int:
		i, ok := g.Int64()
		if ok && i >= 0 && int(i) <= m.p.t.groups {
			return int(i), nil
		}
	case starlark.String:
		if i, ok := m.p.t.names[string(g)]; ok {
			return i, nil
		}
	}
	return 0, fmt.Errorf("IndexError: no such group")
}

// group is group g's text, or def when it did not take part.
func (m *Match) group(g int, def starlark.Value) starlark.Value {
	if m.loc[2*g] < 0 {
		return def
	}
	return starlark.String(m.s[m.loc[2*g]:m.loc[2*g+1]])
}

// Get is m[g].
func (m *Match) Get(k starlark.Value) (starlark.Value, bool, error) {
	g, err := m.index(k)
	if err != nil {
		return nil, false, err
	}
	return m.group(g, starlark.None), true, nil
}

func (m *Match) AttrNames() []string {
	return []string{"end", "endpos", "expand", "group", "groupdict", "groups", "lastgroup", "lastindex", "pos", "re", "span", "start", "string"}
}

// Attr gives the match's attributes and methods.
func (m *Match) Attr(name string) (starlark.Value, error) {
	switch name {
	case "string":
		return starlark.String(m.s), nil
	case "re":
		return m.p, nil
	case "pos":
		return starlark.MakeInt(m.pos), nil
	case "endpos":
		return starlark.MakeInt(m.endpos), nil
	case "lastindex", "lastgroup":
		// The last group to close: the one ending last, the outer one
		// when two end together.
		last, end := 0, -1
		for g := 1; g <= m.p.t.groups; g++ {
			if m.loc[2*g] >= 0 && m.loc[2*g+1] > end {
				last, end = g, m.loc[2*g+1]
			}
		}
		if last == 0 {
			return starlark.None, nil
		}
		if name == "lastindex" {
			return starlark.MakeInt(last), nil
		}
		for n, i := range m.p.t.names {
			if i == last {
				return starlark.String(n), nil
			}
		}
		return starlark.None, nil
	}
	fn, ok := map[string]session.Func{
		"group": m.groupMethod, "groups": m.groupsMethod, "groupdict": m.groupdict,
		"start": m.position(0), "end": m.position(1), "span": m.position(2), "expand": m.expand,
	}[name]
	if !ok {
		return nil, fmt.Errorf("AttributeError: 're.Match' object has no attribute '%s'", name)
	}
	return starlark.NewBuiltin("Match."+name, fn), nil
}

func (m *Match) groupMethod(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: Match.group() takes no keyword arguments")
	}
	if len(args) == 0 {
		args = starlark.Tuple{starlark.MakeInt(0)}
	}
	out := make(starlark.Tuple, len(args))
	for i, a := range args {
		g, err := m.index(a)
		if err != nil {
			return nil, err
		}
		out[i] = m.group(g, starlark.None)
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return out, nil
}

func (m *Match) groupsMethod(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var def starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "default?", &def); err != nil {
		return nil, err
	}
	out := make(starlark.Tuple, m.p.t.groups)
	for g := range out {
		out[g] = m.group(g+1, def)
	}
	return out, nil
}

func (m *Match) groupdict(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var def starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "default?", &def); err != nil {
		return nil, err
	}
	d := starlark.NewDict(len(m.p.t.names))
	for _, n := range m.p.groupNames() {
		d.SetKey(starlark.String(n), m.group(m.p.t.names[n], def))
	}
	return d, nil
}

// position is start (0), end (1) and span (2) of a group, in
// characters; -1 for a group that did not take part.
func (m *Match) position(which int) session.Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var gv starlark.Value = starlark.MakeInt(0)
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &gv); err != nil {
			return nil, err
		}
		g, err := m.index(gv)
		if err != nil {
			return nil, err
		}
		start, end := charOffset(m.s, m.loc[2*g]), charOffset(m.s, m.loc[2*g+1])
		switch which {
		case 0:
			return starlark.MakeInt(start), nil
		case 1:
			return starlark.MakeInt(end), nil
		}
		return starlark.Tuple{starlark.MakeInt(start), starlark.MakeInt(end)}, nil
	}
}

func (m *Match) expand(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &s); err != nil {
		return nil, err
	}
	t, err := m.p.parseTemplate(s)
	if err != nil {
		return nil, err
	}
	return starlark.String(t.expand(m)), nil
}

// template is a replacement string: literal text and group references.
type template []struct {
	text  string
	group int // -1 for text
}

func (t template) expand(m *Match) string {
	var b strings.Builder
	for _, part := range t {
		if part.group < 0 {
			b.WriteString(part.text)
		} else if m.loc[2*part.group] >= 0 {
			b.WriteString(m.s[m.loc[2*part.group]:m.loc[2*part.group+1]])
		}
	}
	return b.String()
}

// parseTemplate reads a replacement as CPython does: \1 … \99,
// \g<n>, \g<name>, the escapes \n \t …, octal \0 and \ooo; an unknown
// escape of an ASCII letter is an error.
func (p *Pattern) parseTemplate(s string) (template, error) {
	r := []rune(s)
	var t template
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			t = append(t, struct {
				text  string
				group int
			}{lit.String(), -1})
			lit.Reset()
		}
	}
	ref := func(g int) {
		flush()
		t = append(t, struct {
			text  string
			group int
		}{"", g})
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		if c != '\\' {
			lit.WriteRune(c)
			continue
		}
		if i+1 >= len(r) {
			return nil, reError("bad escape (end of pattern) at position %d", i)
		}
		c = r[i+1]
		switch {
		case c == 'g':
			if i+2 >= len(r) || r[i+2] != '<' {
				return nil, reError("missing < at position %d", i+2)
			}
			end := -1
			for j := i + 3; j < len(r); j++ {
				if r[j] == '>' {
					end = j
					break
				}
			}
			if end < 0 {
				return nil, reError("missing >, unterminated name at position %d", i+3)
			}
			name := string(r[i+3 : end])
			if name == "" {
				return nil, reError("missing group name at position %d", i+3)
			}
			g, err := strconv.Atoi(name)
			if err != nil {
				if !isIdentifier(name) {
					return nil, reError("bad character in group name %s at position %d", pyQuote(name), i+3)
				}
				var ok bool
				if g, ok = p.t.names[name]; !ok {
					return nil, fmt.Errorf("IndexError: unknown group name %s", pyQuote(name))
				}
			} else if g > p.t.groups {
				return nil, reError("invalid group reference %d at position %d", g, i+3)
			}
			ref(g)
			i = end
		case c == '0':
			j := i + 1
			for j < len(r) && j < i+4 && r[j] >= '0' && r[j] <= '7' {
				j++
			}
			n, _ := strconv.ParseInt(string(r[i+1:j]), 8, 32)
			lit.WriteRune(rune(n))
			i = j - 1
		case c >= '1' && c <= '9':
			j := i + 2
			if j < len(r) && r[j] >= '0' && r[j] <= '9' {
				// Three octal digits are a character: \101 is 'A'.
				if j+1 < len(r) && r[j+1] >= '0' && r[j+1] <= '7' && c <= '7' && r[j] <= '7' {
					n, _ := strconv.ParseInt(string(r[i+1:j+2]), 8, 32)
					lit.WriteRune(rune(n))
					i = j + 1
					continue
				}
				j++
			}
			g, _ := strconv.Atoi(string(r[i+1 : j]))
			if g > p.t.groups {
				return nil, reError("invalid group reference %d at position %d", g, i+1)
			}
			ref(g)
			i = j - 1
		default:
			if e, ok := map[rune]string{'a': "\a", 'b': "\b", 'f': "\f", 'n': "\n", 'r': "\r", 't': "\t", 'v': "\v", '\\': "\\"}[c]; ok {
				lit.WriteString(e)
			} else if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
				return nil, reError("bad escape \\%c at position %d", c, i)
			} else {
				lit.WriteRune('\\')
				lit.WriteRune(c)
			}
			i++
		}
	}
	flush()
	return t, nil
}
