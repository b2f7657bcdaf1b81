"""The row orders pandas 1.5 gives Series.sort_values (numpy 1.24's
quicksort: not stable), for TestQuickArgsort. Run with Debian's Python:
/usr/bin/python3 gen.py > expect.json (in this folder).
"""
import json
import numpy as np
import pandas as pd

rng = np.random.RandomState(22)
cases = []


def case(name, values, kind):
    for asc in (True, False):
        s = pd.Series(values, dtype=kind)
        order = s.sort_values(ascending=asc).index.tolist()
        enc = [None if (isinstance(v, float) and v != v) else v for v in values]
        cases.append({"name": name, "kind": kind, "ascending": asc, "values": enc, "order": order})


for n in (5, 16, 17, 40, 100, 1000):
    case("float-ties-%d" % n, [float(x) if x >= 0 else float("nan") for x in rng.randint(-2, 12, n)], "float64")
    case("int-ties-%d" % n, [int(x) for x in rng.randint(0, 7, n)], "int64")
    case("str-ties-%d" % n, ["k%d" % x for x in rng.randint(0, 9, n)], "object")
case("float-distinct-1000", [float(x) for x in rng.permutation(1000)], "float64")
case("sorted-ties-1000", sorted(int(x) for x in rng.randint(0, 50, 1000)), "int64")
case("reversed-ties-1000", sorted((int(x) for x in rng.randint(0, 50, 1000)), reverse=True), "int64")
case("organ-pipe-1001", list(range(500)) + [500] + list(range(499, -1, -1)), "int64")
case("ages-titanic-like", [float(x) for x in np.round(rng.gamma(4, 7, 891))], "float64")
case("bools-300", [bool(x) for x in rng.randint(0, 2, 300)], "bool")
print(json.dumps(cases))
