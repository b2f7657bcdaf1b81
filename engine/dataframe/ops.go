package dataframe

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"

	"burst/engine/frame"
	"burst/engine/graph"
)

// The operations DataFrame graphs use; every process that runs tasks
// (native workers, browser workers) links this package.
func init() {
	register("read-csv", opReadCSV)
	register("cov-chunk", opCovChunk)
	register("cov-agg", opCovAgg)
	register("sort-sample", opSortSample)
	register("sort-divisions", opSortDivisions)
	register("sort-split", opSortSplit)
	register("sort-gather", opSortGather)
	register("loc-rows", opLocRows)
	register("idx-chunk", opIdxChunk)
	register("idx-agg", opIdxAgg)
	register("row-reduce", opRowReduce)
	register("getitem", opGetitem)
	register("binary", opBinary)
	register("unary", opUnary)
	register("filter", opFilter)
	register("assign", opAssign)
	register("head", opHead)
	register("tail", opTail)
	register("reduce-chunk", opReduceChunk)
	register("reduce-agg", opReduceAgg)
	register("group-chunk", opGroupChunk)
	register("group-agg", opGroupAgg)
	register("concat", opConcat)
	register("sort-values", opSortValues)
	register("nlargest", opNLargest)
	register("drop-duplicates", opDropDuplicates)
	register("value-counts-chunk", opValueCountsChunk)
	register("value-counts-agg", opValueCountsAgg)
	register("merge", opMerge)
	register("set-index", opSetIndex)
	register("reset-index", opResetIndex)
	register("describe", opDescribe)
	register("len-chunk", opLenChunk)
	register("rename", opRename)
	register("index", opIndex)
}

// opIndex returns the index of a frame or series as a Series of its
// labels (named as the index), which a lazy Index computes.
func opIndex(_ *graph.Env, _ struct{}, in []graph.Value) (graph.Value, error) {
	f, _, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	idx := f.IndexOrRange()
	if len(idx) != 1 {
		return nil, fmt.Errorf("NotImplementedError: the index of a frame with a MultiIndex")
	}
	return &frame.Series{Name: idx[0].Name, Index: idx, Data: idx[0].Data}, nil
}

// register adds an operation whose parameters decode into P.
func register[P any](name string, f func(env *graph.Env, p P, in []graph.Value) (graph.Value, error)) {
	graph.Register(name, func(env *graph.Env, raw json.RawMessage, in []graph.Value) (graph.Value, error) {
		var p P
		if len(raw) > 0 {
			if err := json.Unmarshal(raw, &p); err != nil {
				return nil, fmt.Errorf("bad parameters for %s: %v", name, err)
			}
		}
		return f(env, p, in)
	})
}

// Scalar is a Go scalar in task parameters, keeping its Python type
// through JSON: float64, int64, bool, string, time.Time, time.Duration or
// nil.
type Scalar struct{ V any }

type scalarJSON struct {
	F *float64 `json:"f,omitempty"`
	I *string  `json:"i,omitempty"`
	B *bool    `json:"b,omitempty"`
	S *string  `json:"s,omitempty"`
	T *int64   `json:"t,omitempty"`
	D *int64   `json:"d,omitempty"`
}

// MarshalJSON implements json.Marshaler.
func (s Scalar) MarshalJSON() ([]byte, error) {
	var j scalarJSON
	switch v := s.V.(type) {
	case nil:
		return []byte("null"), nil
	case float64:
		if v != v || v > 1.7976931348623157e308 || v < -1.7976931348623157e308 {
			return json.Marshal(map[string]string{"fs": strconv.FormatFloat(v, 'g', -1, 64)})
		}
		j.F = &v
	case int64:
		str := strconv.FormatInt(v, 10)
		j.I = &str
	case int:
		str := strconv.Itoa(v)
		j.I = &str
	case bool:
		j.B = &v
	case string:
		j.S = &v
	case time.Time:
		ns := v.UnixNano()
		j.T = &ns
	case time.Duration:
		ns := int64(v)
		j.D = &ns
	default:
		return nil, fmt.Errorf("cannot encode %T as a scalar", v)
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements json.Unmarshaler.
func (s *Scalar) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		s.V = nil
		return nil
	}
	var special map[string]string
	if json.Unmarshal(b, &special) == nil {
		if fs, ok := special["fs"]; ok {
			f, err := strconv.ParseFloat(fs, 64)
			s.V = f
			return err
		}
	}
	var j scalarJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	switch {
	case j.F != nil:
		s.V = *j.F
	case j.I != nil:
		i, err := strconv.ParseInt(*j.I, 10, 64)
		if err != nil {
			return err
		}
		s.V = i
	case j.B != nil:
		s.V = *j.B
	case j.S != nil:
		s.V = *j.S
	case j.T != nil:
		s.V = time.Unix(0, *j.T).UTC()
	case j.D != nil:
		s.V = time.Duration(*j.D)
	}
	return nil
}

