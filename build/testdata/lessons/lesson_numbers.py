"""The numbers the lessons compute, by pandas, on the small flights data.

Run from the repository with Debian's Python after `go run ./build data
-size small -dir /tmp/small`:

    /usr/bin/python3 build/testdata/lessons/lesson_numbers.py /tmp/small > build/testdata/lessons/lesson_numbers.json
"""
import glob
import json
import os
import sys

import pandas as pd

root = sys.argv[1]
files = sorted(glob.glob(os.path.join(root, "data", "nycflights", "*.csv")))
df = pd.concat([pd.read_csv(f, parse_dates={"Date": [0, 1, 2]},
                            dtype={"TailNum": str, "CRSElapsedTime": float, "Cancelled": bool})
                for f in files])
nc = df[~df.Cancelled]
out = {
    "rows": len(df),
    "not_cancelled": len(nc),
    "not_cancelled_by_origin": nc.groupby("Origin").Origin.count().to_dict(),
    "mean_delay_by_origin": df.groupby("Origin").DepDelay.mean().to_dict(),
    "worst_weekday": int(df.groupby("DayOfWeek").DepDelay.mean().idxmax()),
    "max_delay": float(df.DepDelay.max()),
    "mean_delay_not_cancelled": float(nc.DepDelay.mean()),
    "std_delay_not_cancelled": float(nc.DepDelay.std()),
}
json.dump(out, sys.stdout, indent=1, sort_keys=True)
print()
