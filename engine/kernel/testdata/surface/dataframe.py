# The DataFrame's own methods and properties (see gen.py).

# %% DataFrame.head pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.head(3)
# >          Date Carrier Origin Dest  DepTime  DepDelay  ArrDelay  Distance  \
# > 0  2019-01-01      AA    JFK  LAX    905.0       5.0      12.0      2475
# > 1  2019-01-01      UA    EWR  ORD   1010.0      -3.0      -8.0       719
# > 2  2019-01-02      AA    LGA  ATL      NaN       NaN       NaN       762
# >
# >    Cancelled
# > 0          0
# > 1          0
# > 2          1

# %% DataFrame.head dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.head(3)
# >          Date Carrier Origin Dest  DepTime  DepDelay  ArrDelay  Distance  \
# > 0  2019-01-01      AA    JFK  LAX    905.0       5.0      12.0      2475
# > 1  2019-01-01      UA    EWR  ORD   1010.0      -3.0      -8.0       719
# > 2  2019-01-02      AA    LGA  ATL      NaN       NaN       NaN       762
# >
# >    Cancelled
# > 0          0
# > 1          0
# > 2          1

# %% DataFrame.sort_index pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.sort_index(ascending=False)
# >          Date Carrier Origin Dest  DepTime  DepDelay  ArrDelay  Distance  \
# > 6  2019-01-04      AA    JFK  ORD   1402.0       2.0      -1.0       740
# > 5  2019-01-03      DL    LGA  ORD   1200.0     120.0     111.0       733
# > 4  2019-01-03      UA    EWR  LAX    745.0     -15.0     -20.0      2454
# > 3  2019-01-02      DL    JFK  ATL   1130.0      30.0      41.0       760
# > 2  2019-01-02      AA    LGA  ATL      NaN       NaN       NaN       762
# > 1  2019-01-01      UA    EWR  ORD   1010.0      -3.0      -8.0       719
# > 0  2019-01-01      AA    JFK  LAX    905.0       5.0      12.0      2475
# >
# >    Cancelled
# > 6          0
# > 5          0
# > 4          0
# > 3          0
# > 2          1
# > 1          0
# > 0          0

# %% DataFrame.describe pandas
import pandas as pd
df = pd.read_csv('flights-2.csv')
df.describe()
# >            DepTime   DepDelay   ArrDelay     Distance  Cancelled
# > count     5.000000   5.000000   5.000000     6.000000   6.000000
# > mean   1395.000000  22.100000  19.600000  1522.666667   0.166667
# > std     599.697841  28.032124  28.112275  1077.134099   0.408248
# > min     655.000000  -2.000000  -5.000000   187.000000   0.000000
# > 25%     910.000000   0.000000   2.000000   734.250000   0.000000
# > 50%    1555.000000   7.500000   3.000000  1592.000000   0.000000
# > 75%    1750.000000  50.000000  38.000000  2461.750000   0.000000
# > max    2105.000000  55.000000  60.000000  2565.000000   1.000000

# %% DataFrame.tail pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['Carrier', 'Origin', 'DepDelay']].tail(2)
# >   Carrier Origin  DepDelay
# > 5      DL    LGA     120.0
# > 6      AA    JFK       2.0

# %% DataFrame.tail dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Carrier', 'Origin', 'DepDelay']].tail(2)
# >   Carrier Origin  DepDelay
# > 5      AS    SFO       NaN
# > 6      DL    ATL      41.0

# %% DataFrame.sort_index pandas after sort_values
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
df.sort_values('DepDelay').sort_index()
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 1      UA      -3.0
# > 2      AA       NaN
# > 3      DL      30.0
# > 4      UA     -15.0
# > 5      DL     120.0
# > 6      AA       2.0

# %% DataFrame.sort_index pandas columns
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Origin', 'Carrier', 'DepDelay']]
df.sort_index(axis=1).head(2)
# >   Carrier  DepDelay Origin
# > 0      AA       5.0    JFK
# > 1      UA      -3.0    EWR

# %% DataFrame.sort_values pandas one column
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.sort_values('DepDelay')
# >   Carrier Origin  DepDelay
# > 4      UA    EWR     -15.0
# > 1      UA    EWR      -3.0
# > 6      AA    JFK       2.0
# > 0      AA    JFK       5.0
# > 3      DL    JFK      30.0
# > 5      DL    LGA     120.0
# > 2      AA    LGA       NaN

# %% DataFrame.sort_values pandas descending
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.sort_values(by='DepDelay', ascending=False)
# >   Carrier Origin  DepDelay
# > 5      DL    LGA     120.0
# > 3      DL    JFK      30.0
# > 0      AA    JFK       5.0
# > 6      AA    JFK       2.0
# > 1      UA    EWR      -3.0
# > 4      UA    EWR     -15.0
# > 2      AA    LGA       NaN

# %% DataFrame.sort_values pandas by list ascending list
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.sort_values(by=['Carrier', 'DepDelay'], ascending=[True, False])
# >   Carrier Origin  DepDelay
# > 0      AA    JFK       5.0
# > 6      AA    JFK       2.0
# > 2      AA    LGA       NaN
# > 5      DL    LGA     120.0
# > 3      DL    JFK      30.0
# > 1      UA    EWR      -3.0
# > 4      UA    EWR     -15.0

# %% DataFrame.sort_values pandas na_position first
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
df.sort_values('DepDelay', na_position='first')
# >   Carrier  DepDelay
# > 2      AA       NaN
# > 4      UA     -15.0
# > 1      UA      -3.0
# > 6      AA       2.0
# > 0      AA       5.0
# > 3      DL      30.0
# > 5      DL     120.0

