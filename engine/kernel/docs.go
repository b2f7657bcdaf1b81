package kernel

import (
	"burst/engine/lib/dask"
	"burst/engine/lib/pandas"
	"burst/engine/session"
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
	"dask.compute":                     "compute(*args, scheduler=None, optimize_graph=True, traverse=True)\n\nComputes several Dask collections (DataFrames, arrays) and Delayed values at once, sharing their common tasks, and returns a tuple of results. Lists, tuples and dicts of them are computed inside.",
	"dask.persist":                     "persist(*args)\n\nComputes collections (DataFrames, arrays) and keeps their partitions in memory (on the Client's workers when a Client exists); returns collections backed by them.",
	"dask.visualize":                   "visualize(*args, filename=None)\n\nShows the task graph of collections and Delayed values.",
	"dask.delayed":                     "delayed(obj, name=None, pure=False, nout=None)\n\nWraps a function so that calling it builds a task instead of running it, or a value so that operations on it build tasks. Use as `delayed(f)(x)` or as the decorator `@delayed`.",
	"dask.delayed.delayed":             "delayed(obj, name=None, pure=False, nout=None)\n\nWraps a function so that calling it builds a task instead of running it, or a value so that operations on it build tasks.",
	"dask.distributed.Client":          "Client(address=None, n_workers=None, threads_per_worker=1)\n\nStarts a local cluster (the page's worker web workers) or connects to a LocalCluster, and makes it where .compute() runs. Client(\"tcp://host:8786\") or Client(burst.remote()) connects to a real Dask cluster through the Burst server: dd.read_csv then reads on that cluster, and DataFrame operations run there as plans.",
	"dask.distributed.LocalCluster":    "LocalCluster(n_workers=None, threads_per_worker=1, memory_limit=None)\n\nStarts workers for a Client to connect to.",
	"dask.distributed.wait":            "wait(fs, timeout=None, return_when='ALL_COMPLETED')\n\nWaits until the futures are done; returns DoneAndNotDoneFutures(done, not_done).",
	"dask.distributed.as_completed":    "as_completed(futures=None, with_results=False)\n\nIterates over the futures in the order they finish.",
	"dask.distributed.progress":        "progress(*futures)\n\nWaits for the futures and shows how many of each kind finished.",
	"dask.distributed.fire_and_forget": "fire_and_forget(obj)\n\nAccepted for compatibility: futures run to completion anyway.",
}

func init() {
	more := map[string]string{
		"min":       "min(iterable, *, default=None, key=None) or min(a, b, ...)\n\nThe smallest item (of an iterable, or of the arguments).",
		"max":       "max(iterable, *, default=None, key=None) or max(a, b, ...)\n\nThe largest item (of an iterable, or of the arguments).",
		"enumerate": "enumerate(iterable, start=0)\n\nPairs (index, value) for every value.",
		"zip":       "zip(*iterables)\n\nTuples of the items at the same position of each iterable, as long as the shortest.",
		"list":      "list(iterable=())\n\nA new list of the iterable's items (a string's characters).",
		"tuple":     "tuple(iterable=())\n\nA tuple of the iterable's items.",
		"sorted":    "sorted(iterable, *, key=None, reverse=False)\n\nA new sorted list of the items.",
		"reversed":  "reversed(sequence)\n\nThe items in reverse order.",
		"any":       "any(iterable)\n\nWhether any item is true.",
		"all":       "all(iterable)\n\nWhether every item is true.",
		"map":       "map(function, *iterables)\n\nThe function of the items at the same position of the iterables, as an iterator.",
		"filter":    "filter(function, iterable)\n\nThe items for which the function is true (or, with None, which are true), as an iterator.",
		"hex":       "hex(x)\n\nThe integer x in base 16, after 0x.",
		"oct":       "oct(x)\n\nThe integer x in base 8, after 0o.",
		"bin":       "bin(x)\n\nThe integer x in base 2, after 0b.",
	}
	for k, v := range more {
		docs[k] = v
	}
	methodDocs["exception"] = "exception()\n\nWaits for the future's task and returns its error message, or None if it succeeded."
}

