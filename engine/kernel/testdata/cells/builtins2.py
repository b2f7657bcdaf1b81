# Python's built-in functions, one or more cases each, with CPython's
# results and errors; the ones Burst refuses are [burst] cases.

# %% abs
(abs(-7), abs(-2.5), abs(0), abs(False), abs(-10**20))
# > (7, 2.5, 0, 0, 100000000000000000000)

# %% abs of a string
abs("x")
# > TypeError: bad operand type for abs(): 'str'
# > @ line 1

# %% all and any
(all([]), all([1, 2]), all([1, 0]), any([]), any([0, "", None, 3]), all("abc"), any(x > 2 for x in [1, 3]))
# > (True, True, False, False, True, True, True)

# %% ascii
(ascii("é"), ascii("abc"), ascii(["ü", 1]), ascii("€"))
# > ("'\\xe9'", "'abc'", "['\\xfc', 1]", "'\\u20ac'")

# %% bin oct hex
(bin(10), bin(-5), oct(8), oct(-8), hex(255), hex(-1), hex(0), bin(True))
# > ('0b1010', '-0b101', '0o10', '-0o10', '0xff', '-0x1', '0x0', '0b1')

# %% hex of a float
hex(1.5)
# > TypeError: 'float' object cannot be interpreted as an integer
# > @ line 1

# %% bool
(bool(), bool(0), bool(1), bool(""), bool("a"), bool([]), bool([0]), bool(None), bool(0.0))
# > (False, False, True, False, True, False, True, False, False)

# %% bytes
(bytes(), bytes(3), bytes([104, 105]), bytes("hé", "utf-8"), b"ab" + b"c", len(b"abc"), b"x".decode(), bytes.fromhex("4142"))
# > (b'', b'\x00\x00\x00', b'hi', b'h\xc3\xa9', b'abc', 3, 'x', b'AB')

# %% bytes of a string without an encoding
bytes("abc")
# > TypeError: string argument without an encoding
# > @ line 1

# %% bytes out of range
bytes([300])
# > ValueError: bytes must be in range(0, 256)
# > @ line 1

# %% callable
(callable(len), callable(print), callable(str), callable(lambda: 1), callable(1), callable("x"))
# > (True, True, True, True, False, False)

# %% chr and ord
(chr(65), chr(0x20AC), ord("a"), ord("€"), ord(chr(1000)))
# > ('A', '€', 97, 8364, 1000)

# %% chr out of range
chr(-1)
# > ValueError: chr() arg not in range(0x110000)
# > @ line 1

# %% ord of a long string
ord("ab")
# > TypeError: ord() expected a character, but string of length 2 found
# > @ line 1

# %% dict
(dict(), dict(a=1), dict([("x", 1), ("y", 2)]), dict({"k": 1}, z=0))
# > ({}, {'a': 1}, {'x': 1, 'y': 2}, {'k': 1, 'z': 0})

# %% dir of a str has its methods
d = dir("")
("upper" in d, "center" in d, "format_map" in d, "elems" in d, "sort" in dir([]), "fromkeys" in dir(dict))
# > (True, True, True, False, True, True)

# %% divmod
(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(True, 2))
# > ((3, 2), (-4, 3), (3.0, 2.5), (0, 1))

# %% enumerate
(list(enumerate(["a", "b"])), list(enumerate("xy", 1)), list(enumerate([5], start=10)))
# > ([(0, 'a'), (1, 'b')], [(1, 'x'), (2, 'y')], [(10, 5)])

# %% filter
(list(filter(None, [0, 1, "", "a", None])), list(filter(lambda x: x % 2, range(6))), list(filter(str.isdigit, "a1b2")))
# > ([1, 'a'], [1, 3, 5], ['1', '2'])

# %% float
(float(), float(3), float("1.5"), float("  2e3 "), float("-inf"), float("nan") != float("nan"), float("Infinity"), float(True))
# > (0.0, 3.0, 1.5, 2000.0, -inf, True, inf, 1.0)

# %% float of a bad string
float("abc")
# > ValueError: could not convert string to float: 'abc'
# > @ line 1

# %% float of None
float(None)
# > TypeError: float() argument must be a string or a real number, not 'NoneType'
# > @ line 1

# %% format
(format(3.14159, ".2f"), format(42), format("x", "^5"), format(1234567, ",d"))
# > ('3.14', '42', '  x  ', '1,234,567')

# %% getattr hasattr setattr
(getattr("abc", "upper")(), getattr(5, "nope", "default"), hasattr("", "center"), hasattr([], "sort"), hasattr(1, "nope"), hasattr(1.5, "is_integer"))
# > ('ABC', 'default', True, True, False, True)

# %% getattr missing without default
getattr([], "nope")
# > AttributeError: 'list' object has no attribute 'nope'
# > @ line 1

