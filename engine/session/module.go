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
