# Group-by: aggregations, named aggregation, transform, cumulative
# counts, get_group, pivot tables (see gen.py). The flights files' group
# keys first appear in later files: Dask prints its aggregation's order.

# %% GroupBy.mean pandas
import pandas as pd
df = pd.concat([pd.read_csv('flights-1.csv'), pd.read_csv('flights-3.csv')])
df.groupby('Origin').DepDelay.mean()
# > Origin
# > ATL     41.000000
# > BOS     -4.000000
# > EWR     -9.000000
# > JFK     12.333333
# > LAX     22.000000
# > LGA    120.000000
# > MDW      3.000000
# > SEA     16.000000
# > SFO     -1.000000
# > Name: DepDelay, dtype: float64

# %% GroupBy.mean dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').DepDelay.mean().compute()
# > Origin
# > EWR    -9.000000
# > JFK    23.333333
# > LGA    42.500000
# > ATL    41.000000
# > BOS    -4.000000
# > LAX    22.000000
# > MDW     3.000000
# > SEA    16.000000
# > SFO    -1.000000
# > Name: DepDelay, dtype: float64

# %% GroupBy.mean dask sort=True
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin', sort=True).DepDelay.mean().compute()
# > Origin
# > ATL    41.000000
# > BOS    -4.000000
# > EWR    -9.000000
# > JFK    23.333333
# > LAX    22.000000
# > LGA    42.500000
# > MDW     3.000000
# > SEA    16.000000
# > SFO    -1.000000
# > Name: DepDelay, dtype: float64

# %% GroupBy.mean pandas sort=False
import pandas as pd
df = pd.read_csv('flights-3.csv')
df.groupby('Origin', sort=False).DepDelay.mean()
# > Origin
# > BOS    -4.0
# > SEA    16.0
# > SFO    -1.0
# > LAX    22.0
# > MDW     3.0
# > ATL    41.0
# > Name: DepDelay, dtype: float64

# %% GroupBy.sum dask frame
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[['Carrier', 'DepDelay', 'Distance']].groupby('Carrier').sum().compute()
# >          DepDelay  Distance
# > Carrier
# > AA           84.0      8927
# > DL          241.0      4677
# > UA          -19.0      8303
# > B6           -6.0       374
# > WN           10.5      2212
# > AS           16.0      3101

# %% GroupBy.size pandas
import pandas as pd
df = pd.read_csv('flights-2.csv')
df.groupby('Origin').size()
# > Origin
# > EWR    1
# > JFK    3
# > LGA    2
# > dtype: int64

# %% GroupBy.size dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Dest').size().compute()
# > Dest
# > ATL    3
# > LAX    3
# > ORD    3
# > BOS    1
# > MDW    1
# > SEA    2
# > SFO    1
# > EWR    1
# > JFK    3
# > LGA    2
# > dtype: int64

# %% GroupBy.count pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Carrier').count()
# >          Date  Origin  Dest  DepTime  DepDelay  ArrDelay  Distance  Cancelled
# > Carrier
# > AA          3       3     3        2         2         2         3          3
# > DL          2       2     2        2         2         2         2          2
# > UA          2       2     2        2         2         2         2          2

# %% GroupBy.count dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Carrier').DepDelay.count().compute()
# > Carrier
# > AA    4
# > DL    4
# > UA    3
# > B6    2
# > WN    3
# > AS    1
# > Name: DepDelay, dtype: int64

# %% GroupBy.first pandas
import pandas as pd
df = pd.read_csv('flights-2.csv')
df.groupby('Origin').first()
# >               Date Carrier Dest  DepTime  DepDelay  ArrDelay  Distance  \
# > Origin
# > EWR     2019-01-06      UA  SFO      NaN       NaN       NaN      2565
# > JFK     2019-01-05      AA  LAX   1555.0      55.0      60.0      2475
# > LGA     2019-01-05      WN  MDW    655.0       0.0       3.0       725
# >
# >         Cancelled
# > Origin
# > EWR             1
# > JFK             0
# > LGA             0

