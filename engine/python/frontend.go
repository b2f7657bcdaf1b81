package python

import (
	"fmt"
	"sort"
	"strings"
)

// The translation on tokens: Tokenize splits the cell into logical lines
// (a statement with its comments and line breaks, wherever Python allows
// them), and each statement that Starlark lacks is rewritten as edits of
// the source that keep every line where it was: a replaced range gets as
// many newlines as it had.

// edit replaces src[start:end] with text; seq orders edits at one place.
type edit struct {
	start, end int
	text       string
	seq        int
}

// translator is the state of one translation.
type translator struct {
	src   string
	toks  []Token
	edits []edit
	// raw marks the lines (0-based) the line rewrites (** and @) leave
	// alone: magics, imports, and lines inside a string.
	raw []bool
	// blocks holds the keyword of each open block (def, for, try, …);
	// header is the keyword of the last compound statement's header,
	// which opens the next INDENT's block.
	blocks []string
	header string
	// lastTop is the keyword of the last top-level statement, to know an
	// else that belongs to a try.
	lastTop string
}

func (tr *translator) text(t Token) string { return tr.src[t.Start:t.End] }

func (tr *translator) is(t Token, kind Kind, s string) bool {
	return t.Kind == kind && tr.src[t.Start:t.End] == s
}

// replace records an edit of src[start:end], padding text with the
// newlines the range had so that no line moves.
func (tr *translator) replace(start, end int, text string) {
	if n := strings.Count(tr.src[start:end], "\n") - strings.Count(text, "\n"); n > 0 {
		text += strings.Repeat("\n", n)
	}
	tr.edits = append(tr.edits, edit{start, end, text, len(tr.edits)})
}

func (tr *translator) insert(at int, text string) { tr.replace(at, at, text) }

