"""Reference results for the DataFrame engine, made by pandas 1.5 and Dask
2022.12 (Debian: /usr/bin/python3 engine/kernel/testdata/pandas/gen.py).

Each case is a cell run in a folder holding `files`; its last line is the
result, encoded as described in pandas_test.go. Burst runs the same cells
and must give the same dtypes, index, order and values (floats to 1e-9).
"""
import json, os, tempfile, math, datetime
import numpy as np
import pandas as pd
import dask
import dask.dataframe as dd

dask.config.set(scheduler="synchronous")

FLIGHTS = """Year,Month,DayofMonth,DayOfWeek,DepTime,CRSDepTime,DepDelay,Origin,Dest,Cancelled
1990,1,1,1,1005,1000,5,EWR,ORD,0
1990,1,2,2,,900,,JFK,LAX,1
1990,1,3,3,1130,1100,30,LGA,ATL,0
1990,1,4,4,745,800,-15,EWR,ATL,0
1990,1,5,5,1200,1000,120,JFK,ORD,0
1990,1,6,6,,1300,,EWR,LAX,1
1990,1,7,7,1402,1400,2,LGA,ORD,0
1990,1,8,1,1555,1500,55,JFK,ATL,0
"""
FLIGHTS2 = """Year,Month,DayofMonth,DayOfWeek,DepTime,CRSDepTime,DepDelay,Origin,Dest,Cancelled
1991,2,1,5,905,900,5.5,LGA,ORD,0
1991,2,2,6,1010,1000,10,EWR,LAX,0
1991,2,3,7,,1000,,LGA,ATL,1
1991,2,4,1,1750,1700,50,JFK,ORD,0
"""
EDGE = {
    "nan.csv": "k,v,empty\na,1.5,\nb,,\na,2.5,\nc,,\n",
    "empty.csv": "k,v,empty\n",
    "quoted.csv": 'name,note,n\n"Smith, J","said ""hi""",1\n"Ünïcödé 日本","multi\nline",2\nplain,x,3\n',
    "crlf.csv": "a,b\r\n1,x\r\n2,y\r\n",
    "bom.csv": "\ufeffa,b\n1,2\n3,4\n",
    "strnull.csv": "s,n\nabc,1\n,2\nABX,3\n",
    "i1.csv": "x,y\n1,a\n2,b\n",
    "i2.csv": "x,y\n3,c\n,d\n",
}

cases = []

def case(name, code, files=None):
    cases.append({"name": name, "code": code.strip("\n"), "files": files if files is not None else {"f1.csv": FLIGHTS, "f2.csv": FLIGHTS2}})

P = "import pandas as pd\ndf = pd.read_csv('f1.csv')\n"
D = "import dask.dataframe as dd\ndf = dd.read_csv('f*.csv')\n"
DD = "import dask.dataframe as dd\ndf = dd.read_csv('f*.csv', parse_dates={'Date': [0, 1, 2]}, dtype={'Cancelled': bool})\n"

# Reading
case("read-pandas", P + "df")
case("read-dask-glob", D + "df.compute()")
case("read-dask-list", "import dask.dataframe as dd\ndd.read_csv(['f2.csv', 'f1.csv']).compute()")
case("read-parse-dates-dict", DD + "df.compute()")
case("read-usecols", "import pandas as pd\npd.read_csv('f1.csv', usecols=['Origin', 'DepDelay'])")
case("read-na-values", "import pandas as pd\npd.read_csv('f1.csv', na_values=['5'])")
case("read-dtype-float", "import pandas as pd\npd.read_csv('f1.csv', dtype={'DayOfWeek': float})")
case("read-blocksize", "import dask.dataframe as dd\ndf = dd.read_csv('f1.csv', blocksize=150)\ndf.compute()")
case("read-blocksize-npartitions", "import dask.dataframe as dd\ndf = dd.read_csv('f1.csv', blocksize=150)\ndf.npartitions > 1")
case("read-nan-everywhere", "import pandas as pd\npd.read_csv('nan.csv')", EDGE)
case("read-empty-partition", "import dask.dataframe as dd\ndd.read_csv(['nan.csv', 'empty.csv', 'nan.csv']).compute()", EDGE)
case("read-quoted-unicode", "import pandas as pd\npd.read_csv('quoted.csv')", EDGE)
case("read-crlf", "import pandas as pd\npd.read_csv('crlf.csv')", EDGE)
case("read-bom", "import pandas as pd\npd.read_csv('bom.csv')", EDGE)
case("read-int-then-float-mismatch", "import dask.dataframe as dd\ndd.read_csv('i*.csv').compute()", EDGE)
case("read-int-then-float-fixed", "import dask.dataframe as dd\ndd.read_csv('i*.csv', dtype={'x': 'float64'}).compute()", EDGE)
case("from-pandas", P + "import dask.dataframe as dd\nd = dd.from_pandas(df, npartitions=3)\nd.DepDelay.sum().compute()")
case("from-pandas-npartitions", P + "import dask.dataframe as dd\ndd.from_pandas(df, npartitions=3).npartitions")

