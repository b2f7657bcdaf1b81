# Python's itertools module: lazy iterators.

# %% itertools count is infinite and lazy
import itertools
c = itertools.count()
(list(itertools.islice(c, 5)), c, list(itertools.islice(itertools.count(10, 5), 3)), list(itertools.islice(itertools.count(1.5, 0.5), 3)))
# > ([0, 1, 2, 3, 4], count(5), [10, 15, 20], [1.5, 2.0, 2.5])

# %% itertools count repr
import itertools
(itertools.count(), itertools.count(5), itertools.count(0, 2), itertools.count(1.5, 0.5))
# > (count(0), count(5), count(0, 2), count(1.5, 0.5))

# %% itertools count in a for loop
import itertools
for i in itertools.count(1):
    if i * i > 50:
        break
i
# > 8

# %% itertools count of a string
import itertools
itertools.count("a")
# > TypeError: a number is required
# > @ line 2

# %% itertools cycle and repeat
import itertools
(list(itertools.islice(itertools.cycle("abc"), 7)), list(itertools.repeat("x", 3)), list(itertools.islice(itertools.repeat(0), 4)), itertools.repeat(10, 3), itertools.repeat("a"), list(itertools.cycle([])), list(itertools.repeat(1, -2)))
# > (['a', 'b', 'c', 'a', 'b', 'c', 'a'], ['x', 'x', 'x'], [0, 0, 0, 0], repeat(10, 3), repeat('a'), [], [])

# %% itertools repeat in zip
import itertools
[pow(a, b) for a, b in zip(range(5), itertools.repeat(2))]
# > [0, 1, 4, 9, 16]

# %% itertools accumulate
import itertools
import operator
(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3, 4], operator.mul)), list(itertools.accumulate([3, 1, 4, 1, 5], max)), list(itertools.accumulate([1, 2, 3], initial=100)), list(itertools.accumulate([])), list(itertools.accumulate([], initial=0)), list(itertools.accumulate(["a", "b", "c"])))
# > ([1, 3, 6, 10],
# >  [1, 2, 6, 24],
# >  [3, 3, 4, 4, 5],
# >  [100, 101, 103, 106],
# >  [],
# >  [0],
# >  ['a', 'ab', 'abc'])

# %% itertools accumulate with a lambda
import itertools
list(itertools.accumulate([10, 20, 30], lambda total, x: total * 0.5 + x))
# > [10, 25.0, 42.5]

# %% itertools chain
import itertools
(list(itertools.chain([1, 2], (3,), "ab")), list(itertools.chain()), list(itertools.chain.from_iterable([[1], [2, 3], []])), list(itertools.chain.from_iterable(["ab", "cd"])))
# > ([1, 2, 3, 'a', 'b'], [], [1, 2, 3], ['a', 'b', 'c', 'd'])

# %% itertools chain of a number fails when iterated
import itertools
c = itertools.chain([1], 2)
print("made")
list(c)
# > made
# > TypeError: 'int' object is not iterable
# > @ line 4