# %% GroupBy.first dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').Dest.first().compute()
# > Origin
# > EWR    ORD
# > JFK    LAX
# > LGA    ATL
# > ATL    LGA
# > BOS    JFK
# > LAX    JFK
# > MDW    LGA
# > SEA    JFK
# > SFO    EWR
# > Name: Dest, dtype: object

# %% GroupBy.last pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin')[['Dest', 'DepDelay']].last()
# >        Dest  DepDelay
# > Origin
# > EWR     LAX     -15.0
# > JFK     ORD       2.0
# > LGA     ORD     120.0

# %% GroupBy.last dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Carrier').Date.last().compute()
# > Carrier
# > AA    2019-01-09
# > DL    2019-01-11
# > UA    2019-01-09
# > B6    2019-01-08
# > WN    2019-01-10
# > AS    2019-01-10
# > Name: Date, dtype: object

# %% GroupBy.nunique pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin').Dest.nunique()
# > Origin
# > EWR    2
# > JFK    3
# > LGA    2
# > Name: Dest, dtype: int64

# %% GroupBy.nunique pandas frame
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin').nunique()
# >         Date  Carrier  Dest  DepTime  DepDelay  ArrDelay  Distance  Cancelled
# > Origin
# > EWR        2        1     2        2         2         2         2          1
# > JFK        3        2     3        3         3         3         3          1
# > LGA        2        2     2        1         1         1         2          2

# %% GroupBy.nunique pandas columns
import pandas as pd
df = pd.read_csv('flights-2.csv')
df.groupby('Carrier')[['Dest', 'Origin']].nunique()
# >          Dest  Origin
# > Carrier
# > AA          1       1
# > B6          1       1
# > DL          1       1
# > UA          1       1
# > WN          2       1

# %% GroupBy.nunique dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').Dest.nunique().compute()
# > Origin
# > EWR    3
# > JFK    5
# > LGA    3
# > ATL    1
# > BOS    1
# > LAX    1
# > MDW    1
# > SEA    1
# > SFO    2
# > Name: Dest, dtype: int64

# %% GroupBy.std pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin').DepDelay.std()
# > Origin
# > EWR     8.485281
# > JFK    15.373137
# > LGA          NaN
# > Name: DepDelay, dtype: float64

# %% GroupBy.std dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Carrier').ArrDelay.std().compute()
# > Carrier
# > AA    32.129944
# > DL    36.391391
# > UA    12.000000
# > B6     2.828427
# > WN     4.932883
# > AS          NaN
# > Name: ArrDelay, dtype: float64

# %% GroupBy.var pandas
import pandas as pd
df = pd.read_csv('flights-2.csv')
df.groupby('Carrier').DepDelay.var()
# > Carrier
# > AA       NaN
# > B6       NaN
# > DL       NaN
# > UA       NaN
# > WN    28.125
# > Name: DepDelay, dtype: float64

# %% GroupBy.var dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').Distance.var().compute()
# > Origin
# > EWR    1.071710e+06
# > JFK    1.119985e+06
# > LGA    3.736667e+02
# > ATL             NaN
# > BOS             NaN
# > LAX             NaN
# > MDW             NaN
# > SEA             NaN
# > SFO    1.778498e+06
# > Name: Distance, dtype: float64

# %% GroupBy.min dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').DepDelay.min().compute()
# > Origin
# > EWR   -15.0
# > JFK    -2.0
# > LGA     0.0
# > ATL    41.0
# > BOS    -4.0
# > LAX    22.0
# > MDW     3.0
# > SEA    16.0
# > SFO    -1.0
# > Name: DepDelay, dtype: float64

# %% GroupBy.max dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', blocksize=100)
df.groupby('Dest').Distance.max().compute()
# > Dest
# > LAX    2475
# > ORD     740
# > ATL     762
# > MDW     725
# > SFO    2565
# > BOS     187
# > SEA    2422
# > JFK    2475
# > EWR    2565
# > LGA     762
# > Name: Distance, dtype: int64

