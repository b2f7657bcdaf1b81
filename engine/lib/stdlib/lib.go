// Package stdlib holds the modules of Python's standard library that
// cells import: random, json, time, glob, os and os.path.
package stdlib

import (
	"time"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

var builtin = session.Builtin

// Module is a Python module implemented in Go.
type Module = session.Module

// Library is the standard library's modules.
var Library = session.Library{Modules: modules, Docs: docs}

func modules(s *session.Session) map[string]*Module {
	osMod, osPath := osModules()
	return map[string]*Module{
		"os":      osMod,
		"os.path": osPath,
		"random":  randomModule(),
		"json":    jsonModule(),
		"glob":    globModule(),
		"time": {Name: "time", Members: starlark.StringDict{
			"sleep":        builtin("sleep", sleep),
			"time":         builtin("time", clock(func() float64 { return float64(time.Now().UnixNano()) / 1e9 })),
			"perf_counter": builtin("perf_counter", clock(monotonic)),
			"monotonic":    builtin("monotonic", clock(monotonic)),
		}},
	}
}
