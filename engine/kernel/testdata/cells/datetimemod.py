# Python's datetime module: date, datetime, time, timedelta (naive: no time zones).

# %% datetime repr and str
from datetime import datetime
d = datetime(2024, 1, 2, 3, 4)
print(d)
(d, datetime(2024, 1, 2), datetime(2024, 1, 2, 3, 4, 5), datetime(2024, 1, 2, 3, 4, 5, 6))
# > 2024-01-02 03:04:00
# > (datetime.datetime(2024, 1, 2, 3, 4), datetime.datetime(2024, 1, 2, 0, 0), datetime.datetime(2024, 1, 2, 3, 4, 5), datetime.datetime(2024, 1, 2, 3, 4, 5, 6))

# %% date repr and str
from datetime import date
d = date(2024, 3, 15)
print(d)
(d, str(d), d.year, d.month, d.day)
# > 2024-03-15
# > (datetime.date(2024, 3, 15), '2024-03-15', 2024, 3, 15)

# %% constructors with keywords
import datetime
(datetime.datetime(year=2020, month=5, day=17, hour=12), datetime.date(day=1, month=2, year=2003), datetime.time(hour=9, minute=30))
# > (datetime.datetime(2020, 5, 17, 12, 0), datetime.date(2003, 2, 1), datetime.time(9, 30))

# %% datetime attributes
from datetime import datetime
d = datetime(2024, 2, 29, 23, 59, 58, 123456)
(d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, d.tzinfo)
# > (2024, 2, 29, 23, 59, 58, 123456, None)

# %% timedelta repr and str
from datetime import timedelta
td = timedelta(days=1, hours=1)
print(td)
print(timedelta(hours=-1))
print(timedelta(days=2, microseconds=5))
(td, timedelta(0), timedelta(weeks=1, minutes=3), timedelta(seconds=-1), timedelta(milliseconds=1.5))
# > 1 day, 1:00:00
# > -1 day, 23:00:00
# > 2 days, 0:00:00.000005
# > (datetime.timedelta(days=1, seconds=3600), datetime.timedelta(0), datetime.timedelta(days=7, seconds=180), datetime.timedelta(days=-1, seconds=86399), datetime.timedelta(microseconds=1500))

# %% timedelta normalization and attributes
from datetime import timedelta
td = timedelta(days=-1, seconds=5)
(td.days, td.seconds, td.microseconds, timedelta(hours=36).days, timedelta(hours=36).seconds, timedelta(days=0.5), timedelta(seconds=1.0000005))
# > (-1, 5, 0, 1, 43200, datetime.timedelta(seconds=43200), datetime.timedelta(seconds=1, microseconds=1))

# %% datetime arithmetic
from datetime import datetime, timedelta
a = datetime(2024, 1, 31, 12)
b = a + timedelta(days=1, hours=13)
(b, b - a, a - b, a - timedelta(weeks=5), timedelta(hours=1) + a)
# > (datetime.datetime(2024, 2, 2, 1, 0), datetime.timedelta(days=1, seconds=46800), datetime.timedelta(days=-2, seconds=39600), datetime.datetime(2023, 12, 27, 12, 0), datetime.datetime(2024, 1, 31, 13, 0))

# %% date arithmetic
from datetime import date, timedelta
d = date(2024, 2, 28)
(d + timedelta(days=2), d - timedelta(days=365), date(2024, 12, 25) - d, d + timedelta(hours=30))
# > (datetime.date(2024, 3, 1), datetime.date(2023, 2, 28), datetime.timedelta(days=301), datetime.date(2024, 2, 29))