# %% GroupBy.min pandas
import pandas as pd
df = pd.read_csv('flights-3.csv')
df.groupby('Carrier').DepDelay.min()
# > Carrier
# > AA    22.0
# > AS    16.0
# > B6    -4.0
# > DL    41.0
# > UA    -1.0
# > WN     3.0
# > Name: DepDelay, dtype: float64

# %% GroupBy.sum pandas
import pandas as pd
df = pd.read_csv('flights-3.csv')
df.groupby('Carrier')[['DepDelay', 'Distance']].sum()
# >          DepDelay  Distance
# > Carrier
# > AA           22.0      2475
# > AS           16.0      3101
# > B6           -4.0       187
# > DL           41.0       762
# > UA           -1.0      2565
# > WN            3.0       725

# %% GroupBy.prod pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Carrier').Cancelled.prod()
# > Carrier
# > AA    0
# > DL    0
# > UA    0
# > Name: Cancelled, dtype: int64

# %% GroupBy.max pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Carrier').ArrDelay.max()
# > Carrier
# > AA     12.0
# > DL    111.0
# > UA     -8.0
# > Name: ArrDelay, dtype: float64

# %% GroupBy.median pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin').DepDelay.median()
# > Origin
# > EWR     -9.0
# > JFK      5.0
# > LGA    120.0
# > Name: DepDelay, dtype: float64

# %% GroupBy.median dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').DepDelay.median().compute()
# > Origin
# > JFK    17.5
# > EWR    -9.0
# > LGA     7.5
# > BOS    -4.0
# > SEA    16.0
# > SFO    -1.0
# > LAX    22.0
# > MDW     3.0
# > ATL    41.0
# > Name: DepDelay, dtype: float64

# %% GroupBy.agg pandas list
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin').DepDelay.agg(['mean', 'min', 'max'])
# >               mean    min    max
# > Origin
# > EWR      -9.000000  -15.0   -3.0
# > JFK      12.333333    2.0   30.0
# > LGA     120.000000  120.0  120.0

# %% GroupBy.agg dask dict
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').agg({'DepDelay': 'mean', 'Distance': 'max'}).compute()
# >          DepDelay  Distance
# > Origin
# > JFK     23.333333      2475
# > EWR     -9.000000      2565
# > LGA     42.500000       762
# > BOS     -4.000000       187
# > SEA     16.000000      2422
# > SFO     -1.000000      2565
# > LAX     22.000000      2475
# > MDW      3.000000       725
# > ATL     41.000000       762

# %% GroupBy.agg pandas named aggregation
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin').agg(total=('DepDelay', 'sum'), flights=('Dest', 'count'))
# >         total  flights
# > Origin
# > EWR     -18.0        2
# > JFK      37.0        3
# > LGA     120.0        2

# %% GroupBy.agg dask named aggregation
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').agg(total=('DepDelay', 'sum'), longest=('Distance', 'max')).compute()
# >         total  longest
# > Origin
# > JFK     140.0     2475
# > EWR     -18.0     2565
# > LGA     127.5      762
# > BOS      -4.0      187
# > SEA      16.0     2422
# > SFO      -1.0     2565
# > LAX      22.0     2475
# > MDW       3.0      725
# > ATL      41.0      762

# %% GroupBy.agg pandas named on a column
import pandas as pd
df = pd.read_csv('flights-2.csv')
df.groupby('Carrier').DepDelay.agg(average='mean', worst='max')
# >          average  worst
# > Carrier
# > AA         55.00   55.0
# > B6         -2.00   -2.0
# > DL         50.00   50.0
# > UA           NaN    NaN
# > WN          3.75    7.5

# %% GroupBy.agg pandas function
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin').DepDelay.agg(lambda s: s.max() - s.min())
# > Origin
# > EWR    12.0
# > JFK    28.0
# > LGA     0.0
# > Name: DepDelay, dtype: float64

# %% GroupBy.agg dask function
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').DepDelay.agg(lambda s: s.max() - s.min()).compute()
# > ValueError: unknown aggregate lambda
# > @ line 3

