package session

import (
	"sort"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Pretty formats v as IPython shows a cell's value (IPython.lib.pretty,
// 79 columns): lists, tuples, dicts and sets wider than a line break
// after their commas, one item a line, inner ones kept whole where they
// fit; sets sorted where their items compare. Only containers of plain
// values (numbers, strings, None and such containers) are laid out so:
// for other values IPython has printers of their own (classes, functions,
// multi-line reprs), and they show as their repr.
func Pretty(v starlark.Value) string {
	switch v.(type) {
	case *TypeObject, *PyType, *ExceptionClass:
		// IPython shows a class by its name, qualified by its module
		// unless built in: int, pandas.core.frame.DataFrame.
		if s := Repr(v); strings.HasPrefix(s, "<class '") && strings.HasSuffix(s, "'>") {
			return s[len("<class '") : len(s)-len("'>")]
		}
	}
	if !plainContainer(v, 0) {
		return Repr(v)
	}
	p := newPrettyPrinter(79)
	p.pretty(v, 0)
	p.flush()
	return p.out.String()
}

// An Atom is a value IPython prints by its one-line repr, with no printer
// of its own (pandas' Timestamp and Timedelta): inside a list or a tuple
// it counts as a plain value.
type Atom interface {
	starlark.Value
	Atom()
}

// plainContainer reports whether v is a list, tuple, dict or set of
// plain values (the gen.py of the corpus makes the same test).
func plainContainer(v starlark.Value, depth int) bool {
	if depth > 100 {
		return false
	}
	plain := func(x starlark.Value) bool {
		switch x.(type) {
		case starlark.String, starlark.Int, starlark.Float, starlark.Bool, starlark.NoneType, Atom:
			return true
		}
		return plainContainer(x, depth+1)
	}
	switch x := v.(type) {
	case *starlark.List, starlark.Tuple, *starlark.Set:
		vs, _ := Values(x)
		for _, e := range vs {
			if !plain(e) {
				return false
			}
		}
		return true
	case *starlark.Dict:
		for _, kv := range x.Items() {
			if !plain(kv[0]) || !plain(kv[1]) {
				return false
			}
		}
		return true
	}
	return false
}

// maxSeqLength is how many items IPython shows of a container before
// "...".
const maxSeqLength = 1000

// prettyPrinter is IPython's PrettyPrinter: text and breakables go into
// a buffer; when the buffer overflows the line, the outermost group
// still open breaks (all its breakables become newlines).
type prettyPrinter struct {
	out         strings.Builder
	maxWidth    int
	outputWidth int
	bufferWidth int
	buffer      []prettyItem
	groupStack  []*prettyGroup
	queue       [][]*prettyGroup // by depth
	indentation int
}

type prettyGroup struct {
	depth      int
	breakables []*prettyBreak
	wantBreak  bool
}

type prettyBreak struct {
	sep         string
	indentation int
	group       *prettyGroup
}

// prettyItem is a buffered text or breakable.
type prettyItem struct {
	text  []string
	brk   *prettyBreak
	width int
}

func newPrettyPrinter(width int) *prettyPrinter {
	root := &prettyGroup{}
	p := &prettyPrinter{maxWidth: width, groupStack: []*prettyGroup{root}}
	p.enq(root)
	return p
}

func (p *prettyPrinter) enq(g *prettyGroup) {
	for g.depth > len(p.queue)-1 {
		p.queue = append(p.queue, nil)
	}
	p.queue[g.depth] = append(p.queue[g.depth], g)
}

// deq is GroupQueue.deq, its index quirk included: it scans a depth's
// groups from the last but deletes by the position counted from there.
func (p *prettyPrinter) deq() *prettyGroup {
	for d, stack := range p.queue {
		n := len(stack)
		for idx := 0; idx < n; idx++ {
			g := stack[n-1-idx]
			if len(g.breakables) > 0 {
				p.queue[d] = append(stack[:idx:idx], stack[idx+1:]...)
				g.wantBreak = true
				return g
			}
		}
		for _, g := range stack {
			g.wantBreak = true
		}
		p.queue[d] = nil
	}
	return nil
}

func (p *prettyPrinter) remove(g *prettyGroup) {
	if g.depth >= len(p.queue) {
		return
	}
	stack := p.queue[g.depth]
	for i, x := range stack {
		if x == g {
			p.queue[g.depth] = append(stack[:i:i], stack[i+1:]...)
			return
		}
	}
}

// output writes a buffered item and returns the new output width.
func (p *prettyPrinter) output(it prettyItem, width int) int {
	if it.brk == nil {
		for _, s := range it.text {
			p.out.WriteString(s)
		}
		return width + it.width
	}
	b := it.brk
	b.group.breakables = b.group.breakables[1:]
	if b.group.wantBreak {
		p.out.WriteByte('\n')
		p.out.WriteString(strings.Repeat(" ", b.indentation))
		return b.indentation
	}
	if len(b.group.breakables) == 0 {
		p.remove(b.group)
	}
	p.out.WriteString(b.sep)
	return width + it.width
}

func (p *prettyPrinter) breakOneGroup(g *prettyGroup) {
	for len(g.breakables) > 0 {
		x := p.buffer[0]
		p.buffer = p.buffer[1:]
		p.outputWidth = p.output(x, p.outputWidth)
		p.bufferWidth -= x.width
	}
	for len(p.buffer) > 0 && p.buffer[0].brk == nil {
		x := p.buffer[0]
		p.buffer = p.buffer[1:]
		p.outputWidth = p.output(x, p.outputWidth)
		p.bufferWidth -= x.width
	}
}

func (p *prettyPrinter) breakOuterGroups() {
	for p.maxWidth < p.outputWidth+p.bufferWidth {
		g := p.deq()
		if g == nil {
			return
		}
		p.breakOneGroup(g)
	}
}

func (p *prettyPrinter) text(s string) {
	w := utf8.RuneCountInString(s)
	if len(p.buffer) > 0 {
		last := &p.buffer[len(p.buffer)-1]
		if last.brk != nil {
			p.buffer = append(p.buffer, prettyItem{})
			last = &p.buffer[len(p.buffer)-1]
		}
		last.text = append(last.text, s)
		last.width += w
		p.bufferWidth += w
		p.breakOuterGroups()
		return
	}
	p.out.WriteString(s)
	p.outputWidth += w
}

func (p *prettyPrinter) breakable() {
	g := p.groupStack[len(p.groupStack)-1]
	if g.wantBreak {
		p.flush()
		p.out.WriteByte('\n')
		p.out.WriteString(strings.Repeat(" ", p.indentation))
		p.outputWidth = p.indentation
		p.bufferWidth = 0
		return
	}
	b := &prettyBreak{sep: " ", indentation: p.indentation, group: g}
	g.breakables = append(g.breakables, b)
	p.buffer = append(p.buffer, prettyItem{brk: b, width: 1})
	p.bufferWidth++
	p.breakOuterGroups()
}

func (p *prettyPrinter) beginGroup(indent int, open string) {
	if open != "" {
		p.text(open)
	}
	g := &prettyGroup{depth: p.groupStack[len(p.groupStack)-1].depth + 1}
	p.groupStack = append(p.groupStack, g)
	p.enq(g)
	p.indentation += indent
}

func (p *prettyPrinter) endGroup(dedent int, close string) {
	p.indentation -= dedent
	g := p.groupStack[len(p.groupStack)-1]
	p.groupStack = p.groupStack[:len(p.groupStack)-1]
	if len(g.breakables) == 0 {
		p.remove(g)
	}
	if close != "" {
		p.text(close)
	}
}

func (p *prettyPrinter) flush() {
	for _, it := range p.buffer {
		p.outputWidth = p.output(it, p.outputWidth)
	}
	p.buffer = nil
	p.bufferWidth = 0
}

// items writes a container's items between open and close, as
// IPython's sequence, set and dict printers do.
func (p *prettyPrinter) items(open, close string, n int, item func(i int), depth int) {
	p.beginGroup(len(open), open)
	for i := 0; i < n; i++ {
		if i > 0 {
			p.text(",")
			p.breakable()
		}
		if i >= maxSeqLength {
			p.text("...")
			break
		}
		item(i)
	}
	p.endGroup(len(open), close)
}

func (p *prettyPrinter) pretty(v starlark.Value, depth int) {
	if depth > 100 {
		p.text(Repr(v))
		return
	}
	switch x := v.(type) {
	case *starlark.List:
		p.items("[", "]", x.Len(), func(i int) { p.pretty(x.Index(i), depth+1) }, depth)
	case starlark.Tuple:
		close := ")"
		if len(x) == 1 {
			close = ",)"
		}
		p.items("(", close, len(x), func(i int) { p.pretty(x[i], depth+1) }, depth)
	case *starlark.Dict:
		items := x.Items()
		p.items("{", "}", len(items), func(i int) {
			p.pretty(items[i][0], depth+1)
			p.text(": ")
			p.pretty(items[i][1], depth+1)
		}, depth)
	case *starlark.Set:
		if x.Len() == 0 {
			p.text("set()")
			return
		}
		vs, _ := Values(x)
		if len(vs) < maxSeqLength {
			vs = sortedForPretty(vs)
		}
		p.items("{", "}", len(vs), func(i int) { p.pretty(vs[i], depth+1) }, depth)
	default:
		p.text(Repr(v))
	}
}

// sortedForPretty sorts a set's items as IPython's _sorted_for_pprint
// does, or keeps their order when they do not compare.
func sortedForPretty(vs []starlark.Value) []starlark.Value {
	out := append([]starlark.Value(nil), vs...)
	ok := true
	sort.SliceStable(out, func(i, j int) bool {
		lt, err := starlark.Compare(syntax.LT, out[i], out[j])
		if err != nil {
			ok = false
		}
		return lt
	})
	if !ok {
		return vs
	}
	return out
}
