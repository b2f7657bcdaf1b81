# Python's collections module: Counter, defaultdict, OrderedDict, namedtuple, deque.

# %% Counter from an iterable
from collections import Counter
c = Counter("abracadabra")
c
# > Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})

# %% Counter from a list, a mapping and keywords
from collections import Counter
(Counter(["x", "y", "x"]), Counter({"a": 2, "b": 5}), Counter(cats=4, dogs=8), Counter())
# > (Counter({'x': 2, 'y': 1}), Counter({'b': 5, 'a': 2}), Counter({'dogs': 8, 'cats': 4}), Counter())

# %% Counter missing key counts zero
from collections import Counter
c = Counter("aab")
(c["a"], c["z"], "z" in c, "a" in c, len(c))
# > (2, 0, False, True, 2)

# %% Counter most_common
from collections import Counter
c = Counter("abracadabra")
(c.most_common(2), c.most_common(), c.most_common(0))
# > ([('a', 5), ('b', 2)], [('a', 5), ('b', 2), ('r', 2), ('c', 1), ('d', 1)], [])

# %% Counter elements and total
from collections import Counter
c = Counter(a=2, b=1, c=0)
(sorted(c.elements()), c.total())
# > (['a', 'a', 'b'], 3)

# %% Counter update and subtract
from collections import Counter
c = Counter("aab")
c.update("abc")
c.update({"a": 10})
d = Counter(a=1, b=5)
d.subtract(Counter(a=3, b=1))
(c, d)
# > (Counter({'a': 13, 'b': 2, 'c': 1}), Counter({'b': 4, 'a': -2}))

# %% Counter arithmetic
from collections import Counter
a = Counter(a=3, b=1, c=2)
b = Counter(a=1, b=2, d=4)
(a + b, a - b, a & b, a | b)
# > (Counter({'a': 4, 'd': 4, 'b': 3, 'c': 2}), Counter({'a': 2, 'c': 2}), Counter({'a': 1, 'b': 1}), Counter({'d': 4, 'a': 3, 'b': 2, 'c': 2}))

# %% Counter item assignment and increment
from collections import Counter
c = Counter()
for w in "the cat and the hat".split():
    c[w] += 1
c["dog"] = 7
del c["and"]
c
# > Counter({'dog': 7, 'the': 2, 'cat': 1, 'hat': 1})

# %% Counter as a dict
from collections import Counter
c = Counter("hello")
(dict(c), sorted(c.items()), list(c), sorted(c.keys()), sorted(c.values()), isinstance(c, dict), isinstance(c, Counter))
# > ({'h': 1, 'e': 1, 'l': 2, 'o': 1},
# >  [('e', 1), ('h', 1), ('l', 2), ('o', 1)],
# >  ['h', 'e', 'l', 'o'],
# >  ['e', 'h', 'l', 'o'],
# >  [1, 1, 1, 2],
# >  True,
# >  True)

# %% Counter equality
from collections import Counter
(Counter("ab") == Counter("ba"), Counter("a") == {"a": 1}, Counter(a=1, b=0) == Counter(a=1), Counter("a") != Counter("b"))
# > (True, True, True, True)

# %% Counter json
from collections import Counter
import json
json.dumps(Counter("aab"))
# > '{"a": 2, "b": 1}'

# %% Counter get and copy
from collections import Counter
c = Counter("aab")
d = c.copy()
d["a"] = 100
(c.get("a"), c.get("z", -1), c, d)
# > (2, -1, Counter({'a': 2, 'b': 1}), Counter({'a': 100, 'b': 1}))

# %% Counter of words in a loop of a comprehension
from collections import Counter
words = "a b a c b a".split()
top = [w for w, n in Counter(words).most_common(2)]
top
# > ['a', 'b']

# %% Counter unhashable key
from collections import Counter
Counter([[1], [2]])
# > TypeError: unhashable type: 'list'
# > @ line 2

# %% Counter of a non-iterable
from collections import Counter
Counter(5)
# > TypeError: 'int' object is not iterable
# > @ line 2

# %% defaultdict of lists
from collections import defaultdict
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
d
# > defaultdict(<class 'list'>, {'a': [1, 3], 'b': [2]})

