# The functions of pandas and dask.dataframe (see gen.py).

# %% pd.Series pandas list
import pandas as pd
pd.Series([1, 3, 5, 7])
# > 0    1
# > 1    3
# > 2    5
# > 3    7
# > dtype: int64

# %% pd.Series pandas index and name
import pandas as pd
pd.Series([10.5, 20.0, 30.25], index=['a', 'b', 'c'], name='price')
# > a    10.50
# > b    20.00
# > c    30.25
# > Name: price, dtype: float64

# %% pd.Series pandas dtype
import pandas as pd
pd.Series([1, 2, 3], dtype='float64')
# > 0    1.0
# > 1    2.0
# > 2    3.0
# > dtype: float64

# %% pd.Series pandas dict
import pandas as pd
pd.Series({'JFK': 3, 'LGA': 2, 'EWR': 2})
# > JFK    3
# > LGA    2
# > EWR    2
# > dtype: int64

# %% pd.Series pandas scalar with index
import pandas as pd
pd.Series(5, index=['x', 'y', 'z'])
# > x    5
# > y    5
# > z    5
# > dtype: int64

# %% pd.Series pandas strings
import pandas as pd
import numpy as np
pd.Series(['AA', 'UA', np.nan, 'DL'])
# > 0     AA
# > 1     UA
# > 2    NaN
# > 3     DL
# > dtype: object

# %% pd.DataFrame pandas dict
import pandas as pd
pd.DataFrame({'carrier': ['AA', 'UA', 'DL'], 'flights': [120, 95, 110]})
# >   carrier  flights
# > 0      AA      120
# > 1      UA       95
# > 2      DL      110

# %% pd.DataFrame pandas dict with index
import pandas as pd
pd.DataFrame({'carrier': ['AA', 'UA', 'DL'], 'flights': [120, 95, 110]}, index=['x', 'y', 'z'])
# >   carrier  flights
# > x      AA      120
# > y      UA       95
# > z      DL      110

# %% pd.DataFrame pandas columns order
import pandas as pd
pd.DataFrame({'carrier': ['AA', 'UA'], 'flights': [120, 95], 'delay': [5.0, 7.5]}, columns=['delay', 'carrier'])
# >    delay carrier
# > 0    5.0      AA
# > 1    7.5      UA

# %% pd.DataFrame pandas list of dicts
import pandas as pd
pd.DataFrame([{'name': 'Ann', 'age': 31}, {'name': 'Bob', 'age': 27}, {'name': 'Cy', 'age': 45}])
# >   name  age
# > 0  Ann   31
# > 1  Bob   27
# > 2   Cy   45

# %% pd.DataFrame pandas list of rows
import pandas as pd
pd.DataFrame([['AA', 5.0], ['UA', -3.0], ['DL', 30.0]], columns=['carrier', 'delay'])
# >   carrier  delay
# > 0      AA    5.0
# > 1      UA   -3.0
# > 2      DL   30.0

# %% pd.DataFrame pandas scalar column
import pandas as pd
pd.DataFrame({'a': [1, 2, 3], 'b': 0.5})
# >    a    b
# > 0  1  0.5
# > 1  2  0.5
# > 2  3  0.5

# %% pd.date_range pandas periods
import pandas as pd
pd.date_range('2019-01-01', periods=5)
# > DatetimeIndex(['2019-01-01', '2019-01-02', '2019-01-03', '2019-01-04',
# >                '2019-01-05'],
# >               dtype='datetime64[ns]', freq='D')

# %% pd.date_range pandas compact
import pandas as pd
pd.date_range('20130101', periods=6)
# > DatetimeIndex(['2013-01-01', '2013-01-02', '2013-01-03', '2013-01-04',
# >                '2013-01-05', '2013-01-06'],
# >               dtype='datetime64[ns]', freq='D')

# %% pd.date_range pandas start end
import pandas as pd
pd.date_range(start='2019-01-01', end='2019-01-04')
# > DatetimeIndex(['2019-01-01', '2019-01-02', '2019-01-03', '2019-01-04'], dtype='datetime64[ns]', freq='D')

