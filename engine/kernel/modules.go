package kernel

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"go.starlark.net/starlark"
)

// Module is a Python module implemented in Go.
type Module struct {
	Name    string
	Members starlark.StringDict
}

var _ starlark.HasAttrs = (*Module)(nil)

func (m *Module) String() string        { return fmt.Sprintf("<module '%s'>", m.Name) }
func (m *Module) Type() string          { return "module" }
func (m *Module) Freeze()               {}
func (m *Module) Truth() starlark.Bool  { return true }
func (m *Module) Hash() (uint32, error) { return starlark.String(m.Name).Hash() }

// Attr implements starlark.HasAttrs.
func (m *Module) Attr(name string) (starlark.Value, error) {
	if v, ok := m.Members[name]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("AttributeError: module '%s' has no attribute '%s'", m.Name, name)
}

// AttrNames implements starlark.HasAttrs.
func (m *Module) AttrNames() []string {
	names := make([]string, 0, len(m.Members))
	for n := range m.Members {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

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
			"read_csv": builtin("read_csv", k.readCSV),
		}},
		"dask.distributed": {Name: "dask.distributed", Members: starlark.StringDict{
			"Client": builtin("Client", k.newClient),
		}},
	}
	mods["dask"] = &Module{Name: "dask", Members: starlark.StringDict{
		"dataframe":   mods["dask.dataframe"],
		"distributed": mods["dask.distributed"],
		"compute":     builtin("compute", k.computeAll),
	}}
	mods["distributed"] = mods["dask.distributed"]
	return mods
}

func (k *Kernel) builtins() starlark.StringDict {
	return starlark.StringDict{
		"_import": builtin("_import", k.importModule),
		"display": builtin("display", k.display),
	}
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
		if k.emit != nil {
			k.emit(Output{Type: "display_data", Data: mimeBundle(v)})
		}
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
