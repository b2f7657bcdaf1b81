package pandas

import (
	"fmt"
	"strconv"
	"strings"

	"go.starlark.net/starlark"

	"burst/engine/csv"
	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/session"
)

// readCSV implements dask.dataframe.read_csv.
func readCSV(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if r := session.Of(th).Remote(); r != nil {
		// A Client of a remote cluster is open: the cluster reads.
		return r.ReadCSV(th, args, kwargs)
	}
	urlpath, opt, blocksize, err := ReadCSVArgs("read_csv", args, kwargs)
	if err != nil {
		return nil, err
	}
	fs := session.Of(th).Host().FS()
	var d *dataframe.Collection
	if s, ok := starlark.AsString(urlpath); ok {
		d, err = dataframe.ReadCSV(fs, s, opt, blocksize)
	} else {
		var names []string
		if names, err = StringsArg("urlpath", urlpath); err == nil {
			d, err = dataframe.ReadCSVFiles(fs, names, opt, blocksize)
		}
	}
	if err != nil {
		return nil, err
	}
	return &DataFrame{lazy: d}, nil
}

// ReadCSVArgs accepts read_csv's arguments, for pandas and Dask.
func ReadCSVArgs(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, csv.Options, int64, error) {
	var (
		urlpath                                         starlark.Value
		parseDates, dtype, usecols, naValues, blocksize starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None, starlark.None
	)
	var opt csv.Options
	if err := starlark.UnpackArgs(fn, args, kwargs,
		"urlpath", &urlpath, "parse_dates?", &parseDates, "dtype?", &dtype,
		"usecols?", &usecols, "na_values?", &naValues, "blocksize?", &blocksize); err != nil {
		return nil, opt, 0, fmt.Errorf("TypeError: %v", err)
	}
	var err error
	if opt.ParseDates, err = parseDatesArg(parseDates); err != nil {
		return nil, opt, 0, err
	}
	if opt.DType, err = dtypeArg(dtype); err != nil {
		return nil, opt, 0, err
	}
	if usecols != starlark.None {
		if opt.UseCols, err = StringsArg("usecols", usecols); err != nil {
			return nil, opt, 0, err
		}
	}
	if naValues != starlark.None {
		if opt.NAValues, err = StringsArg("na_values", naValues); err != nil {
			return nil, opt, 0, err
		}
	}
	bs := int64(dataframe.DefaultBlocksize)
	switch v := blocksize.(type) {
	case starlark.NoneType:
	case starlark.Int:
		bs, _ = v.Int64()
	case starlark.String:
		n, err := parseBytes(string(v))
		if err != nil {
			return nil, opt, 0, err
		}
		bs = n
	default:
		return nil, opt, 0, fmt.Errorf("TypeError: blocksize must be a number of bytes or a string like \"64MB\"")
	}
	return urlpath, opt, bs, nil
}

// parseBytes reads sizes like "64MB", "1 GiB", "500kB".
func parseBytes(s string) (int64, error) {
	t := strings.TrimSpace(strings.ToLower(s))
	units := []struct {
		suffix string
		n      float64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"b", 1}}
	mult := 1.0
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.n
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, fmt.Errorf("ValueError: cannot read %q as a size in bytes", s)
	}
	return int64(f * mult), nil
}

// parseDatesArg accepts parse_dates as a list of column names or a dict
// of new column → list of columns (names or positions).
func parseDatesArg(v starlark.Value) ([]csv.DateSpec, error) {
	switch v := v.(type) {
	case starlark.NoneType:
		return nil, nil
	case *starlark.List, starlark.Tuple:
		names, err := StringsArg("parse_dates", v)
		if err != nil {
			return nil, err
		}
		out := make([]csv.DateSpec, len(names))
		for i, n := range names {
			out[i] = csv.DateSpec{Name: n, Columns: []string{n}}
		}
		return out, nil
	case *starlark.Dict:
		var out []csv.DateSpec
		for _, kv := range v.Items() {
			name, ok := starlark.AsString(kv[0])
			if !ok {
				return nil, fmt.Errorf("TypeError: parse_dates keys must be column names")
			}
			spec := csv.DateSpec{Name: name}
			it := starlark.Iterate(kv[1])
			if it == nil {
				return nil, fmt.Errorf("TypeError: parse_dates[%q] must be a list of columns", name)
			}
			var x starlark.Value
			for it.Next(&x) {
				switch x := x.(type) {
				case starlark.String:
					spec.Columns = append(spec.Columns, string(x))
				case starlark.Int:
					i, _ := x.Int64()
					spec.Indices = append(spec.Indices, int(i))
				default:
					it.Done()
					return nil, fmt.Errorf("TypeError: parse_dates[%q] must list column names or positions, not %s", name, x.Type())
				}
			}
			it.Done()
			if len(spec.Columns) > 0 && len(spec.Indices) > 0 {
				return nil, fmt.Errorf("ValueError: parse_dates[%q] mixes names and positions", name)
			}
			out = append(out, spec)
		}
		return out, nil
	}
	return nil, fmt.Errorf("TypeError: parse_dates must be a list or a dict, not %s", v.Type())
}

// dtypeArg accepts dtype={"col": str | float | int | bool | "float64" …}.
func dtypeArg(v starlark.Value) (map[string]frame.DType, error) {
	if v == starlark.None {
		return nil, nil
	}
	d, ok := v.(*starlark.Dict)
	if !ok {
		return nil, fmt.Errorf("TypeError: dtype must be a dict of column: type, not %s", v.Type())
	}
	out := make(map[string]frame.DType)
	for _, kv := range d.Items() {
		col, ok := starlark.AsString(kv[0])
		if !ok {
			return nil, fmt.Errorf("TypeError: dtype keys must be column names")
		}
		var name string
		switch t := kv[1].(type) {
		case *starlark.Builtin:
			name = t.Name()
		case *session.PyType:
			name = t.Name()
		case starlark.String:
			name = string(t)
		default:
			return nil, fmt.Errorf("TypeError: dtype for %q not understood: %s", col, kv[1])
		}
		dt, err := frame.ParseDType(name)
		if err != nil {
			return nil, fmt.Errorf("TypeError: %v (column %q)", err, col)
		}
		out[col] = dt
	}
	return out, nil
}

// StringsArg accepts a string or an iterable of strings for the argument
// what.
func StringsArg(what string, v starlark.Value) ([]string, error) {
	if s, ok := starlark.AsString(v); ok {
		return []string{s}, nil
	}
	it := starlark.Iterate(v)
	if _, isSeries := v.(*Series); it == nil || isSeries {
		return nil, fmt.Errorf("TypeError: %s must be a list of strings, found %s", what, v.Type())
	}
	defer it.Done()
	var out []string
	var x starlark.Value
	for it.Next(&x) {
		s, ok := starlark.AsString(x)
		if !ok {
			return nil, fmt.Errorf("TypeError: %s must be a list of strings, found %s", what, x.Type())
		}
		out = append(out, s)
	}
	return out, nil
}