# Index and structure reprs, as pandas and Dask print them
LONG = {"long.csv": "x,y\n" + "".join("%d,%d\n" % (i % 7, i) for i in range(250))}
case("repr-columns", P + "repr(df.columns)")
case("repr-index-named", P + "repr(df.set_index('DepTime').index)")
case("repr-index-long", "import pandas as pd\ndf = pd.read_csv('long.csv')\nrepr(df.set_index('y').index)", LONG)
case("repr-index-float", "import pandas as pd\ndf = pd.read_csv('nan.csv')\nrepr(df.set_index('v').index)", EDGE)
case("repr-index-datetime", DD + "repr(df.compute().set_index('Date').index)")
case("lazy-frame-repr-many", "import dask.dataframe as dd\ndf = dd.read_csv('long.csv', blocksize=300)\nrepr(df)", LONG)
case("lazy-frame-repr-two", "import dask.dataframe as dd\ndf = dd.read_csv('long.csv', blocksize=800)\nrepr(df)", LONG)
case("lazy-series-repr-many", "import dask.dataframe as dd\ndf = dd.read_csv('long.csv', blocksize=300)\nrepr(df.y)", LONG)
case("lazy-series-repr-two", "import dask.dataframe as dd\ndf = dd.read_csv('long.csv', blocksize=800)\nrepr(df.y)", LONG)
case("lazy-index-repr", "import dask.dataframe as dd\ndf = dd.read_csv('long.csv', blocksize=300)\nrepr(df.index)", LONG)
case("lazy-index-compute", "import dask.dataframe as dd\ndf = dd.read_csv('long.csv', blocksize=300)\nrepr(df.index.compute())", LONG)
case("lazy-index-one-partition", D + "repr(df.DepDelay.partitions[0].index.compute()) if False else repr(dd.read_csv('f1.csv').index.compute())")
case("lazy-shape", D + "df.shape[1], df.shape[0].compute()")
case("rename-columns", P + "df.rename(columns={'Origin': 'O', 'nope': 'x'})")
case("rename-columns-lazy", D + "df.rename(columns={'Origin': 'O'}).compute()")
case("nunique-frame", P + "df.nunique()")
case("nunique-frame-lazy", D + "df.nunique().compute()")
case("nunique-frame-nan", "import pandas as pd\npd.read_csv('nan.csv').nunique()", EDGE)

# Hash joins of two frames with several partitions (rows sorted: the
# order of a hash join is the buckets')
HJ = "import dask.dataframe as dd\nl = dd.read_csv('f*.csv', blocksize=150)\nr = dd.read_csv('f*.csv', usecols=['Origin', 'Dest', 'DepDelay'], blocksize=120)\n"
case("merge-hash-inner", HJ + "m = l.merge(r, on=['Origin', 'Dest'])\nm.compute().sort_values(['Origin', 'Dest', 'DepDelay_x', 'DepDelay_y']).reset_index(drop=True)")
case("merge-hash-left", HJ + "m = l.merge(r[r.DepDelay > 10], on='Dest', how='left')\nm.compute().sort_values(['Dest', 'DayofMonth', 'DepDelay_y']).reset_index(drop=True)")
case("merge-hash-npartitions", HJ + "l.npartitions > 1 and r.npartitions > 1, l.merge(r, on='Dest').npartitions")

