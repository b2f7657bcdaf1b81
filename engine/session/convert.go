package session

import (
	"fmt"

	"go.starlark.net/starlark"

	"burst/engine/graph"
)

// Values move between cells and tasks: a task's value is what the engine
// computes with (a frame, a Go scalar), a cell's is what Python shows
// (a DataFrame, an int). Libraries whose engine types reach cells
// register how to show them; their cell values say what they are in a
// task.

// TaskValuer is a cell value that travels in tasks as an engine value (a
// DataFrame as its frame).
type TaskValuer interface {
	TaskValue() graph.Value
}

// cellValues are the registered conversions from task values to cell
// values; filled from init functions only, never reachable from a cell.
var cellValues []func(graph.Value) (starlark.Value, bool)

// RegisterCellValue adds a conversion of task values a library's types
// hold to cell values; f reports false for values it does not know. Call
// it from init.
func RegisterCellValue(f func(graph.Value) (starlark.Value, bool)) {
	cellValues = append(cellValues, f)
}

// CellValue turns a task's value into a cell value: cell values as they
// are, Go scalars as Python's, library values as their library shows
// them.
func CellValue(v graph.Value) starlark.Value {
	switch v := v.(type) {
	case starlark.Value:
		return v
	case nil:
		return starlark.None
	case float64:
		return starlark.Float(v)
	case int64:
		return starlark.MakeInt64(v)
	case int:
		return starlark.MakeInt(v)
	case bool:
		return starlark.Bool(v)
	case string:
		return starlark.String(v)
	}
	for _, f := range cellValues {
		if c, ok := f(v); ok {
			return c
		}
	}
	return starlark.String(fmt.Sprint(v))
}

// TaskValue turns a cell value into a task's value: library values as
// their engine values, Python's scalars as Go's, anything else (lists,
// dicts) as it is, frozen.
func TaskValue(v starlark.Value) graph.Value {
	switch x := v.(type) {
	case TaskValuer:
		return x.TaskValue()
	case starlark.Int:
		if i, ok := x.Int64(); ok {
			return i
		}
		f, _ := starlark.AsFloat(x)
		return f
	case starlark.Float:
		return float64(x)
	case starlark.String:
		return string(x)
	case starlark.Bool:
		return bool(x)
	case starlark.NoneType:
		return nil
	}
	v.Freeze()
	return v
}
