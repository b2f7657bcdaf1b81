# numpy: arrays, indexing, broadcasting, reductions and their reprs, as
# numpy 1.24 prints them. Cases marked [burst] have output only Burst
# gives (a message where numpy's has trailing space, a missing module).

# %% array from a list of ints
import numpy as np
np.array([1, 2, 3])
# > array([1, 2, 3])

# %% array of floats and its str
import numpy as np
a = np.array([[1.2, -0.3], [0.5, 2.0]])
print(a)
a
# > [[ 1.2 -0.3]
# >  [ 0.5  2. ]]
# > array([[ 1.2, -0.3],
# >        [ 0.5,  2. ]])

# %% mixed ints and floats become float64
import numpy as np
np.array([1, 2.5, 3])
# > array([1. , 2.5, 3. ])

# %% bools and ints become int64
import numpy as np
np.array([True, 2, False])
# > array([1, 2, 0])

# %% bool arrays
import numpy as np
b = np.array([True, False, True])
print(b)
b
# > [ True False  True]
# > array([ True, False,  True])

# %% empty arrays show their dtype
import numpy as np
np.array([]), np.zeros((0, 3)), np.array([], dtype=int)
# > (array([], dtype=float64), array([], shape=(0, 3), dtype=float64), array([], dtype=int64))

# %% zeros, ones, full, empty
import numpy as np
print(np.zeros(3))
print(np.ones((2, 3), dtype=int))
print(np.full((2, 2), 7))
print(np.full(3, 0.5))
np.empty((2, 2)).shape
# > [0. 0. 0.]
# > [[1 1 1]
# >  [1 1 1]]
# > [[7 7]
# >  [7 7]]
# > [0.5 0.5 0.5]
# > (2, 2)

# %% arange and its length rule
import numpy as np
print(np.arange(5))
print(np.arange(2, 10, 3))
print(np.arange(0.0, 1.0, 0.1))
print(np.arange(1, 2, 0.3))
np.arange(10, 0, -2.5)
# > [0 1 2 3 4]
# > [2 5 8]
# > [0.  0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9]
# > [1.  1.3 1.6 1.9]
# > array([10. ,  7.5,  5. ,  2.5])

# %% linspace
import numpy as np
print(np.linspace(0, 1, 5))
print(np.linspace(0, 1, 4, endpoint=False))
np.linspace(-2.5, 7.1, 7)
# > [0.   0.25 0.5  0.75 1.  ]
# > [0.   0.25 0.5  0.75]
# > array([-2.5, -0.9,  0.7,  2.3,  3.9,  5.5,  7.1])

# %% zeros_like, ones_like and eye
import numpy as np
a = np.arange(6).reshape(2, 3)
print(np.zeros_like(a))
print(np.ones_like(a, dtype=float))
np.eye(3)
# > [[0 0 0]
# >  [0 0 0]]
# > [[1. 1. 1.]
# >  [1. 1. 1.]]
# > array([[1., 0., 0.],
# >        [0., 1., 0.],
# >        [0., 0., 1.]])

# %% shape, ndim, size, dtype, len
import numpy as np
X = np.arange(12.0).reshape(3, 4)
print(X.shape, X.ndim, X.size, len(X))
print(X.dtype)
X.dtype
# > (3, 4) 2 12 3
# > float64
# > dtype('float64')

# %% dtype comparisons and type
import numpy as np
a = np.arange(3)
print(a.dtype == np.int64, a.dtype == "int64", a.dtype == float)
print(type(a))
isinstance(a, np.ndarray)
# > True True False
# > <class 'numpy.ndarray'>
# > True

# %% floats that need scientific notation
import numpy as np
print(np.array([1e-5, 1.0]))
print(np.array([1e8, 1.5]))
np.array([0.001, 1000.0, 123456.0])
# > [1.e-05 1.e+00]
# > [1.0e+08 1.5e+00]
# > array([1.00000e-03, 1.00000e+03, 1.23456e+05])

# %% small numbers alone stay positional
import numpy as np
np.array([0.0001, 0.0002])
# > array([0.0001, 0.0002])

# %% nan and inf
import numpy as np
np.array([1.5, np.nan, -np.inf, 2.25])
# > array([1.5 ,  nan, -inf, 2.25])

# %% only nan and inf
import numpy as np
print(np.array([np.nan, np.inf]))
np.array([np.nan, -np.inf])
# > [nan inf]
# > array([ nan, -inf])

# %% eight digits at most
import numpy as np
np.array([1 / 3, 2 / 3, 1.0])
# > array([0.33333333, 0.66666667, 1.        ])

# %% negative zero and integers as floats
import numpy as np
np.array([-0.0, 1.0, -2.0])
# > array([-0.,  1., -2.])

# %% ints of mixed widths
import numpy as np
np.array([[1, -200], [30000, 4]])
# > array([[    1,  -200],
# >        [30000,     4]])

# %% large int64 values
import numpy as np
np.array([9223372036854775807, -9223372036854775807])
# > array([ 9223372036854775807, -9223372036854775807])

# %% long arrays wrap at 75 columns
import numpy as np
np.arange(30) * 1000
# > array([    0,  1000,  2000,  3000,  4000,  5000,  6000,  7000,  8000,
# >         9000, 10000, 11000, 12000, 13000, 14000, 15000, 16000, 17000,
# >        18000, 19000, 20000, 21000, 22000, 23000, 24000, 25000, 26000,
# >        27000, 28000, 29000])

