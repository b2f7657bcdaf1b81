package kernel

import (
	"fmt"
	"sort"
	"strings"

	"go.starlark.net/starlark"

	"burst/engine/lib/collections"
	"burst/engine/lib/dasharray"
	"burst/engine/lib/dask"
	"burst/engine/lib/daskml"
	"burst/engine/lib/datetime"
	"burst/engine/lib/functools"
	"burst/engine/lib/itertools"
	pymath "burst/engine/lib/math"
	"burst/engine/lib/matplotlib"
	"burst/engine/lib/numpy"
	"burst/engine/lib/operator"
	"burst/engine/lib/pandas"
	"burst/engine/lib/pystring"
	"burst/engine/lib/re"
	"burst/engine/lib/remote"
	"burst/engine/lib/sklearn"
	"burst/engine/lib/statistics"
	"burst/engine/lib/stdlib"
	"burst/engine/session"
)

// Module is a Python module implemented in Go.
type Module = session.Module

func builtin(name string, fn func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, fn)
}

// makeModules builds the modules cells can import.
func (k *Kernel) makeModules() map[string]*Module {
	mods := map[string]*Module{}
	for _, lib := range libraries() {
		for path, m := range lib.Modules(k.s) {
			mods[path] = m
		}
	}
	// A module's submodules are its attributes, as once imported in
	// Python: dask.dataframe, numpy.random.
	for path, m := range mods {
		if i := strings.LastIndexByte(path, '.'); i > 0 {
			if parent := mods[path[:i]]; parent != nil && parent.Members[path[i+1:]] == nil {
				parent.Members[path[i+1:]] = m
			}
		}
	}
	return mods
}

// libraries are the families of modules cells import, besides the
// kernel's own.
func libraries() []session.Library {
	return []session.Library{
		stdlib.Library,
		collections.Library,
		re.Library,
		datetime.Library,
		dask.Library,
		pandas.Library,
		numpy.Library,
		dasharray.Library,
		sklearn.Library,
		daskml.Library,
		remote.Library,
		pymath.Library,
		operator.Library,
		functools.Library,
		itertools.Library,
		statistics.Library,
		pystring.Library,
		matplotlib.Library,
	}
}

// builtins returns the names every cell starts with: Python's builtins,
// the functions translated cells call, and the kernel's own.
func (k *Kernel) builtins() starlark.StringDict {
	own := starlark.StringDict{
		"_import":     builtin("_import", k.importModule),
		"display":     builtin("display", k.display),
		"help":        builtin("help", k.help),
		"_time_start": builtin("_time_start", k.timeStart),
		"_time_end":   builtin("_time_end", k.timeEnd),
		"_timeit":     builtin("_timeit", k.timeit),
		"_load":       builtin("_load", k.load),
		"_run":        builtin("_run", k.runFile),
	}
	b := session.ExceptionBuiltins(session.Builtins())
	for _, lib := range libraries() {
		if lib.Builtins != nil {
			for name, v := range lib.Builtins(k.s) {
				b[name] = v
			}
		}
	}
	for name, v := range own {
		b[name] = v
	}
	return b
}

// importModule implements import statements: _import("a.b") returns the
// module, _import("a.b", "c") returns member c of module a.b (or the
// submodule a.b.c).
func (k *Kernel) importModule(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	var mod, member string
	if err := starlark.UnpackPositionalArgs("import", args, nil, 1, &mod, &member); err != nil {
		return nil, err
	}
	m, ok := k.mods()[mod]
	if !ok {
		return nil, fmt.Errorf("ModuleNotFoundError: No module named '%s' (Burst provides: %s)", mod, strings.Join(k.moduleNames(), ", "))
	}
	if member == "" {
		return m, nil
	}
	if v, ok := m.Members[member]; ok {
		return v, nil
	}
	if sub, ok := k.mods()[mod+"."+member]; ok {
		return sub, nil
	}
	return nil, fmt.Errorf("ImportError: cannot import name '%s' from '%s'", member, mod)
}

func (k *Kernel) moduleNames() []string {
	var names []string
	for n := range k.mods() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (k *Kernel) display(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: display() got an unexpected keyword argument '%s'", kwargs[0][0])
	}
	for _, v := range args {
		k.Emit(Output{Type: "display_data", Data: session.MIMEBundle(v)})
	}
	return starlark.None, nil
}