# %% DataFrame.sort_values dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.sort_values('DepDelay')[['Carrier', 'DepDelay']].compute()
# >   Carrier  DepDelay
# > 4      UA     -15.0
# > 0      B6      -4.0
# > 1      UA      -3.0
# > 5      B6      -2.0
# > 2      UA      -1.0
# > 0      WN       0.0
# > 6      AA       2.0
# > 4      WN       3.0
# > 0      AA       5.0
# > 3      WN       7.5
# > 1      AS      16.0
# > 3      AA      22.0
# > 3      DL      30.0
# > 6      DL      41.0
# > 4      DL      50.0
# > 1      AA      55.0
# > 5      DL     120.0
# > 2      AA       NaN
# > 2      UA       NaN
# > 5      AS       NaN

# %% DataFrame.set_index pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.set_index('Origin')
# >        Carrier  DepDelay
# > Origin
# > JFK         AA       5.0
# > EWR         UA      -3.0
# > LGA         AA       NaN
# > JFK         DL      30.0
# > EWR         UA     -15.0
# > LGA         DL     120.0
# > JFK         AA       2.0

# %% DataFrame.set_index dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Origin', 'DepDelay']].set_index('Origin').compute()
# >         DepDelay
# > Origin
# > ATL         41.0
# > BOS         -4.0
# > EWR         -3.0
# > EWR        -15.0
# > EWR          NaN
# > JFK          5.0
# > JFK         30.0
# > JFK          2.0
# > JFK         55.0
# > JFK         50.0
# > JFK         -2.0
# > LAX         22.0
# > LGA          NaN
# > LGA        120.0
# > LGA          0.0
# > LGA          7.5
# > MDW          3.0
# > SEA         16.0
# > SFO         -1.0
# > SFO          NaN

# %% DataFrame.reset_index pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.set_index('Origin').reset_index()
# >   Origin Carrier  DepDelay
# > 0    JFK      AA       5.0
# > 1    EWR      UA      -3.0
# > 2    LGA      AA       NaN
# > 3    JFK      DL      30.0
# > 4    EWR      UA     -15.0
# > 5    LGA      DL     120.0
# > 6    JFK      AA       2.0

# %% DataFrame.reset_index pandas drop
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
df.sort_values('DepDelay').reset_index(drop=True)
# >   Carrier  DepDelay
# > 0      UA     -15.0
# > 1      UA      -3.0
# > 2      AA       2.0
# > 3      AA       5.0
# > 4      DL      30.0
# > 5      DL     120.0
# > 6      AA       NaN

# %% DataFrame.reset_index dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Carrier', 'DepDelay']].reset_index().compute()
# >    index Carrier  DepDelay
# > 0      0      AA       5.0
# > 1      1      UA      -3.0
# > 2      2      AA       NaN
# > 3      3      DL      30.0
# > 4      4      UA     -15.0
# > 5      5      DL     120.0
# > 6      6      AA       2.0
# > 0      0      WN       0.0
# > 1      1      AA      55.0
# > 2      2      UA       NaN
# > 3      3      WN       7.5
# > 4      4      DL      50.0
# > 5      5      B6      -2.0
# > 0      0      B6      -4.0
# > 1      1      AS      16.0
# > 2      2      UA      -1.0
# > 3      3      AA      22.0
# > 4      4      WN       3.0
# > 5      5      AS       NaN
# > 6      6      DL      41.0

# %% DataFrame.loc pandas label
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.loc[2]
# > Date         2019-01-02
# > Carrier              AA
# > Origin              LGA
# > Dest                ATL
# > DepTime             NaN
# > DepDelay            NaN
# > ArrDelay            NaN
# > Distance            762
# > Cancelled             1
# > Name: 2, dtype: object

# %% DataFrame.loc pandas list of labels
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.loc[[1, 3, 5]]
# >   Carrier Origin  DepDelay
# > 1      UA    EWR      -3.0
# > 3      DL    JFK      30.0
# > 5      DL    LGA     120.0

# %% DataFrame.loc pandas slice
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.loc[2:4]
# >   Carrier Origin  DepDelay
# > 2      AA    LGA       NaN
# > 3      DL    JFK      30.0
# > 4      UA    EWR     -15.0

# %% DataFrame.loc pandas mask
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.loc[df.DepDelay > 10]
# >   Carrier Origin  DepDelay
# > 3      DL    JFK      30.0
# > 5      DL    LGA     120.0

# %% DataFrame.loc pandas mask and columns
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.loc[df['Origin'] == 'JFK', ['Carrier', 'DepDelay']]
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 3      DL      30.0
# > 6      AA       2.0

# %% DataFrame.loc pandas row and column
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.loc[3, 'Carrier']
# > 'DL'

# %% DataFrame.loc pandas all rows some columns
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.loc[:, ['Origin', 'Dest']]
# >   Origin Dest
# > 0    JFK  LAX
# > 1    EWR  ORD
# > 2    LGA  ATL
# > 3    JFK  ATL
# > 4    EWR  LAX
# > 5    LGA  ORD
# > 6    JFK  ORD

# %% DataFrame.loc pandas string labels
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.set_index('Carrier').loc['AA']
# >         Origin  DepDelay
# > Carrier
# > AA         JFK       5.0
# > AA         LGA       NaN
# > AA         JFK       2.0

# %% DataFrame.loc dask mask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.loc[df.DepDelay > 30, ['Carrier', 'DepDelay']].compute()
# >   Carrier  DepDelay
# > 5      DL     120.0
# > 1      AA      55.0
# > 4      DL      50.0
# > 6      DL      41.0

