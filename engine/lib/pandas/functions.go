package pandas

import (
	"burst/engine/csv"
	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/lib/numpy"
	"burst/engine/session"
	"fmt"
	"math"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"go.starlark.net/starlark"
)

// frameArray is an Arrow array holding a column.
type frameArray = arrow.Array

// DTypesOf is df.dtypes: a Series of dtype names indexed by column.
func DTypesOf(m *frame.Frame) *frame.Series {
	names := m.Names()
	types := make([]string, len(m.Columns))
	for i, c := range m.Columns {
		types[i] = string(c.DType())
	}
	return &frame.Series{Index: []frame.Column{{Name: "", Data: frame.Strings(names, nil)}}, Data: frame.Strings(types, nil)}
}

// mapPartitions implements map_partitions(func, *args, meta=..., **kwargs).
func mapPartitions(th *starlark.Thread, v any, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("TypeError: map_partitions() missing required argument: 'func'")
	}
	fn, ok := args[0].(starlark.Callable)
	if !ok {
		return nil, fmt.Errorf("TypeError: map_partitions() needs a function, not %s", session.TypeName(args[0]))
	}
	run := session.Of(th).Runner()
	extra := append(starlark.Tuple(nil), args[1:]...)
	var meta graph.Value
	var kw []starlark.Tuple
	for _, x := range kwargs {
		if string(x[0].(starlark.String)) == "meta" {
			m, err := metaArg(x[1])
			if err != nil {
				return nil, err
			}
			meta = m
			continue
		}
		kw = append(kw, x)
	}
	call := func(in []graph.Value) (graph.Value, error) {
		a := append(starlark.Tuple{FromEngine(in[0])}, extra...)
		r, err := run.Call(fn, a, kw)
		if err != nil {
			return nil, err
		}
		return PartitionResult(r, "map_partitions")
	}
	if c, lazy := v.(*dataframe.Collection); lazy && len(kw) == 0 {
		// A function that can travel runs on the workers.
		if p, ok := run.Portable(fn, extra, "map_partitions", false); ok {
			return mapStage(fnName(fn), graph.NewStage("call", p), meta, c)
		}
	}
	return applyFn(fmt.Sprintf("%s", fnName(fn)), call, meta, v)
}

// PartitionResult checks what a function given to what made of a
// partition: a frame, a series or a number, not a lazy collection.
func PartitionResult(r starlark.Value, what string) (graph.Value, error) {
	out, ok := engineValue(r)
	if !ok {
		return nil, fmt.Errorf("TypeError: the function given to %s returned a %s; return a DataFrame, a Series or a number", what, session.TypeName(r))
	}
	if c, lazy := out.(*dataframe.Collection); lazy {
		return nil, fmt.Errorf("TypeError: the function given to %s returned a Dask collection (%s); work on the partition it receives", what, c.Name)
	}
	return out, nil
}

