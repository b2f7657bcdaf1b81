# The front end on tokens: comments and line breaks wherever Python allows
# them, annotations, chained comparisons, and the refusals (issue 18).

# %% comment after an import and a decorator
from math import floor    # Import floor
import math  # the math module
def twice(f):  # a decorator
    return lambda x: f(f(x))
@twice   # Wrap inc with twice
def inc(x):
    return x + 1
inc(1), math.floor(2.5), floor(3.5)
# > (3, 2, 3)

# %% multi-line import with comments
from math import (
    floor,  # rounds down
    ceil,   # rounds up
    sqrt as root,
)
floor(2.5), ceil(2.5), root(16)
# > (2, 3, 4.0)

# %% import of several modules with aliases
import math as m, os.path
m.pi > 3, os.path.join("a", "b")
# > (True, 'a/b')

# %% a hash inside a string is text
s = "# not a comment"  # a comment
t = 'it''s # two'
s, t, len(s)
# > ('# not a comment', 'its # two', 15)

# %% comments inside a call spanning lines
total = sum([
    1,  # one
    2,  # two
    # a comment alone
    3,
])
print(total,  # the total
      "done")
# > 6 done

# %% backslash continuation
x = 1 + \
    2 + \
    3
x
# > 6

# %% semicolons
a = 1; b = 2; print(a + b)
a = 3;
a
# > 3
# > 3

# %% comment after with, assert and del
class_ = {"a": 1, "b": 2}  # not a class
assert class_["a"] == 1, "a is one"  # checked
del class_["a"]  # removed
class_
# > {'b': 2}

# %% assert spanning lines with a comment
xs = [1, 2, 3]
assert (len(xs) == 3 and  # three
        xs[0] == 1), "wrong"
print("ok")
# > ok

# %% failing assert with a message
x = 2
assert x == 3, f"x is {x}"  # fails
# > AssertionError: x is 2
# > @ line 2

# %% triple-quoted strings keep their lines
doc = """first # line
second ** line"""
print(doc)
1 / 0
# > first # line
# > second ** line
# > ZeroDivisionError: division by zero
# > @ line 4

# %% string prefixes
r"\n", b"x" == b"x", u"u", R"\t", rb"\d" == b"\\d", Rb"a" == b"a"
# > ('\\n', True, 'u', '\\t', True, True)

# %% f-strings with nested quotes and braces
d = {"k": 3}
name = "x"
print(f"{d['k']} {name!r:>5} {{braces}} {d['k'] * 2:04d}")
print(F'{name}' + fr"\{name}")
print(f"""{d["k"]
}""")
# > 3   'x' {braces} 0006
# > x\x
# > 3

# %% numbers
1_000 + 0x_ff + 0o17 + 0b101, 1e-3, .5, 1., 2E+2, 1_0.2_5
# > (1275, 0.001, 0.5, 1.0, 200.0, 10.25)

# %% function annotations
def f(x: int, y: "str" = 3, *args: int, **kw: dict) -> float:
    return x + y + len(args) + len(kw)
def g(a: list[int],
      b: dict[str, int] = {},  # a default
      ) -> None:
    return len(a) + len(b)
f(1, 2, 3, 4, z=5), g([1, 2])
# > (6, 2)

# %% variable annotations
x: int = 3
y: list[int]
z: "str" = "z"
x, z
# > (3, 'z')

# %% a lambda default is not an annotation
key = lambda x, k=2: x * k
def h(f=lambda v: v + 1):
    return f(1)
key(3), h()
# > (6, 2)

# %% chained comparisons
x = 5
0 < x <= 10, 1 < x < 3, x == 5 == 5.0, 0 <= x < 5 < 6
# > (True, False, True, False)

# %% chained comparison evaluates the middle once
calls = []
def mid(v):
    calls.append(v)
    return v
print(0 < mid(3) <= 10, calls)
print(5 < mid(1) < mid(9), calls)
# > True [3]
# > False [3, 1]

