# Python constructs a learner writes, beyond plain Starlark. Expected
# outputs are CPython's (gen.py), except cases marked [burst].

# %% import as
import os.path as osp
osp.join("data", "nycflights", "1990.csv")
# > 'data/nycflights/1990.csv'

# %% import dotted binds the top name
import os.path
os.path.basename("data/nycflights/1990.csv")
# > '1990.csv'

# %% from import as
from os.path import join as pjoin, dirname
(pjoin("a", "b"), dirname("a/b/c.csv"))
# > ('a/b', 'a/b')

# %% comments after imports and a decorator, as the Dask tutorial writes them
from os.path import join    # Import join
import os.path as osp  # and the module
def twice(f):
    def g(x):
        return f(f(x))
    return g

@twice   # Wrap add_one with twice
def add_one(x):
    return x + 1  # one more
(add_one(1), join("a", "b # not a comment"), osp.basename("x/y"))
# > (3, 'a/b # not a comment', 'y')

# %% from import in parentheses
from os.path import (join, basename)
basename(join("x", "y.py"))
# > 'y.py'

# %% decorator
def twice(f):
    def g(x):
        return f(f(x))
    return g

@twice
def inc(x):
    return x + 1

inc(10)
# > 12

# %% two decorators apply innermost first
def add1(f):
    return lambda x: f(x) + 1
def mul2(f):
    return lambda x: f(x) * 2

@add1
@mul2
def ident(x):
    return x

ident(5)
# > 11

# %% decorator with arguments
def times(n):
    def deco(f):
        return lambda x: f(x) * n
    return deco

@times(3)
def sq(x):
    return x * x

sq(4)
# > 48

# %% decorator on a nested def
def outer():
    def deco(f):
        return lambda: f() + "!"
    @deco
    def hi():
        return "hi"
    return hi()

outer()
# > 'hi!'

# %% f-string plain
name = "Burst"
f"hello {name}"
# > 'hello Burst'

# %% f-string expression
x = 6
f"{x} squared is {x * x}"
# > '6 squared is 36'

# %% f-string float spec
pi = 3.14159265
f"{pi:.2f}"
# > '3.14'

# %% f-string width and alignment
f"[{'ab':>5}] [{'ab':<5}] [{'ab':^6}] [{7:03d}]"
# > '[   ab] [ab   ] [  ab  ] [007]'

# %% f-string thousands
f"{1234567:,} {1234567.891:,.2f}"
# > '1,234,567 1,234,567.89'

# %% f-string percent and exponent
f"{0.256:.1%} {12345.678:.3e} {0.000123:g}"
# > '25.6% 1.235e+04 0.000123'

# %% f-string repr conversion
s = "it's"
f"{s!r} {s!s}"
# > '"it\'s" it\'s'

# %% f-string self-documenting
x = 3
f"{x = }"
# > 'x = 3'

# %% f-string self-documenting with spec
total = 2 / 3
f"{total=:.3f}"
# > 'total=0.667'

# %% f-string nested quotes
d = {"a": 1}
f"value: {d['a']}"
# > 'value: 1'

# %% f-string escaped braces
f"{{literal}} {1 + 1}"
# > '{literal} 2'

# %% f-string with dict and list repr
f"{[1, 'a']} {({'k': None})}"
# > "[1, 'a'] {'k': None}"

# %% f-string in a triple-quoted block
n = 2
text = f"""line one {n}
line two {n + 1}"""
print(text)
# > line one 2
# > line two 3

# %% f-string nested spec
width = 6
f"{'x':>{width}}|"
# > '     x|'

# %% f-string of a float without spec
f"{0.1 + 0.2} {1e20} {2.0}"
# > '0.30000000000000004 1e+20 2.0'

# %% f-string sign and zero padding
f"{5:+d} {-5:+d} {3.5:08.2f} {-3.5:08.2f}"
# > '+5 -5 00003.50 -0003.50'

# %% f-string hex and binary
f"{255:x} {255:#X} {5:b} {8:o}"
# > 'ff 0XFF 101 10'

# %% f-string g format
f"{1234567.0:g} {0.00001234:g} {100.0:g} {1.5:.3g}"
# > '1.23457e+06 1.234e-05 100 1.5'

# %% with statement runs the block [burst]
from dask.distributed import Client
with Client(n_workers=1) as client:
    print(type(client))
# > <class 'distributed.client.Client'>

# %% is None
x = None
(x is None, x is not None)
# > (True, False)

# %% is with objects
a = [1]
b = a
c = [1]
(a is b, a is c, a is not c)
# > (True, False, True)

# %% is inside a condition
def f(v):
    if v is None:
        return "none"
    return "some"
[f(None), f(0)]
# > ['none', 'some']

# %% assert passes
x = 5
assert x > 0
assert x == 5, "x should be 5"
x
# > 5

