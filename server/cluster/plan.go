package cluster

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Limits on plans. bridge.py has the same ones.
const (
	MaxPlanBytes   = 64 << 10 // a plan's JSON
	MaxDepth       = 64       // operations nested in one another
	MaxNodes       = 2000     // operations in one plan
	MaxString      = 1024     // a string literal or a path
	MaxList        = 1000     // columns, paths, dtypes in one list
	MaxHead        = 10000    // rows head(n) may bring back
	MaxFiles       = 10000    // files one read_csv may read
	MaxExponent    = 64       // a literal exponent, in absolute value
	MaxResultRows  = 100000   // rows a result may have (checked on the cluster before gathering)
	maxJSONNesting = 2*MaxDepth + 8
)

// Kinds of values a plan's nodes yield; a node checks the kind of its
// input as the pandas method it stands for would.
const (
	kFrame   = "frame"
	kSeries  = "series"
	kScalar  = "scalar"
	kGFrame  = "groupby"
	kGSeries = "groupby-series"
	kExpr    = "expr"
	kResult  = "result"
)

var (
	nameRE      = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_ .\-]{0,127}$`)
	identRE     = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,63}$`)
	blocksizeRE = regexp.MustCompile(`^[0-9]{1,6}(\.[0-9]{1,3})? ?(B|kB|KB|MB|GB|KiB|MiB|GiB)$`)
	dateRE      = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?)?$`)
	globRE      = regexp.MustCompile(`^[A-Za-z0-9_ .\-/*?\[\]]+$`)
)

var dtypes = set("int64", "int32", "int16", "int8", "uint8", "uint16", "uint32", "uint64", "float64", "float32",
	"bool", "object", "string", "category", "datetime64[ns]", "Int64", "Int32", "Float64", "boolean")

var aggs = set("sum", "mean", "std", "var", "count", "size", "min", "max", "first", "last", "prod")

var reductions = set("mean", "sum", "count", "size", "min", "max", "std", "var", "nunique")

var binary = set("add", "sub", "mul", "div", "floordiv", "mod", "pow", "eq", "ne", "lt", "le", "gt", "ge", "and", "or")

var arithmetic = set("add", "sub", "mul", "div", "floordiv", "mod", "pow")

var unary = set("neg", "not", "isnull", "notnull")

type opSpec struct {
	fields map[string]bool // besides "op"
	inputs map[string]bool // kinds "input" may be; nil when there is no input
}

var ops = map[string]opSpec{
	"read_csv":     {set("path", "parse_dates", "dtype", "usecols", "blocksize"), nil},
	"persisted":    {set("name"), nil},
	"columns":      {set("input", "columns"), set(kFrame, kGFrame)},
	"column":       {set("input", "column"), set(kFrame, kGFrame)},
	"filter":       {set("input", "where"), set(kFrame)},
	"assign":       {set("input", "columns"), set(kFrame)},
	"expr":         {set("input", "expr"), set(kFrame)},
	"groupby":      {set("input", "by", "dropna"), set(kFrame)},
	"agg":          {set("input", "func"), set(kGFrame, kGSeries)},
	"value_counts": {set("input"), set(kSeries)},
	"head":         {set("input", "n", "npartitions"), set(kFrame, kSeries)},
	"compute":      {set("input"), set(kFrame, kSeries, kScalar)},
	"persist":      {set("input", "name"), set(kFrame, kSeries)},
	"col":          {set("name"), nil},
	"lit":          {set("value", "type"), nil},
}

func init() {
	for r := range reductions {
		f := set("input")
		if r == "std" || r == "var" {
			f["ddof"] = true
		}
		ops[r] = opSpec{f, set(kFrame, kSeries, kGFrame, kGSeries)}
	}
	for b := range binary {
		ops[b] = opSpec{set("left", "right"), nil}
	}
	for u := range unary {
		ops[u] = opSpec{set("operand"), nil}
	}
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// A PlanError is a refused plan; its message is the one a Python cell
// shows, naming the node (numbered depth-first from 1 at the root, inputs
// before other operands) and where it sits in the JSON.
type PlanError struct{ Msg string }

func (e *PlanError) Error() string { return "ValueError: plan refused: " + e.Msg }

// Plan is a checked plan, ready for the bridge.
type Plan struct {
	JSON    json.RawMessage // what goes to the bridge
	Root    string          // "compute" or "persist"
	Name    string          // the name to persist under
	Kind    string          // what the root's input is: frame, series or scalar
	Files   int             // files read by all read_csv nodes
	Checked time.Duration
}

// CheckPlan checks a plan's JSON against the whitelist before anything
// reaches Python: known operations with their fields only, argument types
// and sizes, plain column names, literal values, paths inside root/data
// (after cleaning and resolving symlinks; no URLs). persisted holds
// the kinds of the session's persisted collections, by name.
func CheckPlan(data []byte, root string, persisted map[string]string) (*Plan, error) {
	t0 := time.Now()
	if len(data) > MaxPlanBytes {
		return nil, &PlanError{fmt.Sprintf("the plan is %d bytes; at most %d bytes are accepted", len(data), MaxPlanBytes)}
	}
	if err := checkNesting(data); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, &PlanError{"not valid JSON: " + err.Error()}
	}
	if dec.More() {
		return nil, &PlanError{"not valid JSON: more than one value"}
	}
	dataDir, err := filepath.EvalSymlinks(filepath.Join(root, "data"))
	if err != nil {
		dataDir = filepath.Join(root, "data")
	}
	c := &checker{root: root, data: dataDir, persisted: persisted}
	kind, err := c.node(v, "plan", 1)
	if err != nil {
		return nil, err
	}
	if kind != kResult {
		return nil, &PlanError{"node 1 (at plan): a plan ends in compute or persist"}
	}
	out, err := json.Marshal(v)
	if err != nil {
		return nil, &PlanError{err.Error()}
	}
	m := v.(map[string]any)
	p := &Plan{JSON: out, Root: m["op"].(string), Kind: c.rootInput, Files: c.files}
	if p.Root == "persist" {
		p.Name = m["name"].(string)
	}
	p.Checked = time.Since(t0)
	return p, nil
}

// checkNesting refuses JSON nested deeper than any valid plan can be,
// before decoding it.
func checkNesting(data []byte) error {
	depth, inString, escaped := 0, false, false
	for _, b := range data {
		switch {
		case inString:
			if escaped {
				escaped = false
			} else if b == '\\' {
				escaped = true
			} else if b == '"' {
				inString = false
			}
		case b == '"':
			inString = true
		case b == '{' || b == '[':
			depth++
			if depth > maxJSONNesting {
				return &PlanError{fmt.Sprintf("nested deeper than %d operations", MaxDepth)}
			}
		case b == '}' || b == ']':
			depth--
		}
	}
	return nil
}

type checker struct {
	root, data string
	persisted  map[string]string
	n          int
	files      int
	rootInput  string
}

type nodeErr struct {
	c     *checker
	num   int
	op    string
	where string
}

func (e nodeErr) fail(format string, args ...any) error {
	what := fmt.Sprintf("node %d (op %s, at %s)", e.num, pyQuote(e.op), e.where)
	if e.op == "" {
		what = fmt.Sprintf("node %d (at %s)", e.num, e.where)
	}
	return &PlanError{what + ": " + fmt.Sprintf(format, args...)}
}

func (c *checker) node(v any, where string, depth int) (string, error) {
	c.n++
	num := c.n
	m, ok := v.(map[string]any)
	if !ok {
		return "", nodeErr{c, num, "", where}.fail("expected an operation object like {\"op\": ...}, got %s", jtype(v))
	}
	op, ok := m["op"].(string)
	if !ok {
		return "", nodeErr{c, num, "", where}.fail("missing \"op\" (a string)")
	}
	if len(op) > 64 {
		return "", nodeErr{c, num, op[:64] + "…", where}.fail("unknown operation")
	}
	spec, ok := ops[op]
	e := nodeErr{c, num, op, where}
	if !ok {
		return "", e.fail("unknown operation")
	}
	if depth > MaxDepth {
		return "", e.fail("nested deeper than %d operations", MaxDepth)
	}
	if c.n > MaxNodes {
		return "", e.fail("more than %d operations", MaxNodes)
	}
	for _, k := range sortedKeys(m) {
		if k != "op" && !spec.fields[k] {
			return "", e.fail("unexpected field %s", pyQuote(truncate(k, 64)))
		}
	}
	need := func(field string) (any, error) {
		x, ok := m[field]
		if !ok {
			return nil, e.fail("missing field %q", field)
		}
		return x, nil
	}
	child := func(field string) (string, error) {
		x, err := need(field)
		if err != nil {
			return "", err
		}
		return c.node(x, where+"."+field, depth+1)
	}
	input := func() (string, error) {
		kind, err := child("input")
		if err != nil {
			return "", err
		}
		if !spec.inputs[kind] {
			return "", e.fail("its input is a %s; it takes a %s", kind, strings.Join(sortedKeys(spec.inputs), " or "))
		}
		return kind, nil
	}
	expr := func(field string) error {
		kind, err := child(field)
		if err != nil {
			return err
		}
		return c.isExpr(e, kind)
	}

	switch {
	case op == "read_csv":
		p, err := need("path")
		if err != nil {
			return "", err
		}
		if err := c.paths(e, p); err != nil {
			return "", err
		}
		for _, f := range []string{"parse_dates", "usecols"} {
			if x, ok := m[f]; ok {
				if err := c.names(e, x, f, false, MaxList); err != nil {
					return "", err
				}
			}
		}
		if x, ok := m["dtype"]; ok {
			d, ok := x.(map[string]any)
			if !ok || len(d) > MaxList {
				return "", e.fail("dtype must be an object of column: dtype name")
			}
			for _, col := range sortedKeys(d) {
				if err := c.name(e, col, "dtype"); err != nil {
					return "", err
				}
				if s, ok := d[col].(string); !ok || !dtypes[s] {
					return "", e.fail("dtype of %s: %s is not one of %s", pyQuote(col), short(d[col]), strings.Join(sortedKeys(dtypes), ", "))
				}
			}
		}
		if x, ok := m["blocksize"]; ok && x != nil {
			switch b := x.(type) {
			case json.Number:
				n, err := b.Int64()
				if err != nil {
					return "", e.fail("blocksize must be a number of bytes, a size like \"64MB\", or null")
				}
				if n < 1<<16 || n > 1<<34 {
					return "", e.fail("blocksize must be between 64 kB and 16 GB")
				}
			case string:
				if !blocksizeRE.MatchString(b) {
					return "", e.fail("blocksize %s is not a size like \"64MB\"", short(b))
				}
			default:
				return "", e.fail("blocksize must be a number of bytes, a size like \"64MB\", or null")
			}
		}
		return kFrame, nil
	case op == "persisted":
		x, err := need("name")
		if err != nil {
			return "", err
		}
		n, ok := x.(string)
		if !ok || !identRE.MatchString(n) {
			return "", e.fail("name must be an identifier")
		}
		kind, ok := c.persisted[n]
		if !ok {
			return "", e.fail("no persisted collection named %s in this session", pyQuote(n))
		}
		return kind, nil
	case op == "columns" || op == "column":
		kind, err := input()
		if err != nil {
			return "", err
		}
		if op == "columns" {
			x, err := need("columns")
			if err != nil {
				return "", err
			}
			return kind, c.names(e, x, "columns", true, MaxList)
		}
		x, err := need("column")
		if err != nil {
			return "", err
		}
		if err := c.name(e, x, "column"); err != nil {
			return "", err
		}
		if kind == kFrame {
			return kSeries, nil
		}
		return kGSeries, nil
	case op == "filter":
		if _, err := input(); err != nil {
			return "", err
		}
		return kFrame, expr("where")
	case op == "assign":
		if _, err := input(); err != nil {
			return "", err
		}
		x, err := need("columns")
		if err != nil {
			return "", err
		}
		cols, ok := x.(map[string]any)
		if !ok || len(cols) == 0 || len(cols) > 100 {
			return "", e.fail("columns must be an object of 1 to 100 name: expression")
		}
		for _, col := range sortedKeys(cols) {
			if err := c.name(e, col, "columns"); err != nil {
				return "", err
			}
			kind, err := c.node(cols[col], where+".columns."+col, depth+1)
			if err != nil {
				return "", err
			}
			if err := c.isExpr(e, kind); err != nil {
				return "", err
			}
		}
		return kFrame, nil
	case op == "expr":
		if _, err := input(); err != nil {
			return "", err
		}
		return kSeries, expr("expr")
	case op == "groupby":
		if _, err := input(); err != nil {
			return "", err
		}
		by, err := need("by")
		if err != nil {
			return "", err
		}
		if s, ok := by.(string); ok {
			err = c.name(e, s, "by")
		} else {
			err = c.names(e, by, "by", true, 16)
		}
		if err != nil {
			return "", err
		}
		if x, ok := m["dropna"]; ok {
			if _, ok := x.(bool); !ok {
				return "", e.fail("dropna must be true or false")
			}
		}
		return kGFrame, nil
	case op == "agg":
		kind, err := input()
		if err != nil {
			return "", err
		}
		f, err := need("func")
		if err != nil {
			return "", err
		}
		switch f := f.(type) {
		case string:
			if err := c.agg(e, f); err != nil {
				return "", err
			}
			if kind == kGFrame {
				return kFrame, nil
			}
			return kSeries, nil
		case []any:
			if len(f) == 0 || len(f) > 16 {
				return "", e.fail("func must list 1 to 16 aggregations")
			}
			for _, a := range f {
				if err := c.agg(e, a); err != nil {
					return "", err
				}
			}
			return kFrame, nil
		case map[string]any:
			if kind != kGFrame {
				break
			}
			if len(f) == 0 || len(f) > 100 {
				return "", e.fail("func must map 1 to 100 columns")
			}
			for _, col := range sortedKeys(f) {
				if err := c.name(e, col, "func"); err != nil {
					return "", err
				}
				as, ok := f[col].([]any)
				if !ok {
					as = []any{f[col]}
				}
				for _, a := range as {
					if err := c.agg(e, a); err != nil {
						return "", err
					}
				}
			}
			return kFrame, nil
		}
		return "", e.fail("func must be an aggregation name, a list of them, or (on a grouped frame) an object of column: aggregation")
	case reductions[op]:
		kind, err := input()
		if err != nil {
			return "", err
		}
		if op == "nunique" && kind != kSeries && kind != kGSeries {
			return "", e.fail("nunique takes a column (series), not a %s", kind)
		}
		if x, ok := m["ddof"]; ok {
			if d, ok := intArg(x); !ok || d < 0 || d > 10 {
				return "", e.fail("ddof must be an integer from 0 to 10")
			}
		}
		switch kind {
		case kSeries:
			return kScalar, nil
		case kFrame:
			if op == "size" {
				return kScalar, nil
			}
			return kSeries, nil
		case kGFrame:
			if op == "size" {
				return kSeries, nil
			}
			return kFrame, nil
		}
		return kSeries, nil
	case op == "value_counts":
		if _, err := input(); err != nil {
			return "", err
		}
		return kSeries, nil
	case op == "head":
		kind, err := input()
		if err != nil {
			return "", err
		}
		x, err := need("n")
		if err != nil {
			return "", err
		}
		if n, ok := intArg(x); !ok || n < 0 || n > MaxHead {
			return "", e.fail("n must be an integer from 0 to %d", MaxHead)
		}
		if x, ok := m["npartitions"]; ok {
			if p, ok := intArg(x); !ok || !(p == -1 || p >= 1 && p <= 100000) {
				return "", e.fail("npartitions must be -1 (all) or a positive integer")
			}
		}
		return kind, nil
	case op == "compute" || op == "persist":
		if num != 1 {
			return "", e.fail("%s can only be the last operation of a plan", op)
		}
		kind, err := input()
		if err != nil {
			return "", err
		}
		c.rootInput = kind
		if op == "persist" {
			x, err := need("name")
			if err != nil {
				return "", err
			}
			if n, ok := x.(string); !ok || !identRE.MatchString(n) {
				return "", e.fail("name must be an identifier (a letter, then letters, digits or _)")
			}
		}
		return kResult, nil
	case op == "col":
		x, err := need("name")
		if err != nil {
			return "", err
		}
		return kExpr, c.name(e, x, "name")
	case op == "lit":
		val, err := need("value")
		if err != nil {
			return "", err
		}
		if t, ok := m["type"]; ok {
			if t != "datetime" {
				return "", e.fail("type must be \"datetime\" when given")
			}
			s, ok := val.(string)
			if !ok || !dateRE.MatchString(s) {
				return "", e.fail("a datetime literal is an ISO date string like \"2019-01-31\" or \"2019-01-31T12:00:00\"")
			}
			if !validDate(s) {
				return "", e.fail("%s is not a valid date", short(s))
			}
			return kExpr, nil
		}
		switch x := val.(type) {
		case nil, bool:
			return kExpr, nil
		case json.Number:
			if _, ok := intArg(x); ok {
				return kExpr, nil
			}
			if isIntSyntax(string(x)) {
				return "", e.fail("integer literal out of range")
			}
			if f, err := x.Float64(); err != nil || math.IsInf(f, 0) {
				return "", e.fail("number literal out of range")
			}
			return kExpr, nil
		case string:
			if len(x) > MaxString {
				return "", e.fail("string literal longer than %d characters", MaxString)
			}
			return kExpr, nil
		}
		return "", e.fail("a literal is a number, string, true, false or null, not %s", jtype(val))
	case binary[op]:
		if err := expr("left"); err != nil {
			return "", err
		}
		if err := expr("right"); err != nil {
			return "", err
		}
		return kExpr, bounded(e, op, m["left"], m["right"])
	default: // unary
		return kExpr, expr("operand")
	}
}

// bounded refuses what would make the bridge (or a worker) evaluate
// literals without bound: an operation on two literals (the cell can
// compute it; pow(10, 20000000) froze the bridge), a literal exponent past
// MaxExponent, and string literals in arithmetic other than concatenation
// (a 1 kB string times 10⁶). left and right are checked expressions.
func bounded(e nodeErr, op string, left, right any) error {
	if constant(left) && constant(right) {
		return e.fail("an operation on two literals is not sent to the cluster: compute it in the cell and use the result")
	}
	if op == "pow" && constant(right) {
		r := right.(map[string]any)
		x, _ := r["value"].(json.Number)
		f, err := x.Float64()
		if r["op"] != "lit" || x == "" || err != nil || math.Abs(f) > MaxExponent {
			what := "an expression"
			if r["op"] == "lit" {
				what = short(r["value"])
			}
			return e.fail("a literal exponent is a number from -%d to %d, not %s", MaxExponent, MaxExponent, what)
		}
	}
	if arithmetic[op] && op != "add" {
		for _, side := range []any{left, right} {
			m := side.(map[string]any)
			if _, isStr := m["value"].(string); m["op"] == "lit" && isStr && m["type"] == nil {
				return e.fail("a string literal can only be added to a column or compared with one")
			}
		}
	}
	return nil
}

// constant reports whether a checked expression holds no column.
func constant(v any) bool {
	m := v.(map[string]any)
	switch op := m["op"].(string); {
	case op == "lit":
		return true
	case binary[op]:
		return constant(m["left"]) && constant(m["right"])
	case unary[op]:
		return constant(m["operand"])
	}
	return false
}

func (c *checker) isExpr(e nodeErr, kind string) error {
	if kind != kExpr {
		return e.fail("expected an expression (col, lit, arithmetic, comparison), got a %s", kind)
	}
	return nil
}

func (c *checker) agg(e nodeErr, a any) error {
	if s, ok := a.(string); !ok || !aggs[s] {
		return e.fail("aggregation %s is not one of %s", short(a), strings.Join(sortedKeys(aggs), ", "))
	}
	return nil
}

func (c *checker) name(e nodeErr, x any, field string) error {
	s, ok := x.(string)
	if !ok {
		return e.fail("%s: a column name is a string, not %s", field, jtype(x))
	}
	if !nameRE.MatchString(s) || strings.Contains(s, "__") || s != strings.TrimSpace(s) {
		return e.fail("%s: %s is not a plain column name (letters, digits, _ . - and spaces, at most 128, no \"__\")", field, short(s))
	}
	return nil
}

func (c *checker) names(e nodeErr, x any, field string, nonempty bool, most int) error {
	cs, ok := x.([]any)
	if !ok {
		return e.fail("%s must be a list of column names, not %s", field, jtype(x))
	}
	if len(cs) > most || nonempty && len(cs) == 0 {
		least := 0
		if nonempty {
			least = 1
		}
		return e.fail("%s must list %d to %d column names", field, least, most)
	}
	for _, col := range cs {
		if err := c.name(e, col, field); err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) paths(e nodeErr, p any) error {
	ps, ok := p.([]any)
	if s, isStr := p.(string); isStr {
		ps, ok = []any{s}, true
	}
	if !ok || len(ps) == 0 || len(ps) > MaxList {
		return e.fail("path must be a string or a list of 1 to %d strings", MaxList)
	}
	for _, x := range ps {
		s, ok := x.(string)
		if !ok {
			return e.fail("path must be a string or a list of strings, not %s", jtype(x))
		}
		n, err := c.resolve(e, s)
		if err != nil {
			return err
		}
		c.files += n
		if c.files > MaxFiles {
			return e.fail("more than %d files", MaxFiles)
		}
	}
	return nil
}

// resolve checks one path or URL and returns how many files it names.
func (c *checker) resolve(e nodeErr, s string) (int, error) {
	if len(s) > MaxString {
		return 0, e.fail("path longer than %d characters", MaxString)
	}
	if strings.Contains(s, "://") {
		// The workers would fetch it: from inside the server's network
		// (http://127.0.0.1:…, http://169.254.169.254/…). Only files under
		// the data folder are read.
		return 0, e.fail("%s: URLs are not read on the cluster; plans read files under the server's data/ folder", short(s))
	}
	if !strings.HasPrefix(s, "data/") || !globRE.MatchString(s) {
		return 0, e.fail("%s: paths are relative to the server's folder and start with data/ (like \"data/nyctaxi/yellow_tripdata_2019-*.csv\")", short(s))
	}
	for _, part := range strings.Split(s, "/") {
		if part == ".." || part == "." || part == "" {
			return 0, e.fail("%s: no \"..\", \".\" or empty parts in paths", short(s))
		}
	}
	matches, err := filepath.Glob(filepath.Join(c.root, filepath.FromSlash(s)))
	if err != nil {
		return 0, e.fail("%s: %v", short(s), err)
	}
	if len(matches) == 0 {
		return 0, e.fail("%s: no such file", short(s))
	}
	for _, m := range matches {
		rel, _ := filepath.Rel(c.root, m)
		real, err := filepath.EvalSymlinks(m)
		if err != nil || !strings.HasPrefix(real, c.data+string(filepath.Separator)) {
			return 0, e.fail("%s: %s leads outside the data folder", short(s), filepath.ToSlash(rel))
		}
		if st, err := os.Stat(real); err != nil || !st.Mode().IsRegular() {
			return 0, e.fail("%s: %s is not a file", short(s), filepath.ToSlash(rel))
		}
	}
	return len(matches), nil
}

func intArg(x any) (int64, bool) {
	n, ok := x.(json.Number)
	if !ok || !isIntSyntax(string(n)) {
		return 0, false
	}
	i, err := n.Int64()
	return i, err == nil
}

func isIntSyntax(s string) bool {
	return !strings.ContainsAny(s, ".eE")
}

// validDate reports whether an ISO string names a real date and time.
func validDate(s string) bool {
	s = strings.Replace(s, " ", "T", 1)
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

func jtype(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number, float64:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "a list"
	}
	return "an object"
}

// short shows a value in a message, cut to 80 characters, as bridge.py
// does.
func short(v any) string {
	s := jsonText(v)
	if len([]rune(s)) > 80 {
		return string([]rune(s)[:77]) + "…"
	}
	return s
}

func pyQuote(s string) string { return jsonText(s) }

// jsonText is v's JSON as Python's json.dumps(v, ensure_ascii=False,
// separators=(",", ":")) writes it, for the most part: messages from the
// server and the bridge read the same.
func jsonText(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return strings.TrimSuffix(b.String(), "\n")
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
