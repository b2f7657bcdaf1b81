# dask.array: lazy arrays in blocks, as dask 2022.12 prints and computes
# them; dask_ml.cluster.KMeans over their blocks. Cases named [burst] are
# Burst's own output (dask-ml is not installed where the others are
# generated; their numbers were checked against dask-ml's algorithm run
# with dask and scikit-learn, testdata/daskml/gen.py).

# %% from_array: repr, shape, chunks
import numpy as np
import dask.array as da
x = da.from_array(np.arange(10), chunks=3)
print(x.shape, x.chunks, x.numblocks, x.npartitions, x.ndim)
x
# > (10,) ((3, 3, 3, 1),) (4,) 4 1
# > dask.array<array, shape=(10,), dtype=int64, chunksize=(3,), chunktype=numpy.ndarray>

# %% from_array in two dimensions
import numpy as np
import dask.array as da
a = da.from_array(np.arange(12).reshape(4, 3), chunks=2)
print(a.chunks, a.numblocks, a.chunksize)
a
# > ((2, 2), (2, 1)) (2, 2) (2, 2)
# > dask.array<array, shape=(4, 3), dtype=int64, chunksize=(2, 2), chunktype=numpy.ndarray>

# %% from_array with a chunk length per axis
import numpy as np
import dask.array as da
x = da.from_array(np.ones((6, 4)), chunks=(4, -1))
x.chunks
# > ((4, 2), (4,))

# %% from_array with explicit block lengths
import numpy as np
import dask.array as da
x = da.from_array(np.arange(7.0), chunks=((2, 5),))
x.chunks, x.compute()
# > (((2, 5),), array([0., 1., 2., 3., 4., 5., 6.]))

# %% from_array with automatic chunks
import numpy as np
import dask.array as da
da.from_array(np.zeros((100, 5))).chunks
# > ((100,), (5,))

# %% compute joins the blocks
import numpy as np
import dask.array as da
a = da.from_array(np.arange(12).reshape(4, 3), chunks=2)
a.compute()
# > array([[ 0,  1,  2],
# >        [ 3,  4,  5],
# >        [ 6,  7,  8],
# >        [ 9, 10, 11]])

# %% the type and the sizes
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
print(type(x))
x.size, x.nbytes, x.itemsize, x.dtype
# > <class 'dask.array.core.Array'>
# > (12, 96, 8, dtype('float64'))

# %% slicing rows: a block per block touched
import numpy as np
import dask.array as da
b = da.from_array(np.arange(10), chunks=3)
s = b[2:8]
print(s.chunks)
print(s)
s.compute()
# > ((1, 3, 2),)
# > dask.array<getitem, shape=(6,), dtype=int64, chunksize=(3,), chunktype=numpy.ndarray>
# > array([2, 3, 4, 5, 6, 7])

# %% slicing with a step
import numpy as np
import dask.array as da
b = da.from_array(np.arange(10), chunks=3)
b[::2].chunks, b[::2].compute(), b[1::3].compute()
# > (((2, 1, 2),), array([0, 2, 4, 6, 8]), array([1, 4, 7]))

# %% the first rows
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
x[:3].compute()
# > array([[0., 1.],
# >        [2., 3.],
# >        [4., 5.]])

# %% rows across blocks and negative bounds
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
print(x[1:5].chunks)
x[-2:].compute()
# > ((3, 1), (2,))
# > array([[ 8.,  9.],
# >        [10., 11.]])

# %% an int index
import numpy as np
import dask.array as da
b = da.from_array(np.arange(10), chunks=3)
print(b[5])
b[5].compute(), b[-1].compute()
# > dask.array<getitem, shape=(), dtype=int64, chunksize=(), chunktype=numpy.ndarray>
# > (5, 9)

# %% a column
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
print(x[:, 0].chunks)
x[:, 1].compute()
# > ((4, 2),)
# > array([ 1.,  3.,  5.,  7.,  9., 11.])

# %% a row
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
x[4].compute()
# > array([8., 9.])

# %% an index out of bounds
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
x[10]
# > IndexError: Index 10 is out of bounds for axis 0 with size 6
# > @ line 4

# %% too many indices
import numpy as np
import dask.array as da
b = da.from_array(np.arange(10), chunks=3)
b[1, 2]
# > IndexError: Too many indices for array
# > @ line 4

# %% len
import numpy as np
import dask.array as da
len(da.from_array(np.ones((7, 2)), chunks=3))
# > 7

