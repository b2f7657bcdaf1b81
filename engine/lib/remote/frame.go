package remote

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/lib/numpy"
	"burst/engine/lib/pandas"
	"burst/engine/session"
)

// While a Client of a remote cluster is open, dd.read_csv returns a
// Frame: the DataFrame API records the operations as a plan (the
// JSON tree server/cluster/README.md describes) instead of a task graph,
// and compute(), head() and persist() send it to the server, whose
// bridge rebuilds it with dask.dataframe on the cluster. Only the
// operations plans have are offered; the others are refused by name.
//
// A Series taken from a frame's columns stays an expression over
// that frame (base and expr), so that df[df.fare_amount > 0] and
// df.assign(r=df.tip_amount / df.fare_amount) become filter and assign
// nodes. Collections carry a "meta" when it is known — an empty pandas
// frame or series with their columns and dtypes, from a sample of the
// first file read here or from the cluster's answer to persist — and
// derive it through each operation with the eager pandas code on that
// empty value: it validates column names and gives Dask's structure repr.

// node is one operation of a plan.
type node = map[string]any

// remoteCollection is a lazy value on the remote cluster.
type remoteCollection interface {
	starlark.Value
	remotePlan() node
	remoteSession() *remoteSession
}

var (
	_ remoteCollection    = (*Frame)(nil)
	_ remoteCollection    = (*Series)(nil)
	_ remoteCollection    = (*Scalar)(nil)
	_ starlark.HasAttrs   = (*Frame)(nil)
	_ starlark.HasSetKey  = (*Frame)(nil)
	_ starlark.HasBinary  = (*Series)(nil)
	_ starlark.HasUnary   = (*Series)(nil)
	_ starlark.HasAttrs   = (*GroupBy)(nil)
	_ starlark.Mapping    = (*GroupBy)(nil)
	_ starlark.Sequence   = (*Frame)(nil)
	_ starlark.HasAttrs   = (*Scalar)(nil)
	_ starlark.HasBinary  = (*Frame)(nil)
	_ starlark.HasBinary  = (*Scalar)(nil)
	_ starlark.Comparable = (*Frame)(nil)
)

// notRemote is the error for an operation plans do not have.
func notRemote(what string) error {
	return fmt.Errorf("NotImplementedError: %s is not available on a remote cluster yet: the cluster runs read_csv, column selection, filters, assign, arithmetic and comparisons of columns, groupby aggregations, reductions, nunique, value_counts, head and persist; compute() a small result (an aggregation, or head()) and continue with it in pandas", what)
}

// ---- DataFrame ----

// Frame is a Dask DataFrame on the remote cluster.
type Frame struct {
	operators
	s      *remoteSession
	plan   node
	meta   *frame.Frame // zero rows; nil when unknown
	nparts int          // 0 when unknown
	key    string       // the plan's JSON, once asked for
}

func (d *Frame) remotePlan() node              { return d.plan }
func (d *Frame) remoteSession() *remoteSession { return d.s }
func (d *Frame) Type() string                  { return "dask.dataframe.DataFrame" }
func (d *Frame) Freeze()                       {}
func (d *Frame) Truth() starlark.Bool          { return true }
func (d *Frame) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'DataFrame'")
}

// CompareSameType refuses comparing whole frames, as plans cannot.
func (d *Frame) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return false, notRemote("comparing whole DataFrames")
}

// Binary refuses arithmetic on whole frames: plans do it on columns.
func (d *Frame) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	return nil, notRemote("arithmetic on a whole DataFrame (" + op.String() + ")")
}

// planKey identifies a plan: two frames with the same key are the same
// rows, so their columns combine.
func (d *Frame) planKey() string {
	if d.key == "" {
		b, _ := json.Marshal(d.plan)
		d.key = string(b)
	}
	return d.key
}

// rowsOf reports whether the expression of s can be evaluated on d's
// rows: s is over d, or over a frame d was made from by filters, column
// selections and assigns that kept the columns s uses as they were. Then
// pandas' alignment on the index gives what evaluating it on d gives, as
// in df[df.x > 0].assign(y=df.x * 2).
func (d *Frame) rowsOf(s *Series) bool {
	if s.base == nil {
		return false
	}
	want := s.base.planKey()
	if d.planKey() == want {
		return true
	}
	used := map[string]bool{}
	exprColumns(s.expr, used)
	for n := d.plan; n != nil; {
		switch n["op"] {
		case "filter":
		case "columns":
			kept := map[string]bool{}
			for _, c := range n["columns"].([]string) {
				kept[c] = true
			}
			for c := range used {
				if !kept[c] {
					return false
				}
			}
		case "assign":
			for c := range n["columns"].(node) {
				if used[c] {
					return false
				}
			}
		default:
			return false
		}
		n, _ = n["input"].(node)
		if b, _ := json.Marshal(n); string(b) == want {
			return true
		}
	}
	return false
}

// exprColumns adds the columns an expression reads to used.
func exprColumns(e node, used map[string]bool) {
	if e["op"] == "col" {
		used[e["name"].(string)] = true
	}
	for _, k := range []string{"left", "right", "operand"} {
		if sub, ok := e[k].(node); ok {
			exprColumns(sub, used)
		}
	}
}

func (d *Frame) derive(plan node, meta *frame.Frame) *Frame {
	return &Frame{s: d.s, plan: plan, meta: meta}
}