# %% timedelta arithmetic
from datetime import timedelta
h = timedelta(hours=1)
(h * 3, 2 * h, h * 1.5, h / 4, h / timedelta(minutes=20), h // timedelta(minutes=25), h % timedelta(minutes=25), h // 7, -h, abs(-h), h - timedelta(hours=2), timedelta(days=1) / 3)
# > (datetime.timedelta(seconds=10800), datetime.timedelta(seconds=7200), datetime.timedelta(seconds=5400), datetime.timedelta(seconds=900), 3.0, 2, datetime.timedelta(seconds=600), datetime.timedelta(seconds=514, microseconds=285714), datetime.timedelta(days=-1, seconds=82800), datetime.timedelta(seconds=3600), datetime.timedelta(days=-1, seconds=82800), datetime.timedelta(seconds=28800))

# %% total_seconds
from datetime import timedelta, datetime
((datetime(2024, 1, 2) - datetime(2024, 1, 1, 12)).total_seconds(), timedelta(milliseconds=1500).total_seconds(), timedelta(days=-1).total_seconds())
# > (43200.0, 1.5, -86400.0)

# %% comparisons
from datetime import datetime, date, timedelta
a = datetime(2024, 1, 1)
b = datetime(2024, 1, 1, 0, 0, 1)
(a < b, a == datetime(2024, 1, 1), a != b, max(a, b), date(2024, 1, 1) == a, timedelta(1) > timedelta(hours=23), sorted([b, a]) == [a, b], date(2023, 12, 31) < date(2024, 1, 1))
# > (True, True, True, datetime.datetime(2024, 1, 1, 0, 0, 1), False, True, True, True)

# %% comparing date and datetime
from datetime import datetime, date
date(2024, 1, 1) < datetime(2024, 1, 1)
# > TypeError: can't compare datetime.datetime to datetime.date
# > @ line 2

# %% weekday, isoweekday, isocalendar, toordinal
from datetime import date, datetime
d = date(2024, 1, 7)
(d.weekday(), d.isoweekday(), d.isocalendar(), d.isocalendar().week, d.toordinal(), date.fromordinal(738892), datetime(2024, 1, 1).weekday())
# > (6, 7, datetime.IsoCalendarDate(year=2024, week=1, weekday=7), 1, 738892, datetime.date(2024, 1, 7), 0)

# %% replace, date and time parts
from datetime import datetime
d = datetime(2024, 5, 6, 7, 8, 9)
(d.replace(year=2000, minute=0), d.date(), d.time(), str(d.time()), d.replace(day=31, month=1))
# > (datetime.datetime(2000, 5, 6, 7, 0, 9), datetime.date(2024, 5, 6), datetime.time(7, 8, 9), '07:08:09', datetime.datetime(2024, 1, 31, 7, 8, 9))

# %% replace to an invalid date
from datetime import datetime
datetime(2024, 1, 31).replace(month=2)
# > ValueError: day is out of range for month
# > @ line 2

# %% isoformat
from datetime import datetime, date
d = datetime(2024, 1, 2, 3, 4, 5, 60)
(d.isoformat(), d.isoformat(" "), d.isoformat(timespec="minutes"), d.isoformat(timespec="milliseconds"), datetime(2024, 1, 2).isoformat(), date(2024, 1, 2).isoformat())
# > ('2024-01-02T03:04:05.000060',
# >  '2024-01-02 03:04:05.000060',
# >  '2024-01-02T03:04',
# >  '2024-01-02T03:04:05.000',
# >  '2024-01-02T00:00:00',
# >  '2024-01-02')

# %% fromisoformat
from datetime import datetime, date, time
(datetime.fromisoformat("2024-01-02"), datetime.fromisoformat("2024-01-02T03:04:05"), datetime.fromisoformat("2024-01-02 03:04"), datetime.fromisoformat("2024-01-02T03:04:05.123"), date.fromisoformat("2024-12-31"), time.fromisoformat("10:30"), datetime.fromisoformat("20240102"))
# > (datetime.datetime(2024, 1, 2, 0, 0), datetime.datetime(2024, 1, 2, 3, 4, 5), datetime.datetime(2024, 1, 2, 3, 4), datetime.datetime(2024, 1, 2, 3, 4, 5, 123000), datetime.date(2024, 12, 31), datetime.time(10, 30), datetime.datetime(2024, 1, 2, 0, 0))

# %% fromisoformat invalid
from datetime import datetime
datetime.fromisoformat("2024-1-2")
# > ValueError: Invalid isoformat string: '2024-1-2'
# > @ line 2

# %% strftime
from datetime import datetime
d = datetime(2024, 1, 2, 15, 4, 5, 123)
(d.strftime("%Y-%m-%d %H:%M:%S"), d.strftime("%a %A %b %B %d %j"), d.strftime("%I:%M %p"), d.strftime("%y %f %%"), d.strftime("%c"), d.strftime("%x %X"), d.strftime("%U %W %w %u"), d.strftime("%G-W%V"))
# > ('2024-01-02 15:04:05',
# >  'Tue Tuesday Jan January 02 002',
# >  '03:04 PM',
# >  '24 000123 %',
# >  'Tue Jan  2 15:04:05 2024',
# >  '01/02/24 15:04:05',
# >  '00 01 2 2',
# >  '2024-W01')

# %% strftime in f-strings and on dates
from datetime import datetime, date
d = datetime(2024, 7, 4, 9, 5)
(f"{d:%d/%m/%Y}", f"{date(2024, 1, 2):%B %d, %Y}", f"{d.time():%H:%M}", date(2024, 1, 2).strftime("%Y%m%d %H:%M"))
# > ('04/07/2024', 'January 02, 2024', '09:05', '20240102 00:00')

# %% strptime
from datetime import datetime
(datetime.strptime("2024-01-02", "%Y-%m-%d"), datetime.strptime("02/01/24 13:45", "%d/%m/%y %H:%M"), datetime.strptime("Jan 5 2023 4:05PM", "%b %d %Y %I:%M%p"), datetime.strptime("March 3, 1999", "%B %d, %Y"), datetime.strptime("12:30:15.25", "%H:%M:%S.%f"), datetime.strptime("2024 060", "%Y %j"), datetime.strptime("monday 2024-01-01", "%A %Y-%m-%d"))
# > (datetime.datetime(2024, 1, 2, 0, 0), datetime.datetime(2024, 1, 2, 13, 45), datetime.datetime(2023, 1, 5, 16, 5), datetime.datetime(1999, 3, 3, 0, 0), datetime.datetime(1900, 1, 1, 12, 30, 15, 250000), datetime.datetime(2024, 2, 29, 0, 0), datetime.datetime(2024, 1, 1, 0, 0))

# %% strptime no match
from datetime import datetime
datetime.strptime("2024-13-01", "%Y-%m-%d")
# > ValueError: time data '2024-13-01' does not match format '%Y-%m-%d'
# > @ line 2

# %% strptime unconverted data
from datetime import datetime
datetime.strptime("2024-12-01 extra", "%Y-%m-%d")
# > ValueError: unconverted data remains:  extra
# > @ line 2

# %% strptime bad directive
from datetime import datetime
datetime.strptime("2024", "%Q")
# > ValueError: 'Q' is a bad directive in format '%Q'
# > @ line 2

# %% invalid month
from datetime import datetime
datetime(2024, 13, 1)
# > ValueError: month must be in 1..12
# > @ line 2

# %% invalid day
from datetime import date
date(2023, 2, 29)
# > ValueError: day is out of range for month
# > @ line 2

# %% invalid hour
from datetime import datetime
datetime(2024, 1, 1, 24)
# > ValueError: hour must be in 0..23
# > @ line 2

# %% year out of range
from datetime import date
date(0, 1, 1)
# > ValueError: year 0 is out of range
# > @ line 2

# %% overflow
from datetime import datetime, timedelta
datetime.max + timedelta(days=1)
# > OverflowError: date value out of range
# > @ line 2

# %% unsupported operand
from datetime import datetime
datetime(2024, 1, 1) + 1
# > TypeError: unsupported operand type(s) for +: 'datetime.datetime' and 'int'
# > @ line 2

# %% timedelta divided by zero
from datetime import timedelta
timedelta(1) / 0
# > ZeroDivisionError: integer division or modulo by zero
# > @ line 2

# %% min, max and resolution
from datetime import datetime, date, timedelta, time
(datetime.min, datetime.max, date.min, date.max, date.resolution, datetime.resolution, timedelta.max, timedelta.min, timedelta.resolution, time.max)
# > (datetime.datetime(1, 1, 1, 0, 0), datetime.datetime(9999, 12, 31, 23, 59, 59, 999999), datetime.date(1, 1, 1), datetime.date(9999, 12, 31), datetime.timedelta(days=1), datetime.timedelta(microseconds=1), datetime.timedelta(days=999999999, seconds=86399, microseconds=999999), datetime.timedelta(days=-999999999), datetime.timedelta(microseconds=1), datetime.time(23, 59, 59, 999999))

# %% time objects
from datetime import time
t = time(13, 5, 30, 250)
(t, str(t), t.hour, t.minute, t.second, t.microsecond, t.isoformat(), t.strftime("%H.%M"), time(1) < time(2), t.replace(hour=1), time())
# > (datetime.time(13, 5, 30, 250), '13:05:30.000250', 13, 5, 30, 250, '13:05:30.000250', '13.05', True, datetime.time(1, 5, 30, 250), datetime.time(0, 0))

# %% combine
from datetime import datetime, date, time
datetime.combine(date(2024, 1, 2), time(3, 4))
# > datetime.datetime(2024, 1, 2, 3, 4)

# %% type and isinstance
import datetime as dt
d = dt.datetime(2024, 1, 1)
(type(d), type(d.date()), type(dt.timedelta(1)), isinstance(d, dt.datetime), isinstance(d, dt.date), isinstance(d.date(), dt.datetime), isinstance(dt.timedelta(1), dt.timedelta), dt.datetime, dt.MINYEAR, dt.MAXYEAR)
# > (<class 'datetime.datetime'>, <class 'datetime.date'>, <class 'datetime.timedelta'>, True, True, False, True, <class 'datetime.datetime'>, 1, 9999)

# %% datetimes as dict keys and in sets
from datetime import date, timedelta
start = date(2024, 1, 1)
days = [start + timedelta(days=i) for i in range(3)]
counts = {d: i for i, d in enumerate(days)}
(counts[date(2024, 1, 2)], len(set([date(2024, 1, 1), start])), [d.strftime("%a") for d in days])
# > (1, 1, ['Mon', 'Tue', 'Wed'])

# %% now and today are current
from datetime import datetime, date
now = datetime.now()
(now.year >= 2024, date.today() == now.date() or (datetime.now() - now).total_seconds() < 5, isinstance(datetime.today(), datetime))
# > (True, True, True)

# %% fromtimestamp and timestamp round trip
from datetime import datetime
d = datetime(2024, 1, 2, 3, 4, 5)
datetime.fromtimestamp(d.timestamp()) == d
# > True

# %% time zones are refused [burst]
from datetime import datetime
datetime.now(tz=1)
# > NotImplementedError: Burst's datetime has no time zones (tzinfo, timezone): use naive datetimes, in UTC or in local time throughout
# > @ line 2

# %% timedelta divided by a zero float
from datetime import timedelta
timedelta(1) / 0.0
# > ZeroDivisionError: integer division or modulo by zero
# > @ line 2

# %% timedelta divided by a zero timedelta
from datetime import timedelta
timedelta(1) / timedelta(0)
# > ZeroDivisionError: division by zero
# > @ line 2

# %% pandas Timestamps compare with datetimes
import pandas as pd
from datetime import datetime, timedelta
t = pd.Timestamp("2024-01-02 03:04:05")
(t == datetime(2024, 1, 2, 3, 4, 5), t > datetime(2024, 1, 1), datetime(2024, 1, 3) > t, t < datetime(2024, 1, 2))
# > (True, True, True, False)

# %% pandas datetime columns compare with datetimes
import pandas as pd
from datetime import datetime
df = pd.DataFrame({"when": pd.to_datetime(pd.Series(["2024-01-01", "2024-02-01", "2024-03-01"])), "x": [1, 2, 3]})
df[df.when > datetime(2024, 1, 15)].x.sum()
# > 5

# %% subtracting a datetime from a date
from datetime import datetime, date
date(2024, 1, 2) - datetime(2024, 1, 1)
# > TypeError: unsupported operand type(s) for -: 'datetime.date' and 'datetime.datetime'
# > @ line 2

# %% subtracting a date from a timedelta
from datetime import date, timedelta
timedelta(1) - date(2024, 1, 1)
# > TypeError: unsupported operand type(s) for -: 'datetime.timedelta' and 'datetime.date'
# > @ line 2

# %% help on a class [burst]
import datetime
help(datetime.timedelta)
# > Help on datetime.timedelta:
# >
# > timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)
# >
# >     A duration, kept as days, seconds and microseconds; ± timedelta, × and ÷ by numbers, ÷ by a timedelta; total_seconds().

# %% timezone is refused [burst]
from datetime import datetime, timezone
datetime(2024, 1, 1, tzinfo=timezone.utc)
# > NotImplementedError: Burst's datetime has no time zones (tzinfo, timezone): use naive datetimes, in UTC or in local time throughout
# > @ line 2

# %% timedelta beyond a C int of days
from datetime import timedelta
timedelta(seconds=1e300)
# > OverflowError: Python int too large to convert to C int
# > @ line 2

# %% timedelta beyond its range
from datetime import timedelta
timedelta(days=10**9)
# > OverflowError: days=1000000000; must have magnitude <= 999999999
# > @ line 2

# %% pandas Timestamp of a datetime
import pandas as pd
from datetime import datetime, date
(pd.Timestamp(datetime(2024, 1, 2, 3, 4, 5)), pd.Timestamp(date(2024, 1, 2)), pd.Timestamp(datetime(2024, 1, 2)) - datetime(2024, 1, 1))
# > (Timestamp('2024-01-02 03:04:05'),
# >  Timestamp('2024-01-02 00:00:00'),
# >  Timedelta('1 days 00:00:00'))
