// Package re is Python's re module for cells, on Go's regexp: Python's
// syntax is translated where it differs, and what RE2 cannot do
// (look-around, back-references in patterns, conditionals, possessive
// and atomic groups) is refused by name in an re.error. Python's $
// (without MULTILINE) also matches before a final newline: Burst runs
// Go's multi-line $ when that newline is the text's only one (a line
// read from a file), and otherwise also tries the text without it. \b
// and \B are RE2's ASCII word boundaries, so a text with non-ASCII
// letters is refused for them unless re.ASCII says so.
package re

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// Library is the re module.
var Library = session.Library{Modules: modules, Docs: docs, MethodDocs: methodDocs}

// cacheKey is the session state holding compiled patterns.
type cacheKey struct{}

type cacheEntry struct {
	pattern string
	flags   int
}

// cache keeps the patterns module functions compiled, as CPython's re
// does, so a loop calling re.match compiles once.
type cache struct {
	mu sync.Mutex
	m  map[cacheEntry]*Pattern
}

const cacheSize = 512

func modules(s *session.Session) map[string]*session.Module {
	var c *cache
	if s != nil {
		c = s.State(cacheKey{}, func() any { return &cache{m: map[cacheEntry]*Pattern{}} }).(*cache)
	}
	compile := func(pattern starlark.Value, flags int) (*Pattern, error) {
		if p, ok := pattern.(*Pattern); ok {
			if flags != 0 {
				return nil, fmt.Errorf("ValueError: cannot process flags argument with a compiled pattern")
			}
			return p, nil
		}
		str, ok := pattern.(starlark.String)
		if !ok {
			return nil, fmt.Errorf("TypeError: first argument must be string or compiled pattern")
		}
		key := cacheEntry{string(str), flags}
		if c != nil {
			c.mu.Lock()
			p := c.m[key]
			c.mu.Unlock()
			if p != nil {
				return p, nil
			}
		}
		p, err := Compile(string(str), flags)
		if err != nil {
			return nil, err
		}
		if c != nil {
			c.mu.Lock()
			if len(c.m) >= cacheSize {
				c.m = map[cacheEntry]*Pattern{}
			}
			c.m[key] = p
			c.mu.Unlock()
		}
		return p, nil
	}
	members := starlark.StringDict{
		"compile": session.Builtin("compile", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var pattern starlark.Value
			flags := 0
			if err := starlark.UnpackArgs("compile", args, kwargs, "pattern", &pattern, "flags?", &flags); err != nil {
				return nil, err
			}
			return compile(pattern, flags)
		}),
		"escape": session.Builtin("escape", escape),
		"purge": session.Builtin("purge", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if c != nil {
				c.mu.Lock()
				c.m = map[cacheEntry]*Pattern{}
				c.mu.Unlock()
			}
			return starlark.None, session.NoArgs(b, args, kwargs)
		}),
		"error":   &session.TypeObject{Name: "re.error"},
		"Pattern": &session.TypeObject{Name: "re.Pattern"},
		"Match":   &session.TypeObject{Name: "re.Match"},
	}
	// The module's functions are the pattern's methods with the pattern
	// (and flags) first.
	for _, name := range []string{"match", "fullmatch", "search", "findall", "finditer", "sub", "subn", "split"} {
		name := name
		params := map[string][]string{
			"sub":   {"pattern", "repl", "string", "count?", "flags?"},
			"subn":  {"pattern", "repl", "string", "count?", "flags?"},
			"split": {"pattern", "string", "maxsplit?", "flags?"},
		}[name]
		if params == nil {
			params = []string{"pattern", "string", "flags?"}
		}
		members[name] = session.Builtin(name, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			vals := make([]starlark.Value, len(params))
			pairs := make([]any, 0, 2*len(params))
			for i, p := range params {
				pairs = append(pairs, p, &vals[i])
			}
			if err := starlark.UnpackArgs(name, args, kwargs, pairs...); err != nil {
				return nil, err
			}
			flags := 0
			if f := vals[len(vals)-1]; f != nil && strings.HasPrefix(params[len(params)-1], "flags") {
				n, err := starlark.AsInt32(f)
				if err != nil {
					return nil, fmt.Errorf("TypeError: flags must be an int, not %s", session.TypeName(f))
				}
				flags = n
				vals = vals[:len(vals)-1]
			} else if strings.HasPrefix(params[len(params)-1], "flags") {
				vals = vals[:len(vals)-1]
			}
			p, err := compile(vals[0], flags)
			if err != nil {
				return nil, err
			}
			var rest starlark.Tuple
			for _, v := range vals[1:] {
				if v == nil {
					break
				}
				rest = append(rest, v)
			}
			m, _ := p.Attr(name)
			return starlark.Call(th, m, rest, nil)
		})
	}
	for _, f := range flagNames {
		if f.bit == flagTemplate || f.bit == flagDebug {
			continue
		}
		members[f.name] = starlark.MakeInt(f.bit)
	}
	for short, long := range map[string]string{"I": "IGNORECASE", "L": "LOCALE", "M": "MULTILINE", "S": "DOTALL", "U": "UNICODE", "X": "VERBOSE", "A": "ASCII"} {
		members[short] = members[long]
	}
	members["NOFLAG"] = starlark.MakeInt(0)
	return map[string]*session.Module{"re": {Name: "re", Members: members}}
}

