"""Write hist.json: what matplotlib 3.6 (numpy 1.24) computes for plt.hist
on a few data sets, for engine/lib/matplotlib's TestHistMatchesNumpy.

Run with Debian's Python, in this folder: /usr/bin/python3 gen.py
"""
import json
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(22)
normal = rng.normal(0, 1, 1000)
with_nan = normal.copy()
with_nan[::17] = np.nan
skewed = np.round(rng.lognormal(2, 1, 3000) - 8)
tenths = np.array([0.1 * k for k in range(31)])

cases = [
    ("normal, 10 bins", normal, {}),
    ("NaN left out, 7 bins", with_nan, {"bins": 7}),
    ("integers on the edges", np.arange(100, dtype=float), {"bins": 10}),
    ("one value: the range widened", np.array([5.0, 5.0, 5.0]), {}),
    ("range=, values outside", normal, {"bins": 8, "range": [-2, 2]}),
    ("edges given", skewed, {"bins": [-10, 0, 2.5, 10, 100]}),
    ("skewed delays, 20 bins", skewed, {"bins": 20}),
    ("tenths, 3 bins (edges within an ulp)", tenths, {"bins": 3}),
    ("tenths, 7 bins", tenths, {"bins": 7}),
    ("density", skewed, {"bins": 12, "density": True}),
]
# Values exactly on numpy's edges (np.linspace computes them as the
# histogram does), over awkward ranges: a bin found by arithmetic must be
# corrected to the edge's side.
for lo, hi, n in [(0.1, 0.7, 3), (-1.7, 2.3, 9), (1e-3, 1e3, 17), (-3.3, 7.1, 13), (0.3, 0.9, 6), (2.2, 9.7, 29)]:
    cases.append((f"on the edges of {n} bins over [{lo}, {hi}]", np.linspace(lo, hi, n + 1), {"bins": n}))
out = []
for name, x, kw in cases:
    counts, edges, _ = plt.hist(x, **kw)
    plt.close("all")
    out.append({
        "name": name,
        "x": [None if math.isnan(v) else float(v) for v in x],
        "bins": kw.get("bins"),
        "range": kw.get("range"),
        "density": kw.get("density", False),
        "counts": [float(c) for c in counts],
        "edges": [float(e) for e in edges],
    })
with open("hist.json", "w") as f:
    f.write("[\n" + ",\n".join(json.dumps(c) for c in out) + "\n]\n")
