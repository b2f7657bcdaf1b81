package dask

import (
	"go.starlark.net/starlark"

	"burst/engine/session"
)

var builtin = session.Builtin

// Library is dask's modules: dask, dask.delayed and dask.distributed
// (also importable as distributed). It computes the session's
// collections (session.Computing).
var Library = session.Library{Modules: modules}

func modules(s *session.Session) map[string]*session.Module {
	k := stateOf(s)
	s.SetComputing(k)
	distributed := &session.Module{Name: "dask.distributed", Members: starlark.StringDict{
		"Client":       builtin("Client", k.newClient),
		"LocalCluster": builtin("LocalCluster", k.newLocalCluster),
		"wait":         builtin("wait", k.waitFutures),
		"as_completed": builtin("as_completed", k.asCompleted),
		"progress":     builtin("progress", k.progress),
		"fire_and_forget": builtin("fire_and_forget", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, nil
		}),
	}}
	return map[string]*session.Module{
		"dask": {Name: "dask", Members: starlark.StringDict{
			"compute":   builtin("compute", k.computeAll),
			"delayed":   builtin("delayed", k.delayed),
			"persist":   builtin("persist", k.persistAll),
			"visualize": builtin("visualize", k.visualizeAll),
		}},
		"dask.delayed": {Name: "dask.delayed", Members: starlark.StringDict{
			"delayed": builtin("delayed", k.delayed),
		}},
		"dask.distributed": distributed,
		"distributed":      distributed,
	}
}

// Compute is dask.compute and dask.persist (session.Computing).
func (k *State) Compute(_ *starlark.Thread, args starlark.Tuple, persist bool) ([]starlark.Value, error) {
	return k.computeMany(args, nil, persist)
}
