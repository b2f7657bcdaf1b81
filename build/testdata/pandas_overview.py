"""Expected results of lessons/00-overview.md, computed with pandas.

Run with Debian's pandas 1.5 from the repository root, after
`go run ./build data -size small -dir /tmp/small` and
`go run ./build data -size full -dir /tmp/full`:

    /usr/bin/python3 build/testdata/pandas_overview.py /tmp/small small /tmp/full full

It writes build/testdata/overview.json: the mean departure delay per origin
for each data size, with the same read_csv arguments as the lesson.
"""
import glob
import json
import os
import sys

import pandas as pd

# A notebook's display settings, as Burst prints.
pd.set_option("display.max_columns", 20)
pd.set_option("display.width", 80)

out = {"pandas": pd.__version__}
args = sys.argv[1:]
for root, size in zip(args[0::2], args[1::2]):
    files = sorted(glob.glob(os.path.join(root, "data", "nycflights", "*.csv")))
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
    means = df.groupby("Origin").DepDelay.mean()
    out[size] = {
        "rows": int(len(df)),
        "files": len(files),
        "index": [str(i) for i in means.index],
        "values": [float(v) for v in means.values],
        "repr": repr(means),
        "head_repr": repr(pd.read_csv(files[0], parse_dates={"Date": [0, 1, 2]},
                                      dtype={"TailNum": str, "CRSElapsedTime": float, "Cancelled": bool}).head()),
    }
with open(os.path.join(os.path.dirname(__file__), "overview.json"), "w") as f:
    json.dump(out, f, indent=2)
    f.write("\n")
