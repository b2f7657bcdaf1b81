package itertools

// docs are the itertools module's docstrings help() shows.
var docs = map[string]string{
	"itertools.count":                         "count(start=0, step=1)\n\nAn infinite iterator of start, start+step, start+2*step, …",
	"itertools.cycle":                         "cycle(iterable)\n\nThe items of iterable, then the same items again, forever.",
	"itertools.repeat":                        "repeat(object[, times])\n\nobject, times times, or forever without times.",
	"itertools.accumulate":                    "accumulate(iterable, func=None, *, initial=None)\n\nRunning totals (or running results of func of two arguments) of the items; initial, if given, comes first.",
	"itertools.chain":                         "chain(*iterables)\n\nThe items of the first iterable, then of the second, and so on. chain.from_iterable(iterables) takes the iterables from one iterable.",
	"itertools.chain.from_iterable":           "chain.from_iterable(iterable)\n\nThe items of each iterable that iterable gives, in turn.",
	"itertools.compress":                      "compress(data, selectors)\n\nThe items of data whose selector is true.",
	"itertools.dropwhile":                     "dropwhile(predicate, iterable)\n\nThe items of iterable from the first one for which predicate is false.",
	"itertools.takewhile":                     "takewhile(predicate, iterable)\n\nThe items of iterable as long as predicate is true of them.",
	"itertools.filterfalse":                   "filterfalse(function or None, iterable)\n\nThe items for which function is false (which are false, for None).",
	"itertools.groupby":                       "groupby(iterable, key=None)\n\n(key, group) pairs for the runs of consecutive items with the same key (the item itself without key). Sort by the same key first to group all equal items. A group is valid until groupby advances.",
	"itertools.islice":                        "islice(iterable, stop) or islice(iterable, start, stop[, step])\n\nThe items at the indices of range(start, stop, step), read lazily (stop=None: to the end).",
	"itertools.pairwise":                      "pairwise(iterable)\n\nThe overlapping pairs of consecutive items: pairwise('ABC') gives ('A', 'B'), ('B', 'C').",
	"itertools.starmap":                       "starmap(function, iterable)\n\nfunction(*item) for each item of iterable.",
	"itertools.tee":                           "tee(iterable, n=2)\n\nA tuple of n independent iterators over the items of iterable.",
	"itertools.zip_longest":                   "zip_longest(*iterables, fillvalue=None)\n\nTuples of the items at the same position, as long as the longest iterable, the missing ones fillvalue.",
	"itertools.product":                       "product(*iterables, repeat=1)\n\nThe Cartesian product of the iterables, as tuples, the last one turning fastest; repeat=n repeats the iterables n times.",
	"itertools.permutations":                  "permutations(iterable, r=None)\n\nThe r-length orderings of the items, as tuples (all of them without r).",
	"itertools.combinations":                  "combinations(iterable, r)\n\nThe r-length subsequences of the items, in order, without repeated items.",
	"itertools.combinations_with_replacement": "combinations_with_replacement(iterable, r)\n\nThe r-length subsequences of the items, in order, an item possibly repeated.",
}