func (d *Frame) String() string {
	if d.meta == nil {
		return fmt.Sprintf("<dask.dataframe.DataFrame on the remote cluster %s: %s; compute() or head() shows its data>", d.s.info.Address, describePlan(d.plan))
	}
	return pandas.FrameStructure(d.meta, knownParts(d.nparts), remoteName(d.s, d.plan))
}

// HTML is Dask's notebook repr of the frame's structure, when it is known.
func (d *Frame) HTML() string {
	if d.meta == nil {
		return ""
	}
	return pandas.FrameStructureHTML(d.meta, knownParts(d.nparts), remoteName(d.s, d.plan))
}

// Len is -1 (unknown): len() counts the rows with PyLen.
func (d *Frame) Len() int { return -1 }

// lenIn counts the rows on the cluster, as len(df) does in Dask.
func (d *Frame) lenIn(ctx context.Context) (int, error) {
	if err := d.ensureMeta(ctx); err != nil {
		return 0, err
	}
	if len(d.meta.Columns) == 0 {
		return 0, nil
	}
	// DataFrame.size is rows × columns.
	v, err := remoteCompute(ctx, &Scalar{s: d.s, plan: node{"op": "size", "input": d.plan}})
	if err != nil {
		return 0, err
	}
	n, _ := starlark.AsInt32(v)
	return n / len(d.meta.Columns), nil
}

// ensureMeta learns the frame's columns from the cluster (the empty head
// of its first partition) when they are not known yet.
func (d *Frame) ensureMeta(ctx context.Context) error {
	if d.meta != nil {
		return nil
	}
	v, err := remoteCompute(ctx, &Frame{s: d.s, plan: node{"op": "head", "n": 0, "npartitions": 1, "input": d.plan}})
	if err != nil {
		return err
	}
	f, ok := v.(*pandas.DataFrame)
	if !ok || f.Eager() == nil {
		return fmt.Errorf("TypeError: the cluster's head() of a DataFrame is a %s", session.TypeName(v))
	}
	d.meta = f.Eager().Head(0)
	return nil
}

// Iterate yields the column names, as iterating a DataFrame does.
func (d *Frame) Iterate() starlark.Iterator {
	if d.ensureMeta(d.s.sess.Context()) == nil {
		return session.StringList(d.meta.Names()).Iterate()
	}
	return starlark.NewList(nil).Iterate()
}

// hasColumn reports whether name may be a column: always when the
// columns are not known (the cluster says if it is not).
func (d *Frame) hasColumn(name string) bool {
	if d.meta == nil {
		return true
	}
	_, ok := d.meta.Col(name)
	return ok
}

func (d *Frame) column(name string) (*Series, error) {
	if !d.hasColumn(name) {
		return nil, fmt.Errorf("KeyError: '%s'", name)
	}
	s := &Series{s: d.s, base: d, expr: node{"op": "col", "name": name}}
	if d.meta != nil {
		if v, err := (pandas.NewFrame(d.meta)).Column(name); err == nil {
			s.meta, _ = v.(*pandas.Series)
		}
	}
	return s, nil
}

// Get implements df["col"], df[["a", "b"]] and df[mask].
func (d *Frame) Get(key starlark.Value) (starlark.Value, bool, error) {
	switch key := key.(type) {
	case starlark.String:
		v, err := d.column(string(key))
		return v, err == nil, err
	case *starlark.List, starlark.Tuple:
		names, err := pandas.StringsArg("columns", key)
		if err != nil {
			return nil, false, err
		}
		var meta *frame.Frame
		if d.meta != nil {
			for _, n := range names {
				if !d.hasColumn(n) {
					return nil, false, fmt.Errorf("KeyError: \"['%s'] not in index\"", n)
				}
			}
			if v, _, err := (pandas.NewFrame(d.meta)).Get(starlark.NewList(stringValues(names))); err == nil {
				meta = v.(*pandas.DataFrame).Eager()
			}
		}
		return d.derive(node{"op": "columns", "input": d.plan, "columns": names}, meta), true, nil
	case *Series:
		if key.base == nil || !d.rowsOf(key) {
			return nil, false, notRemote("filtering a DataFrame with a mask computed from another DataFrame")
		}
		return d.derive(node{"op": "filter", "input": d.plan, "where": key.expr}, d.meta), true, nil
	}
	return nil, false, fmt.Errorf("TypeError: cannot index a DataFrame on the remote cluster with %s", session.TypeName(key))
}

// SetKey implements df["col"] = value, as an assign.
func (d *Frame) SetKey(k, v starlark.Value) error {
	name, ok := starlark.AsString(k)
	if !ok {
		return fmt.Errorf("TypeError: column names must be strings")
	}
	r, err := d.assign([]string{name}, []starlark.Value{v})
	if err != nil {
		return err
	}
	*d = *r
	return nil
}

func (d *Frame) assign(names []string, vals []starlark.Value) (*Frame, error) {
	cols := node{}
	shadows := make([]starlark.Value, len(vals))
	for i, v := range vals {
		e, shadow, err := d.operand(v, nil)
		if err != nil {
			return nil, err
		}
		cols[names[i]] = e
		shadows[i] = shadow
	}
	var meta *frame.Frame
	if d.meta != nil {
		if r, err := (pandas.NewFrame(d.meta)).Assign(names, shadows); err == nil {
			meta = r.Eager()
		}
	}
	return d.derive(node{"op": "assign", "input": d.plan, "columns": cols}, meta), nil
}

