#!/usr/bin/python3
"""Writes the fixtures rng_test.go compares against, from numpy itself.

Run on the reference machine with Debian's interpreter (numpy 1.24.2, glibc
2.36):  /usr/bin/python3 engine/ml/rng/testdata/gen.py

cases.json lists, for each case, a seed and a sequence of calls on one
np.random.RandomState; <name>.bin holds the calls' outputs one after another,
little-endian float64 or int64 as each call returns. log.json and
sincos.json hold sha256 hashes of libm's log, sin and cos (through math.log,
math.sin, math.cos) over inputs the Go test rebuilds from RandomState
streams.
"""
import hashlib
import json
import math
import os
import sys

import numpy as np

assert np.__version__ == "1.24.2", np.__version__
HERE = os.path.dirname(os.path.abspath(__file__))

CASES = [
    ("seed0_mixed", 0, [
        ("random_sample", 1000),
        ("uniform", -3.5, 7.25, 1000),
        ("standard_normal", 5001),
        ("normal", 2.0, 0.5, 999),
        ("randint", 0, 10, 500),
        ("randint", -5, 5, 500),
        ("randint_scalar", 0, 3),
        ("randint", 0, 2**32, 100),
        ("randint", 0, 2**32 + 1, 100),
        ("randint", -(2**62), 2**62, 100),
        ("randint", -(2**63), 2**63 - 1, 100),
        ("randint", 7, 8, 10),
        ("shuffle", 100),
        ("permutation", 1000),
        ("standard_normal", 3),
        ("uniform", 0.0, 1.0, 7),
    ]),
    ("seed42_normal", 42, [("standard_normal", 10000)]),
    ("seed1_normal", 1, [("normal", -10.0, 3.0, 8001), ("random_sample", 5)]),
    ("seed12345_perm", 12345, [("permutation", 10), ("permutation", 20000), ("shuffle", 3), ("randint", 0, 100000, 1000)]),
    ("seedmax_mix", 2**32 - 1, [("random_sample", 10), ("standard_normal", 11), ("randint", 0, 1000, 10)]),
    ("array_seed", [1, 2, 3], [("random_sample", 10), ("standard_normal", 101), ("randint", 0, 6, 10)]),
    ("array_seed_long", list(range(700)), [("random_sample", 700)]),
    ("choice", 7, [
        ("choice", 10, 20, True, None),
        ("choice", 10, 5, False, None),
        ("choice", 5, 30, True, [0.1, 0.2, 0.3, 0.15, 0.25]),
        ("choice", 6, 4, False, [0.05, 0.3, 0.0, 0.25, 0.2, 0.2]),
        ("random_sample", 3),
    ]),
]


def run(rs, call):
    op = call[0]
    if op == "random_sample":
        return rs.random_sample(call[1])
    if op == "uniform":
        return rs.uniform(call[1], call[2], call[3])
    if op == "standard_normal":
        return rs.standard_normal(call[1])
    if op == "normal":
        return rs.normal(call[1], call[2], call[3])
    if op == "randint":
        return rs.randint(call[1], call[2], size=call[3])
    if op == "randint_scalar":
        return np.array([rs.randint(call[1], call[2])], dtype=np.int64)
    if op == "shuffle":
        a = np.arange(call[1])
        rs.shuffle(a)
        return a
    if op == "permutation":
        return rs.permutation(call[1])
    if op == "choice":
        return rs.choice(call[1], call[2], replace=call[3], p=call[4])
    raise ValueError(op)


def log_inputs(seed, n):
    """The inputs log.json hashes; rng_test.go builds the same ones."""
    rs = np.random.RandomState(seed)
    u = rs.random_sample(n)
    v = rs.random_sample(n)
    x1 = 2.0 * u - 1.0
    x2 = 2.0 * v - 1.0
    r2 = x1 * x1 + x2 * x2  # what legacy_gauss feeds log (no FMA on numpy's side)
    r2 = r2[(r2 < 1.0) & (r2 != 0.0)]
    near1 = 1.0 + (u - 0.5) * 0.25  # the table-free path around 1
    wide = np.ldexp(u + 0.5, (v * 2000 - 1000).astype(np.int64))  # every binade
    return {"uniform": u, "gauss_r2": r2, "near1": near1, "wide": wide}


def sincos_inputs(seed, n):
    """The inputs sincos.json hashes; rng_test.go builds the same ones."""
    rs = np.random.RandomState(seed)
    u = rs.random_sample(n)
    twopi = 2.0 * math.pi
    return {
        "gauss": u * twopi,  # what CPython's random.gauss takes cos and sin of
        "small": (u - 0.5) * 0.25,  # Taylor and table paths
        "mid": (u - 0.5) * 6.0,  # every path below 3
        "large": (u - 0.5) * 2e8,  # Cody-Waite reduction, |x| < 105414350
    }


def main():
    manifest = []
    for name, seed, calls in CASES:
        rs = np.random.RandomState(seed)
        out = bytearray()
        for call in calls:
            a = np.asarray(run(rs, call))
            if a.dtype.kind == "f":
                out += a.astype("<f8").tobytes()
            else:
                out += a.astype("<i8").tobytes()
        with open(os.path.join(HERE, name + ".bin"), "wb") as f:
            f.write(out)
        manifest.append({"name": name, "seed": seed, "calls": [list(c) for c in calls]})
    with open(os.path.join(HERE, "cases.json"), "w") as f:
        json.dump(manifest, f, indent=1)

    logs = []
    n = 1 << 20
    for seed in (0, 1):
        for kind, xs in log_inputs(seed, n).items():
            h = hashlib.sha256()
            ys = np.array([math.log(x) for x in xs.tolist()], dtype="<f8")
            h.update(ys.tobytes())
            logs.append({"seed": seed, "n": n, "kind": kind, "count": len(xs), "sha256": h.hexdigest(),
                         "first": [float(y).hex() for y in ys[:4]]})
    sincos = []
    for seed in (0, 1):
        for kind, xs in sincos_inputs(seed, 1 << 19).items():
            xl = xs.tolist()
            ys = np.array([[math.sin(x), math.cos(x)] for x in xl], dtype="<f8")
            sincos.append({"seed": seed, "n": 1 << 19, "kind": kind,
                           "sha256": hashlib.sha256(ys.tobytes()).hexdigest()})
    with open(os.path.join(HERE, "sincos.json"), "w") as f:
        json.dump(sincos, f, indent=1)

    specials = [5e-324, 2.2250738585072014e-308, 1e-300, 0.5, 0.9375, 0.999, 1.0, 1.0000001, 1.0644, 1.065,
                2.0, 3.0, 10.0, 1e300, 1.7976931348623157e308]
    with open(os.path.join(HERE, "log.json"), "w") as f:
        json.dump({"hashes": logs, "specials": [[x.hex(), math.log(x).hex()] for x in specials]}, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
