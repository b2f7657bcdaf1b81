# The Index: a frame's row labels and column names (see gen.py).

# %% Index.tolist pandas columns
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.columns.tolist()
# > ['Date',
# >  'Carrier',
# >  'Origin',
# >  'Dest',
# >  'DepTime',
# >  'DepDelay',
# >  'ArrDelay',
# >  'Distance',
# >  'Cancelled']

# %% Index.tolist dask columns
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.columns.tolist()
# > ['Date',
# >  'Carrier',
# >  'Origin',
# >  'Dest',
# >  'DepTime',
# >  'DepDelay',
# >  'ArrDelay',
# >  'Distance',
# >  'Cancelled']

# %% Index.to_list pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.set_index('Carrier').index.to_list()
# > ['AA', 'UA', 'AA', 'DL', 'UA', 'DL', 'AA']

# %% Index.unique pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.set_index('Carrier').index.unique()
# > Index(['AA', 'UA', 'DL'], dtype='object', name='Carrier')

# %% Index.name pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.set_index('Carrier').index.name
# > 'Carrier'

# %% Index.dtype pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
print(df.index.dtype, df.columns.dtype)
# > int64 object

# %% Index.values pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.set_index('Distance').index.values
# > array([2475,  719,  762,  760, 2454,  733,  740])

# %% Index.sort_values pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.columns.sort_values()
# > Index(['ArrDelay', 'Cancelled', 'Carrier', 'Date', 'DepDelay', 'DepTime',
# >        'Dest', 'Distance', 'Origin'],
# >       dtype='object')

# %% Index.rename pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.set_index('Carrier').index.rename('airline')
# > Index(['AA', 'UA', 'AA', 'DL', 'UA', 'DL', 'AA'], dtype='object', name='airline')

# %% Index.isin pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.columns.isin(['Origin', 'Dest'])
# > array([False, False,  True,  True, False, False, False, False, False])

# %% Index.__len__ pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
print(len(df.index), len(df.columns))
# > 7 9

# %% Index.__contains__ pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
print('Origin' in df.columns, 'origin' in df.columns)
# > True False

# %% Index.__contains__ dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
print('Origin' in df.columns, 'origin' in df.columns)
# > True False

# %% Index.str pandas lower
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.columns.str.lower()
# > Index(['date', 'carrier', 'origin', 'dest', 'deptime', 'depdelay', 'arrdelay',
# >        'distance', 'cancelled'],
# >       dtype='object')

# %% Index.__getitem__ pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
print(df.columns[0], df.columns[-1])
# > Date Cancelled

# %% Index.__getitem__ pandas slice
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.columns[1:4]
# > Index(['Carrier', 'Origin', 'Dest'], dtype='object')

# %% Index.max pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
print(df.index.min(), df.index.max())
# > 0 6

# %% Index.size pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.columns.size
# > 9

# %% Index.astype pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.index.astype('float64')
# > Float64Index([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0], dtype='float64')