// escape is re.escape: a backslash before the characters special in
// patterns, as CPython 3.7 on escapes.
func escape(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s string
	if err := starlark.UnpackPositionalArgs("escape", args, kwargs, 1, &s); err != nil {
		return nil, err
	}
	var out strings.Builder
	for _, r := range s {
		if strings.ContainsRune("()[]{}?*+-|^$\\.&~# \t\n\r\v\f", r) {
			out.WriteByte('\\')
		}
		out.WriteRune(r)
	}
	return starlark.String(out.String()), nil
}

// Pattern is a compiled regular expression (re.Pattern).
type Pattern struct {
	pattern string
	flags   int
	t       *translated
	main    *engine
	// finalNL runs the pattern on a text whose only newline ends it:
	// there Python's $ also matches before the newline (a line read from
	// a file), as Go's multi-line $ does. nil when the pattern has no $.
	finalNL *engine
}

// engine is a pattern in Go's syntax compiled for the three ways of
// matching, each with the whole pattern as group 1, and with one
// character of context before the start position (so ^, \b and \A see
// what precedes it, as CPython's pos does).
type engine struct {
	goExpr                       string
	groups                       int
	search, match, full          *regexp.Regexp
	once                         sync.Once
	searchCtx, matchCtx, fullCtx *regexp.Regexp
	ctxErr                       error

	// The pattern rewritten to match only non-empty text, anchored, for
	// the match after an empty one (see nonempty.go).
	neOnce     sync.Once
	ne0, neCtx *nonEmptyRegexp
	neErr      error
}