# %% DataFrame.loc dask label
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.loc[2].compute()
# >          Date Carrier Origin Dest  DepTime  DepDelay  ArrDelay  Distance  \
# > 2  2019-01-02      AA    LGA  ATL      NaN       NaN       NaN       762
# > 2  2019-01-06      UA    EWR  SFO      NaN       NaN       NaN      2565
# > 2  2019-01-09      UA    SFO  EWR    800.0      -1.0       4.0      2565
# >
# >    Cancelled
# > 2          1
# > 2          1
# > 2          0

# %% DataFrame.iloc pandas row
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.iloc[0]
# > Date         2019-01-01
# > Carrier              AA
# > Origin              JFK
# > Dest                LAX
# > DepTime           905.0
# > DepDelay            5.0
# > ArrDelay           12.0
# > Distance           2475
# > Cancelled             0
# > Name: 0, dtype: object

# %% DataFrame.iloc pandas slice
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.iloc[1:4]
# >   Carrier Origin  DepDelay
# > 1      UA    EWR      -3.0
# > 2      AA    LGA       NaN
# > 3      DL    JFK      30.0

# %% DataFrame.iloc pandas list
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.iloc[[0, 2, 4]]
# >   Carrier Origin  DepDelay
# > 0      AA    JFK       5.0
# > 2      AA    LGA       NaN
# > 4      UA    EWR     -15.0

# %% DataFrame.iloc pandas column slice
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.iloc[:, 1:3]
# >   Carrier Origin
# > 0      AA    JFK
# > 1      UA    EWR
# > 2      AA    LGA
# > 3      DL    JFK
# > 4      UA    EWR
# > 5      DL    LGA
# > 6      AA    JFK

# %% DataFrame.iloc pandas negative
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.iloc[-2:]
# >   Carrier Origin  DepDelay
# > 5      DL    LGA     120.0
# > 6      AA    JFK       2.0

# %% DataFrame.iloc pandas cell
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.iloc[1, 2]
# > 'EWR'

# %% DataFrame.iloc dask columns
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.iloc[:, 1:3].head(3)
# >   Carrier Origin
# > 0      AA    JFK
# > 1      UA    EWR
# > 2      AA    LGA

# %% DataFrame.at pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.at[4, 'Dest']
# > 'LAX'

# %% DataFrame.iat pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.iat[4, 3]
# > 'LAX'

# %% DataFrame.nlargest pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.nlargest(3, 'DepDelay')
# >   Carrier Origin  DepDelay
# > 5      DL    LGA     120.0
# > 3      DL    JFK      30.0
# > 0      AA    JFK       5.0

# %% DataFrame.nlargest dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.nlargest(3, 'DepDelay')[['Carrier', 'DepDelay']].compute()
# >   Carrier  DepDelay
# > 5      DL     120.0
# > 1      AA      55.0
# > 4      DL      50.0

# %% DataFrame.nsmallest pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.nsmallest(2, 'DepDelay')
# >   Carrier Origin  DepDelay
# > 4      UA    EWR     -15.0
# > 1      UA    EWR      -3.0

# %% DataFrame.nsmallest dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.nsmallest(2, 'DepDelay')[['Carrier', 'DepDelay']].compute()
# >   Carrier  DepDelay
# > 4      UA     -15.0
# > 0      B6      -4.0

# %% DataFrame.describe pandas include object
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.describe(include='object')
# >               Date Carrier Origin Dest
# > count            7       7      7    7
# > unique           4       3      3    3
# > top     2019-01-01      AA    JFK  ORD
# > freq             2       3      3    3

# %% DataFrame.describe pandas include all
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
df.describe(include='all')
# >        Carrier    DepDelay
# > count        7    6.000000
# > unique       3         NaN
# > top         AA         NaN
# > freq         3         NaN
# > mean       NaN   23.166667
# > std        NaN   49.684672
# > min        NaN  -15.000000
# > 25%        NaN   -1.750000
# > 50%        NaN    3.500000
# > 75%        NaN   23.750000
# > max        NaN  120.000000

# %% DataFrame.info pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.info()
# > <class 'pandas.core.frame.DataFrame'>
# > RangeIndex: 7 entries, 0 to 6
# > Data columns (total 9 columns):
# >  #   Column     Non-Null Count  Dtype
# > ---  ------     --------------  -----
# >  0   Date       7 non-null      object
# >  1   Carrier    7 non-null      object
# >  2   Origin     7 non-null      object
# >  3   Dest       7 non-null      object
# >  4   DepTime    6 non-null      float64
# >  5   DepDelay   6 non-null      float64
# >  6   ArrDelay   6 non-null      float64
# >  7   Distance   7 non-null      int64
# >  8   Cancelled  7 non-null      int64
# > dtypes: float64(3), int64(2), object(4)
# > memory usage: 636.0+ bytes

# %% DataFrame.dtypes pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.dtypes
# > Date          object
# > Carrier       object
# > Origin        object
# > Dest          object
# > DepTime      float64
# > DepDelay     float64
# > ArrDelay     float64
# > Distance       int64
# > Cancelled      int64
# > dtype: object

# %% DataFrame.dtypes dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.dtypes
# > Date          object
# > Carrier       object
# > Origin        object
# > Dest          object
# > DepTime      float64
# > DepDelay     float64
# > ArrDelay     float64
# > Distance       int64
# > Cancelled      int64
# > dtype: object

# %% DataFrame.shape pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.shape
# > (7, 9)

# %% DataFrame.shape dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
rows, cols = df.shape
print(rows.compute(), cols)
# > 20 9

# %% DataFrame.columns pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.columns
# > Index(['Date', 'Carrier', 'Origin', 'Dest', 'DepTime', 'DepDelay', 'ArrDelay',
# >        'Distance', 'Cancelled'],
# >       dtype='object')

# %% DataFrame.columns dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.columns
# > Index(['Date', 'Carrier', 'Origin', 'Dest', 'DepTime', 'DepDelay', 'ArrDelay',
# >        'Distance', 'Cancelled'],
# >       dtype='object')

