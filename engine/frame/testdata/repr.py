"""Writes repr.json: frames and series with pandas' text and HTML reprs.

Run with Debian's pandas 1.5: /usr/bin/python3 engine/frame/testdata/repr.py
Each case lists its columns (name, dtype, values with None for missing) and
what pandas prints for it.
"""
import json
import math
import os

import numpy as np
import pandas as pd


def col(name, s):
    vals = []
    for v in s.tolist():
        if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
            vals.append(None)
        elif isinstance(v, pd.Timestamp):
            vals.append(int(v.value))
        else:
            vals.append(v)
    return {"name": name, "dtype": str(s.dtype), "values": vals}


# A notebook's settings: 20 columns at most, lines wrapped at 80.
pd.set_option("display.max_columns", 20)
pd.set_option("display.width", 80)  # a notebook's: wider frames wrap into blocks

cases = []


def series(name, s):
    idx = [col(n or "", s.index.get_level_values(i).to_series()) for i, n in enumerate(s.index.names)]
    if isinstance(s.index, pd.RangeIndex):
        idx = []
    cases.append({"name": name, "kind": "series", "series_name": s.name or "",
                  "index": idx, "columns": [col(s.name or "", s)], "repr": repr(s)})


def frame(name, df):
    idx = [] if isinstance(df.index, pd.RangeIndex) else [
        col(n or "", df.index.get_level_values(i).to_series()) for i, n in enumerate(df.index.names)]
    names = ["\x1f".join(c) if isinstance(c, tuple) else c for c in df.columns]
    cases.append({"name": name, "kind": "frame", "index": idx,
                  "columns": [col(n, df[c]) for n, c in zip(names, df.columns)],
                  "repr": repr(df), "html": df._repr_html_()})


origin = pd.Index(["EWR", "JFK", "LGA"], name="Origin")
series("means", pd.Series([10.295469123, 10.35129912, 7.4311], index=origin, name="DepDelay"))
series("thousands", pd.Series([10295.469123, 10351.29912, 7431.1], index=origin, name="DepDelay"))
series("millions", pd.Series([1.0295469123e7, 1.035129912e7, 7.4311e6], index=origin, name="DepDelay"))
series("tiny", pd.Series([1e-7, 2.5, 3.0], name="x"))
series("trim", pd.Series([1.0, 2.5, np.nan], name="x"))
series("ints", pd.Series([1, 2, 300], index=pd.Index([True, False, True], name="Cancelled")))
series("negative", pd.Series([-1.5, 2.25, 0.0], name="d"))
series("strings", pd.Series(["a", "bbb", np.nan], name="s"))
series("long", pd.Series(np.arange(100, dtype="float64") / 8, name="v"))
series("intindex", pd.Series([0.5, 1.5], index=pd.Index([1, 7], name="DayOfWeek"), name="DepDelay"))

frame("mixed", pd.DataFrame({
    "Date": pd.to_datetime(["1990-01-01", "1990-01-02", None]),
    "n": [1, 2, 3],
    "x": [1.5, np.nan, -2.0],
    "s": ["EWR", np.nan, "LGA"],
    "b": [True, False, True],
}))
frame("wide", pd.DataFrame({f"c{i}": [i, i * 10] for i in range(25)}))
frame("tall", pd.DataFrame({"a": np.arange(70), "b": np.arange(70) * 0.5}))
frame("datetime", pd.DataFrame({"t": pd.to_datetime(["1990-01-01 10:30", "1990-01-02"])}))

two = pd.MultiIndex.from_product([["EWR", "JFK", "LGA"], [False, True]], names=["Origin", "Cancelled"])
frame("multiindex", pd.DataFrame({"DepDelay": [9.6, np.nan, 3.3, np.nan, 5.7, 1.0]}, index=two))
three = pd.MultiIndex.from_product([["EWR", "JFK"], [1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3, 4]], names=["Origin", "DayOfWeek", "k"])
series("multiindex-tall", pd.Series(np.arange(70) * 0.5, index=three, name="v"))
series("multiindex", pd.Series([9.6, np.nan, 3.3, np.nan, 5.7, 1.0], index=two, name="DepDelay"))
frame("multiindex-tall", pd.DataFrame({"v": np.arange(70) * 0.5}, index=three))

levels = pd.MultiIndex.from_tuples([("DepDelay", "mean"), ("DepDelay", "max"), ("ArrDelay", "min")])
frame("column-levels", pd.DataFrame([[9.615385, 161.0, -18.0], [3.341463, 358.0, -17.0]], columns=levels, index=origin[:2]))
frame("column-levels-unnamed", pd.DataFrame({("a", "x"): [1, 2], ("a", "y"): [3, 4], ("bbbbbbbb", "z"): ["p", "q"]}))
frame("column-levels-tall", pd.DataFrame({("v", "a"): np.arange(70), ("v", "b"): np.arange(70) * 0.5, ("w", "c"): np.arange(70) % 3}))

# Empty results: a filter that kept no row, a group-by of nothing.
flights = pd.DataFrame({"Year": [1990, 1991], "Month": [1, 2], "Dest": ["BOS", "ORD"]})
frame("empty-filtered", flights[flights.Year > 2000])
frame("empty-range", pd.DataFrame({"Year": pd.Series([], dtype="int64"), "DepDelay": pd.Series([], dtype="float64")}))
frame("empty-named-index", flights.set_index("Dest")[flights.set_index("Dest").Year > 2000])
series("empty", pd.Series([], dtype="float64", name="DepDelay"))
series("empty-unnamed", pd.Series([], dtype="int64"))
series("empty-filtered", flights.Year[flights.Year > 2000])

with open(os.path.join(os.path.dirname(__file__), "repr.json"), "w") as f:
    json.dump({"pandas": pd.__version__, "cases": cases}, f, indent=1)
    f.write("\n")