# %% pd.date_range pandas hourly
import pandas as pd
pd.date_range('2019-01-01', periods=4, freq='H')
# > DatetimeIndex(['2019-01-01 00:00:00', '2019-01-01 01:00:00',
# >                '2019-01-01 02:00:00', '2019-01-01 03:00:00'],
# >               dtype='datetime64[ns]', freq='H')

# %% pd.date_range pandas month end
import pandas as pd
pd.date_range('2019-01-01', periods=4, freq='M')
# > DatetimeIndex(['2019-01-31', '2019-02-28', '2019-03-31', '2019-04-30'], dtype='datetime64[ns]', freq='M')

# %% pd.date_range pandas month start
import pandas as pd
pd.date_range('2019-01-01', periods=3, freq='MS')
# > DatetimeIndex(['2019-01-01', '2019-02-01', '2019-03-01'], dtype='datetime64[ns]', freq='MS')

# %% pd.date_range pandas weekly
import pandas as pd
pd.date_range('2019-01-01', periods=3, freq='W')
# > DatetimeIndex(['2019-01-06', '2019-01-13', '2019-01-20'], dtype='datetime64[ns]', freq='W-SUN')

# %% pd.date_range pandas as index
import pandas as pd
pd.Series([1, 2, 3], index=pd.date_range('2019-01-01', periods=3))
# > 2019-01-01    1
# > 2019-01-02    2
# > 2019-01-03    3
# > Freq: D, dtype: int64

# %% pd.date_range pandas frame index
import pandas as pd
dates = pd.date_range('20130101', periods=3)
pd.DataFrame({'A': [1.5, 2.5, 3.5]}, index=dates)
# >               A
# > 2013-01-01  1.5
# > 2013-01-02  2.5
# > 2013-01-03  3.5

# %% pd.concat pandas rows
import pandas as pd
a = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']].head(2)
b = pd.read_csv('flights-2.csv')[['Carrier', 'DepDelay']].head(2)
pd.concat([a, b])
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 1      UA      -3.0
# > 0      WN       0.0
# > 1      AA      55.0

# %% pd.concat pandas ignore_index
import pandas as pd
a = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']].head(2)
b = pd.read_csv('flights-2.csv')[['Carrier', 'DepDelay']].head(2)
pd.concat([a, b], ignore_index=True)
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 1      UA      -3.0
# > 2      WN       0.0
# > 3      AA      55.0

# %% pd.concat pandas axis 1
import pandas as pd
df = pd.read_csv('flights-1.csv')
pd.concat([df[['Carrier']], df[['DepDelay']]], axis=1).head(3)
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 1      UA      -3.0
# > 2      AA       NaN

# %% pd.concat pandas series
import pandas as pd
pd.concat([pd.Series([1, 2]), pd.Series([3])])
# > 0    1
# > 1    2
# > 0    3
# > dtype: int64

# %% dd.concat dask
import dask.dataframe as dd
import pandas as pd
a = dd.read_csv('flights-1.csv')
b = dd.read_csv('flights-2.csv')
c = dd.concat([a, b])
print(c.npartitions)
c[['Carrier', 'DepDelay']].compute()
# > 2
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 1      UA      -3.0
# > 2      AA       NaN
# > 3      DL      30.0
# > 4      UA     -15.0
# > 5      DL     120.0
# > 6      AA       2.0
# > 0      WN       0.0
# > 1      AA      55.0
# > 2      UA       NaN
# > 3      WN       7.5
# > 4      DL      50.0
# > 5      B6      -2.0

# %% pd.merge pandas on
import pandas as pd
flights = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
airports = pd.DataFrame({'Origin': ['JFK', 'LGA', 'EWR'], 'city': ['New York', 'New York', 'Newark']})
pd.merge(flights, airports, on='Origin')
# >   Carrier Origin  DepDelay      city
# > 0      AA    JFK       5.0  New York
# > 1      DL    JFK      30.0  New York
# > 2      AA    JFK       2.0  New York
# > 3      UA    EWR      -3.0    Newark
# > 4      UA    EWR     -15.0    Newark
# > 5      AA    LGA       NaN  New York
# > 6      DL    LGA     120.0  New York

