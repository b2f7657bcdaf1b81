package pandas

import (
	"fmt"
	"math"
	"strings"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/session"
)

// Conversions between cell values (Starlark) and engine values: eager
// frames and series, lazy collections, Go scalars.

// engineValue returns the engine value of a cell value: a
// *dataframe.Collection (lazy), *frame.Frame or *frame.Series (eager), or a
// Go scalar; ok is false for values the engine does not take.
func engineValue(v starlark.Value) (any, bool) {
	switch v := v.(type) {
	case *DataFrame:
		if v.lazy != nil {
			return v.lazy, true
		}
		return v.eager, true
	case *Series:
		if v.lazy != nil {
			return v.lazy, true
		}
		return v.eager, true
	case *LazyScalar:
		return v.c, true
	}
	return GoScalar(v)
}

// GoScalar converts a plain cell value to a Go scalar.
func GoScalar(v starlark.Value) (any, bool) {
	switch v := v.(type) {
	case starlark.Int:
		i, ok := v.Int64()
		if !ok {
			f, _ := starlark.AsFloat(v)
			return f, true
		}
		return i, true
	case starlark.Float:
		return float64(v), true
	case starlark.String:
		return string(v), true
	case starlark.Bool:
		return bool(v), true
	case starlark.NoneType:
		return nil, true
	case Timestamp:
		return time.Time(v), true
	case Timedelta:
		return time.Duration(v), true
	case interface{ GoTime() time.Time }: // datetime.datetime, datetime.date
		return v.GoTime(), true
	case interface{ GoDuration() (int64, bool) }: // datetime.timedelta
		if ns, ok := v.GoDuration(); ok {
			return time.Duration(ns), true
		}
	}
	return nil, false
}

// FromEngine wraps an engine value as a cell value.
func FromEngine(v any) starlark.Value {
	switch v := v.(type) {
	case *dataframe.Collection:
		switch {
		case v.IsFrame():
			return &DataFrame{lazy: v}
		case v.IsSeries():
			return &Series{lazy: v}
		}
		return &LazyScalar{c: v}
	case *frame.Frame:
		return &DataFrame{eager: v}
	case *frame.Series:
		return &Series{eager: v}
	}
	return fromGo(v)
}

// fromGo converts a Go scalar to a cell value.
func fromGo(v any) starlark.Value { return session.CellValue(v) }

// lazyOf turns an engine value into a collection: eager frames and series
// become one in-memory partition.
func lazyOf(v any) *dataframe.Collection {
	switch v := v.(type) {
	case *dataframe.Collection:
		return v
	case *frame.Frame, *frame.Series:
		return dataframe.FromValues("from-pandas", []graph.Value{v}, dataframe.Empty(v))
	}
	return nil
}

// apply runs op on engine values: at once when they are all eager, as
// pandas; as a new lazy collection when any is lazy, as Dask.
func apply(prefix, op string, params any, args ...any) (starlark.Value, error) {
	lazy := false
	for _, a := range args {
		if _, ok := a.(*dataframe.Collection); ok {
			lazy = true
		}
	}
	if !lazy {
		v, err := dataframe.Run(op, params, args...)
		if err != nil {
			return nil, err
		}
		return FromEngine(v), nil
	}
	colls := make([]*dataframe.Collection, len(args))
	for i, a := range args {
		if colls[i] = lazyOf(a); colls[i] == nil {
			return nil, fmt.Errorf("TypeError: cannot combine a %T with a Dask collection", a)
		}
	}
	c, err := dataframe.Map(prefix, graph.NewStage(op, params), nil, colls...)
	if err != nil {
		return nil, err
	}
	return FromEngine(c), nil
}

