# Python builtins and reprs.

# %% round half to even
(round(0.5), round(1.5), round(2.5), round(-0.5))
# > (0, 2, 2, 0)

# %% round to digits
(round(3.14159, 2), round(2.675, 2), round(1234, -2), round(5, 1))
# > (3.14, 2.67, 1200, 5)

# %% abs
(abs(-3), abs(2.5), abs(-0.0), abs(True))
# > (3, 2.5, 0.0, 1)

# %% pow
(pow(2, 8), pow(2, -2), pow(3, 4, 5), pow(2.0, 3))
# > (256, 0.25, 1, 8.0)

# %% divmod
(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2))
# > ((3, 1), (-4, 1), (3.0, 1.5))

# %% divmod by zero
divmod(1, 0)
# > ZeroDivisionError: integer division or modulo by zero
# > @ line 1

# %% sum
(sum([1, 2, 3]), sum([0.5, 0.25]), sum([], 10), sum([[1], [2]], []))
# > (6, 0.75, 10, [1, 2])

# %% sum of strings is refused
sum(["a", "b"], "")
# > TypeError: sum() can't sum strings [use ''.join(seq) instead]
# > @ line 1

# %% min and max
(min(3, 1, 2), max([4, 9, 2]), max("abc"), min([], default=0))
# > (1, 9, 'c', 0)

# %% len
(len("abc"), len([1, 2]), len({"a": 1}), len(range(10)))
# > (3, 2, 1, 10)

# %% sorted with key and reverse
sorted(["bb", "a", "ccc"], key=len, reverse=True)
# > ['ccc', 'bb', 'a']

# %% enumerate and zip
(list(enumerate("ab")), list(zip([1, 2], "xy")))
# > ([(0, 'a'), (1, 'b')], [(1, 'x'), (2, 'y')])

# %% range
(list(range(3)), list(range(1, 10, 3)), list(range(5, 0, -2)))
# > ([0, 1, 2], [1, 4, 7], [5, 3, 1])

# %% isinstance of builtins
(isinstance(1, int), isinstance(1.0, float), isinstance("a", str), isinstance(True, int), isinstance([], (list, tuple)))
# > (True, True, True, True, True)

# %% isinstance false
(isinstance(1, str), isinstance(1.0, int), isinstance(None, int))
# > (False, False, False)

# %% type names
(type(1), type("a"), type([]), type({}), type(None))
# > (<class 'int'>, <class 'str'>, <class 'list'>, <class 'dict'>, <class 'NoneType'>)

# %% iter and next
it = iter([10, 20])
(next(it), next(it), next(it, "done"))
# > (10, 20, 'done')

# %% next past the end
it = iter([])
next(it)
# > StopIteration
# > @ line 2

# %% str of containers uses Python quotes
str(["a", 1, None, True])
# > "['a', 1, None, True]"

# %% repr of strings
(repr("it's"), repr('say "hi"'), repr("a\nb"))
# > ('"it\'s"', '\'say "hi"\'', "'a\\nb'")

# %% float reprs
(0.1 + 0.2, 1e16, 1e-5, 123456789.0, 1.0, -0.0, 2.5e-10)
# > (0.30000000000000004, 1e+16, 1e-05, 123456789.0, 1.0, -0.0, 2.5e-10)

# %% large ints
(2 ** 64, -(10 ** 20))
# > (18446744073709551616, -100000000000000000000)

# %% float inf and nan
(float("inf"), -float("inf"), float("nan"))
# > (inf, -inf, nan)

# %% int and float conversion
(int(3.9), int(-3.9), int("42"), float("1.5"), float(2))
# > (3, -3, 42, 1.5, 2.0)

# %% bool of values
(bool(0), bool(""), bool([]), bool([0]), bool(None), bool(0.0))
# > (False, False, False, True, False, False)

# %% dict repr and methods
d = {"b": 2, "a": 1}
(d, list(d.keys()), d.get("c", 0), sorted(d.items()))
# > ({'b': 2, 'a': 1}, ['b', 'a'], 0, [('a', 1), ('b', 2)])

# %% nested containers repr
{"list": [1, (2, 3)], "tuple": (1,), "empty": ()}
# > {'list': [1, (2, 3)], 'tuple': (1,), 'empty': ()}

# %% one-element tuple repr
(1,)
# > (1,)

# %% print with sep and end
print("a", "b", sep="-", end="!\n")
print(1, 2.5, None, [1, "x"])
# > a-b!
# > 1 2.5 None [1, 'x']

# %% print nothing
print()
# >

# %% str join and format
", ".join(["a", "b"])
# > 'a, b'

# %% string multiplication and strip
("ab" * 3, "  x ".strip(), "a,b".split(","))
# > ('ababab', 'x', ['a', 'b'])

# %% chr and ord
(chr(65), ord("a"))
# > ('A', 97)

# %% hasattr and getattr
(hasattr("abc", "upper"), getattr("abc", "upper")())
# > (True, 'ABC')

# %% any and all
(any([0, 1]), all([1, 0]), any([]), all([]))
# > (True, False, False, True)

# %% reversed and list
list(reversed([1, 2, 3]))
# > [3, 2, 1]

# %% dir of a module is a list [burst]
import time
"sleep" in dir(time)
# > True

# %% string formatting with percent
"%d items at %.2f" % (3, 1.5)
# > '3 items at 1.50'

# %% str.format
"{} and {}".format("a", 1)
# > 'a and 1'

# %% help of a builtin [burst]
help(round)
# > Help on function round in module builtins:
# >
# > round(number, ndigits=None)
# >
# >     Rounds half to even, as Python does; an int without ndigits.

# %% help of a cell function [burst]
def area(w, h):
    """The area of a w by h rectangle."""
    return w * h
help(area)
# > Help on function area in module __main__:
# >
# > area(w, h)
# >
# >     The area of a w by h rectangle.

# %% question mark help [burst]
import glob
glob.glob?
# > Help on function glob in module glob:
# >
# > glob(pathname, recursive=False)
# >
# >     Returns the files matching a pattern (such as data/nycflights/*.csv), sorted.

# %% underscore is the last result [burst]
1 + 1
# > 2

# %% map over one and two iterables
(list(map(lambda x: x * 2, [1, 2, 3])), list(map(lambda a, b: a + b, [1, 2, 3], (10, 20))), list(map(lambda c: c.upper(), "ab")))
# > ([2, 4, 6], [11, 22], ['A', 'B'])

# %% filter with a function and with None
(list(filter(lambda x: x % 2, range(7))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
# > ([1, 3, 5], [1, 'a', [0]])

# %% next over map
m = map(abs, [-1, -2])
(next(m), next(m), next(m, "done"))
# > (1, 2, 'done')

# %% hex, oct and bin
(hex(255), hex(-255), oct(8), bin(5), bin(0), hex(True), hex(2**70))
# > ('0xff', '-0xff', '0o10', '0b101', '0b0', '0x1', '0x400000000000000000')

# %% hex of a float
hex(1.5)
# > TypeError: 'float' object cannot be interpreted as an integer
# > @ line 1

# %% enumerate with start
(list(enumerate("ab", start=1)), list(enumerate([7, 8], 10)))
# > ([(1, 'a'), (2, 'b')], [(10, 7), (11, 8)])
