package session

// BuiltinDocs are the docstrings help() shows for the builtins this
// package adds (the first line is the signature), by name; the refused
// ones say what to do instead.
func BuiltinDocs() map[string]string {
	d := map[string]string{
		"ascii":      "ascii(obj)\n\nReturns repr(obj) with non-ASCII characters escaped (\\xe9, \\u20ac).",
		"callable":   "callable(obj)\n\nReturns whether obj can be called (functions, builtins, types).",
		"chr":        "chr(i)\n\nReturns the one-character string of Unicode code point i (0 <= i <= 0x10ffff).",
		"ord":        "ord(c)\n\nReturns the Unicode code point of a one-character string.",
		"dir":        "dir(obj)\n\nReturns the sorted names of obj's attributes and methods.",
		"format":     "format(value, format_spec='')\n\nFormats value with the format mini-language ([[fill]align][sign][#][0][width][,|_][.precision][type]), as f-strings and str.format do.",
		"getattr":    "getattr(obj, name[, default])\n\nReturns obj's attribute name; default (or AttributeError) when it has none.",
		"hasattr":    "hasattr(obj, name)\n\nReturns whether obj has an attribute name.",
		"setattr":    "setattr(obj, name, value)\n\nSets obj's attribute name to value, for objects whose attributes can be set.",
		"hash":       "hash(obj)\n\nReturns obj's hash: CPython's for numbers and tuples of them; a string's differs from CPython's (which changes with every run).",
		"id":         "id(obj)\n\nReturns a number that identifies obj while it lives: two names for one list have the same id.",
		"issubclass": "issubclass(cls, class_or_tuple)\n\nReturns whether cls is class_or_tuple (or one of the tuple) or a subclass of it (bool of int).",
		"type":       "type(object)\n\nReturns the type of object: type(1) == int, type('a') is str.",
		"isinstance": "isinstance(obj, class_or_tuple)\n\nReturns whether obj is an instance of the class (int, float, str, list, dict, tuple, bool, set, pd.DataFrame, pd.Series, …) or of one of a tuple of them.",
		"zip":        "zip(*iterables, strict=False)\n\nTuples of the items at the same position of each iterable, as long as the shortest (with strict=True, ValueError unless all have the same length).",
		"range":      "range(stop) or range(start, stop[, step])\n\nThe integers from start (0) up to, but not including, stop, by step (which may be negative).",
		"reversed":   "reversed(sequence)\n\nAn iterator over the items in reverse order.",
		"str":        "str(object='') or str(bytes, encoding='utf-8', errors='strict')\n\nThe text print shows for object; the type of strings, whose methods are str.upper, str.join, … (unbound: map(str.upper, xs)).",
		"int":        "int(x=0) or int(x, base=10)\n\nThe integer of a number (truncated) or of a string of digits in base; the type of integers (int.from_bytes).",
		"float":      "float(x=0.0)\n\nThe float of a number or of a string ('1.5', ' 2e3 ', 'inf', 'nan'); the type of floats.",
		"bool":       "bool(x=False)\n\nTrue or False, as x's truth; the type of booleans (a subclass of int).",
		"list":       "list(iterable=())\n\nA new list of the iterable's items (a string's characters); the type of lists.",
		"tuple":      "tuple(iterable=())\n\nA tuple of the iterable's items; the type of tuples.",
		"dict":       "dict(mapping_or_iterable=(), **kwargs)\n\nA new dict; the type of dicts (dict.fromkeys(keys, value)).",
		"set":        "set(iterable=())\n\nA new set of the iterable's items; the type of sets.",
		"frozenset":  "frozenset(iterable=())\n\nAn immutable, hashable set of the iterable's items: a dict key or a set's item. Its methods are the set methods that make new sets.",
		"object":     "object()\n\nA new object with nothing but its identity, as a sentinel: missing = object(); x is missing. (Cells cannot define classes, so nothing derives from it.)",
		"bytes":      "bytes(source=b'') or bytes(str, encoding)\n\nAn immutable sequence of bytes: bytes(3), bytes([65, 66]), bytes('é', 'utf-8'); 'é'.encode() is the same. b.decode() gives a str back.",
	}
	for name, msg := range refused {
		d[name] = name + "\n\n" + msg[len("NotImplementedError: "):] + "."
	}
	return d
}