// applyFn is apply for a stage running a cell function.
func applyFn(prefix string, fn func([]graph.Value) (graph.Value, error), meta any, args ...any) (starlark.Value, error) {
	lazy := false
	for _, a := range args {
		if _, ok := a.(*dataframe.Collection); ok {
			lazy = true
		}
	}
	if !lazy {
		v, err := fn(args)
		if err != nil {
			return nil, err
		}
		return FromEngine(v), nil
	}
	colls := make([]*dataframe.Collection, len(args))
	for i, a := range args {
		colls[i] = lazyOf(a)
	}
	c, err := dataframe.Map(prefix, graph.Stage{Op: prefix, Fn: fn}, meta, colls...)
	if err != nil {
		return nil, err
	}
	return FromEngine(c), nil
}

// reduce runs a two-step reduction: chunk then aggregate.
func reduce(prefix string, chunk, agg graph.Stage, arg any) (starlark.Value, error) {
	if c, ok := arg.(*dataframe.Collection); ok {
		r, err := dataframe.Reduce(prefix, chunk, agg, nil, c)
		if err != nil {
			return nil, err
		}
		return FromEngine(r), nil
	}
	p, err := graph.RunStage(nil, chunk, []graph.Value{arg})
	if err != nil {
		return nil, err
	}
	v, err := graph.RunStage(nil, agg, []graph.Value{p})
	if err != nil {
		return nil, err
	}
	return FromEngine(v), nil
}

// Binary applies a Python operator between two cell values, at least one
// of them a frame, series or lazy scalar.
func Binary(op string, x, y starlark.Value) (starlark.Value, error) {
	a, ok1 := engineValue(x)
	b, ok2 := engineValue(y)
	if !ok1 || !ok2 {
		return nil, nil // not ours: Starlark reports the type error
	}
	prefix, _ := session.OpPrefix(op)
	_, aScalar := GoScalar(x)
	_, bScalar := GoScalar(y)
	switch {
	case bScalar:
		return apply(prefix, "binary", map[string]any{"op": op, "scalar": dataframe.Scalar{V: b}}, a)
	case aScalar:
		return apply(prefix, "binary", map[string]any{"op": op, "scalar": dataframe.Scalar{V: a}, "reflected": true}, b)
	}
	return apply(prefix, "binary", map[string]any{"op": op}, a, b)
}

var tokenOps = map[syntax.Token]string{
	syntax.PLUS: "+", syntax.MINUS: "-", syntax.STAR: "*", syntax.SLASH: "/", syntax.SLASHSLASH: "//",
	syntax.PERCENT: "%", syntax.AMP: "&", syntax.PIPE: "|", syntax.CIRCUMFLEX: "^",
	syntax.EQL: "==", syntax.NEQ: "!=", syntax.LT: "<", syntax.LE: "<=", syntax.GT: ">", syntax.GE: ">=",
}

// binaryToken implements starlark.HasBinary for the engine's values.
func binaryToken(op syntax.Token, x, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	o, ok := tokenOps[op]
	if !ok {
		return nil, nil
	}
	if side == starlark.Right {
		x, y = y, x
	}
	return Binary(o, x, y)
}

// UnaryToken implements starlark.HasUnary: -x, +x, ~x.
func UnaryToken(op syntax.Token, x starlark.Value) (starlark.Value, error) {
	v, _ := engineValue(x)
	switch op {
	case syntax.MINUS:
		return apply("neg", "unary", map[string]any{"fn": "neg"}, v)
	case syntax.TILDE:
		return apply("invert", "unary", map[string]any{"fn": "invert"}, v)
	case syntax.PLUS:
		return x, nil
	}
	return nil, nil
}

func isEngine(v starlark.Value) bool {
	switch v.(type) {
	case *DataFrame, *Series, *LazyScalar, Timestamp, Timedelta:
		return true
	}
	return false
}

// Timestamp is pandas' Timestamp.
type Timestamp time.Time

