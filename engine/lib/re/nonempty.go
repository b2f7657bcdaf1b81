package re

import (
	"regexp"
	"regexp/syntax"
)

// After an empty match CPython's next match must not be empty at the
// same place: its backtracking goes on to the pattern's first non-empty
// match there ('|a1' finds 'a1' in 'a1' after the empty one, '\w*?' one
// character). RE2 cannot reject a match, so Burst rewrites the pattern
// into one that matches what it matches but the empty string (nonEmpty),
// tried anchored where the empty match was. Its alternatives keep the
// pattern's order, so the match is CPython's but where a pattern prefers
// an empty way through one part to a non-empty one before another part
// (rare: '(a??)b' style).

// nonEmptyRegexp is a pattern rewritten to match only non-empty text,
// anchored at the start, with its groups mapped back: groups[i] lists
// the submatch indices (in the rewritten expression) that stand for the
// pattern's group i+1, as rewriting copies groups.
type nonEmptyRegexp struct {
	re     *regexp.Regexp
	groups [][]int
}

// compileNonEmpty rewrites goExpr; prefix is what comes before it
// (\A, or \A(?s:.) for one character of context). nil when the pattern
// matches only empty strings.
func compileNonEmpty(goExpr, prefix string, ngroups int) (*nonEmptyRegexp, error) {
	tree, err := syntax.Parse(goExpr, syntax.Perl)
	if err != nil {
		return nil, err
	}
	ne := nonEmpty(tree)
	if ne == nil {
		return nil, nil
	}
	// Number the copies of each group in the order Go will (by their
	// opening parenthesis), and drop their names: a name may appear
	// twice now.
	out := &nonEmptyRegexp{groups: make([][]int, ngroups)}
	n := 0
	var walk func(r *syntax.Regexp)
	walk = func(r *syntax.Regexp) {
		if r.Op == syntax.OpCapture {
			n++
			// Group 1 of the compiled expression is the whole match.
			if r.Cap >= 1 && r.Cap <= ngroups {
				out.groups[r.Cap-1] = append(out.groups[r.Cap-1], n+1)
			}
			r.Name = ""
		}
		for _, s := range r.Sub {
			walk(s)
		}
	}
	walk(ne)
	out.re, err = regexp.Compile(prefix + "(" + ne.String() + ")")
	if err != nil {
		return nil, err
	}
	return out, nil
}

func copyWith(r *syntax.Regexp, sub ...*syntax.Regexp) *syntax.Regexp {
	c := *r
	c.Sub = sub
	c.Sub0 = [1]*syntax.Regexp{}
	return &c
}

func concat(rs ...*syntax.Regexp) *syntax.Regexp {
	for _, r := range rs {
		if r == nil {
			return nil
		}
	}
	if len(rs) == 1 {
		return rs[0]
	}
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: rs}
}

func alternate(rs ...*syntax.Regexp) *syntax.Regexp {
	var keep []*syntax.Regexp
	for _, r := range rs {
		if r != nil {
			keep = append(keep, r)
		}
	}
	switch len(keep) {
	case 0:
		return nil
	case 1:
		return keep[0]
	}
	return &syntax.Regexp{Op: syntax.OpAlternate, Sub: keep}
}

func star(r *syntax.Regexp, flags syntax.Flags) *syntax.Regexp {
	return &syntax.Regexp{Op: syntax.OpStar, Flags: flags, Sub: []*syntax.Regexp{r}}
}

