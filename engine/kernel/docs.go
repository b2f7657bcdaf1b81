package kernel

import (
	"fmt"
	"sort"
	"strings"

	"go.starlark.net/starlark"
)

// docs holds the docstrings help(x) and x? show, by qualified name: a
// module's function ("pandas.read_csv"), a builtin ("print") or a method
// of Burst's types ("DataFrame.groupby"). The first line is the
// signature.
var docs = map[string]string{
	// builtins
	"print":      "print(*values, sep=' ', end='\\n')\n\nPrints the values to the cell's output, separated by sep and followed by end.",
	"display":    "display(*objs)\n\nShows each object as the notebook shows a cell's value: tables for frames, graphs for task graphs.",
	"help":       "help(obj)\n\nShows the documentation of obj. `obj?` on a line of its own does the same.",
	"sum":        "sum(iterable, /, start=0)\n\nReturns start plus the sum of the iterable's values.",
	"abs":        "abs(x)\n\nReturns the absolute value of a number (or of each value of a Series).",
	"round":      "round(number, ndigits=None)\n\nRounds half to even, as Python does; an int without ndigits.",
	"str":        "str(object='')\n\nReturns the text Python's print shows for object.",
	"repr":       "repr(obj)\n\nReturns the text that shows obj, as the notebook displays it.",
	"pow":        "pow(base, exp, mod=None)\n\nReturns base ** exp, modulo mod if given (integers only).",
	"divmod":     "divmod(x, y)\n\nReturns the tuple (x // y, x % y).",
	"type":       "type(object)\n\nReturns the type of object.",
	"isinstance": "isinstance(obj, class_or_tuple)\n\nReturns whether obj is an instance of the class (int, float, str, list, dict, tuple, bool, pd.DataFrame, pd.Series, …) or of one of a tuple of them.",
	"iter":       "iter(iterable)\n\nReturns an iterator over the iterable's values; next() takes them one at a time.",
	"next":       "next(iterator[, default])\n\nReturns the iterator's next value; default (or StopIteration) when it is exhausted.",
	"input":      "input(prompt='')\n\nNot available in Burst cells: the page has no keyboard input for code. Set the value in the code.",
	"len":        "len(obj)\n\nReturns the number of items of a container, or of rows of a frame.",
	"range":      "range(stop) or range(start, stop[, step])\n\nReturns the integers from start (0) up to, but not including, stop.",
	// modules
	"dask.compute":                     "compute(*args, scheduler=None, optimize_graph=True, traverse=True)\n\nComputes several Dask collections and Delayed values at once, sharing their common tasks, and returns a tuple of results. Lists, tuples and dicts of them are computed inside.",
	"dask.persist":                     "persist(*args)\n\nComputes collections and keeps their partitions in memory (on the Client's workers when a Client exists); returns collections backed by them.",
	"dask.visualize":                   "visualize(*args, filename=None)\n\nShows the task graph of collections and Delayed values.",
	"dask.delayed":                     "delayed(obj, name=None, pure=False, nout=None)\n\nWraps a function so that calling it builds a task instead of running it, or a value so that operations on it build tasks. Use as `delayed(f)(x)` or as the decorator `@delayed`.",
	"dask.delayed.delayed":             "delayed(obj, name=None, pure=False, nout=None)\n\nWraps a function so that calling it builds a task instead of running it, or a value so that operations on it build tasks.",
	"dask.dataframe.read_csv":          "read_csv(urlpath, blocksize=None, usecols=None, dtype=None, parse_dates=None, sample=256000, ...)\n\nReads CSV files (a path, a glob or a list) into a Dask DataFrame with one or more partitions per file. dtypes are inferred from a sample of the first file; give dtype={...} when later files differ.",
	"dask.dataframe.from_pandas":       "from_pandas(data, npartitions=1, chunksize=None, sort=True)\n\nSplits a pandas DataFrame or Series into a Dask collection of npartitions partitions.",
	"dask.dataframe.concat":            "concat(dfs, axis=0, ignore_index=False)\n\nStacks Dask (or pandas) DataFrames one after the other.",
	"dask.dataframe.to_timedelta":      "to_timedelta(arg, unit='ns')\n\nConverts numbers (in unit) or strings to timedeltas.",
	"dask.dataframe.to_datetime":       "to_datetime(arg, format=None, unit=None)\n\nConverts strings or numbers to timestamps.",
	"pandas.read_csv":                  "read_csv(filepath_or_buffer, usecols=None, dtype=None, parse_dates=None, nrows=None, ...)\n\nReads one CSV file into a pandas DataFrame.",
	"pandas.concat":                    "concat(objs, axis=0, ignore_index=False)\n\nConcatenates pandas objects along the rows; columns whose dtypes differ take the common one.",
	"pandas.to_timedelta":              "to_timedelta(arg, unit='ns')\n\nConverts numbers (in unit) or strings to Timedelta values.",
	"pandas.to_datetime":               "to_datetime(arg, format=None, unit=None)\n\nConverts strings or numbers to Timestamps.",
	"pandas.Timestamp":                 "Timestamp(ts_input)\n\nA point in time (nanosecond resolution).",
	"pandas.Timedelta":                 "Timedelta(value, unit=None)\n\nA duration (nanosecond resolution).",
	"pandas.DataFrame":                 "DataFrame(data=None, index=None, columns=None)\n\nA table of columns: from a dict of lists or a list of dicts.",
	"pandas.Series":                    "Series(data=None, index=None, name=None)\n\nOne labelled column of values.",
	"dask.distributed.Client":          "Client(address=None, n_workers=None, threads_per_worker=1)\n\nStarts a local cluster (the page's worker web workers) or connects to a LocalCluster, and makes it where .compute() runs.",
	"dask.distributed.LocalCluster":    "LocalCluster(n_workers=None, threads_per_worker=1, memory_limit=None)\n\nStarts workers for a Client to connect to.",
	"dask.distributed.wait":            "wait(fs, timeout=None, return_when='ALL_COMPLETED')\n\nWaits until the futures are done; returns DoneAndNotDoneFutures(done, not_done).",
	"dask.distributed.as_completed":    "as_completed(futures=None, with_results=False)\n\nIterates over the futures in the order they finish.",
	"dask.distributed.progress":        "progress(*futures)\n\nWaits for the futures and shows how many of each kind finished.",
	"dask.distributed.fire_and_forget": "fire_and_forget(obj)\n\nAccepted for compatibility: futures run to completion anyway.",
	"time.sleep":                       "sleep(secs)\n\nWaits secs seconds (on whichever worker runs it). An interrupt ends the wait.",
	"time.time":                        "time()\n\nReturns the current time in seconds since the Unix epoch.",
	"time.perf_counter":                "perf_counter()\n\nReturns a monotonic clock in seconds, for measuring durations.",
	"time.monotonic":                   "monotonic()\n\nReturns a monotonic clock in seconds.",
	"glob.glob":                        "glob(pathname, recursive=False)\n\nReturns the files matching a pattern (such as data/nycflights/*.csv), sorted.",
	"posixpath.join":                   "join(a, *p)\n\nJoins path parts with '/'; an absolute part restarts the path.",
	"posixpath.basename":               "basename(p)\n\nReturns the last part of a path.",
	"posixpath.dirname":                "dirname(p)\n\nReturns a path without its last part.",
}