// Scalars wraps Go values for parameters.
func Scalars(vs []any) []Scalar {
	out := make([]Scalar, len(vs))
	for i, v := range vs {
		out[i] = Scalar{v}
	}
	return out
}

func unscalars(ss []Scalar) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s.V
	}
	return out
}

// ---- operands ----

// operand returns the array of a Series input, or the Go scalar.
func operand(v graph.Value) any {
	if s, ok := v.(*frame.Series); ok {
		return s.Data
	}
	return v
}

func oneFrame(in []graph.Value) (*frame.Frame, error) {
	if len(in) < 1 {
		return nil, fmt.Errorf("want a DataFrame, got nothing")
	}
	f, ok := in[0].(*frame.Frame)
	if !ok {
		return nil, fmt.Errorf("want a DataFrame, got %T", in[0])
	}
	return f, nil
}

// asFrame views a Series as a one-column frame.
func asFrame(v graph.Value) (*frame.Frame, bool, error) {
	switch v := v.(type) {
	case *frame.Frame:
		return v, false, nil
	case *frame.Series:
		return v.Frame(), true, nil
	}
	return nil, false, fmt.Errorf("want a DataFrame or Series, got %T", v)
}

// backToSeries returns the single column of f as a Series named name.
func backToSeries(f *frame.Frame, name string) *frame.Series {
	return &frame.Series{Name: name, Index: f.Index, Data: f.Columns[0].Data}
}

// ---- selection ----

type getitemParams struct {
	Columns []string `json:"columns"`
	Series  bool     `json:"series"`          // df["a"] (a Series) rather than df[["a"]]
	Level   bool     `json:"level,omitempty"` // df["a"] under MultiIndex columns: the columns under "a"
}

func opGetitem(_ *graph.Env, p getitemParams, in []graph.Value) (graph.Value, error) {
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	if p.Level && len(p.Columns) == 1 {
		sub, ok := frame.SelectLevel(f, p.Columns[0])
		if !ok {
			return nil, fmt.Errorf("KeyError: %q", p.Columns[0])
		}
		return sub, nil
	}
	out := &frame.Frame{Index: f.Index, Rows: f.Rows}
	for _, name := range p.Columns {
		c, ok := f.Col(name)
		if !ok {
			return nil, fmt.Errorf("KeyError: %q", name)
		}
		out.Columns = append(out.Columns, c)
	}
	if p.Series {
		return frame.SeriesOf(f, out.Columns[0]), nil
	}
	return out, nil
}

type filterParams struct{}

// opFilter keeps the rows of in[0] (frame or series) where in[1] is true.
func opFilter(_ *graph.Env, _ filterParams, in []graph.Value) (graph.Value, error) {
	if len(in) != 2 {
		return nil, fmt.Errorf("filter wants two inputs")
	}
	m, ok := in[1].(*frame.Series)
	if !ok {
		return nil, fmt.Errorf("TypeError: a mask must be a boolean Series")
	}
	mask, err := frame.AsMask(m.Data)
	if err != nil {
		return nil, err
	}
	f, isSeries, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	out, err := f.Filter(mask)
	if err != nil {
		return nil, err
	}
	if isSeries {
		return backToSeries(out, in[0].(*frame.Series).Name), nil
	}
	return out, nil
}

type AssignParams struct {
	Names   []string `json:"names"`
	Scalars []Scalar `json:"scalars"` // nil entries take the next input
	Inputs  []bool   `json:"inputs"`  // whether Names[i] takes an input
}