# %% setattr on an int
setattr(1, "x", 2)
# > AttributeError: 'int' object has no attribute 'x'
# > @ line 1

# %% hash
(hash(1), hash(-1), hash(2**61), hash(1.5), hash(-2.5), hash(1.0) == hash(1), hash(True), hash((1, 2)), hash(()), hash(float("inf")))
# > (1,
# >  -2,
# >  1,
# >  1152921504606846977,
# >  -1152921504606846978,
# >  True,
# >  1,
# >  -3550055125485641917,
# >  5740354900026072187,
# >  314159)

# %% hash of a list
hash([1])
# > TypeError: unhashable type: 'list'
# > @ line 1

# %% id
a = [1]
b = a
c = [1]
(id(a) == id(b), id(a) == id(c), isinstance(id(a), int))
# > (True, False, True)

# %% input [burst]
input("name? ")
# > StdinNotImplementedError: input() is not available in Burst cells: set the value in the code instead
# > @ line 1

# %% int
(int(), int(3.9), int(-3.9), int("42"), int(" 7 "), int("ff", 16), int("0x1f", 16), int("0b101", 0), int("1_000"), int(True))
# > (0, 3, -3, 42, 7, 255, 31, 5, 1000, 1)

# %% int of a bad literal
int("4.5")
# > ValueError: invalid literal for int() with base 10: '4.5'
# > @ line 1

# %% int with a bad base
int("12", 99)
# > ValueError: int() base must be >= 2 and <= 36, or 0
# > @ line 1

# %% int of infinity
int(float("inf"))
# > OverflowError: cannot convert float infinity to integer
# > @ line 1

# %% int of None
int(None)
# > TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'
# > @ line 1

# %% int of a float with a base
int(1.5, 10)
# > TypeError: int() can't convert non-string with explicit base
# > @ line 1

# %% isinstance
(isinstance(1, int), isinstance(True, bool), isinstance(1.0, int), isinstance("s", (int, str)), isinstance([], list), isinstance({}, dict), isinstance((), tuple), isinstance(None, int))
# > (True, True, False, True, True, True, True, False)

# %% issubclass
(issubclass(bool, int), issubclass(int, bool), issubclass(float, (int, float)), issubclass(list, list))
# > (True, False, True, True)

# %% iter and next
it = iter([1, 2])
(next(it), next(it), next(it, "done"))
# > (1, 2, 'done')

# %% next past the end
it = iter([])
next(it)
# > StopIteration
# > @ line 2

# %% len
(len(""), len("héllo"), len([1, 2]), len((1,)), len({"a": 1}), len(set([1, 1, 2])), len(range(2, 10, 3)), len(b"ab"))
# > (0, 5, 2, 1, 1, 2, 3, 2)

# %% len of an int
len(5)
# > TypeError: object of type 'int' has no len()
# > @ line 1

# %% list
(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}))
# > ([], ['a', 'b', 'c'], [1, 2], [0, 1, 2], ['a', 'b'])

# %% map
(list(map(abs, [-1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str, [1, 2])), list(map(int, "123")))
# > ([1, 2], [4, 10], ['1', '2'], [1, 2, 3])

# %% max and min
(max(1, 5, 3), max([2, 8]), max("abc"), max([], default=None), max(["aa", "b"], key=len), min(3, 1, 2), min([4, 2]), min(["aa", "b"], key=len), min([], default=0))
# > (5, 8, 'c', None, 'aa', 1, 2, 'b', 0)

# %% max of an empty list
max([])
# > ValueError: max() arg is an empty sequence
# > @ line 1

# %% oct
(oct(0), oct(64), oct(-1))
# > ('0o0', '0o100', '-0o1')

# %% pow
(pow(2, 10), pow(2, -1), pow(2, 0.5), pow(3, 2, 5), pow(-2, 3), pow(2, 100))
# > (1024, 0.5, 1.4142135623730951, 4, -8, 1267650600228229401496703205376)

# %% pow with a zero modulus
pow(2, 3, 0)
# > ValueError: pow() 3rd argument cannot be 0
# > @ line 1

# %% print with sep and end
print(1, "a", [2], sep="|", end="!\n")
print("x", sep=None, end=None)
print()
print("no", "sep", sep="")
# > 1|a|[2]!
# > x
# >
# > nosep

# %% range
(list(range(5)), list(range(2, 8, 2)), list(range(10, 0, -3)), list(range(0)), range(3), range(1, 5, 2), len(range(0, 100, 7)))
# > ([0, 1, 2, 3, 4], [2, 4, 6], [10, 7, 4, 1], [], range(0, 3), range(1, 5, 2), 15)

# %% range with a zero step
range(1, 5, 0)
# > ValueError: range() arg 3 must not be zero
# > @ line 1

# %% range of a float
range(1.5)
# > TypeError: 'float' object cannot be interpreted as an integer
# > @ line 1

# %% repr
(repr("a'b"), repr([1, "x"]), repr(None), repr(1.0), repr({"k": (1,)}), repr(b"\x00a"))
# > ('"a\'b"', "[1, 'x']", 'None', '1.0', "{'k': (1,)}", "b'\\x00a'")

# %% reversed
(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
# > ([3, 2, 1], ['c', 'b', 'a'], [2, 1, 0], [2, 1])

# %% round
(round(2.5), round(3.5), round(-1.5), round(3.14159, 2), round(1234, -2), round(2.675, 2), round(0.5), round(7))
# > (2, 4, -2, 3.14, 1200, 2.67, 0, 7)

# %% set
(set(), set([1, 2, 2]), sorted(set("hello")), len(set(range(3))))
# > (set(), {1, 2}, ['e', 'h', 'l', 'o'], 3)

# %% sorted
(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower), sorted({"b": 1, "a": 2}))
# > ([1, 2, 3], ['a', 'b', 'c'], [3, 2, 1], ['A', 'b', 'c'], ['a', 'b'])

# %% sorted of mixed types
sorted([1, "a"])
# > TypeError: '<' not supported between instances of 'str' and 'int'
# > @ line 1

# %% str
(str(), str(1), str(1.5), str([1, "a"]), str(None), str(b"ab", "utf-8"), str(True))
# > ('', '1', '1.5', "[1, 'a']", 'None', 'ab', 'True')

# %% sum
(sum([1, 2, 3]), sum([1.5, 2]), sum([[1], [2]], []), sum(range(101)), sum([1, 2], start=10), sum([True, True]))
# > (6, 3.5, [1, 2], 5050, 13, 2)

# %% tuple
(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(2)))
# > ((), (1, 2), ('a', 'b'), (0, 1))

