// Package stdlib holds the modules of Python's standard library that
// cells import: random, json, time, glob, os and os.path.
package stdlib

import (
	"path"
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
	osPath := &Module{Name: "posixpath", Members: starlark.StringDict{
		"join":     builtin("join", osPathJoin),
		"basename": builtin("basename", stringFunc(path.Base)),
		"dirname":  builtin("dirname", stringFunc(path.Dir)),
		"splitext": builtin("splitext", osPathSplitext),
	}}
	return map[string]*Module{
		"os":      {Name: "os", Members: starlark.StringDict{"path": osPath, "sep": starlark.String("/")}},
		"os.path": osPath,
		"random":  randomModule(),
		"json":    jsonModule(),
		"glob": {Name: "glob", Members: starlark.StringDict{
			"glob": builtin("glob", glob),
		}},
		"time": {Name: "time", Members: starlark.StringDict{
			"sleep":        builtin("sleep", sleep),
			"time":         builtin("time", clock(func() float64 { return float64(time.Now().UnixNano()) / 1e9 })),
			"perf_counter": builtin("perf_counter", clock(monotonic)),
			"monotonic":    builtin("monotonic", clock(monotonic)),
		}},
	}
}
