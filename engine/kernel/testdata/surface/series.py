# Element-wise methods, missing data, arithmetic and reductions of Series
# and DataFrames (see gen.py).

# %% Series.isna pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].isna()
# > 0    False
# > 1    False
# > 2     True
# > 3    False
# > 4    False
# > 5    False
# > 6    False
# > Name: DepDelay, dtype: bool

# %% Series.isna dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepTime.isna().sum().compute()
# > 2

# %% Series.notna pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].notna()
# > 0     True
# > 1     True
# > 2    False
# > 3     True
# > 4     True
# > 5     True
# > 6     True
# > Name: DepDelay, dtype: bool

# %% Series.isnull pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.ArrDelay.isnull().sum()
# > 1

# %% DataFrame.isna pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.isna().sum()
# > Date         0
# > Carrier      0
# > Origin       0
# > Dest         0
# > DepTime      1
# > DepDelay     1
# > ArrDelay     1
# > Distance     0
# > Cancelled    0
# > dtype: int64

# %% DataFrame.isna dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.isna().sum().compute()
# > Date         0
# > Carrier      0
# > Origin       0
# > Dest         0
# > DepTime      2
# > DepDelay     3
# > ArrDelay     4
# > Distance     0
# > Cancelled    0
# > dtype: int64

# %% DataFrame.isnull pandas
import pandas as pd
df = pd.read_csv('people.csv')
df.isnull()
# >     name   city    age  joined  score   team
# > 0  False  False  False   False  False  False
# > 1  False  False  False   False   True  False
# > 2  False  False  False   False  False  False
# > 3  False  False   True   False  False  False
# > 4  False  False  False   False  False  False
# > 5  False  False  False   False  False   True

# %% DataFrame.notna pandas
import pandas as pd
df = pd.read_csv('people.csv')
df.notna().sum()
# > name      6
# > city      6
# > age       5
# > joined    6
# > score     5
# > team      5
# > dtype: int64

# %% Series.fillna pandas value
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].fillna(0)
# > 0      5.0
# > 1     -3.0
# > 2      0.0
# > 3     30.0
# > 4    -15.0
# > 5    120.0
# > 6      2.0
# > Name: DepDelay, dtype: float64

# %% Series.fillna dask value
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.ArrDelay.fillna(0).compute()
# > 0     12.0
# > 1     -8.0
# > 2      0.0
# > 3     41.0
# > 4    -20.0
# > 5    111.0
# > 6     -1.0
# > 0      3.0
# > 1     60.0
# > 2      0.0
# > 3      2.0
# > 4     38.0
# > 5     -5.0
# > 0     -9.0
# > 1     25.0
# > 2      4.0
# > 3      0.0
# > 4     -6.0
# > 5      0.0
# > 6     36.0
# > Name: ArrDelay, dtype: float64

# %% Series.fillna pandas mean
import pandas as pd
df = pd.read_csv('people.csv')
df['age'].fillna(df['age'].mean())
# > 0    34.0
# > 1    45.0
# > 2    29.0
# > 3    39.6
# > 4    52.0
# > 5    38.0
# > Name: age, dtype: float64

# %% Series.fillna pandas method ffill
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepTime'].fillna(method='ffill')
# > 0     905.0
# > 1    1010.0
# > 2    1010.0
# > 3    1130.0
# > 4     745.0
# > 5    1200.0
# > 6    1402.0
# > Name: DepTime, dtype: float64

# %% Series.fillna dask method ffill
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.ArrDelay.fillna(method='ffill').compute()
# > 0     12.0
# > 1     -8.0
# > 2     -8.0
# > 3     41.0
# > 4    -20.0
# > 5    111.0
# > 6     -1.0
# > 0      3.0
# > 1     60.0
# > 2     60.0
# > 3      2.0
# > 4     38.0
# > 5     -5.0
# > 0     -9.0
# > 1     25.0
# > 2      4.0
# > 3      4.0
# > 4     -6.0
# > 5     -6.0
# > 6     36.0
# > Name: ArrDelay, dtype: float64

# %% Series.fillna pandas method bfill
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepTime'].fillna(method='bfill')
# > 0     905.0
# > 1    1010.0
# > 2    1130.0
# > 3    1130.0
# > 4     745.0
# > 5    1200.0
# > 6    1402.0
# > Name: DepTime, dtype: float64

# %% Series.ffill pandas
import pandas as pd
df = pd.read_csv('people.csv')
df.score.ffill()
# > 0    88.50
# > 1    88.50
# > 2    92.00
# > 3    75.25
# > 4    60.00
# > 5    81.00
# > Name: score, dtype: float64

# %% Series.ffill dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepTime.ffill().compute()
# > 0     905.0
# > 1    1010.0
# > 2    1010.0
# > 3    1130.0
# > 4     745.0
# > 5    1200.0
# > 6    1402.0
# > 0     655.0
# > 1    1555.0
# > 2    1555.0
# > 3     910.0
# > 4    1750.0
# > 5    2105.0
# > 0     600.0
# > 1    1230.0
# > 2     800.0
# > 3    1340.0
# > 4    1715.0
# > 5    1920.0
# > 6    2020.0
# > Name: DepTime, dtype: float64

# %% Series.bfill pandas
import pandas as pd
df = pd.read_csv('people.csv')
df.score.bfill()
# > 0    88.50
# > 1    92.00
# > 2    92.00
# > 3    75.25
# > 4    60.00
# > 5    81.00
# > Name: score, dtype: float64

# %% Series.bfill dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepTime.bfill().compute()
# > 0     905.0
# > 1    1010.0
# > 2    1130.0
# > 3    1130.0
# > 4     745.0
# > 5    1200.0
# > 6    1402.0
# > 0     655.0
# > 1    1555.0
# > 2     910.0
# > 3     910.0
# > 4    1750.0
# > 5    2105.0
# > 0     600.0
# > 1    1230.0
# > 2     800.0
# > 3    1340.0
# > 4    1715.0
# > 5    1920.0
# > 6    2020.0
# > Name: DepTime, dtype: float64

# %% DataFrame.fillna pandas value
import pandas as pd
df = pd.read_csv('people.csv')
df.fillna(0)
# >           name      city   age      joined  score   team
# > 0       Alice   New York  34.0  2018-03-15  88.50    red
# > 1          BOB    Boston  45.0  2017-11-02   0.00   blue
# > 2  carol smith  new york  29.0  2020-07-30  92.00    red
# > 3         Dave   Chicago   0.0  2019-01-09  75.25  green
# > 4    Eve-Marie    boston  52.0  2016-05-21  60.00   blue
# > 5        frank   Chicago  38.0  2021-12-01  81.00      0

# %% DataFrame.fillna pandas dict
import pandas as pd
df = pd.read_csv('people.csv')
df.fillna({'age': 0, 'score': 50.0, 'team': 'none'})
# >           name      city   age      joined  score   team
# > 0       Alice   New York  34.0  2018-03-15  88.50    red
# > 1          BOB    Boston  45.0  2017-11-02  50.00   blue
# > 2  carol smith  new york  29.0  2020-07-30  92.00    red
# > 3         Dave   Chicago   0.0  2019-01-09  75.25  green
# > 4    Eve-Marie    boston  52.0  2016-05-21  60.00   blue
# > 5        frank   Chicago  38.0  2021-12-01  81.00   none

# %% DataFrame.fillna dask dict
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.fillna({'DepTime': 0, 'DepDelay': 0.0}).head(4)
# >          Date Carrier Origin Dest  DepTime  DepDelay  ArrDelay  Distance  \
# > 0  2019-01-01      AA    JFK  LAX    905.0       5.0      12.0      2475
# > 1  2019-01-01      UA    EWR  ORD   1010.0      -3.0      -8.0       719
# > 2  2019-01-02      AA    LGA  ATL      0.0       0.0       NaN       762
# > 3  2019-01-02      DL    JFK  ATL   1130.0      30.0      41.0       760
# >
# >    Cancelled
# > 0          0
# > 1          0
# > 2          1
# > 3          0