// operand turns a value used with d's columns into an expression: a
// column expression of d, or a literal. The shadow is the value to give
// the eager code computing the meta (nil if unknown). like is the other
// side of a binary operation, whose dtype tells a date literal.
func (d *Frame) operand(v starlark.Value, like *frame.Series) (node, starlark.Value, error) {
	switch v := v.(type) {
	case *Series:
		if v.base == nil {
			return nil, nil, notRemote("using the result of an aggregation in an expression")
		}
		if !d.rowsOf(v) {
			return nil, nil, notRemote("combining columns of different DataFrames")
		}
		var shadow starlark.Value
		if v.meta != nil {
			shadow = v.meta
		}
		return v.expr, shadow, nil
	case *Scalar:
		return nil, nil, notRemote("using a lazy Scalar (a reduction) in an expression")
	case *Frame, *pandas.DataFrame, *pandas.Series:
		return nil, nil, fmt.Errorf("TypeError: cannot combine a %s with columns of a DataFrame on the remote cluster", session.TypeName(v))
	case pandas.Timestamp:
		return node{"op": "lit", "value": time.Time(v).UTC().Format("2006-01-02T15:04:05.999999999"), "type": "datetime"}, v, nil
	case starlark.String:
		// A string compared with a datetime column is a date, as pandas
		// reads it.
		if like != nil && frame.DTypeOf(like.Data.DataType()) == frame.Datetime {
			t, err := parseTimestamp(string(v))
			if err != nil {
				return nil, nil, err
			}
			return node{"op": "lit", "value": string(v), "type": "datetime"}, pandas.Timestamp(t), nil
		}
		return node{"op": "lit", "value": string(v)}, v, nil
	case starlark.Int, starlark.Float, starlark.Bool, starlark.NoneType:
		g, _ := pandas.GoScalar(v)
		return node{"op": "lit", "value": g}, v, nil
	}
	return nil, nil, fmt.Errorf("TypeError: a %s cannot be part of an expression on the remote cluster", session.TypeName(v))
}

// parseTimestamp reads a date as pandas.Timestamp does, for the layouts
// plans accept.
func parseTimestamp(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("ValueError: could not convert string to Timestamp: %q (write dates like \"2019-06-01\" or \"2019-06-01 12:00:00\")", s)
}

var remoteFrameMethods = []string{"assign", "compute", "count", "groupby", "head", "max", "mean", "min", "persist", "std", "sum", "var"}

func (d *Frame) AttrNames() []string {
	names := append(append([]string(nil), remoteFrameMethods...), "columns", "dtypes", "npartitions")
	if d.meta != nil {
		names = append(names, d.meta.Names()...)
	}
	return names
}

// Attr implements the methods plans have, the structure's properties,
// then columns as attributes.
func (d *Frame) Attr(name string) (starlark.Value, error) {
	method := func(f func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) (starlark.Value, error) {
		return starlark.NewBuiltin("DataFrame."+name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(th, args, kwargs)
		}), nil
	}
	switch name {
	case "compute":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return remoteCompute(contextOf(th), d)
		})
	case "persist":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return remotePersist(contextOf(th), d)
		})
	case "head":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return remoteHead(th, d, args, kwargs)
		})
	case "groupby":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return d.groupby(args, kwargs)
		})
	case "assign":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 0 {
				return nil, fmt.Errorf("TypeError: assign() takes only keyword arguments (name=value)")
			}
			names := make([]string, len(kwargs))
			vals := make([]starlark.Value, len(kwargs))
			for i, kv := range kwargs {
				names[i], vals[i] = string(kv[0].(starlark.String)), kv[1]
			}
			return d.assign(names, vals)
		})
	case "mean", "sum", "count", "min", "max", "std", "var":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			n, err := reductionNode(name, d.plan, args, kwargs)
			if err != nil {
				return nil, err
			}
			return &Series{s: d.s, plan: n}, nil
		})
	case "columns":
		if d.meta != nil {
			return (pandas.NewFrame(d.meta)).Attr("columns")
		}
	case "dtypes":
		if d.meta != nil {
			return pandas.NewSeries(pandas.DTypesOf(d.meta)), nil
		}
	case "npartitions":
		if d.nparts > 0 {
			return starlark.MakeInt(d.nparts), nil
		}
		return nil, notRemote("npartitions before persist()")
	case "_repr_html_":
		return method(func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.String(d.HTML()), nil
		})
	}
	if isMethod := pandas.HasFrameMethod(name); isMethod || name == "loc" || name == "index" || name == "shape" || name == "values" {
		return nil, notRemote("DataFrame." + name)
	}
	if d.meta == nil && (name == "columns" || name == "dtypes") {
		if err := d.ensureMeta(d.s.sess.Context()); err != nil {
			return nil, err
		}
		return d.Attr(name)
	}
	if d.meta != nil && !d.hasColumn(name) || strings.HasPrefix(name, "_") {
		return nil, fmt.Errorf("AttributeError: 'DataFrame' object has no attribute '%s'", name)
	}
	return d.column(name)
}

// groupby implements df.groupby(by, sort=True, dropna=True).
func (d *Frame) groupby(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var by, sort starlark.Value
	var dropna starlark.Value = starlark.None
	if err := starlark.UnpackArgs("groupby", args, kwargs, "by", &by, "sort?", &sort, "dropna?", &dropna); err != nil {
		return nil, err
	}
	keys, err := pandas.StringsArg("by", by)
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		if !d.hasColumn(k) {
			return nil, fmt.Errorf("KeyError: '%s'", k)
		}
	}
	n := node{"op": "groupby", "input": d.plan, "by": any(keys)}
	if s, ok := by.(starlark.String); ok {
		n["by"] = string(s)
	}
	switch v := dropna.(type) {
	case starlark.Bool:
		n["dropna"] = bool(v)
	case starlark.NoneType:
	default:
		return nil, fmt.Errorf("TypeError: dropna must be True or False")
	}
	return &GroupBy{s: d.s, plan: n, frame: d, by: keys}, nil
}