# %% long float arrays wrap
import numpy as np
print(np.linspace(0, 1, 13))
np.linspace(0, 1, 13)
# > [0.         0.08333333 0.16666667 0.25       0.33333333 0.41666667
# >  0.5        0.58333333 0.66666667 0.75       0.83333333 0.91666667
# >  1.        ]
# > array([0.        , 0.08333333, 0.16666667, 0.25      , 0.33333333,
# >        0.41666667, 0.5       , 0.58333333, 0.66666667, 0.75      ,
# >        0.83333333, 0.91666667, 1.        ])

# %% more than 1000 elements are summarised
import numpy as np
a = np.arange(2000)
print(a)
a
# > [   0    1    2 ... 1997 1998 1999]
# > array([   0,    1,    2, ..., 1997, 1998, 1999])

# %% a summarised matrix
import numpy as np
np.arange(5000.0).reshape(100, 50) / 7
# > array([[0.00000000e+00, 1.42857143e-01, 2.85714286e-01, ...,
# >         6.71428571e+00, 6.85714286e+00, 7.00000000e+00],
# >        [7.14285714e+00, 7.28571429e+00, 7.42857143e+00, ...,
# >         1.38571429e+01, 1.40000000e+01, 1.41428571e+01],
# >        [1.42857143e+01, 1.44285714e+01, 1.45714286e+01, ...,
# >         2.10000000e+01, 2.11428571e+01, 2.12857143e+01],
# >        ...,
# >        [6.92857143e+02, 6.93000000e+02, 6.93142857e+02, ...,
# >         6.99571429e+02, 6.99714286e+02, 6.99857143e+02],
# >        [7.00000000e+02, 7.00142857e+02, 7.00285714e+02, ...,
# >         7.06714286e+02, 7.06857143e+02, 7.07000000e+02],
# >        [7.07142857e+02, 7.07285714e+02, 7.07428571e+02, ...,
# >         7.13857143e+02, 7.14000000e+02, 7.14142857e+02]])

# %% a three-dimensional array
import numpy as np
np.arange(24).reshape(2, 3, 4)
# > array([[[ 0,  1,  2,  3],
# >         [ 4,  5,  6,  7],
# >         [ 8,  9, 10, 11]],
# >
# >        [[12, 13, 14, 15],
# >         [16, 17, 18, 19],
# >         [20, 21, 22, 23]]])

# %% scalars from reductions print as Python's
import numpy as np
a = np.array([1.5, 2.5, 4.0])
print(a.sum(), a.mean(), a.max())
a.sum(), a.argmax(), (a > 2).sum(), (a > 2).any()
# > 8.0 2.6666666666666665 4.0
# > (8.0, 2, 2, True)

# %% integer indexing and negative indexes
import numpy as np
a = np.array([10, 20, 30, 40])
a[0], a[-1], a[2]
# > (10, 40, 30)

# %% slices with steps
import numpy as np
X = np.arange(20)
print(X[:8])
print(X[2:10:2])
print(X[::-3])
X[15:]
# > [0 1 2 3 4 5 6 7]
# > [2 4 6 8]
# > [19 16 13 10  7  4  1]
# > array([15, 16, 17, 18, 19])

# %% tuple indexes
import numpy as np
X = np.arange(12).reshape(3, 4)
print(X[0, 1], X[-1, -1])
print(X[:, 0])
print(X[1:3, :2])
X[1]
# > 1 11
# > [0 4 8]
# > [[4 5]
# >  [8 9]]
# > array([4, 5, 6, 7])

# %% columns and rows of a matrix
import numpy as np
X = np.arange(12.0).reshape(4, 3)
print(X[:, 1:])
X[::2, ::-1]
# > [[ 1.  2.]
# >  [ 4.  5.]
# >  [ 7.  8.]
# >  [10. 11.]]
# > array([[2., 1., 0.],
# >        [8., 7., 6.]])

# %% boolean masks select rows
import numpy as np
X = np.array([[1.0, 2.0], [1.5, 1.8], [5.0, 8.0], [8.0, 8.0]])
y = np.array([0, 0, 1, 1])
print(X[y == 1])
X[y == 0].mean(axis=0)
# > [[5. 8.]
# >  [8. 8.]]
# > array([1.25, 1.9 ])

# %% a mask on a vector
import numpy as np
a = np.array([3, -1, 4, -1, 5])
a[a > 0]
# > array([3, 4, 5])

# %% fancy indexing with integer arrays
import numpy as np
X = np.arange(10, 22).reshape(4, 3)
print(X[[0, 2]])
print(X[np.array([3, 3, 1])])
X[[0, 1], [2, 0]]
# > [[10 11 12]
# >  [16 17 18]]
# > [[19 20 21]
# >  [19 20 21]
# >  [13 14 15]]
# > array([12, 13])

# %% item assignment of a row
import numpy as np
centers = np.zeros((2, 3))
centers[1] = [1.5, 2.5, 3.5]
centers[0, 2] = 9
centers
# > array([[0. , 0. , 9. ],
# >        [1.5, 2.5, 3.5]])

# %% assignment through a mask
import numpy as np
a = np.array([3.0, -1.0, 4.0, -2.0])
a[a < 0] = 0
a
# > array([3., 0., 4., 0.])

# %% slice assignment
import numpy as np
a = np.arange(8)
a[2:5] = 0
a[::3] = -1
a
# > array([-1,  1,  0, -1,  0,  5, -1,  7])