# .str tests on missing strings: NaN (object) unless na= is given
SN = "import pandas as pd\np = pd.read_csv('strnull.csv')\n"
# (Burst holds these answers as text, so only the display is compared)
case("str-contains-missing", SN + "repr(p.s.str.contains('b'))", EDGE)
case("str-contains-na-false", SN + "p.s.str.contains('b', na=False)", EDGE)
case("str-contains-case", SN + "p.s.str.contains('B', case=False, na=True)", EDGE)
case("str-startswith-na", SN + "p.s.str.startswith('a', na=False)", EDGE)
case("str-endswith-missing", SN + "repr(p.s.str.endswith('X'))", EDGE)
case("str-len-missing", SN + "p.s.str.len()", EDGE)

# Aggregation lists make MultiIndex columns
case("groupby-agg-list-frame", DD + "df[['Origin', 'DepDelay', 'DayOfWeek']].groupby('Origin').agg(['mean', 'max']).compute()")
case("groupby-agg-list-drops-text", P + "df[['Origin', 'Dest', 'DepDelay']].groupby('Origin').agg(['mean', 'count'])")
case("groupby-agg-dict-lists", D + "df.groupby('Origin').agg({'DepDelay': ['mean', 'max'], 'DayOfWeek': 'min'}).compute()")
case("groupby-agg-levels-select", D + "df.groupby('Origin').agg({'DepDelay': ['mean', 'max']}).compute()['DepDelay']")
case("groupby-agg-levels-tuple", D + "df.groupby('Origin').agg({'DepDelay': ['mean', 'max']}).compute()[('DepDelay', 'max')]")
case("groupby-agg-levels-repr", P + "repr(df.groupby('Origin').agg({'DepDelay': ['mean', 'max'], 'CRSDepTime': 'min'}))")
case("groupby-agg-levels-columns", P + "repr(df.groupby('Origin').agg({'DepDelay': ['mean', 'max'], 'CRSDepTime': 'min'}).columns)")

case("lazy-frame-repr-long-names", D + "repr(df[['Origin', 'DepDelay', 'Cancelled']])")
case("lazy-frame-html-long-names", D + "df[['Origin', 'DepDelay', 'Cancelled']]._repr_html_()")
case("lazy-frame-repr-levels", D + "repr(df.groupby('Origin').agg({'DepDelay': ['mean', 'max'], 'DayOfWeek': 'min'})).split('Dask Name')[0]")

# Inspecting
case("columns", P + "list(df.columns)")
case("dtypes", DD + "df.dtypes")
case("npartitions", D + "df.npartitions")
case("head", D + "df.head(3)")
case("tail", D + "df.tail(2)")
case("len", D + "len(df)")
case("shape", P + "df.shape")
case("describe", P + "df.describe()")
case("to-dict", P + "df[['Origin', 'DepDelay']].head(3).to_dict()")
case("tolist", P + "df.Origin.tolist()")

# Selecting
case("getitem", D + "df['DepDelay'].compute()")
case("getattr", D + "df.Origin.compute()")
case("getitem-list", D + "df[['Origin', 'Dest']].compute()")
case("mask-scalar", D + "df[df.DepDelay > 10].compute()")
case("mask-series", P + "df[df.DepTime > df.CRSDepTime]")
case("mask-invert", DD + "df[~df.Cancelled].compute()")
case("mask-and-or", P + "df[(df.DepDelay > 0) & (df.Origin == 'EWR') | (df.Dest == 'LAX')]")
case("isin", P + "df[df.Origin.isin(['EWR', 'LGA'])]")
case("between", P + "df.DepDelay.between(0, 30)")
case("isna-notna", P + "df.DepDelay.isna() | df.DepTime.notna()")
case("loc-mask-cols", P + "df.loc[df.DepDelay > 10, ['Origin', 'DepDelay']]")
case("loc-mask-col", P + "df.loc[df.DepDelay > 10, 'Origin']")

# Computing
for op in ["+", "-", "*", "/", "//", "%"]:
    case("arith-scalar-" + op, P + "df.DepDelay " + op + " 7")
    case("arith-int-" + op, P + "df.DayOfWeek " + op + " 3")