// nonEmpty matches what r matches except the empty string; nil when r
// only matches it.
func nonEmpty(r *syntax.Regexp) *syntax.Regexp {
	switch r.Op {
	case syntax.OpLiteral:
		if len(r.Rune) == 0 {
			return nil
		}
		return r
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return r
	case syntax.OpCapture:
		s := nonEmpty(r.Sub[0])
		if s == nil {
			return nil
		}
		return copyWith(r, s)
	case syntax.OpAlternate:
		alts := make([]*syntax.Regexp, len(r.Sub))
		for i, s := range r.Sub {
			alts[i] = nonEmpty(s)
		}
		return alternate(alts...)
	case syntax.OpConcat:
		if len(r.Sub) == 0 {
			return nil
		}
		head, rest := r.Sub[0], r.Sub[1:]
		var tail *syntax.Regexp
		if len(rest) > 0 {
			tail = &syntax.Regexp{Op: syntax.OpConcat, Sub: rest}
		} else {
			tail = &syntax.Regexp{Op: syntax.OpEmptyMatch}
		}
		// Either the first part takes something, or it matches empty
		// and the rest takes something.
		var first *syntax.Regexp
		if ne := nonEmpty(head); ne != nil {
			first = concat(append([]*syntax.Regexp{ne}, rest...)...)
		}
		var second *syntax.Regexp
		if e := emptyOnly(head); e != nil && len(rest) > 0 {
			second = concat(e, nonEmpty(tail))
		}
		return alternate(first, second)
	case syntax.OpStar, syntax.OpPlus:
		s := nonEmpty(r.Sub[0])
		if s == nil {
			return nil
		}
		return concat(s, star(r.Sub[0], r.Flags))
	case syntax.OpQuest:
		return nonEmpty(r.Sub[0])
	case syntax.OpRepeat:
		s := nonEmpty(r.Sub[0])
		if s == nil || r.Max == 0 {
			return nil
		}
		more := copyWith(r, r.Sub[0])
		more.Min = max(r.Min-1, 0)
		if r.Max > 0 {
			more.Max = r.Max - 1
		}
		return concat(s, more)
	}
	// Empty-width assertions and the empty match.
	return nil
}

// emptyOnly matches the empty string where r does (with r's assertions
// and its groups matching empty); nil when r cannot match it.
func emptyOnly(r *syntax.Regexp) *syntax.Regexp {
	switch r.Op {
	case syntax.OpLiteral:
		if len(r.Rune) == 0 {
			return r
		}
		return nil
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpNoMatch:
		return nil
	case syntax.OpCapture:
		s := emptyOnly(r.Sub[0])
		if s == nil {
			return nil
		}
		return copyWith(r, s)
	case syntax.OpAlternate:
		alts := make([]*syntax.Regexp, len(r.Sub))
		for i, s := range r.Sub {
			alts[i] = emptyOnly(s)
		}
		return alternate(alts...)
	case syntax.OpConcat:
		parts := make([]*syntax.Regexp, len(r.Sub))
		for i, s := range r.Sub {
			parts[i] = emptyOnly(s)
		}
		if len(parts) == 0 {
			return &syntax.Regexp{Op: syntax.OpEmptyMatch}
		}
		return concat(parts...)
	case syntax.OpStar, syntax.OpQuest:
		return &syntax.Regexp{Op: syntax.OpEmptyMatch}
	case syntax.OpPlus:
		return emptyOnly(r.Sub[0])
	case syntax.OpRepeat:
		if r.Min == 0 {
			return &syntax.Regexp{Op: syntax.OpEmptyMatch}
		}
		return emptyOnly(r.Sub[0])
	}
	// Empty-width assertions and the empty match match empty.
	return r
}

// match is the first non-empty match anchored at byte offset pos of
// text (with the character before it as context when ctx); nil if none.
func (n *nonEmptyRegexp) match(text string, q, ngroups int) []int {
	loc := n.re.FindStringSubmatchIndex(text[q:])
	if loc == nil {
		return nil
	}
	out := make([]int, 2*(ngroups+1))
	out[0], out[1] = loc[2]+q, loc[3]+q
	for g := 1; g <= ngroups; g++ {
		out[2*g], out[2*g+1] = -1, -1
		for _, i := range n.groups[g-1] {
			if loc[2*i] >= 0 {
				out[2*g], out[2*g+1] = loc[2*i]+q, loc[2*i+1]+q
				break
			}
		}
	}
	return out
}