// docOf returns the docstring of a value and the name to show it under.
func (k *Kernel) docOf(v starlark.Value) (name, module, doc string) {
	switch x := v.(type) {
	case *starlark.Function:
		return x.Name(), "__main__", fmt.Sprintf("%s%s\n\n%s", x.Name(), signatureOf(x), x.Doc())
	case *starlark.Builtin:
		if r := x.Receiver(); r != nil {
			q := pyTypeName(r) + "." + x.Name()
			return q, "", docs[q]
		}
		if path, member := k.memberPath(x); path != "" {
			return member, path, docs[path+"."+member]
		}
		return x.Name(), "builtins", docs[x.Name()]
	case *Module:
		var names []string
		for n := range x.Members {
			names = append(names, n)
		}
		sort.Strings(names)
		return x.Name, "", fmt.Sprintf("Burst's module %s. Its names: %s.", x.Name, strings.Join(names, ", "))
	case *DelayedFunction:
		name, module, doc := k.docOf(x.fn)
		return name, module, doc + "\n\n(wrapped by dask.delayed: calling it builds a task)"
	}
	return pyType(v), "", docs[pyTypeName(v)]
}

func pyTypeName(v starlark.Value) string {
	switch v.(type) {
	case *DataFrame:
		return "DataFrame"
	case *Series:
		return "Series"
	}
	return pyType(v)
}

func signatureOf(f *starlark.Function) string {
	var params []string
	for i := 0; i < f.NumParams(); i++ {
		name, _ := f.Param(i)
		params = append(params, name)
	}
	return "(" + strings.Join(params, ", ") + ")"
}

// help implements help(obj) and obj?.
func (k *Kernel) help(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) > 0 {
		th.Print(th, "Welcome to Burst's help. Write help(obj) or obj? for the documentation of obj.")
		return starlark.None, nil
	}
	name, module, doc := k.docOf(args[0])
	if doc == "" {
		doc = fmt.Sprintf("No documentation for %s.", name)
	}
	head := fmt.Sprintf("Help on %s:", name)
	if module != "" {
		head = fmt.Sprintf("Help on function %s in module %s:", name, module)
	}
	var body []string
	for _, l := range strings.Split(doc, "\n") {
		if l == "" {
			body = append(body, "")
		} else {
			body = append(body, "    "+l)
		}
	}
	if _, ok := args[0].(*starlark.Function); ok || module != "" {
		// The signature heads the text, unindented, as Python prints it.
		if len(body) > 0 {
			body[0] = strings.TrimPrefix(body[0], "    ")
		}
	}
	th.Print(th, head+"\n\n"+strings.Join(body, "\n"))
	return starlark.None, nil
}