# %% column assignment
import numpy as np
X = np.zeros((3, 2))
X[:, 0] = [1, 2, 3]
X[:, 1] += 10
X
# > array([[ 1., 10.],
# >        [ 2., 10.],
# >        [ 3., 10.]])

# %% kmeans-style centers
import numpy as np
X = np.array([[1.0, 2.0], [1.5, 1.8], [5.0, 8.0], [8.0, 8.0], [1.0, 0.6], [9.0, 11.0]])
labels = np.array([0, 0, 1, 1, 0, 1])
centers = np.zeros((2, 2))
for i in range(2):
    centers[i] = X[labels == i].mean(axis=0)
centers
# > array([[1.16666667, 1.46666667],
# >        [7.33333333, 9.        ]])

# %% rows and runs of rows are views
import numpy as np
X = np.zeros((3, 2))
row = X[1]
row[0] = 5
top = X[:2]
top[0, 1] = 7
X
# > array([[0., 7.],
# >        [5., 0.],
# >        [0., 0.]])

# %% arithmetic with scalars
import numpy as np
a = np.array([1, 2, 3, 4])
print(a + 1, a * 2, a - 0.5)
print(10 - a, 1 / a, 2 ** a)
a / 2
# > [2 3 4 5] [2 4 6 8] [0.5 1.5 2.5 3.5]
# > [9 8 7 6] [1.         0.5        0.33333333 0.25      ] [ 2  4  8 16]
# > array([0.5, 1. , 1.5, 2. ])

# %% integer division and modulo
import numpy as np
a = np.array([-7, -3, 0, 3, 7])
print(a // 2, a % 3)
print(a.astype(float) // 2, a.astype(float) % -3)
a / 2
# > [-4 -2  0  1  3] [2 0 0 0 1]
# > [-4. -2.  0.  1.  3.] [-1. -0. -0. -0. -2.]
# > array([-3.5, -1.5,  0. ,  1.5,  3.5])

# %% powers
import numpy as np
a = np.array([1.5, 2.0, -3.0])
print(a ** 2, np.array([2, 3]) ** 3)
np.abs(a) ** 0.5
# > [2.25 4.   9.  ] [ 8 27]
# > array([1.22474487, 1.41421356, 1.73205081])

# %% broadcasting a row against a matrix
import numpy as np
X = np.arange(6).reshape(2, 3)
X + np.array([10, 20, 30])
# > array([[10, 21, 32],
# >        [13, 24, 35]])

# %% broadcasting a column
import numpy as np
X = np.arange(6.0).reshape(2, 3)
X - X.mean(axis=1).reshape(-1, 1)
# > array([[-1.,  0.,  1.],
# >        [-1.,  0.,  1.]])

# %% centering columns
import numpy as np
X = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 60.0]])
(X - X.mean(axis=0)) / X.std(axis=0)
# > array([[-1.22474487, -0.9258201 ],
# >        [ 0.        , -0.46291005],
# >        [ 1.22474487,  1.38873015]])

# %% bools promote to ints
import numpy as np
b = np.array([True, False, True])
print(b + 1, b * 2.5)
print(b + b, b * b)
b.sum()
# > [2 1 2] [2.5 0.  2.5]
# > [ True False  True] [ True False  True]
# > 2

# %% int64 overflow wraps
import numpy as np
np.array([9223372036854775807]) + 1
# > array([-9223372036854775808])

# %% unary minus and abs
import numpy as np
a = np.array([-1.5, 0.0, 2.0])
print(-a)
print(abs(a), np.abs(np.array([-3, 4])))
-np.arange(3)
# > [ 1.5 -0.  -2. ]
# > [1.5 0.  2. ] [3 4]
# > array([ 0, -1, -2])

# %% comparisons give masks
import numpy as np
a = np.array([1, 5, 3])
print(a > 2, a == 3, a != 3)
print(a <= np.array([1, 4, 3]))
(a >= 3) & (a < 5)
# > [False  True  True] [False False  True] [ True  True False]
# > [ True False  True]
# > array([False, False,  True])

# %% or, not and xor of masks
import numpy as np
a = np.arange(6)
print((a < 2) | (a > 4))
print(~(a < 2))
(a > 1) ^ (a > 3)
# > [ True  True False False False  True]
# > [False False  True  True  True  True]
# > array([False, False,  True,  True, False, False])

# %% reductions along axes
import numpy as np
X = np.arange(12.0).reshape(3, 4)
print(X.sum(), X.sum(axis=0), X.sum(axis=1))
print(X.mean(axis=0), X.min(axis=1), X.max(axis=-1))
print(X.argmin(axis=0), X.argmax(axis=1), X.argmax())
X.prod(axis=0)
# > 66.0 [12. 15. 18. 21.] [ 6. 22. 38.]
# > [4. 5. 6. 7.] [0. 4. 8.] [ 3.  7. 11.]
# > [0 0 0 0] [3 3 3] 11
# > array([  0.,  45., 120., 231.])

# %% std and var
import numpy as np
X = np.array([[1.0, 2.0, 4.0], [2.0, 3.0, 9.0]])
print(X.std(), X.var(), X.std(ddof=1))
print(X.std(axis=0), X.var(axis=1))
np.std([1, 2, 3, 4])
# > 2.6299556396765835 6.916666666666667 2.8809720581775866
# > [0.5 0.5 2.5] [1.55555556 9.55555556]
# > 1.118033988749895