// opAssign adds or replaces columns of in[0] with the following inputs
// (series) or scalars.
func opAssign(_ *graph.Env, p AssignParams, in []graph.Value) (graph.Value, error) {
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	out := &frame.Frame{Index: f.Index, Rows: f.Rows, Columns: append([]frame.Column(nil), f.Columns...)}
	next := 1
	for i, name := range p.Names {
		var a arrow.Array
		if p.Inputs[i] {
			s, ok := in[next].(*frame.Series)
			next++
			if !ok {
				return nil, fmt.Errorf("TypeError: can only assign a Series or a scalar to column %q", name)
			}
			if s.Len() != f.Rows {
				return nil, fmt.Errorf("ValueError: Length of values (%d) does not match length of index (%d)", s.Len(), f.Rows)
			}
			a = s.Data
		} else {
			a, err = frame.Broadcast(p.Scalars[i].V, f.Rows)
			if err != nil {
				return nil, err
			}
		}
		replaced := false
		for j := range out.Columns {
			if out.Columns[j].Name == name {
				out.Columns[j].Data, replaced = a, true
			}
		}
		if !replaced {
			out.Columns = append(out.Columns, frame.Column{Name: name, Data: a})
		}
	}
	return out, nil
}

type renameParams struct {
	Name    string            `json:"name"`
	Columns map[string]string `json:"columns,omitempty"` // a frame's columns, old → new
}

// opRename renames a Series, or a frame's columns (names not in the
// mapping stay, as pandas' default errors="ignore").
func opRename(_ *graph.Env, p renameParams, in []graph.Value) (graph.Value, error) {
	switch v := in[0].(type) {
	case *frame.Series:
		return &frame.Series{Name: p.Name, Index: v.Index, Data: v.Data}, nil
	case *frame.Frame:
		out := &frame.Frame{Index: v.Index, Rows: v.Rows, Columns: make([]frame.Column, len(v.Columns))}
		for i, c := range v.Columns {
			if to, ok := p.Columns[c.Name]; ok {
				c.Name = to
			}
			out.Columns[i] = c
		}
		return out, nil
	}
	return nil, fmt.Errorf("rename wants a DataFrame or a Series")
}

// ---- element-wise ----

type binaryParams struct {
	Op        string  `json:"op"`
	Scalar    *Scalar `json:"scalar,omitempty"` // the other operand, when not an input
	Reflected bool    `json:"reflected,omitempty"`
}

// opBinary applies an operator between in[0] and in[1] (or the scalar):
// arithmetic, comparison or logic, column by column for frames.
func opBinary(_ *graph.Env, p binaryParams, in []graph.Value) (graph.Value, error) {
	var a, b graph.Value
	a = in[0]
	if p.Scalar != nil {
		b = p.Scalar.V
	} else if len(in) > 1 {
		b = in[1]
	} else {
		return nil, fmt.Errorf("binary %s wants two operands", p.Op)
	}
	if p.Reflected {
		a, b = b, a
	}
	fa, aFrame := a.(*frame.Frame)
	fb, bFrame := b.(*frame.Frame)
	if aFrame || bFrame {
		base := fa
		if !aFrame {
			base = fb
		}
		out := &frame.Frame{Index: base.Index, Rows: base.Rows}
		for _, c := range base.Columns {
			x, y := operand(a), operand(b)
			if aFrame {
				x = c.Data
			}
			if bFrame {
				oc, ok := fb.Col(c.Name)
				if !ok {
					return nil, fmt.Errorf("ValueError: the frames have different columns (%q is missing)", c.Name)
				}
				y = oc.Data
			}
			r, err := apply(p.Op, x, y)
			if err != nil {
				return nil, err
			}
			out.Columns = append(out.Columns, frame.Column{Name: c.Name, Data: r})
		}
		return out, nil
	}
	r, err := apply(p.Op, operand(a), operand(b))
	if err != nil {
		return nil, err
	}
	sa, _ := a.(*frame.Series)
	sb, _ := b.(*frame.Series)
	switch {
	case sa != nil:
		name := sa.Name
		if sb != nil && sb.Name != sa.Name {
			name = ""
		}
		return &frame.Series{Name: name, Index: sa.Index, Data: r}, nil
	case sb != nil:
		return &frame.Series{Name: sb.Name, Index: sb.Index, Data: r}, nil
	}
	return frame.ValueAt(r, 0), nil
}

func apply(op string, x, y any) (arrow.Array, error) {
	switch op {
	case "==", "!=", "<", "<=", ">", ">=":
		return frame.Compare(op, x, y)
	case "&", "|", "^":
		return frame.Logic(op, x, y)
	}
	return frame.Arith(op, x, y)
}