// reductionNode is a reduction of input; std and var take ddof.
func reductionNode(how string, input node, args starlark.Tuple, kwargs []starlark.Tuple) (node, error) {
	ddof := 1
	var skipna, numericOnly, split starlark.Value
	if err := starlark.UnpackArgs(how, args, kwargs, "ddof?", &ddof, "skipna?", &skipna, "numeric_only?", &numericOnly, "split_every?", &split); err != nil {
		return nil, err
	}
	if skipna == starlark.False {
		return nil, notRemote(how + "(skipna=False)")
	}
	n := node{"op": how, "input": input}
	if how == "std" || how == "var" {
		if ddof < 0 || ddof > 10 {
			return nil, fmt.Errorf("ValueError: ddof must be from 0 to 10 on the remote cluster")
		}
		n["ddof"] = ddof
	} else if ddof != 1 {
		return nil, fmt.Errorf("TypeError: %s() got an unexpected keyword argument 'ddof'", how)
	}
	return n, nil
}

// remoteHead implements head(n=5, npartitions=1, compute=True): it runs at
// once, as Dask's head does, and returns a pandas value.
func remoteHead(th *starlark.Thread, c remoteCollection, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n, nparts := 5, 1
	var compute starlark.Value = starlark.True
	if err := starlark.UnpackArgs("head", args, kwargs, "n?", &n, "npartitions?", &nparts, "compute?", &compute); err != nil {
		return nil, err
	}
	if compute != starlark.True {
		return nil, notRemote("head(compute=False)")
	}
	if n < 0 || n > 10000 {
		return nil, fmt.Errorf("ValueError: head(n) takes 0 to 10000 rows from a remote cluster, not %d", n)
	}
	if nparts == 0 || nparts < -1 {
		return nil, fmt.Errorf("ValueError: npartitions must be -1 (all) or a positive number, not %d", nparts)
	}
	h := node{"op": "head", "input": c.remotePlan(), "n": n, "npartitions": nparts}
	return remoteCompute(contextOf(th), &Frame{s: c.remoteSession(), plan: h})
}

// ---- Series ----

// Series is a Dask Series on the remote cluster: an expression over
// the columns of base, or (base nil) the result of plan, such as an
// aggregation.
type Series struct {
	operators
	s      *remoteSession
	base   *Frame
	expr   node
	plan   node
	meta   *pandas.Series // eager, empty; nil when unknown
	nparts int
}

func (x *Series) remotePlan() node {
	if x.base == nil {
		return x.plan
	}
	if x.expr["op"] == "col" {
		return node{"op": "column", "input": x.base.plan, "column": x.expr["name"]}
	}
	return node{"op": "expr", "input": x.base.plan, "expr": x.expr}
}
func (x *Series) remoteSession() *remoteSession { return x.s }
func (x *Series) Type() string                  { return "dask.dataframe.Series" }
func (x *Series) Freeze()                       {}
func (x *Series) Truth() starlark.Bool          { return true }
func (x *Series) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'Series'")
}

func (x *Series) String() string {
	if x.meta == nil || x.meta.Eager() == nil {
		return fmt.Sprintf("<dask.dataframe.Series on the remote cluster %s: %s; compute() or head() shows its data>", x.s.info.Address, describePlan(x.remotePlan()))
	}
	m := x.meta.Eager()
	return pandas.SeriesStructure("Series", knownParts(x.nparts), m.Name, frame.DTypeOf(m.Data.DataType()), remoteName(x.s, x.remotePlan()))
}

// Binary implements arithmetic, comparisons and & | between columns of
// one frame and with scalars.
func (x *Series) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	o, ok := pandas.TokenOp(op)
	if !ok {
		return nil, nil
	}
	if side == starlark.Right {
		return remoteBinary(o, y, x)
	}
	return remoteBinary(o, x, y)
}

// planOps names Python's operators as plans do.
var planOps = map[string]string{
	"+": "add", "-": "sub", "*": "mul", "/": "div", "//": "floordiv", "%": "mod", "**": "pow",
	"==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge", "&": "and", "|": "or",
}

// isRemote reports whether v is a value on the remote cluster.
func isRemote(v starlark.Value) bool {
	_, ok := v.(remoteCollection)
	return ok
}

// remoteBinary applies a Python operator when either side is on the
// remote cluster.
func remoteBinary(op string, x, y starlark.Value) (starlark.Value, error) {
	sx, xok := x.(*Series)
	sy, yok := y.(*Series)
	var s *Series
	switch {
	case xok:
		s = sx
	case yok:
		s = sy
	default:
		return nil, notRemote(fmt.Sprintf("%s between a %s and a %s", op, session.TypeName(x), session.TypeName(y)))
	}
	name, ok := planOps[op]
	if !ok {
		return nil, notRemote("the operator " + op)
	}
	if s.base == nil {
		return nil, notRemote("arithmetic on the result of an aggregation")
	}
	var like *frame.Series
	if s.meta != nil {
		like = s.meta.Eager()
	}
	l, lshadow, err := s.base.operand(x, like)
	if err != nil {
		return nil, err
	}
	r, rshadow, err := s.base.operand(y, like)
	if err != nil {
		return nil, err
	}
	out := &Series{s: s.s, base: s.base, expr: node{"op": name, "left": l, "right": r}}
	if lshadow != nil && rshadow != nil {
		if v, err := pandas.Binary(op, lshadow, rshadow); err == nil {
			out.meta, _ = v.(*pandas.Series)
		}
	}
	return out, nil
}