# %% DataFrame.fillna pandas ffill
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepTime', 'DepDelay']].fillna(method='ffill')
# >    DepTime  DepDelay
# > 0    905.0       5.0
# > 1   1010.0      -3.0
# > 2   1010.0      -3.0
# > 3   1130.0      30.0
# > 4    745.0     -15.0
# > 5   1200.0     120.0
# > 6   1402.0       2.0

# %% DataFrame.ffill dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepTime', 'ArrDelay']].ffill().compute()
# >    DepTime  ArrDelay
# > 0    905.0      12.0
# > 1   1010.0      -8.0
# > 2   1010.0      -8.0
# > 3   1130.0      41.0
# > 4    745.0     -20.0
# > 5   1200.0     111.0
# > 6   1402.0      -1.0
# > 0    655.0       3.0
# > 1   1555.0      60.0
# > 2   1555.0      60.0
# > 3    910.0       2.0
# > 4   1750.0      38.0
# > 5   2105.0      -5.0
# > 0    600.0      -9.0
# > 1   1230.0      25.0
# > 2    800.0       4.0
# > 3   1340.0       4.0
# > 4   1715.0      -6.0
# > 5   1920.0      -6.0
# > 6   2020.0      36.0

# %% DataFrame.dropna pandas
import pandas as pd
df = pd.read_csv('people.csv')
df.dropna()
# >           name      city   age      joined  score  team
# > 0       Alice   New York  34.0  2018-03-15   88.5   red
# > 2  carol smith  new york  29.0  2020-07-30   92.0   red
# > 4    Eve-Marie    boston  52.0  2016-05-21   60.0  blue

# %% DataFrame.dropna dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.dropna().compute()
# >          Date Carrier Origin Dest  DepTime  DepDelay  ArrDelay  Distance  \
# > 0  2019-01-01      AA    JFK  LAX    905.0       5.0      12.0      2475
# > 1  2019-01-01      UA    EWR  ORD   1010.0      -3.0      -8.0       719
# > 3  2019-01-02      DL    JFK  ATL   1130.0      30.0      41.0       760
# > 4  2019-01-03      UA    EWR  LAX    745.0     -15.0     -20.0      2454
# > 5  2019-01-03      DL    LGA  ORD   1200.0     120.0     111.0       733
# > 6  2019-01-04      AA    JFK  ORD   1402.0       2.0      -1.0       740
# > 0  2019-01-05      WN    LGA  MDW    655.0       0.0       3.0       725
# > 1  2019-01-05      AA    JFK  LAX   1555.0      55.0      60.0      2475
# > 3  2019-01-06      WN    LGA  ATL    910.0       7.5       2.0       762
# > 4  2019-01-07      DL    JFK  SEA   1750.0      50.0      38.0      2422
# > 5  2019-01-07      B6    JFK  BOS   2105.0      -2.0      -5.0       187
# > 0  2019-01-08      B6    BOS  JFK    600.0      -4.0      -9.0       187
# > 1  2019-01-08      AS    SEA  JFK   1230.0      16.0      25.0      2422
# > 2  2019-01-09      UA    SFO  EWR    800.0      -1.0       4.0      2565
# > 4  2019-01-10      WN    MDW  LGA   1715.0       3.0      -6.0       725
# > 6  2019-01-11      DL    ATL  LGA   2020.0      41.0      36.0       762
# >
# >    Cancelled
# > 0          0
# > 1          0
# > 3          0
# > 4          0
# > 5          0
# > 6          0
# > 0          0
# > 1          0
# > 3          0
# > 4          0
# > 5          0
# > 0          0
# > 1          0
# > 2          0
# > 4          0
# > 6          0

# %% DataFrame.dropna pandas subset
import pandas as pd
df = pd.read_csv('people.csv')
df.dropna(subset=['age'])
# >           name      city   age      joined  score  team
# > 0       Alice   New York  34.0  2018-03-15   88.5   red
# > 1          BOB    Boston  45.0  2017-11-02    NaN  blue
# > 2  carol smith  new york  29.0  2020-07-30   92.0   red
# > 4    Eve-Marie    boston  52.0  2016-05-21   60.0  blue
# > 5        frank   Chicago  38.0  2021-12-01   81.0   NaN

# %% DataFrame.dropna dask subset
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.dropna(subset=['ArrDelay'])[['Carrier', 'ArrDelay']].compute()
# >   Carrier  ArrDelay
# > 0      AA      12.0
# > 1      UA      -8.0
# > 3      DL      41.0
# > 4      UA     -20.0
# > 5      DL     111.0
# > 6      AA      -1.0
# > 0      WN       3.0
# > 1      AA      60.0
# > 3      WN       2.0
# > 4      DL      38.0
# > 5      B6      -5.0
# > 0      B6      -9.0
# > 1      AS      25.0
# > 2      UA       4.0
# > 4      WN      -6.0
# > 6      DL      36.0

# %% DataFrame.dropna pandas how all
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepTime', 'ArrDelay']].dropna(how='all')
# >    DepTime  ArrDelay
# > 0    905.0      12.0
# > 1   1010.0      -8.0
# > 3   1130.0      41.0
# > 4    745.0     -20.0
# > 5   1200.0     111.0
# > 6   1402.0      -1.0

# %% DataFrame.dropna pandas thresh
import pandas as pd
df = pd.read_csv('people.csv')
df.dropna(thresh=6)
# >           name      city   age      joined  score  team
# > 0       Alice   New York  34.0  2018-03-15   88.5   red
# > 2  carol smith  new york  29.0  2020-07-30   92.0   red
# > 4    Eve-Marie    boston  52.0  2016-05-21   60.0  blue

# %% Series.dropna pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].dropna()
# > 0      5.0
# > 1     -3.0
# > 3     30.0
# > 4    -15.0
# > 5    120.0
# > 6      2.0
# > Name: DepDelay, dtype: float64

# %% Series.dropna dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.dropna().compute()
# > 0      5.0
# > 1     -3.0
# > 3     30.0
# > 4    -15.0
# > 5    120.0
# > 6      2.0
# > 0      0.0
# > 1     55.0
# > 3      7.5
# > 4     50.0
# > 5     -2.0
# > 0     -4.0
# > 1     16.0
# > 2     -1.0
# > 3     22.0
# > 4      3.0
# > 6     41.0
# > Name: DepDelay, dtype: float64

# %% Series.astype pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].astype(float)
# > 0    2475.0
# > 1     719.0
# > 2     762.0
# > 3     760.0
# > 4    2454.0
# > 5     733.0
# > 6     740.0
# > Name: Distance, dtype: float64

# %% Series.astype dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.astype('float64').sum().compute()
# > 27594.0

# %% Series.astype pandas str
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Cancelled'].astype(str)
# > 0    0
# > 1    0
# > 2    1
# > 3    0
# > 4    0
# > 5    0
# > 6    0
# > Name: Cancelled, dtype: object

# %% DataFrame.astype pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['Distance', 'Cancelled']].astype('float64').dtypes
# > Distance     float64
# > Cancelled    float64
# > dtype: object

# %% DataFrame.astype pandas dict
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.astype({'Cancelled': 'bool'}).dtypes
# > Date          object
# > Carrier       object
# > Origin        object
# > Dest          object
# > DepTime      float64
# > DepDelay     float64
# > ArrDelay     float64
# > Distance       int64
# > Cancelled       bool
# > dtype: object

# %% Series.apply pandas lambda
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].apply(lambda x: x * 2)
# > 0    4950
# > 1    1438
# > 2    1524
# > 3    1520
# > 4    4908
# > 5    1466
# > 6    1480
# > Name: Distance, dtype: int64

