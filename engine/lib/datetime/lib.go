// Package datetime is Python's datetime module for cells: date,
// datetime, time and timedelta, naive (time zones are refused by name),
// with CPython's reprs, arithmetic, strftime and strptime. A datetime
// compares with pandas' Timestamps and datetime columns: pandas reads it
// through GoTime.
package datetime

import (
	"fmt"
	"sort"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// Library is the datetime module.
var Library = session.Library{Modules: modules, Docs: docs, MethodDocs: methodDocs}

func modules(*session.Session) map[string]*session.Module {
	return map[string]*session.Module{
		"datetime": {Name: "datetime", Members: starlark.StringDict{
			"date":      dateClass(),
			"datetime":  dateTimeClass(),
			"time":      timeClass(),
			"timedelta": &Class{name: "timedelta", new: newTimeDelta, attrs: deltaClassAttrs(), is: func(v starlark.Value) bool { _, ok := v.(TimeDelta); return ok }},
			"MINYEAR":   starlark.MakeInt(1),
			"MAXYEAR":   starlark.MakeInt(9999),
			"timezone":  noZones{"timezone"},
			"tzinfo":    noZones{"tzinfo"},
		}},
	}
}

func noTimeZones() error {
	return fmt.Errorf("NotImplementedError: Burst's datetime has no time zones (tzinfo, timezone): use naive datetimes, in UTC or in local time throughout")
}

// noZones stands for the time-zone classes: calling them or reading
// their attributes (timezone.utc) says that Burst has none.
type noZones struct{ name string }

func (z noZones) String() string        { return "<class 'datetime." + z.name + "'>" }
func (z noZones) Type() string          { return "type" }
func (z noZones) Freeze()               {}
func (z noZones) Truth() starlark.Bool  { return true }
func (z noZones) Hash() (uint32, error) { return starlark.String(z.name).Hash() }
func (z noZones) Name() string          { return z.name }
func (z noZones) QualifiedName() string { return "datetime." + z.name }
func (z noZones) AttrNames() []string   { return nil }
func (z noZones) Attr(string) (starlark.Value, error) {
	return nil, noTimeZones()
}
func (z noZones) CallInternal(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return nil, noTimeZones()
}

// Class is one of the module's classes: called, it makes a value; its
// attributes are the class methods and constants (datetime.now,
// date.max); isinstance asks it.
type Class struct {
	name  string
	new   session.Func
	attrs map[string]starlark.Value
	is    func(starlark.Value) bool
}

var (
	_ starlark.Callable = (*Class)(nil)
	_ starlark.HasAttrs = (*Class)(nil)
	_ session.ClassInfo = (*Class)(nil)
)

func (c *Class) String() string        { return "<class 'datetime." + c.name + "'>" }
func (c *Class) Type() string          { return "type" }
func (c *Class) Freeze()               {}
func (c *Class) Truth() starlark.Bool  { return true }
func (c *Class) Hash() (uint32, error) { return starlark.String(c.name).Hash() }
func (c *Class) Name() string          { return c.name }

// QualifiedName names the class for help(): datetime.date.
func (c *Class) QualifiedName() string { return "datetime." + c.name }

// IsInstance is isinstance(x, datetime.date) and the others.
func (c *Class) IsInstance(x starlark.Value) bool { return c.is(x) }

// CallInternal makes a value: date(2024, 1, 2).
func (c *Class) CallInternal(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return c.new(th, starlark.NewBuiltin(c.name, c.new), args, kwargs)
}

func (c *Class) Attr(name string) (starlark.Value, error) {
	if v, ok := c.attrs[name]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("AttributeError: type object 'datetime.%s' has no attribute '%s'", c.name, name)
}

func (c *Class) AttrNames() []string {
	names := make([]string, 0, len(c.attrs))
	for n := range c.attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
