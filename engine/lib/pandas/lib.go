// Package pandas is pandas and dask.dataframe in cells: DataFrame, Series
// (eager, over engine/frame, or lazy, over engine/dataframe's
// collections), the lazy Scalar and Index, GroupBy, Timestamp and
// Timedelta, and the modules pandas and dask.dataframe. Every method is
// written once over engine values, so pandas' and Dask's forms behave
// alike except that lazy ones wait for compute(). Computing goes through
// the session (its Computer, its Client's Compute), functions of cells
// through its Runner.
package pandas

import (
	"go.starlark.net/starlark"

	"burst/engine/session"
)

var builtin = session.Builtin

// Library is the modules pandas and dask.dataframe, and the docstrings of
// their functions and of frames' methods.
var Library = session.Library{
	Modules:    modules,
	Docs:       docs,
	MethodDocs: methodDocs,
}

func modules(*session.Session) map[string]*session.Module {
	return map[string]*session.Module{
		"dask.dataframe": {Name: "dask.dataframe", Members: starlark.StringDict{
			"read_csv":     builtin("read_csv", readCSV),
			"from_pandas":  builtin("from_pandas", fromPandas),
			"concat":       builtin("concat", concat),
			"to_timedelta": builtin("to_timedelta", toTimedelta),
			"to_datetime":  builtin("to_datetime", toDatetime),
			"pivot_table":  builtin("pivot_table", ddPivotTable),
		}},
		"pandas": {Name: "pandas", Members: starlark.StringDict{
			"read_csv":     builtin("read_csv", pdReadCSV),
			"concat":       builtin("concat", concat),
			"to_timedelta": builtin("to_timedelta", toTimedelta),
			"to_datetime":  builtin("to_datetime", toDatetime),
			"Timestamp":    builtin("Timestamp", pdTimestamp),
			"Timedelta":    builtin("Timedelta", pdTimedelta),
			"DataFrame":    builtin("DataFrame", pdDataFrame),
			"Series":       builtin("Series", pdSeries),
			"NaT":          starlark.None,
			"pivot_table":  builtin("pivot_table", pdPivotTable),
		}},
	}
}