# %% Series.apply dask lambda
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.apply(lambda d: d // 1000, meta=('Distance', 'int64')).compute()
# > 0    2
# > 1    0
# > 2    0
# > 3    0
# > 4    2
# > 5    0
# > 6    0
# > 0    0
# > 1    2
# > 2    2
# > 3    0
# > 4    2
# > 5    0
# > 0    0
# > 1    2
# > 2    2
# > 3    2
# > 4    0
# > 5    0
# > 6    0
# > Name: Distance, dtype: int64

# %% Series.apply pandas function
import pandas as pd
def size(d):
    if d > 1000:
        return 'long'
    return 'short'
df = pd.read_csv('flights-1.csv')
df['Distance'].apply(size)
# > 0     long
# > 1    short
# > 2    short
# > 3    short
# > 4     long
# > 5    short
# > 6    short
# > Name: Distance, dtype: object

# %% Series.map pandas dict
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].map({'AA': 'American', 'UA': 'United', 'DL': 'Delta'})
# > 0    American
# > 1      United
# > 2    American
# > 3       Delta
# > 4      United
# > 5       Delta
# > 6    American
# > Name: Carrier, dtype: object

# %% Series.map dask dict
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Carrier.map({'AA': 'American', 'UA': 'United'}).compute()
# > 0    American
# > 1      United
# > 2    American
# > 3         NaN
# > 4      United
# > 5         NaN
# > 6    American
# > 0         NaN
# > 1    American
# > 2      United
# > 3         NaN
# > 4         NaN
# > 5         NaN
# > 0         NaN
# > 1         NaN
# > 2      United
# > 3    American
# > 4         NaN
# > 5         NaN
# > 6         NaN
# > Name: Carrier, dtype: object

# %% Series.map pandas lambda
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].map(lambda s: s.strip().lower())
# > 0          alice
# > 1            bob
# > 2    carol smith
# > 3           dave
# > 4      eve-marie
# > 5          frank
# > Name: name, dtype: object

# %% DataFrame.apply pandas axis 1
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.apply(lambda row: row['ArrDelay'] - row['DepDelay'], axis=1)
# > 0     7.0
# > 1    -5.0
# > 2     NaN
# > 3    11.0
# > 4    -5.0
# > 5    -9.0
# > 6    -3.0
# > dtype: float64

# %% DataFrame.applymap pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay']].applymap(lambda x: x * 60)
# >    DepDelay  ArrDelay
# > 0     300.0     720.0
# > 1    -180.0    -480.0
# > 2       NaN       NaN
# > 3    1800.0    2460.0
# > 4    -900.0   -1200.0
# > 5    7200.0    6660.0
# > 6     120.0     -60.0

# %% Series.replace pandas scalar
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].replace('AA', 'American')
# > 0    American
# > 1          UA
# > 2    American
# > 3          DL
# > 4          UA
# > 5          DL
# > 6    American
# > Name: Carrier, dtype: object

# %% Series.replace dask scalar
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Carrier.replace('AA', 'American').compute()
# > 0    American
# > 1          UA
# > 2    American
# > 3          DL
# > 4          UA
# > 5          DL
# > 6    American
# > 0          WN
# > 1    American
# > 2          UA
# > 3          WN
# > 4          DL
# > 5          B6
# > 0          B6
# > 1          AS
# > 2          UA
# > 3    American
# > 4          WN
# > 5          AS
# > 6          DL
# > Name: Carrier, dtype: object

# %% Series.replace pandas dict
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Origin'].replace({'JFK': 'Kennedy', 'LGA': 'LaGuardia'})
# > 0      Kennedy
# > 1          EWR
# > 2    LaGuardia
# > 3      Kennedy
# > 4          EWR
# > 5    LaGuardia
# > 6      Kennedy
# > Name: Origin, dtype: object

# %% Series.replace pandas number
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Cancelled'].replace(1, -1)
# > 0    0
# > 1    0
# > 2   -1
# > 3    0
# > 4    0
# > 5    0
# > 6    0
# > Name: Cancelled, dtype: int64

# %% DataFrame.replace pandas dict
import pandas as pd
df = pd.read_csv('people.csv')
df.replace({'red': 'RED', 'blue': 'BLUE'})
# >           name      city   age      joined  score   team
# > 0       Alice   New York  34.0  2018-03-15  88.50    RED
# > 1          BOB    Boston  45.0  2017-11-02    NaN   BLUE
# > 2  carol smith  new york  29.0  2020-07-30  92.00    RED
# > 3         Dave   Chicago   NaN  2019-01-09  75.25  green
# > 4    Eve-Marie    boston  52.0  2016-05-21  60.00   BLUE
# > 5        frank   Chicago  38.0  2021-12-01  81.00    NaN

# %% Series.where pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].where(df['DepDelay'] > 0, 0)
# > 0      5.0
# > 1      0.0
# > 2      0.0
# > 3     30.0
# > 4      0.0
# > 5    120.0
# > 6      2.0
# > Name: DepDelay, dtype: float64

# %% Series.where dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.where(df.DepDelay > 0, 0).compute()
# > 0      5.0
# > 1      0.0
# > 2      0.0
# > 3     30.0
# > 4      0.0
# > 5    120.0
# > 6      2.0
# > 0      0.0
# > 1     55.0
# > 2      0.0
# > 3      7.5
# > 4     50.0
# > 5      0.0
# > 0      0.0
# > 1     16.0
# > 2      0.0
# > 3     22.0
# > 4      3.0
# > 5      0.0
# > 6     41.0
# > Name: DepDelay, dtype: float64

# %% Series.where pandas no other
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].where(df['Distance'] > 1000)
# > 0    2475.0
# > 1       NaN
# > 2       NaN
# > 3       NaN
# > 4    2454.0
# > 5       NaN
# > 6       NaN
# > Name: Distance, dtype: float64

# %% Series.mask pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].mask(df['DepDelay'] < 0, 0)
# > 0      5.0
# > 1      0.0
# > 2      NaN
# > 3     30.0
# > 4      0.0
# > 5    120.0
# > 6      2.0
# > Name: DepDelay, dtype: float64

# %% Series.mask dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.mask(df.DepDelay < 0, 0).compute()
# > 0      5.0
# > 1      0.0
# > 2      NaN
# > 3     30.0
# > 4      0.0
# > 5    120.0
# > 6      2.0
# > 0      0.0
# > 1     55.0
# > 2      NaN
# > 3      7.5
# > 4     50.0
# > 5      0.0
# > 0      0.0
# > 1     16.0
# > 2      0.0
# > 3     22.0
# > 4      3.0
# > 5      NaN
# > 6     41.0
# > Name: DepDelay, dtype: float64

# %% DataFrame.where pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
d = df[['DepDelay', 'ArrDelay']]
d.where(d > 0, 0)
# >    DepDelay  ArrDelay
# > 0       5.0      12.0
# > 1       0.0       0.0
# > 2       0.0       0.0
# > 3      30.0      41.0
# > 4       0.0       0.0
# > 5     120.0     111.0
# > 6       2.0       0.0

# %% Series.clip pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].clip(lower=0, upper=60)
# > 0     5.0
# > 1     0.0
# > 2     NaN
# > 3    30.0
# > 4     0.0
# > 5    60.0
# > 6     2.0
# > Name: DepDelay, dtype: float64

# %% Series.clip dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.clip(lower=0).compute()
# > 0      5.0
# > 1      0.0
# > 2      NaN
# > 3     30.0
# > 4      0.0
# > 5    120.0
# > 6      2.0
# > 0      0.0
# > 1     55.0
# > 2      NaN
# > 3      7.5
# > 4     50.0
# > 5      0.0
# > 0      0.0
# > 1     16.0
# > 2      0.0
# > 3     22.0
# > 4      3.0
# > 5      NaN
# > 6     41.0
# > Name: DepDelay, dtype: float64

# %% Series.clip pandas upper
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].clip(upper=1000)
# > 0    1000
# > 1     719
# > 2     762
# > 3     760
# > 4    1000
# > 5     733
# > 6     740
# > Name: Distance, dtype: int64

# %% DataFrame.clip pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay']].clip(-5, 20)
# >    DepDelay  ArrDelay
# > 0       5.0      12.0
# > 1      -3.0      -5.0
# > 2       NaN       NaN
# > 3      20.0      20.0
# > 4      -5.0      -5.0
# > 5      20.0      20.0
# > 6       2.0      -1.0

