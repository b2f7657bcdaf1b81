"""Writes expect.json: what pandas 1.5's read_csv returns for each case.

Run with Debian's pandas: /usr/bin/python3 engine/csv/testdata/expect.py
"""
import io
import json
import math
import os

import pandas as pd

CASES = {
    "ints": ("a,b\n1,2\n3,4\n", {}),
    "int_with_missing": ("a,b\n1,\n3,4\n", {}),
    "mixed_int_float": ("a\n1\n2.5\n-3\n", {}),
    "bools": ("a,b\nTrue,x\nFalse,y\n", {}),
    "strings_na": ("s,n\nhello,1\nNA,2\n,3\nnan,4\n", {}),
    "all_empty": ("a,b\n,1\n,2\n", {}),
    "quoted": ('a,b\n"x, y",1\n"say ""hi""",2\n"multi\nline",3\n', {}),
    "crlf_bom": ("\ufeffa,b\r\n1,x\r\n2,y\r\n", {}),
    "no_trailing_newline": ("a,b\n1,2\n3,4", {}),
    "blank_lines": ("a,b\n1,2\n\n3,4\n\n", {}),
    "short_row": ("a,b,c\n1,2,3\n4,5\n", {}),
    "unicode": ("name,v\nZürich,1.5\n東京,2\n", {}),
    "forced": ("a,b,c,d\n1,0,7,2.5\n2,1,8,3\n", {"dtype": {"a": "float", "b": "bool", "c": "str"}}),
    "dates_combined": ("Year,Month,DayofMonth,x\n1990,1,2,5\n1999,12,31,6\n", {"parse_dates": {"Date": [0, 1, 2]}}),
    "dates_inplace": ("t,x\n2020-01-02,1\n2020-03-04 05:06:07,2\n", {"parse_dates": ["t"]}),
    "floats_exact": ("x\n0.1\n123.456\n-0.000001\n1e10\n3.14159265358979\n", {}),
    "usecols": ("a,b,c\n1,2,3\n", {"usecols": ["a", "c"]}),
    "na_values": ("a\n1\n-999\n3\n", {"na_values": ["-999"]}),
}

out = {}
for name, (text, kw) in CASES.items():
    kw2 = dict(kw)
    if "dtype" in kw2:
        kw2["dtype"] = {k: {"float": float, "bool": bool, "str": str}[v] for k, v in kw2["dtype"].items()}
    df = pd.read_csv(io.StringIO(text), **kw2)
    cols = []
    for c in df.columns:
        s = df[c]
        vals = []
        for v in s.tolist():
            if isinstance(v, float) and math.isnan(v):
                vals.append(None)
            elif isinstance(v, pd.Timestamp):
                vals.append(int(v.value))
            elif v is None or v is pd.NaT:
                vals.append(None)
            else:
                vals.append(v)
        cols.append({"name": c, "dtype": str(s.dtype), "values": vals})
    out[name] = {"text": text, "options": kw, "columns": cols}
with open(os.path.join(os.path.dirname(__file__), "expect.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