// Unary implements -s and ~s.
func (x *Series) Unary(op syntax.Token) (starlark.Value, error) {
	var name string
	switch op {
	case syntax.MINUS:
		name = "neg"
	case syntax.TILDE:
		name = "not"
	case syntax.PLUS:
		return x, nil
	default:
		return nil, nil
	}
	return x.unary(name, func() (starlark.Value, error) { return pandas.UnaryToken(op, x.meta) })
}

func (x *Series) unary(name string, shadow func() (starlark.Value, error)) (starlark.Value, error) {
	if x.base == nil {
		return nil, notRemote("arithmetic on the result of an aggregation")
	}
	out := &Series{s: x.s, base: x.base, expr: node{"op": name, "operand": x.expr}}
	if x.meta != nil {
		if v, err := shadow(); err == nil {
			out.meta, _ = v.(*pandas.Series)
		}
	}
	return out, nil
}

var remoteSeriesMethods = []string{"compute", "count", "head", "isna", "isnull", "max", "mean", "min", "notna", "notnull", "nunique", "persist", "size", "std", "sum", "value_counts", "var"}

func (x *Series) AttrNames() []string {
	return append(append([]string(nil), remoteSeriesMethods...), "dtype", "name")
}

// Attr implements the methods plans have and the structure's properties.
func (x *Series) Attr(name string) (starlark.Value, error) {
	method := func(f func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) (starlark.Value, error) {
		return starlark.NewBuiltin("Series."+name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(th, args, kwargs)
		}), nil
	}
	switch name {
	case "compute":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return remoteCompute(contextOf(th), x)
		})
	case "persist":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return remotePersist(contextOf(th), x)
		})
	case "head":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return remoteHead(th, x, args, kwargs)
		})
	case "mean", "sum", "count", "min", "max", "std", "var":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			n, err := reductionNode(name, x.remotePlan(), args, kwargs)
			if err != nil {
				return nil, err
			}
			return &Scalar{s: x.s, plan: n}, nil
		})
	case "nunique":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
				return nil, err
			}
			return &Scalar{s: x.s, plan: node{"op": "nunique", "input": x.remotePlan()}}, nil
		})
	case "value_counts":
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
				return nil, err
			}
			return &Series{s: x.s, plan: node{"op": "value_counts", "input": x.remotePlan()}}, nil
		})
	case "isnull", "isna", "notnull", "notna":
		op := "isnull"
		if strings.HasPrefix(name, "not") {
			op = "notnull"
		}
		return method(func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
				return nil, err
			}
			return x.unary(op, func() (starlark.Value, error) {
				f, err := x.meta.Attr(name)
				if err != nil {
					return nil, err
				}
				return starlark.Call(th, f, nil, nil)
			})
		})
	case "size":
		// A property in Dask: the number of values, lazily.
		return &Scalar{s: x.s, plan: node{"op": "size", "input": x.remotePlan()}}, nil
	case "name", "dtype":
		if x.meta != nil {
			return x.meta.Attr(name)
		}
		if name == "name" && x.base != nil && x.expr["op"] == "col" {
			return starlark.String(x.expr["name"].(string)), nil
		}
		return nil, notRemote("Series." + name + " before the series is computed")
	case "npartitions":
		if x.nparts > 0 {
			return starlark.MakeInt(x.nparts), nil
		}
		return nil, notRemote("npartitions before persist()")
	}
	if isMethod := pandas.HasSeriesMethod(name); isMethod || name == "dt" || name == "str" || name == "loc" || name == "index" || name == "values" || name == "shape" {
		return nil, notRemote("Series." + name)
	}
	return nil, fmt.Errorf("AttributeError: 'Series' object has no attribute '%s'", name)
}

// Len is -1 (unknown): len() counts the values with PyLen.
func (x *Series) Len() int { return -1 }

// lenIn counts the values on the cluster.
func (x *Series) lenIn(ctx context.Context) (int, error) {
	v, err := remoteCompute(ctx, &Scalar{s: x.s, plan: node{"op": "size", "input": x.remotePlan()}})
	if err != nil {
		return 0, err
	}
	n, _ := starlark.AsInt32(v)
	return n, nil
}

// ---- Scalar ----

// Scalar is a Dask Scalar on the remote cluster: a reduction.
type Scalar struct {
	operators
	s    *remoteSession
	plan node
}

func (x *Scalar) remotePlan() node              { return x.plan }
func (x *Scalar) remoteSession() *remoteSession { return x.s }
func (x *Scalar) Type() string                  { return "dask.dataframe.Scalar" }
func (x *Scalar) Freeze()                       {}
func (x *Scalar) Truth() starlark.Bool          { return true }
func (x *Scalar) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'Scalar'")
}
func (x *Scalar) String() string {
	return fmt.Sprintf("dd.Scalar<%s, on the remote cluster %s>", describePlan(x.plan), x.s.info.Address)
}
func (x *Scalar) AttrNames() []string { return []string{"compute"} }

// Binary refuses arithmetic on lazy scalars: plans end with them.
func (x *Scalar) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	return nil, notRemote("arithmetic on a lazy Scalar (" + op.String() + "); compute() it first")
}