# %% Series.between pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].between(700, 800)
# > 0    False
# > 1     True
# > 2     True
# > 3     True
# > 4    False
# > 5     True
# > 6     True
# > Name: Distance, dtype: bool

# %% Series.between dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[df.Distance.between(700, 800)].Dest.compute()
# > 1    ORD
# > 2    ATL
# > 3    ATL
# > 5    ORD
# > 6    ORD
# > 0    MDW
# > 3    ATL
# > 4    LGA
# > 6    LGA
# > Name: Dest, dtype: object

# %% Series.between pandas inclusive
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].between(-3, 5, inclusive='neither')
# > 0    False
# > 1    False
# > 2    False
# > 3    False
# > 4    False
# > 5    False
# > 6     True
# > Name: DepDelay, dtype: bool

# %% Series.isin pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Origin'].isin(['JFK', 'LGA'])
# > 0     True
# > 1    False
# > 2     True
# > 3     True
# > 4    False
# > 5     True
# > 6     True
# > Name: Origin, dtype: bool

# %% Series.isin dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[df.Carrier.isin(['AA', 'UA'])].Carrier.compute()
# > 0    AA
# > 1    UA
# > 2    AA
# > 4    UA
# > 6    AA
# > 1    AA
# > 2    UA
# > 2    UA
# > 3    AA
# > Name: Carrier, dtype: object

# %% DataFrame.isin pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['Origin', 'Dest']].isin(['JFK', 'ATL'])
# >    Origin   Dest
# > 0    True  False
# > 1   False  False
# > 2   False   True
# > 3    True   True
# > 4   False  False
# > 5   False  False
# > 6    True  False

# %% Series.abs pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].abs()
# > 0      5.0
# > 1      3.0
# > 2      NaN
# > 3     30.0
# > 4     15.0
# > 5    120.0
# > 6      2.0
# > Name: DepDelay, dtype: float64

# %% Series.abs dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.ArrDelay.abs().max().compute()
# > 111.0

# %% DataFrame.abs pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay']].abs()
# >    DepDelay  ArrDelay
# > 0       5.0      12.0
# > 1       3.0       8.0
# > 2       NaN       NaN
# > 3      30.0      41.0
# > 4      15.0      20.0
# > 5     120.0     111.0
# > 6       2.0       1.0

# %% Series.round pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['score'].round()
# > 0    88.0
# > 1     NaN
# > 2    92.0
# > 3    75.0
# > 4    60.0
# > 5    81.0
# > Name: score, dtype: float64

# %% Series.round dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
(df.DepDelay / 7).round(2).compute()
# > 0     0.71
# > 1    -0.43
# > 2      NaN
# > 3     4.29
# > 4    -2.14
# > 5    17.14
# > 6     0.29
# > 0     0.00
# > 1     7.86
# > 2      NaN
# > 3     1.07
# > 4     7.14
# > 5    -0.29
# > 0    -0.57
# > 1     2.29
# > 2    -0.14
# > 3     3.14
# > 4     0.43
# > 5      NaN
# > 6     5.86
# > Name: DepDelay, dtype: float64

# %% DataFrame.round pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
(df[['DepDelay', 'ArrDelay']] / 3).round(1)
# >    DepDelay  ArrDelay
# > 0       1.7       4.0
# > 1      -1.0      -2.7
# > 2       NaN       NaN
# > 3      10.0      13.7
# > 4      -5.0      -6.7
# > 5      40.0      37.0
# > 6       0.7      -0.3

# %% Series.cumsum pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].cumsum()
# > 0    2475
# > 1    3194
# > 2    3956
# > 3    4716
# > 4    7170
# > 5    7903
# > 6    8643
# > Name: Distance, dtype: int64

# %% Series.cumsum dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.cumsum().compute()
# > 0     2475
# > 1     3194
# > 2     3956
# > 3     4716
# > 4     7170
# > 5     7903
# > 6     8643
# > 0     9368
# > 1    11843
# > 2    14408
# > 3    15170
# > 4    17592
# > 5    17779
# > 0    17966
# > 1    20388
# > 2    22953
# > 3    25428
# > 4    26153
# > 5    26832
# > 6    27594
# > Name: Distance, dtype: int64

# %% Series.cumsum pandas missing
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].cumsum()
# > 0      5.0
# > 1      2.0
# > 2      NaN
# > 3     32.0
# > 4     17.0
# > 5    137.0
# > 6    139.0
# > Name: DepDelay, dtype: float64

# %% Series.cumsum dask missing
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.ArrDelay.cumsum().compute()
# > 0     12.0
# > 1      4.0
# > 2      NaN
# > 3     45.0
# > 4     25.0
# > 5    136.0
# > 6    135.0
# > 0    138.0
# > 1    198.0
# > 2      NaN
# > 3    200.0
# > 4    238.0
# > 5    233.0
# > 0    224.0
# > 1    249.0
# > 2    253.0
# > 3      NaN
# > 4    247.0
# > 5      NaN
# > 6    283.0
# > Name: ArrDelay, dtype: float64

# %% DataFrame.cumsum pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['Distance', 'Cancelled']].cumsum()
# >    Distance  Cancelled
# > 0      2475          0
# > 1      3194          0
# > 2      3956          1
# > 3      4716          1
# > 4      7170          1
# > 5      7903          1
# > 6      8643          1

# %% DataFrame.cumsum dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Distance', 'Cancelled']].cumsum().compute()
# >    Distance  Cancelled
# > 0      2475          0
# > 1      3194          0
# > 2      3956          1
# > 3      4716          1
# > 4      7170          1
# > 5      7903          1
# > 6      8643          1
# > 0      9368          1
# > 1     11843          1
# > 2     14408          2
# > 3     15170          2
# > 4     17592          2
# > 5     17779          2
# > 0     17966          2
# > 1     20388          2
# > 2     22953          2
# > 3     25428          2
# > 4     26153          2
# > 5     26832          3
# > 6     27594          3

# %% Series.cumprod pandas
import pandas as pd
s = pd.Series([1, 2, 3, 4, 5])
s.cumprod()
# > 0      1
# > 1      2
# > 2      6
# > 3     24
# > 4    120
# > dtype: int64

# %% Series.cumprod dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
(df.Cancelled + 1).cumprod().compute()
# > 0    1
# > 1    1
# > 2    2
# > 3    2
# > 4    2
# > 5    2
# > 6    2
# > 0    2
# > 1    2
# > 2    4
# > 3    4
# > 4    4
# > 5    4
# > 0    4
# > 1    4
# > 2    4
# > 3    4
# > 4    4
# > 5    8
# > 6    8
# > Name: Cancelled, dtype: int64

# %% Series.cummax pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].cummax()
# > 0      5.0
# > 1      5.0
# > 2      NaN
# > 3     30.0
# > 4     30.0
# > 5    120.0
# > 6    120.0
# > Name: DepDelay, dtype: float64

# %% Series.cummax dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.cummax().compute()
# > 0      5.0
# > 1      5.0
# > 2      NaN
# > 3     30.0
# > 4     30.0
# > 5    120.0
# > 6    120.0
# > 0    120.0
# > 1    120.0
# > 2      NaN
# > 3    120.0
# > 4    120.0
# > 5    120.0
# > 0    120.0
# > 1    120.0
# > 2    120.0
# > 3    120.0
# > 4    120.0
# > 5      NaN
# > 6    120.0
# > Name: DepDelay, dtype: float64

# %% Series.cummin pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].cummin()
# > 0     5.0
# > 1    -3.0
# > 2     NaN
# > 3    -3.0
# > 4   -15.0
# > 5   -15.0
# > 6   -15.0
# > Name: DepDelay, dtype: float64