# %% defaultdict of ints
from collections import defaultdict
d = defaultdict(int)
for ch in "mississippi":
    d[ch] += 1
(d, d["z"], len(d))
# > (defaultdict(<class 'int'>, {'m': 1, 'i': 4, 's': 4, 'p': 2, 'z': 0}), 0, 5)

# %% defaultdict of sets and strs
from collections import defaultdict
s = defaultdict(set)
s["x"].add(1)
s["x"].add(1)
t = defaultdict(str)
t["a"] += "hi"
(sorted(s["x"]), len(s), t)
# > ([1], 1, defaultdict(<class 'str'>, {'a': 'hi'}))

# %% defaultdict with a lambda
from collections import defaultdict
d = defaultdict(lambda: "n/a")
d["k"] = "v"
(d["k"], d["missing"], sorted(d.items()))
# > ('v', 'n/a', [('k', 'v'), ('missing', 'n/a')])

# %% defaultdict with None raises KeyError
from collections import defaultdict
d = defaultdict(None, {"a": 1})
(d, d["a"])
d["b"]
# > KeyError: 'b'
# > @ line 4

# %% defaultdict from a mapping and keywords
from collections import defaultdict
d = defaultdict(int, {"a": 1}, b=2)
(d, d.default_factory is int, dict(d), isinstance(d, dict), "c" in d, d.get("c"), "c" in d)
# > (defaultdict(<class 'int'>, {'a': 1, 'b': 2}), True, {'a': 1, 'b': 2}, True, False, None, False)

# %% defaultdict factory must be callable
from collections import defaultdict
defaultdict(3)
# > TypeError: first argument must be callable or None
# > @ line 2

# %% defaultdict equality and del
from collections import defaultdict
d = defaultdict(int)
d["a"] = 1
d["b"] = 2
del d["b"]
(d == {"a": 1}, list(d))
# > (True, ['a'])

# %% OrderedDict repr
from collections import OrderedDict
(OrderedDict([("a", 1), ("b", 2)]), OrderedDict(), OrderedDict(x=1))
# > (OrderedDict([('a', 1), ('b', 2)]), OrderedDict(), OrderedDict([('x', 1)]))

# %% OrderedDict move_to_end
from collections import OrderedDict
d = OrderedDict([(k, None) for k in "abcde"])
d.move_to_end("b")
s1 = "".join(d)
d.move_to_end("b", last=False)
s2 = "".join(d)
(s1, s2)
# > ('acdeb', 'bacde')

# %% OrderedDict popitem
from collections import OrderedDict
d = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
(d.popitem(), d.popitem(last=False), d)
# > (('c', 3), ('a', 1), OrderedDict([('b', 2)]))

# %% OrderedDict popitem empty
from collections import OrderedDict
OrderedDict().popitem()
# > KeyError: 'dictionary is empty'
# > @ line 2

# %% OrderedDict missing key
from collections import OrderedDict
d = OrderedDict(a=1)
d["b"]
# > KeyError: 'b'
# > @ line 3

# %% OrderedDict equality is ordered
from collections import OrderedDict
a = OrderedDict([("a", 1), ("b", 2)])
b = OrderedDict([("b", 2), ("a", 1)])
(a == b, a == dict(b), dict(a) == dict(b), a["a"], list(a.items()), list(a.keys()))
# > (False, True, True, 1, [('a', 1), ('b', 2)], ['a', 'b'])

# %% OrderedDict move_to_end missing
from collections import OrderedDict
OrderedDict(a=1).move_to_end("z")
# > KeyError: 'z'
# > @ line 2

# %% namedtuple basics
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
q = Point(x=3, y=4)
(p, q, p.x + q.y, p[0], p[-1], len(p), tuple(p), list(q))
# > (Point(x=1, y=2), Point(x=3, y=4), 5, 1, 2, 2, (1, 2), [3, 4])

# %% namedtuple field names as a string
from collections import namedtuple
A = namedtuple("A", "x y")
B = namedtuple("B", "x, y,z")
(A._fields, B._fields, B(1, 2, 3))
# > (('x', 'y'), ('x', 'y', 'z'), B(x=1, y=2, z=3))