type unaryParams struct {
	Fn   string   `json:"fn"`
	Args []Scalar `json:"args,omitempty"`
}

// opUnary applies an element-wise function to a series (or each column of
// a frame): neg, invert, abs, isna, notna, round, fillna, astype, isin,
// between, dt.FIELD, str.METHOD, to_timedelta, to_datetime.
func opUnary(_ *graph.Env, p unaryParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	args := unscalars(p.Args)
	out := &frame.Frame{Index: f.Index, Rows: f.Rows}
	for _, c := range f.Columns {
		r, err := unary(p.Fn, c.Data, args)
		if err != nil {
			return nil, err
		}
		out.Columns = append(out.Columns, frame.Column{Name: c.Name, Data: r})
	}
	if isSeries {
		return backToSeries(out, in[0].(*frame.Series).Name), nil
	}
	return out, nil
}

func unary(fn string, a arrow.Array, args []any) (arrow.Array, error) {
	arg := func(i int) any {
		if i < len(args) {
			return args[i]
		}
		return nil
	}
	switch fn {
	case "neg":
		return frame.Neg(a)
	case "invert":
		return frame.Invert(a)
	case "abs":
		return frame.Abs(a)
	case "isna":
		return frame.IsNA(a), nil
	case "notna":
		return frame.Invert(frame.IsNA(a))
	case "round":
		d, _ := arg(0).(int64)
		return frame.Round(a, int(d))
	case "fillna":
		return frame.FillNA(a, arg(0))
	case "astype":
		s, _ := arg(0).(string)
		t, err := frame.ParseDType(s)
		if err != nil {
			return nil, fmt.Errorf("TypeError: %v", err)
		}
		return frame.AsType(a, t)
	case "isin":
		return frame.IsIn(a, args)
	case "between":
		lo, err := frame.Compare(">=", a, arg(0))
		if err != nil {
			return nil, err
		}
		hi, err := frame.Compare("<=", a, arg(1))
		if err != nil {
			return nil, err
		}
		if inc, ok := arg(2).(string); ok {
			switch inc {
			case "neither":
				lo, _ = frame.Compare(">", a, arg(0))
				hi, _ = frame.Compare("<", a, arg(1))
			case "left":
				hi, _ = frame.Compare("<", a, arg(1))
			case "right":
				lo, _ = frame.Compare(">", a, arg(0))
			}
		}
		return frame.Logic("&", lo, hi)
	case "to_timedelta":
		u, _ := arg(0).(string)
		if u == "" {
			u = "ns"
		}
		return frame.ToTimedelta(a, u)
	case "to_datetime":
		if layout, _ := arg(0).(string); layout != "" {
			return frame.ToDatetimeFormat(a, layout)
		}
		return frame.ToDatetime(a)
	}
	if len(fn) > 3 && fn[:3] == "dt." {
		return frame.DT(a, fn[3:])
	}
	if len(fn) > 4 && fn[:4] == "str." {
		return frame.Str(a, fn[4:], args...)
	}
	return nil, fmt.Errorf("unknown function %s", fn)
}

// ---- rows ----

type nParams struct {
	N int `json:"n"`
}

func opHead(_ *graph.Env, p nParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	out := f.Head(p.N)
	if isSeries {
		return sliceOfSeries(out, in[0].(*frame.Series)), nil
	}
	return out, nil
}

func opTail(_ *graph.Env, p nParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	n := max(0, min(p.N, f.Rows))
	out := f.Slice(f.Rows-n, f.Rows)
	if isSeries {
		return sliceOfSeries(out, in[0].(*frame.Series)), nil
	}
	return out, nil
}

type lenParams struct{}

func opLenChunk(_ *graph.Env, _ lenParams, in []graph.Value) (graph.Value, error) {
	f, _, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	return &frame.Frame{Columns: []frame.Column{{Name: "len", Data: frame.Int64s([]int64{int64(f.Rows)})}}, Rows: 1}, nil
}

// ---- reductions ----

type reduceParams struct {
	How    string  `json:"how"`
	DDof   int     `json:"ddof,omitempty"`
	Q      float64 `json:"q,omitempty"`
	Series bool    `json:"series,omitempty"` // the input is a Series: the result is a scalar
}