# %% Series.cummin dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.cummin().compute()
# > 0    2475
# > 1     719
# > 2     719
# > 3     719
# > 4     719
# > 5     719
# > 6     719
# > 0     719
# > 1     719
# > 2     719
# > 3     719
# > 4     719
# > 5     187
# > 0     187
# > 1     187
# > 2     187
# > 3     187
# > 4     187
# > 5     187
# > 6     187
# > Name: Distance, dtype: int64

# %% Series.shift pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].shift()
# > 0       NaN
# > 1    2475.0
# > 2     719.0
# > 3     762.0
# > 4     760.0
# > 5    2454.0
# > 6     733.0
# > Name: Distance, dtype: float64

# %% Series.shift dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.shift(1).compute()
# > 0       NaN
# > 1    2475.0
# > 2     719.0
# > 3     762.0
# > 4     760.0
# > 5    2454.0
# > 6     733.0
# > 0     740.0
# > 1     725.0
# > 2    2475.0
# > 3    2565.0
# > 4     762.0
# > 5    2422.0
# > 0     187.0
# > 1     187.0
# > 2    2422.0
# > 3    2565.0
# > 4    2475.0
# > 5     725.0
# > 6     679.0
# > Name: Distance, dtype: float64

# %% Series.shift pandas negative
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].shift(-2)
# > 0      NaN
# > 1     30.0
# > 2    -15.0
# > 3    120.0
# > 4      2.0
# > 5      NaN
# > 6      NaN
# > Name: DepDelay, dtype: float64

# %% DataFrame.shift pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].shift(1)
# >    DepDelay  Distance
# > 0       NaN       NaN
# > 1       5.0    2475.0
# > 2      -3.0     719.0
# > 3       NaN     762.0
# > 4      30.0     760.0
# > 5     -15.0    2454.0
# > 6     120.0     733.0

# %% Series.diff pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].diff()
# > 0       NaN
# > 1   -1756.0
# > 2      43.0
# > 3      -2.0
# > 4    1694.0
# > 5   -1721.0
# > 6       7.0
# > Name: Distance, dtype: float64

# %% Series.diff dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.diff().compute()
# > 0       NaN
# > 1   -1756.0
# > 2      43.0
# > 3      -2.0
# > 4    1694.0
# > 5   -1721.0
# > 6       7.0
# > 0     -15.0
# > 1    1750.0
# > 2      90.0
# > 3   -1803.0
# > 4    1660.0
# > 5   -2235.0
# > 0       0.0
# > 1    2235.0
# > 2     143.0
# > 3     -90.0
# > 4   -1750.0
# > 5     -46.0
# > 6      83.0
# > Name: Distance, dtype: float64

# %% Series.diff pandas periods
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].diff(2)
# > 0     NaN
# > 1     NaN
# > 2     NaN
# > 3    33.0
# > 4     NaN
# > 5    90.0
# > 6    17.0
# > Name: DepDelay, dtype: float64

# %% DataFrame.diff pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].diff()
# >    DepDelay  Distance
# > 0       NaN       NaN
# > 1      -8.0   -1756.0
# > 2       NaN      43.0
# > 3       NaN      -2.0
# > 4     -45.0    1694.0
# > 5     135.0   -1721.0
# > 6    -118.0       7.0

# %% Series.pct_change pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].pct_change()
# > 0         NaN
# > 1   -0.709495
# > 2    0.059805
# > 3   -0.002625
# > 4    2.228947
# > 5   -0.701304
# > 6    0.009550
# > Name: Distance, dtype: float64

# %% Series.pct_change dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.pct_change().compute()
# > AttributeError: 'Series' object has no attribute 'pct_change'
# > @ line 3

# %% Series.rank pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].rank()
# > 0    7.0
# > 1    1.0
# > 2    5.0
# > 3    4.0
# > 4    6.0
# > 5    2.0
# > 6    3.0
# > Name: Distance, dtype: float64

# %% Series.rank pandas descending
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].rank(ascending=False)
# > 0    3.0
# > 1    5.0
# > 2    NaN
# > 3    2.0
# > 4    6.0
# > 5    1.0
# > 6    4.0
# > Name: DepDelay, dtype: float64

# %% Series.rank pandas method min
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].rank(method='min')
# > 0    1.0
# > 1    6.0
# > 2    1.0
# > 3    4.0
# > 4    6.0
# > 5    4.0
# > 6    1.0
# > Name: Carrier, dtype: float64

# %% Series.rank dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.rank()
# > AttributeError: 'Series' object has no attribute 'rank'
# > @ line 3

# %% DataFrame.rank pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].rank()
# >    DepDelay  Distance
# > 0       4.0       7.0
# > 1       2.0       1.0
# > 2       NaN       5.0
# > 3       5.0       4.0
# > 4       1.0       6.0
# > 5       6.0       2.0
# > 6       3.0       3.0

# %% Series.describe pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].describe()
# > count      6.000000
# > mean      23.166667
# > std       49.684672
# > min      -15.000000
# > 25%       -1.750000
# > 50%        3.500000
# > 75%       23.750000
# > max      120.000000
# > Name: DepDelay, dtype: float64

# %% Series.describe pandas strings
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].describe()
# > count      7
# > unique     3
# > top       AA
# > freq       3
# > Name: Carrier, dtype: object

# %% Series.describe dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.describe().compute()
# > count     17.000000
# > mean      19.205882
# > std       32.905670
# > min      -15.000000
# > 25%        0.000000
# > 50%        9.500000
# > 75%       23.750000
# > max      120.000000
# > Name: DepDelay, dtype: float64

# %% DataFrame.describe dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.describe().compute()
# >            DepTime    DepDelay   ArrDelay     Distance  Cancelled
# > count    18.000000   17.000000   16.00000    20.000000  20.000000
# > mean   1277.333333   19.205882   17.68750  1379.700000   0.150000
# > std     478.564397   32.905670   33.40802   938.133034   0.366348
# > min     600.000000  -15.000000  -20.00000   187.000000   0.000000
# > 25%    1015.000000    0.000000    2.00000   736.500000   0.000000
# > 50%    1182.500000    9.500000    5.50000  1592.000000   0.000000
# > 75%    1750.000000   23.750000   36.00000  2461.750000   0.000000
# > max    2105.000000  120.000000  111.00000  2565.000000   1.000000

# %% Series.quantile pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].quantile(0.25)
# > 736.5

# %% Series.quantile dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.quantile(0.25).compute()
# > 736.5

# %% Series.quantile dask median
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.quantile(0.5).compute()
# > 9.5

# %% Series.quantile pandas list
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].quantile([0.1, 0.5, 0.9])
# > 0.1     727.4
# > 0.5     760.0
# > 0.9    2462.4
# > Name: Distance, dtype: float64

# %% Series.quantile dask list
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.ArrDelay.quantile([0.1, 0.5, 0.9]).compute()
# > 0.1    -2.2
# > 0.5     5.5
# > 0.9    60.0
# > Name: ArrDelay, dtype: float64

# %% DataFrame.quantile pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].quantile(0.75)
# > DepDelay      23.75
# > Distance    1608.00
# > Name: 0.75, dtype: float64

# %% Series.add pandas operator
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'] + 1
# > 0      6.0
# > 1     -2.0
# > 2      NaN
# > 3     31.0
# > 4    -14.0
# > 5    121.0
# > 6      3.0
# > Name: DepDelay, dtype: float64

# %% Series.add dask operator
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
(df.ArrDelay - df.DepDelay).compute()
# > 0     7.0
# > 1    -5.0
# > 2     NaN
# > 3    11.0
# > 4    -5.0
# > 5    -9.0
# > 6    -3.0
# > 0     3.0
# > 1     5.0
# > 2     NaN
# > 3    -5.5
# > 4   -12.0
# > 5    -3.0
# > 0    -5.0
# > 1     9.0
# > 2     5.0
# > 3     NaN
# > 4    -9.0
# > 5     NaN
# > 6    -5.0
# > dtype: float64

# %% Series.mul pandas operator
import pandas as pd
df = pd.read_csv('flights-1.csv')
s = df['DepDelay']
s * s
# > 0       25.0
# > 1        9.0
# > 2        NaN
# > 3      900.0
# > 4      225.0
# > 5    14400.0
# > 6        4.0
# > Name: DepDelay, dtype: float64