func (x *Scalar) Attr(name string) (starlark.Value, error) {
	if name == "compute" {
		return starlark.NewBuiltin("Scalar.compute", func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return remoteCompute(contextOf(th), x)
		}), nil
	}
	if name == "persist" || name == "visualize" || name == "dask" {
		return nil, notRemote("Scalar." + name)
	}
	return nil, fmt.Errorf("AttributeError: 'Scalar' object has no attribute '%s'", name)
}

// ---- GroupBy ----

// GroupBy is df.groupby(by) on the remote cluster, with columns
// selected or one column (series).
type GroupBy struct {
	session.Unhashable
	s      *remoteSession
	plan   node
	frame  *Frame
	by     []string
	series bool
}

func (g *GroupBy) String() string {
	if g.series {
		return "<dask.dataframe.groupby.SeriesGroupBy on the remote cluster>"
	}
	return "<dask.dataframe.groupby.DataFrameGroupBy on the remote cluster>"
}
func (g *GroupBy) Type() string {
	if g.series {
		return "SeriesGroupBy"
	}
	return "DataFrameGroupBy"
}

func (g *GroupBy) selectCols(names []string, series bool) (*GroupBy, error) {
	if g.series {
		return nil, fmt.Errorf("IndexError: Column(s) %s already selected", names[0])
	}
	for _, n := range names {
		if !g.frame.hasColumn(n) {
			return nil, fmt.Errorf("KeyError: 'Column not found: %s'", n)
		}
	}
	n := node{"op": "columns", "input": g.plan, "columns": names}
	if series {
		n = node{"op": "column", "input": g.plan, "column": names[0]}
	}
	return &GroupBy{s: g.s, plan: n, frame: g.frame, by: g.by, series: series}, nil
}

// Get implements groupby["col"] and groupby[["a", "b"]].
func (g *GroupBy) Get(key starlark.Value) (starlark.Value, bool, error) {
	if s, ok := starlark.AsString(key); ok {
		v, err := g.selectCols([]string{s}, true)
		return v, err == nil, err
	}
	names, err := pandas.StringsArg("columns", key)
	if err != nil {
		return nil, false, err
	}
	v, err := g.selectCols(names, false)
	return v, err == nil, err
}

var remoteGroupMethods = []string{"agg", "aggregate", "count", "first", "last", "max", "mean", "min", "nunique", "prod", "size", "std", "sum", "var"}

func (g *GroupBy) AttrNames() []string { return remoteGroupMethods }

// result wraps an aggregation's node: a frame for a grouped frame (and a
// list of aggregations), else a series.
func (g *GroupBy) result(n node, frameResult bool) starlark.Value {
	if frameResult {
		return &Frame{s: g.s, plan: n}
	}
	return &Series{s: g.s, plan: n}
}

// Attr implements the aggregations and columns as attributes.
func (g *GroupBy) Attr(name string) (starlark.Value, error) {
	method := func(f func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) (starlark.Value, error) {
		return starlark.NewBuiltin("GroupBy."+name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(args, kwargs)
		}), nil
	}
	switch name {
	case "agg", "aggregate":
		return method(func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var spec starlark.Value
			if err := starlark.UnpackPositionalArgs(name, args, nil, 1, &spec); err != nil {
				return nil, err
			}
			if len(kwargs) > 0 {
				return nil, notRemote("named aggregation (agg(name=(column, func)))")
			}
			fn, list, err := aggSpec(spec)
			if err != nil {
				return nil, err
			}
			return g.result(node{"op": "agg", "input": g.plan, "func": fn}, !g.series || list), nil
		})
	case "mean", "sum", "count", "size", "min", "max", "std", "var":
		return method(func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			n, err := reductionNode(name, g.plan, args, kwargs)
			if err != nil {
				return nil, err
			}
			// size counts rows per group: a series even for a frame.
			return g.result(n, !g.series && name != "size"), nil
		})
	case "first", "last", "prod":
		return method(func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
				return nil, err
			}
			return g.result(node{"op": "agg", "input": g.plan, "func": name}, !g.series), nil
		})
	case "nunique":
		return method(func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if !g.series {
				return nil, notRemote("DataFrameGroupBy.nunique (select a column first: df.groupby(by).col.nunique())")
			}
			if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
				return nil, err
			}
			return g.result(node{"op": "nunique", "input": g.plan}, false), nil
		})
	}
	if !g.series && !strings.HasPrefix(name, "_") {
		if _, isMethod := groupMethodSet[name]; !isMethod && g.frame.hasColumn(name) {
			return g.selectCols([]string{name}, true)
		}
	}
	if groupMethodSet[name] || name == "apply" || name == "transform" || name == "cumsum" || name == "idxmax" || name == "idxmin" {
		return nil, notRemote("GroupBy." + name)
	}
	return nil, fmt.Errorf("AttributeError: '%s' object has no attribute '%s'", g.Type(), name)
}

var groupMethodSet = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range pandas.GroupMethods() {
		m[n] = true
	}
	for _, n := range remoteGroupMethods {
		m[n] = true
	}
	return m
}()