case("arith-series", D + "(df.DepTime - df.CRSDepTime).compute()")
case("neg", P + "-df.DepDelay")
case("abs", P + "df.DepDelay.abs()")
case("round", P + "(df.DepDelay / 7).round(2)")
case("fillna", P + "df.DepDelay.fillna(0)")
case("astype-float", P + "df.DayOfWeek.astype(float)")
case("astype-int", P + "df.DepDelay.fillna(-1).astype(int)")
case("astype-str", P + "df.DayOfWeek.astype(str)")
case("assign", D + "df.assign(Late=df.DepDelay > 15).compute()")
case("apply", P + "def f(x):\n    return x * 2\ndf.DayOfWeek.apply(f)")
case("map-partitions", D + "def f(part, k):\n    return part.DepDelay * k\ndf.map_partitions(f, 10).compute()")
case("map-partitions-meta", D + "def f(part):\n    return part[part.DepDelay > 0]\ndf.map_partitions(f, meta=df).compute()")
for field in ["year", "month", "day", "dayofweek", "hour", "minute"]:
    case("dt-" + field, DD + "df.Date.dt." + field + ".compute()")
for call in ["lower()", "upper()", "len()", "contains('W')", "startswith('J')", "endswith('A')", "slice(0, 2)"]:
    case("str-" + call.split("(")[0], P + "df.Origin.str." + call)
case("to-timedelta", P + "pd.to_timedelta(df.DepDelay, unit='m')")
case("timestamp-plus-timedelta", "import pandas as pd\ndf = pd.read_csv('f1.csv', parse_dates={'Date': [0, 1, 2]})\ndf.Date + pd.to_timedelta(df.DepDelay, unit='m')")
case("to-datetime", "import pandas as pd\npd.to_datetime(pd.Series(['2020-01-02', '1999-12-31 10:30:00']))", {})

# Reducing
for how in ["sum", "mean", "std", "var", "min", "max", "count", "nunique", "idxmax", "idxmin"]:
    case("series-" + how, D + "df.DepDelay." + how + "().compute()")
    case("pandas-" + how, P + "df.DepDelay." + how + "()")
case("int-sum", D + "df.DayOfWeek.sum().compute()")
case("string-max", P + "df.Origin.max()")
case("frame-mean", P + "df[['DepDelay', 'DayOfWeek']].mean()")
case("frame-sum-dask", D + "df[['DepDelay', 'DayOfWeek']].sum().compute()")
case("value-counts", D + "df.Dest.value_counts().compute()")
case("quantile", P + "df.DepDelay.quantile(0.5)")
case("groupby-mean", D + "df.groupby('Origin').DepDelay.mean().compute()")
case("groupby-two-keys", D + "df.groupby(['Origin', 'Dest']).DepDelay.mean().compute()")
case("groupby-agg-str", D + "df.groupby('Origin').DepDelay.agg('sum').compute()")
case("groupby-agg-dict", D + "df.groupby('Origin').agg({'DepDelay': 'sum', 'DayOfWeek': 'mean'}).compute()")
case("groupby-agg-list", P + "df.groupby('Origin').DepDelay.agg(['sum', 'mean', 'count'])")
case("groupby-count", D + "df.groupby('Origin').count().compute()")
case("groupby-size", D + "df.groupby('Origin').size().compute()")
case("groupby-first", P + "df.groupby('Origin').first()")
case("groupby-last", P + "df.groupby('Origin').last()")
case("groupby-std", D + "df.groupby('DayOfWeek').DepDelay.std().compute()")
case("groupby-max-int", D + "df.groupby('Origin').DayOfWeek.max().compute()")
case("groupby-all-null-group", "import pandas as pd\npd.read_csv('nan.csv').groupby('k').v.mean()", EDGE)
case("sort-values", P + "df.sort_values('DepDelay')")
case("sort-values-two-desc", P + "df.sort_values(['Origin', 'DepDelay'], ascending=False)")
case("nlargest", D + "df.nlargest(3, 'DepDelay').compute()")
case("nsmallest", P + "df.nsmallest(2, 'DepDelay')")
case("drop-duplicates", D + "df[['Origin', 'Dest']].drop_duplicates().compute()")
case("merge-inner", P + "a = pd.DataFrame({'Origin': ['EWR', 'JFK'], 'Name': ['Newark', 'Kennedy']})\ndf.merge(a, on='Origin')")
case("merge-left", P + "a = pd.DataFrame({'Origin': ['EWR', 'JFK'], 'Name': ['Newark', 'Kennedy']})\ndf.merge(a, on='Origin', how='left')")
case("merge-suffixes", P + "a = pd.DataFrame({'Origin': ['EWR', 'JFK'], 'Dest': ['X', 'Y']})\ndf.merge(a, on='Origin')")
case("concat-pandas", P + "pd.concat([df.head(2), df.tail(2)])")
case("concat-dask", D + "dd.concat([df, df]).DepDelay.sum().compute()")
case("set-index", P + "df.set_index('DepTime').head(3)")
case("persist", D + "p = df.persist()\np.DepDelay.sum().compute()")
case("compute-shared", D + "import dask\ndask.compute(df.DepDelay.mean(), df.DepDelay.std())")

