// Package dasharray is dask.array in cells: the lazy blocked array
// (DaskArray, a session.Collection, so dask.compute, persist, visualize
// and a Client's compute and persist take it without knowing it), the
// module dask.array, and the graph operation "darray" that computes its
// blocks on the workers. Blocks are numpy arrays (engine/lib/numpy);
// from_delayed takes dask's Delayed values and futures
// (engine/lib/dask). Other libraries build on dask arrays (dask_ml's
// KMeans) with New, FromArray, BlockKey, BlockArray, Blockwise and the
// accessors.
package dasharray

import (
	"go.starlark.net/starlark"

	"burst/engine/session"
)

var builtin = session.Builtin

// Library is the module dask.array (dask's attribute array once the
// kernel links submodules to their parents) and its docstrings.
var Library = session.Library{
	Modules:    modules,
	Docs:       docs,
	MethodDocs: methodDocs,
}

func modules(*session.Session) map[string]*session.Module {
	return map[string]*session.Module{
		"dask.array.random": randomModule(),
		"dask.array": {Name: "dask.array", Members: starlark.StringDict{
			"from_delayed": builtin("from_delayed", fromDelayed),
			"from_array":   builtin("from_array", FromArray),
			"concatenate":  builtin("concatenate", concatenate),
			"zeros":        builtin("zeros", daFill("zeros", 0)),
			"ones":         builtin("ones", daFill("ones", 1)),
			"arange":       builtin("arange", daArange),
			"Array":        &session.TypeObject{Name: "dask.array.core.Array"},
		}},
	}
}

// docs are the docstrings of dask.array's functions.
var docs = map[string]string{
	"dask.array.from_delayed":           "from_delayed(value, shape, dtype=None, meta=None, name=None)\n\nA one-block dask array whose block is what a Delayed value computes (an array of the given shape and dtype). The data is made where the task runs, never in the page's kernel.",
	"dask.array.from_array":             "from_array(x, chunks='auto', name=None)\n\nA dask array of a numpy array cut into blocks: chunks is a block length (for every axis), a tuple of them per axis (-1 for a whole axis), or 'auto'.",
	"dask.array.concatenate":            "concatenate(seq, axis=0)\n\nThe arrays' blocks one after another along axis: the shapes must agree on the other axes. No data is copied until computed.",
	"dask.array.zeros":                  "zeros(shape, dtype=float, chunks='auto')\n\nA dask array of zeros, each block made on the worker that needs it.",
	"dask.array.ones":                   "ones(shape, dtype=float, chunks='auto')\n\nA dask array of ones, each block made on the worker that needs it.",
	"dask.array.arange":                 "arange([start,] stop[, step], chunks='auto', dtype=None)\n\nEvenly spaced values as a dask array, each block made on the worker that needs it.",
	"dask.array.random.RandomState":     "RandomState(seed=None)\n\nDask's random generator: the arrays it draws are Dask's for the same seed (each block drawn by numpy's RandomState seeded from this one).",
	"dask.array.random.seed":            "seed(seed=None)\n\nReseeds the generator the module's functions draw from.",
	"dask.array.random.random":          "random(size=None, chunks='auto')\n\nUniform floats in [0, 1) as a dask array, each block drawn on the worker that needs it.",
	"dask.array.random.random_sample":   "random_sample(size=None, chunks='auto')\n\nUniform floats in [0, 1) as a dask array (the same as random).",
	"dask.array.random.standard_normal": "standard_normal(size=None, chunks='auto')\n\nDraws of the standard normal distribution as a dask array.",
	"dask.array.random.normal":          "normal(loc=0.0, scale=1.0, size=None, chunks='auto')\n\nDraws of the normal distribution of mean loc and standard deviation scale as a dask array.",
	"dask.array.random.uniform":         "uniform(low=0.0, high=1.0, size=None, chunks='auto')\n\nUniform floats in [low, high) as a dask array.",
	"dask.array.random.randint":         "randint(low, high=None, size=None, chunks='auto', dtype=int)\n\nRandom integers in [low, high) (in [0, low) without high) as a dask array.",
}

// methodDocs document the array's attributes that no other type has
// (persist and visualize share the collections' common text).
var methodDocs = map[string]string{
	"chunks":      "chunks\n\nThe block lengths along each axis: a tuple of tuples, as Dask's.",
	"numblocks":   "numblocks\n\nThe number of blocks along each axis.",
	"npartitions": "npartitions\n\nThe number of blocks (or partitions).",
	"rechunk":     "rechunk(chunks='auto')\n\nThe same array in other blocks: chunks as for from_array, or a dict of axis to chunks (the other axes keep theirs); 'auto' sizes blocks of about 128 MiB from the present ones, as Dask does. Each new block is cut from the old blocks it overlaps when computed.",
}
