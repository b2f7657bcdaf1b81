"""The pandas peer of `go run ./build bench browser`.

Usage: /usr/bin/python3 browser.py CSV_DIR

Reads every CSV of CSV_DIR as the lesson's dd.read_csv does and prints
one JSON object with the results Burst and DuckDB-WASM are checked
against: the group-by mean of DepDelay per Origin, the number of rows
and the sum of DepDelay.
"""
import glob
import json
import math
import sys

import pandas as pd

files = sorted(glob.glob(sys.argv[1] + "/*.csv"))
if not files:
    sys.exit("no CSV files in " + sys.argv[1])
df = pd.concat(
    [
        pd.read_csv(
            f,
            parse_dates={"Date": [0, 1, 2]},
            dtype={"TailNum": str, "CRSElapsedTime": float, "Cancelled": bool},
        )
        for f in files
    ]
)
g = df.groupby("Origin").DepDelay.mean()
# A group with no delays at all has no mean: null, as DuckDB reports it.
num = lambda x: None if math.isnan(x) else float(x)
print(
    json.dumps(
        {
            "version": pd.__version__,
            "groupby": {"index": [str(i) for i in g.index], "values": [num(x) for x in g.values]},
            "len": len(df),
            "sum": float(df.DepDelay.sum()),
        }
    )
)