// Compile compiles a Python pattern with Python's flags.
func Compile(pattern string, flags int) (*Pattern, error) {
	if flags&flagDebug != 0 {
		return nil, unsupported("DEBUG flag", "leave it out")
	}
	t, err := translate(pattern, flags)
	if err != nil {
		return nil, err
	}
	p := &Pattern{pattern: pattern, flags: t.flags, t: t}
	if p.flags&flagASCII == 0 {
		p.flags |= flagUnicode
	}
	if p.main, err = newEngine(t.goExpr, t.groups); err != nil {
		return nil, err
	}
	if p.main.search.NumSubexp() != t.groups+1 {
		return nil, fmt.Errorf("re.error: Burst miscounted the groups of %s (a bug in Burst)", pyQuote(pattern))
	}
	if t.goExprNL != "" {
		if p.finalNL, err = newEngine(t.goExprNL, t.groups); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func newEngine(goExpr string, groups int) (*engine, error) {
	e := &engine{goExpr: goExpr, groups: groups}
	build := func(prefix, suffix string) (*regexp.Regexp, error) {
		re, err := regexp.Compile(prefix + "(" + goExpr + ")" + suffix)
		if err != nil {
			return nil, goError(err)
		}
		return re, nil
	}
	var err error
	if e.search, err = build("", ""); err != nil {
		return nil, err
	}
	if e.match, err = build(`\A`, ""); err != nil {
		return nil, err
	}
	if e.full, err = build(`\A`, `\z`); err != nil {
		return nil, err
	}
	return e, nil
}

func (e *engine) contexts() error {
	e.once.Do(func() {
		var err error
		c := func(prefix, suffix string) *regexp.Regexp {
			re, ce := regexp.Compile(prefix + "(" + e.goExpr + ")" + suffix)
			if ce != nil && err == nil {
				err = goError(ce)
			}
			return re
		}
		e.searchCtx = c(`\A(?s:.)(?s:.*?)`, "")
		e.matchCtx = c(`\A(?s:.)`, "")
		e.fullCtx = c(`\A(?s:.)`, `\z`)
		e.ctxErr = err
	})
	return e.ctxErr
}

// engineFor is the engine that gives Python's $ on text (exec also
// handles a final newline after others).
func (p *Pattern) engineFor(text string) *engine {
	if p.finalNL != nil && strings.IndexByte(text, '\n') == len(text)-1 {
		return p.finalNL
	}
	return p.main
}

// goError words Go's complaint about a translated pattern as re.error.
func goError(err error) error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "error parsing regexp: ")
	return reError("%s", msg)
}

type mode int

const (
	modeSearch mode = iota
	modeMatch
	modeFull
)

// exec matches s[:end] at or after byte offset pos; it returns the
// byte offsets of the groups (group 0 first), -1 for those that did not
// take part, or nil.
func (p *Pattern) exec(s string, pos, end int, m mode) ([]int, error) {
	text := s[:end]
	e := p.engineFor(text)
	loc, err := e.run(text, pos, m)
	if err != nil {
		return nil, err
	}
	if e == p.main && p.finalNL != nil && m != modeFull && pos < len(text) && text[len(text)-1] == '\n' {
		// Python's $ also matches before the final newline, and this
		// text has others (see engineFor): a match that needs it starts
		// earlier in the text without that newline.
		short, err := e.run(text[:len(text)-1], pos, m)
		if err != nil {
			return nil, err
		}
		if short != nil && (loc == nil || short[0] < loc[0]) {
			loc = short
		}
	}
	return loc, nil
}

// run matches text at or after byte offset pos.
func (e *engine) run(text string, pos int, m mode) ([]int, error) {
	var re *regexp.Regexp
	q := 0
	if pos == 0 {
		re = [...]*regexp.Regexp{e.search, e.match, e.full}[m]
	} else {
		if err := e.contexts(); err != nil {
			return nil, err
		}
		_, w := utf8.DecodeLastRuneInString(text[:pos])
		q = pos - w
		re = [...]*regexp.Regexp{e.searchCtx, e.matchCtx, e.fullCtx}[m]
	}
	loc := re.FindStringSubmatchIndex(text[q:])
	if loc == nil {
		return nil, nil
	}
	out := loc[2:]
	for i := range out {
		if out[i] >= 0 {
			out[i] += q
		}
	}
	return out, nil
}

