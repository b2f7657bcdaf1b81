"""Peers for `go run ./build bench frames`: pandas and dask.dataframe.

Usage: /usr/bin/python3 frames.py pandas|dask DATA_DIR RUNS

Runs each workload RUNS times, reading the CSVs every time as the lesson
does, and prints one JSON object: {"versions": …, "workloads": {name:
{"seconds": [...], "result": …}}}. A workload that fails reports "error".
"""
import glob
import json
import sys
import time

import pandas as pd

engine, data, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
OPTS = dict(
    parse_dates={"Date": [0, 1, 2]},
    dtype={"TailNum": str, "CRSElapsedTime": float, "Cancelled": bool},
)
PATTERN = data + "/nycflights/*.csv"

WORKLOADS = {
    "a": lambda df: df.groupby("Origin").DepDelay.mean(),
    "b": lambda df: df[~df.Cancelled].groupby("Origin").Origin.count(),
    "c": lambda df: df.DepDelay.max(),
    "d": lambda df: df.groupby("DayOfWeek").DepDelay.std(),
    "e": lambda df: df.Dest.str.lower().value_counts(),
    "f": lambda df: df.Date.dt.dayofweek.value_counts(),
    "g": lambda df: df[df.DepDelay.between(0, 30)].groupby("Origin").DepDelay.mean(),
    "h": lambda df: df.DepDelay.fillna(0).cumsum().max(),
    "i": lambda df: df.DepDelay.rolling(5).mean().max(),
}

versions = {"pandas": pd.__version__}
if engine == "pandas":

    def run(work):
        files = sorted(glob.glob(PATTERN))
        return work(pd.concat([pd.read_csv(f, **OPTS) for f in files]))

elif engine == "dask":
    import dask
    import dask.dataframe as dd

    versions["dask"] = dask.__version__

    def run(work):
        df = dd.read_csv(PATTERN, **OPTS)
        return work(df).compute(scheduler="threads", num_workers=2)

else:
    sys.exit("engine must be pandas or dask")


def plain(v):
    """The result as JSON: a Series as index and values, a scalar as a float."""
    if isinstance(v, pd.Series):
        return {"index": [str(i) for i in v.index], "values": [float(x) for x in v.values]}
    return float(v)


out = {"versions": versions, "workloads": {}}
for name, work in WORKLOADS.items():
    rec = {"seconds": []}
    try:
        for _ in range(runs):
            t0 = time.perf_counter()
            res = run(work)
            rec["seconds"].append(time.perf_counter() - t0)
        rec["result"] = plain(res)
    except Exception as e:  # reported in the table, the other workloads go on
        rec["error"] = "%s: %s" % (type(e).__name__, e)
    out["workloads"][name] = rec
print(json.dumps(out))