# %% type
(type(1), type("a"), type(1.5), type([]), type({}), type(()), type(True), type(None), type(len))
# > (<class 'int'>, <class 'str'>, <class 'float'>, <class 'list'>, <class 'dict'>, <class 'tuple'>, <class 'bool'>, <class 'NoneType'>, <class 'builtin_function_or_method'>)

# %% zip
(list(zip([1, 2], "ab")), list(zip([1, 2, 3], [4, 5])), list(zip()), list(zip([1, 2], [3, 4], strict=True)))
# > ([(1, 'a'), (2, 'b')], [(1, 4), (2, 5)], [], [(1, 3), (2, 4)])

# %% zip strict with different lengths
list(zip([1, 2], [3], strict=True))
# > ValueError: zip() argument 2 is shorter than argument 1
# > @ line 1

# %% open is refused [burst]
open("data.csv")
# > NotImplementedError: open() is not available in Burst cells: there are no files to open; read data with pd.read_csv or dd.read_csv
# > @ line 1

# %% eval is refused [burst]
eval("1 + 2")
# > NotImplementedError: eval() is not available in Burst cells: write the expression in the cell (or use int()/float() to read a number)
# > @ line 1

# %% exec is refused [burst]
exec("x = 1")
# > NotImplementedError: exec() is not available in Burst cells: write the code in the cell
# > @ line 1

# %% compile is refused [burst]
compile("1", "<s>", "eval")
# > NotImplementedError: compile() is not available in Burst cells: write the code in the cell
# > @ line 1

# %% globals locals vars are refused [burst]
globals()
# > NotImplementedError: globals() is not available in Burst cells: use the variables by name
# > @ line 1

# %% locals is refused [burst]
locals()
# > NotImplementedError: locals() is not available in Burst cells: use the variables by name
# > @ line 1

# %% vars is refused [burst]
vars()
# > NotImplementedError: vars() is not available in Burst cells: use the variables by name, or dir(obj) for an object's attributes
# > @ line 1

# %% breakpoint is refused [burst]
breakpoint()
# > NotImplementedError: breakpoint() is not available in Burst cells: there is no debugger; print the values instead
# > @ line 1

# %% aiter is refused [burst]
aiter([])
# > NotImplementedError: aiter() is not available in Burst cells: cells have no async code; use iter()
# > @ line 1

# %% anext is refused [burst]
anext([])
# > NotImplementedError: anext() is not available in Burst cells: cells have no async code; use next()
# > @ line 1

# %% classmethod is refused [burst]
classmethod(len)
# > NotImplementedError: classmethod is not available in Burst cells: cells cannot define classes; write a function
# > @ line 1

# %% staticmethod is refused [burst]
staticmethod(len)
# > NotImplementedError: staticmethod is not available in Burst cells: cells cannot define classes; write a function
# > @ line 1

# %% property is refused [burst]
property(len)
# > NotImplementedError: property is not available in Burst cells: cells cannot define classes; write a function
# > @ line 1