# %% sum, mean, min and max are lazy
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
print(x.sum())
print(x.mean())
print(x.min())
x.max()
# > dask.array<sum-aggregate, shape=(), dtype=float64, chunksize=(), chunktype=numpy.ndarray>
# > dask.array<mean_agg-aggregate, shape=(), dtype=float64, chunksize=(), chunktype=numpy.ndarray>
# > dask.array<amin-aggregate, shape=(), dtype=float64, chunksize=(), chunktype=numpy.ndarray>
# > dask.array<amax-aggregate, shape=(), dtype=float64, chunksize=(), chunktype=numpy.ndarray>

# %% reductions computed
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
x.sum().compute(), x.mean().compute(), x.min().compute(), x.max().compute()
# > (66.0, 5.5, 0.0, 11.0)

# %% mean over many blocks, to the last bit
import numpy as np
import dask.array as da
rs = np.random.RandomState(0)
x = da.from_array(rs.rand(1000, 3), chunks=(50, 3))
x.mean().compute(), x.sum().compute()
# > (0.5042398877484457, 1512.7196632453372)

# %% mean along an axis
import numpy as np
import dask.array as da
rs = np.random.RandomState(1)
x = da.from_array(rs.normal(size=(1000, 3)), chunks=(40, 3))
m = x.mean(axis=0)
print(m)
m.compute()
# > dask.array<mean_agg-aggregate, shape=(3,), dtype=float64, chunksize=(3,), chunktype=numpy.ndarray>
# > array([0.01990401, 0.01041896, 0.01364638])

# %% max and min along axes
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
print(x.max(axis=0).compute(), x.min(axis=1).chunks)
x.min(axis=1).compute()
# > [10. 11.] ((4, 2),)
# > array([ 0.,  2.,  4.,  6.,  8., 10.])

# %% the sum of ints is an int
import numpy as np
import dask.array as da
b = da.from_array(np.arange(10), chunks=3)
b.sum(), b.sum().compute(), b.mean().compute()
# > (dask.array<sum-aggregate, shape=(), dtype=int64, chunksize=(), chunktype=numpy.ndarray>, 45, 4.5)

# %% concatenate
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
y = da.concatenate([x, x[:3]])
print(y.chunks)
print(y)
y[5:8].compute()
# > ((4, 2, 3), (2,))
# > dask.array<concatenate, shape=(9, 2), dtype=float64, chunksize=(4, 2), chunktype=numpy.ndarray>
# > array([[10., 11.],
# >        [ 0.,  1.],
# >        [ 2.,  3.]])

# %% concatenate along columns
import numpy as np
import dask.array as da
x = da.from_array(np.arange(6).reshape(3, 2), chunks=(2, 2))
y = da.concatenate([x, x * 10], axis=1)
y.chunks, y.compute()
# > (((2, 1), (2, 2)), array([[ 0,  1,  0, 10],
# >        [ 2,  3, 20, 30],
# >        [ 4,  5, 40, 50]]))

# %% concatenate arrays whose shapes do not align
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
da.concatenate([x, da.ones((3, 3), chunks=2)])
# > ValueError: ('Shapes do not align: %s', [(6, 2), (3, 3)])
# > @ line 4

# %% concatenate arrays of different dimensions
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
da.concatenate([x, da.from_array(np.arange(10), chunks=3)])
# > ValueError: all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)
# > @ line 4

# %% concatenate nothing
import dask.array as da
da.concatenate([])
# > ValueError: Need array(s) to concatenate
# > @ line 2

# %% concatenate along an axis that is not there
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
da.concatenate([x, x], axis=2)
# > AxisError: axis 2 is out of bounds for array of dimension 2
# > @ line 4

# %% chunks of length zero
import numpy as np
import dask.array as da
da.from_array(np.arange(4), chunks=0)
# > ZeroDivisionError: integer division or modulo by zero
# > @ line 3

# %% zeros, ones and arange
import dask.array as da
z = da.zeros((4, 3), chunks=2)
o = da.ones(5)
r = da.arange(10, chunks=4)
print(z)
print(o, o.chunks)
print(r)
z.sum().compute(), o.compute(), r.compute(), r.chunks
# > dask.array<zeros_like, shape=(4, 3), dtype=float64, chunksize=(2, 2), chunktype=numpy.ndarray>
# > dask.array<ones_like, shape=(5,), dtype=float64, chunksize=(5,), chunktype=numpy.ndarray> ((5,),)
# > dask.array<arange, shape=(10,), dtype=int64, chunksize=(4,), chunktype=numpy.ndarray>
# > (0.0, array([1., 1., 1., 1., 1.]), array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), ((4, 4, 2),))