# %% Series.div pandas operator
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'] / df['DepTime']
# > 0    2.734807
# > 1    0.711881
# > 2         NaN
# > 3    0.672566
# > 4    3.293960
# > 5    0.610833
# > 6    0.527817
# > dtype: float64

# %% Series.gt pandas operator
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'] > 0
# > 0     True
# > 1    False
# > 2    False
# > 3     True
# > 4    False
# > 5     True
# > 6     True
# > Name: DepDelay, dtype: bool

# %% Series.__and__ pandas operator
import pandas as pd
df = pd.read_csv('flights-1.csv')
(df['DepDelay'] > 0) & (df['Distance'] < 1000)
# > 0    False
# > 1    False
# > 2    False
# > 3     True
# > 4    False
# > 5     True
# > 6     True
# > dtype: bool

# %% Series.__or__ dask operator
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
((df.Origin == 'JFK') | (df.Dest == 'JFK')).sum().compute()
# > 9

# %% Series.__invert__ pandas operator
import pandas as pd
df = pd.read_csv('flights-1.csv')
~df['Origin'].isin(['JFK'])
# > 0    False
# > 1     True
# > 2     True
# > 3    False
# > 4     True
# > 5     True
# > 6    False
# > Name: Origin, dtype: bool

# %% Series.add pandas fill_value
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].add(df['ArrDelay'], fill_value=0)
# > 0     17.0
# > 1    -11.0
# > 2      NaN
# > 3     71.0
# > 4    -35.0
# > 5    231.0
# > 6      1.0
# > dtype: float64

# %% Series.add dask fill_value
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.add(df.ArrDelay, fill_value=0).compute()
# > 0     17.0
# > 1    -11.0
# > 2      NaN
# > 3     71.0
# > 4    -35.0
# > 5    231.0
# > 6      1.0
# > 0      3.0
# > 1    115.0
# > 2      NaN
# > 3      9.5
# > 4     88.0
# > 5     -7.0
# > 0    -13.0
# > 1     41.0
# > 2      3.0
# > 3     22.0
# > 4     -3.0
# > 5      NaN
# > 6     77.0
# > dtype: float64

# %% Series.sub pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['ArrDelay'].sub(df['DepDelay'])
# > 0     7.0
# > 1    -5.0
# > 2     NaN
# > 3    11.0
# > 4    -5.0
# > 5    -9.0
# > 6    -3.0
# > dtype: float64

# %% Series.mul pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].mul(2)
# > 0     10.0
# > 1     -6.0
# > 2      NaN
# > 3     60.0
# > 4    -30.0
# > 5    240.0
# > 6      4.0
# > Name: DepDelay, dtype: float64

# %% Series.div pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].div(60)
# > 0    41.250000
# > 1    11.983333
# > 2    12.700000
# > 3    12.666667
# > 4    40.900000
# > 5    12.216667
# > 6    12.333333
# > Name: Distance, dtype: float64

# %% Series.div dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.div(100).compute()
# > 0    24.75
# > 1     7.19
# > 2     7.62
# > 3     7.60
# > 4    24.54
# > 5     7.33
# > 6     7.40
# > 0     7.25
# > 1    24.75
# > 2    25.65
# > 3     7.62
# > 4    24.22
# > 5     1.87
# > 0     1.87
# > 1    24.22
# > 2    25.65
# > 3    24.75
# > 4     7.25
# > 5     6.79
# > 6     7.62
# > Name: Distance, dtype: float64

# %% DataFrame.add pandas fill_value
import pandas as pd
df = pd.read_csv('flights-1.csv')
d = df[['DepDelay', 'ArrDelay']]
d.add(d, fill_value=0)
# >    DepDelay  ArrDelay
# > 0      10.0      24.0
# > 1      -6.0     -16.0
# > 2       NaN       NaN
# > 3      60.0      82.0
# > 4     -30.0     -40.0
# > 5     240.0     222.0
# > 6       4.0      -2.0

# %% DataFrame.mul pandas scalar
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay']].mul(60)
# >    DepDelay  ArrDelay
# > 0     300.0     720.0
# > 1    -180.0    -480.0
# > 2       NaN       NaN
# > 3    1800.0    2460.0
# > 4    -900.0   -1200.0
# > 5    7200.0    6660.0
# > 6     120.0     -60.0

# %% Series.sum pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].sum()
# > 8643

# %% Series.sum dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.sum().compute()
# > 27594

# %% Series.mean pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].mean()
# > 23.166666666666668

# %% Series.mean dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.mean().compute()
# > 19.205882352941178

# %% Series.min pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].min()
# > -15.0

# %% Series.max dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.max().compute()
# > 2565

# %% Series.max pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].max()
# > 'UA'

# %% Series.std pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].std()
# > 49.684672351406995

# %% Series.std dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.std().compute()
# > 32.90566954546426

# %% Series.var pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].var()
# > 2468.5666666666666

# %% Series.var dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.var().compute()
# > 880093.5894736843

# %% Series.median pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].median()
# > 760.0

# %% Series.median dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.median().compute()
# > NotImplementedError: Dask doesn't implement an exact median in all cases as this is hard to do in parallel. See the `median_approximate` method instead, which uses an approximate algorithm.
# > @ line 3

# %% Series.median_approximate dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.median_approximate().compute()
# > 1592.0

# %% Series.mode pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].mode()
# > 0    AA
# > Name: Carrier, dtype: object

# %% Series.mode dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Carrier.mode().compute()
# > 0    AA
# > Name: Carrier, dtype: object

# %% Series.prod pandas
import pandas as pd
s = pd.Series([1.5, 2, 4])
s.prod()
# > 12.0

# %% Series.count pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepTime'].count()
# > 6

# %% Series.count dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.ArrDelay.count().compute()
# > 16

# %% Series.nunique pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].nunique()
# > 3

# %% Series.nunique dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Carrier.nunique().compute()
# > 6

# %% Series.unique pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Origin'].unique()
# > array(['JFK', 'EWR', 'LGA'], dtype=object)

# %% Series.duplicated pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].duplicated()
# > 0    False
# > 1    False
# > 2     True
# > 3    False
# > 4     True
# > 5     True
# > 6     True
# > Name: Carrier, dtype: bool

# %% DataFrame.duplicated pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.duplicated(subset=['Origin'])
# > 0    False
# > 1    False
# > 2    False
# > 3     True
# > 4     True
# > 5     True
# > 6     True
# > dtype: bool

# %% DataFrame.mean pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay', 'Distance']].mean()
# > DepDelay      23.166667
# > ArrDelay      22.500000
# > Distance    1234.714286
# > dtype: float64

# %% DataFrame.mean dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'ArrDelay', 'Distance']].mean().compute()
# > DepDelay      19.205882
# > ArrDelay      17.687500
# > Distance    1379.700000
# > dtype: float64

# %% DataFrame.median pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].median()
# > DepDelay      3.5
# > Distance    760.0
# > dtype: float64

# %% Series.notnull pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['age'].notnull()
# > 0     True
# > 1     True
# > 2     True
# > 3    False
# > 4     True
# > 5     True
# > Name: age, dtype: bool

# %% DataFrame.notnull pandas
import pandas as pd
df = pd.read_csv('people.csv')
df.notnull().all()
# > name       True
# > city       True
# > age       False
# > joined     True
# > score     False
# > team      False
# > dtype: bool

# %% DataFrame.bfill pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepTime', 'ArrDelay']].bfill()
# >    DepTime  ArrDelay
# > 0    905.0      12.0
# > 1   1010.0      -8.0
# > 2   1130.0      41.0
# > 3   1130.0      41.0
# > 4    745.0     -20.0
# > 5   1200.0     111.0
# > 6   1402.0      -1.0