# Row order on multi-file data whose group keys first appear in later
# files (issue 22). Dask's groupby methods sort each partition's groups
# and keep the order of first appearance when they combine them; agg()
# keeps the rows' order; value_counts puts ties in key order; pandas sorts
# group keys (unless sort=False) and puts value_counts ties in the order
# of first appearance. Five files, and more than eight partitions with a
# small blocksize (Dask's tree aggregation combines eight at a time).
ORIGINS = [["JFK", "EWR"], ["LGA", "EWR", "BOS"], ["ABQ", "JFK", "SEA"], ["PHL", "ATL", "LGA"], ["AAA", "ZZZ", "EWR", "ABQ"]]
DAYS = [[5, 3], [7, 1, 5], [2, 6], [4, 3, 0], [9, 8, 1]]


def order_file(f):
    out = "Origin,Carrier,Day,Tail,DepDelay\n"
    for r in range(6):
        delay = "" if (f + r) % 7 == 3 else str(((f * 13 + r * 7) % 17) - 4 + (0.5 if r % 4 == 1 else 0))
        out += "%s,%s,%d,N%02d,%s\n" % (ORIGINS[f][r % len(ORIGINS[f])], ["UA", "AA", "DL"][(f * 2 + r) % 3],
                                         DAYS[f][r % len(DAYS[f])], (f * 7 + r * 5) % 23, delay)
    return out


ORDER = {"o%d.csv" % (f + 1): order_file(f) for f in range(5)}
OD = "import dask.dataframe as dd\ndf = dd.read_csv('o*.csv')\n"
OB = "import dask.dataframe as dd\ndf = dd.read_csv('o*.csv', blocksize=60)\n"
OP = "import dask.dataframe as dd\ndf = dd.read_csv('o*.csv').compute()\n"
case("order-npartitions", OD + "df.npartitions, dd.read_csv('o*.csv', blocksize=60).npartitions", ORDER)
for how in ["mean", "sum", "count", "size", "min", "max", "first", "last", "std", "var", "prod", "nunique"]:
    case("order-groupby-" + how, OD + "df.groupby('Origin').DepDelay." + how + "().compute()", ORDER)
    case("order-groupby-int-" + how, OD + "df.groupby('Day').DepDelay." + how + "().compute()", ORDER)
    case("order-pandas-groupby-" + how, OP + "df.groupby('Origin').DepDelay." + how + "()", ORDER)
for how in ["mean", "sum", "count", "size", "max", "first", "std"]:
    case("order-groupby-frame-" + how, OD + "df.groupby('Origin')." + how + "().compute()", ORDER)
    case("order-blocks-groupby-" + how, OB + "df.groupby('Origin').DepDelay." + how + "().compute()", ORDER)
    case("order-pandas-unsorted-" + how, OP + "df.groupby('Origin', sort=False).DepDelay." + how + "()", ORDER)