# %% pd.merge pandas how left
import pandas as pd
flights = pd.read_csv('flights-1.csv')[['Carrier', 'Dest']]
airports = pd.DataFrame({'Dest': ['LAX', 'ORD'], 'state': ['CA', 'IL']})
pd.merge(flights, airports, on='Dest', how='left')
# >   Carrier Dest state
# > 0      AA  LAX    CA
# > 1      UA  ORD    IL
# > 2      AA  ATL   NaN
# > 3      DL  ATL   NaN
# > 4      UA  LAX    CA
# > 5      DL  ORD    IL
# > 6      AA  ORD    IL

# %% pd.merge pandas how outer
import pandas as pd
left = pd.DataFrame({'key': ['a', 'b', 'c'], 'x': [1, 2, 3]})
right = pd.DataFrame({'key': ['b', 'c', 'd'], 'y': [20, 30, 40]})
pd.merge(left, right, on='key', how='outer')
# >   key    x     y
# > 0   a  1.0   NaN
# > 1   b  2.0  20.0
# > 2   c  3.0  30.0
# > 3   d  NaN  40.0

# %% pd.merge pandas how right
import pandas as pd
left = pd.DataFrame({'key': ['a', 'b', 'c'], 'x': [1, 2, 3]})
right = pd.DataFrame({'key': ['b', 'c', 'd'], 'y': [20, 30, 40]})
pd.merge(left, right, on='key', how='right')
# >   key    x   y
# > 0   b  2.0  20
# > 1   c  3.0  30
# > 2   d  NaN  40

# %% pd.merge pandas left_on right_on
import pandas as pd
left = pd.DataFrame({'code': ['JFK', 'LGA'], 'n': [3, 2]})
right = pd.DataFrame({'airport': ['LGA', 'JFK'], 'city': ['Queens', 'Queens NY']})
pd.merge(left, right, left_on='code', right_on='airport')
# >   code  n airport       city
# > 0  JFK  3     JFK  Queens NY
# > 1  LGA  2     LGA     Queens

# %% pd.merge pandas suffixes
import pandas as pd
left = pd.DataFrame({'key': ['a', 'b'], 'v': [1, 2]})
right = pd.DataFrame({'key': ['a', 'b'], 'v': [3, 4]})
pd.merge(left, right, on='key', suffixes=('_left', '_right'))
# >   key  v_left  v_right
# > 0   a       1        3
# > 1   b       2        4

# %% pd.merge pandas indicator
import pandas as pd
left = pd.DataFrame({'key': ['a', 'b', 'c'], 'x': [1, 2, 3]})
right = pd.DataFrame({'key': ['b', 'c', 'd'], 'y': [20, 30, 40]})
pd.merge(left, right, on='key', how='outer', indicator=True)
# >   key    x     y      _merge
# > 0   a  1.0   NaN   left_only
# > 1   b  2.0  20.0        both
# > 2   c  3.0  30.0        both
# > 3   d  NaN  40.0  right_only

# %% DataFrame.merge pandas
import pandas as pd
left = pd.DataFrame({'key': ['foo', 'bar'], 'lval': [1, 2]})
right = pd.DataFrame({'key': ['foo', 'bar'], 'rval': [4, 5]})
left.merge(right, on='key')
# >    key  lval  rval
# > 0  foo     1     4
# > 1  bar     2     5