// apply returns the source with the edits made; an edit overlapping an
// earlier one is dropped.
func (tr *translator) apply() string {
	sort.SliceStable(tr.edits, func(a, b int) bool {
		ea, eb := tr.edits[a], tr.edits[b]
		if ea.start != eb.start {
			return ea.start < eb.start
		}
		// At one place, insertions before the replacement of a token.
		if ia, ib := ea.end == ea.start, eb.end == eb.start; ia != ib {
			return ia
		}
		return ea.seq < eb.seq
	})
	var b strings.Builder
	at := 0
	for _, e := range tr.edits {
		if e.start < at {
			continue
		}
		b.WriteString(tr.src[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.WriteString(tr.src[at:])
	return b.String()
}

// errorf is a translation error at line.
func errorf(line int, format string, args ...any) error {
	return &TranslateError{line, fmt.Sprintf(format, args...)}
}

// translateTokens rewrites the statements of src (newlines normalized)
// and returns the text, before the line and whole-text rewrites.
func translateTokens(src string) (string, []bool, error) {
	toks, err := Tokenize(src)
	if err != nil {
		return "", nil, err
	}
	tr := &translator{src: src, toks: toks, raw: make([]bool, strings.Count(src, "\n")+1)}
	var line []Token
	// headerLine is the line of a compound statement's header whose
	// block must come next (0: none).
	headerLine := 0
	lines := strings.Count(src, "\n") + 1
	for _, t := range toks {
		switch t.Kind {
		case COMMENT, NL:
		case INDENT:
			if headerLine == 0 {
				return "", nil, errorf(t.Line, "IndentationError: unexpected indent")
			}
			headerLine = 0
		default:
			if headerLine > 0 {
				return "", nil, errorf(min(t.Line, lines), "IndentationError: expected an indented block after %s on line %d", blockName(tr.header), headerLine)
			}
		}
		switch t.Kind {
		case INDENT:
			tr.blocks = append(tr.blocks, tr.header)
		case DEDENT:
			if len(tr.blocks) > 0 {
				tr.blocks = tr.blocks[:len(tr.blocks)-1]
			}
		case COMMENT, NL, ENDMARKER:
		case NEWLINE:
			if len(line) > 0 {
				if err := tr.logical(line); err != nil {
					return "", nil, err
				}
				if tr.header != "" {
					headerLine = line[0].Line
				}
			}
			line = line[:0]
		case STRING:
			for l := t.Line; l < t.EndLine; l++ {
				tr.raw[l] = true
			}
			line = append(line, t)
		default:
			line = append(line, t)
		}
	}
	if tr.lastTop == "try" {
		return "", nil, errorf(lines, "expected 'except' or 'finally' block")
	}
	return tr.apply(), tr.raw, nil
}

// blockName names a block's statement as Python's indentation errors do.
func blockName(header string) string {
	switch header {
	case "def":
		return "function definition"
	case "tryelse":
		return "'else' statement"
	}
	return "'" + header + "' statement"
}

// logical translates one logical line (its tokens but comments).
func (tr *translator) logical(ts []Token) error {
	for i, t := range ts {
		if err := tr.refuseToken(t); err != nil {
			return err
		}
		switch t.Kind {
		case STRING:
			if err := tr.fstring(t); err != nil {
				return err
			}
			// Adjacent literals are one string, as in Python:
			// ("a" "b") is ("a" + "b").
			if i+1 < len(ts) && ts[i+1].Kind == STRING && (i == 0 || ts[i-1].Kind != STRING) {
				tr.insert(t.Start, "(")
			}
			if i > 0 && ts[i-1].Kind == STRING {
				tr.insert(t.Start, "+ ")
				if i+1 == len(ts) || ts[i+1].Kind != STRING {
					tr.insert(t.End, ")")
				}
			}
		case NUMBER:
			if n := starlarkNumber(tr.text(t)); n != tr.text(t) {
				tr.replace(t.Start, t.End, n)
			}
		}
	}
	tr.header = ""
	first := ts[0]
	w := tr.text(first)
	top := len(tr.blocks) == 0
	if top && tr.lastTop == "try" && w != "except" && w != "finally" {
		return errorf(first.Line, "expected 'except' or 'finally' block")
	}
	if first.Kind == NAME {
		switch w {
		case "if", "elif", "while", "for", "def", "with", "try", "except", "finally", "else", "class", "async", "match":
			if w == "match" && !tr.isMatch(ts) {
				break
			}
			colon := tr.headerColon(ts)
			if colon < 0 {
				if w == "class" || w == "async" || w == "match" {
					return tr.refuse(first)
				}
				if w == "else" || w == "try" || w == "finally" {
					return errorf(first.Line, "expected ':'")
				}
				break // Starlark reports the missing ':'
			}
			if err := tr.compound(ts[:colon+1]); err != nil {
				return err
			}
			if top {
				tr.lastTop = tr.header
			}
			if colon+1 < len(ts) {
				tr.header = ""
				return tr.simples(ts[colon+1:])
			}
			return nil
		}
	}
	if top {
		tr.lastTop = ""
	}
	return tr.simples(ts)
}

// simples translates the simple statements of a line, split at ';'.
func (tr *translator) simples(ts []Token) error {
	depth, start := 0, 0
	for i, t := range ts {
		if t.Kind != OP {
			continue
		}
		switch tr.text(t) {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case ";":
			if depth == 0 {
				if i > start {
					if err := tr.simple(ts[start:i]); err != nil {
						return err
					}
				}
				start = i + 1
			}
		}
	}
	if start < len(ts) {
		return tr.simple(ts[start:])
	}
	return nil
}

// refusals name the constructs Burst does not run, with what to write
// instead.
var refusals = map[string]string{
	"class":    "class definitions are not supported in Burst cells: use functions and dicts",
	"yield":    "generators (yield) are not supported in Burst cells: build and return a list",
	"global":   "global is not supported in Burst cells: return the new value instead",
	"nonlocal": "nonlocal is not supported in Burst cells: return the new value instead",
	"async":    "async code (async) is not supported in Burst cells: call the functions directly",
	"await":    "async code (await) is not supported in Burst cells: call the functions directly",
	"match":    "the match statement is not supported in Burst cells: use if/elif",
	":=":       "assignment expressions (:=) are not supported in Burst cells: assign on the line before",
	"try":      "try/except is supported only at the top level of a cell, not inside a function, a loop or another block: put the try at the top level, or check values with if",
	"j":        "complex numbers (%s) are not supported in Burst cells",
	"*":        "star-unpacking is supported only in a single assignment (a, *b = xs): here unpack in a statement of its own (for item in xs: a, *b = item)",
}

func (tr *translator) refuse(t Token) error {
	w := tr.text(t)
	switch w {
	case "except", "finally":
		w = "try"
	}
	if t.Kind == NUMBER {
		return errorf(t.Line, refusals["j"], w)
	}
	return errorf(t.Line, "%s", refusals[w])
}

// refuseToken refuses the tokens of constructs Burst lacks, anywhere in
// a statement.
func (tr *translator) refuseToken(t Token) error {
	switch t.Kind {
	case NAME:
		switch tr.text(t) {
		case "yield", "await", "nonlocal", "global":
			return tr.refuse(t)
		}
	case OP:
		if tr.text(t) == ":=" {
			return tr.refuse(t)
		}
	case NUMBER:
		if c := tr.src[t.End-1]; c == 'j' || c == 'J' {
			return tr.refuse(t)
		}
	}
	return nil
}

// isMatch tells the match statement (match x:) from a name match.
func (tr *translator) isMatch(ts []Token) bool {
	if len(ts) < 3 || !tr.is(ts[len(ts)-1], OP, ":") {
		return false
	}
	n := ts[1]
	return n.Kind == NAME || n.Kind == NUMBER || n.Kind == STRING || n.Kind == OP && strings.Contains("([{-", tr.text(n))
}

// headerColon returns the index of the ':' ending a compound statement's
// header: the first at depth 0 that is not a lambda's.
func (tr *translator) headerColon(ts []Token) int {
	depth, lambdas := 0, 0
	for i, t := range ts {
		switch {
		case t.Kind == NAME && tr.text(t) == "lambda" && depth == 0:
			lambdas++
		case t.Kind == OP:
			switch tr.text(t) {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			case ":":
				if depth == 0 {
					if lambdas == 0 {
						return i
					}
					lambdas--
				}
			}
		}
	}
	return -1
}

// compound translates a compound statement's header (ts ends with its
// ':').
func (tr *translator) compound(ts []Token) error {
	first := ts[0]
	w := tr.text(first)
	tr.header = w
	colon := ts[len(ts)-1]
	inside := len(tr.blocks) > 0
	switch w {
	case "class", "async", "match":
		return tr.refuse(first)
	case "def":
		tr.annotations(ts)
		return tr.chains(ts)
	case "for":
		for _, t := range ts[1:] {
			if tr.is(t, NAME, "in") {
				break
			}
			if tr.is(t, OP, "*") {
				return tr.refuse(t)
			}
		}
	case "with":
		if len(ts) < 3 {
			return errorf(first.Line, "a with statement needs a context manager")
		}
		out, err := withStatement("", tr.joined(ts[1:len(ts)-1])+":", first.Line)
		if err != nil {
			return err
		}
		tr.replace(first.Start, colon.End, out)
		return nil
	case "try", "except", "finally":
		if inside {
			return tr.refuse(first)
		}
		switch w {
		case "try":
			if len(ts) != 2 {
				return errorf(first.Line, "expected ':'")
			}
			tr.replace(first.Start, colon.End, "if _try():")
		case "finally":
			if len(ts) != 2 {
				return errorf(first.Line, "expected ':'")
			}
			if tr.lastTop != "try" && tr.lastTop != "except" && tr.lastTop != "tryelse" {
				return errorf(first.Line, "invalid syntax")
			}
			tr.replace(first.Start, colon.End, "if _finally():")
		case "except":
			if tr.lastTop != "try" && tr.lastTop != "except" {
				return errorf(first.Line, "invalid syntax")
			}
			return tr.except(ts)
		}
		return nil
	case "else":
		if !inside && (tr.lastTop == "try" || tr.lastTop == "except") {
			if len(ts) != 2 {
				return errorf(first.Line, "expected ':'")
			}
			tr.header = "tryelse"
			tr.replace(first.Start, colon.End, "if _else():")
			return nil
		}
	}
	return tr.chains(ts)
}

// except translates an except clause's header into _except(classes,
// "name"), which the kernel reads.
func (tr *translator) except(ts []Token) error {
	first, colon := ts[0], ts[len(ts)-1]
	body := ts[1 : len(ts)-1]
	if len(body) > 0 && tr.is(body[0], OP, "*") {
		return errorf(first.Line, "except* (exception groups) is not supported in Burst cells: use except")
	}
	name := ""
	if n := len(body); n >= 2 && tr.is(body[n-2], NAME, "as") {
		if body[n-1].Kind != NAME {
			return errorf(first.Line, "invalid syntax")
		}
		name = tr.text(body[n-1])
		body = body[:n-2]
	}
	args := ""
	if len(body) > 0 {
		args = tr.joined(body)
		if name != "" {
			args += fmt.Sprintf(", %q", name)
		}
	} else if name != "" {
		return errorf(first.Line, "invalid syntax")
	}
	tr.replace(first.Start, colon.End, "if _except("+args+"):")
	return nil
}

// joined returns the text of tokens on one line: their source, f-strings
// translated, with a space where the source had space or a line break.
func (tr *translator) joined(ts []Token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 && t.Start > ts[i-1].End {
			b.WriteByte(' ')
		}
		s := tr.text(t)
		switch {
		case t.Kind == STRING && isFString(s):
			if f, err := fstring(s, t.Line); err == nil {
				s = f
			}
		case t.Kind == STRING:
			s = starlarkString(s)
		case t.Kind == NUMBER:
			s = starlarkNumber(s)
		}
		b.WriteString(strings.ReplaceAll(s, "\n", `\n`))
	}
	return b.String()
}

// starlarkNumber writes a Python number literal as Starlark reads it:
// without underscores, with a digit on each side of the point.
func starlarkNumber(n string) string {
	if strings.IndexByte(n, '_') < 0 && !strings.HasPrefix(n, ".") && !strings.Contains(n, ".e") && !strings.Contains(n, ".E") && !strings.HasSuffix(n, ".") {
		return n
	}
	n = strings.ReplaceAll(n, "_", "")
	if strings.HasPrefix(n, ".") {
		n = "0" + n
	}
	if i := strings.IndexByte(n, '.'); i >= 0 && !strings.HasPrefix(n, "0x") && !strings.HasPrefix(n, "0X") && (i+1 == len(n) || n[i+1] == 'e' || n[i+1] == 'E') {
		n = n[:i+1] + "0" + n[i+1:]
	}
	return n
}

// starlarkString writes a Python string literal (not an f-string) as
// Starlark reads it: the prefix in lower case without u (rb for br), and
// in a literal that is not raw, the backslashes of unknown escapes (\d)
// doubled, as Python keeps them.
func starlarkString(lit string) string {
	q := strings.IndexAny(lit, `'"`)
	if q < 0 {
		return lit
	}
	prefix := strings.ReplaceAll(strings.ToLower(lit[:q]), "u", "")
	if prefix == "br" {
		prefix = "rb"
	}
	body := lit[q:]
	if !strings.Contains(prefix, "r") && strings.IndexByte(body, '\\') >= 0 {
		var b strings.Builder
		for i := 0; i < len(body); i++ {
			c := body[i]
			b.WriteByte(c)
			if c != '\\' || i+1 >= len(body) {
				continue
			}
			if !strings.ContainsRune("\\'\"abfnrtvx01234567uU\n", rune(body[i+1])) {
				b.WriteByte('\\')
			} else {
				b.WriteByte(body[i+1])
				i++
			}
		}
		body = b.String()
	}
	return prefix + body
}

func isFString(lit string) bool {
	q := strings.IndexAny(lit, `'"`)
	return q > 0 && strings.ContainsAny(lit[:q], "fF")
}

// fstring replaces an f-string token with its _fstr call.
func (tr *translator) fstring(t Token) error {
	lit := tr.text(t)
	if !isFString(lit) {
		if s := starlarkString(lit); s != lit {
			tr.replace(t.Start, t.End, s)
		}
		return nil
	}
	repl, err := fstring(lit, t.Line)
	if err != nil {
		return err
	}
	tr.replace(t.Start, t.End, repl)
	return nil
}

// annotations drops the annotations of a def's header: x: int, and
// -> float.
func (tr *translator) annotations(ts []Token) {
	depth := 0
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.Kind != OP {
			continue
		}
		switch s := tr.text(t); s {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case ":":
			if depth != 1 || i < 1 || ts[i-1].Kind != NAME || i < 2 || !(tr.is(ts[i-2], OP, "(") || tr.is(ts[i-2], OP, ",") || tr.is(ts[i-2], OP, "*") || tr.is(ts[i-2], OP, "**")) {
				continue
			}
			// The annotation ends at the parameter's default, the
			// next parameter or the closing parenthesis.
			j, d := i+1, 0
			for ; j < len(ts); j++ {
				if ts[j].Kind != OP {
					continue
				}
				s := tr.text(ts[j])
				if d == 0 && (s == "," || s == "=" || s == ")") {
					break
				}
				switch s {
				case "(", "[", "{":
					d++
				case ")", "]", "}":
					d--
				}
			}
			if j < len(ts) {
				space := ""
				if tr.is(ts[j], OP, "=") {
					space = " "
				}
				tr.replace(ts[i-1].End, ts[j].Start, space)
				i = j - 1
			}
		case "->":
			if depth == 0 && i > 0 {
				tr.replace(ts[i-1].End, ts[len(ts)-1].Start, "")
				return
			}
		}
	}
}

// simple translates a simple statement.
func (tr *translator) simple(ts []Token) error {
	first, last := ts[0], ts[len(ts)-1]
	w := tr.text(first)
	switch first.Kind {
	case MAGIC:
		tr.raw[first.Line-1] = true
		if w[0] == '!' {
			return errorf(first.Line, "shell commands (!…) are not available in Burst cells: the page has no shell")
		}
		out, err := lineMagic("", strings.TrimSpace(w), first.Line)
		if err != nil {
			return err
		}
		tr.replace(first.Start, first.End, out)
		return nil
	case OP:
		switch w {
		case "?":
			return tr.help(ts)
		case "@":
			if len(ts) < 2 {
				return errorf(first.Line, "invalid syntax")
			}
			tr.replace(first.Start, first.End, "_decorate(")
			if err := tr.chains(ts[1:]); err != nil {
				return err
			}
			tr.insert(last.End, ")")
			return nil
		}
	case NAME:
		switch w {
		case "import", "from":
			for l := first.Line; l <= last.EndLine; l++ {
				tr.raw[l-1] = true
			}
			out, err := tr.importStatement(ts)
			if err != nil {
				return err
			}
			tr.replace(first.Start, last.End, out)
			return nil
		case "assert":
			if len(ts) < 2 {
				return errorf(first.Line, "invalid syntax")
			}
			if err := tr.chains(ts[1:]); err != nil {
				return err
			}
			tr.replace(first.Start, first.End, "_assert(")
			tr.insert(last.End, ")")
			return nil
		case "del":
			if len(ts) < 2 {
				return errorf(first.Line, "invalid syntax")
			}
			targets := ts[1:]
			if n := len(targets); n > 2 && tr.is(targets[0], OP, "(") && tr.is(targets[n-1], OP, ")") && tr.closes(targets) {
				targets = targets[1 : n-1] // del (a, b)
			}
			out, err := delStatement("", tr.joined(targets), first.Line)
			if err != nil {
				return err
			}
			tr.replace(first.Start, last.End, out)
			return nil
		case "raise":
			return tr.raise(ts)
		case "class", "async", "match", "try", "except", "finally":
			if w != "match" || tr.isMatch(ts) {
				return tr.refuse(first)
			}
		}
	}
	if last.Kind == OP && tr.text(last) == "?" {
		return tr.help(ts)
	}
	if err := tr.assignment(ts); err != nil {
		return err
	}
	return tr.chains(ts)
}

// closes reports whether the last token of ts closes the bracket its
// first token opens.
func (tr *translator) closes(ts []Token) bool {
	depth := 0
	for i, t := range ts {
		if t.Kind != OP {
			continue
		}
		switch tr.text(t) {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
			if depth == 0 {
				return i == len(ts)-1
			}
		}
	}
	return false
}

// help translates IPython's x? and ?x into help(x).
func (tr *translator) help(ts []Token) error {
	first, last := ts[0], ts[len(ts)-1]
	m := helpRe.FindStringSubmatch(strings.TrimSpace(tr.src[first.Start:last.End]))
	if m == nil {
		return errorf(first.Line, "invalid syntax: IPython's help takes a name (x? or ?x); for anything else write help(...)")
	}
	tr.replace(first.Start, last.End, "help("+m[1]+")")
	return nil
}

// raise translates raise X [from Y] into _raise(X[, Y]); a bare raise
// in a top-level except block re-raises its exception, _exc.
func (tr *translator) raise(ts []Token) error {
	first, last := ts[0], ts[len(ts)-1]
	if len(ts) == 1 {
		if len(tr.blocks) > 0 && tr.blocks[0] == "except" {
			tr.replace(first.Start, first.End, "_raise(_exc)")
		} else {
			tr.replace(first.Start, first.End, "_raise()")
		}
		return nil
	}
	tr.replace(first.Start, first.End, "_raise(")
	depth := 0
	for _, t := range ts[1:] {
		switch {
		case t.Kind == OP && strings.Contains("([{", tr.text(t)):
			depth++
		case t.Kind == OP && strings.Contains(")]}", tr.text(t)):
			depth--
		case depth == 0 && tr.is(t, NAME, "from"):
			tr.replace(t.Start, t.End, ",")
		}
	}
	if err := tr.chains(ts[1:]); err != nil {
		return err
	}
	tr.insert(last.End, ")")
	return nil
}

// assignment drops a variable annotation (x: int = 3 is x = 3; x: int
// alone does nothing) and refuses star-unpacking.
func (tr *translator) assignment(ts []Token) error {
	if ts[0].Kind == NAME && isKeyword(tr.text(ts[0])) {
		return nil
	}
	depth, colon, prev := 0, -1, Token{}
	for i, t := range ts {
		if t.Kind == NAME && tr.text(t) == "lambda" && depth == 0 {
			return nil
		}
		if t.Kind != OP {
			prev = t
			continue
		}
		switch s := tr.text(t); s {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case "*":
			if depth == 0 && colon < 0 && (i == 0 || tr.is(prev, OP, ",")) && tr.hasAssign(ts[i:]) {
				if tr.starAssignment(ts) {
					return nil
				}
				return tr.refuse(t)
			}
		case ":":
			if depth == 0 && colon < 0 {
				colon = i
			}
		case "=":
			if depth == 0 {
				if colon > 0 {
					tr.replace(ts[colon-1].End, t.Start, " ")
				}
				return nil
			}
		}
		prev = t
	}
	if colon > 0 {
		tr.replace(ts[0].Start, ts[len(ts)-1].End, "pass")
	}
	return nil
}

// starAssignment translates a, *b, c = xs into a, b, c = _unpack((xs),
// 1, 1): one starred name among the targets of a single assignment. It
// reports false, changing nothing, for any other form.
func (tr *translator) starAssignment(ts []Token) bool {
	depth, eq, star := 0, -1, -1
	targets, before := 1, 0
	for i, t := range ts {
		if t.Kind != OP {
			continue
		}
		switch tr.text(t) {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case ",":
			if depth == 0 && eq < 0 && i+1 < len(ts) && !tr.is(ts[i+1], OP, "=") {
				targets++
			}
		case "*":
			if depth == 0 && eq < 0 {
				if star >= 0 || i+1 >= len(ts) || ts[i+1].Kind != NAME {
					return false
				}
				star, before = i, targets-1
			}
		case "=":
			if depth == 0 {
				if eq >= 0 {
					return false // a = *b = …
				}
				eq = i
			}
		default:
			if depth == 0 && strings.HasSuffix(tr.text(t), "=") {
				return false // an augmented assignment
			}
		}
	}
	if star < 0 || eq < 0 || eq+1 >= len(ts) {
		return false
	}
	tr.replace(ts[star].Start, ts[star].End, "")
	tr.insert(ts[eq+1].Start, "_unpack((")
	tr.insert(ts[len(ts)-1].End, fmt.Sprintf("), %d, %d)", before, targets-before-1))
	return true
}

// hasAssign reports a '=' at depth 0 in ts.
func (tr *translator) hasAssign(ts []Token) bool {
	depth := 0
	for _, t := range ts {
		if t.Kind != OP {
			continue
		}
		switch tr.text(t) {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case "=":
			if depth == 0 {
				return true
			}
		}
	}
	return false
}

// importStatement translates import and from-import into assignments
// from _import.
func (tr *translator) importStatement(ts []Token) (string, error) {
	line := ts[0].Line
	// dotted reads a.b.c at ts[i:], and returns it and the index after.
	dotted := func(i int) (string, int) {
		var b strings.Builder
		for i < len(ts) {
			if ts[i].Kind != NAME {
				break
			}
			b.WriteString(tr.text(ts[i]))
			i++
			if i < len(ts) && tr.is(ts[i], OP, ".") {
				b.WriteByte('.')
				i++
				continue
			}
			break
		}
		return b.String(), i
	}
	// alias reads "as name" at ts[i:].
	alias := func(i int) (string, int, error) {
		if i < len(ts) && tr.is(ts[i], NAME, "as") {
			if i+1 >= len(ts) || ts[i+1].Kind != NAME {
				return "", i, errorf(line, "invalid syntax")
			}
			return tr.text(ts[i+1]), i + 2, nil
		}
		return "", i, nil
	}
	var stmts []string
	if tr.text(ts[0]) == "import" {
		i := 1
		for {
			name, j := dotted(i)
			if name == "" || strings.HasSuffix(name, ".") {
				return "", errorf(line, "invalid syntax")
			}
			as, j, err := alias(j)
			if err != nil {
				return "", err
			}
			if as != "" {
				stmts = append(stmts, fmt.Sprintf("%s = _import(%q)", as, name))
			} else {
				// import a.b binds a, as Python does.
				top, _, _ := strings.Cut(name, ".")
				stmts = append(stmts, fmt.Sprintf("%s = _import(%q)", top, top))
				if top != name {
					stmts = append(stmts, fmt.Sprintf("_import(%q)", name))
				}
			}
			if j == len(ts) {
				break
			}
			if !tr.is(ts[j], OP, ",") {
				return "", errorf(line, "invalid syntax")
			}
			i = j + 1
		}
		return strings.Join(stmts, "; "), nil
	}
	if len(ts) > 1 && tr.is(ts[1], OP, ".") || len(ts) > 1 && tr.is(ts[1], OP, "...") {
		return "", errorf(line, "relative imports (from . import x) are not supported in Burst cells: import the module by its name")
	}
	mod, i := dotted(1)
	if mod == "" || strings.HasSuffix(mod, ".") || i >= len(ts) || !tr.is(ts[i], NAME, "import") {
		return "", errorf(line, "invalid syntax")
	}
	i++
	end := len(ts)
	if i < len(ts) && tr.is(ts[i], OP, "(") {
		if !tr.is(ts[len(ts)-1], OP, ")") {
			return "", errorf(line, "invalid syntax")
		}
		i++
		end--
	}
	if i < end && tr.is(ts[i], OP, "*") {
		return "", errorf(line, "from ... import * is not supported: import the names you need")
	}
	for i < end {
		if ts[i].Kind != NAME {
			return "", errorf(line, "invalid syntax")
		}
		name := tr.text(ts[i])
		as, j, err := alias(i + 1)
		if err != nil {
			return "", err
		}
		if as == "" {
			as = name
		}
		stmts = append(stmts, fmt.Sprintf("%s = _import(%q, %q)", as, mod, name))
		if j < end && !tr.is(ts[j], OP, ",") {
			return "", errorf(line, "invalid syntax")
		}
		i = j + 1
		if j == end-1 && end < len(ts) {
			break // a trailing comma inside the parentheses
		}
	}
	if len(stmts) == 0 {
		return "", errorf(line, "invalid syntax")
	}
	return strings.Join(stmts, "; "), nil
}

// isComparison reports the comparison operators a chain is made of.
func isComparison(s string) bool {
	switch s {
	case "<", ">", "<=", ">=", "==", "!=":
		return true
	}
	return false
}

// chainBoundary reports whether t ends an operand of a comparison (a
// token of lower precedence than comparisons).
func (tr *translator) chainBoundary(t Token) bool {
	s := tr.text(t)
	switch t.Kind {
	case NAME:
		switch s {
		case "and", "or", "not", "if", "else", "elif", "lambda", "for", "in", "is", "return", "assert",
			"del", "while", "with", "as", "from", "import", "raise", "yield", "await", "async", "def":
			return true
		}
	case OP:
		switch s {
		case ",", ":", ";", "->", ":=", "=", "?":
			return true
		}
		return strings.HasSuffix(s, "=") && !isComparison(s)
	case MAGIC:
		return true
	}
	return false
}

// chains rewrites chained comparisons, a < b <= c, into
// _chain(a, "<", lambda: b, "<=", lambda: c): each operand is evaluated
// once, and only while the comparisons hold, as in Python.
func (tr *translator) chains(ts []Token) error {
	n := 0
	for _, t := range ts {
		if t.Kind == OP && isComparison(tr.text(t)) {
			n++
		}
	}
	if n < 2 {
		return nil
	}
	// match[i] is the index of the bracket matching bracket i.
	match := make([]int, len(ts))
	var stack []int
	for i, t := range ts {
		match[i] = -1
		if t.Kind != OP {
			continue
		}
		switch tr.text(t) {
		case "(", "[", "{":
			stack = append(stack, i)
		case ")", "]", "}":
			if len(stack) > 0 {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				match[i], match[o] = o, i
			}
		}
	}
	isOpen := func(t Token) bool { return t.Kind == OP && strings.Contains("([{", tr.text(t)) }
	isClose := func(t Token) bool { return t.Kind == OP && strings.Contains(")]}", tr.text(t)) }
	consumed := make([]bool, len(ts))
	for i := 0; i < len(ts); i++ {
		if consumed[i] || !(ts[i].Kind == OP && isComparison(tr.text(ts[i]))) {
			continue
		}
		// The left operand.
		start := i
		for j := i - 1; j >= 0; j-- {
			t := ts[j]
			if isClose(t) {
				if match[j] < 0 {
					break
				}
				j = match[j]
				start = j
				continue
			}
			if isOpen(t) || tr.chainBoundary(t) {
				break
			}
			start = j
		}
		// The operators and the end of the last operand.
		opIdx := []int{i}
		end := i
		k := i + 1
		for ; k < len(ts); k++ {
			t := ts[k]
			if isOpen(t) {
				if match[k] < 0 {
					break
				}
				k = match[k]
				end = k
				continue
			}
			if isClose(t) || tr.chainBoundary(t) {
				break
			}
			if t.Kind == OP && isComparison(tr.text(t)) {
				opIdx = append(opIdx, k)
				continue
			}
			end = k
		}
		for _, o := range opIdx {
			consumed[o] = true
		}
		if start < i && end > opIdx[len(opIdx)-1] && len(opIdx) >= 2 {
			tr.insert(ts[start].Start, "_chain(")
			for _, o := range opIdx {
				tr.replace(ts[o].Start, ts[o].End, fmt.Sprintf(", %q, lambda: ", tr.text(ts[o])))
			}
			tr.insert(ts[end].End, ")")
		}
	}
	return nil
}
