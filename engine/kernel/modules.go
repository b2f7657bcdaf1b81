package kernel

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// Module is a Python module implemented in Go.
type Module = session.Module

func builtin(name string, fn func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, fn)
}

// makeModules builds the modules cells can import.
func (k *Kernel) makeModules() map[string]*Module {
	osPath := &Module{Name: "posixpath", Members: starlark.StringDict{
		"join":     builtin("join", osPathJoin),
		"basename": builtin("basename", stringFunc(path.Base)),
		"dirname":  builtin("dirname", stringFunc(path.Dir)),
	}}
	mods := map[string]*Module{
		"os":      {Name: "os", Members: starlark.StringDict{"path": osPath, "sep": starlark.String("/")}},
		"os.path": osPath,
		"dask.dataframe": {Name: "dask.dataframe", Members: starlark.StringDict{
			"read_csv":     builtin("read_csv", k.readCSV),
			"from_pandas":  builtin("from_pandas", k.fromPandas),
			"concat":       builtin("concat", k.concat),
			"to_timedelta": builtin("to_timedelta", toTimedelta),
			"to_datetime":  builtin("to_datetime", toDatetime),
		}},
		"pandas": {Name: "pandas", Members: starlark.StringDict{
			"read_csv":     builtin("read_csv", k.pdReadCSV),
			"concat":       builtin("concat", k.concat),
			"to_timedelta": builtin("to_timedelta", toTimedelta),
			"to_datetime":  builtin("to_datetime", toDatetime),
			"Timestamp":    builtin("Timestamp", pdTimestamp),
			"Timedelta":    builtin("Timedelta", pdTimedelta),
			"DataFrame":    builtin("DataFrame", pdDataFrame),
			"Series":       builtin("Series", pdSeries),
			"NaT":          starlark.None,
		}},
		"dask.distributed": {Name: "dask.distributed", Members: starlark.StringDict{
			"Client":       builtin("Client", k.newClient),
			"LocalCluster": builtin("LocalCluster", k.newLocalCluster),
			"wait":         builtin("wait", k.waitFutures),
			"as_completed": builtin("as_completed", k.asCompleted),
			"progress":     builtin("progress", k.progress),
			"fire_and_forget": builtin("fire_and_forget", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
				return starlark.None, nil
			}),
		}},
		"math":   mathModule(),
		"numpy":  numpyModule(),
		"random": k.randomModule(),
		"json":   jsonModule(),
		"glob": {Name: "glob", Members: starlark.StringDict{
			"glob": builtin("glob", k.glob),
		}},
		"dask.delayed": {Name: "dask.delayed", Members: starlark.StringDict{
			"delayed": builtin("delayed", k.delayed),
		}},
		"time": {Name: "time", Members: starlark.StringDict{
			"sleep":        builtin("sleep", sleep),
			"time":         builtin("time", clock(func() float64 { return float64(time.Now().UnixNano()) / 1e9 })),
			"perf_counter": builtin("perf_counter", clock(monotonic)),
			"monotonic":    builtin("monotonic", clock(monotonic)),
		}},
	}
	mods["dask"] = &Module{Name: "dask", Members: starlark.StringDict{
		"dataframe":   mods["dask.dataframe"],
		"distributed": mods["dask.distributed"],
		"compute":     builtin("compute", k.computeAll),
		"delayed":     builtin("delayed", k.delayed),
		"persist":     builtin("persist", k.persistAll),
		"visualize":   builtin("visualize", k.visualizeAll),
	}}
	mods["distributed"] = mods["dask.distributed"]
	mods["burst"] = k.burstModule()
	mods["numpy.linalg"] = mods["numpy"].Members["linalg"].(*Module)
	mods["numpy.random"] = mods["numpy"].Members["random"].(*Module)
	k.addSklearn(mods)
	k.addDaskArray(mods)
	return mods
}

// builtins returns the names every cell starts with: Python's builtins,
// the functions translated cells call, and the kernel's own.
func (k *Kernel) builtins() starlark.StringDict {
	own := starlark.StringDict{
		"_import":     builtin("_import", k.importModule),
		"display":     builtin("display", k.display),
		"help":        builtin("help", k.help),
		"_slice":      builtin("_slice", makeSlice),
		"_at":         matmulOp{},
		"_time_start": builtin("_time_start", k.timeStart),
		"_time_end":   builtin("_time_end", k.timeEnd),
		"_timeit":     builtin("_timeit", k.timeit),
		"_load":       builtin("_load", k.load),
		"_run":        builtin("_run", k.runFile),
	}
	b := session.Builtins()
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
	m, ok := k.modules[mod]
	if !ok {
		return nil, fmt.Errorf("ModuleNotFoundError: No module named '%s' (Burst provides: %s)", mod, strings.Join(k.moduleNames(), ", "))
	}
	if member == "" {
		return m, nil
	}
	if v, ok := m.Members[member]; ok {
		return v, nil
	}
	if sub, ok := k.modules[mod+"."+member]; ok {
		return sub, nil
	}
	return nil, fmt.Errorf("ImportError: cannot import name '%s' from '%s'", member, mod)
}

func (k *Kernel) moduleNames() []string {
	var names []string
	for n := range k.modules {
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

var started = time.Now()

func monotonic() float64 { return time.Since(started).Seconds() }

func clock(now func() float64) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
			return nil, err
		}
		return starlark.Float(now()), nil
	}
}

// sleep is time.sleep: it really waits, on whichever worker runs it, and
// an interrupt of the cell ends it.
func sleep(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var secs starlark.Value
	if err := starlark.UnpackArgs("sleep", args, kwargs, "secs", &secs); err != nil {
		return nil, err
	}
	f, ok := starlark.AsFloat(secs)
	if !ok || f < 0 || f != f {
		return nil, fmt.Errorf("ValueError: sleep length must be a non-negative number, not %s", session.Repr(secs))
	}
	var done <-chan struct{}
	if ctx, ok := th.Local("ctx").(context.Context); ok {
		done = ctx.Done() // a task's: it ends when the task is released
	} else if k, ok := th.Local("kernel").(*Kernel); ok {
		done = k.context().Done()
	}
	select {
	case <-time.After(time.Duration(f * float64(time.Second))):
		return starlark.None, nil
	case <-done:
		return nil, fmt.Errorf("KeyboardInterrupt")
	}
}

// glob is glob.glob(pattern): the matching files of the lesson's folder,
// sorted (Python's order is the file system's; sorted is what learners
// expect and what Dask's read_csv uses).
func (k *Kernel) glob(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var pattern string
	var recursive bool
	if err := starlark.UnpackArgs("glob", args, kwargs, "pathname", &pattern, "recursive?", &recursive); err != nil {
		return nil, err
	}
	names, err := k.s.Host().FS().Glob(pattern)
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
