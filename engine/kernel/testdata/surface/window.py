# Window methods: rolling, expanding, ewm, resample (see gen.py).

# %% Series.rolling pandas mean
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].rolling(3).mean()
# > 0            NaN
# > 1            NaN
# > 2    1318.666667
# > 3     747.000000
# > 4    1325.333333
# > 5    1315.666667
# > 6    1309.000000
# > Name: Distance, dtype: float64

# %% Series.rolling dask mean
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.rolling(3).mean().compute()
# > 0            NaN
# > 1            NaN
# > 2    1318.666667
# > 3     747.000000
# > 4    1325.333333
# > 5    1315.666667
# > 6    1309.000000
# > 0     732.666667
# > 1    1313.333333
# > 2    1921.666667
# > 3    1934.000000
# > 4    1916.333333
# > 5    1123.666667
# > 0     932.000000
# > 1     932.000000
# > 2    1724.666667
# > 3    2487.333333
# > 4    1921.666667
# > 5    1293.000000
# > 6     722.000000
# > Name: Distance, dtype: float64

# %% Series.rolling pandas sum
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].rolling(2).sum()
# > 0       NaN
# > 1    3194.0
# > 2    1481.0
# > 3    1522.0
# > 4    3214.0
# > 5    3187.0
# > 6    1473.0
# > Name: Distance, dtype: float64

# %% Series.rolling dask sum
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.rolling(2).sum().compute()
# > 0       NaN
# > 1    3194.0
# > 2    1481.0
# > 3    1522.0
# > 4    3214.0
# > 5    3187.0
# > 6    1473.0
# > 0    1465.0
# > 1    3200.0
# > 2    5040.0
# > 3    3327.0
# > 4    3184.0
# > 5    2609.0
# > 0     374.0
# > 1    2609.0
# > 2    4987.0
# > 3    5040.0
# > 4    3200.0
# > 5    1404.0
# > 6    1441.0
# > Name: Distance, dtype: float64

# %% Series.rolling pandas min
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].rolling(3).min()
# > 0     NaN
# > 1     NaN
# > 2     NaN
# > 3     NaN
# > 4     NaN
# > 5   -15.0
# > 6   -15.0
# > Name: DepDelay, dtype: float64

# %% Series.rolling pandas max
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].rolling(3).max()
# > 0      NaN
# > 1      NaN
# > 2      NaN
# > 3      NaN
# > 4      NaN
# > 5    120.0
# > 6    120.0
# > Name: DepDelay, dtype: float64

# %% Series.rolling dask max
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.rolling(3).max().compute()
# > 0      NaN
# > 1      NaN
# > 2      NaN
# > 3      NaN
# > 4      NaN
# > 5    120.0
# > 6    120.0
# > 0    120.0
# > 1     55.0
# > 2      NaN
# > 3      NaN
# > 4      NaN
# > 5     50.0
# > 0     50.0
# > 1     16.0
# > 2     16.0
# > 3     22.0
# > 4     22.0
# > 5      NaN
# > 6      NaN
# > Name: DepDelay, dtype: float64

# %% Series.rolling pandas std
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].rolling(3).std()
# > 0            NaN
# > 1            NaN
# > 2    1001.644814
# > 3      24.269322
# > 4     977.454517
# > 5     985.918016
# > 6     991.605264
# > Name: Distance, dtype: float64

# %% Series.rolling dask std
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.rolling(3).std().compute()
# > 0            NaN
# > 1            NaN
# > 2    1001.644814
# > 3      24.269322
# > 4     977.454517
# > 5     985.918016
# > 6     991.605264
# > 0       7.505553
# > 1    1006.060800
# > 2    1037.320266
# > 3    1015.978838
# > 4    1002.235668
# > 5    1160.563800
# > 0    1290.377852
# > 1    1290.377852
# > 2    1333.576519
# > 3      72.293384
# > 4    1037.320266
# > 5    1023.900386
# > 6      41.581246
# > Name: Distance, dtype: float64

# %% Series.rolling pandas count
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].rolling(3).count()
# > 0    1.0
# > 1    2.0
# > 2    2.0
# > 3    2.0
# > 4    2.0
# > 5    3.0
# > 6    3.0
# > Name: DepDelay, dtype: float64

# %% Series.rolling pandas min_periods
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].rolling(3, min_periods=1).mean()
# > 0     5.000000
# > 1     1.000000
# > 2     1.000000
# > 3    13.500000
# > 4     7.500000
# > 5    45.000000
# > 6    35.666667
# > Name: DepDelay, dtype: float64