# %% DataFrame.bfill dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepTime', 'ArrDelay']].bfill().compute()
# >    DepTime  ArrDelay
# > 0    905.0      12.0
# > 1   1010.0      -8.0
# > 2   1130.0      41.0
# > 3   1130.0      41.0
# > 4    745.0     -20.0
# > 5   1200.0     111.0
# > 6   1402.0      -1.0
# > 0    655.0       3.0
# > 1   1555.0      60.0
# > 2    910.0       2.0
# > 3    910.0       2.0
# > 4   1750.0      38.0
# > 5   2105.0      -5.0
# > 0    600.0      -9.0
# > 1   1230.0      25.0
# > 2    800.0       4.0
# > 3   1340.0      -6.0
# > 4   1715.0      -6.0
# > 5   1920.0      36.0
# > 6   2020.0      36.0

# %% DataFrame.ffill pandas
import pandas as pd
df = pd.read_csv('people.csv')
df.ffill()
# >           name      city   age      joined  score   team
# > 0       Alice   New York  34.0  2018-03-15  88.50    red
# > 1          BOB    Boston  45.0  2017-11-02  88.50   blue
# > 2  carol smith  new york  29.0  2020-07-30  92.00    red
# > 3         Dave   Chicago  29.0  2019-01-09  75.25  green
# > 4    Eve-Marie    boston  52.0  2016-05-21  60.00   blue
# > 5        frank   Chicago  38.0  2021-12-01  81.00   blue

# %% DataFrame.cummax pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].cummax()
# >    DepDelay  Distance
# > 0       5.0      2475
# > 1       5.0      2475
# > 2       NaN      2475
# > 3      30.0      2475
# > 4      30.0      2475
# > 5     120.0      2475
# > 6     120.0      2475

# %% DataFrame.cummax dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'Distance']].cummax().compute()
# >    DepDelay  Distance
# > 0       5.0      2475
# > 1       5.0      2475
# > 2       NaN      2475
# > 3      30.0      2475
# > 4      30.0      2475
# > 5     120.0      2475
# > 6     120.0      2475
# > 0     120.0      2475
# > 1     120.0      2475
# > 2       NaN      2565
# > 3     120.0      2565
# > 4     120.0      2565
# > 5     120.0      2565
# > 0     120.0      2565
# > 1     120.0      2565
# > 2     120.0      2565
# > 3     120.0      2565
# > 4     120.0      2565
# > 5       NaN      2565
# > 6     120.0      2565

# %% DataFrame.cummin pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay']].cummin()
# >    DepDelay  ArrDelay
# > 0       5.0      12.0
# > 1      -3.0      -8.0
# > 2       NaN       NaN
# > 3      -3.0      -8.0
# > 4     -15.0     -20.0
# > 5     -15.0     -20.0
# > 6     -15.0     -20.0

# %% DataFrame.cumprod pandas
import pandas as pd
df = pd.DataFrame({'a': [1, 2, 3], 'b': [0.5, 2.0, 4.0]})
df.cumprod()
# >    a    b
# > 0  1  0.5
# > 1  2  1.0
# > 2  6  4.0

# %% DataFrame.pct_change pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['Distance', 'DepTime']].pct_change()
# >    Distance   DepTime
# > 0       NaN       NaN
# > 1 -0.709495  0.116022
# > 2  0.059805  0.000000
# > 3 -0.002625  0.118812
# > 4  2.228947 -0.340708
# > 5 -0.701304  0.610738
# > 6  0.009550  0.168333

# %% DataFrame.diff dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Distance', 'DepTime']].diff().compute()
# >    Distance  DepTime
# > 0       NaN      NaN
# > 1   -1756.0    105.0
# > 2      43.0      NaN
# > 3      -2.0      NaN
# > 4    1694.0   -385.0
# > 5   -1721.0    455.0
# > 6       7.0    202.0
# > 0     -15.0   -747.0
# > 1    1750.0    900.0
# > 2      90.0      NaN
# > 3   -1803.0      NaN
# > 4    1660.0    840.0
# > 5   -2235.0    355.0
# > 0       0.0  -1505.0
# > 1    2235.0    630.0
# > 2     143.0   -430.0
# > 3     -90.0    540.0
# > 4   -1750.0    375.0
# > 5     -46.0    205.0
# > 6      83.0    100.0

# %% DataFrame.shift dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Distance']].shift(-1).compute()
# >    Distance
# > 0     719.0
# > 1     762.0
# > 2     760.0
# > 3    2454.0
# > 4     733.0
# > 5     740.0
# > 6     725.0
# > 0    2475.0
# > 1    2565.0
# > 2     762.0
# > 3    2422.0
# > 4     187.0
# > 5     187.0
# > 0    2422.0
# > 1    2565.0
# > 2    2475.0
# > 3     725.0
# > 4     679.0
# > 5     762.0
# > 6       NaN

# %% Series.shift dask negative
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.shift(-2).compute()
# > 0      NaN
# > 1     30.0
# > 2    -15.0
# > 3    120.0
# > 4      2.0
# > 5      0.0
# > 6     55.0
# > 0      NaN
# > 1      7.5
# > 2     50.0
# > 3     -2.0
# > 4     -4.0
# > 5     16.0
# > 0     -1.0
# > 1     22.0
# > 2      3.0
# > 3      NaN
# > 4     41.0
# > 5      NaN
# > 6      NaN
# > Name: DepDelay, dtype: float64

# %% DataFrame.sub pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay']].sub(5)
# >    DepDelay  ArrDelay
# > 0       0.0       7.0
# > 1      -8.0     -13.0
# > 2       NaN       NaN
# > 3      25.0      36.0
# > 4     -20.0     -25.0
# > 5     115.0     106.0
# > 6      -3.0      -6.0

# %% DataFrame.div pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepTime', 'Distance']].div(100)
# >    DepTime  Distance
# > 0     9.05     24.75
# > 1    10.10      7.19
# > 2      NaN      7.62
# > 3    11.30      7.60
# > 4     7.45     24.54
# > 5    12.00      7.33
# > 6    14.02      7.40

# %% DataFrame.div dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepTime', 'Distance']].div(100).compute()
# >    DepTime  Distance
# > 0     9.05     24.75
# > 1    10.10      7.19
# > 2      NaN      7.62
# > 3    11.30      7.60
# > 4     7.45     24.54
# > 5    12.00      7.33
# > 6    14.02      7.40
# > 0     6.55      7.25
# > 1    15.55     24.75
# > 2      NaN     25.65
# > 3     9.10      7.62
# > 4    17.50     24.22
# > 5    21.05      1.87
# > 0     6.00      1.87
# > 1    12.30     24.22
# > 2     8.00     25.65
# > 3    13.40     24.75
# > 4    17.15      7.25
# > 5    19.20      6.79
# > 6    20.20      7.62

# %% Series.truediv pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].truediv(df['DepTime'])
# > 0    2.734807
# > 1    0.711881
# > 2         NaN
# > 3    0.672566
# > 4    3.293960
# > 5    0.610833
# > 6    0.527817
# > dtype: float64

# %% Series.floordiv pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].floordiv(100)
# > 0    24
# > 1     7
# > 2     7
# > 3     7
# > 4    24
# > 5     7
# > 6     7
# > Name: Distance, dtype: int64

# %% Series.mod pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].mod(100)
# > 0    75
# > 1    19
# > 2    62
# > 3    60
# > 4    54
# > 5    33
# > 6    40
# > Name: Distance, dtype: int64

# %% Series.pow pandas
import pandas as pd
s = pd.Series([1, 2, 3])
s.pow(2)
# > 0    1
# > 1    4
# > 2    9
# > dtype: int64

# %% Series.radd pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].radd(10)
# > 0     15.0
# > 1      7.0
# > 2      NaN
# > 3     40.0
# > 4     -5.0
# > 5    130.0
# > 6     12.0
# > Name: DepDelay, dtype: float64

# %% Series.rsub pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].rsub(100)
# > 0     95.0
# > 1    103.0
# > 2      NaN
# > 3     70.0
# > 4    115.0
# > 5    -20.0
# > 6     98.0
# > Name: DepDelay, dtype: float64

