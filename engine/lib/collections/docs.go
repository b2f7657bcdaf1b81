package collections

// docs are the module's docstrings help() shows.
var docs = map[string]string{
	"collections.Counter":     "Counter(iterable_or_mapping=None, /, **kwds)\n\nA dict of counts: Counter('abca') counts each letter; a missing key counts 0. most_common(n), elements(), update, subtract, total, and + - & | between Counters.",
	"collections.defaultdict": "defaultdict(default_factory=None, /, [...])\n\nA dict whose missing keys get default_factory() on first lookup: defaultdict(list), defaultdict(int).",
	"collections.OrderedDict": "OrderedDict(mapping_or_iterable=(), /, **kwds)\n\nA dict that remembers insertion order and can move keys: move_to_end(key, last=True), popitem(last=True).",
	"collections.namedtuple":  "namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)\n\nA tuple class whose items are also attributes: Point = namedtuple('Point', 'x y'); Point(1, 2).x.",
	"collections.deque":       "deque(iterable=(), maxlen=None)\n\nA sequence with fast appends and pops at both ends; with maxlen, adding to a full deque drops from the other end.",
}

// methodDocs document the methods of the module's types.
var methodDocs = map[string]string{
	"most_common": "most_common(n=None)\n\nThe n most common items and their counts, most common first (all when n is None).",
	"elements":    "elements()\n\nEach key repeated as many times as its count.",
	"subtract":    "subtract(iterable_or_mapping=None, /, **kwds)\n\nSubtracts counts; counts may go to zero or below.",
	"total":       "total()\n\nThe sum of the counts.",
	"move_to_end": "move_to_end(key, last=True)\n\nMoves an existing key to the end (or the start, with last=False).",
	"appendleft":  "appendleft(x)\n\nAdds x at the left end.",
	"popleft":     "popleft()\n\nRemoves and returns the leftmost item.",
	"extendleft":  "extendleft(iterable)\n\nAdds the items at the left end, one by one (so in reverse order).",
	"rotate":      "rotate(n=1)\n\nRotates n steps to the right (to the left when n is negative).",
	"_asdict":     "_asdict()\n\nA dict from the field names to the values.",
	"_replace":    "_replace(**kwargs)\n\nA new named tuple with the given fields replaced.",
	"_make":       "_make(iterable)\n\nA named tuple from an iterable of values.",
}
