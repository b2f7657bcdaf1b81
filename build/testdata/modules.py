# Every function of the modules in design.md (the machine-learning modules
# come with their issue): go run ./build run -dir DIR build/testdata/modules.py
# prints their results. DIR holds data/nycflights (go run ./build data).

# %%
import dask
import dask.dataframe as dd
from dask.delayed import delayed
from dask.distributed import Client, LocalCluster, progress, wait, as_completed
import pandas as pd
import time, glob, os, math, random, json

cluster = LocalCluster(n_workers=2)
client = Client(cluster)
print(client)

# %% dask.dataframe
files = glob.glob(os.path.join("data", "nycflights", "*.csv"))
print(len(files), os.path.basename(files[0]), os.path.dirname(files[0]), os.sep)
df = dd.read_csv(os.path.join("data", "nycflights", "*.csv"), dtype={"TailNum": str, "CRSElapsedTime": float, "Cancelled": bool})
print(df.npartitions)
small = dd.from_pandas(pd.DataFrame({"a": [1, 2, 3, 4], "b": ["x", "y", "x", "y"]}), npartitions=2)
both = dd.concat([small, small])
print(len(both))
print(dd.to_timedelta(small.a, unit="h").compute().tolist())
dates = dd.from_pandas(pd.Series(["2020-01-02", "2021-03-04"]), npartitions=1)
print(dd.to_datetime(dates).compute().tolist())

# %% dask: compute, persist, visualize, delayed
mean = df.DepDelay.mean()
std = df.DepDelay.std()
m, s = dask.compute(mean, std)
print(round(m, 3), round(s, 3))
kept = dask.persist(df.DepDelay.max())[0]
print(kept.compute())
print(dask.visualize(mean, std))

@delayed
def inc(x):
    time.sleep(0.1)
    return x + 1

total = delayed(sum)([inc(i) for i in range(4)])
print(total.compute(), dask.delayed(max)(1, 2).compute())

# %% dask.distributed: futures, wait, as_completed, progress
futures = client.map(math.sqrt, [1, 4, 9, 16])
wait(futures)
progress(futures)
print(sorted(f.result() for f in as_completed(futures)))
print(client.gather(client.submit(pow, 2, 10)))

# %% pandas
pdf = pd.read_csv(files[0], nrows=5, usecols=["Origin", "DepDelay"])
print(pdf.shape)
print(len(pd.concat([pdf, pdf])))
print(pd.to_timedelta(90, unit="m"), pd.to_datetime("2020-01-01"), pd.to_timedelta(pdf.DepDelay, unit="m").tolist()[:2])
print(pd.Timestamp("2020-01-02 03:04:05"), pd.Timedelta(hours=2))
print(pd.DataFrame({"x": [1, 2]}).x.sum(), pd.Series([1.5, 2.5], name="s").mean())

# %% time
t0, p0, m0 = time.time(), time.perf_counter(), time.monotonic()
time.sleep(0.05)
print(time.time() > t0, time.perf_counter() - p0 >= 0.05, time.monotonic() > m0)

# %% math
print(math.pi, math.e, math.inf, math.nan, math.tau)
print(math.sqrt(2), math.exp(1), math.log(8, 2), math.log10(100), math.log2(8))
print(math.sin(0), math.cos(0), math.tan(0), math.atan(1), math.atan2(1, 1), math.hypot(3, 4))
print(math.floor(2.5), math.ceil(2.5), math.trunc(-2.5), math.fabs(-1), math.pow(2, 3))
print(math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1.0), math.isclose(1.0, 1.0 + 1e-12))
print(math.factorial(5), math.gcd(12, 8))

# %% random
random.seed(42)
print(random.random(), random.uniform(1, 2), random.randint(1, 6), random.randrange(10))
l = [1, 2, 3, 4]
random.shuffle(l)
print(random.choice(l), random.sample(l, 2), l)
print(random.gauss(0, 1), random.normalvariate(0, 1))

# %% json
text = json.dumps({"origin": "EWR", "delays": [1.5, None]}, sort_keys=True, indent=1)
print(text)
print(json.loads(text))

# %%
client.close()