# %% itertools compress dropwhile takewhile filterfalse
import itertools
(list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(itertools.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(itertools.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(itertools.filterfalse(lambda x: x % 2, range(10))), list(itertools.filterfalse(None, [0, 1, "", "a", None])))
# > (['A', 'C', 'E', 'F'], [6, 4, 1], [1, 4], [0, 2, 4, 6, 8], [0, '', None])

# %% itertools takewhile on an infinite count
import itertools
list(itertools.takewhile(lambda n: n < 20, (itertools.count(1, 3))))
# > [1, 4, 7, 10, 13, 16, 19]

# %% itertools groupby
import itertools
[(k, list(g)) for k, g in itertools.groupby("AAAABBBCCDAABBB")]
# > [('A', ['A', 'A', 'A', 'A']),
# >  ('B', ['B', 'B', 'B']),
# >  ('C', ['C', 'C']),
# >  ('D', ['D']),
# >  ('A', ['A', 'A']),
# >  ('B', ['B', 'B', 'B'])]

# %% itertools groupby with a key
import itertools
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
{k: list(g) for k, g in itertools.groupby(words, key=lambda w: w[0])}
# > {'a': ['apple', 'avocado'], 'b': ['banana', 'blueberry'], 'c': ['cherry']}

# %% itertools groupby keys only
import itertools
[k for k, g in itertools.groupby([1, 1, 2, 3, 3, 3, 1])]
# > [1, 2, 3, 1]

# %% itertools groupby after sorting
import itertools
data = [("b", 2), ("a", 1), ("b", 5), ("a", 3)]
[(k, sum(v for _, v in g)) for k, g in itertools.groupby(sorted(data), key=lambda t: t[0])]
# > [('a', 4), ('b', 7)]

# %% itertools groupby groups end when it advances
import itertools
groups = list(itertools.groupby("aabbb"))
[(k, list(g)) for k, g in groups]
# > [('a', []), ('b', [])]

# %% itertools islice
import itertools
(list(itertools.islice("ABCDEFG", 2)), list(itertools.islice("ABCDEFG", 2, 4)), list(itertools.islice("ABCDEFG", 2, None)), list(itertools.islice("ABCDEFG", 0, None, 2)), list(itertools.islice(range(10), 1, 8, 3)), list(itertools.islice([1, 2], 5)), list(itertools.islice([1, 2, 3], None)))
# > (['A', 'B'],
# >  ['C', 'D'],
# >  ['C', 'D', 'E', 'F', 'G'],
# >  ['A', 'C', 'E', 'G'],
# >  [1, 4, 7],
# >  [1, 2],
# >  [1, 2, 3])

# %% itertools islice leaves the rest
import itertools
it = itertools.count()
a = list(itertools.islice(it, 3))
b = list(itertools.islice(it, 3))
(a, b)
# > ([0, 1, 2], [3, 4, 5])

# %% itertools islice with a negative stop
import itertools
itertools.islice([1, 2, 3], -1)
# > ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
# > @ line 2

# %% itertools islice with a negative start
import itertools
itertools.islice([1, 2, 3], -1, 2)
# > ValueError: Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.
# > @ line 2

# %% itertools islice with a zero step
import itertools
itertools.islice([1, 2, 3], 0, 2, 0)
# > ValueError: Step for islice() must be a positive integer or None.
# > @ line 2

# %% itertools pairwise and starmap
import itertools
(list(itertools.pairwise("ABCD")), list(itertools.pairwise([1])), list(itertools.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(itertools.starmap(lambda a, b: a + b, [[1, 2], [3, 4]])))
# > ([('A', 'B'), ('B', 'C'), ('C', 'D')], [], [32, 9, 1000], [3, 7])

# %% itertools tee
import itertools
a, b = itertools.tee([1, 2, 3])
first = list(a)
(first, list(b), list(a), len(itertools.tee("ab", 3)), itertools.tee([1], 0))
# > ([1, 2, 3], [1, 2, 3], [], 3, ())

# %% itertools tee interleaved
import itertools
a, b = itertools.tee(itertools.count())
(list(itertools.islice(a, 3)), list(itertools.islice(b, 5)), list(itertools.islice(a, 2)))
# > ([0, 1, 2], [0, 1, 2, 3, 4], [3, 4])

# %% itertools zip_longest
import itertools
(list(itertools.zip_longest("ABCD", "xy")), list(itertools.zip_longest("ABCD", "xy", fillvalue="-")), list(itertools.zip_longest()), list(itertools.zip_longest([1, 2], [3], [4, 5, 6], fillvalue=0)))
# > ([('A', 'x'), ('B', 'y'), ('C', None), ('D', None)],
# >  [('A', 'x'), ('B', 'y'), ('C', '-'), ('D', '-')],
# >  [],
# >  [(1, 3, 4), (2, 0, 5), (0, 0, 6)])

# %% itertools product
import itertools
(list(itertools.product("AB", "xy")), list(itertools.product(range(2), repeat=3)), list(itertools.product()), list(itertools.product([1, 2], [])), len(list(itertools.product("ab", "cd", repeat=2))))
# > ([('A', 'x'), ('A', 'y'), ('B', 'x'), ('B', 'y')],
# >  [(0, 0, 0),
# >   (0, 0, 1),
# >   (0, 1, 0),
# >   (0, 1, 1),
# >   (1, 0, 0),
# >   (1, 0, 1),
# >   (1, 1, 0),
# >   (1, 1, 1)],
# >  [()],
# >  [],
# >  16)

# %% itertools product in a loop
import itertools
for x, y in itertools.product([1, 2], ["a", "b"]):
    print(x, y)
# > 1 a
# > 1 b
# > 2 a
# > 2 b

# %% itertools product with a negative repeat
import itertools
itertools.product("ab", repeat=-1)
# > ValueError: repeat argument cannot be negative
# > @ line 2

# %% itertools permutations
import itertools
(list(itertools.permutations("ABC")), list(itertools.permutations(range(4), 2)), list(itertools.permutations([1, 2], 3)), list(itertools.permutations([], 0)), len(list(itertools.permutations(range(5)))))
# > ([('A', 'B', 'C'),
# >   ('A', 'C', 'B'),
# >   ('B', 'A', 'C'),
# >   ('B', 'C', 'A'),
# >   ('C', 'A', 'B'),
# >   ('C', 'B', 'A')],
# >  [(0, 1),
# >   (0, 2),
# >   (0, 3),
# >   (1, 0),
# >   (1, 2),
# >   (1, 3),
# >   (2, 0),
# >   (2, 1),
# >   (2, 3),
# >   (3, 0),
# >   (3, 1),
# >   (3, 2)],
# >  [],
# >  [()],
# >  120)

# %% itertools combinations
import itertools
(list(itertools.combinations("ABCD", 2)), list(itertools.combinations(range(5), 3)), list(itertools.combinations([1, 2], 3)), list(itertools.combinations([1, 2], 0)))
# > ([('A', 'B'), ('A', 'C'), ('A', 'D'), ('B', 'C'), ('B', 'D'), ('C', 'D')],
# >  [(0, 1, 2),
# >   (0, 1, 3),
# >   (0, 1, 4),
# >   (0, 2, 3),
# >   (0, 2, 4),
# >   (0, 3, 4),
# >   (1, 2, 3),
# >   (1, 2, 4),
# >   (1, 3, 4),
# >   (2, 3, 4)],
# >  [],
# >  [()])

# %% itertools combinations_with_replacement
import itertools
(list(itertools.combinations_with_replacement("ABC", 2)), list(itertools.combinations_with_replacement([], 2)), list(itertools.combinations_with_replacement([1], 0)), len(list(itertools.combinations_with_replacement(range(4), 3))))
# > ([('A', 'A'), ('A', 'B'), ('A', 'C'), ('B', 'B'), ('B', 'C'), ('C', 'C')],
# >  [],
# >  [()],
# >  20)

# %% itertools combinations without r
import itertools
itertools.combinations("abc")
# > TypeError: combinations() missing required argument 'r' (pos 2)
# > @ line 2

# %% itertools combinations with a negative r
import itertools
itertools.combinations("abc", -1)
# > ValueError: r must be non-negative
# > @ line 2

# %% itertools iterators are one-shot
import itertools
p = itertools.permutations([1, 2])
(list(p), list(p))
# > ([(1, 2), (2, 1)], [])

# %% itertools of a number
import itertools
itertools.cycle(5)
# > TypeError: 'int' object is not iterable
# > @ line 2

# %% itertools error in a predicate
import itertools
list(itertools.takewhile(lambda x: 1 / x, [1, 0]))
# > ZeroDivisionError: division by zero
# > @ line 2

# %% itertools objects are one-shot in for loops
import itertools
c = itertools.combinations(range(4), 2)
for pair in c:
    if pair[1] == 2:
        break
list(c)
# > [(0, 3), (1, 2), (1, 3), (2, 3)]

# %% itertools with sum and dict
import itertools
(sum(itertools.islice(itertools.count(1), 100)), dict(itertools.zip_longest("abc", [1, 2])), sorted(itertools.chain([3, 1], [2])))
# > (5050, {'a': 1, 'b': 2, 'c': None}, [1, 2, 3])

# %% itertools next and iter
import itertools
c = itertools.count(1)
g = itertools.cycle("ab")
(next(c), next(c), next(g), next(g), next(g), iter(c) is c, next(itertools.islice([], 1), "empty"), c)
# > (1, 2, 'a', 'b', 'a', True, 'empty', count(3))

# %% itertools next of an exhausted iterator
import itertools
p = itertools.pairwise([1, 2])
next(p)
next(p)
# > StopIteration
# > @ line 4

# %% itertools next to skip a header
import itertools
rows = iter([["name", "n"], ["a", 1], ["b", 2]])
header = next(rows)
(header, list(itertools.starmap(lambda name, n: name * n, rows)))
# > (['name', 'n'], ['a', 'bb'])

# %% itertools groupby with next
import itertools
g = itertools.groupby([1, 1, 2])
k, grp = next(g)
(k, next(grp), list(grp), next(g)[0])
# > (1, 1, [1], 2)

# %% itertools help on chain and on an iterator [burst]
import itertools
help(itertools.chain)
help(itertools.count(3))
type(itertools.chain)
# > Help on itertools.chain:
# >
# > chain(*iterables)
# >
# >     The items of the first iterable, then of the second, and so on. chain.from_iterable(iterables) takes the iterables from one iterable.
# > Help on itertools.count:
# >
# > count(start=0, step=1)
# >
# >     An infinite iterator of start, start+step, start+2*step, …
# > type

# %% itertools over dicts and with keyword func
import itertools
d = {"a": 1, "b": 2}
(list(itertools.product(d, repeat=2)), list(itertools.chain(d, d.values())), list(itertools.accumulate([1, 2, 3], func=max)), [(k, len(list(g))) for k, g in itertools.groupby(sorted(d.items(), key=lambda kv: kv[1] % 2), key=lambda kv: kv[1] % 2)])
# > ([('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')],
# >  ['a', 'b', 1, 2],
# >  [1, 2, 3],
# >  [(0, 1), (1, 1)])

# %% itertools groupby keys by itemgetter
import operator
import itertools
list(map(operator.itemgetter(0), itertools.groupby("aabbc")))
# > ['a', 'b', 'c']

# %% itertools combinations numbered by enumerate
import itertools
for i, (a, b) in enumerate(itertools.combinations("abc", 2), start=1):
    print(i, a + b)
# > 1 ab
# > 2 ac
# > 3 bc
