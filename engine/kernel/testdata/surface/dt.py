# The .dt accessor and pd.to_datetime (see gen.py).

# %% Series.dt.year pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.year
# > 0    2018
# > 1    2017
# > 2    2020
# > 3    2019
# > 4    2016
# > 5    2021
# > Name: joined, dtype: int64

# %% Series.dt.year dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.Date.dt.year.compute()
# > 0    2019
# > 1    2019
# > 2    2019
# > 3    2019
# > 4    2019
# > 5    2019
# > 6    2019
# > 0    2019
# > 1    2019
# > 2    2019
# > 3    2019
# > 4    2019
# > 5    2019
# > 0    2019
# > 1    2019
# > 2    2019
# > 3    2019
# > 4    2019
# > 5    2019
# > 6    2019
# > Name: Date, dtype: int64

# %% Series.dt.month pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.month
# > 0     3
# > 1    11
# > 2     7
# > 3     1
# > 4     5
# > 5    12
# > Name: joined, dtype: int64

# %% Series.dt.month dask
import dask.dataframe as dd
df = dd.read_csv('people.csv', parse_dates=['joined'])
df.joined.dt.month.compute()
# > 0     3
# > 1    11
# > 2     7
# > 3     1
# > 4     5
# > 5    12
# > Name: joined, dtype: int64

# %% Series.dt.day pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.day
# > 0    15
# > 1     2
# > 2    30
# > 3     9
# > 4    21
# > 5     1
# > Name: joined, dtype: int64

# %% Series.dt.day dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.Date.dt.day.compute()
# > 0     1
# > 1     1
# > 2     2
# > 3     2
# > 4     3
# > 5     3
# > 6     4
# > 0     5
# > 1     5
# > 2     6
# > 3     6
# > 4     7
# > 5     7
# > 0     8
# > 1     8
# > 2     9
# > 3     9
# > 4    10
# > 5    10
# > 6    11
# > Name: Date, dtype: int64

# %% Series.dt.hour pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-01-01 09:05:30', '2019-01-01 17:45:10']))
s.dt.hour
# > 0     9
# > 1    17
# > dtype: int64

# %% Series.dt.minute pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-01-01 09:05:30', '2019-01-01 17:45:10']))
s.dt.minute
# > 0     5
# > 1    45
# > dtype: int64

# %% Series.dt.second pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-01-01 09:05:30', '2019-01-01 17:45:10']))
s.dt.second
# > 0    30
# > 1    10
# > dtype: int64

# %% Series.dt.dayofweek pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.dayofweek
# > 0    3
# > 1    3
# > 2    3
# > 3    2
# > 4    5
# > 5    2
# > Name: joined, dtype: int64

# %% Series.dt.dayofweek dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.Date.dt.dayofweek.compute()
# > 0    1
# > 1    1
# > 2    2
# > 3    2
# > 4    3
# > 5    3
# > 6    4
# > 0    5
# > 1    5
# > 2    6
# > 3    6
# > 4    0
# > 5    0
# > 0    1
# > 1    1
# > 2    2
# > 3    2
# > 4    3
# > 5    3
# > 6    4
# > Name: Date, dtype: int64

# %% Series.dt.weekday pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.weekday
# > 0    3
# > 1    3
# > 2    3
# > 3    2
# > 4    5
# > 5    2
# > Name: joined, dtype: int64

# %% Series.dt.day_name pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.day_name()
# > 0     Thursday
# > 1     Thursday
# > 2     Thursday
# > 3    Wednesday
# > 4     Saturday
# > 5    Wednesday
# > Name: joined, dtype: object

# %% Series.dt.day_name dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.Date.dt.day_name().compute()
# > 0      Tuesday
# > 1      Tuesday
# > 2    Wednesday
# > 3    Wednesday
# > 4     Thursday
# > 5     Thursday
# > 6       Friday
# > 0     Saturday
# > 1     Saturday
# > 2       Sunday
# > 3       Sunday
# > 4       Monday
# > 5       Monday
# > 0      Tuesday
# > 1      Tuesday
# > 2    Wednesday
# > 3    Wednesday
# > 4     Thursday
# > 5     Thursday
# > 6       Friday
# > Name: Date, dtype: object

# %% Series.dt.month_name pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.month_name()
# > 0       March
# > 1    November
# > 2        July
# > 3     January
# > 4         May
# > 5    December
# > Name: joined, dtype: object

# %% Series.dt.date pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-01-01 09:05:30', '2019-01-02 17:45:10']))
s.dt.date
# > 0    2019-01-01
# > 1    2019-01-02
# > dtype: object

# %% Series.dt.quarter pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.quarter
# > 0    1
# > 1    4
# > 2    3
# > 3    1
# > 4    2
# > 5    4
# > Name: joined, dtype: int64