# %% DataFrame.index pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.index
# > RangeIndex(start=0, stop=7, step=1)

# %% DataFrame.size pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.size
# > 63

# %% DataFrame.ndim pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.ndim
# > 2

# %% DataFrame.ndim dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.ndim
# > 2

# %% DataFrame.empty pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
print(df.empty, df[df.Distance > 5000].empty)
# > False True

# %% DataFrame.values pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay']].values
# > array([[  5.,  12.],
# >        [ -3.,  -8.],
# >        [ nan,  nan],
# >        [ 30.,  41.],
# >        [-15., -20.],
# >        [120., 111.],
# >        [  2.,  -1.]])

# %% DataFrame.to_numpy pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['Distance', 'Cancelled']].to_numpy()
# > array([[2475,    0],
# >        [ 719,    0],
# >        [ 762,    1],
# >        [ 760,    0],
# >        [2454,    0],
# >        [ 733,    0],
# >        [ 740,    0]])

# %% DataFrame.copy pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
df2 = df.copy()
df2['DepDelay'] = 0
df.head(2)
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 1      UA      -3.0

# %% DataFrame.copy dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.copy()[['Carrier']].head(2)
# >   Carrier
# > 0      AA
# > 1      UA

# %% DataFrame.drop pandas columns
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.drop(columns=['Date', 'Dest', 'DepTime', 'ArrDelay', 'Distance']).head(3)
# >   Carrier Origin  DepDelay  Cancelled
# > 0      AA    JFK       5.0          0
# > 1      UA    EWR      -3.0          0
# > 2      AA    LGA       NaN          1

# %% DataFrame.drop pandas axis 1
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.drop('Origin', axis=1).head(3)
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 1      UA      -3.0
# > 2      AA       NaN

# %% DataFrame.drop pandas rows
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.drop([0, 2, 4])
# >   Carrier Origin  DepDelay
# > 1      UA    EWR      -3.0
# > 3      DL    JFK      30.0
# > 5      DL    LGA     120.0
# > 6      AA    JFK       2.0

# %% DataFrame.drop dask columns
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.drop(columns=['Date', 'Dest', 'DepTime', 'ArrDelay', 'Distance']).head(3)
# >   Carrier Origin  DepDelay  Cancelled
# > 0      AA    JFK       5.0          0
# > 1      UA    EWR      -3.0          0
# > 2      AA    LGA       NaN          1

# %% DataFrame.rename pandas columns
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
df.rename(columns={'DepDelay': 'delay'}).head(2)
# >   Carrier  delay
# > 0      AA    5.0
# > 1      UA   -3.0

# %% DataFrame.rename dask columns
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Carrier', 'DepDelay']].rename(columns={'DepDelay': 'delay'}).head(2)
# >   Carrier  delay
# > 0      AA    5.0
# > 1      UA   -3.0

# %% DataFrame.assign pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay', 'ArrDelay']]
df.assign(gain=df.DepDelay - df.ArrDelay).head(3)
# >   Carrier  DepDelay  ArrDelay  gain
# > 0      AA       5.0      12.0  -7.0
# > 1      UA      -3.0      -8.0   5.0
# > 2      AA       NaN       NaN   NaN

# %% DataFrame.assign dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')[['Carrier', 'DepDelay', 'ArrDelay']]
df.assign(gain=df.DepDelay - df.ArrDelay).head(3)
# >   Carrier  DepDelay  ArrDelay  gain
# > 0      AA       5.0      12.0  -7.0
# > 1      UA      -3.0      -8.0   5.0
# > 2      AA       NaN       NaN   NaN

# %% DataFrame.insert pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
df.insert(1, 'late', df.DepDelay > 0)
df.head(3)
# >   Carrier   late  DepDelay
# > 0      AA   True       5.0
# > 1      UA  False      -3.0
# > 2      AA  False       NaN

# %% DataFrame.pop pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
s = df.pop('Origin')
print(df.columns.tolist())
s.head(3)
# > ['Carrier', 'DepDelay']
# > 0    JFK
# > 1    EWR
# > 2    LGA
# > Name: Origin, dtype: object

# %% DataFrame.__setitem__ pandas new column
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Distance']]
df['km'] = df['Distance'] * 1.609
df.head(3)
# >   Carrier  Distance        km
# > 0      AA      2475  3982.275
# > 1      UA       719  1156.871
# > 2      AA       762  1226.058

# %% DataFrame.__setitem__ dask new column
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')[['Carrier', 'Distance']]
df['km'] = df['Distance'] * 1.609
df.head(3)
# >   Carrier  Distance        km
# > 0      AA      2475  3982.275
# > 1      UA       719  1156.871
# > 2      AA       762  1226.058

# %% DataFrame.__delitem__ pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
del df['Origin']
df.head(2)
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 1      UA      -3.0

# %% DataFrame.astype pandas dict
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Distance', 'Cancelled']]
df.astype({'Distance': 'float64', 'Cancelled': 'bool'}).dtypes
# > Carrier       object
# > Distance     float64
# > Cancelled       bool
# > dtype: object

# %% DataFrame.astype dask dict
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')[['Carrier', 'Distance', 'Cancelled']]
df.astype({'Distance': 'float64', 'Cancelled': 'bool'}).dtypes
# > Carrier       object
# > Distance     float64
# > Cancelled       bool
# > dtype: object

# %% DataFrame.select_dtypes pandas number
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.select_dtypes(include='number').head(2)
# >    DepTime  DepDelay  ArrDelay  Distance  Cancelled
# > 0    905.0       5.0      12.0      2475          0
# > 1   1010.0      -3.0      -8.0       719          0