// aggSpec checks an agg() argument: a name, a list of names, or a dict of
// column → name or list. list reports whether the result has a column
// per aggregation.
func aggSpec(spec starlark.Value) (any, bool, error) {
	check := func(h string) error {
		if !frame.GroupAggs[h] {
			return fmt.Errorf("AttributeError: 'SeriesGroupBy' object has no attribute '%s'", h)
		}
		return nil
	}
	switch s := spec.(type) {
	case starlark.String:
		return string(s), false, check(string(s))
	case *starlark.List, starlark.Tuple:
		hows, err := pandas.StringsArg("agg", s)
		if err != nil {
			return nil, false, err
		}
		for _, h := range hows {
			if err := check(h); err != nil {
				return nil, false, err
			}
		}
		return hows, true, nil
	case *starlark.Dict:
		out := map[string]any{}
		for _, kv := range s.Items() {
			col, ok := starlark.AsString(kv[0])
			if !ok {
				return nil, false, fmt.Errorf("TypeError: agg dict keys must be column names")
			}
			if h, ok := starlark.AsString(kv[1]); ok {
				if err := check(h); err != nil {
					return nil, false, err
				}
				out[col] = h
				continue
			}
			hows, err := pandas.StringsArg("agg", kv[1])
			if err != nil {
				return nil, false, fmt.Errorf("TypeError: agg({%q: …}) takes a function name or a list of them", col)
			}
			for _, h := range hows {
				if err := check(h); err != nil {
					return nil, false, err
				}
			}
			out[col] = hows
		}
		return out, true, nil
	}
	return nil, false, fmt.Errorf("TypeError: agg() takes a function name, a list or a dict, not %s", session.TypeName(spec))
}

// ---- read_csv, compute, persist ----

// remoteReadCSV implements dd.read_csv while a remote Client is open: a
// read_csv node, and the meta from a sample of the first file when this
// kernel can read it (the server serves the same data folder the
// cluster reads).
func remoteReadCSV(s *remoteSession, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var (
		urlpath                                         starlark.Value
		parseDates, dtype, usecols, naValues, blocksize starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None, starlark.None
	)
	if err := starlark.UnpackArgs("read_csv", args, kwargs,
		"urlpath", &urlpath, "parse_dates?", &parseDates, "dtype?", &dtype,
		"usecols?", &usecols, "na_values?", &naValues, "blocksize?", &blocksize); err != nil {
		return nil, fmt.Errorf("TypeError: %v", err)
	}
	n := node{"op": "read_csv"}
	paths, err := pandas.StringsArg("urlpath", urlpath)
	if err != nil {
		return nil, err
	}
	if s, ok := urlpath.(starlark.String); ok {
		n["path"] = string(s)
	} else {
		n["path"] = paths
	}
	if naValues != starlark.None {
		return nil, notRemote("read_csv(na_values=…)")
	}
	if parseDates != starlark.None {
		if _, ok := parseDates.(*starlark.Dict); ok {
			return nil, notRemote("read_csv(parse_dates={new: [columns]})")
		}
		names, err := pandas.StringsArg("parse_dates", parseDates)
		if err != nil {
			return nil, err
		}
		n["parse_dates"] = names
	}
	if dtype != starlark.None {
		d, ok := dtype.(*starlark.Dict)
		if !ok {
			return nil, fmt.Errorf("TypeError: dtype must be a dict of column: type, not %s", session.TypeName(dtype))
		}
		out := map[string]string{}
		for _, kv := range d.Items() {
			col, ok := starlark.AsString(kv[0])
			if !ok {
				return nil, fmt.Errorf("TypeError: dtype keys must be column names")
			}
			t, err := remoteDType(kv[1])
			if err != nil {
				return nil, fmt.Errorf("TypeError: %v (column %q)", err, col)
			}
			out[col] = t
		}
		n["dtype"] = out
	}
	if usecols != starlark.None {
		names, err := pandas.StringsArg("usecols", usecols)
		if err != nil {
			return nil, err
		}
		n["usecols"] = names
	}
	switch b := blocksize.(type) {
	case starlark.NoneType:
	case starlark.Int:
		v, _ := b.Int64()
		n["blocksize"] = v
	case starlark.String:
		n["blocksize"] = string(b)
	default:
		return nil, fmt.Errorf("TypeError: blocksize must be a number of bytes or a string like \"64MB\"")
	}
	return &Frame{s: s, plan: n, meta: sampleMeta(s.sess, paths, urlpath, parseDates, dtype, usecols)}, nil
}

// sampleMeta reads the columns and dtypes from the start of the first
// file, as dd.read_csv does, when this kernel can read it; nil if not
// (a URL only the cluster reaches, a dtype the kernel lacks).
func sampleMeta(s *session.Session, paths []string, args ...starlark.Value) *frame.Frame {
	if len(paths) == 0 || strings.Contains(paths[0], "://") {
		return nil
	}
	kw := []starlark.Tuple{{starlark.String("parse_dates"), args[1]}, {starlark.String("dtype"), args[2]}, {starlark.String("usecols"), args[3]}}
	_, opt, _, err := pandas.ReadCSVArgs("read_csv", starlark.Tuple{args[0]}, kw)
	if err != nil {
		return nil
	}
	fs := s.Host().FS()
	names, err := fs.Glob(paths[0])
	if err != nil || len(names) == 0 {
		return nil
	}
	d, err := dataframe.ReadCSVFiles(fs, names[:1], opt, 0)
	if err != nil {
		return nil
	}
	return d.FrameMeta()
}

// remoteDType names a dtype as plans do: "float64" for float, "object"
// for str.
func remoteDType(v starlark.Value) (string, error) {
	var name string
	switch t := v.(type) {
	case *starlark.Builtin:
		name = t.Name()
	case *session.PyType:
		name = t.Name()
	case starlark.String:
		name = string(t)
	case *numpy.DTypeValue:
		name = fmt.Sprint(t.DType())
	default:
		return "", fmt.Errorf("data type %s not understood", session.Repr(v))
	}
	switch name {
	case "int64", "int32", "int16", "int8", "uint8", "uint16", "uint32", "uint64", "float64", "float32",
		"bool", "object", "string", "category", "datetime64[ns]", "Int64", "Int32", "Float64", "boolean":
		return name, nil
	}
	dt, err := frame.ParseDType(name)
	if err != nil {
		return "", err
	}
	return string(dt), nil
}

