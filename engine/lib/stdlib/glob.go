package stdlib

import (
	"burst/engine/session"
	"sort"

	"go.starlark.net/starlark"
)

// glob is glob.glob(pattern): the matching files of the lesson's folder,
// sorted (Python's order is the file system's; sorted is what learners
// expect and what Dask's read_csv uses).
func glob(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var pattern string
	var recursive bool
	if err := starlark.UnpackArgs("glob", args, kwargs, "pathname", &pattern, "recursive?", &recursive); err != nil {
		return nil, err
	}
	names, err := session.Of(th).Host().FS().Glob(pattern)
	if err != nil {
		return starlark.NewList(nil), nil
	}
	sort.Strings(names)
	out := make([]starlark.Value, len(names))
	for i, n := range names {
		out[i] = starlark.String(n)
	}
	return starlark.NewList(out), nil
}