# %% DataFrame.select_dtypes pandas object
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.select_dtypes(include=['object']).columns
# > Index(['Date', 'Carrier', 'Origin', 'Dest'], dtype='object')

# %% DataFrame.select_dtypes dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.select_dtypes(include='number').columns
# > Index(['DepTime', 'DepDelay', 'ArrDelay', 'Distance', 'Cancelled'], dtype='object')

# %% DataFrame.T pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.describe().T
# >            count         mean         std    min     25%     50%      75%  \
# > DepTime      6.0  1065.333333  231.103152  745.0  931.25  1070.0  1182.50
# > DepDelay     6.0    23.166667   49.684672  -15.0   -1.75     3.5    23.75
# > ArrDelay     6.0    22.500000   48.111329  -20.0   -6.25     5.5    33.75
# > Distance     7.0  1234.714286  840.257840  719.0  736.50   760.0  1608.00
# > Cancelled    7.0     0.142857    0.377964    0.0    0.00     0.0     0.00
# >
# >               max
# > DepTime    1402.0
# > DepDelay    120.0
# > ArrDelay    111.0
# > Distance   2475.0
# > Cancelled     1.0

# %% DataFrame.transpose pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['DepDelay', 'ArrDelay']]
df.head(3).transpose()
# >              0    1   2
# > DepDelay   5.0 -3.0 NaN
# > ArrDelay  12.0 -8.0 NaN

# %% DataFrame.itertuples pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
for row in df.head(3).itertuples():
    print(row.Index, row.Carrier, row.DepDelay)
# > 0 AA 5.0
# > 1 UA -3.0
# > 2 AA nan

# %% DataFrame.iterrows pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
for i, row in df.head(3).iterrows():
    print(i, row['Carrier'], row['DepDelay'])
# > 0 AA 5.0
# > 1 UA -3.0
# > 2 AA nan

# %% DataFrame.items pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
for name, col in df.items():
    print(name, col.dtype, len(col))
# > Carrier object 7
# > DepDelay float64 7

# %% DataFrame.to_dict pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']].head(2)
df.to_dict()
# > {'Carrier': {0: 'AA', 1: 'UA'}, 'DepDelay': {0: 5.0, 1: -3.0}}

# %% DataFrame.to_dict pandas records
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']].head(2)
df.to_dict(orient='records')
# > [{'Carrier': 'AA', 'DepDelay': 5.0}, {'Carrier': 'UA', 'DepDelay': -3.0}]

# %% DataFrame.to_dict pandas list
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']].head(3)
df.to_dict('list')
# > {'Carrier': ['AA', 'UA', 'AA'], 'DepDelay': [5.0, -3.0, nan]}

# %% DataFrame.to_csv pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
df.to_csv('/tmp/burst-surface-index-out.csv', index=False)
pd.read_csv('/tmp/burst-surface-index-out.csv').head(3)
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 1      UA      -3.0
# > 2      AA       NaN

# %% DataFrame.to_csv pandas text
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']].head(3)
df.to_csv()
# > ',Carrier,DepDelay\n0,AA,5.0\n1,UA,-3.0\n2,AA,\n'

# %% DataFrame.sample pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
df.sample(n=3, random_state=1)
# >   Carrier  DepDelay
# > 6      AA       2.0
# > 2      AA       NaN
# > 1      UA      -3.0

# %% DataFrame.nunique pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.nunique()
# > Date         4
# > Carrier      3
# > Origin       3
# > Dest         3
# > DepTime      6
# > DepDelay     6
# > ArrDelay     6
# > Distance     7
# > Cancelled    2
# > dtype: int64

# %% DataFrame.nunique dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Carrier', 'Origin']].nunique().compute()
# > Carrier    6
# > Origin     9
# > dtype: int64

# %% DataFrame.count pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.count()
# > Date         7
# > Carrier      7
# > Origin       7
# > Dest         7
# > DepTime      6
# > DepDelay     6
# > ArrDelay     6
# > Distance     7
# > Cancelled    7
# > dtype: int64

# %% DataFrame.count dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.count().compute()
# > Date         20
# > Carrier      20
# > Origin       20
# > Dest         20
# > DepTime      18
# > DepDelay     17
# > ArrDelay     16
# > Distance     20
# > Cancelled    20
# > dtype: int64

# %% DataFrame.duplicated pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.duplicated(subset=['Carrier'])
# > 0    False
# > 1    False
# > 2     True
# > 3    False
# > 4     True
# > 5     True
# > 6     True
# > dtype: bool

# %% DataFrame.drop_duplicates pandas subset
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.drop_duplicates(subset=['Carrier'])
# >   Carrier Origin  DepDelay
# > 0      AA    JFK       5.0
# > 1      UA    EWR      -3.0
# > 3      DL    JFK      30.0

# %% DataFrame.drop_duplicates pandas keep last
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df.drop_duplicates(subset='Carrier', keep='last')
# >   Carrier Origin  DepDelay
# > 4      UA    EWR     -15.0
# > 5      DL    LGA     120.0
# > 6      AA    JFK       2.0

# %% DataFrame.drop_duplicates dask subset
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Carrier', 'Origin']].drop_duplicates(subset=['Carrier']).compute()
# >   Carrier Origin
# > 0      AA    JFK
# > 1      UA    EWR
# > 3      DL    JFK
# > 0      WN    LGA
# > 5      B6    JFK
# > 1      AS    SEA

# %% DataFrame.equals pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
print(df.equals(df.copy()), df.equals(df.head(3)))
# > True False

# %% DataFrame.corr pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay', 'Distance']].corr()
# >           DepDelay  ArrDelay  Distance
# > DepDelay  1.000000  0.987661 -0.437571
# > ArrDelay  0.987661  1.000000 -0.422710
# > Distance -0.437571 -0.422710  1.000000

