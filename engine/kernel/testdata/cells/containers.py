# Methods of list, tuple, dict, set, int and float, with CPython's results.

# %% list.append extend insert
xs = [1, 2]
xs.append(3)
xs.extend([4, 5])
xs.extend("ab")
xs.insert(0, 0)
xs.insert(-1, "z")
xs
# > [0, 1, 2, 3, 4, 5, 'a', 'z', 'b']

# %% list.sort in place with key and reverse
xs = ["bb", "a", "ccc", "dd"]
r = xs.sort(key=len)
ys = [3, 1, 2]
ys.sort(reverse=True)
(r, xs, ys)
# > (None, ['a', 'bb', 'dd', 'ccc'], [3, 2, 1])

# %% list.sort is stable, with reverse too
pairs = [("a", 2), ("b", 1), ("c", 2), ("d", 1)]
pairs.sort(key=lambda p: p[1], reverse=True)
pairs
# > [('a', 2), ('c', 2), ('b', 1), ('d', 1)]

# %% list.sort of unorderable items
xs = [1, "a"]
xs.sort()
# > TypeError: '<' not supported between instances of 'str' and 'int'
# > @ line 2

# %% list.sort takes keywords only
[3, 1].sort(len)
# > TypeError: sort() takes no positional arguments
# > @ line 1

# %% list.reverse copy count index
xs = [1, 2, 3, 2]
ys = xs.copy()
xs.reverse()
(xs, ys, ys is xs, xs.count(2), xs.index(2), xs.index(2, 1), [1, True, 1.0].count(1))
# > ([2, 3, 2, 1], [1, 2, 3, 2], False, 2, 0, 2, 3)

# %% list.index not found
[1, 2].index(3)
# > ValueError: 3 is not in list
# > @ line 1

# %% list.remove pop clear
xs = [1, 2, 3, 2]
xs.remove(2)
a = xs.pop()
b = xs.pop(0)
ys = [1]
ys.clear()
(xs, a, b, ys)
# > ([3], 2, 1, [])

# %% list.remove not found
[1].remove(5)
# > ValueError: list.remove(x): x not in list
# > @ line 1

# %% pop from an empty list
[].pop()
# > IndexError: pop from empty list
# > @ line 1

# %% pop index out of range
[1, 2].pop(5)
# > IndexError: pop index out of range
# > @ line 1

# %% tuple.count index
t = (1, 2, 2, 3)
(t.count(2), t.index(3), t.index(2, 2))
# > (2, 3, 2)

# %% tuple.index not found
(1, 2).index(9)
# > ValueError: tuple.index(x): x not in tuple
# > @ line 1

# %% tuple has no append
(1, 2).append(3)
# > AttributeError: 'tuple' object has no attribute 'append'
# > @ line 1

# %% dict.copy fromkeys
d = {"a": 1}
e = d.copy()
e["b"] = 2
(d, e, dict.fromkeys(["x", "y"]), dict.fromkeys("ab", 0), {}.fromkeys([1], []))
# > ({'a': 1}, {'a': 1, 'b': 2}, {'x': None, 'y': None}, {'a': 0, 'b': 0}, {1: []})

# %% dict.get items keys values
d = {"a": 1, "b": 2}
(d.get("a"), d.get("z"), d.get("z", 0), list(d.items()), list(d.keys()), list(d.values()))
# > (1, None, 0, [('a', 1), ('b', 2)], ['a', 'b'], [1, 2])

# %% dict.pop popitem setdefault update clear
d = {"a": 1, "b": 2, "c": 3}
p = d.pop("a")
q = d.pop("zz", None)
last = d.popitem()
s = d.setdefault("n", [])
d.update({"m": 1}, k=2)
e = {"x": 1}
e.clear()
(p, q, last, s, d, e)
# > (1, None, ('c', 3), [], {'b': 2, 'n': [], 'm': 1, 'k': 2}, {})

# %% dict.pop missing key
{}.pop("k")
# > KeyError: 'k'
# > @ line 1

# %% popitem from an empty dict
{}.popitem()
# > KeyError: 'popitem(): dictionary is empty'
# > @ line 1

# %% set methods
s = set([1, 2, 3])
t = s.copy()
t.add(4)
t.discard(9)
t.remove(1)
(s, t, s | t, s & t, s - t, s ^ t, s.union([5], (6,)), s.intersection([2, 3], [3]), s.difference([1]), s.symmetric_difference([3, 4]))
# > ({1, 2, 3},
# >  {2, 3, 4},
# >  {1, 2, 3, 4},
# >  {2, 3},
# >  {1},
# >  {1, 4},
# >  {1, 2, 3, 5, 6},
# >  {3},
# >  {2, 3},
# >  {1, 2, 4})