// each calls f with the successive matches of s[pos:end], as CPython
// finds them for findall, finditer, sub and split: after an empty match
// the next one must start further on.
func (p *Pattern) each(s string, pos, end, limit int, f func(loc []int) error) error {
	mustAdvance := false
	for n := 0; pos <= end && (limit <= 0 || n < limit); n++ {
		loc, err := p.exec(s, pos, end, modeSearch)
		if err != nil || loc == nil {
			return err
		}
		if mustAdvance && loc[0] == pos && loc[1] == pos {
			if pos >= end {
				return nil
			}
			ne, err := p.nonEmptyAt(s, pos, end)
			if err != nil {
				return err
			}
			if loc = ne; loc == nil {
				_, w := utf8.DecodeRuneInString(s[pos:])
				if loc, err = p.exec(s, pos+w, end, modeSearch); err != nil || loc == nil {
					return err
				}
			}
		}
		if err := f(loc); err != nil {
			return err
		}
		mustAdvance = loc[0] == loc[1]
		pos = loc[1]
	}
	return nil
}

// nonEmptyAt is the pattern's first non-empty match starting at byte
// offset pos of s[:end], or nil.
func (p *Pattern) nonEmptyAt(s string, pos, end int) ([]int, error) {
	text := s[:end]
	e := p.engineFor(text)
	e.neOnce.Do(func() {
		e.ne0, e.neErr = compileNonEmpty(e.goExpr, `\A`, e.groups)
		if e.neErr == nil {
			e.neCtx, e.neErr = compileNonEmpty(e.goExpr, `\A(?s:.)`, e.groups)
		}
		if e.neErr != nil {
			e.neErr = goError(e.neErr)
		}
	})
	if e.neErr != nil || e.ne0 == nil {
		return nil, e.neErr
	}
	if pos == 0 {
		return e.ne0.match(text, 0, e.groups), nil
	}
	_, w := utf8.DecodeLastRuneInString(text[:pos])
	return e.neCtx.match(text, pos-w, e.groups), nil
}

func (p *Pattern) String() string {
	var names []string
	for _, f := range flagNames {
		if p.flags&f.bit != 0 && f.bit != flagUnicode {
			names = append(names, "re."+f.name)
		}
	}
	s := "re.compile(" + reprAtMost(p.pattern, 200)
	if len(names) > 0 {
		s += ", " + strings.Join(names, "|")
	}
	return s + ")"
}
func (p *Pattern) Type() string                 { return "re.Pattern" }
func (p *Pattern) PyClass() string              { return "re.Pattern" }
func (p *Pattern) InstanceOf(class string) bool { return class == "Pattern" }
func (p *Pattern) Freeze()                      {}
func (p *Pattern) Truth() starlark.Bool         { return true }
func (p *Pattern) Hash() (uint32, error) {
	return starlark.String(fmt.Sprint(p.pattern, p.flags)).Hash()
}

var patternMethods = []string{"findall", "finditer", "fullmatch", "match", "search", "split", "sub", "subn"}

func (p *Pattern) AttrNames() []string {
	return append([]string{"flags", "groupindex", "groups", "pattern"}, patternMethods...)
}

// Attr gives the pattern's attributes and methods.
func (p *Pattern) Attr(name string) (starlark.Value, error) {
	switch name {
	case "pattern":
		return starlark.String(p.pattern), nil
	case "flags":
		return starlark.MakeInt(p.flags), nil
	case "groups":
		return starlark.MakeInt(p.t.groups), nil
	case "groupindex":
		d := starlark.NewDict(len(p.t.names))
		for _, n := range p.groupNames() {
			d.SetKey(starlark.String(n), starlark.MakeInt(p.t.names[n]))
		}
		return d, nil
	}
	fn, ok := map[string]session.Func{
		"match": p.matchMethod(modeMatch), "fullmatch": p.matchMethod(modeFull), "search": p.matchMethod(modeSearch),
		"findall": p.findall, "finditer": p.finditer, "sub": p.subMethod(false), "subn": p.subMethod(true), "split": p.split,
	}[name]
	if !ok {
		return nil, fmt.Errorf("AttributeError: 're.Pattern' object has no attribute '%s'", name)
	}
	return starlark.NewBuiltin("Pattern."+name, fn), nil
}