# %% means are pairwise sums, bit for bit
import numpy as np
a = np.arange(1, 100001) / 7
print(a.sum(), a.mean())
b = np.linspace(0, 1, 20001) ** 2
b.sum(), b.mean(), b.std()
# > 714292857.1428571 7142.928571428571
# > (6667.166675, 0.3333416666666667, 0.2981582354174006)

# %% keepdims
import numpy as np
X = np.arange(6.0).reshape(2, 3)
X.sum(axis=1, keepdims=True)
# > array([[ 3.],
# >        [12.]])

# %% any and all
import numpy as np
X = np.array([[0, 1], [0, 0]])
print(X.any(), X.all(), X.any(axis=0), X.any(axis=1))
np.all(X >= 0)
# > True False [False  True] [ True False]
# > True

# %% module reductions of lists
import numpy as np
np.sum([1, 2, 3]), np.mean([1, 2, 3, 4]), np.max([3.5, 1.0]), np.min([[1, 2], [0, 5]], axis=0)
# > (6, 2.5, 3.5, array([0, 2]))

# %% median
import numpy as np
np.median([3, 1, 4, 1, 5]), np.median([3.0, 1.0, 4.0, 2.0]), np.median(np.arange(6).reshape(2, 3), axis=1)
# > (3.0, 2.5, array([1., 4.]))

# %% cumsum
import numpy as np
np.cumsum([1, 2, 3, 4]), np.arange(6).reshape(2, 3).cumsum(axis=0)
# > (array([ 1,  3,  6, 10]), array([[0, 1, 2],
# >        [3, 5, 7]]))

# %% reshape with -1, ravel, flatten, transpose
import numpy as np
a = np.arange(6)
X = a.reshape(-1, 2)
print(X)
print(X.T)
print(X.ravel(), X.flatten())
X.reshape(2, -1), np.transpose(X).shape
# > [[0 1]
# >  [2 3]
# >  [4 5]]
# > [[0 2 4]
# >  [1 3 5]]
# > [0 1 2 3 4 5] [0 1 2 3 4 5]
# > (array([[0, 1, 2],
# >        [3, 4, 5]]), (2, 3))

# %% astype and copy
import numpy as np
a = np.array([1.7, -2.7, 0.0])
b = a.copy()
b[0] = 100
print(a.astype(int), a.astype(bool))
a, b
# > [ 1 -2  0] [ True  True False]
# > (array([ 1.7, -2.7,  0. ]), array([100. ,  -2.7,   0. ]))

# %% tolist and Python values
import numpy as np
X = np.array([[1.5, 2.0], [3.0, 4.5]])
print(X.tolist(), list(X[0]))
float(X[0, 1]), int(X[1, 0]), sum(X[1]), X[0, 0] + 1
# > [[1.5, 2.0], [3.0, 4.5]] [1.5, 2.0]
# > (2.0, 3, 7.5, 2.5)

# %% iterating over rows
import numpy as np
X = np.arange(6).reshape(3, 2)
for row in X:
    print(row, row.sum())
# > [0 1] 1
# > [2 3] 5
# > [4 5] 9

# %% dot and @
import numpy as np
X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
w = np.array([0.5, -1.0])
print(X.dot(w))
print(X @ w)
print(np.dot(w, w))
X.T @ X
# > [-1.5 -2.5 -3.5]
# > [-1.5 -2.5 -3.5]
# > 1.25
# > array([[35., 44.],
# >        [44., 56.]])

# %% matrix products of ints
import numpy as np
A = np.arange(6).reshape(2, 3)
B = np.arange(12).reshape(3, 4)
np.dot(A, B), A @ B @ np.ones(4, dtype=int)
# > (array([[20, 23, 26, 29],
# >        [56, 68, 80, 92]]), array([ 98, 296]))

# %% concatenate, vstack, hstack
import numpy as np
a = np.array([[1, 2], [3, 4]])
b = np.array([[5, 6]])
print(np.concatenate([a, b]))
print(np.concatenate([a, a], axis=1))
print(np.vstack([a, b]))
print(np.hstack([np.array([1, 2]), np.array([3.5])]))
np.hstack([a, a])
# > [[1 2]
# >  [3 4]
# >  [5 6]]
# > [[1 2 1 2]
# >  [3 4 3 4]]
# > [[1 2]
# >  [3 4]
# >  [5 6]]
# > [1.  2.  3.5]
# > array([[1, 2, 1, 2],
# >        [3, 4, 3, 4]])

# %% unique with counts
import numpy as np
y = np.array([2, 0, 2, 1, 0, 2])
print(np.unique(y))
values, counts = np.unique(y, return_counts=True)
values, counts
# > [0 1 2]
# > (array([0, 1, 2]), array([2, 1, 3]))

# %% unique of floats and their inverse
import numpy as np
np.unique([1.5, np.nan, 0.5, 1.5, np.nan], return_inverse=True)
# > (array([0.5, 1.5, nan]), array([1, 2, 0, 1, 2]))

# %% bincount
import numpy as np
print(np.bincount(np.array([0, 1, 1, 3])))
print(np.bincount([2, 2, 0], minlength=5))
np.bincount([0, 1, 1], weights=[0.5, 1.0, 2.0])
# > [1 2 0 1]
# > [1 0 2 0 0]
# > array([0.5, 3. ])

# %% where
import numpy as np
a = np.array([-2, 3, -1, 4])
print(np.where(a > 0, a, 0))
print(np.where(a > 0, 1.0, -1.0))
np.where(a > 0)
# > [0 3 0 4]
# > [-1.  1. -1.  1.]
# > (array([1, 3]),)