// remoteCompute runs c's plan on the cluster and returns the result as a
// pandas value.
func remoteCompute(ctx context.Context, c remoteCollection) (starlark.Value, error) {
	var out struct {
		Result remoteResult `json:"result"`
	}
	s := c.remoteSession()
	if err := s.call(ctx, "POST", "/api/cluster/plan", map[string]any{"session": s.info.Session, "plan": node{"op": "compute", "input": c.remotePlan()}}, &out); err != nil {
		return nil, err
	}
	return out.Result.value()
}

// remotePersist keeps c on the cluster's workers: later expressions start
// from what it holds.
func remotePersist(ctx context.Context, c remoteCollection) (starlark.Value, error) {
	s := c.remoteSession()
	if _, ok := c.(*Scalar); ok {
		return nil, notRemote("persisting a Scalar")
	}
	s.persisted++
	name := fmt.Sprintf("persisted%d", s.persisted)
	var out struct {
		Result remoteResult `json:"result"`
	}
	if err := s.call(ctx, "POST", "/api/cluster/plan", map[string]any{"session": s.info.Session, "plan": node{"op": "persist", "name": name, "input": c.remotePlan()}}, &out); err != nil {
		return nil, err
	}
	r := out.Result
	plan := node{"op": "persisted", "name": name}
	if r.Kind == "series" {
		ser := &Series{s: s, plan: plan, nparts: r.NPartitions}
		if r.DType != "" {
			ser.meta = pandas.NewSeries(&frame.Series{Name: fmt.Sprint(jsonScalar(r.Name)), Data: emptyColumn(r.DType)})
			if r.Name == nil {
				ser.meta.Eager().Name = ""
			}
		}
		return ser, nil
	}
	var meta *frame.Frame
	if len(r.Columns) == len(r.DTypes) {
		cols := make([]frame.Column, len(r.Columns))
		for i, c := range r.Columns {
			cols[i] = frame.Column{Name: columnName(c), Data: emptyColumn(r.DTypes[i])}
		}
		meta = &frame.Frame{Columns: cols}
	}
	return &Frame{s: s, plan: plan, meta: meta, nparts: r.NPartitions}, nil
}

// remoteMany implements dask.compute and dask.persist when any argument is
// on the remote cluster; ok is false when none is.
func remoteMany(ctx context.Context, args starlark.Tuple, persist bool) ([]starlark.Value, bool, error) {
	any := false
	for _, a := range args {
		any = any || isRemote(a)
	}
	if !any {
		return nil, false, nil
	}
	out := make([]starlark.Value, len(args))
	for i, a := range args {
		rc, ok := a.(remoteCollection)
		if !ok {
			if pandas.IsCollection(a) {
				return nil, true, fmt.Errorf("TypeError: dask.compute() cannot mix collections on the remote cluster with ones in this page")
			}
			out[i] = a
			continue
		}
		var err error
		if persist {
			out[i], err = remotePersist(ctx, rc)
		} else {
			out[i], err = remoteCompute(ctx, rc)
		}
		if err != nil {
			return nil, true, err
		}
	}
	return out, true, nil
}

// describePlan names a plan's operations from the source: "read_csv →
// groupby(passenger_count) → tip_amount → mean".
func describePlan(n node) string {
	var steps []string
	for n != nil {
		op, _ := n["op"].(string)
		step := op
		switch op {
		case "column":
			step = fmt.Sprint(n["column"])
		case "groupby":
			step = fmt.Sprintf("groupby(%v)", n["by"])
		case "persisted":
			step = "persisted"
		case "assign":
			cols, _ := n["columns"].(node)
			names := make([]string, 0, len(cols))
			for c := range cols {
				names = append(names, c)
			}
			sort.Strings(names)
			step = "assign(" + strings.Join(names, ", ") + ")"
		}
		steps = append(steps, step)
		n, _ = n["input"].(node)
	}
	for i, j := 0, len(steps)-1; i < j; i, j = i+1, j-1 {
		steps[i], steps[j] = steps[j], steps[i]
	}
	return strings.Join(steps, " → ")
}

// remoteName is the last line of a remote collection's structure repr.
func remoteName(s *remoteSession, n node) string {
	op, _ := n["op"].(string)
	return fmt.Sprintf("Dask Name: %s, on the remote cluster %s", strings.ReplaceAll(op, "_", "-"), s.info.Address)
}

// knownParts is a number of partitions for the structure reprs: -1 while
// it is not known.
func knownParts(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

func stringValues(ss []string) []starlark.Value {
	out := make([]starlark.Value, len(ss))
	for i, s := range ss {
		out[i] = starlark.String(s)
	}
	return out
}

// operators apply Python's operators with a remote collection on either
// side (session.Operator): the cluster computes them. Frame, Series and
// Scalar embed it.
type operators struct{}

func (operators) Operate(op string, x, y starlark.Value) (starlark.Value, error) {
	return remoteBinary(op, x, y)
}

// PyLen implements len(df): the cluster counts the rows.
func (d *Frame) PyLen(th *starlark.Thread) (int, error) { return d.lenIn(contextOf(th)) }

// PyLen implements len(s): the cluster counts the values.
func (x *Series) PyLen(th *starlark.Thread) (int, error) { return x.lenIn(contextOf(th)) }
