package session

import (
	"fmt"
	"sort"

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

// Func is the signature of a builtin function.
type Func = func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

// Builtin names a Go function for cells.
func Builtin(name string, fn Func) *starlark.Builtin { return starlark.NewBuiltin(name, fn) }

// A Library is a family of importable modules (the standard library,
// numpy, pandas…). A kernel imports what its libraries build; adding a
// library is one package and one line in the kernel's table.
type Library struct {
	// Modules builds the library's modules for a new session, by import
	// path ("numpy", "numpy.random"). Per-session state (a random
	// generator) lives in the closures it makes, or in s.State.
	Modules func(s *Session) map[string]*Module
	// Builtins are names every cell starts with that the library adds
	// (numpy's _at for the translated @).
	Builtins func(s *Session) starlark.StringDict
	// Docs are the docstrings help() shows, by qualified name
	// ("numpy.zeros", "ndarray.sum").
	Docs map[string]string
	// MethodDocs document methods by name alone, for every type that
	// has one of that name ("to_numpy").
	MethodDocs map[string]string
}