# %% DataFrame.corr dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'ArrDelay', 'Distance']].corr().compute()
# >           DepDelay  ArrDelay  Distance
# > DepDelay  1.000000  0.978548  0.036967
# > ArrDelay  0.978548  1.000000  0.103699
# > Distance  0.036967  0.103699  1.000000

# %% DataFrame.cov pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay']].cov()
# >              DepDelay  ArrDelay
# > DepDelay  2468.566667    2360.9
# > ArrDelay  2360.900000    2314.7

# %% DataFrame.cov dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'ArrDelay']].cov().compute()
# >              DepDelay     ArrDelay
# > DepDelay  1082.783088  1110.743750
# > ArrDelay  1110.743750  1116.095833

# %% DataFrame.mean pandas numeric_only
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.mean(numeric_only=True)
# > DepTime      1065.333333
# > DepDelay       23.166667
# > ArrDelay       22.500000
# > Distance     1234.714286
# > Cancelled       0.142857
# > dtype: float64

# %% DataFrame.mean dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'ArrDelay', 'Distance']].mean().compute()
# > DepDelay      19.205882
# > ArrDelay      17.687500
# > Distance    1379.700000
# > dtype: float64

# %% DataFrame.sum pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance', 'Cancelled']].sum()
# > DepDelay      139.0
# > Distance     8643.0
# > Cancelled       1.0
# > dtype: float64

# %% DataFrame.sum dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'Distance', 'Cancelled']].sum().compute()
# > DepDelay       326.5
# > Distance     27594.0
# > Cancelled        3.0
# > dtype: float64

# %% DataFrame.min pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].min()
# > DepDelay    -15.0
# > Distance    719.0
# > dtype: float64

# %% DataFrame.min dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'Distance']].min().compute()
# > DepDelay    -15.0
# > Distance    187.0
# > dtype: float64

# %% DataFrame.max pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].max()
# > DepDelay     120.0
# > Distance    2475.0
# > dtype: float64

# %% DataFrame.max dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'Distance']].max().compute()
# > DepDelay     120.0
# > Distance    2565.0
# > dtype: float64

# %% DataFrame.median pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].median()
# > DepDelay      3.5
# > Distance    760.0
# > dtype: float64

# %% DataFrame.quantile pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].quantile(0.9)
# > DepDelay      75.0
# > Distance    2462.4
# > Name: 0.9, dtype: float64

# %% DataFrame.std pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].std()
# > DepDelay     49.684672
# > Distance    840.257840
# > dtype: float64

# %% DataFrame.std dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'Distance']].std().compute()
# > DepDelay     32.905670
# > Distance    938.133034
# > dtype: float64

# %% DataFrame.var pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].var()
# > DepDelay      2468.566667
# > Distance    706033.238095
# > dtype: float64

# %% DataFrame.var dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'Distance']].var().compute()
# > DepDelay      1082.783088
# > Distance    880093.589474
# > dtype: float64

# %% DataFrame.idxmax pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].idxmax()
# > DepDelay    5
# > Distance    0
# > dtype: int64

# %% DataFrame.idxmax dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'Distance']].idxmax().compute()
# > DepDelay    5
# > Distance    2
# > dtype: int64

# %% DataFrame.idxmin pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'Distance']].idxmin()
# > DepDelay    4
# > Distance    1
# > dtype: int64

# %% DataFrame.memory_usage pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['DepDelay', 'Distance']]
df.memory_usage()
# > Index       132
# > DepDelay     56
# > Distance     56
# > dtype: int64

# %% Series.sort_index pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.DepDelay.sort_values().sort_index()
# > 0      5.0
# > 1     -3.0
# > 2      NaN
# > 3     30.0
# > 4    -15.0
# > 5    120.0
# > 6      2.0
# > Name: DepDelay, dtype: float64

# %% Series.sort_index pandas labels
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.set_index('Origin').DepDelay.sort_index()
# > Origin
# > EWR     -3.0
# > EWR    -15.0
# > JFK      5.0
# > JFK     30.0
# > JFK      2.0
# > LGA      NaN
# > LGA    120.0
# > Name: DepDelay, dtype: float64

# %% Series.sort_values pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.DepDelay.sort_values()
# > 4    -15.0
# > 1     -3.0
# > 6      2.0
# > 0      5.0
# > 3     30.0
# > 5    120.0
# > 2      NaN
# > Name: DepDelay, dtype: float64

# %% Series.sort_values pandas descending
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.DepDelay.sort_values(ascending=False)
# > 5    120.0
# > 3     30.0
# > 0      5.0
# > 6      2.0
# > 1     -3.0
# > 4    -15.0
# > 2      NaN
# > Name: DepDelay, dtype: float64

# %% Series.sort_values dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.sort_values().compute()
# > AttributeError: 'Series' object has no attribute 'sort_values'
# > @ line 3

# %% Series.reset_index pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.DepDelay.sort_values().reset_index()
# >    index  DepDelay
# > 0      4     -15.0
# > 1      1      -3.0
# > 2      6       2.0
# > 3      0       5.0
# > 4      3      30.0
# > 5      5     120.0
# > 6      2       NaN

# %% Series.reset_index pandas drop
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.DepDelay.sort_values().reset_index(drop=True)
# > 0    -15.0
# > 1     -3.0
# > 2      2.0
# > 3      5.0
# > 4     30.0
# > 5    120.0
# > 6      NaN
# > Name: DepDelay, dtype: float64

# %% Series.to_frame pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.Carrier.to_frame()
# >   Carrier
# > 0      AA
# > 1      UA
# > 2      AA
# > 3      DL
# > 4      UA
# > 5      DL
# > 6      AA

