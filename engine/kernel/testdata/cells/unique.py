# Series.unique() is a numpy array, as pandas returns it: of objects for
# strings (the Dask tutorial's "What originating airports are in the
# data?").

# %% strings: an object array
import pandas as pd
s = pd.Series(["LGA", "JFK", "LGA", "EWR"])
u = s.unique()
print(len(u), list(u), "JFK" in u, "SFO" in u, u[0], u.tolist())
print(u)
u
# > 3 ['LGA', 'JFK', 'EWR'] True False LGA ['LGA', 'JFK', 'EWR']
# > ['LGA' 'JFK' 'EWR']
# > array(['LGA', 'JFK', 'EWR'], dtype=object)

# %% numbers and bools: numeric arrays
import pandas as pd
(pd.Series([3, 1, 3]).unique(), pd.Series([1.5, 2.5, 1.5]).unique(), pd.Series([True, True]).unique())
# > (array([3, 1]), array([1.5, 2.5]), array([ True]))

# %% many strings wrap as numpy wraps them
import pandas as pd
pd.Series(["airport_%d" % (i % 20) for i in range(100)]).unique()
# > array(['airport_0', 'airport_1', 'airport_2', 'airport_3', 'airport_4',
# >        'airport_5', 'airport_6', 'airport_7', 'airport_8', 'airport_9',
# >        'airport_10', 'airport_11', 'airport_12', 'airport_13',
# >        'airport_14', 'airport_15', 'airport_16', 'airport_17',
# >        'airport_18', 'airport_19'], dtype=object)