# %% sqrt, exp and log
import numpy as np
print(np.sqrt(np.array([1, 4, 9, 2])))
print(np.exp(np.array([0.0, 1.0, -1.0])))
print(np.log(np.array([1.0, np.e, 10.0])))
np.sqrt(16), np.exp(0), np.log(1)
# > [1.         2.         3.         1.41421356]
# > [1.         2.71828183 0.36787944]
# > [0.         1.         2.30258509]
# > (4.0, 1.0, 0.0)

# %% floor, ceil, round, clip, sign
import numpy as np
a = np.array([-1.5, -0.5, 0.5, 1.5, 2.567])
print(np.floor(a), np.ceil(a))
print(np.round(a), a.round(1))
print(np.clip(a, -1, 1), np.sign(a))
np.maximum(a, 0), np.minimum(a, 0)
# > [-2. -1.  0.  1.  2.] [-1. -0.  1.  2.  3.]
# > [-2. -0.  0.  2.  3.] [-1.5 -0.5  0.5  1.5  2.6]
# > [-1.  -0.5  0.5  1.   1. ] [-1. -1.  1.  1.  1.]
# > (array([0.   , 0.   , 0.5  , 1.5  , 2.567]), array([-1.5, -0.5,  0. ,  0. ,  0. ]))

# %% argsort and sort
import numpy as np
a = np.array([3, 1, 2, 1, 3, 1, 0, 2, 0, 1, 2, 3, 1, 0, 2, 1, 0])
print(np.argsort(a))
print(np.sort(a))
b = np.array([2.5, np.nan, -1.0, 0.5])
print(np.sort(b), b.argsort())
X = np.array([[3, 1, 2], [9, 7, 8]])
X.sort()
X
# > [ 8 13  6 16  5 15  9 12  1  3  2  7 10 14  4 11  0]
# > [0 0 0 0 1 1 1 1 1 1 2 2 2 2 3 3 3]
# > [-1.   0.5  2.5  nan] [2 3 0 1]
# > array([[1, 2, 3],
# >        [7, 8, 9]])

# %% allclose, isclose, isnan, array_equal
import numpy as np
a = np.array([1.0, 2.0, np.nan])
print(np.allclose([1.0, 2.0], [1.0, 2.0 + 1e-9]), np.allclose(a, a), np.allclose(a, a, equal_nan=True))
print(np.isclose([1.0, 1.1], [1.0, 1.0]), np.isnan(a))
np.array_equal([1, 2], np.array([1, 2])), np.array_equal([1, 2], [1, 2, 3])
# > True False True
# > [ True False] [False False  True]
# > (True, False)

# %% norms
import numpy as np
print(np.linalg.norm(np.array([3.0, 4.0])))
X = np.array([[3.0, 4.0], [1.0, 0.0], [6.0, 8.0]])
print(np.linalg.norm(X - np.array([0.0, 0.0]), axis=1))
np.linalg.norm([1, 2, 2])
# > 5.0
# > [ 5.  1. 10.]
# > 3.0

# %% distances to centers
import numpy as np
X = np.array([[0.0, 0.0], [1.0, 1.0], [9.0, 9.0], [10.0, 8.0]])
centers = np.array([[0.5, 0.5], [9.5, 8.5]])
d = np.array([np.linalg.norm(X - c, axis=1) for c in centers])
d.argmin(axis=0)
# > array([0, 0, 1, 1])

# %% numpy scalars and Python
import numpy as np
a = np.arange(5)
n = a.sum()
print(n + 1, n * 1.5, round(a.mean(), 2))
x = np.float64(2.5)
x, np.int64(7), max(a), min(np.array([2.5, 1.5]))
# > 11 15.0 2.0
# > (2.5, 7, 4, 1.5)

# %% f-strings of arrays and scalars
import numpy as np
a = np.array([1.25, 2.5])
print(f"{a}")
print(f"{a.mean():.2f} {a.sum()}")
str(a), repr(a)
# > [1.25 2.5 ]
# > 1.88 3.75
# > ('[1.25 2.5 ]', 'array([1.25, 2.5 ])')

# %% lists of arrays
import numpy as np
[np.array([1, 2]), np.array([0.5])]
# > [array([1, 2]), array([0.5])]

# %% arrays from arrays
import numpy as np
rows = [np.array([1, 2]), np.array([3, 4])]
np.array(rows), np.array([np.array([1.5, 2]), [3, 4]])
# > (array([[1, 2],
# >        [3, 4]]), array([[1.5, 2. ],
# >        [3. , 4. ]]))

# %% pandas values are arrays
import numpy as np
import pandas as pd
df = pd.DataFrame({"a": [1, 2, 3], "b": [0.5, 1.5, 2.5]})
print(df.values)
print(df["a"].values)
np.asarray(df["b"]) * 2
# > [[1.  0.5]
# >  [2.  1.5]
# >  [3.  2.5]]
# > [1 2 3]
# > array([1., 3., 5.])

# %% a DataFrame from arrays
import numpy as np
import pandas as pd
df = pd.DataFrame({"x": np.arange(3), "y": np.linspace(0, 1, 3)})
df
# >    x    y
# > 0  0  0.0
# > 1  1  0.5
# > 2  2  1.0

# %% arrays from range, and newaxis
import numpy as np
np.array(range(5)), np.arange(3)[None], np.arange(3)[:, None]
# > (array([0, 1, 2, 3, 4]), array([[0, 1, 2]]), array([[0],
# >        [1],
# >        [2]]))