// groupNames are the named groups in the order they appear.
func (p *Pattern) groupNames() []string {
	names := make([]string, 0, len(p.t.names))
	for n := range p.t.names {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return p.t.names[names[i]] < p.t.names[names[j]] })
	return names
}

// args reads (string, pos=0, endpos=len) and turns the positions,
// counted in characters, into byte offsets.
func (p *Pattern) args(fname string, args starlark.Tuple, kwargs []starlark.Tuple) (s string, pos, end, rpos, rend int, err error) {
	var str starlark.Value
	var posV, endV starlark.Value = starlark.MakeInt(0), starlark.None
	if err = starlark.UnpackArgs(fname, args, kwargs, "string", &str, "pos?", &posV, "endpos?", &endV); err != nil {
		return
	}
	if s, err = asString(str); err != nil {
		return
	}
	if err = p.checkText(s); err != nil {
		return
	}
	n := utf8.RuneCountInString(s)
	rpos, rend = 0, n
	if rpos, err = starlark.AsInt32(posV); err != nil {
		err = fmt.Errorf("TypeError: 'pos' must be an integer")
		return
	}
	if endV != starlark.None {
		if rend, err = starlark.AsInt32(endV); err != nil {
			err = fmt.Errorf("TypeError: 'endpos' must be an integer")
			return
		}
	}
	rpos, rend = clamp(rpos, n), clamp(rend, n)
	if rend < rpos {
		rend = rpos
	}
	return s, byteOffset(s, rpos), byteOffset(s, rend), rpos, rend, nil
}

func clamp(i, n int) int {
	if i < 0 {
		i += n
		if i < 0 {
			i = 0
		}
	}
	return min(i, n)
}

// checkText refuses to look for word boundaries in a text with
// non-ASCII letters or digits: Python's \b sees one between 'f' and
// ' ' in 'café ', RE2's between 'f' and 'é', which would silently cut
// words short.
func (p *Pattern) checkText(s string) error {
	if !p.t.wordBoundary {
		return nil
	}
	for _, r := range s {
		if r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r)) {
			return reError("Burst's re finds word boundaries (\\b, \\B) only around ASCII letters and digits (its engine is Go's RE2), and this text has %s: pass re.ASCII to accept that, or match the words with \\w+ instead", pyQuote(string(r)))
		}
	}
	return nil
}

func asString(v starlark.Value) (string, error) {
	s, ok := v.(starlark.String)
	if !ok {
		return "", fmt.Errorf("TypeError: expected string or bytes-like object, got '%s'", session.TypeName(v))
	}
	return string(s), nil
}

// byteOffset is the byte offset of character i of s.
func byteOffset(s string, i int) int {
	for b := range s {
		if i == 0 {
			return b
		}
		i--
	}
	return len(s)
}

// charOffset is the character index of byte offset b of s.
func charOffset(s string, b int) int {
	if b < 0 {
		return -1
	}
	return utf8.RuneCountInString(s[:b])
}

func (p *Pattern) matchMethod(m mode) session.Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		s, pos, end, rpos, rend, err := p.args(b.Name(), args, kwargs)
		if err != nil {
			return nil, err
		}
		loc, err := p.exec(s, pos, end, m)
		if err != nil || loc == nil {
			return starlark.None, err
		}
		return &Match{p: p, s: s, loc: loc, pos: rpos, endpos: rend}, nil
	}
}

func (p *Pattern) findall(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s, pos, end, _, _, err := p.args(b.Name(), args, kwargs)
	if err != nil {
		return nil, err
	}
	var out []starlark.Value
	group := func(loc []int, g int) starlark.Value {
		if loc[2*g] < 0 {
			return starlark.String("")
		}
		return starlark.String(s[loc[2*g]:loc[2*g+1]])
	}
	err = p.each(s, pos, end, 0, func(loc []int) error {
		switch p.t.groups {
		case 0:
			out = append(out, group(loc, 0))
		case 1:
			out = append(out, group(loc, 1))
		default:
			t := make(starlark.Tuple, p.t.groups)
			for g := range t {
				t[g] = group(loc, g+1)
			}
			out = append(out, t)
		}
		return nil
	})
	return starlark.NewList(out), err
}

