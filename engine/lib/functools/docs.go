package functools

// docs are the functools module's docstrings help() shows.
var docs = map[string]string{
	"functools.reduce":               "reduce(function, iterable[, initial])\n\nApplies function of two arguments cumulatively to the items, from left to right: reduce(lambda x, y: x+y, [1, 2, 3, 4]) is ((1+2)+3)+4. initial, if given, comes first (and is the result for an empty iterable).",
	"functools.partial":              "partial(func, /, *args, **keywords)\n\nA callable that calls func with args before the call's own arguments and keywords under the call's own. Its func, args and keywords are attributes.",
	"functools.lru_cache":            "lru_cache(maxsize=128, typed=False)\n\nA decorator that memoizes a function by its arguments (which must be hashable), keeping the maxsize most recently used results (all with maxsize=None). Also @lru_cache without parentheses. The function gets cache_info() and cache_clear().",
	"functools.cache":                "cache(user_function)\n\nA decorator that memoizes a function without bound: lru_cache(maxsize=None).",
	"functools.cmp_to_key":           "cmp_to_key(mycmp)\n\nTurns an old-style comparison function (negative, zero or positive) into a key= function for sorted, min and max.",
	"functools.wraps":                "wraps(wrapped, assigned=..., updated=...)\n\nA decorator for a wrapper function. Cell functions have no attributes to copy, so it returns the wrapper unchanged.",
	"functools.update_wrapper":       "update_wrapper(wrapper, wrapped, assigned=..., updated=...)\n\nReturns wrapper (cell functions have no attributes to copy).",
	"functools.total_ordering":       "total_ordering(cls)\n\nA class decorator: not available in Burst, whose cells define no classes.",
	"functools.singledispatch":       "singledispatch(func)\n\nNot available in Burst: dispatch on the type inside the function instead.",
	"functools.cached_property":      "cached_property(func)\n\nA method decorator: not available in Burst, whose cells define no classes.",
	"functools.partialmethod":        "partialmethod(func, /, *args, **keywords)\n\nA method maker: not available in Burst, whose cells define no classes.",
	"functools.singledispatchmethod": "singledispatchmethod(func)\n\nA method decorator: not available in Burst, whose cells define no classes.",
}