# %% Series.dt.quarter dask
import dask.dataframe as dd
df = dd.read_csv('people.csv', parse_dates=['joined'])
df.joined.dt.quarter.compute()
# > 0    1
# > 1    4
# > 2    3
# > 3    1
# > 4    2
# > 5    4
# > Name: joined, dtype: int64

# %% Series.dt.dayofyear pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.dayofyear
# > 0     74
# > 1    306
# > 2    212
# > 3      9
# > 4    142
# > 5    335
# > Name: joined, dtype: int64

# %% Series.dt.is_month_start pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.is_month_start
# > 0    False
# > 1    False
# > 2    False
# > 3    False
# > 4    False
# > 5     True
# > Name: joined, dtype: bool

# %% Series.dt.is_month_end pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-01-31', '2019-02-27', '2020-02-29']))
s.dt.is_month_end
# > 0     True
# > 1    False
# > 2     True
# > dtype: bool

# %% Series.dt.strftime pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.strftime('%d/%m/%Y')
# > 0    15/03/2018
# > 1    02/11/2017
# > 2    30/07/2020
# > 3    09/01/2019
# > 4    21/05/2016
# > 5    01/12/2021
# > Name: joined, dtype: object

# %% Series.dt.strftime dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.Date.dt.strftime('%b %d').compute()
# > 0    Jan 01
# > 1    Jan 01
# > 2    Jan 02
# > 3    Jan 02
# > 4    Jan 03
# > 5    Jan 03
# > 6    Jan 04
# > 0    Jan 05
# > 1    Jan 05
# > 2    Jan 06
# > 3    Jan 06
# > 4    Jan 07
# > 5    Jan 07
# > 0    Jan 08
# > 1    Jan 08
# > 2    Jan 09
# > 3    Jan 09
# > 4    Jan 10
# > 5    Jan 10
# > 6    Jan 11
# > Name: Date, dtype: object

# %% Series.dt.floor pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-01-01 09:05:30', '2019-01-01 17:45:10']))
s.dt.floor('H')
# > 0   2019-01-01 09:00:00
# > 1   2019-01-01 17:00:00
# > dtype: datetime64[ns]

# %% Series.dt.round pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-01-01 09:05:30', '2019-01-01 17:45:10']))
s.dt.round('H')
# > 0   2019-01-01 09:00:00
# > 1   2019-01-01 18:00:00
# > dtype: datetime64[ns]

# %% Series.dt.ceil pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-01-01 09:05:30', '2019-01-01 17:45:10']))
s.dt.ceil('D')
# > 0   2019-01-02
# > 1   2019-01-02
# > dtype: datetime64[ns]

# %% Series.dt.normalize pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-01-01 09:05:30', '2019-01-02 17:45:10']))
s.dt.normalize()
# > 0   2019-01-01
# > 1   2019-01-02
# > dtype: datetime64[ns]

# %% Series.dt.days pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
(pd.Timestamp('2022-01-01') - df['joined']).dt.days
# > 0    1388
# > 1    1521
# > 2     520
# > 3    1088
# > 4    2051
# > 5      31
# > Name: joined, dtype: int64

# %% Series.dt.days dask
import dask.dataframe as dd
import pandas as pd
df = dd.read_csv('people.csv', parse_dates=['joined'])
(pd.Timestamp('2022-01-01') - df.joined).dt.days.compute()
# > 0    1388
# > 1    1521
# > 2     520
# > 3    1088
# > 4    2051
# > 5      31
# > Name: joined, dtype: int64

# %% Series.dt.total_seconds pandas
import pandas as pd
s = pd.to_timedelta(pd.Series([90, 3600, 86400]), unit='s')
s.dt.total_seconds()
# > 0       90.0
# > 1     3600.0
# > 2    86400.0
# > dtype: float64

# %% Series.dt.seconds pandas
import pandas as pd
s = pd.to_timedelta(pd.Series([90, 3600, 86500]), unit='s')
s.dt.seconds
# > 0      90
# > 1    3600
# > 2     100
# > dtype: int64

# %% pd.to_datetime pandas column
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Date'] = pd.to_datetime(df['Date'])
df['Date'].dt.dayofweek
# > 0    1
# > 1    1
# > 2    2
# > 3    2
# > 4    3
# > 5    3
# > 6    4
# > Name: Date, dtype: int64

# %% pd.to_datetime pandas format
import pandas as pd
s = pd.Series(['15/03/2018', '02/11/2017'])
pd.to_datetime(s, format='%d/%m/%Y')
# > 0   2018-03-15
# > 1   2017-11-02
# > dtype: datetime64[ns]

# %% dd.to_datetime dask column
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
dd.to_datetime(df.Date).dt.month.compute()
# > 0    1
# > 1    1
# > 2    1
# > 3    1
# > 4    1
# > 5    1
# > 6    1
# > 0    1
# > 1    1
# > 2    1
# > 3    1
# > 4    1
# > 5    1
# > 0    1
# > 1    1
# > 2    1
# > 3    1
# > 4    1
# > 5    1
# > 6    1
# > dtype: int64