# %% GroupBy.transform pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin').DepDelay.transform('mean')
# > 0     12.333333
# > 1     -9.000000
# > 2    120.000000
# > 3     12.333333
# > 4     -9.000000
# > 5    120.000000
# > 6     12.333333
# > Name: DepDelay, dtype: float64

# %% GroupBy.transform pandas subtract the mean
import pandas as pd
df = pd.read_csv('flights-2.csv')
df['Centered'] = df.DepDelay - df.groupby('Carrier').DepDelay.transform('mean')
df[['Carrier', 'DepDelay', 'Centered']]
# >   Carrier  DepDelay  Centered
# > 0      WN       0.0     -3.75
# > 1      AA      55.0      0.00
# > 2      UA       NaN       NaN
# > 3      WN       7.5      3.75
# > 4      DL      50.0      0.00
# > 5      B6      -2.0      0.00

# %% GroupBy.transform dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').DepDelay.transform('mean').compute()
# > 3    22.000000
# > 4     3.000000
# > 6    41.000000
# > 0    23.333333
# > 1    -9.000000
# > 3    23.333333
# > 4    -9.000000
# > 6    23.333333
# > 1    23.333333
# > 2    -9.000000
# > 4    23.333333
# > 5    23.333333
# > 0    -4.000000
# > 1    16.000000
# > 2    42.500000
# > 5    42.500000
# > 0    42.500000
# > 3    42.500000
# > 2    -1.000000
# > 5    -1.000000
# > Name: DepDelay, dtype: float64

# %% GroupBy.cumsum pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin').DepDelay.cumsum()
# > 0      5.0
# > 1     -3.0
# > 2      NaN
# > 3     35.0
# > 4    -18.0
# > 5    120.0
# > 6     37.0
# > Name: DepDelay, dtype: float64

# %% GroupBy.cumsum dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').DepDelay.cumsum().compute()
# > 0      5.0
# > 1     -3.0
# > 2      NaN
# > 3     35.0
# > 4    -18.0
# > 5    120.0
# > 6     37.0
# > 0    120.0
# > 1     92.0
# > 2      NaN
# > 3    127.5
# > 4    142.0
# > 5    140.0
# > 0     -4.0
# > 1     16.0
# > 2     -1.0
# > 3     22.0
# > 4      3.0
# > 5      NaN
# > 6     41.0
# > Name: DepDelay, dtype: float64

# %% GroupBy.cumsum pandas frame
import pandas as pd
df = pd.read_csv('flights-2.csv')
df.groupby('Origin')[['DepDelay', 'Distance']].cumsum()
# >    DepDelay  Distance
# > 0       0.0       725
# > 1      55.0      2475
# > 2       NaN      2565
# > 3       7.5      1487
# > 4     105.0      4897
# > 5     103.0      5084

# %% GroupBy.cumsum dask many partitions
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', blocksize=100)
df.groupby('Carrier').Distance.cumsum().compute()
# > 0    2475
# > 1     719
# > 0    3237
# > 1     760
# > 2    3173
# > 0    1493
# > 1    3977
# > 0     725
# > 0    6452
# > 1    5738
# > 2    1487
# > 0    3915
# > 1     187
# > 0     374
# > 1    2422
# > 0    8303
# > 1    8927
# > 2    2212
# > 0    3101
# > 1    4677
# > Name: Distance, dtype: int64

# %% GroupBy.cumcount pandas
import pandas as pd
df = pd.read_csv('flights-2.csv')
df.groupby('Carrier').cumcount()
# > 0    0
# > 1    0
# > 2    0
# > 3    1
# > 4    0
# > 5    0
# > dtype: int64

# %% GroupBy.cumcount dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').cumcount().compute()
# > 0    0
# > 1    0
# > 2    0
# > 3    1
# > 4    1
# > 5    1
# > 6    2
# > 0    2
# > 1    3
# > 2    2
# > 3    3
# > 4    4
# > 5    5
# > 0    0
# > 1    0
# > 2    0
# > 3    0
# > 4    0
# > 5    1
# > 6    0
# > dtype: int64

# %% GroupBy.apply pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin').apply(lambda g: g.DepDelay.max() - g.DepDelay.min())
# > Origin
# > EWR    12.0
# > JFK    28.0
# > LGA     0.0
# > dtype: float64