# %% super is refused [burst]
super()
# > NotImplementedError: super() is not available in Burst cells: cells cannot define classes
# > @ line 1

# %% object as a sentinel
missing = object()
other = object()
d = {missing: 1}
(missing is missing, missing is other, missing == other, d[missing], isinstance(1, object), isinstance(missing, object), type(missing) == object, bool(missing))
# > (True, False, False, 1, True, True, True, True)

# %% object takes no arguments
object(1)
# > TypeError: object() takes no arguments
# > @ line 1

# %% memoryview is refused [burst]
memoryview(b"ab")
# > NotImplementedError: memoryview is not available in Burst cells: use bytes
# > @ line 1

# %% bytearray is refused [burst]
bytearray(b"ab")
# > NotImplementedError: bytearray is not available in Burst cells: use bytes, or a list of ints
# > @ line 1

# %% complex is refused [burst]
complex(1, 2)
# > NotImplementedError: complex numbers are not available in Burst cells: keep the real and imaginary parts as two floats
# > @ line 1

# %% frozenset
f = frozenset([1, 2, 2])
g = frozenset([2, 3])
d = {f: "key"}
(f, frozenset(), len(f), 2 in f, d[frozenset([2, 1])], f | g, f & g, f - g, f ^ g, f == frozenset([2, 1]), f <= frozenset([1, 2, 3]), f.union([9]), f.issubset([1, 2]), isinstance(f, frozenset), hash(frozenset()), hash(f), hash(frozenset([1, 2])) == hash(f))
# > (frozenset({1, 2}), frozenset(), 2, True, 'key', frozenset({1, 2, 3}), frozenset({2}), frozenset({1}), frozenset({1, 3}), True, True, frozenset({1, 2, 9}), True, True, 133146708735736, -1826646154956904602, True)

# %% frozenset of unhashable items
frozenset([[1]])
# > TypeError: unhashable type: 'list'
# > @ line 1

# %% frozenset has no add
frozenset().add(1)
# > AttributeError: 'frozenset' object has no attribute 'add'
# > @ line 1

# %% slice is refused [burst]
slice(1, 3)
# > NotImplementedError: slice objects are not available in Burst cells: write the slice in brackets, xs[1:3]
# > @ line 1

# %% delattr is refused [burst]
delattr(1, "x")
# > NotImplementedError: delattr() is not available in Burst cells: the objects cells make have no attributes to delete
# > @ line 1

# %% __import__ is refused [burst]
__import__("math")
# > NotImplementedError: __import__() is not available in Burst cells: use the import statement
# > @ line 1

# %% type with three arguments is refused [burst]
type("C", (), {})
# > NotImplementedError: type(name, bases, dict) is not available in Burst cells: cells cannot define classes
# > @ line 1

# %% iter with a sentinel is refused [burst]
iter(int, 0)
# > NotImplementedError: iter(callable, sentinel) is not available in Burst cells: call the function in a while loop until it returns the sentinel
# > @ line 1

# %% type names
(type(1).__name__, type("").__name__, type(None).__name__, type([]).__name__, str.__name__, type(True).__name__, type(1.5).__qualname__, int.__module__)
# > ('int', 'str', 'NoneType', 'list', 'str', 'bool', 'float', 'builtins')

# %% min and max: first of equals, bools, keys
(max([1, 3, 3.0]), min([2, 1.0, 1]), max(True, 0), max([], key=len, default="d"), max("b", "a", key=str.upper), min({"x": 3, "y": 1}, key={"x": 3, "y": 1}.get), max(range(5), key=lambda i: -i))
# > (3, 1.0, True, 'd', 'b', 'y', 0)

# %% max of mixed types
max([1, "a"])
# > TypeError: '>' not supported between instances of 'str' and 'int'
# > @ line 1

# %% min with a default and several arguments
min(1, 2, default=0)
# > TypeError: Cannot specify a default for min() with multiple positional arguments
# > @ line 1

# %% max with no argument
max()
# > TypeError: max expected at least 1 argument, got 0
# > @ line 1

# %% numbers of bools
(round(True), pow(True, 2), pow(2, True), divmod(True, True), abs(True), int(True), float(False), round(True, 1))
# > (1, 1, 2, (1, 0), 1, 1, 0.0, 1)

# %% pow with a modulus
(pow(2, -1, 3), pow(3, 2, -5), pow(-3, 3, 5), pow(2, -1, -3), pow(5, -2, 7))
# > (2, -1, 3, -1, 2)

# %% pow without an inverse
pow(0, -1, 3)
# > ValueError: base is not invertible for the given modulus
# > @ line 1

# %% print with an unknown keyword
print(1, color="red")
# > TypeError: 'color' is an invalid keyword argument for print()
# > @ line 1

# %% max with an unknown keyword
max([1], reverse=True)
# > TypeError: 'reverse' is an invalid keyword argument for max()
# > @ line 1