# %% Series.rolling dask min_periods
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.rolling(3, min_periods=1).mean().compute()
# > 0     5.000000
# > 1     1.000000
# > 2     1.000000
# > 3    13.500000
# > 4     7.500000
# > 5    45.000000
# > 6    35.666667
# > 0    40.666667
# > 1    19.000000
# > 2    27.500000
# > 3    31.250000
# > 4    28.750000
# > 5    18.500000
# > 0    14.666667
# > 1     3.333333
# > 2     3.666667
# > 3    12.333333
# > 4     8.000000
# > 5    12.500000
# > 6    22.000000
# > Name: DepDelay, dtype: float64

# %% Series.rolling pandas var
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].rolling(2).var()
# > 0          NaN
# > 1    1541768.0
# > 2        924.5
# > 3          2.0
# > 4    1434818.0
# > 5    1480920.5
# > 6         24.5
# > Name: Distance, dtype: float64

# %% Series.rolling pandas median
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].rolling(3).median()
# > 0      NaN
# > 1      NaN
# > 2    762.0
# > 3    760.0
# > 4    762.0
# > 5    760.0
# > 6    740.0
# > Name: Distance, dtype: float64

# %% DataFrame.rolling pandas mean
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].rolling(2).mean()
# >    DepDelay  Distance
# > 0       NaN       NaN
# > 1       1.0    1597.0
# > 2       NaN     740.5
# > 3       NaN     761.0
# > 4       7.5    1607.0
# > 5      52.5    1593.5
# > 6      61.0     736.5

# %% DataFrame.rolling dask sum
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Distance', 'Cancelled']].rolling(2).sum().compute()
# >    Distance  Cancelled
# > 0       NaN        NaN
# > 1    3194.0        0.0
# > 2    1481.0        1.0
# > 3    1522.0        1.0
# > 4    3214.0        0.0
# > 5    3187.0        0.0
# > 6    1473.0        0.0
# > 0    1465.0        0.0
# > 1    3200.0        0.0
# > 2    5040.0        1.0
# > 3    3327.0        1.0
# > 4    3184.0        0.0
# > 5    2609.0        0.0
# > 0     374.0        0.0
# > 1    2609.0        0.0
# > 2    4987.0        0.0
# > 3    5040.0        0.0
# > 4    3200.0        0.0
# > 5    1404.0        1.0
# > 6    1441.0        1.0

# %% Series.expanding pandas mean
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].expanding().mean()
# > 0    2475.000000
# > 1    1597.000000
# > 2    1318.666667
# > 3    1179.000000
# > 4    1434.000000
# > 5    1317.166667
# > 6    1234.714286
# > Name: Distance, dtype: float64

# %% Series.expanding pandas sum
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].expanding().sum()
# > 0      5.0
# > 1      2.0
# > 2      2.0
# > 3     32.0
# > 4     17.0
# > 5    137.0
# > 6    139.0
# > Name: DepDelay, dtype: float64

# %% Series.expanding pandas max
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].expanding().max()
# > 0      5.0
# > 1      5.0
# > 2      5.0
# > 3     30.0
# > 4     30.0
# > 5    120.0
# > 6    120.0
# > Name: DepDelay, dtype: float64

# %% Series.expanding dask mean
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.expanding().mean().compute()
# > AttributeError: 'Series' object has no attribute 'expanding'
# > @ line 3

# %% Series.ewm pandas mean
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].ewm(span=3).mean()
# > 0    2475.000000
# > 1    1304.333333
# > 2     994.428571
# > 3     869.400000
# > 4    1687.258065
# > 5    1202.555556
# > 6     969.456693
# > Name: Distance, dtype: float64

# %% Series.ewm pandas alpha
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].ewm(alpha=0.5).mean()
# > 0     5.000000
# > 1    -0.333333
# > 2    -0.333333
# > 3    21.727273
# > 4    -0.037037
# > 5    65.067797
# > 6    32.252033
# > Name: DepDelay, dtype: float64

# %% Series.ewm dask mean
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.ewm(span=3).mean().compute()
# > AttributeError: 'Series' object has no attribute 'ewm'
# > @ line 3

# %% Series.resample pandas D mean
import pandas as pd
df = pd.read_csv('flights-1.csv', parse_dates=['Date'])
df.set_index('Date')['Distance'].resample('D').mean()
# > Date
# > 2019-01-01    1597.0
# > 2019-01-02     761.0
# > 2019-01-03    1593.5
# > 2019-01-04     740.0
# > Freq: D, Name: Distance, dtype: float64