case("order-groupby-sort-false", OD + "df.groupby('Origin', sort=False).DepDelay.mean().compute()", ORDER)
case("order-groupby-sort-true", OD + "df.groupby('Origin', sort=True).DepDelay.mean().compute()", ORDER)
case("order-blocks-sort-true", OB + "df.groupby('Day', sort=True).agg({'DepDelay': 'sum'}).compute()", ORDER)
case("order-groupby-two-keys", OD + "df.groupby(['Origin', 'Carrier']).DepDelay.mean().compute()", ORDER)
case("order-blocks-two-keys", OB + "df.groupby(['Carrier', 'Day']).DepDelay.sum().compute()", ORDER)
case("order-pandas-two-keys", OP + "df.groupby(['Origin', 'Carrier']).DepDelay.mean()", ORDER)
case("order-groupby-agg-str", OD + "df.groupby('Origin').DepDelay.agg('mean').compute()", ORDER)
case("order-groupby-agg-list", OD + "df.groupby('Origin').DepDelay.agg(['sum', 'mean', 'count']).compute()", ORDER)
case("order-groupby-agg-dict", OD + "df.groupby('Day').agg({'DepDelay': ['mean', 'max'], 'Tail': 'first'}).compute()", ORDER)
case("order-blocks-agg-dict", OB + "df.groupby('Origin').agg({'DepDelay': 'sum', 'Day': 'max'}).compute()", ORDER)
case("order-blocks-agg-list-frame", OB + "df[['Origin', 'DepDelay', 'Day']].groupby('Origin').agg(['min', 'std']).compute()", ORDER)
case("order-pandas-agg-dict", OP + "df.groupby('Day').agg({'DepDelay': ['mean', 'max'], 'Tail': 'first'})", ORDER)
case("order-pandas-agg-dict-unsorted", OP + "df.groupby('Day', sort=False).agg({'DepDelay': 'mean'})", ORDER)
for col in ["Origin", "Day", "Tail", "DepDelay"]:
    case("order-value-counts-" + col, OD + "df." + col + ".value_counts().compute()", ORDER)
    case("order-blocks-value-counts-" + col, OB + "df." + col + ".value_counts().compute()", ORDER)
    case("order-pandas-value-counts-" + col, OP + "df." + col + ".value_counts()", ORDER)
    case("order-unique-" + col, OB + "df." + col + ".unique().compute()", ORDER)
    case("order-pandas-unique-" + col, OP + "list(df." + col + ".unique())", ORDER)
    case("order-nunique-" + col, OB + "df." + col + ".nunique().compute()", ORDER)
case("order-value-counts-ascending", OB + "df.Tail.value_counts(ascending=True).compute()", ORDER)
case("order-value-counts-unsorted", OB + "df.Tail.value_counts(sort=False).compute()", ORDER)
case("order-value-counts-normalize", OB + "df.Origin.value_counts(normalize=True).compute()", ORDER)
case("order-pandas-value-counts-ascending", OP + "df.Tail.value_counts(ascending=True)", ORDER)
case("order-pandas-value-counts-unsorted", OP + "df.Tail.value_counts(sort=False)", ORDER)
case("order-pandas-value-counts-normalize", OP + "df.Origin.value_counts(normalize=True)", ORDER)
case("order-drop-duplicates", OB + "df[['Origin', 'Carrier']].drop_duplicates().compute()", ORDER)
case("order-drop-duplicates-series", OB + "df.Origin.drop_duplicates().compute()", ORDER)
case("order-pandas-drop-duplicates", OP + "df[['Origin', 'Carrier']].drop_duplicates()", ORDER)
# split_every (Dask's tree width, 8 by default) does not change the order:
# combining keeps the order of first appearance at every level
case("order-split-every-mean", OB + "df.groupby('Origin').DepDelay.mean(split_every=2).compute()", ORDER)
case("order-split-every-agg", OB + "df.groupby('Origin').agg({'DepDelay': 'sum'}, split_every=3).compute()", ORDER)
case("order-split-every-value-counts", OB + "df.Tail.value_counts(split_every=2).compute()", ORDER)
# groupby(dropna=False): the missing key is a group, sorted last by
# pandas, in its place of first appearance (each partition sorted) by Dask
case("order-dropna-dask", OB + "df.groupby('DepDelay', dropna=False).Day.sum().compute()", ORDER)
case("order-dropna-pandas", OP + "df.groupby('DepDelay', dropna=False).Day.sum()", ORDER)
case("order-dropna-two-keys", OD + "df.groupby(['Carrier', 'DepDelay'], dropna=False).Day.count().compute()", ORDER)
case("order-dropna-agg", OB + "df.groupby('DepDelay', dropna=False).agg({'Day': 'max'}).compute()", ORDER)
case("order-dropna-strings", "import pandas as pd\npd.read_csv('strnull.csv').groupby('s', dropna=False).n.sum()", EDGE)
# many distinct values with tied counts: pandas and Dask sort with numpy's
# (unstable) quicksort, whose tie order Burst reproduces
MANY = {"m%d.csv" % f: "k,v\n" + "".join("%d,%d\n" % ((f * 37 + r * 11) % 97, r) for r in range(40)) for f in range(4)}
case("order-many-value-counts", "import dask.dataframe as dd\ndd.read_csv('m*.csv', blocksize=100).k.value_counts().compute()", MANY)
case("order-pandas-many-value-counts", "import dask.dataframe as dd\ndd.read_csv('m*.csv').compute().k.value_counts()", MANY)
case("order-many-groupby", "import dask.dataframe as dd\ndd.read_csv('m*.csv', blocksize=100).groupby('k').v.sum().compute()", MANY)