# %% Series.to_frame dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Carrier.to_frame().head(3)
# >   Carrier
# > 0      AA
# > 1      UA
# > 2      AA

# %% Series.rename pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.DepDelay.rename('delay').head(3)
# > 0    5.0
# > 1   -3.0
# > 2    NaN
# > Name: delay, dtype: float64

# %% Series.rename dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.rename('delay').head(3)
# > 0    5.0
# > 1   -3.0
# > 2    NaN
# > Name: delay, dtype: float64

# %% Series.head pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.Dest.head(3)
# > 0    LAX
# > 1    ORD
# > 2    ATL
# > Name: Dest, dtype: object

# %% Series.head dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Dest.head(3)
# > 0    LAX
# > 1    ORD
# > 2    ATL
# > Name: Dest, dtype: object

# %% Series.tail pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.Dest.tail(2)
# > 5    ORD
# > 6    ORD
# > Name: Dest, dtype: object

# %% Series.tail dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Dest.tail(2)
# > 5    SEA
# > 6    LGA
# > Name: Dest, dtype: object

# %% Series.loc pandas label
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.Carrier.loc[3]
# > 'DL'

# %% Series.loc pandas slice
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.Carrier.loc[2:4]
# > 2    AA
# > 3    DL
# > 4    UA
# > Name: Carrier, dtype: object

# %% Series.loc pandas mask
import pandas as pd
df = pd.read_csv('flights-1.csv')
s = df.DepDelay
s.loc[s > 10]
# > 3     30.0
# > 5    120.0
# > Name: DepDelay, dtype: float64

# %% Series.iloc pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.Carrier.iloc[1]
# > 'UA'

# %% Series.iloc pandas slice
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.Carrier.iloc[-3:]
# > 4    UA
# > 5    DL
# > 6    AA
# > Name: Carrier, dtype: object

# %% Series.index pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.set_index('Origin').Carrier.index
# > Index(['JFK', 'EWR', 'LGA', 'JFK', 'EWR', 'LGA', 'JFK'], dtype='object', name='Origin')

# %% Series.name pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.Carrier.name
# > 'Carrier'

# %% Series.name dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Carrier.name
# > 'Carrier'

# %% Series.dtype pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
print(df.Carrier.dtype, df.DepDelay.dtype, df.Distance.dtype)
# > object float64 int64

# %% Series.dtype dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
print(df.Carrier.dtype, df.DepDelay.dtype, df.Distance.dtype)
# > object float64 int64

# %% Series.values pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.Distance.values
# > array([2475,  719,  762,  760, 2454,  733,  740])

# %% Series.tolist pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.Carrier.tolist()
# > ['AA', 'UA', 'AA', 'DL', 'UA', 'DL', 'AA']

# %% Series.to_dict pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.Carrier.head(3).to_dict()
# > {0: 'AA', 1: 'UA', 2: 'AA'}

# %% Series.nlargest pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.DepDelay.nlargest(3)
# > 5    120.0
# > 3     30.0
# > 0      5.0
# > Name: DepDelay, dtype: float64

# %% Series.nlargest dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.nlargest(3).compute()
# > 5    120.0
# > 1     55.0
# > 4     50.0
# > Name: DepDelay, dtype: float64

# %% Series.nsmallest pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.DepDelay.nsmallest(2)
# > 4   -15.0
# > 1    -3.0
# > Name: DepDelay, dtype: float64

# %% Series.nsmallest dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.nsmallest(2).compute()
# > 4   -15.0
# > 0    -4.0
# > Name: DepDelay, dtype: float64

# %% Series.idxmax pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.DepDelay.idxmax()
# > 5

# %% Series.idxmax dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.DepDelay.idxmax().compute()
# > 5

# %% Series.idxmin pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.set_index('Carrier').DepDelay.idxmin()
# > 'UA'

# %% Series.argmax pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.DepDelay.argmax()
# > 5

# %% Series.shape pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.DepDelay.shape
# > (7,)

# %% Series.size pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.DepDelay.size
# > 7

# %% Series.items pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
for i, v in df.Carrier.head(2).items():
    print(i, v)
# > 0 AA
# > 1 UA

# %% DataFrame.__getitem__ pandas row slice
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'Origin', 'DepDelay']]
df[2:5]
# >   Carrier Origin  DepDelay
# > 2      AA    LGA       NaN
# > 3      DL    JFK      30.0
# > 4      UA    EWR     -15.0

# %% DataFrame.__getitem__ pandas head slice
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']]
df[:2]
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 1      UA      -3.0

# %% Series.__getitem__ pandas slice
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.Carrier[1:3]
# > 1    UA
# > 2    AA
# > Name: Carrier, dtype: object

# %% DataFrame.loc pandas date slice
import pandas as pd
df = pd.read_csv('flights-1.csv', parse_dates=['Date']).set_index('Date')
df.loc['2019-01-02':'2019-01-03', ['Carrier', 'DepDelay']]
# >            Carrier  DepDelay
# > Date
# > 2019-01-02      AA       NaN
# > 2019-01-02      DL      30.0
# > 2019-01-03      UA     -15.0
# > 2019-01-03      DL     120.0

# %% DataFrame.index pandas date_range freq
import pandas as pd
df = pd.DataFrame({'A': [1.5, 2.5, 3.5]}, index=pd.date_range('20130101', periods=3))
df.index
# > DatetimeIndex(['2013-01-01', '2013-01-02', '2013-01-03'], dtype='datetime64[ns]', freq='D')

# %% DataFrame.at pandas set
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']].head(3)
df.at[2, 'DepDelay'] = 0.0
df
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 1      UA      -3.0
# > 2      AA       0.0