# %% assert fails with message
x = -1
assert x > 0, f"x must be positive, got {x}"
# > AssertionError: x must be positive, got -1
# > @ line 2

# %% assert fails without message
assert 1 == 2
# > AssertionError
# > @ line 1

# %% assert over lines
values = [1, 2, 3]
assert (len(values) ==
        3), "three values"
"ok"
# > 'ok'

# %% del a name
x = 1
y = 2
del x
y
# > 2

# %% del then use in a later cell raises [burst]
x = 1
del x
x
# > NameError: name 'x' is not defined
# > @ line 3

# %% del a dict item
d = {"a": 1, "b": 2}
del d["a"]
d
# > {'b': 2}

# %% del a list item
l = [1, 2, 3]
del l[1]
l
# > [1, 3]

# %% del a missing key
d = {}
del d["x"]
# > KeyError: 'x'
# > @ line 2

# %% element-wise comparisons stay booleans for numbers
(1 < 2, 2 <= 2, 3 > 4, 1 == 1.0, "a" != "b")
# > (True, True, False, True, True)

# %% comparison with None
(None == None, 1 == None, None != 0)
# > (True, False, True)

# %% comparison of lists
([1, 2] < [1, 3], (1, 2) == (1, 2))
# > (True, True)

# %% boolean operators
(True and False, True or False, not True)
# > (False, True, False)

# %% bitwise operators
(6 & 3, 6 | 3, 6 ^ 3, ~5, 1 << 4, 256 >> 2)
# > (2, 7, 5, -6, 16, 64)

# %% power
(2 ** 10, 2 ** -1, (-2) ** 3, 2 ** 0.5)
# > (1024, 0.5, -8, 1.4142135623730951)

# %% floor division and modulo
(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7.5 // 2)
# > (3, -4, 1, 2, 3.0)

# %% true division
(7 / 2, 6 / 3, 1 / 3)
# > (3.5, 2.0, 0.3333333333333333)

# %% conditional expression
x = 5
"big" if x > 3 else "small"
# > 'big'

# %% list comprehension with condition
[x * x for x in range(10) if x % 2 == 0]
# > [0, 4, 16, 36, 64]

# %% dict comprehension
{k: len(k) for k in ["a", "bb", "ccc"]}
# > {'a': 1, 'bb': 2, 'ccc': 3}

# %% nested comprehension
[(i, j) for i in range(3) for j in range(i)]
# > [(1, 0), (2, 0), (2, 1)]

# %% lambda
f = lambda x, y=2: x * y
(f(3), f(3, 4))
# > (6, 12)

# %% keyword arguments
def g(a, b=1, *args, **kwargs):
    return (a, b, args, sorted(kwargs.items()))
g(1, 2, 3, 4, z=5, y=6)
# > (1, 2, (3, 4), [('y', 6), ('z', 5)])

# %% tuple unpacking
a, b = 1, 2
a, b = b, a
(a, b)
# > (2, 1)

# %% star arguments in a call
def h(*xs):
    return sum(xs)
h(*[1, 2, 3])
# > 6

# %% while loop at the top of a cell
n = 0
while n < 5:
    n += 1
n
# > 5

# %% for loop with break and continue
out = []
for i in range(10):
    if i == 2:
        continue
    if i == 5:
        break
    out.append(i)
out
# > [0, 1, 3, 4]

# %% augmented assignment
x = 10
x -= 3
x *= 2
x //= 3
x
# > 4

# %% string methods
"Hello World".lower().split()
# > ['hello', 'world']

# %% string slicing
s = "abcdef"
(s[1:4], s[::-1], s[-2:])
# > ('bcd', 'fedcba', 'ef')

# %% in and not in
(2 in [1, 2], "x" not in "abc", "a" in {"a": 1})
# > (True, True, True)

# %% recursion
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
fact(10)
# > 3628800

# %% multiple statements on a line
a = 1; b = 2; c = a + b
c
# > 3

# %% comment lines and blank lines
# a comment

x = 1  # trailing comment

x
# > 1

# %% generator expression as the argument of a call
sum(x * x for x in range(10))
# > 285

# %% generator expression in parentheses
g = (c.upper() for c in "abc")
list(g)
# > ['A', 'B', 'C']

# %% generator with a key argument
sorted((w for w in ["bb", "a", "ccc"]), key=len)
# > ['a', 'bb', 'ccc']

# %% any over a generator
any(x > 3 for x in [1, 5])
# > True

# %% the Dask tutorial's delayed cell, comments included
from dask import delayed    # Import the delayed decorator

@delayed   # Wrap inc with delayed
def inc(x):
    return x + 1

@delayed   # Wrap add with delayed
def add(x, y):
    return x + y

z = add(inc(1), inc(2))   # This runs immediately: it only makes a graph
z.compute()
# > 5
