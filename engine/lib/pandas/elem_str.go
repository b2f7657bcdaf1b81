package pandas

import (
	"fmt"

	"go.starlark.net/starlark"

	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/session"
)

// More of .str and .dt: the methods with named arguments, str[i] and
// str[a:b].

// more implements the accessor members StrX and DTX compute; ok is false
// for the ones Attr handles itself.
func (a *Accessor) more(name string) (starlark.Value, bool, error) {
	if a.kind == "dt" {
		isMethod, ok := frame.DTMore[name]
		if !ok {
			return nil, false, nil
		}
		if !isMethod {
			v, err := apply("dt-"+name, "dtx", dataframe.StrXParams{Method: name}, a.s.value())
			return v, true, err
		}
		param := map[string]string{"strftime": "date_format", "floor": "freq", "ceil": "freq", "round": "freq"}[name]
		return starlark.NewBuiltin("dt."+name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var arg starlark.Value = starlark.String("")
			var locale, ambiguous, nonexistent starlark.Value
			var err error
			if param != "" {
				err = starlark.UnpackArgs(name, args, kw, param, &arg, "ambiguous?", &ambiguous, "nonexistent?", &nonexistent)
			} else {
				err = starlark.UnpackArgs(name, args, kw, "locale?", &locale)
			}
			if err != nil {
				return nil, err
			}
			s, _ := starlark.AsString(arg)
			return apply("dt-"+name, "dtx", dataframe.StrXParams{Method: name, Args: map[string]dataframe.Scalar{"arg": {V: s}}}, a.s.value())
		}), true, nil
	}
	var params []string
	switch name {
	case "strip":
		params = []string{"to_strip"}
	case "replace":
		params = []string{"pat", "repl", "n", "case", "flags", "regex"}
	case "split":
		params = []string{"pat", "n", "expand", "regex"}
	case "extract":
		params = []string{"pat", "flags", "expand"}
	case "cat":
		params = []string{"others", "sep", "na_rep", "join"}
	case "join":
		params = []string{"sep"}
	case "findall", "rsplit", "get_dummies", "partition", "rpartition", "wrap", "extractall", "normalize", "translate", "encode", "decode":
		return nil, true, fmt.Errorf("NotImplementedError: str.%s(): Burst's string columns hold strings only", name)
	default:
		p, ok := frame.StrMore[name]
		if !ok {
			return nil, false, nil
		}
		params = p
	}
	return starlark.NewBuiltin("str."+name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		vals := make([]starlark.Value, len(params))
		spec := make([]any, 0, 2*len(params))
		for i, p := range params {
			spec = append(spec, p+"?", &vals[i])
		}
		if err := starlark.UnpackArgs("str."+name, args, kw, spec...); err != nil {
			return nil, err
		}
		got := map[string]dataframe.Scalar{}
		var others starlark.Value
		for i, p := range params {
			if vals[i] == nil || vals[i] == starlark.None {
				continue
			}
			if p == "others" {
				others = vals[i]
				continue
			}
			g, ok := GoScalar(vals[i])
			if !ok {
				return nil, fmt.Errorf("TypeError: str.%s() %s must be a string or number, not %s", name, p, session.TypeName(vals[i]))
			}
			got[p] = dataframe.Scalar{V: g}
		}
		v := a.s.value()
		switch name {
		case "replace":
			pat, _ := got["pat"].V.(string)
			repl, _ := got["repl"].V.(string)
			regex, given := got["regex"].V.(bool)
			if _, ok := got["n"]; ok {
				return nil, fmt.Errorf("NotImplementedError: str.replace(n=...)")
			}
			if (given && !regex) || (!given && len([]rune(pat)) == 1) {
				if c, ok := got["case"].V.(bool); ok && !c {
					return nil, fmt.Errorf("NotImplementedError: str.replace(case=False, regex=False)")
				}
				return apply("str-replace", "unary", map[string]any{"fn": "str.replace", "args": dataframe.Scalars([]any{pat, repl})}, v)
			}
			return apply("str-replace", "strx", dataframe.StrXParams{Method: "replace-re", Args: got}, v)
		case "split":
			if r, ok := got["regex"].V.(bool); ok && r {
				return nil, fmt.Errorf("NotImplementedError: str.split(regex=True)")
			}
			_, lazy := v.(*dataframe.Collection)
			if e, ok := got["expand"].V.(bool); !ok || !e {
				if lazy {
					// Lists do not travel between Burst's workers yet.
					return nil, fmt.Errorf("NotImplementedError: str.split() of a Dask Series without expand=True is not supported: its lists (and so .str.get and .str.join of them) stay in pandas; compute() first")
				}
				return apply("str-split", "strx", dataframe.StrXParams{Method: "split-list", Args: got}, v)
			}
			if lazy {
				return nil, fmt.Errorf("NotImplementedError: str.split(expand=True) of a Dask Series: its columns are not known before computing")
			}
		case "extract":
			expand := true
			if e, ok := got["expand"].V.(bool); ok {
				expand = e
			}
			return apply("str-extract", "strx", dataframe.StrXParams{Method: name, Args: got, Frame: expand}, v)
		case "cat":
			if others == nil {
				if _, lazy := v.(*dataframe.Collection); lazy {
					return nil, fmt.Errorf("NotImplementedError: str.cat() of a Dask Series without others")
				}
				return apply("str-cat", "strx", dataframe.StrXParams{Method: name, Args: got}, v)
			}
			o, ok := others.(*Series)
			if !ok {
				return nil, fmt.Errorf("NotImplementedError: str.cat(others=%s): Burst joins with one Series", session.TypeName(others))
			}
			return apply("str-cat", "strx", dataframe.StrXParams{Method: name, Args: got}, v, o.value())
		}
		return apply("str-"+name, "strx", dataframe.StrXParams{Method: name, Args: got}, v)
	}), true, nil
}

// bigLen stands for an unknown length in s.str[a:b]: Starlark resolves
// negative bounds against it, and they are told apart again below.
const bigLen = 1 << 30

// Len is only for s.str[a:b] (see bigLen).
func (a *Accessor) Len() int { return bigLen }

// Index is s.str[i] through Starlark's sequence protocol.
func (a *Accessor) Index(i int) starlark.Value {
	v, _, _ := a.Get(starlark.MakeInt(i))
	return v
}

// Get implements s.str[i]: the i-th character of each value.
func (a *Accessor) Get(k starlark.Value) (starlark.Value, bool, error) {
	if a.kind != "str" {
		return nil, false, fmt.Errorf("TypeError: 'DatetimeProperties' object is not subscriptable")
	}
	i, err := starlark.AsInt32(k)
	if err != nil {
		return nil, false, fmt.Errorf("TypeError: str[] takes an integer or a slice")
	}
	v, err := apply("str-get", "strx", dataframe.StrXParams{Method: "get", Args: map[string]dataframe.Scalar{"i": {V: int64(i)}}}, a.s.value())
	return v, err == nil, err
}

// Slice implements s.str[start:stop].
func (a *Accessor) Slice(start, end, step int) starlark.Value {
	if step != 1 {
		panic(session.PyPanic{Err: fmt.Errorf("NotImplementedError: str[a:b:step]")})
	}
	bound := func(x int) any {
		if x > bigLen/2 {
			if x >= bigLen {
				return nil
			}
			return int64(x - bigLen)
		}
		return int64(x)
	}
	v, err := apply("str-slice", "unary", map[string]any{"fn": "str.slice", "args": dataframe.Scalars([]any{bound(start), bound(end)})}, a.s.value())
	if err != nil {
		panic(session.PyPanic{Err: err})
	}
	return v
}