# %% Series.eq pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].eq('AA')
# > 0     True
# > 1    False
# > 2     True
# > 3    False
# > 4    False
# > 5    False
# > 6     True
# > Name: Carrier, dtype: bool

# %% Series.ne pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Origin'].ne('JFK')
# > 0    False
# > 1     True
# > 2     True
# > 3    False
# > 4     True
# > 5     True
# > 6    False
# > Name: Origin, dtype: bool

# %% Series.lt dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.lt(1000).sum().compute()
# > 12

# %% Series.ge pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].ge(5)
# > 0     True
# > 1    False
# > 2    False
# > 3     True
# > 4    False
# > 5     True
# > 6    False
# > Name: DepDelay, dtype: bool

# %% Series.le pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].le(760)
# > 0    False
# > 1     True
# > 2    False
# > 3     True
# > 4    False
# > 5     True
# > 6     True
# > Name: Distance, dtype: bool

# %% Series.gt dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[df.DepDelay.gt(20)].Carrier.compute()
# > 3    DL
# > 5    DL
# > 1    AA
# > 4    DL
# > 3    AA
# > 6    DL
# > Name: Carrier, dtype: object

# %% Series.mask pandas no other
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['DepDelay'].mask(df['DepDelay'] > 20)
# > 0     5.0
# > 1    -3.0
# > 2     NaN
# > 3     NaN
# > 4   -15.0
# > 5     NaN
# > 6     2.0
# > Name: DepDelay, dtype: float64

# %% DataFrame.mask pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
d = df[['DepDelay', 'ArrDelay']]
d.mask(d < 0)
# >    DepDelay  ArrDelay
# > 0       5.0      12.0
# > 1       NaN       NaN
# > 2       NaN       NaN
# > 3      30.0      41.0
# > 4       NaN       NaN
# > 5     120.0     111.0
# > 6       2.0       NaN

# %% DataFrame.where dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
d = df[['DepDelay', 'ArrDelay']]
d.where(d > 0, 0).compute()
# >    DepDelay  ArrDelay
# > 0       5.0      12.0
# > 1       0.0       0.0
# > 2       0.0       0.0
# > 3      30.0      41.0
# > 4       0.0       0.0
# > 5     120.0     111.0
# > 6       2.0       0.0
# > 0       0.0       3.0
# > 1      55.0      60.0
# > 2       0.0       0.0
# > 3       7.5       2.0
# > 4      50.0      38.0
# > 5       0.0       0.0
# > 0       0.0       0.0
# > 1      16.0      25.0
# > 2       0.0       4.0
# > 3      22.0       0.0
# > 4       3.0       0.0
# > 5       0.0       0.0
# > 6      41.0      36.0

# %% DataFrame.replace pandas number
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['Cancelled', 'Distance']].replace(0, -1)
# >    Cancelled  Distance
# > 0         -1      2475
# > 1         -1       719
# > 2          1       762
# > 3         -1       760
# > 4         -1      2454
# > 5         -1       733
# > 6         -1       740

# %% DataFrame.replace dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Carrier', 'Origin']].replace({'AA': 'American', 'JFK': 'Kennedy'}).compute()
# >     Carrier   Origin
# > 0  American  Kennedy
# > 1        UA      EWR
# > 2  American      LGA
# > 3        DL  Kennedy
# > 4        UA      EWR
# > 5        DL      LGA
# > 6  American  Kennedy
# > 0        WN      LGA
# > 1  American  Kennedy
# > 2        UA      EWR
# > 3        WN      LGA
# > 4        DL  Kennedy
# > 5        B6  Kennedy
# > 0        B6      BOS
# > 1        AS      SEA
# > 2        UA      SFO
# > 3  American      LAX
# > 4        WN      MDW
# > 5        AS      SFO
# > 6        DL      ATL

# %% Series.replace pandas list
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Origin'].replace(['JFK', 'LGA'], 'NYC')
# > 0    NYC
# > 1    EWR
# > 2    NYC
# > 3    NYC
# > 4    EWR
# > 5    NYC
# > 6    NYC
# > Name: Origin, dtype: object

# %% DataFrame.clip dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'ArrDelay']].clip(lower=0, upper=30).compute()
# >    DepDelay  ArrDelay
# > 0       5.0      12.0
# > 1       0.0       0.0
# > 2       NaN       NaN
# > 3      30.0      30.0
# > 4       0.0       0.0
# > 5      30.0      30.0
# > 6       2.0       0.0
# > 0       0.0       3.0
# > 1      30.0      30.0
# > 2       NaN       NaN
# > 3       7.5       2.0
# > 4      30.0      30.0
# > 5       0.0       0.0
# > 0       0.0       0.0
# > 1      16.0      25.0
# > 2       0.0       4.0
# > 3      22.0       NaN
# > 4       3.0       0.0
# > 5       NaN       NaN
# > 6      30.0      30.0

# %% DataFrame.isin dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Origin', 'Dest']].isin(['JFK', 'ATL']).sum().compute()
# > Origin    7
# > Dest      6
# > dtype: int64

# %% DataFrame.astype dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Distance', 'Cancelled']].astype('float64').dtypes
# > Distance     float64
# > Cancelled    float64
# > dtype: object

# %% DataFrame.abs dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'ArrDelay']].abs().max().compute()
# > DepDelay    120.0
# > ArrDelay    111.0
# > dtype: float64

# %% DataFrame.round dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
(df[['DepDelay', 'ArrDelay']] / 7).round(1).head()
# >    DepDelay  ArrDelay
# > 0       0.7       1.7
# > 1      -0.4      -1.1
# > 2       NaN       NaN
# > 3       4.3       5.9
# > 4      -2.1      -2.9

# %% Series.min dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.min().compute()
# > -15.0

# %% Series.prod dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
(df.Cancelled + 1).prod().compute()
# > 8

# %% DataFrame.median dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'Distance']].median().compute()
# > NotImplementedError: Dask doesn't implement an exact median in all cases as this is hard to do in parallel. See the `median_approximate` method instead, which uses an approximate algorithm.
# > @ line 3

# %% DataFrame.quantile dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'Distance']].quantile(0.5).compute()
# > DepDelay       9.5
# > Distance    1592.0
# > Name: 0.5, dtype: float64

# %% Series.duplicated dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Carrier.duplicated()
# > AttributeError: 'Series' object has no attribute 'duplicated'
# > @ line 3

# %% Series.unique dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Origin.unique().compute()
# > 0    JFK
# > 1    EWR
# > 2    LGA
# > 3    BOS
# > 4    SEA
# > 5    SFO
# > 6    LAX
# > 7    MDW
# > 8    ATL
# > Name: Origin, dtype: object

# %% DataFrame.apply pandas columns
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].apply(lambda c: c.max() - c.min())
# > DepDelay     135.0
# > Distance    1756.0
# > dtype: float64

# %% DataFrame.apply pandas row attributes
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Route'] = df.apply(lambda r: r.Origin + '-' + r.Dest, axis=1)
df[['Carrier', 'Route']]
# >   Carrier    Route
# > 0      AA  JFK-LAX
# > 1      UA  EWR-ORD
# > 2      AA  LGA-ATL
# > 3      DL  JFK-ATL
# > 4      UA  EWR-LAX
# > 5      DL  LGA-ORD
# > 6      AA  JFK-ORD

# %% DataFrame.applymap pandas function
import pandas as pd
def hours(x):
    return round(x / 60, 2)
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay']].applymap(hours)
# >    DepDelay  ArrDelay
# > 0      0.08      0.20
# > 1     -0.05     -0.13
# > 2       NaN       NaN
# > 3      0.50      0.68
# > 4     -0.25     -0.33
# > 5      2.00      1.85
# > 6      0.03     -0.02

# %% DataFrame.apply dask axis 1
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.apply(lambda r: r.Origin + '-' + r.Dest, axis=1, meta=(None, 'object')).head(3)
# > 0    JFK-LAX
# > 1    EWR-ORD
# > 2    LGA-ATL
# > dtype: object