// ApplyEach calls f on every value of a Series partition (Series.apply).
func ApplyEach(in graph.Value, f func(starlark.Value) (starlark.Value, error)) (graph.Value, error) {
	part, ok := in.(*frame.Series)
	if !ok {
		return nil, fmt.Errorf("apply wants a Series partition")
	}
	vals := ToValues(part.Data)
	out := make([]starlark.Value, len(vals))
	for i, x := range vals {
		r, err := f(x)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	a, err := arrayOf(out, part.Data.DataType())
	if err != nil {
		return nil, err
	}
	return &frame.Series{Name: part.Name, Index: part.Index, Data: a}, nil
}

// mapStage maps a stage over a collection's partitions.
func mapStage(prefix string, st graph.Stage, meta graph.Value, c *dataframe.Collection) (starlark.Value, error) {
	out, err := dataframe.Map(prefix, st, meta, c)
	if err != nil {
		return nil, err
	}
	return FromEngine(out), nil
}

// fnName names a cell function in task keys as Dask does: its name, or
// "lambda".
func fnName(fn starlark.Callable) string {
	n := fn.Name()
	if n == "lambda" || n == "" {
		return "lambda"
	}
	return n
}

// metaArg accepts Dask's meta spellings: a dict of column → dtype, a
// (name, dtype) tuple, a dtype, or an empty DataFrame/Series.
func metaArg(v starlark.Value) (graph.Value, error) {
	switch m := v.(type) {
	case *starlark.Dict:
		f := &frame.Frame{}
		for _, kv := range m.Items() {
			name, _ := starlark.AsString(kv[0])
			dt, err := dtypeName(kv[1])
			if err != nil {
				return nil, err
			}
			t, err := frame.ParseDType(dt)
			if err != nil {
				return nil, fmt.Errorf("TypeError: %v", err)
			}
			f.Columns = append(f.Columns, frame.Column{Name: name, Data: emptyArray(t)})
		}
		return f, nil
	case starlark.Tuple:
		if len(m) != 2 {
			break
		}
		name, _ := starlark.AsString(m[0])
		dt, err := dtypeName(m[1])
		if err != nil {
			return nil, err
		}
		t, err := frame.ParseDType(dt)
		if err != nil {
			return nil, fmt.Errorf("TypeError: %v", err)
		}
		return &frame.Series{Name: name, Data: emptyArray(t)}, nil
	case *DataFrame, *Series:
		ev, _ := engineValue(m)
		if c, ok := ev.(*dataframe.Collection); ok {
			return c.Meta, nil
		}
		return dataframe.Empty(ev), nil
	}
	if dt, err := dtypeName(v); err == nil {
		if t, err := frame.ParseDType(dt); err == nil {
			return &frame.Series{Data: emptyArray(t)}, nil
		}
	}
	return nil, fmt.Errorf("TypeError: meta must be a dict of column: dtype, a (name, dtype) tuple or an empty DataFrame, not %s", session.TypeName(v))
}

func emptyArray(t frame.DType) arrow.Array {
	switch t {
	case frame.Int64:
		return frame.Int64s(nil)
	case frame.Float64:
		return frame.Float64s(nil)
	case frame.Bool:
		return frame.Bools(nil)
	case frame.Datetime:
		return frame.Timestamps(nil, nil)
	case frame.Timedelta:
		return frame.Durations(nil, nil)
	}
	return frame.Strings(nil, nil)
}

// seriesApply implements s.apply(func) and s.map(func): the function is
// called on every value.
func seriesApply(th *starlark.Thread, s *Series, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fnv, meta, convertDtype starlark.Value
	if err := starlark.UnpackArgs("apply", args, kwargs, "func", &fnv, "meta?", &meta, "convert_dtype?", &convertDtype); err != nil {
		return nil, err
	}
	fn, ok := fnv.(starlark.Callable)
	if !ok {
		return nil, fmt.Errorf("TypeError: apply() needs a function, not %s", session.TypeName(fnv))
	}
	run := session.Of(th).Runner()
	call := func(in []graph.Value) (graph.Value, error) {
		return ApplyEach(in[0], func(x starlark.Value) (starlark.Value, error) {
			return run.Call(fn, starlark.Tuple{x}, nil)
		})
	}
	var m graph.Value
	if meta != nil && meta != starlark.None {
		var err error
		if m, err = metaArg(meta); err != nil {
			return nil, err
		}
	} else if s.lazy != nil {
		// Infer the result type from one made-up value, as Dask does.
		sample := sampleValue(s.meta().Data.DataType())
		r, err := run.Call(fn, starlark.Tuple{sample}, nil)
		if err != nil {
			return nil, fmt.Errorf("%v (Burst called the function on %s to learn its result type; pass meta=(name, dtype) to skip this)", err, session.Repr(sample))
		}
		a, err := arrayOf([]starlark.Value{r}, nil)
		if err != nil {
			return nil, err
		}
		m = &frame.Series{Name: s.meta().Name, Data: frame.Take(a, nil)}
	}
	if s.lazy != nil {
		if p, ok := run.Portable(fn, nil, "apply", true); ok {
			return mapStage("apply", graph.NewStage("call", p), m, s.lazy)
		}
	}
	return applyFn("apply", call, m, s.value())
}

func sampleValue(t arrow.DataType) starlark.Value {
	switch frame.DTypeOf(t) {
	case frame.Int64:
		return starlark.MakeInt(1)
	case frame.Float64:
		return starlark.Float(1)
	case frame.Bool:
		return starlark.True
	case frame.Datetime:
		return Timestamp(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	return starlark.String("foo")
}

// arrayOf builds a column from cell values, choosing the dtype as pandas
// does: ints, floats (None as NaN), bools, or strings.
func arrayOf(vals []starlark.Value, empty arrow.DataType) (arrow.Array, error) {
	kind := ""
	for _, v := range vals {
		k := ""
		switch v.(type) {
		case starlark.Int:
			k = "int"
		case starlark.Float:
			k = "float"
		case starlark.Bool:
			k = "bool"
		case starlark.String:
			k = "str"
		case starlark.NoneType:
			k = "none"
		case Timestamp:
			k = "ts"
		case *starlark.Dict, *starlark.List, starlark.Tuple:
			// pandas keeps them as objects; Burst keeps what pandas
			// shows of them, their str.
			k = "obj"
		default:
			return nil, fmt.Errorf("TypeError: Burst columns hold numbers, strings, booleans and timestamps, not %s", session.TypeName(v))
		}
		switch {
		case kind == "" || kind == k:
			kind = k
		case (kind == "int" || kind == "float" || kind == "none") && (k == "int" || k == "float" || k == "none"):
			kind = "float"
		default:
			kind = "str"
		}
	}
	n := len(vals)
	switch kind {
	case "":
		if empty != nil {
			return frame.Take(frame.Float64s(nil), nil), nil
		}
		return frame.Float64s(nil), nil
	case "int":
		out := make([]int64, n)
		for i, v := range vals {
			out[i], _ = v.(starlark.Int).Int64()
		}
		return frame.Int64s(out), nil
	case "float", "none":
		out := make([]float64, n)
		for i, v := range vals {
			if f, ok := starlark.AsFloat(v); ok {
				out[i] = f
			} else {
				out[i] = math.NaN()
			}
		}
		return frame.Float64s(out), nil
	case "bool":
		out := make([]bool, n)
		for i, v := range vals {
			out[i] = bool(v.(starlark.Bool))
		}
		return frame.Bools(out), nil
	case "ts":
		out := make([]int64, n)
		for i, v := range vals {
			out[i] = time.Time(v.(Timestamp)).UnixNano()
		}
		return frame.Timestamps(out, nil), nil
	}
	out := make([]string, n)
	valid := make([]bool, n)
	for i, v := range vals {
		switch v := v.(type) {
		case starlark.NoneType:
		case starlark.Float:
			// NaN is missing in an object column too (np.nan among
			// strings, as read_csv and the pandas docs make them).
			if !math.IsNaN(float64(v)) {
				out[i], valid[i] = session.Repr(v), true
			}
		case starlark.String:
			out[i], valid[i] = string(v), true
		default:
			out[i], valid[i] = session.Repr(v), true
		}
	}
	return frame.Strings(out, valid), nil
}

// objectColumn is a column of Python objects as pandas shows them: each
// value's str.
func objectColumn(l *starlark.List) arrow.Array {
	out := make([]string, l.Len())
	valid := make([]bool, l.Len())
	for i := range out {
		if v := l.Index(i); v != starlark.None {
			out[i], valid[i] = session.Str(v), true
		}
	}
	return frame.Strings(out, valid)
}

func visualize(cs []*dataframe.Collection) *session.Graph {
	var gs []graph.Graph
	var keys []graph.Key
	for _, c := range cs {
		gs = append(gs, c.Graph)
		keys = append(keys, c.Keys()...)
	}
	return session.Visualize(gs, keys)
}

// fromPandas implements dd.from_pandas(df, npartitions=N).
func fromPandas(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	npartitions := 1
	var chunksize, sort starlark.Value
	if err := starlark.UnpackArgs("from_pandas", args, kwargs, "data", &data, "npartitions?", &npartitions, "chunksize?", &chunksize, "sort?", &sort); err != nil {
		return nil, err
	}
	v, _ := engineValue(data)
	var f *frame.Frame
	var series *frame.Series
	switch x := v.(type) {
	case *frame.Frame:
		f = x
	case *frame.Series:
		series, f = x, x.Frame()
	default:
		return nil, fmt.Errorf("TypeError: Input must be a pandas DataFrame or Series, not %s", session.TypeName(data))
	}
	if npartitions < 1 {
		return nil, fmt.Errorf("ValueError: npartitions must be at least 1")
	}
	size := (f.Rows + npartitions - 1) / npartitions
	if size == 0 {
		size = 1
	}
	var parts []graph.Value
	for i := 0; i < f.Rows || i == 0; i += size {
		p := f.Slice(i, min(i+size, f.Rows))
		if len(f.Index) > 0 {
			p = f.Slice(i, min(i+size, f.Rows))
		} else {
			p.Index = []frame.Column{{Name: "", Data: frame.Take(f.IndexOrRange()[0].Data, rangeInts(i, min(i+size, f.Rows)))}}
		}
		if series != nil {
			parts = append(parts, &frame.Series{Name: series.Name, Index: p.Index, Data: p.Columns[0].Data})
		} else {
			parts = append(parts, p)
		}
		if f.Rows == 0 {
			break
		}
	}
	var meta graph.Value = f.Head(0)
	if series != nil {
		meta = dataframe.Empty(series)
	}
	return FromEngine(dataframe.FromValues("from-pandas", parts, meta)), nil
}

func rangeInts(i, j int) []int {
	out := make([]int, j-i)
	for k := range out {
		out[k] = i + k
	}
	return out
}

// concat implements pd.concat and dd.concat over frames or series.
func concat(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var objs starlark.Value
	var ignoreIndex bool
	var axis starlark.Value
	if err := starlark.UnpackArgs("concat", args, kwargs, "objs", &objs, "axis?", &axis, "ignore_index?", &ignoreIndex); err != nil {
		return nil, err
	}
	it := starlark.Iterate(objs)
	if it == nil {
		return nil, fmt.Errorf("TypeError: first argument must be an iterable of pandas objects, you passed an object of type \"%s\"", session.TypeName(objs))
	}
	defer it.Done()
	var vals []any
	lazy := false
	var x starlark.Value
	for it.Next(&x) {
		v, ok := engineValue(x)
		if !ok {
			return nil, fmt.Errorf("TypeError: cannot concatenate object of type '%s'; only Series and DataFrame objs are valid", session.TypeName(x))
		}
		if _, ok := v.(*dataframe.Collection); ok {
			lazy = true
		}
		vals = append(vals, v)
	}
	if len(vals) == 0 {
		return nil, fmt.Errorf("ValueError: No objects to concatenate")
	}
	if !lazy {
		parts := make([]graph.Value, len(vals))
		for i, v := range vals {
			parts[i] = v
		}
		r, err := dataframe.Run("concat", nil, parts...)
		if err != nil {
			return nil, err
		}
		if ignoreIndex {
			if f, ok := r.(*frame.Frame); ok {
				f.Index = nil
			}
		}
		return FromEngine(r), nil
	}
	// Lazy: the result's partitions are the inputs' partitions in order.
	var gs []graph.Graph
	var names []string
	for _, v := range vals {
		c := lazyOf(v)
		gs = append(gs, c.Graph)
		for i := 0; i < c.NParts; i++ {
			names = append(names, string(graph.PartKey(c.Name, i)))
		}
	}
	first := lazyOf(vals[0])
	name := "concat-" + graph.Tokenize("concat", names)
	g := graph.Merge(gs...)
	for i, n := range names {
		key := graph.PartKey(name, i)
		g[key] = &graph.Task{Key: key, Deps: []graph.Key{graph.Key(n)}, Stages: []graph.Stage{graph.NewStage("concat", nil)}}
	}
	return FromEngine(&dataframe.Collection{Graph: g, Name: name, NParts: len(names), Meta: first.Meta}), nil
}

// pdReadCSV implements pandas.read_csv: one file, read now.
func pdReadCSV(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	// nrows=, index_col= and parse_dates=True are pandas' own (Dask reads
	// whole files, and sets an index with set_index).
	var rest []starlark.Tuple
	nrows := -1
	var indexCol starlark.Value = starlark.None
	parseIndex := false
	for _, kv := range kwargs {
		switch string(kv[0].(starlark.String)) {
		case "index_col":
			indexCol = kv[1]
			continue
		case "parse_dates":
			if b, ok := kv[1].(starlark.Bool); ok {
				// True parses the index; without index_col there is none.
				parseIndex = bool(b)
				continue
			}
		}
		if string(kv[0].(starlark.String)) == "nrows" {
			if kv[1] != starlark.None {
				n, err := starlark.AsInt32(kv[1])
				if err != nil || n < 0 {
					return nil, fmt.Errorf("ValueError: 'nrows' must be an integer >=0")
				}
				nrows = n
			}
			continue
		}
		rest = append(rest, kv)
	}
	path, opt, _, err := ReadCSVArgs("read_csv", args, rest)
	if err != nil {
		return nil, err
	}
	if nrows >= 0 {
		opt.NRows = nrows
	}
	name, ok := starlark.AsString(path)
	if !ok {
		return nil, fmt.Errorf("TypeError: pandas.read_csv reads one file: pass its path as a string")
	}
	data, err := session.Of(thread).Host().FS().ReadFile(name)
	if err != nil {
		return nil, err
	}
	f, err := csv.Read(name, data, &opt)
	if err != nil {
		return nil, err
	}
	if indexCol != starlark.None && indexCol != starlark.False {
		if f, err = indexColumn(f, indexCol, parseIndex); err != nil {
			return nil, err
		}
	}
	return &DataFrame{eager: f}, nil
}

// indexColumn makes a column of f (by position or name) its index, as
// read_csv(index_col=) does; parse reads it as dates where it can (as
// parse_dates=True: values that are not dates leave it as it is).
func indexColumn(f *frame.Frame, col starlark.Value, parse bool) (*frame.Frame, error) {
	pos := -1
	switch c := col.(type) {
	case starlark.Int:
		i, _ := c.Int64()
		if i < 0 || int(i) >= len(f.Columns) {
			return nil, fmt.Errorf("IndexError: index_col=%d: the file has %d columns", i, len(f.Columns))
		}
		pos = int(i)
	case starlark.String:
		for i, fc := range f.Columns {
			if fc.Name == string(c) {
				pos = i
			}
		}
		if pos < 0 {
			return nil, fmt.Errorf("ValueError: Index %s invalid", string(c))
		}
	default:
		return nil, fmt.Errorf("NotImplementedError: read_csv(index_col=%s): Burst takes one column, by position or name", col.Type())
	}
	idx := f.Columns[pos]
	if parse {
		if d, err := frame.ToDatetime(idx.Data); err == nil {
			idx.Data = d
		}
	}
	cols := append(append([]frame.Column(nil), f.Columns[:pos]...), f.Columns[pos+1:]...)
	return &frame.Frame{Index: []frame.Column{idx}, Columns: cols, Rows: f.Rows}, nil
}

// toTimedelta implements pd.to_timedelta(arg, unit=).
func toTimedelta(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var arg starlark.Value
	unit := "ns"
	if err := starlark.UnpackArgs("to_timedelta", args, kwargs, "arg", &arg, "unit?", &unit); err != nil {
		return nil, err
	}
	if _, ok := frame.Units[unit]; !ok {
		return nil, fmt.Errorf("ValueError: invalid unit abbreviation: %s", unit)
	}
	if g, ok := GoScalar(arg); ok && !isEngine(arg) {
		a, err := frame.Broadcast(g, 1)
		if err != nil {
			return nil, err
		}
		r, err := frame.ToTimedelta(a, unit)
		if err != nil {
			return nil, err
		}
		return fromGo(frame.ValueAt(r, 0)), nil
	}
	v, ok := engineValue(arg)
	if !ok {
		return nil, fmt.Errorf("TypeError: to_timedelta() takes a number or a Series, not %s", session.TypeName(arg))
	}
	return apply("to-timedelta", "unary", map[string]any{"fn": "to_timedelta", "args": dataframe.Scalars([]any{unit})}, v)
}

// toDatetime implements pd.to_datetime(arg).
func toDatetime(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var arg, format starlark.Value
	if err := starlark.UnpackArgs("to_datetime", args, kwargs, "arg", &arg, "format?", &format); err != nil {
		return nil, err
	}
	if s, ok := arg.(starlark.String); ok {
		t, ok := frame.ParseTime(string(s))
		if !ok {
			return nil, fmt.Errorf("ParserError: Unknown string format: %s", s)
		}
		return Timestamp(t), nil
	}
	v, ok := engineValue(arg)
	if !ok {
		return nil, fmt.Errorf("TypeError: to_datetime() takes a string or a Series, not %s", session.TypeName(arg))
	}
	return toDatetimeOf(v, format)
}

// pdTimestamp implements pd.Timestamp("2020-01-01").
func pdTimestamp(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	// pd.Timestamp(datetime.datetime(…)), and of a date.
	if len(args) == 1 && len(kwargs) == 0 {
		if t, ok := args[0].(interface{ GoTime() time.Time }); ok {
			return Timestamp(t.GoTime()), nil
		}
	}
	var s string
	if err := starlark.UnpackPositionalArgs("Timestamp", args, kwargs, 1, &s); err != nil {
		return nil, err
	}
	t, ok := frame.ParseTime(s)
	if !ok {
		return nil, fmt.Errorf("ValueError: could not convert string to Timestamp")
	}
	return Timestamp(t), nil
}

// pdTimedelta implements pd.Timedelta(n, unit=).
func pdTimedelta(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var n starlark.Value
	unit := "ns"
	var parts [6]starlark.Value
	if err := starlark.UnpackArgs("Timedelta", args, kwargs, "value?", &n, "unit?", &unit, "days?", &parts[0], "hours?", &parts[1], "minutes?", &parts[2], "seconds?", &parts[3], "milliseconds?", &parts[4], "weeks?", &parts[5]); err != nil {
		return nil, err
	}
	total := 0.0
	for i, scale := range []float64{86400e9, 3600e9, 60e9, 1e9, 1e6, 7 * 86400e9} {
		if parts[i] == nil {
			continue
		}
		f, ok := starlark.AsFloat(parts[i])
		if !ok {
			return nil, fmt.Errorf("TypeError: Timedelta() takes numbers, not %s", session.TypeName(parts[i]))
		}
		total += f * scale
	}
	if n != nil {
		f, ok := starlark.AsFloat(n)
		if !ok {
			return nil, fmt.Errorf("TypeError: Timedelta() takes a number")
		}
		u, ok := frame.Units[unit]
		if !ok {
			return nil, fmt.Errorf("ValueError: invalid unit abbreviation: %s", unit)
		}
		total += f * float64(u)
	}
	return Timedelta(time.Duration(total)), nil
}

// pdDataFrame implements pd.DataFrame({"a": [...], ...}) and
// pd.DataFrame(array, columns=[...]).
func pdDataFrame(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	var columns starlark.Value = starlark.None
	if err := starlark.UnpackArgs("DataFrame", args, kwargs, "data?", &data, "columns?", &columns); err != nil {
		return nil, err
	}
	if a, ok := data.(*numpy.NDArray); ok {
		return frameOfArray(a.Array(), columns)
	}
	if columns != starlark.None {
		return nil, fmt.Errorf("NotImplementedError: Burst takes columns= with an array; with a dict, its keys are the columns")
	}
	// A library's dict (OrderedDict, defaultdict) gives the dict it holds.
	if p, ok := data.(interface{ PlainValue() starlark.Value }); ok {
		data = p.PlainValue()
	}
	d, ok := data.(*starlark.Dict)
	if !ok {
		return nil, fmt.Errorf("TypeError: Burst builds a DataFrame from a dict of column: list")
	}
	var cols []frame.Column
	for _, kv := range d.Items() {
		name, ok := starlark.AsString(kv[0])
		if !ok {
			return nil, fmt.Errorf("TypeError: column names must be strings")
		}
		if m, ok := kv[1].(ObjectColumn); ok {
			cols = append(cols, frame.Column{Name: name, Data: objectColumn(m.ObjectValues())})
			continue
		}
		vals, err := session.Values(kv[1])
		if err != nil {
			return nil, err
		}
		a, err := arrayOf(vals, nil)
		if err != nil {
			return nil, err
		}
		cols = append(cols, frame.Column{Name: name, Data: a})
	}
	f, err := frame.New(cols)
	if err != nil {
		return nil, fmt.Errorf("ValueError: All arrays must be of the same length")
	}
	return &DataFrame{eager: f}, nil
}

// pdSeries implements pd.Series([...], name=).
func pdSeries(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	name := ""
	if err := starlark.UnpackArgs("Series", args, kwargs, "data", &data, "name?", &name); err != nil {
		return nil, err
	}
	vals, err := session.Values(data)
	if err != nil {
		return nil, err
	}
	a, err := arrayOf(vals, nil)
	if err != nil {
		return nil, err
	}
	return &Series{eager: &frame.Series{Name: name, Data: a}}, nil
}