# %% Series.dt.to_period pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.to_period('M')
# > 0    2018-03
# > 1    2017-11
# > 2    2020-07
# > 3    2019-01
# > 4    2016-05
# > 5    2021-12
# > Name: joined, dtype: period[M]

# %% Series.dt.isocalendar pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.isocalendar().week
# > 0    11
# > 1    44
# > 2    31
# > 3     2
# > 4    20
# > 5    48
# > Name: week, dtype: UInt32

# %% Series.dt.is_year_start pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-01-01', '2019-06-01', '2020-12-31']))
s.dt.is_year_start
# > 0     True
# > 1    False
# > 2    False
# > dtype: bool

# %% Series.dt.is_year_end pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-01-01', '2019-06-01', '2020-12-31']))
s.dt.is_year_end
# > 0    False
# > 1    False
# > 2     True
# > dtype: bool

# %% Series.dt.is_quarter_start pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-04-01', '2019-06-01', '2020-12-31']))
s.dt.is_quarter_start
# > 0     True
# > 1    False
# > 2    False
# > dtype: bool

# %% Series.dt.days_in_month pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.days_in_month
# > 0    31
# > 1    30
# > 2    31
# > 3    31
# > 4    31
# > 5    31
# > Name: joined, dtype: int64

# %% Series.dt.is_leap_year pandas
import pandas as pd
df = pd.read_csv('people.csv', parse_dates=['joined'])
df['joined'].dt.is_leap_year
# > 0    False
# > 1    False
# > 2     True
# > 3    False
# > 4     True
# > 5    False
# > Name: joined, dtype: bool

# %% Series.dt.time pandas
import pandas as pd
s = pd.to_datetime(pd.Series(['2019-01-01 09:05:30', '2019-01-01 17:45:10']))
s.dt.time
# > 0    09:05:30
# > 1    17:45:10
# > dtype: object

# %% Series.dt.hour dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.Date.dt.hour.max().compute()
# > 0

# %% Series.dt.month_name dask
import dask.dataframe as dd
df = dd.read_csv('people.csv', parse_dates=['joined'])
df.joined.dt.month_name().compute()
# > 0       March
# > 1    November
# > 2        July
# > 3     January
# > 4         May
# > 5    December
# > Name: joined, dtype: object

# %% Series.dt.dayofyear dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.Date.dt.dayofyear.compute()
# > 0     1
# > 1     1
# > 2     2
# > 3     2
# > 4     3
# > 5     3
# > 6     4
# > 0     5
# > 1     5
# > 2     6
# > 3     6
# > 4     7
# > 5     7
# > 0     8
# > 1     8
# > 2     9
# > 3     9
# > 4    10
# > 5    10
# > 6    11
# > Name: Date, dtype: int64

# %% Series.dt.weekday dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.Date.dt.weekday.compute()
# > 0    1
# > 1    1
# > 2    2
# > 3    2
# > 4    3
# > 5    3
# > 6    4
# > 0    5
# > 1    5
# > 2    6
# > 3    6
# > 4    0
# > 5    0
# > 0    1
# > 1    1
# > 2    2
# > 3    2
# > 4    3
# > 5    3
# > 6    4
# > Name: Date, dtype: int64

# %% Series.dt.is_month_start dask
import dask.dataframe as dd
df = dd.read_csv('people.csv', parse_dates=['joined'])
df.joined.dt.is_month_start.compute()
# > 0    False
# > 1    False
# > 2    False
# > 3    False
# > 4    False
# > 5     True
# > Name: joined, dtype: bool

# %% Series.dt.floor dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.Date.dt.floor('D').head(3)
# > 0   2019-01-01
# > 1   2019-01-01
# > 2   2019-01-02
# > Name: Date, dtype: datetime64[ns]

# %% Series.dt.normalize dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.Date.dt.normalize().head(3)
# > 0   2019-01-01
# > 1   2019-01-01
# > 2   2019-01-02
# > Name: Date, dtype: datetime64[ns]

# %% Series.dt.total_seconds dask
import dask.dataframe as dd
import pandas as pd
df = dd.read_csv('people.csv', parse_dates=['joined'])
(pd.Timestamp('2022-01-01') - df.joined).dt.total_seconds().compute()
# > 0    119923200.0
# > 1    131414400.0
# > 2     44928000.0
# > 3     94003200.0
# > 4    177206400.0
# > 5      2678400.0
# > Name: joined, dtype: float64

# %% Series.dt.date dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv', parse_dates=['Date'])
df.Date.dt.date.head(3)
# > 0    2019-01-01
# > 1    2019-01-01
# > 2    2019-01-02
# > Name: Date, dtype: object

# %% Series.dt.days pandas to_timedelta
import pandas as pd
s = pd.to_timedelta(pd.Series([1, 2.5, 10]), unit='D')
s.dt.days
# > 0     1
# > 1     2
# > 2    10
# > dtype: int64