func (p *Pattern) finditer(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s, pos, end, rpos, rend, err := p.args(b.Name(), args, kwargs)
	if err != nil {
		return nil, err
	}
	var out []starlark.Value
	err = p.each(s, pos, end, 0, func(loc []int) error {
		out = append(out, &Match{p: p, s: s, loc: loc, pos: rpos, endpos: rend})
		return nil
	})
	return starlark.NewList(out), err
}

func (p *Pattern) split(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var str starlark.Value
	maxsplit := 0
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "string", &str, "maxsplit?", &maxsplit); err != nil {
		return nil, err
	}
	s, err := asString(str)
	if err == nil {
		err = p.checkText(s)
	}
	if err != nil {
		return nil, err
	}
	if maxsplit < 0 {
		return starlark.NewList([]starlark.Value{starlark.String(s)}), nil
	}
	var out []starlark.Value
	last := 0
	err = p.each(s, 0, len(s), maxsplit, func(loc []int) error {
		out = append(out, starlark.String(s[last:loc[0]]))
		for g := 1; g <= p.t.groups; g++ {
			if loc[2*g] < 0 {
				out = append(out, starlark.None)
			} else {
				out = append(out, starlark.String(s[loc[2*g]:loc[2*g+1]]))
			}
		}
		last = loc[1]
		return nil
	})
	out = append(out, starlark.String(s[last:]))
	return starlark.NewList(out), err
}

func (p *Pattern) subMethod(withCount bool) session.Func {
	return func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var repl, str starlark.Value
		count := 0
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "repl", &repl, "string", &str, "count?", &count); err != nil {
			return nil, err
		}
		s, err := asString(str)
		if err == nil {
			err = p.checkText(s)
		}
		if err != nil {
			return nil, err
		}
		var expand func(m *Match) (string, error)
		switch r := repl.(type) {
		case starlark.String:
			tmpl, err := p.parseTemplate(string(r))
			if err != nil {
				return nil, err
			}
			expand = func(m *Match) (string, error) { return tmpl.expand(m), nil }
		case starlark.Callable:
			expand = func(m *Match) (string, error) {
				v, err := starlark.Call(th, r, starlark.Tuple{m}, nil)
				if err != nil {
					return "", err
				}
				out, ok := v.(starlark.String)
				if !ok {
					return "", fmt.Errorf("TypeError: expected str instance, %s found", session.TypeName(v))
				}
				return string(out), nil
			}
		default:
			return nil, fmt.Errorf("TypeError: expected str instance, %s found", session.TypeName(repl))
		}
		var out strings.Builder
		last, n := 0, 0
		if count < 0 {
			count = -1
		}
		if count >= 0 {
			err = p.each(s, 0, len(s), count, func(loc []int) error {
				r, err := expand(&Match{p: p, s: s, loc: loc, endpos: utf8.RuneCountInString(s)})
				if err != nil {
					return err
				}
				out.WriteString(s[last:loc[0]])
				out.WriteString(r)
				last = loc[1]
				n++
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		out.WriteString(s[last:])
		if withCount {
			return starlark.Tuple{starlark.String(out.String()), starlark.MakeInt(n)}, nil
		}
		return starlark.String(out.String()), nil
	}
}

// reprAtMost is Python's %.nR: the repr cut to n characters, as the
// reprs of patterns and matches show long text.
func reprAtMost(s string, n int) string {
	r := []rune(pyQuote(s))
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// pyQuote is Python's repr of a str.
func pyQuote(s string) string { return session.Quote(s) }