func (t Timestamp) String() string {
	if time.Time(t).Location() == frame.UTC {
		return fmt.Sprintf("Timestamp('%s', tz='UTC')", time.Time(t).Format("2006-01-02 15:04:05-0700"))
	}
	return fmt.Sprintf("Timestamp('%s')", time.Time(t).UTC().Format("2006-01-02 15:04:05"))
}
func (t Timestamp) Type() string          { return "Timestamp" }
func (t Timestamp) Atom()                 {}
func (t Timestamp) Freeze()               {}
func (t Timestamp) Truth() starlark.Bool  { return true }
func (t Timestamp) Hash() (uint32, error) { return uint32(time.Time(t).UnixNano()), nil }

// CompareSameType implements starlark.Comparable.
func (t Timestamp) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	a, b := time.Time(t).UnixNano(), time.Time(y.(Timestamp)).UnixNano()
	return threeWay(op, a, b), nil
}

// Binary implements timestamp ± timedelta.
func (t Timestamp) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	return timeBinary(op, t, y, side)
}

// Attr implements .year, .month, .day, .hour, .minute, .dayofweek.
func (t Timestamp) Attr(name string) (starlark.Value, error) {
	a := frame.Timestamps([]int64{time.Time(t).UnixNano()}, nil)
	if name == "date" || !frame.DTFields[name] {
		return nil, fmt.Errorf("AttributeError: 'Timestamp' object has no attribute '%s'", name)
	}
	r, err := frame.DT(a, name)
	if err != nil {
		return nil, err
	}
	return fromGo(frame.ValueAt(r, 0)), nil
}

// AttrNames implements starlark.HasAttrs.
func (t Timestamp) AttrNames() []string {
	return []string{"day", "dayofweek", "hour", "minute", "month", "year"}
}

// Timedelta is pandas' Timedelta.
type Timedelta time.Duration

func (d Timedelta) String() string {
	return fmt.Sprintf("Timedelta('%s')", frame.FormatTimedelta(int64(d)))
}
func (d Timedelta) Type() string          { return "Timedelta" }
func (d Timedelta) Atom()                 {}
func (d Timedelta) Freeze()               {}
func (d Timedelta) Truth() starlark.Bool  { return d != 0 }
func (d Timedelta) Hash() (uint32, error) { return uint32(d), nil }

// CompareSameType implements starlark.Comparable.
func (d Timedelta) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	return threeWay(op, int64(d), int64(y.(Timedelta))), nil
}

// Binary implements timedelta arithmetic.
func (d Timedelta) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	return timeBinary(op, d, y, side)
}

func timeBinary(op syntax.Token, x, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if side == starlark.Right {
		x, y = y, x
	}
	if IsCollection(x) || IsCollection(y) {
		return binaryToken(op, x, y, starlark.Left)
	}
	a, ok1 := GoScalar(x)
	b, ok2 := GoScalar(y)
	o, ok3 := tokenOps[op]
	if !ok1 || !ok2 || !ok3 {
		return nil, nil
	}
	r, err := dataframe.Run("binary", map[string]any{"op": o, "scalar": dataframe.Scalar{V: b}}, &frame.Series{Data: mustBroadcast(a)})
	if err != nil {
		return nil, err
	}
	return fromGo(frame.ValueAt(r.(*frame.Series).Data, 0)), nil
}

// IsCollection reports whether v is a DataFrame, a Series or a lazy
// Scalar, eager or lazy.
func IsCollection(v starlark.Value) bool {
	switch v.(type) {
	case *DataFrame, *Series, *LazyScalar:
		return true
	}
	return false
}

func mustBroadcast(v any) frameArray {
	a, err := frame.Broadcast(v, 1)
	if err != nil {
		return frame.Float64s([]float64{math.NaN()})
	}
	return a
}

func threeWay(op syntax.Token, a, b int64) bool {
	switch op {
	case syntax.EQL:
		return a == b
	case syntax.NEQ:
		return a != b
	case syntax.LT:
		return a < b
	case syntax.LE:
		return a <= b
	case syntax.GT:
		return a > b
	case syntax.GE:
		return a >= b
	}
	return false
}

