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