# %% Series.resample pandas D sum
import pandas as pd
df = pd.read_csv('flights-1.csv', parse_dates=['Date'])
df.set_index('Date')['DepDelay'].resample('D').sum()
# > Date
# > 2019-01-01      2.0
# > 2019-01-02     30.0
# > 2019-01-03    105.0
# > 2019-01-04      2.0
# > Freq: D, Name: DepDelay, dtype: float64

# %% DataFrame.resample pandas W mean
import pandas as pd
df = pd.read_csv('flights-1.csv', parse_dates=['Date'])
df.set_index('Date')[['DepDelay', 'ArrDelay']].resample('W').mean()
# >              DepDelay  ArrDelay
# > Date
# > 2019-01-06  23.166667      22.5

# %% DataFrame.resample pandas M sum
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df.set_index('joined')[['age', 'score']].resample('Y').sum()
# >              age  score
# > joined
# > 2016-12-31  52.0  60.00
# > 2017-12-31  45.0   0.00
# > 2018-12-31  34.0  88.50
# > 2019-12-31   0.0  75.25
# > 2020-12-31  29.0  92.00
# > 2021-12-31  38.0  81.00

# %% Series.resample pandas D count
import pandas as pd
df = pd.read_csv('flights-1.csv', parse_dates=['Date'])
df.set_index('Date')['Carrier'].resample('D').count()
# > Date
# > 2019-01-01    2
# > 2019-01-02    2
# > 2019-01-03    2
# > 2019-01-04    1
# > Freq: D, Name: Carrier, dtype: int64

# %% Series.resample dask D mean
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.set_index('Date').Distance.resample('D').mean().compute()
# > Date
# > 2019-01-01    1597.0
# > 2019-01-02     761.0
# > 2019-01-03    1593.5
# > 2019-01-04     740.0
# > 2019-01-05    1600.0
# > 2019-01-06    1663.5
# > 2019-01-07    1304.5
# > 2019-01-08    1304.5
# > 2019-01-09    2520.0
# > 2019-01-10     702.0
# > 2019-01-11     762.0
# > Freq: D, Name: Distance, dtype: float64

# %% DataFrame.resample dask unknown divisions
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.set_index('Date', sorted=True)[['Distance']].resample('D').sum().compute()
# >             Distance
# > Date
# > 2019-01-01      3194
# > 2019-01-02      1522
# > 2019-01-03      3187
# > 2019-01-04       740
# > 2019-01-05      3200
# > 2019-01-06      3327
# > 2019-01-07      2609
# > 2019-01-08      2609
# > 2019-01-09      5040
# > 2019-01-10      1404
# > 2019-01-11       762

# %% Series.rolling dask min
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.rolling(2).min().compute()
# > 0     NaN
# > 1    -3.0
# > 2     NaN
# > 3     NaN
# > 4   -15.0
# > 5   -15.0
# > 6     2.0
# > 0     0.0
# > 1     0.0
# > 2     NaN
# > 3     NaN
# > 4     7.5
# > 5    -2.0
# > 0    -4.0
# > 1    -4.0
# > 2    -1.0
# > 3    -1.0
# > 4     3.0
# > 5     NaN
# > 6     NaN
# > Name: DepDelay, dtype: float64

# %% Series.rolling dask count
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.ArrDelay.rolling(3).count().compute()
# > 0    1.0
# > 1    2.0
# > 2    2.0
# > 3    2.0
# > 4    2.0
# > 5    3.0
# > 6    3.0
# > 0    3.0
# > 1    3.0
# > 2    2.0
# > 3    2.0
# > 4    2.0
# > 5    3.0
# > 0    3.0
# > 1    3.0
# > 2    3.0
# > 3    2.0
# > 4    2.0
# > 5    1.0
# > 6    2.0
# > Name: ArrDelay, dtype: float64

# %% Series.rolling dask var
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.rolling(2).var().compute()
# > 0          NaN
# > 1    1541768.0
# > 2        924.5
# > 3          2.0
# > 4    1434818.0
# > 5    1480920.5
# > 6         24.5
# > 0        112.5
# > 1    1531250.0
# > 2       4050.0
# > 3    1625404.5
# > 4    1377800.0
# > 5    2497612.5
# > 0          0.0
# > 1    2497612.5
# > 2      10224.5
# > 3       4050.0
# > 4    1531250.0
# > 5       1058.0
# > 6       3444.5
# > Name: Distance, dtype: float64