# %% DataFrame.iat pandas set
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']].head(3)
df.iat[0, 0] = 'XX'
df
# >   Carrier  DepDelay
# > 0      XX       5.0
# > 1      UA      -3.0
# > 2      AA       NaN

# %% DataFrame.loc pandas set column
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']].head(3)
df.loc[:, 'DepDelay'] = 1.0
df
# >   Carrier  DepDelay
# > 0      AA       1.0
# > 1      UA       1.0
# > 2      AA       1.0

# %% DataFrame.__setitem__ pandas list
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']].head(3)
df['gate'] = ['A1', 'B2', 'C3']
df
# >   Carrier  DepDelay gate
# > 0      AA       5.0   A1
# > 1      UA      -3.0   B2
# > 2      AA       NaN   C3

# %% DataFrame.set_index dask then loc
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Carrier', 'Dest', 'DepDelay']].set_index('Dest').compute().head(6)
# >      Carrier  DepDelay
# > Dest
# > ATL       AA       NaN
# > ATL       DL      30.0
# > ATL       WN       7.5
# > BOS       B6      -2.0
# > EWR       UA      -1.0
# > JFK       B6      -4.0

# %% DataFrame.set_index dask npartitions
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.set_index('Distance').npartitions
# > 3

# %% DataFrame.loc dask label slice
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.loc[1:2, ['Carrier', 'DepDelay']].compute()
# >   Carrier  DepDelay
# > 1      UA      -3.0
# > 2      AA       NaN
# > 1      AA      55.0
# > 2      UA       NaN
# > 1      AS      16.0
# > 2      UA      -1.0

# %% DataFrame.loc dask sorted index label
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.set_index('Origin').loc['JFK'][['Carrier', 'DepDelay']].compute()
# >        Carrier  DepDelay
# > Origin
# > JFK         AA       5.0
# > JFK         DL      30.0
# > JFK         AA       2.0
# > JFK         AA      55.0
# > JFK         DL      50.0
# > JFK         B6      -2.0

# %% Series.loc dask label
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Carrier.loc[3].compute()
# > 3    DL
# > 3    WN
# > 3    AA
# > Name: Carrier, dtype: object

# %% DataFrame.reindex pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']].head(3)
df.reindex(index=[2, 0, 5], columns=['DepDelay', 'Carrier', 'Gate'])
# >    DepDelay Carrier  Gate
# > 2       NaN      AA   NaN
# > 0       5.0      AA   NaN
# > 5       NaN     NaN   NaN

# %% DataFrame.loc pandas set rows slice
import pandas as pd
df = pd.read_csv('flights-1.csv')[['Carrier', 'DepDelay']].head(4)
df.loc[1:2, 'DepDelay'] = 0.0
df
# >   Carrier  DepDelay
# > 0      AA       5.0
# > 1      UA       0.0
# > 2      AA       0.0
# > 3      DL      30.0

# %% DataFrame.__setitem__ pandas series aligned by label
import pandas as pd
df = pd.DataFrame({'a': [1, 2, 3]}, index=['x', 'y', 'z'])
df['b'] = pd.Series([20.0, 30.0], index=['y', 'z'])
df
# >    a     b
# > x  1   NaN
# > y  2  20.0
# > z  3  30.0

# %% DataFrame.idxmin dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'ArrDelay', 'Distance']].idxmin().compute()
# > ArrDelay    4
# > DepDelay    4
# > Distance    5
# > dtype: int64

# %% DataFrame.loc pandas unsorted label slice
import pandas as pd
df = pd.DataFrame({'x': [1, 2, 3, 4]}, index=['b', 'a', 'd', 'c'])
df.loc['a':'c']
# >    x
# > a  2
# > d  3
# > c  4

# %% DataFrame.sample pandas frac
import pandas as pd
df = pd.read_csv('flights-2.csv')[['Carrier', 'Dest']]
df.sample(frac=0.5, random_state=42)
# >   Carrier Dest
# > 0      WN  MDW
# > 1      AA  LAX
# > 5      B6  BOS

# %% DataFrame.mean pandas axis 1
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay']].mean(axis=1)
# > 0      8.5
# > 1     -5.5
# > 2      NaN
# > 3     35.5
# > 4    -17.5
# > 5    115.5
# > 6      0.5
# > dtype: float64

# %% DataFrame.mean dask axis 1
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['DepDelay', 'ArrDelay']].mean(axis=1).compute()
# > 0      8.50
# > 1     -5.50
# > 2       NaN
# > 3     35.50
# > 4    -17.50
# > 5    115.50
# > 6      0.50
# > 0      1.50
# > 1     57.50
# > 2       NaN
# > 3      4.75
# > 4     44.00
# > 5     -3.50
# > 0     -6.50
# > 1     20.50
# > 2      1.50
# > 3     22.00
# > 4     -1.50
# > 5       NaN
# > 6     38.50
# > dtype: float64

# %% DataFrame.sum pandas axis 1
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['Distance', 'Cancelled']].sum(axis=1)
# > 0    2475
# > 1     719
# > 2     763
# > 3     760
# > 4    2454
# > 5     733
# > 6     740
# > dtype: int64

# %% DataFrame.max pandas axis columns
import pandas as pd
df = pd.read_csv('flights-1.csv')
df[['DepDelay', 'ArrDelay', 'Distance']].max(axis='columns')
# > 0    2475.0
# > 1     719.0
# > 2     762.0
# > 3     760.0
# > 4    2454.0
# > 5     733.0
# > 6     740.0
# > dtype: float64

# %% DataFrame.count pandas axis 1
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.count(axis=1)
# > 0    9
# > 1    9
# > 2    6
# > 3    9
# > 4    9
# > 5    9
# > 6    9
# > dtype: int64