func opReduceChunk(_ *graph.Env, p reduceParams, in []graph.Value) (graph.Value, error) {
	if p.How == "idxmax" || p.How == "idxmin" {
		s, ok := in[0].(*frame.Series)
		if !ok {
			return nil, fmt.Errorf("NotImplementedError: %s of a DataFrame", p.How)
		}
		return frame.ReduceChunkIdx(p.How, s)
	}
	f, isSeries, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	if !isSeries {
		f = &frame.Frame{Columns: frame.ReduceColumns(p.How, f), Rows: f.Rows}
	}
	return frame.ReduceChunk(p.How, f)
}

func opReduceAgg(_ *graph.Env, p reduceParams, in []graph.Value) (graph.Value, error) {
	parts := make([]*frame.Frame, len(in))
	for i, v := range in {
		f, ok := v.(*frame.Frame)
		if !ok {
			return nil, fmt.Errorf("want partial results, got %T", v)
		}
		parts[i] = f
	}
	if p.How == "idxmax" || p.How == "idxmin" {
		return frame.ReduceAggIdx(p.How, parts)
	}
	s, err := frame.ReduceAgg(p.How, parts, p.DDof, p.Q)
	if err != nil {
		return nil, err
	}
	if p.Series {
		if s.Len() != 1 {
			return nil, fmt.Errorf("reduction of a Series gave %d values", s.Len())
		}
		return frame.ValueAt(s.Data, 0), nil
	}
	return s, nil
}

// ---- group-by ----

type groupParams struct {
	By   []string    `json:"by"`
	Aggs []frame.Agg `json:"aggs"`
	DDof int         `json:"ddof,omitempty"`
	// Series: the result is the one aggregation's column as a Series
	// named Name (df.groupby(k).col.mean()).
	Series bool   `json:"series,omitempty"`
	Name   string `json:"name,omitempty"`
	// Order of the groups: frame.OrderSorted, OrderFirst or OrderChunks.
	Order string `json:"order,omitempty"`
	// KeepNA: rows with a missing key form a group (dropna=False).
	KeepNA bool `json:"keep_na,omitempty"`
}

func opGroupChunk(_ *graph.Env, p groupParams, in []graph.Value) (graph.Value, error) {
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	out, err := frame.GroupChunkNA(f, p.By, p.Aggs, p.KeepNA)
	if err == nil && p.Order == frame.OrderChunks {
		out = frame.SortByIndex(out)
	}
	return out, err
}

func opGroupAgg(_ *graph.Env, p groupParams, in []graph.Value) (graph.Value, error) {
	parts := make([]*frame.Frame, len(in))
	for i, v := range in {
		f, ok := v.(*frame.Frame)
		if !ok {
			return nil, fmt.Errorf("want partial group results, got %T", v)
		}
		parts[i] = f
	}
	f, err := frame.GroupAggOrder(parts, p.By, p.Aggs, p.DDof, p.Order, p.KeepNA)
	if err != nil {
		return nil, err
	}
	if p.Series {
		return &frame.Series{Name: p.Name, Index: f.Index, Data: f.Columns[0].Data}, nil
	}
	return f, nil
}

// ---- whole-table operations (one partition out) ----

type concatParams struct{}

func opConcat(_ *graph.Env, _ concatParams, in []graph.Value) (graph.Value, error) {
	if len(in) == 0 {
		return nil, fmt.Errorf("ValueError: No objects to concatenate")
	}
	vs := make([]graph.Value, len(in))
	copy(vs, in)
	return Combine(in[0], vs)
}

type sortParams struct {
	By        []string `json:"by"`
	Ascending []bool   `json:"ascending"`
	N         int      `json:"n,omitempty"`
	Largest   bool     `json:"largest,omitempty"`
}

// concatInputs concatenates all inputs (partitions or partials).
func concatInputs(in []graph.Value) (*frame.Frame, bool, string, error) {
	v, err := opConcat(nil, concatParams{}, in)
	if err != nil {
		return nil, false, "", err
	}
	f, isSeries, err := asFrame(v)
	name := ""
	if isSeries {
		name = v.(*frame.Series).Name
	}
	return f, isSeries, name, err
}

func opSortValues(_ *graph.Env, p sortParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, name, err := concatInputs(in)
	if err != nil {
		return nil, err
	}
	by := p.By
	if isSeries {
		by = []string{name}
	}
	out, err := f.SortValues(by, p.Ascending)
	if err != nil {
		return nil, err
	}
	if isSeries {
		return backToSeries(out, name), nil
	}
	return out, nil
}