# %% DataFrame.merge dask
import dask.dataframe as dd
import pandas as pd
df = dd.read_csv('flights-*.csv')
airports = pd.DataFrame({'Origin': ['JFK', 'LGA', 'EWR'], 'city': ['New York', 'New York', 'Newark']})
df[['Carrier', 'Origin']].merge(airports, on='Origin').compute()
# >   Carrier Origin      city
# > 0      AA    JFK  New York
# > 1      DL    JFK  New York
# > 2      AA    JFK  New York
# > 3      UA    EWR    Newark
# > 4      UA    EWR    Newark
# > 5      AA    LGA  New York
# > 6      DL    LGA  New York
# > 0      WN    LGA  New York
# > 1      WN    LGA  New York
# > 2      AA    JFK  New York
# > 3      DL    JFK  New York
# > 4      B6    JFK  New York
# > 5      UA    EWR    Newark

# %% pd.merge dask
import dask.dataframe as dd
import pandas as pd
df = dd.read_csv('flights-*.csv')
airports = pd.DataFrame({'Origin': ['JFK', 'LGA', 'EWR'], 'city': ['New York', 'New York', 'Newark']})
dd.merge(df[['Carrier', 'Origin']], airports, on='Origin', how='left').compute()
# >   Carrier Origin      city
# > 0      AA    JFK  New York
# > 1      UA    EWR    Newark
# > 2      AA    LGA  New York
# > 3      DL    JFK  New York
# > 4      UA    EWR    Newark
# > 5      DL    LGA  New York
# > 6      AA    JFK  New York
# > 0      WN    LGA  New York
# > 1      AA    JFK  New York
# > 2      UA    EWR    Newark
# > 3      WN    LGA  New York
# > 4      DL    JFK  New York
# > 5      B6    JFK  New York
# > 0      B6    BOS       NaN
# > 1      AS    SEA       NaN
# > 2      UA    SFO       NaN
# > 3      AA    LAX       NaN
# > 4      WN    MDW       NaN
# > 5      AS    SFO       NaN
# > 6      DL    ATL       NaN

# %% DataFrame.join pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin']]
names = pd.DataFrame({'name': ['American', 'United', 'Delta']}, index=['AA', 'UA', 'DL'])
df.join(names, on='Carrier')
# >   Carrier Origin      name
# > 0      AA    JFK  American
# > 1      UA    EWR    United
# > 2      AA    LGA  American
# > 3      DL    JFK     Delta
# > 4      UA    EWR    United
# > 5      DL    LGA     Delta
# > 6      AA    JFK  American

# %% DataFrame.join pandas index
import pandas as pd
a = pd.DataFrame({'x': [1, 2, 3]}, index=['a', 'b', 'c'])
b = pd.DataFrame({'y': [10, 30]}, index=['a', 'c'])
a.join(b)
# >    x     y
# > a  1  10.0
# > b  2   NaN
# > c  3  30.0

# %% pd.to_datetime pandas series
import pandas as pd
df = pd.read_csv('flights-1.csv')
pd.to_datetime(df.Date).head(3)
# > 0   2019-01-01
# > 1   2019-01-01
# > 2   2019-01-02
# > Name: Date, dtype: datetime64[ns]

# %% pd.to_datetime pandas format
import pandas as pd
pd.to_datetime(pd.Series(['01/02/2019', '03/04/2019']), format='%d/%m/%Y')
# > 0   2019-02-01
# > 1   2019-04-03
# > dtype: datetime64[ns]

# %% pd.to_datetime pandas scalar
import pandas as pd
pd.to_datetime('2019-03-01')
# > Timestamp('2019-03-01 00:00:00')

# %% pd.to_datetime dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
dd.to_datetime(df.Date).head(3)
# > 0   2019-01-01
# > 1   2019-01-01
# > 2   2019-01-02
# > dtype: datetime64[ns]

# %% pd.to_numeric pandas
import pandas as pd
pd.to_numeric(pd.Series(['1', '2.5', '3']))
# > 0    1.0
# > 1    2.5
# > 2    3.0
# > dtype: float64

# %% pd.to_numeric pandas coerce
import pandas as pd
pd.to_numeric(pd.Series(['1', 'x', '3']), errors='coerce')
# > 0    1.0
# > 1    NaN
# > 2    3.0
# > dtype: float64