# %% arange with floats
import dask.array as da
da.arange(0, 1, 0.25, chunks=3).compute()
# > array([0.  , 0.25, 0.5 , 0.75])

# %% arithmetic block by block
import numpy as np
import dask.array as da
x = da.from_array(np.arange(6.0).reshape(3, 2), chunks=(2, 2))
print(x + 1)
print(2 * x)
print(-x)
(x * x - x / 2).compute()
# > dask.array<add, shape=(3, 2), dtype=float64, chunksize=(2, 2), chunktype=numpy.ndarray>
# > dask.array<mul, shape=(3, 2), dtype=float64, chunksize=(2, 2), chunktype=numpy.ndarray>
# > dask.array<neg, shape=(3, 2), dtype=float64, chunksize=(2, 2), chunktype=numpy.ndarray>
# > array([[ 0. ,  0.5],
# >        [ 3. ,  7.5],
# >        [14. , 22.5]])

# %% integer arithmetic keeps ints, division makes floats
import numpy as np
import dask.array as da
b = da.from_array(np.arange(5), chunks=2)
(b * 3).dtype, (b / 2).dtype, (b // 2).compute(), (b % 3).compute(), (b ** 2).compute(), (2 ** b).compute()
# > (dtype('int64'), dtype('float64'), array([0, 0, 1, 1, 2]), array([0, 1, 2, 0, 1]), array([ 0,  1,  4,  9, 16]), array([ 1,  2,  4,  8, 16]))

# %% astype
import numpy as np
import dask.array as da
x = da.from_array(np.array([1.5, 2.7, -3.2]), chunks=2)
y = x.astype(int)
print(y)
y.compute()
# > dask.array<astype, shape=(3,), dtype=int64, chunksize=(2,), chunktype=numpy.ndarray>
# > array([ 1,  2, -3])

# %% from_delayed
import numpy as np
import dask
import dask.array as da

@dask.delayed
def block(i):
    return np.arange(4.0) + 10 * i

x = da.from_delayed(block(1), shape=(4,), dtype=float)
print(x)
x.compute()
# > dask.array<from-value, shape=(4,), dtype=float64, chunksize=(4,), chunktype=numpy.ndarray>
# > array([10., 11., 12., 13.])

# %% blocks made by delayed make_blobs, as in the lesson
import dask
import dask.array as da
from sklearn.datasets import make_blobs
ds = [dask.delayed(make_blobs)(n_samples=50, centers=3, n_features=4, random_state=i)[0] for i in range(3)]
arrays = [da.from_delayed(d, shape=(50, 4), dtype=float) for d in ds]
X = da.concatenate(arrays)
print(X)
print(X.chunks)
X[:2].compute()
# > dask.array<concatenate, shape=(150, 4), dtype=float64, chunksize=(50, 4), chunktype=numpy.ndarray>
# > ((50, 50, 50), (4,))
# > array([[10.04504576, -1.50766547,  7.99773671,  1.91442634],
# >        [ 0.39603801,  4.39839705,  0.61930319,  8.74150467]])

# %% persist keeps the name
import numpy as np
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2)) + 1
y = x.persist()
print(y)
y.sum().compute()
# > dask.array<add, shape=(6, 2), dtype=float64, chunksize=(4, 2), chunktype=numpy.ndarray>
# > 78.0

# %% dask.compute with arrays and other values
import numpy as np
import dask
import dask.array as da
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(4, 2))
b = da.from_array(np.arange(10), chunks=3)
dask.compute(x.sum(), b[:2], 5)
# > (66.0, array([0, 1]), 5)

# %% dask.persist returns a tuple
import numpy as np
import dask
import dask.array as da
b = da.from_array(np.arange(10), chunks=3)
(p,) = dask.persist(b * 2)
p[7:].compute()
# > array([14, 16, 18])

# %% dask.array is dask's attribute
import dask
import numpy as np
dask.array.from_array(np.arange(3), chunks=1).chunks
# > ((1, 1, 1),)

# %% dask_ml KMeans prints as dask-ml's [burst]
from dask_ml.cluster import KMeans
KMeans(n_clusters=12, init_max_iter=2, oversampling_factor=10, random_state=0)
# > KMeans(init_max_iter=2, n_clusters=12, oversampling_factor=10, random_state=0)

