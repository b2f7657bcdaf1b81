// Package numpy is numpy in cells: the ndarray value (NDArray, over
// engine/ndarray), its dtypes, and the modules numpy, numpy.linalg and
// numpy.random, with the builtins translated cells call for a @ b and
// slices. Other libraries (pandas, dask arrays, sklearn) make and read
// arrays with NewArray and ArrayOf; values of theirs that convert to an
// array implement ArrayLike.
package numpy

import (
	"go.starlark.net/starlark"

	"burst/engine/session"
)

var builtin = session.Builtin

// Library is numpy's modules, the builtins _at and _slice, and numpy's
// docstrings.
var Library = session.Library{
	Modules:    modules,
	Builtins:   builtins,
	Docs:       docs,
	MethodDocs: methodDocs,
}

// docs and methodDocs are filled by init, once.
var docs, methodDocs = map[string]string{}, map[string]string{}

// modules builds numpy for a session: numpy.random's global generator
// is the session's.
func modules(*session.Session) map[string]*session.Module {
	np := numpyModule()
	return map[string]*session.Module{
		"numpy":        np,
		"numpy.linalg": np.Members["linalg"].(*session.Module),
		"numpy.random": np.Members["random"].(*session.Module),
	}
}

// builtins are the names translated cells call: _slice(start, stop,
// step) for the slices Starlark cannot parse (among several indices,
// a[1:3, :2], and assigned to), and _at for @ (a @ b is a * _at * b).
func builtins(*session.Session) starlark.StringDict {
	return starlark.StringDict{
		"_slice": builtin("_slice", makeSlice),
		"_at":    matmulOp{},
	}
}
