"""Write cases.json: random datetimes and timedeltas with what CPython's
datetime prints for them, for datetime_test.go to compare Burst's with.
Run with Debian's Python: /usr/bin/python3 gen.py
"""
import json
import random
from datetime import datetime, timedelta

random.seed(18)
fmt = "%Y-%m-%d %H:%M:%S.%f|%a %A %b %B|%I %p|%j %U %W %w %u|%G %V|%y %C %e|%c|%x %X"
cases = []
for _ in range(150):
    d = datetime(random.randint(1, 9999), random.randint(1, 12), random.randint(1, 28),
                 random.randint(0, 23), random.randint(0, 59), random.randint(0, 59),
                 random.choice([0, random.randint(0, 999999)]))
    td = timedelta(days=random.randint(-5000, 5000), seconds=random.randint(-100000, 100000),
                   microseconds=random.choice([0, random.randint(-10**6, 10**6)]))
    k = random.choice([2, 3, -1, 7])
    f = random.choice([0.5, 1.5, 2.25, -0.3])
    c = {"d": [d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond],
         "td": [td.days, td.seconds, td.microseconds], "k": k, "f": f,
         "repr": repr(d), "str": str(d), "strftime": d.strftime(fmt), "iso": d.isoformat(),
         "tdrepr": repr(td), "tdstr": str(td), "total": repr(td.total_seconds()),
         "mul": repr(td * k), "fmul": repr(td * f), "div": repr(td / k), "floordiv": repr(td // k),
         "iso_cal": list(d.isocalendar()), "weekday": d.weekday()}
    try:
        c["plus"] = repr(d + td)
    except OverflowError:
        c["plus"] = "OverflowError"
    # %Y reads four digits: years before 1000 print fewer.
    c["parsed"] = repr(datetime.strptime(d.strftime("%d/%m/%Y %H:%M:%S.%f"), "%d/%m/%Y %H:%M:%S.%f")) if d.year >= 1000 else ""
    cases.append(c)
open("cases.json", "w").write("[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases) + "\n]\n")