# %% dask_ml KMeans on blobs in blocks [burst]
import numpy as np
import dask.array as da
from sklearn.datasets import make_blobs
from dask_ml.cluster import KMeans
X, y = make_blobs(n_samples=3000, centers=4, n_features=3, random_state=1)
dX = da.from_array(X, chunks=500)
km = KMeans(n_clusters=4, random_state=0).fit(dX)
print(round(km.inertia_, 3), km.n_iter_, km.cluster_centers_.shape)
print(np.bincount(km.labels_.compute()), km.labels_[:8].compute())
km.labels_
# > 9050.679 2 (4, 3)
# > [749 750 751 750] [2 3 1 2 3 0 3 3]
# > dask.array<astype, shape=(3000,), dtype=int64, chunksize=(500,), chunktype=numpy.ndarray>

# %% dask_ml KMeans stuck in a local optimum, as dask-ml is [burst]
import numpy as np
import dask.array as da
from sklearn.datasets import make_blobs
from dask_ml.cluster import KMeans
X, y = make_blobs(n_samples=3000, centers=4, n_features=3, random_state=1)
km = KMeans(n_clusters=4, random_state=0, oversampling_factor=5, init_max_iter=1)
km.fit(da.from_array(X, chunks=500))
print(round(km.inertia_, 3), km.n_iter_)
np.bincount(km.labels_.compute())
# > 8334.268 11
# > array([ 382,  750, 1497,  371])

# %% dask_ml KMeans on a numpy array [burst]
import numpy as np
from sklearn.datasets import make_blobs
from dask_ml.cluster import KMeans
X, _ = make_blobs(n_samples=200, centers=3, n_features=2, random_state=5)
km = KMeans(n_clusters=3, random_state=1).fit(X)
C = km.cluster_centers_
print(round(km.inertia_, 3), km.n_iter_, np.bincount(km.labels_.compute()))
np.round(C[np.argsort(C[:, 0])], 3)
# > 314.449 3 [68 66 66]
# > array([[-5.994,  8.806],
# >        [-5.598,  7.208],
# >        [-0.198,  2.298]])

# %% dask_ml KMeans predict [burst]
import numpy as np
import dask.array as da
from sklearn.datasets import make_blobs
from dask_ml.cluster import KMeans
X, y = make_blobs(n_samples=3000, centers=4, n_features=3, random_state=1)
dX = da.from_array(X, chunks=500)
km = KMeans(n_clusters=4, random_state=0).fit(dX)
p = km.predict(dX[:6])
print(p)
p.compute()
# > dask.array<astype, shape=(6,), dtype=int64, chunksize=(6,), chunktype=numpy.ndarray>
# > array([2, 3, 1, 2, 3, 0])

# %% dask_ml KMeans before fit [burst]
from dask_ml.cluster import KMeans
KMeans().cluster_centers_
# > AttributeError: 'KMeans' object has no attribute 'cluster_centers_' (fit the estimator first: it sets the attributes ending in _)
# > @ line 2

# %% dask_ml KMeans with a 1-D array [burst]
import numpy as np
import dask.array as da
from dask_ml.cluster import KMeans
KMeans(n_clusters=2).fit(da.from_array(np.arange(10.0), chunks=5))
# > ValueError: Expected 2D array, got 1D array instead. Reshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.
# > @ line 4

# %% reductions over large blocks, to the last bit
import numpy as np
import dask.array as da
rs = np.random.RandomState(4)
x = da.from_array(rs.normal(size=(100000, 4)), chunks=(30000, 4))
i = da.from_array(rs.randint(0, 1000, size=50000), chunks=20000)
x.mean().compute(), x.sum(axis=0).compute(), x.mean(axis=1)[:2].compute(), i.mean().compute(), i.sum().compute()
# > (-0.0040486908570129135, array([-594.49328909, -367.57866908, -452.17864584, -205.22573879]), array([ 0.06205065, -0.51300259]), 499.3221, 24966105)

# %% client.persist and client.compute of an array
import numpy as np
import dask.array as da
from dask.distributed import Client
client = Client()
x = da.from_array(np.arange(12.0).reshape(6, 2), chunks=(3, 2))
y = client.persist(x)
print(y)
f = client.compute(x.sum())
print(f.result(), client.compute(x).result().shape)
(y + 1).sum().compute()
# > dask.array<array, shape=(6, 2), dtype=float64, chunksize=(3, 2), chunktype=numpy.ndarray>
# > 66.0 (6, 2)
# > 78.0