# %% error: ragged nested lists
import numpy as np
np.array([[1, 2], [3]])
# > ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.
# > @ line 2

# %% 0-d arrays
import numpy as np
a = np.array(5)
a, a.shape, a.ndim, print(a), np.array(2.5), np.array(True)
# > 5
# > (array(5), (), 0, None, array(2.5), array(True))

# %% comparing with None and with a string
import numpy as np
a = np.arange(3)
a == None, a != "x"
# > (array([False, False, False]), True)

# %% numpy scalar arithmetic
import numpy as np
np.float64(3) + 1, np.int64(7) // 2, np.float64(1.0) / 3
# > (4.0, 3, 0.3333333333333333)

# %% axis given by position
import numpy as np
X = np.arange(6).reshape(2, 3)
np.sum(X, 0), X.max(axis=None), X.mean(1), np.mean(X, axis=0)
# > (array([3, 5, 7]), 5, array([1., 4.]), array([1.5, 2.5, 3.5]))

# %% f-strings of dtype and shape
import numpy as np
a = np.arange(3.0)
f"{a.dtype} {a.shape} {a}"
# > 'float64 (3,) [0. 1. 2.]'

# %% negative steps and bounds past the end
import numpy as np
X = np.arange(12).reshape(3, 4)
X[::-1, ::2], X[-2:, 1:-1], X[5:]
# > (array([[ 8, 10],
# >        [ 4,  6],
# >        [ 0,  2]]), array([[ 5,  6],
# >        [ 9, 10]]), array([], shape=(0, 4), dtype=int64))

# %% lists as indexes
import numpy as np
a = np.arange(4)
a[[True, False, True, False]], a[[]], a[[-1, 0]]
# > (array([0, 2]), array([], dtype=int64), array([3, 0]))

# %% where with scalars
import numpy as np
np.where([True, False], 1, 2.5)
# > array([1. , 2.5])

# %% assignment converts to the dtype
import numpy as np
a = np.arange(4)
a[-1] = 9.7
a[0] = True
a
# > array([1, 1, 2, 9])

# %% mean of an empty array is nan
import numpy as np
np.array([]).mean()
# > nan

# %% division by zero
import numpy as np
np.array([1, 2]) // 0, np.array([1.0, -1.0, 0.0]) / 0
# > (array([0, 0]), array([ inf, -inf,  nan]))

# %% an array from a tuple of arrays
import numpy as np
np.array((np.arange(2), np.arange(2) + 5))
# > array([[0, 1],
# >        [5, 6]])

# %% concatenating lists
import numpy as np
np.concatenate([[1, 2], [3.5]]), np.concatenate(([1], [2]), axis=None)
# > (array([1. , 2. , 3.5]), array([1, 2]))

# %% @ of vectors
import numpy as np
np.arange(3) @ np.arange(3), np.arange(3.0) @ np.arange(6.0).reshape(3, 2)
# > (5, array([10., 13.]))

# %% statistics of ints
import numpy as np
a = np.array([1, 2, 3, 4, 5, 6, 7])
a.mean(), a.std(), a.var(), np.median(a), a.sum(), a.prod()
# > (4.0, 2.0, 4.0, 4.0, 28, 5040)

# %% argmax and argmin take the first of ties
import numpy as np
X = np.array([[1, 5, 5], [5, 1, 5]])
X.argmax(axis=0), X.argmin(axis=1), X.argmax()
# > (array([1, 0, 0]), array([0, 1]), 1)

# %% sorting in descending order
import numpy as np
a = np.array([3, 1, 2])
np.sort(a)[::-1], np.argsort(-a)
# > (array([3, 2, 1]), array([0, 2, 1]))

# %% unique with first positions
import numpy as np
np.unique([3, 1, 3, 2, 1], return_index=True, return_counts=True)
# > (array([1, 2, 3]), array([1, 3, 0]), array([2, 1, 2]))

# %% truth of scalars and empty selections
import numpy as np
a = np.arange(5)
bool(a[0] < a[1]), a.any() and a.all(), len(a[a > 10])
# > (True, False, 0)

# %% reshape with a tuple
import numpy as np
np.arange(6).reshape((3, 2)).T, np.reshape(np.arange(4), (2, 2))
# > (array([[0, 2, 4],
# >        [1, 3, 5]]), array([[0, 1],
# >        [2, 3]]))

# %% round of scalars and halves
import numpy as np
np.round(2.567, 2), np.round(np.array([1.005, 2.675]), 2), round(np.float64(2.5))
# > (2.57, array([1.  , 2.68]), 2)

# %% vstack of lists and stack along axis 1
import numpy as np
np.vstack([[1, 2], [3, 4]]), np.stack([np.arange(2), np.arange(2)], axis=1)
# > (array([[1, 2],
# >        [3, 4]]), array([[0, 0],
# >        [1, 1]]))

# %% column_stack
import numpy as np
np.column_stack([np.arange(3), np.arange(3) * 2.0])
# > array([[0., 0.],
# >        [1., 2.],
# >        [2., 4.]])

# %% printing 0-d arrays and lists of scalars
import numpy as np
print(np.array(1.5), [np.float64(1.5)], np.arange(3).tolist())
# > 1.5 [1.5] [0, 1, 2]

# %% more float formatting
import numpy as np
np.array([1e-300, 1.0]), np.array([123456789.123]), np.array([0.5, 1e7]), np.array([-1e-5])
# > (array([1.e-300, 1.e+000]), array([1.23456789e+08]), array([5.e-01, 1.e+07]), array([-1.e-05]))