# %% namedtuple unpacking and equality
from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, 2)
x, y = p
(x, y, p == (1, 2), p == Point(1, 2), p != Point(2, 1), p < Point(1, 3))
# > (1, 2, True, True, True, True)

# %% namedtuple _asdict _replace _fields _make
from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, 2)
(p._asdict(), p._replace(y=20), p._fields, Point._make([5, 6]), p)
# > ({'x': 1, 'y': 2}, Point(x=1, y=20), ('x', 'y'), Point(x=5, y=6), Point(x=1, y=2))

# %% namedtuple defaults
from collections import namedtuple
Row = namedtuple("Row", "a b c", defaults=[0, 1])
(Row(9), Row(9, 8), Row(a=1, c=5), Row._field_defaults)
# > (Row(a=9, b=0, c=1), Row(a=9, b=8, c=1), Row(a=1, b=0, c=5), {'b': 0, 'c': 1})

# %% namedtuple type and isinstance
from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, 2)
(type(p), Point, isinstance(p, Point), isinstance(p, tuple), p.count(1), p.index(2))
# > (<class '__main__.Point'>, <class '__main__.Point'>, True, True, 1, 1)

# %% namedtuple missing argument
from collections import namedtuple
Point = namedtuple("Point", "x y")
Point(1)
# > TypeError: Point.__new__() missing 1 required positional argument: 'y'
# > @ line 3

# %% namedtuple too many arguments
from collections import namedtuple
Point = namedtuple("Point", "x y")
Point(1, 2, 3)
# > TypeError: Point.__new__() takes 3 positional arguments but 4 were given
# > @ line 3

# %% namedtuple unknown keyword
from collections import namedtuple
Point = namedtuple("Point", "x y")
Point(1, z=2)
# > TypeError: Point.__new__() got an unexpected keyword argument 'z'
# > @ line 3

# %% namedtuple bad field names
from collections import namedtuple
namedtuple("P", "x _y")
# > ValueError: Field names cannot start with an underscore: '_y'
# > @ line 2

# %% namedtuple duplicate field
from collections import namedtuple
namedtuple("P", "x x")
# > ValueError: Encountered duplicate field name: 'x'
# > @ line 2

# %% namedtuple keyword field
from collections import namedtuple
namedtuple("P", "x def")
# > ValueError: Type names and field names cannot be a keyword: 'def'
# > @ line 2

# %% namedtuple rename
from collections import namedtuple
namedtuple("P", "x def x _y", rename=True)._fields
# > ('x', '_1', '_2', '_3')

# %% namedtuple unknown attribute
from collections import namedtuple
Point = namedtuple("Point", "x y")
Point(1, 2).z
# > AttributeError: 'Point' object has no attribute 'z'
# > @ line 3

# %% namedtuple _replace unknown field
from collections import namedtuple
Point = namedtuple("Point", "x y")
Point(1, 2)._replace(z=3)
# > ValueError: Got unexpected field names: ['z']
# > @ line 3

# %% namedtuple in a list, sorted, json
from collections import namedtuple
import json
P = namedtuple("P", "name age")
people = [P("bo", 30), P("al", 25)]
(sorted(people), sorted(people, key=lambda p: p.age)[0].name, json.dumps(people[0]), people[0][:1])
# > ([P(name='al', age=25), P(name='bo', age=30)], 'al', '["bo", 30]', ('bo',))

# %% deque basics
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1], 2 in d, list(d))
# > (deque([1, 2, 3]), 4, 0, deque([1, 2, 3]), 3, 1, 3, True, [1, 2, 3])

# %% deque extend, extendleft, rotate
from collections import deque
d = deque("abc")
d.extend("de")
d.extendleft([1, 2])
a = list(d)
d.rotate(2)
b = list(d)
d.rotate(-3)
(a, b, list(d))
# > ([2, 1, 'a', 'b', 'c', 'd', 'e'],
# >  ['d', 'e', 2, 1, 'a', 'b', 'c'],
# >  [1, 'a', 'b', 'c', 'd', 'e', 2])

