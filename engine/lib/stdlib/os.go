package stdlib

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
)

// osPathJoin joins like Python's os.path.join: an absolute part restarts.
func osPathJoin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: join() takes no keyword arguments")
	}
	out := ""
	for i, a := range args {
		s, ok := starlark.AsString(a)
		if !ok {
			return nil, fmt.Errorf("TypeError: join() argument %d must be str, not %s", i+1, a.Type())
		}
		switch {
		case strings.HasPrefix(s, "/") || out == "":
			out = s
		case strings.HasSuffix(out, "/"):
			out += s
		default:
			out += "/" + s
		}
	}
	return starlark.String(out), nil
}

func stringFunc(f func(string) string) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var s string
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &s); err != nil {
			return nil, err
		}
		return starlark.String(f(s)), nil
	}
}

// osPathSplitext is os.path.splitext(p): (root, ext), ext from the last
// dot of the last part of the path, unless all before it in that part are
// dots (".bashrc" has no extension), as CPython's genericpath splits.
func osPathSplitext(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &p); err != nil {
		return nil, err
	}
	sep := strings.LastIndexByte(p, '/')
	dot := strings.LastIndexByte(p, '.')
	if dot > sep {
		for i := sep + 1; i < dot; i++ {
			if p[i] != '.' {
				return starlark.Tuple{starlark.String(p[:dot]), starlark.String(p[dot:])}, nil
			}
		}
	}
	return starlark.Tuple{starlark.String(p), starlark.String("")}, nil
}