// docOf returns the docstring of a value and the name to show it under.
func (k *Kernel) docOf(v starlark.Value) (name, module, doc string) {
	switch x := v.(type) {
	case *starlark.Function:
		return x.Name(), "__main__", fmt.Sprintf("%s%s\n\n%s", x.Name(), signatureOf(x), x.Doc())
	case *starlark.Builtin:
		if r := x.Receiver(); r != nil {
			q := pyTypeName(r) + "." + x.Name()
			return q, "", k.docs[q]
		}
		if path, member := k.memberPath(x); path != "" {
			if path == "distributed" {
				path = "dask.distributed"
			}
			return member, path, k.docs[path+"."+member]
		}
		if typ, method, ok := strings.Cut(x.Name(), "."); ok {
			if d, ok := k.docs[x.Name()]; ok {
				return x.Name(), "", d
			}
			d := k.methodDocs[method]
			if d != "" {
				d = typ + "." + d
			}
			return x.Name(), "", d
		}
		if d, ok := k.methodDocs[x.Name()]; ok && k.docs[x.Name()] == "" {
			return x.Name(), "", d
		}
		return x.Name(), "builtins", k.docs[x.Name()]
	case *session.PyType:
		return x.Name(), "builtins", k.docs[x.Name()]
	case *Module:
		var names []string
		for n := range x.Members {
			names = append(names, n)
		}
		sort.Strings(names)
		return x.Name, "", fmt.Sprintf("Burst's module %s. Its names: %s.", x.Name, strings.Join(names, ", "))
	case interface{ QualifiedName() string }: // a library's class: datetime.date
		doc := k.docs[x.QualifiedName()]
		if d, ok := x.(interface{ PyDoc() string }); ok && doc == "" { // a class a cell made
			doc = d.PyDoc()
		}
		return x.QualifiedName(), "", doc
	case *dask.DelayedFunction:
		name, module, doc := k.docOf(x.Func())
		return name, module, doc + "\n\n(wrapped by dask.delayed: calling it builds a task)"
	}
	return session.TypeName(v), "", k.docs[pyTypeName(v)]
}

func pyTypeName(v starlark.Value) string {
	switch v.(type) {
	case *pandas.DataFrame:
		return "DataFrame"
	case *pandas.Series:
		return "Series"
	}
	return session.TypeName(v)
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
	// The signature heads the text, unindented, as Python prints it.
	if len(body) > 0 && strings.Contains(body[0], "(") {
		body[0] = strings.TrimPrefix(body[0], "    ")
	}
	th.Print(th, head+"\n\n"+strings.Join(body, "\n"))
	return starlark.None, nil
}

// methodDocs documents the methods of Burst's types by name: the
// collections' compute, persist and visualize, the Client's and futures';
// the libraries add theirs (DataFrame's in engine/lib/pandas).
var methodDocs = map[string]string{
	"compute":   "compute()\n\nRuns the task graph (on the Client's workers when a Client exists) and returns the pandas result.",
	"persist":   "persist()\n\nComputes the collection and keeps its partitions in memory (on the workers when a Client exists), so that later computations start from them.",
	"visualize": "visualize()\n\nShows the task graph that compute() would run.",
	// Client, futures and Delayed
	"submit":   "submit(func, *args, key=None, pure=True, **kwargs)\n\nRuns func(*args, **kwargs) on a worker and returns a Future for its result. Futures given as arguments are replaced by their results, on the worker.",
	"gather":   "gather(futures)\n\nWaits for futures (or lists, tuples and dicts of them) and returns their results.",
	"scatter":  "scatter(data)\n\nSends data (or each item of a list) to the workers and returns Futures for it.",
	"result":   "result(timeout=None)\n\nWaits for the future's task and returns its result, or raises its error.",
	"done":     "done()\n\nWhether the future's task has finished (or failed).",
	"cancel":   "cancel()\n\nReleases the future's task; its result is dropped once nothing needs it.",
	"release":  "release()\n\nReleases the future's task; its result is dropped once nothing needs it.",
	"restart":  "restart()\n\nRestarts the workers: every result they hold is dropped.",
	"close":    "close()\n\nStops the cluster's workers; .compute() runs locally again.",
	"shutdown": "shutdown()\n\nStops the cluster's workers; .compute() runs locally again.",
	"who_has":  "who_has(futures)\n\nThe workers holding each future's result.",
}

func init() {
	// Client.map and Client.compute clash with DataFrame methods' names.
	docs["Client.map"] = "map(func, *iterables, key=None, pure=True, **kwargs)\n\nSubmits func on every item (or tuple of items of several iterables) and returns a list of Futures."
	docs["Client.compute"] = "compute(collections)\n\nStarts computing a collection or Delayed (or a list of them) on the workers and returns Futures at once."
	docs["Client.persist"] = "persist(collections)\n\nStarts computing collections on the workers and returns them backed by the partitions the workers keep."
}
