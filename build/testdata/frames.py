# Every expression of the DataFrame issue, run natively by
# `go run ./build run -dir DIR build/testdata/frames.py` (DIR holding
# data/nycflights from `go run ./build data -size small`), and by go test.
# Each cell must run without an error.

# %% Reading
import dask
import dask.dataframe as dd
import pandas as pd
df = dd.read_csv("data/nycflights/*.csv", parse_dates={"Date": [0, 1, 2]},
                 dtype={"TailNum": str, "CRSElapsedTime": float, "Cancelled": bool})
files = ["data/nycflights/1990.csv", "data/nycflights/1991.csv"]
two = dd.read_csv(files, usecols=["Origin", "DepDelay"], na_values=["-999"], blocksize="20kB")
pdf = pd.read_csv("data/nycflights/1990.csv", parse_dates={"Date": [0, 1, 2]}, dtype={"CRSElapsedTime": float})
small = dd.from_pandas(pdf, npartitions=3)
two.npartitions

# %% Inspecting
df.columns
df.dtypes
df.npartitions
df.head(3)
df.tail(2)
len(two)
pdf.shape
pdf.describe()
pdf.head(2).to_dict()
pdf.Origin.head(3).tolist()
pdf.Origin.head(3).to_list()
pdf.head(2).values
pdf.index
df.index
df.index.compute()
df.shape
df.shape[0].compute()
pdf.nunique()
df.nunique().compute()
df
df.DepDelay

# %% Selecting
df["DepDelay"]
df.DepDelay
df[["Origin", "DepDelay"]]
df[df.DepDelay > 10]
df[df.DepDelay > df.ArrDelay]
df[~df.Cancelled]
df[(df.DepDelay > 0) & (df.Origin == "EWR")]
df[(df.DepDelay > 300) | df.Cancelled]
df[df.Origin.isin(["EWR", "JFK"])]
df[df.DepDelay.between(0, 15)]
df[df.DepDelay.isna()]
df[df.DepDelay.notna()]
pdf.loc[pdf.DepDelay > 60, ["Origin", "DepDelay"]]
df.loc[df.DepDelay > 60, "Origin"]

# %% Computing
d = pdf.DepDelay
d + 1, d - 1, d * 2, d / 3, d // 7, d % 7, d ** 2, -d
d + pdf.ArrDelay
d.abs()
d.round(1)
d.fillna(0)
pdf.Distance.astype(float)
d.fillna(0).astype(int)
pdf.Origin.astype(str)
pdf.assign(Late=pdf.DepDelay > 15)
df.rename(columns={"DepDelay": "Delay"}).Delay.max().compute()
def double(x):
    return x * 2
pdf.Distance.apply(double)
def hours(part, scale):
    return part.DepDelay / scale
df.map_partitions(hours, 60, meta=("DepDelay", "f8")).compute()
pdf.Date.dt.year
pdf.Date.dt.month
pdf.Date.dt.day
pdf.Date.dt.dayofweek
pdf.Date.dt.hour
pdf.Date.dt.minute
pdf.Date.dt.date
pdf.Origin.str.lower()
pdf.Origin.str.upper()
pdf.Origin.str.len()
pdf.Origin.str.contains("W")
pdf.Origin.str.startswith("E")
pdf.Origin.str.endswith("R")
pdf.Origin.str.slice(0, 2)
delay = pd.to_timedelta(pdf.DepDelay, unit="m")
pdf.Date + delay
pdf.Date - delay
pd.to_datetime(pdf.Origin.str.slice(0, 0) + "2020-01-02")

# %% Reducing
s = df.DepDelay
dask.compute(s.sum(), s.mean(), s.std(), s.var(), s.min(), s.max(), s.count(), s.nunique())
s.idxmax().compute(), s.idxmin().compute()
df.Origin.value_counts().compute()
pdf.DepDelay.quantile(0.5)
df.groupby("Origin").DepDelay.mean().compute()
df.groupby(["Origin", "DayOfWeek"]).DepDelay.mean().compute()
df.groupby("Origin").DepDelay.agg("max").compute()
df.groupby("Origin").agg({"DepDelay": "mean", "ArrDelay": "max"}).compute()
df.groupby("Origin").DepDelay.agg(["sum", "mean", "count"]).compute()
df[["Origin", "DepDelay", "ArrDelay"]].groupby("Origin").agg(["mean", "max"]).compute()
levels = df.groupby("Origin").agg({"DepDelay": ["mean", "std"], "ArrDelay": "max"}).compute()
levels["DepDelay"], levels[("ArrDelay", "max")], levels.columns
df.groupby("Origin").count().compute()
df.groupby("Origin").size().compute()
df.groupby("Origin").first().compute()
df.groupby("Origin").last().compute()
df.groupby("DayOfWeek").DepDelay.std().compute()
pdf.sort_values("DepDelay", ascending=False).head()
df.nlargest(3, "DepDelay").compute()
df.nsmallest(3, "DepDelay").compute()
df[["Origin", "Dest"]].drop_duplicates().compute()
airports = pd.DataFrame({"Origin": ["EWR", "JFK", "LGA"], "Name": ["Newark", "Kennedy", "LaGuardia"]})
df.merge(airports, on="Origin").head(2)
pdf.merge(airports, on="Origin", how="left").head(2)
# both sides partitioned: a hash join
len(df[["FlightNum", "Date", "DepDelay"]].merge(df[["FlightNum", "Date", "Dest"]], on=["FlightNum", "Date"]))
dd.concat([df, df]).npartitions
pd.concat([pdf.head(2), pdf.tail(2)])
small.set_index("FlightNum").head(2)
p = df.persist()
p.DepDelay.max().compute()

# %% Shared intermediate results, graphs
mean = df.DepDelay.mean()
std = df.DepDelay.std()
dask.compute(mean, std)
df.DepDelay.max().visualize()
dask.visualize(mean, std)