# %% chained comparisons in if, while, comprehensions and calls
n = 0
while 0 <= n < 3:
    n += 1
if 1 < n < 5:
    print("in range", n)
[v for v in range(10) if 2 < v < 6], (1 < 2 < 3) == True
# > in range 3
# > ([3, 4, 5], True)

# %% unmatched bracket
x = (1, 2))
# > SyntaxError: unmatched ')'
# > @ line 1

# %% bracket never closed
x = [1,
     2
y = 3
# > SyntaxError: '[' was never closed
# > @ line 1

# %% mismatched brackets
x = (1, 2]
# > SyntaxError: closing parenthesis ']' does not match opening parenthesis '('
# > @ line 1

# %% unterminated string
s = "abc
# > SyntaxError: unterminated string literal (detected at line 1)
# > @ line 1

# %% unterminated triple-quoted string
x = 1
s = """abc
def
# > SyntaxError: unterminated triple-quoted string literal (detected at line 3)
# > @ line 2

# %% unindent does not match
def f():
        return 1
    return 2
# > IndentationError: unindent does not match any outer indentation level
# > @ line 3

# %% leading zeros
x = 012
# > SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
# > @ line 1

# %% invalid decimal literal
x = 1abc
# > SyntaxError: invalid decimal literal
# > @ line 1

# %% class is refused [burst]
x = 1  # fine
class Point:
    pass
# > SyntaxError: class definitions are not supported in Burst cells: use functions and dicts
# > @ line 2

# %% try inside a loop is refused [burst]
for i in range(3):
    try:
        pass
    finally:
        pass
# > SyntaxError: try/except is supported only at the top level of a cell, not inside a function, a loop or another block: put the try at the top level, or check values with if
# > @ line 2

# %% yield is refused [burst]
def gen():
    x = yield 1
# > SyntaxError: generators (yield) are not supported in Burst cells: build and return a list
# > @ line 2

# %% await is refused [burst]
x = 1
y = await f(x)
# > SyntaxError: async code (await) is not supported in Burst cells: call the functions directly
# > @ line 2

# %% match is refused [burst]
command = "go"
match command:
    case "go":
        pass
# > SyntaxError: the match statement is not supported in Burst cells: use if/elif
# > @ line 2

# %% match as a name is fine
match = 3
match + 1
# > 4

# %% walrus is refused [burst]
xs = [1, 2]
if (n := len(xs)) > 1:
    pass
# > SyntaxError: assignment expressions (:=) are not supported in Burst cells: assign on the line before
# > @ line 2

# %% complex numbers are refused [burst]
z = 1 + 2j
# > SyntaxError: complex numbers (2j) are not supported in Burst cells
# > @ line 1

# %% star-unpacking in a for loop's targets is refused [burst]
for first, *rest in [[1, 2, 3]]:
    pass
# > SyntaxError: star-unpacking is supported only in a single assignment (a, *b = xs): here unpack in a statement of its own (for item in xs: a, *b = item)
# > @ line 1

# %% star arguments are fine
def f(*args, **kw):
    return len(args) + len(kw)
xs = [1, 2]
f(*xs, **{"a": 1})
# > 3

# %% nonlocal is refused [burst]
def f():
    y = 1
    def g():
        nonlocal y  # here
    return g
# > SyntaxError: nonlocal is not supported in Burst cells: return the new value instead
# > @ line 4

# %% adjacent strings are one
s = ("one "
     "two "  # a comment
     'three')
s, "a" "b" == "ab"
# > ('one two three', True)

# %% unknown escapes keep their backslash
"\d+", len("\d"), "tab\there"
# > ('\\d+', 2, 'tab\there')

# %% the workshop's cell, comments and all [burst]
from dask import delayed    # Import the delayed decorator
@delayed   # Wrap inc with delayed
def inc(x):
    return x + 1
inc(1).compute()  # runs it
# > 2