# %% deque maxlen
from collections import deque
d = deque(maxlen=3)
for i in range(5):
    d.append(i)
e = deque([1, 2, 3], maxlen=2)
e.appendleft(0)
(d, d.maxlen, e, deque().maxlen)
# > (deque([2, 3, 4], maxlen=3), 3, deque([0, 2], maxlen=2), None)

# %% deque clear, count, index, remove, reverse
from collections import deque
d = deque([1, 2, 1, 3])
n = d.count(1)
i = d.index(3)
d.remove(1)
d.reverse()
e = d.copy()
d.clear()
(n, i, d, e, bool(d), bool(e))
# > (2, 3, deque([]), deque([3, 1, 2]), False, True)

# %% deque setitem, compare, insert
from collections import deque
d = deque([1, 2, 3])
d[1] = 20
d.insert(1, 10)
(d, d == deque([1, 10, 20, 3]), d == [1, 10, 20, 3], deque([1]) < deque([2]), deque([1]) + deque([2]), sum(d), sorted(d))
# > (deque([1, 10, 20, 3]), True, False, True, deque([1, 2]), 34, [1, 3, 10, 20])

# %% deque pop empty
from collections import deque
deque().pop()
# > IndexError: pop from an empty deque
# > @ line 2

# %% deque popleft empty
from collections import deque
deque().popleft()
# > IndexError: pop from an empty deque
# > @ line 2

# %% deque index out of range
from collections import deque
deque([1])[5]
# > IndexError: deque index out of range
# > @ line 2

# %% deque remove missing
from collections import deque
deque([1]).remove(5)
# > ValueError: 5 is not in deque
# > @ line 2

# %% deque unhashable
from collections import deque
{deque(): 1}
# > TypeError: unhashable type: 'collections.deque'
# > @ line 2

# %% import collections module
import collections
(collections.Counter("aa"), collections.deque([1]), type(collections.Counter()), type(collections.deque()))
# > (Counter({'a': 2}), deque([1]), <class 'collections.Counter'>, <class 'collections.deque'>)

# %% range index out of range
range(3)[5]
# > IndexError: range object index out of range
# > @ line 1

# %% pandas DataFrame from an OrderedDict and a defaultdict
import pandas as pd
from collections import OrderedDict, defaultdict
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3), ("b", 4)]:
    d[k].append(v)
(pd.DataFrame(OrderedDict(x=[1, 2], y=[3, 4])).sum().tolist(), pd.DataFrame(d).a.tolist())
# > ([3, 7], [1, 3])

# %% classes
from collections import Counter, OrderedDict, defaultdict, deque
(Counter, OrderedDict, defaultdict, deque, OrderedDict.fromkeys("ab"), OrderedDict.fromkeys("ab", 0), defaultdict.fromkeys([1]), isinstance(deque(), deque), isinstance([], deque), isinstance(Counter(), Counter), isinstance(Counter(), OrderedDict), defaultdict(Counter)["x"])
# > (<class 'collections.Counter'>, <class 'collections.OrderedDict'>, <class 'collections.defaultdict'>, <class 'collections.deque'>, OrderedDict([('a', None), ('b', None)]), OrderedDict([('a', 0), ('b', 0)]), defaultdict(None, {1: None}), True, False, True, False, Counter())

# %% Counter.fromkeys is undefined
from collections import Counter
Counter.fromkeys("ab")
# > NotImplementedError: Counter.fromkeys() is undefined.  Use Counter(iterable) instead.
# > @ line 2

# %% help on a named tuple class [burst]
from collections import namedtuple
Point = namedtuple("Point", "x y")
help(Point)
# > Help on __main__.Point:
# >
# > Point(x, y)
# >
# >     A named tuple made by collections.namedtuple.

# %% help on Counter [burst]
from collections import Counter
Counter?
# > Help on collections.Counter:
# >
# > Counter(iterable_or_mapping=None, /, **kwds)
# >
# >     A dict of counts: Counter('abca') counts each letter; a missing key counts 0. most_common(n), elements(), update, subtract, total, and + - & | between Counters.