# %% GroupBy.apply dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').apply(lambda g: g.DepDelay.mean()).compute()
# > Origin
# > ATL    41.000000
# > LAX    22.000000
# > MDW     3.000000
# > BOS    -4.000000
# > EWR    -9.000000
# > JFK    23.333333
# > SEA    16.000000
# > LGA    42.500000
# > SFO    -1.000000
# > dtype: float64

# %% GroupBy.get_group pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin').get_group('JFK')
# >          Date Carrier Origin Dest  DepTime  DepDelay  ArrDelay  Distance  \
# > 0  2019-01-01      AA    JFK  LAX    905.0       5.0      12.0      2475
# > 3  2019-01-02      DL    JFK  ATL   1130.0      30.0      41.0       760
# > 6  2019-01-04      AA    JFK  ORD   1402.0       2.0      -1.0       740
# >
# >    Cancelled
# > 0          0
# > 3          0
# > 6          0

# %% GroupBy.get_group dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').get_group('LGA').compute()
# >          Date Carrier Origin Dest  DepTime  DepDelay  ArrDelay  Distance  \
# > 2  2019-01-02      AA    LGA  ATL      NaN       NaN       NaN       762
# > 5  2019-01-03      DL    LGA  ORD   1200.0     120.0     111.0       733
# > 0  2019-01-05      WN    LGA  MDW    655.0       0.0       3.0       725
# > 3  2019-01-06      WN    LGA  ATL    910.0       7.5       2.0       762
# >
# >    Cancelled
# > 2          1
# > 5          0
# > 0          0
# > 3          0

# %% GroupBy.mean pandas two keys
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby(['Origin', 'Carrier']).DepDelay.mean()
# > Origin  Carrier
# > EWR     UA          -9.0
# > JFK     AA           3.5
# >         DL          30.0
# > LGA     AA           NaN
# >         DL         120.0
# > Name: DepDelay, dtype: float64

# %% GroupBy.mean dask two keys
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby(['Origin', 'Carrier']).DepDelay.mean().compute()
# > Origin  Carrier
# > EWR     UA          -9.000000
# > JFK     AA          20.666667
# >         DL          40.000000
# > LGA     AA                NaN
# >         DL         120.000000
# > JFK     B6          -2.000000
# > LGA     WN           3.750000
# > ATL     DL          41.000000
# > BOS     B6          -4.000000
# > LAX     AA          22.000000
# > MDW     WN           3.000000
# > SEA     AS          16.000000
# > SFO     AS                NaN
# >         UA          -1.000000
# > Name: DepDelay, dtype: float64

# %% GroupBy.value_counts pandas
import pandas as pd
df = pd.read_csv('flights-2.csv')
df.groupby('Origin').Dest.value_counts()
# > Origin  Dest
# > EWR     SFO     1
# > JFK     BOS     1
# >         LAX     1
# >         SEA     1
# > LGA     ATL     1
# >         MDW     1
# > Name: Dest, dtype: int64

# %% GroupBy.value_counts pandas ties
import pandas as pd
df = pd.concat([pd.read_csv('flights-1.csv'), pd.read_csv('flights-2.csv')])
df.groupby('Origin').Dest.value_counts()
# > Origin  Dest
# > EWR     LAX     1
# >         ORD     1
# >         SFO     1
# > JFK     LAX     2
# >         ATL     1
# >         BOS     1
# >         ORD     1
# >         SEA     1
# > LGA     ATL     2
# >         MDW     1
# >         ORD     1
# > Name: Dest, dtype: int64

# %% GroupBy.value_counts dask sort=True
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', blocksize=100)
df.groupby('Carrier', sort=True).Origin.value_counts().compute()
# > Carrier  Origin
# > AA       JFK       3
# >          LAX       1
# >          LGA       1
# > AS       SEA       1
# >          SFO       1
# > B6       BOS       1
# >          JFK       1
# > DL       ATL       1
# >          JFK       2
# >          LGA       1
# > UA       EWR       3
# >          SFO       1
# > WN       LGA       2
# >          MDW       1
# > Name: Origin, dtype: int64

