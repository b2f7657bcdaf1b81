# Python's operator module.

# %% operator arithmetic
import operator
(operator.add(1, 2), operator.sub(5, 3), operator.mul(3, 4), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.pow(2, -1), operator.neg(5), operator.pos(-5), operator.abs(-3))
# > (3, 2, 12, 3.5, 3, 1, 1024, 0.5, -5, -5, 3)

# %% operator on strings and lists
import operator
(operator.add("ab", "cd"), operator.mul("ab", 3), operator.concat([1], [2, 3]), operator.add((1,), (2,)))
# > ('abcd', 'ababab', [1, 2, 3], (1, 2))

# %% operator comparisons
import operator
(operator.eq(1, 1), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2), operator.eq(1, 1.0), operator.eq("a", 1), operator.lt("a", "b"))
# > (True, True, True, True, False, True, True, False, True)

# %% operator comparison of different types
import operator
operator.lt(1, "a")
# > TypeError: '<' not supported between instances of 'int' and 'str'
# > @ line 2

# %% operator logic and bits
import operator
(operator.not_(0), operator.not_([1]), operator.truth([]), operator.truth("x"), operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5), operator.inv(0), operator.lshift(1, 4), operator.rshift(16, 2))
# > (True, False, False, True, 8, 14, 6, -6, -1, 16, 4)

# %% operator on sets
import operator
(sorted(operator.and_(set([1, 2, 3]), set([2, 3, 4]))), sorted(operator.or_(set([1]), set([2]))))
# > ([2, 3], [1, 2])

# %% operator identity
import operator
a = [1]
(operator.is_(a, a), operator.is_(a, [1]), operator.is_not(a, [1]), operator.is_(None, None))
# > (True, False, True, True)

# %% operator sequences
import operator
(operator.contains([1, 2, 3], 2), operator.contains("hello", "ell"), operator.contains({"a": 1}, "b"), operator.countOf([1, 2, 1, 1], 1), operator.countOf("banana", "a"), operator.indexOf([5, 6, 7], 7), operator.indexOf("abc", "c"))
# > (True, True, False, 3, 3, 2, 2)

# %% operator contains of a number
import operator
operator.contains(1, 1)
# > TypeError: argument of type 'int' is not iterable
# > @ line 2

# %% operator indexOf of a missing item
import operator
operator.indexOf([1, 2], 3)
# > ValueError: sequence.index(x): x not in sequence
# > @ line 2

# %% operator getitem setitem delitem
import operator
d = {"a": 1, "b": 2}
l = [1, 2, 3]
operator.setitem(d, "c", 3)
operator.setitem(l, 0, 10)
operator.delitem(d, "a")
operator.delitem(l, 1)
(d, l, operator.getitem(d, "b"), operator.getitem(l, -1), operator.getitem("abc", 1))
# > ({'b': 2, 'c': 3}, [10, 3], 2, 3, 'b')

# %% operator getitem out of range
import operator
operator.getitem([1], 5)
# > IndexError: list index out of range
# > @ line 2

# %% operator getitem of a missing key
import operator
operator.getitem({"a": 1}, "b")
# > KeyError: 'b'
# > @ line 2

# %% operator in-place forms
import operator
a = [1, 2]
b = operator.iadd(a, [3])
(a, b is a, operator.iadd(1, 2), operator.isub(5, 1), operator.imul(2, 3), operator.itruediv(1, 4), operator.ifloordiv(9, 2), operator.imod(9, 4), operator.ipow(3, 2), operator.iand(6, 3), operator.ior(6, 3), operator.ixor(6, 3), operator.ilshift(1, 3), operator.irshift(8, 3), operator.iconcat("a", "b"))
# > ([1, 2, 3], True, 3, 4, 6, 0.25, 4, 1, 9, 2, 7, 5, 8, 1, 'ab')

# %% operator index and length_hint
import operator
(operator.index(7), operator.index(True), operator.length_hint([1, 2, 3]), operator.length_hint(5, 10))
# > (7, 1, 3, 10)

# %% operator index of a float
import operator
operator.index(3.0)
# > TypeError: 'float' object cannot be interpreted as an integer
# > @ line 2

# %% operator call
import operator
operator.call(max, 3, 9, 4)
# > 9

# %% operator reduce with add and mul
import operator
import functools
(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(operator.mul, range(1, 6)))
# > (10, 120)

# %% operator as a map function
import operator
list(map(operator.mul, [1, 2, 3], [4, 5, 6]))
# > [4, 10, 18]

# %% operator itemgetter
import operator
rows = [("b", 2), ("a", 3), ("c", 1)]
g = operator.itemgetter(1)
(g, sorted(rows, key=g), operator.itemgetter(0, 1)(["x", "y", "z"]), operator.itemgetter("k")({"k": 5}), operator.itemgetter(1, "a"))
# > (operator.itemgetter(1), [('c', 1), ('b', 2), ('a', 3)], ('x', 'y'), 5, operator.itemgetter(1, 'a'))

# %% operator itemgetter with no items
import operator
operator.itemgetter()
# > TypeError: itemgetter expected 1 argument, got 0
# > @ line 2

# %% operator attrgetter and methodcaller
import operator
f = operator.methodcaller("upper")
g = operator.methodcaller("split", ",")
(f("abc"), g("a,b,c"), operator.methodcaller("replace", "a", "o")("banana"), operator.methodcaller("f", 1, k=2), operator.attrgetter("real"), operator.attrgetter("a.b", "c"))
# > ('ABC', ['a', 'b', 'c'], 'bonono', operator.methodcaller('f', 1, k=2), operator.attrgetter('real'), operator.attrgetter('a.b', 'c'))

# %% operator attrgetter with a bad name
import operator
operator.attrgetter(1)
# > TypeError: attribute name must be a string
# > @ line 2

# %% operator add of unsupported operands
import operator
operator.add(1, "a")
# > TypeError: unsupported operand type(s) for +: 'int' and 'str'
# > @ line 2

# %% operator truediv by zero
import operator
operator.truediv(1, 0)
# > ZeroDivisionError: division by zero
# > @ line 2

# %% operator neg of a string
import operator
operator.neg("a")
# > TypeError: bad operand type for unary -: 'str'
# > @ line 2

# %% operator concat of numbers
import operator
operator.concat(1, 2)
# > TypeError: 'int' object can't be concatenated
# > @ line 2

# %% operator on numpy arrays
import operator
import numpy as np
a = np.array([1, 2, 3])
(operator.add(a, a), operator.mul(a, 2), operator.gt(a, 1), operator.neg(a))
# > (array([2, 4, 6]), array([2, 4, 6]), array([False,  True,  True]), array([-1, -2, -3]))

# %% operator on pandas series
import operator
import pandas as pd
s = pd.Series([1, 2, 3])
print(operator.add(s, s))
print(operator.eq(s, 2))
print(operator.getitem(s, 1))
# > 0    2
# > 1    4
# > 2    6
# > dtype: int64
# > 0    False
# > 1     True
# > 2    False
# > dtype: bool
# > 2