func opNLargest(_ *graph.Env, p sortParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, name, err := concatInputs(in)
	if err != nil {
		return nil, err
	}
	by := p.By
	if isSeries {
		by = []string{name}
	}
	out, err := f.NLargest(p.N, by, p.Largest)
	if err != nil {
		return nil, err
	}
	if isSeries {
		return backToSeries(out, name), nil
	}
	return out, nil
}

type dedupeParams struct {
	Subset []string `json:"subset,omitempty"`
}

func opDropDuplicates(_ *graph.Env, p dedupeParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, name, err := concatInputs(in)
	if err != nil {
		return nil, err
	}
	out, err := f.DropDuplicates(p.Subset)
	if err != nil {
		return nil, err
	}
	if isSeries {
		return backToSeries(out, name), nil
	}
	return out, nil
}

type vcParams struct {
	frame.CountOptions
}

func opValueCountsChunk(_ *graph.Env, _ vcParams, in []graph.Value) (graph.Value, error) {
	s, ok := in[0].(*frame.Series)
	if !ok {
		return nil, fmt.Errorf("value_counts wants a Series")
	}
	vc, err := frame.CountChunk(s)
	if err != nil {
		return nil, err
	}
	return vc.Frame(), nil
}

func opValueCountsAgg(_ *graph.Env, p vcParams, in []graph.Value) (graph.Value, error) {
	f, _, _, err := concatInputs(in)
	if err != nil {
		return nil, err
	}
	counts, ok := f.Columns[0].Data.(*array.Int64)
	if !ok {
		return nil, fmt.Errorf("malformed value counts")
	}
	vc, err := frame.CountValues(f.Index[0].Data, counts.Int64Values(), p.CountOptions)
	if err != nil {
		return nil, err
	}
	vc.Name = f.Columns[0].Name
	return vc, nil
}

type mergeParams struct {
	On       []string  `json:"on"`
	How      string    `json:"how"`
	Suffixes [2]string `json:"suffixes"`
}

func opMerge(_ *graph.Env, p mergeParams, in []graph.Value) (graph.Value, error) {
	l, ok1 := in[0].(*frame.Frame)
	r, ok2 := in[1].(*frame.Frame)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("TypeError: merge wants two DataFrames")
	}
	return frame.Merge(l, r, p.On, p.How, p.Suffixes)
}

type setIndexParams struct {
	Column string `json:"column"`
}

func opSetIndex(_ *graph.Env, p setIndexParams, in []graph.Value) (graph.Value, error) {
	f, err := oneFrame(in)
	if err != nil {
		return nil, err
	}
	out := &frame.Frame{Rows: f.Rows}
	for _, c := range f.Columns {
		if c.Name == p.Column {
			out.Index = []frame.Column{c}
		} else {
			out.Columns = append(out.Columns, c)
		}
	}
	if out.Index == nil {
		return nil, fmt.Errorf("KeyError: \"None of ['%s'] are in the columns\"", p.Column)
	}
	return out, nil
}

type resetIndexParams struct {
	Drop  bool `json:"drop,omitempty"`
	Frame bool `json:"frame,omitempty"` // Series.to_frame
}

func opResetIndex(_ *graph.Env, p resetIndexParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	out := &frame.Frame{Rows: f.Rows}
	if !p.Drop {
		for _, c := range f.IndexOrRange() {
			name := c.Name
			if name == "" {
				name = "index"
			}
			out.Columns = append(out.Columns, frame.Column{Name: name, Data: c.Data})
		}
	}
	for _, c := range f.Columns {
		name := c.Name
		if isSeries && name == "" {
			name = "0"
		}
		out.Columns = append(out.Columns, frame.Column{Name: name, Data: c.Data})
	}
	if isSeries && p.Drop && !p.Frame {
		return backToSeries(out, in[0].(*frame.Series).Name), nil
	}
	return out, nil
}

type describeParams struct{}

func opDescribe(_ *graph.Env, _ describeParams, in []graph.Value) (graph.Value, error) {
	f, isSeries, name, err := concatInputs(in)
	if err != nil {
		return nil, err
	}
	out, err := f.Describe()
	if err != nil {
		return nil, err
	}
	if isSeries {
		return backToSeries(out, name), nil
	}
	return out, nil
}