# %% GroupBy.value_counts dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('Origin').Dest.value_counts().compute()
# > Origin  Dest
# > EWR     LAX     1
# >         ORD     1
# >         SFO     1
# > JFK     ATL     1
# >         BOS     1
# >         LAX     2
# >         ORD     1
# >         SEA     1
# > LGA     ATL     2
# >         MDW     1
# >         ORD     1
# > ATL     LGA     1
# > BOS     JFK     1
# > LAX     JFK     1
# > MDW     LGA     1
# > SEA     JFK     1
# > SFO     EWR     1
# >         SEA     1
# > Name: Dest, dtype: int64

# %% DataFrame.groupby pandas as_index=False
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('Origin', as_index=False).DepDelay.mean()
# >   Origin    DepDelay
# > 0    EWR   -9.000000
# > 1    JFK   12.333333
# > 2    LGA  120.000000

# %% DataFrame.groupby pandas dropna=False
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.groupby('DepTime', dropna=False).Distance.sum()
# > DepTime
# > 745.0     2454
# > 905.0     2475
# > 1010.0     719
# > 1130.0     760
# > 1200.0     733
# > 1402.0     740
# > NaN        762
# > Name: Distance, dtype: int64

# %% DataFrame.groupby dask dropna=False
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.groupby('DepTime', dropna=False).Distance.sum().compute()
# > DepTime
# > 745.0     2454
# > 905.0     2475
# > 1010.0     719
# > 1130.0     760
# > 1200.0     733
# > 1402.0     740
# > NaN       3327
# > 655.0      725
# > 910.0      762
# > 1555.0    2475
# > 1750.0    2422
# > 2105.0     187
# > 600.0      187
# > 800.0     2565
# > 1230.0    2422
# > 1340.0    2475
# > 1715.0     725
# > 1920.0     679
# > 2020.0     762
# > Name: Distance, dtype: int64

# %% pd.pivot_table pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
pd.pivot_table(df, values='DepDelay', index='Origin', columns='Carrier', aggfunc='mean')
# > Carrier   AA     DL   UA
# > Origin
# > EWR      NaN    NaN -9.0
# > JFK      3.5   30.0  NaN
# > LGA      NaN  120.0  NaN

# %% DataFrame.pivot_table pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df.pivot_table(values='Distance', index='Origin', aggfunc='sum')
# >         Distance
# > Origin
# > EWR         3173
# > JFK         3975
# > LGA         1495

# %% pd.pivot_table pandas several values
import pandas as pd
df = pd.concat([pd.read_csv('flights-1.csv'), pd.read_csv('flights-3.csv')])
pd.pivot_table(df, values=['Distance', 'DepDelay'], index='Carrier')
# >           DepDelay     Distance
# > Carrier
# > AA        9.666667  1613.000000
# > AS       16.000000  1550.500000
# > B6       -4.000000   187.000000
# > DL       63.666667   751.666667
# > UA       -6.333333  1912.666667
# > WN        3.000000   725.000000

# %% DataFrame.pivot_table pandas mean of whole numbers
import pandas as pd
df = pd.read_csv('flights-2.csv')
df.pivot_table(values=['Distance', 'ArrDelay'], index=['Origin', 'Carrier'], aggfunc='max')
# >                 ArrDelay  Distance
# > Origin Carrier
# > EWR    UA            NaN      2565
# > JFK    AA           60.0      2475
# >        B6           -5.0       187
# >        DL           38.0      2422
# > LGA    WN            3.0       762

# %% dd.pivot_table dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
dd.pivot_table(df, index='Origin', columns='Carrier', values='DepDelay', aggfunc='mean').compute()
# > ValueError: 'columns' must be category dtype
# > @ line 3

# %% pd.crosstab pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
pd.crosstab(df.Origin, df.Carrier)
# > Carrier  AA  DL  UA
# > Origin
# > EWR       0   0   2
# > JFK       2   1   0
# > LGA       1   1   0
