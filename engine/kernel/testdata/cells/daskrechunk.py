# dask.array's rechunk: Dask's chunks (auto sizing from the present
# blocks included) and the same values in the new blocks.

# %% auto on one axis, sized from the present blocks
import dask.array as da
x = da.random.random((1000, 1000, 1000))
y = x.rechunk({0: -1, 1: 100, 2: "auto"})
print(y.chunks[2], y.name.split("-")[:2])
y
# > (167, 167, 167, 167, 167, 165) ['rechunk', 'merge']
# > dask.array<rechunk-merge, shape=(1000, 1000, 1000), dtype=float64, chunksize=(1000, 100, 167), chunktype=numpy.ndarray>

# %% tuples, ints and dicts of axes
import dask.array as da
x = da.random.random((1000, 1000, 1000))
print(x.rechunk((500, 250, 1000)).chunks)
(x.rechunk(100).chunksize, x.rechunk({1: 300}).chunks[1])
# > ((500, 500), (250, 250, 250, 250), (1000,))
# > ((100, 100, 100), (300, 300, 300, 100))

# %% values survive the new blocks
import dask.array as da
import numpy as np
a = np.arange(24 * 10).reshape(24, 10)
d = da.from_array(a, chunks=(5, 3))
r = d.rechunk((7, 4))
print(r.chunks, bool((r.compute() == a).all()), int(r.sum().compute()))
print(d.rechunk({0: -1}).chunks, bool((d.rechunk({0: -1, 1: -1}).compute() == a).all()))
d.rechunk((5, 3)) is d
# > ((7, 7, 7, 3), (4, 4, 2)) True 28680
# > ((24,), (3, 3, 3, 1)) True
# > True