# %% set predicates
s = set([1, 2])
(s.issubset([1, 2, 3]), s.issuperset([1]), s.isdisjoint([3, 4]), s.isdisjoint([2]), s <= set([1, 2, 5]))
# > (True, True, True, False, True)

# %% set updates in place
s = set([1, 2, 3])
s.difference_update([1])
t = set([1, 2, 3])
t.intersection_update([2, 3, 4])
u = set([1, 2])
u.symmetric_difference_update([2, 3])
v = set([1])
v.update([2], "a")
(s, t, u, sorted(v, key=str))
# > ({2, 3}, {2, 3}, {1, 3}, [1, 2, 'a'])

# %% set.pop and clear
s = set([7])
x = s.pop()
s.clear()
(x, s, set())
# > (7, set(), set())

# %% set.remove missing
set([1]).remove(2)
# > KeyError: 2
# > @ line 1

# %% pop from an empty set
set().pop()
# > KeyError: 'pop from an empty set'
# > @ line 1

# %% int methods
(int(255).bit_length(), (-8).bit_length(), (0).bit_length(), (7).bit_count(), (5).as_integer_ratio(), (5).conjugate(), (3).real, (3).imag, (3).numerator, (3).denominator, True.bit_length())
# > (8, 4, 0, 3, (5, 1), 5, 3, 0, 3, 1, 1)

# %% float methods
((2.0).is_integer(), (2.5).is_integer(), (0.75).as_integer_ratio(), (-2.5).as_integer_ratio(), (1.5).hex(), (0.1).hex(), (2.5).real, (2.5).imag)
# > (True,
# >  False,
# >  (3, 4),
# >  (-5, 2),
# >  '0x1.8000000000000p+0',
# >  '0x1.999999999999ap-4',
# >  2.5,
# >  0.0)

# %% float.as_integer_ratio of infinity
float("inf").as_integer_ratio()
# > OverflowError: cannot convert Infinity to integer ratio
# > @ line 1

# %% int.from_bytes and bytes
(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff", "big", signed=True), bytes([65, 66]), bytes(2), bytes("é", "utf-8"), b"ab".hex())
# > (256, 1, -1, b'AB', b'\x00\x00', b'\xc3\xa9', '6162')

# %% unbound methods of the types
(list(map(str.lower, ["A", "B"])), dict.fromkeys([1, 2], "x"), list.copy([1]), set.union(set([1]), set([2])), int.bit_length(8), tuple.count((1, 1), 1))
# > (['a', 'b'], {1: 'x', 2: 'x'}, [1], {1, 2}, 4, 2)

# %% unbound append on a list
xs = []
list.append(xs, 1)
xs
# > [1]

# %% type objects
(type(1) == int, type("a") is str, type([]) == list, type(True) == bool, type(1.5) == float, type({}) == dict, type(()) == tuple, type(set()) == set, str, type(int))
# > (True, True, True, True, True, True, True, True, <class 'str'>, <class 'type'>)

# %% isinstance and issubclass with the types
(isinstance(True, int), isinstance(1, bool), isinstance(set([1]), set), isinstance(b"x", bytes), issubclass(bool, int), issubclass(int, (str, float)), issubclass(str, str))
# > (True, False, True, True, True, False, True)

# %% bool is an int
(1 == True, 0 == False, 1.0 == True, sum([True, True, False]), True < 2, [True, False].count(0))
# > (True, True, True, 2, True, 1)

# %% dict views
d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
d["c"] = 3
(k, v, i, len(k), "a" in k, 3 in v, ("b", 2) in i, ("b", 3) in i, list(k), sorted(i, reverse=True), sum(v), max(k))
# > (dict_keys(['a', 'b', 'c']), dict_values([1, 2, 3]), dict_items([('a', 1), ('b', 2), ('c', 3)]), 3, True, True, True, False, ['a', 'b', 'c'], [('c', 3), ('b', 2), ('a', 1)], 6, 'c')

# %% iterating a dict view
d = {"x": 1, "y": 2}
for key, val in d.items():
    print(key, val)
print(", ".join(d.keys()), [x * 10 for x in d.values()], dict(zip(d.keys(), d.values())))
# > x 1
# > y 2
# > x, y [10, 20] {'x': 1, 'y': 2}

# %% a dict view is not subscriptable
{"a": 1}.keys()[0]
# > TypeError: 'dict_keys' object is not subscriptable
# > @ line 1
