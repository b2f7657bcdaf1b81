# dask.array.random: the same arrays as Dask for the same seed (each
# block drawn by numpy's RandomState seeded from the parent's words).

# %% normal with a seed, in blocks
import dask.array as da
x = da.random.RandomState(42).normal(10, 0.1, size=(6, 4), chunks=(3, 2))
print(x.chunks)
[round(v, 12) for v in x.compute().ravel().tolist()]
# > ((3, 3), (2, 2))
# > [9.868081810688,
# >  10.011348962562,
# >  9.985359206106,
# >  9.914208258779,
# >  10.124276260346,
# >  9.873141976498,
# >  9.926738842946,
# >  9.923298781202,
# >  10.227840844717,
# >  10.057524506547,
# >  10.132749808307,
# >  10.009593705203,
# >  9.926653829223,
# >  10.094366443837,
# >  9.9709273652,
# >  9.921770370382,
# >  9.924048147235,
# >  10.114318125558,
# >  9.973395260428,
# >  10.006220957502,
# >  9.928128199458,
# >  10.018945962515,
# >  9.97736925813,
# >  9.934824984849]

# %% one generator, several draws
import dask.array as da
r = da.random.RandomState(7)
print([round(v, 12) for v in r.random((5,), chunks=2).compute().tolist()])
print(r.randint(0, 10, size=7, chunks=3).compute().tolist())
print([round(v, 12) for v in r.uniform(1, 2, size=3, chunks=3).compute().tolist()])
[round(v, 12) for v in r.standard_normal(3, chunks=2).compute().tolist()]
# > [0.742768365886, 0.464113241179, 0.409216449593, 0.130728958412, 0.932834943633]
# > [1, 9, 8, 9, 7, 8, 0]
# > [1.835771433693, 1.152106509647, 1.708120751946]
# > [0.303616115646, -0.657590000268, 1.330772410956]

# %% the module's functions make lazy arrays of Dask's chunks
import dask.array as da
x = da.random.random((1000, 1000, 1000))
print(x.chunks[0][:3], x.dtype)
x
# > (255, 255, 255) float64
# > dask.array<random_sample, shape=(1000, 1000, 1000), dtype=float64, chunksize=(255, 255, 255), chunktype=numpy.ndarray>

# %% a bad scale
import dask.array as da
da.random.normal(0, -1, size=3)
# > ValueError: scale < 0
# > @ line 2