# %% Series.rolling dask median
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.rolling(3).median().compute()
# > 0       NaN
# > 1       NaN
# > 2     762.0
# > 3     760.0
# > 4     762.0
# > 5     760.0
# > 6     740.0
# > 0     733.0
# > 1     740.0
# > 2    2475.0
# > 3    2475.0
# > 4    2422.0
# > 5     762.0
# > 0     187.0
# > 1     187.0
# > 2    2422.0
# > 3    2475.0
# > 4    2475.0
# > 5     725.0
# > 6     725.0
# > Name: Distance, dtype: float64

# %% DataFrame.rolling pandas max
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay']].rolling(3, min_periods=1).max()
# >    DepDelay  ArrDelay
# > 0       5.0      12.0
# > 1       5.0      12.0
# > 2       5.0      12.0
# > 3      30.0      41.0
# > 4      30.0      41.0
# > 5     120.0     111.0
# > 6     120.0     111.0

# %% DataFrame.rolling dask mean
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'Distance']].rolling(2).mean().compute()
# >    DepDelay  Distance
# > 0       NaN       NaN
# > 1      1.00    1597.0
# > 2       NaN     740.5
# > 3       NaN     761.0
# > 4      7.50    1607.0
# > 5     52.50    1593.5
# > 6     61.00     736.5
# > 0      1.00     732.5
# > 1     27.50    1600.0
# > 2       NaN    2520.0
# > 3       NaN    1663.5
# > 4     28.75    1592.0
# > 5     24.00    1304.5
# > 0     -3.00     187.0
# > 1      6.00    1304.5
# > 2      7.50    2493.5
# > 3     10.50    2520.0
# > 4     12.50    1600.0
# > 5       NaN     702.0
# > 6       NaN     720.5

# %% Series.expanding pandas std
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].expanding().std()
# > 0            NaN
# > 1    1241.679508
# > 2    1001.644814
# > 3     864.227208
# > 4     940.899304
# > 5     888.894463
# > 6     840.257840
# > Name: Distance, dtype: float64

# %% Series.expanding pandas min_periods
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].expanding(min_periods=3).mean()
# > 0            NaN
# > 1            NaN
# > 2    1318.666667
# > 3    1179.000000
# > 4    1434.000000
# > 5    1317.166667
# > 6    1234.714286
# > Name: Distance, dtype: float64

# %% DataFrame.expanding pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].expanding().sum()
# >    DepDelay  Distance
# > 0       5.0    2475.0
# > 1       2.0    3194.0
# > 2       2.0    3956.0
# > 3      32.0    4716.0
# > 4      17.0    7170.0
# > 5     137.0    7903.0
# > 6     139.0    8643.0

# %% Series.ewm pandas com
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].ewm(com=0.5).mean()
# > 0    2475.000000
# > 1    1158.000000
# > 2     883.846154
# > 3     800.250000
# > 4    1907.305785
# > 5    1123.359890
# > 6     867.669716
# > Name: Distance, dtype: float64

# %% DataFrame.ewm pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].ewm(span=2).mean()
# >     DepDelay     Distance
# > 0   5.000000  2475.000000
# > 1  -1.000000  1158.000000
# > 2  -1.000000   883.846154
# > 3  26.000000   800.250000
# > 4  -3.651786  1907.305785
# > 5  80.988732  1123.359890
# > 6  27.868081   867.669716

# %% Series.resample pandas M max
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df.set_index('joined')['score'].resample('M').max().head()
# > joined
# > 2016-05-31    60.0
# > 2016-06-30     NaN
# > 2016-07-31     NaN
# > 2016-08-31     NaN
# > 2016-09-30     NaN
# > Freq: M, Name: score, dtype: float64

# %% Series.resample pandas H size
import pandas as pd
df = pd.DataFrame({'t': ['2019-01-01 09:05', '2019-01-01 09:55', '2019-01-01 11:10', '2019-01-01 11:20'], 'n': [1, 2, 3, 4]})
df['t'] = pd.to_datetime(df['t'])
df.set_index('t')['n'].resample('H').size()
# > t
# > 2019-01-01 09:00:00    2
# > 2019-01-01 10:00:00    0
# > 2019-01-01 11:00:00    2
# > Freq: H, Name: n, dtype: int64

# %% DataFrame.resample pandas MS first
import pandas as pd
df = pd.read_csv('flights-1.csv', parse_dates=['Date'])
df.set_index('Date')[['Carrier', 'Distance']].resample('MS').first()
# >            Carrier  Distance
# > Date
# > 2019-01-01      AA      2475