# %% pd.isna pandas series
import pandas as pd
df = pd.read_csv('flights-1.csv')
pd.isna(df.DepDelay)
# > 0    False
# > 1    False
# > 2     True
# > 3    False
# > 4    False
# > 5    False
# > 6    False
# > Name: DepDelay, dtype: bool

# %% pd.isna pandas scalar
import pandas as pd
import numpy as np
print(pd.isna(np.nan), pd.isna(3), pd.isna(None))
# > True False True

# %% pd.notna pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
pd.notna(df.DepTime).sum()
# > 6

# %% pd.unique pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
pd.unique(df.Carrier)
# > array(['AA', 'UA', 'DL'], dtype=object)

# %% pd.cut pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
pd.cut(df.Distance, bins=[0, 1000, 3000])
# > 0    (1000, 3000]
# > 1       (0, 1000]
# > 2       (0, 1000]
# > 3       (0, 1000]
# > 4    (1000, 3000]
# > 5       (0, 1000]
# > 6       (0, 1000]
# > Name: Distance, dtype: category
# > Categories (2, interval[int64, right]): [(0, 1000] < (1000, 3000]]

# %% pd.qcut pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
pd.qcut(df.Distance, 2)
# > 0     (760.0, 2475.0]
# > 1    (718.999, 760.0]
# > 2     (760.0, 2475.0]
# > 3    (718.999, 760.0]
# > 4     (760.0, 2475.0]
# > 5    (718.999, 760.0]
# > 6    (718.999, 760.0]
# > Name: Distance, dtype: category
# > Categories (2, interval[float64, right]): [(718.999, 760.0] < (760.0, 2475.0]]

# %% dd.from_pandas dask
import dask.dataframe as dd
import pandas as pd
pdf = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
ddf = dd.from_pandas(pdf, npartitions=2)
print(ddf.npartitions)
ddf.DepDelay.sum().compute()
# > 2
# > 139.0

# %% dd.read_csv dask repr
import dask.dataframe as dd
dd.read_csv('flights-*.csv')
# > Dask DataFrame Structure:
# >                  Date Carrier  Origin    Dest  DepTime DepDelay ArrDelay Distance Cancelled
# > npartitions=3
# >                object  object  object  object  float64  float64  float64    int64     int64
# >                   ...     ...     ...     ...      ...      ...      ...      ...       ...
# >                   ...     ...     ...     ...      ...      ...      ...      ...       ...
# >                   ...     ...     ...     ...      ...      ...      ...      ...       ...
# > Dask Name: read-csv, 1 graph layer

# %% pd.read_csv pandas usecols
import pandas as pd
pd.read_csv('flights-1.csv', usecols=['Carrier', 'Distance']).head(3)
# >   Carrier  Distance
# > 0      AA      2475
# > 1      UA       719
# > 2      AA       762

# %% pd.read_csv pandas parse_dates
import pandas as pd
pd.read_csv('flights-1.csv', parse_dates=['Date']).dtypes
# > Date         datetime64[ns]
# > Carrier              object
# > Origin               object
# > Dest                 object
# > DepTime             float64
# > DepDelay            float64
# > ArrDelay            float64
# > Distance              int64
# > Cancelled             int64
# > dtype: object

# %% pd.date_range pandas series index freq kept
import pandas as pd
s = pd.Series([1, 2, 3, 4], index=pd.date_range('2019-01-01', periods=4))
print(s.head(2))
print(s[s > 2])
print(s[s != 2])
s * 2
# > 2019-01-01    1
# > 2019-01-02    2
# > Freq: D, dtype: int64
# > 2019-01-03    3
# > 2019-01-04    4
# > Freq: D, dtype: int64
# > 2019-01-01    1
# > 2019-01-03    3
# > 2019-01-04    4
# > dtype: int64
# > 2019-01-01    2
# > 2019-01-02    4
# > 2019-01-03    6
# > 2019-01-04    8
# > Freq: D, dtype: int64