# %% str of a wide matrix wraps rows
import numpy as np
print(np.arange(40.0).reshape(2, 20) * 1.5)
# > [[ 0.   1.5  3.   4.5  6.   7.5  9.  10.5 12.  13.5 15.  16.5 18.  19.5
# >   21.  22.5 24.  25.5 27.  28.5]
# >  [30.  31.5 33.  34.5 36.  37.5 39.  40.5 42.  43.5 45.  46.5 48.  49.5
# >   51.  52.5 54.  55.5 57.  58.5]]

# %% 0-d arrays broadcast
import numpy as np
np.array(3) + np.array([1, 2]), np.array(2.0) * 3
# > (array([4, 5]), 6.0)

# %% float and int of one-element arrays
import numpy as np
float(np.array([2.5])), int(np.array([3]))
# > (2.5, 3)

# %% isinstance with numpy's types
import numpy as np
a = np.arange(3)
isinstance(a, np.ndarray), isinstance(a.sum(), np.int64), isinstance(a.mean(), np.float64), isinstance(a[0] > 1, np.bool_), isinstance(a, list)
# > (True, True, True, True, False)

# %% a DataFrame from a matrix
import numpy as np
import pandas as pd
X = np.arange(6.0).reshape(3, 2)
df = pd.DataFrame(X, columns=["a", "b"])
print(df)
print(pd.DataFrame(np.array([[1, 2], [3, 4]])))
df.values
# >      a    b
# > 0  0.0  1.0
# > 1  2.0  3.0
# > 2  4.0  5.0
# >    0  1
# > 0  1  2
# > 1  3  4
# > array([[0., 1.],
# >        [2., 3.],
# >        [4., 5.]])

# %% error: index out of bounds
import numpy as np
a = np.array([1, 2, 3])
a[10]
# > IndexError: index 10 is out of bounds for axis 0 with size 3
# > @ line 3

# %% error: index out of bounds on axis 1
import numpy as np
X = np.zeros((2, 3))
X[0, 3]
# > IndexError: index 3 is out of bounds for axis 1 with size 3
# > @ line 3

# %% error: too many indices
import numpy as np
a = np.arange(3)
a[0, 1]
# > IndexError: too many indices for array: array is 1-dimensional, but 2 were indexed
# > @ line 3

# %% error: mask of the wrong length
import numpy as np
a = np.arange(3)
a[np.array([True, False])]
# > IndexError: boolean index did not match indexed array along dimension 0; dimension is 3 but corresponding boolean dimension is 2
# > @ line 3

# %% error: shapes that do not broadcast [burst]
import numpy as np
np.array([1, 2, 3]) + np.array([1, 2, 3, 4])
# > ~ValueError: operands could not be broadcast together with shapes \(3,\) \(4,\) ?
# > @ line 2

# %% error: a matrix and a row that do not broadcast [burst]
import numpy as np
X = np.zeros((2, 3))
X * np.ones(2)
# > ~ValueError: operands could not be broadcast together with shapes \(2,3\) \(2,\) ?
# > @ line 3

# %% error: reshape to the wrong size
import numpy as np
np.arange(6).reshape(4, 2)
# > ValueError: cannot reshape array of size 6 into shape (4,2)
# > @ line 2

# %% error: reshape with -1 that does not divide
import numpy as np
np.arange(7).reshape(-1, 2)
# > ValueError: cannot reshape array of size 7 into shape (2)
# > @ line 2

# %% error: axis out of range
import numpy as np
np.zeros((2, 3)).sum(axis=2)
# > AxisError: axis 2 is out of bounds for array of dimension 2
# > @ line 2

# %% error: concatenate with mismatched shapes
import numpy as np
np.concatenate([np.zeros((2, 2)), np.zeros((2, 3))])
# > ValueError: all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 3
# > @ line 2

# %% error: dot of unaligned shapes
import numpy as np
np.dot(np.zeros((2, 3)), np.zeros(2))
# > ValueError: shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)
# > @ line 2

# %% error: @ of unaligned shapes
import numpy as np
np.zeros((2, 3)) @ np.zeros((2, 2))
# > ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)
# > @ line 2

# %% error: assigning a row of the wrong length
import numpy as np
X = np.zeros((2, 3))
X[0] = [1, 2]
# > ValueError: could not broadcast input array from shape (2,) into shape (3,)
# > @ line 3

# %% error: the truth value of an array [burst]
import numpy as np
a = np.array([1, 2])
if a > 1:
    print("yes")
# > ValueError: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()

# %% the truth value of one element
import numpy as np
if np.array([5]) > 1:
    print("one element is fine")
# > one element is fine

# %% error: argmax of an empty array
import numpy as np
np.array([]).argmax()
# > ValueError: attempt to get argmax of an empty sequence
# > @ line 2

# %% error: min of an empty array
import numpy as np
np.array([]).min()
# > ValueError: zero-size array to reduction operation minimum which has no identity
# > @ line 2

# %% error: negative bincount
import numpy as np
np.bincount([1, -1])
# > ValueError: 'list' argument must have no negative elements
# > @ line 2

# %% error: negative integer powers
import numpy as np
np.array([1, 2]) ** -1
# > ValueError: Integers to negative integer powers are not allowed.
# > @ line 2

# %% error: bool subtract
import numpy as np
np.array([True]) - np.array([False])
# > TypeError: numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.
# > @ line 2

