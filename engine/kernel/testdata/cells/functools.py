# Python's functools module.

# %% functools reduce
import functools
(functools.reduce(lambda x, y: x + y, [1, 2, 3, 4]), functools.reduce(lambda x, y: x * y, [1, 2, 3], 10), functools.reduce(max, [3, 9, 2]), functools.reduce(lambda a, c: c + a, "abc"), functools.reduce(lambda x, y: x + y, [], 0))
# > (10, 60, 9, 'cba', 0)

# %% functools reduce with a cell function
from functools import reduce
def merge(acc, item):
    acc[item[0]] = item[1]
    return acc
reduce(merge, [("a", 1), ("b", 2)], {})
# > {'a': 1, 'b': 2}

# %% functools reduce of an empty list
import functools
functools.reduce(lambda x, y: x + y, [])
# > TypeError: reduce() of empty iterable with no initial value
# > @ line 2

# %% functools reduce of a number
import functools
functools.reduce(max, 5)
# > TypeError: reduce() arg 2 must support iteration
# > @ line 2

# %% functools partial
from functools import partial
def power(base, exponent):
    return base ** exponent
square = partial(power, exponent=2)
cube = partial(power, exponent=3)
(square(4), cube(2), square(3, exponent=4), square.args, square.keywords)
# > (16, 8, 81, (), {'exponent': 2})

# %% functools partial with positional arguments
import functools
p = functools.partial(max, 10)
(p, p(3), p(30), p.func, p.args, p.keywords, functools.partial(int, base=2)("101"))
# > (functools.partial(<built-in function max>, 10), 10, 30, <built-in function max>, (10,), {}, 5)

# %% functools partial of a partial is flat
import functools
p = functools.partial(functools.partial(max, 1), 2, key=abs)
(p, p(-5))
# > (functools.partial(<built-in function max>, 1, 2, key=<built-in function abs>), -5)

# %% functools partial of a number
import functools
functools.partial(3)
# > TypeError: the first argument must be callable
# > @ line 2

# %% functools lru_cache memoizes
import functools
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
(fib(30), len(calls), fib.cache_info())
# > (832040, 31, CacheInfo(hits=28, misses=31, maxsize=None, currsize=31))

# %% functools lru_cache without parentheses
from functools import lru_cache
@lru_cache
def double(x):
    return 2 * x
(double(2), double(2), double(3), double.cache_info())
# > (4, 4, 6, CacheInfo(hits=1, misses=2, maxsize=128, currsize=2))

# %% functools lru_cache with a maxsize evicts the oldest
import functools
seen = []
@functools.lru_cache(maxsize=2)
def f(x):
    seen.append(x)
    return x * 10
[f(1), f(2), f(1), f(3), f(2), f(1)]
(seen, f.cache_info(), f.cache_info().hits, f.cache_info().currsize)
# > ([1, 2, 3, 2, 1], CacheInfo(hits=1, misses=5, maxsize=2, currsize=2), 1, 2)

# %% functools cache and cache_clear
import functools
n = [0]
@functools.cache
def g(a, b=1):
    n[0] += 1
    return a + b
(g(1), g(1), g(1, b=2), g(1, b=2), n[0], g.cache_info())
g.cache_clear()
g.cache_info()
# > CacheInfo(hits=0, misses=0, maxsize=None, currsize=0)

# %% functools lru_cache of unhashable arguments
import functools
@functools.lru_cache
def total(xs):
    return sum(xs)
total([1, 2])
# > TypeError: unhashable type: 'list'
# > @ line 5

# %% functools lru_cache typed
import functools
@functools.lru_cache(typed=True)
def kind(x):
    return x * 2
(kind(1), kind(1.0), kind.cache_info())
# > (2, 2.0, CacheInfo(hits=0, misses=2, maxsize=128, currsize=2))

# %% functools cmp_to_key
import functools
def by_length_then_reverse(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return -1 if a > b else (1 if a < b else 0)
words = ["pear", "fig", "apple", "kiwi", "date"]
(sorted(words, key=functools.cmp_to_key(by_length_then_reverse)), max([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
# > (['fig', 'pear', 'kiwi', 'date', 'apple'], 1)

# %% functools wraps is a decorator
import functools
def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        print("calling with", args)
        return fn(*args)
    return wrapper
@logged
def add(a, b):
    return a + b
add(2, 3)
# > calling with (2, 3)
# > 5

# %% functools total_ordering is refused [burst]
import functools
functools.total_ordering
functools.total_ordering(None)
# > NotImplementedError: functools.total_ordering is not available in Burst: it decorates classes, and cells cannot define classes
# > @ line 3

# %% functools singledispatch is refused [burst]
from functools import singledispatch
@singledispatch
def show(x):
    return x
# > NotImplementedError: functools.singledispatch is not available in Burst: dispatch on the type inside the function instead (if isinstance(x, int): …)
# > @ line 2

# %% functools reduce with operators and partial of sorted
import functools
import operator
(functools.reduce(operator.or_, [1, 2, 4, 8]), functools.reduce(lambda a, b: a + [b], "abc", []), functools.partial(sorted, reverse=True)([3, 1, 2]))
# > (15, ['a', 'b', 'c'], [3, 2, 1])

# %% functools lru_cache of a recursive function with a default
import functools
@functools.lru_cache(maxsize=None)
def ways(n, coins=(1, 2, 5)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
(ways(100), ways.cache_info().currsize > 0)
# > (541, True)
