package python

// Methods are the attribute names the front end routes through the
// _attr builtin: x.name becomes _attr(x, "name"). They are the methods of
// Python's str, list, dict, set, tuple, int and float that Starlark's own
// values lack (str.center, list.sort, dict.copy, …) or have with a
// narrower signature (str.format without format specs, str.split without
// keywords). _attr gives Python's method when x is one of Starlark's
// values, and x's own attribute otherwise (a DataFrame's copy, a
// Series' count), so routing a name costs one call and changes nothing
// for other values.
var Methods = map[string]bool{
	// str
	"casefold": true, "center": true, "encode": true, "expandtabs": true,
	"format": true, "format_map": true, "isascii": true, "isdecimal": true,
	"isidentifier": true, "isnumeric": true, "isprintable": true,
	"ljust": true, "maketrans": true, "rjust": true, "swapcase": true,
	"translate": true, "zfill": true, "split": true, "rsplit": true,
	"splitlines": true, "startswith": true, "endswith": true,
	"find": true, "rfind": true, "index": true, "rindex": true, "count": true,
	"capitalize": true, "title": true, "istitle": true,
	"join": true, "upper": true, "lower": true, "isdigit": true,
	"isalpha": true, "isalnum": true, "isspace": true, "strip": true,
	"lstrip": true, "rstrip": true, "partition": true, "rpartition": true,
	// list, tuple
	"copy": true, "sort": true, "reverse": true, "remove": true, "pop": true,
	"extend": true,
	// dict
	"fromkeys": true, "popitem": true, "keys": true, "values": true,
	"items": true,
	// set
	"difference_update": true, "intersection_update": true,
	"symmetric_difference_update": true, "isdisjoint": true, "union": true,
	"intersection": true, "difference": true, "symmetric_difference": true,
	"issubset": true, "issuperset": true,
	"update": true,
	// int, float
	"bit_length": true, "is_integer": true, "as_integer_ratio": true,
	"bit_count": true, "conjugate": true, "hex": true, "real": true,
	"imag": true, "numerator": true, "denominator": true,
	// bytes
	"decode": true,
}