// dtypeName accepts a dtype as a string or a builtin (float, int, str, bool).
func dtypeName(v starlark.Value) (string, error) {
	switch t := v.(type) {
	case starlark.String:
		return string(t), nil
	case *starlark.Builtin:
		return t.Name(), nil
	case *session.PyType:
		return t.Name(), nil
	case *session.TypeObject:
		return t.Name, nil
	}
	return "", fmt.Errorf("TypeError: data type %s not understood", v)
}

// operators apply Python's operators element-wise to frames, series and
// lazy scalars (session.Operator): their types embed it.
type operators struct{}

// Operate is x op y; nil, nil when Binary does not take the other
// operand.
func (operators) Operate(op string, x, y starlark.Value) (starlark.Value, error) {
	return Binary(op, x, y)
}

func (t Timestamp) Operate(op string, x, y starlark.Value) (starlark.Value, error) {
	return Binary(op, x, y)
}

func (d Timedelta) Operate(op string, x, y starlark.Value) (starlark.Value, error) {
	return Binary(op, x, y)
}

// PyStr is str(t): the time, without Timestamp('…').
func (t Timestamp) PyStr() string {
	if time.Time(t).Location() == frame.UTC {
		return time.Time(t).Format("2006-01-02 15:04:05-07:00")
	}
	return strings.TrimSuffix(strings.TrimPrefix(t.String(), "Timestamp('"), "')")
}

// PyStr is str(d): the duration, without Timedelta('…').
func (d Timedelta) PyStr() string {
	return strings.TrimSuffix(strings.TrimPrefix(d.String(), "Timedelta('"), "')")
}

// InstanceOf implements isinstance(t, pd.Timestamp).
func (t Timestamp) InstanceOf(class string) bool { return class == "Timestamp" }

// PyClass is type(df): pandas' DataFrame, or Dask's for a lazy one.
func (d *DataFrame) PyClass() string {
	if d.lazy != nil {
		return "dask.dataframe.core.DataFrame"
	}
	return "pandas.core.frame.DataFrame"
}

// PyClass is type(s): pandas' Series, or Dask's for a lazy one.
func (s *Series) PyClass() string {
	if s.lazy != nil {
		return "dask.dataframe.core.Series"
	}
	return "pandas.core.series.Series"
}

// InstanceOf implements isinstance(df, pd.DataFrame).
func (d *DataFrame) InstanceOf(class string) bool { return class == "DataFrame" }

// InstanceOf implements isinstance(s, pd.Series).
func (s *Series) InstanceOf(class string) bool { return class == "Series" }

// PyLen implements len(df): a lazy frame counts its rows on the
// kernel's cluster.
func (d *DataFrame) PyLen(th *starlark.Thread) (int, error) {
	if d.eager != nil {
		return d.eager.Rows, nil
	}
	return lazyLen(th, d.lazy)
}

// PyLen implements len(s): a lazy series counts its values on the
// kernel's cluster.
func (s *Series) PyLen(th *starlark.Thread) (int, error) {
	if s.eager != nil {
		return s.eager.Len(), nil
	}
	return lazyLen(th, s.lazy)
}

// Frames, series, lazy scalars and times travel in tasks as their engine
// values (session.TaskValuer), and come back as these cell values.

func (d *DataFrame) TaskValue() graph.Value { return d.value() }
func (s *Series) TaskValue() graph.Value    { return s.value() }

func (l *LazyScalar) TaskValue() graph.Value { return l.c }
func (t Timestamp) TaskValue() graph.Value   { return time.Time(t) }
func (d Timedelta) TaskValue() graph.Value   { return time.Duration(d) }

func init() {
	session.RegisterCellValue(func(v graph.Value) (starlark.Value, bool) {
		switch v := v.(type) {
		case *dataframe.Collection, *frame.Frame, *frame.Series:
			return FromEngine(v), true
		case time.Time:
			return Timestamp(v), true
		case time.Duration:
			return Timedelta(v), true
		}
		return nil, false
	})
}