# Errors
case("error-missing-file", "import pandas as pd\npd.read_csv('nope.csv')", {})
case("error-unknown-column", P + "df['nope']")
case("error-ragged-row", "import pandas as pd\npd.read_csv('r.csv')", {"r.csv": "a,b,c\n1,2,3\n4,5,6\n7,8,9,10,11\n"})
case("error-forced-dtype", "import pandas as pd\npd.read_csv('d.csv', dtype={'x': 'int64'})", {"d.csv": "x\n1\nabc\n"})


def enc_value(v):
    if v is None or v is pd.NaT:
        return None
    if isinstance(v, (float, np.floating)):
        if math.isnan(v):
            return None
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return float(v)
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, pd.Timestamp):
        return int(v.value)
    if isinstance(v, pd.Timedelta):
        return int(v.value)
    if isinstance(v, datetime.date):
        return v.isoformat()
    return str(v)


def enc_array(values, dtype):
    s = pd.Series(values)
    if str(dtype).startswith("datetime64") or str(dtype).startswith("timedelta64"):
        return [None if pd.isna(x) else int(x.value) for x in s]
    return [enc_value(x) for x in s]


def enc_index(idx):
    if isinstance(idx, pd.MultiIndex):
        levels = [enc_array(idx.get_level_values(i), idx.levels[i].dtype) for i in range(idx.nlevels)]
        return {"names": list(idx.names), "dtypes": [str(idx.get_level_values(i).dtype) for i in range(idx.nlevels)], "levels": levels}
    return {"names": [idx.name], "dtypes": [str(idx.dtype)], "levels": [enc_array(list(idx), idx.dtype)]}


def enc(v):
    if isinstance(v, pd.DataFrame):
        return {"type": "frame", "columns": [str(c) for c in v.columns], "dtypes": [str(t) for t in v.dtypes],
                "index": enc_index(v.index), "values": [enc_array(v.iloc[:, i], v.dtypes[i]) for i in range(v.shape[1])]}
    if isinstance(v, pd.Series):
        return {"type": "series", "name": v.name, "dtype": str(v.dtype), "index": enc_index(v.index), "values": enc_array(v, v.dtype)}
    if isinstance(v, tuple):
        return {"type": "tuple", "items": [enc(x) for x in v]}
    if isinstance(v, list):
        return {"type": "list", "items": [enc(x) for x in v]}
    if isinstance(v, dict):
        return {"type": "dict", "keys": [enc_value(k) for k in v], "values": [enc(x) for x in v.values()]}
    pytype = type(v).__name__
    if isinstance(v, (bool, np.bool_)):
        pytype = "bool"
    elif isinstance(v, (int, np.integer)):
        pytype = "int"
    elif isinstance(v, (float, np.floating)):
        pytype = "float"
    return {"type": "scalar", "pytype": pytype, "value": enc_value(v)}


def run(c):
    with tempfile.TemporaryDirectory() as d:
        for n, text in c["files"].items():
            with open(os.path.join(d, n), "w", newline="") as f:
                f.write(text)
        old = os.getcwd()
        os.chdir(d)
        try:
            lines = c["code"].split("\n")
            ns = {}
            exec("\n".join(lines[:-1]), ns)
            return enc(eval(lines[-1], ns))
        except Exception as e:
            msg = str(e).strip().split("\n")[0]
            return {"type": "error", "ename": type(e).__name__, "contains": msg[:40]}
        finally:
            os.chdir(old)


for c in cases:
    c["expect"] = run(c)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "expect.json"), "w") as f:
    json.dump(cases, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