# %% error: item of a long array
import numpy as np
np.arange(3).item()
# > ValueError: can only convert an array of size 1 to a Python scalar
# > @ line 2

# %% error: unknown attribute
import numpy as np
np.arange(3).foo
# > AttributeError: 'numpy.ndarray' object has no attribute 'foo'
# > @ line 2

# %% np.random.seed then rand, as numpy draws them
import numpy as np
np.random.seed(0)
np.random.rand(2, 3)
# > array([[0.5488135 , 0.71518937, 0.60276338],
# >        [0.54488318, 0.4236548 , 0.64589411]])

# %% np.random.rand without arguments is a float
import numpy as np
np.random.seed(1)
x = np.random.rand()
isinstance(x, float), x
# > (True, 0.417022004702574)

# %% np.random.randn
import numpy as np
np.random.seed(42)
np.random.randn(5)
# > array([ 0.49671415, -0.1382643 ,  0.64768854,  1.52302986, -0.23415337])

# %% np.random.randint with and without high
import numpy as np
np.random.seed(0)
print(np.random.randint(10, size=8))
print(np.random.randint(5, 15, size=(2, 3)))
np.random.randint(100)
# > [5 0 3 3 7 9 3 5]
# > [[ 7  9 12]
# >  [11 13 13]]
# > 12

# %% RandomState objects draw on their own
import numpy as np
rs = np.random.RandomState(123)
a = rs.random_sample(3)
b = np.random.RandomState(123).random_sample(3)
print(a)
(a == b).all()
# > [0.69646919 0.28613933 0.22685145]
# > True

# %% RandomState.uniform and normal
import numpy as np
rs = np.random.RandomState(7)
print(rs.uniform(-1, 1, size=4))
print(rs.normal(10, 2, size=(2, 2)))
rs.normal()
# > [-0.84738342  0.55983758 -0.12318154  0.44693036]
# > [[10.06564033 10.81503257]
# >  [ 8.42215394 10.00413115]]
# > -0.0008903858579313628

# %% np.random.random and random_sample
import numpy as np
np.random.seed(3)
print(np.random.random(3))
np.random.random_sample((2, 2))
# > [0.5507979  0.70814782 0.29090474]
# > array([[0.51082761, 0.89294695],
# >        [0.89629309, 0.12558531]])

# %% np.random.permutation of an int, an array and rows
import numpy as np
rs = np.random.RandomState(0)
print(rs.permutation(10))
print(rs.permutation(np.array([1.5, 2.5, 3.5, 4.5])))
rs.permutation(np.arange(6).reshape(3, 2))
# > [2 8 4 9 1 6 7 3 0 5]
# > [2.5 4.5 3.5 1.5]
# > array([[2, 3],
# >        [4, 5],
# >        [0, 1]])

# %% np.random.shuffle a list and an array in place
import numpy as np
rs = np.random.RandomState(0)
xs = [1, 2, 3, 4, 5, 6]
rs.shuffle(xs)
a = np.arange(10)
rs.shuffle(a)
print(xs)
a
# > [6, 3, 2, 4, 1, 5]
# > array([3, 1, 8, 7, 9, 0, 6, 4, 2, 5])

# %% np.random.choice with and without replacement
import numpy as np
rs = np.random.RandomState(5)
print(rs.choice(10, 5))
print(rs.choice(10, 5, replace=False))
print(rs.choice([10, 20, 30], size=4))
rs.choice([0.5, 1.5, 2.5], size=(2, 3), p=[0.1, 0.3, 0.6])
# > [3 6 6 0 9]
# > [5 1 9 2 0]
# > [10 20 20 10]
# > array([[2.5, 1.5, 2.5],
# >        [1.5, 1.5, 1.5]])

# %% np.random.choice of one value
import numpy as np
rs = np.random.RandomState(2)
rs.choice(7), rs.choice([10, 20, 30])
# > (0, 20)

# %% np.random.standard_normal and the cached second value
import numpy as np
rs = np.random.RandomState(9)
print(rs.standard_normal(3))
rs.randn(), rs.randn()
# > [ 1.10855471e-03 -2.89544069e-01 -1.11606630e+00]
# > (-0.012882756745794295, -0.3783614642079181)

# %% np.random.seed with a list
import numpy as np
np.random.seed([1, 2, 3])
np.random.randint(0, 1000, size=5)
# > array([606, 153, 963,  93,  69])

# %% np.random.seed out of range
import numpy as np
np.random.seed(-1)
# > ValueError: Seed must be between 0 and 2**32 - 1
# > @ line 2

# %% np.random.normal with a negative scale
import numpy as np
np.random.normal(0, -1)
# > ValueError: scale < 0
# > @ line 2

# %% np.random.randint with an empty range
import numpy as np
np.random.randint(5, 5)
# > ValueError: low >= high
# > @ line 2

# %% np.random.choice too many without replacement
import numpy as np
np.random.choice(3, 5, replace=False)
# > ValueError: Cannot take a larger sample than population when 'replace=False'
# > @ line 2

# %% np.random.choice probabilities that do not add up
import numpy as np
np.random.choice(3, p=[0.5, 0.6, 0.1])
# > ValueError: probabilities do not sum to 1
# > @ line 2

# %% np.random.choice of a 2-D array
import numpy as np
np.random.choice(np.ones((2, 2)))
# > ValueError: a must be 1-dimensional
# > @ line 2

# %% from numpy.random import RandomState
from numpy.random import RandomState
RandomState(0).randint(0, 10, size=6)
# > array([5, 0, 3, 3, 7, 9])
