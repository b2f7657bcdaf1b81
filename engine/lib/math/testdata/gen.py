"""Write libm.json: CPython's math results for random arguments.

Run with Debian's Python (its math calls glibc's libm): /usr/bin/python3 gen.py
"""
import json
import math
import random

random.seed(2026)
U = lambda a, b: [random.uniform(a, b) for _ in range(40)]
one = {
    "exp": U(-30, 30) + [1, 2, 0.5, -1.5, 10],
    "exp2": U(-30, 30) + [0.5, 10, -3],
    "log2": U(0.001, 1e6) + [10, 3, 8, 1024],
    "log10": U(0.001, 1e6) + [2, 1000, 7, 0.1],
    "tan": U(-4, 4) + [1, math.pi / 4, 0.5],
    "asin": U(-1, 1) + [0.5, 1],
    "acos": U(-1, 1) + [0.5, -1, 0],
    "atan": U(-20, 20) + [1, 0.5],
    "sinh": U(-10, 10) + [1],
    "cosh": U(-10, 10) + [1],
    "tanh": U(-10, 10) + [1, 0.5],
    "asinh": U(-10, 10) + [1],
    "acosh": U(1, 100) + [2],
    "gamma": U(-10, 30) + [0.5, 5.5, -1.5],
    "lgamma": U(-10, 100) + [0.5, 10, 100],
}
two = {
    "pow": [(random.uniform(0.01, 20), random.uniform(-8, 8)) for _ in range(40)] + [(2, 0.5), (10, -2), (1.1, 10), (-2, 3), (3, 40)],
    "atan2": [(random.uniform(-10, 10), random.uniform(-10, 10)) for _ in range(40)] + [(1, 1), (-1, -1)],
}
out = {name: [[[x], getattr(math, name)(x)] for x in xs] for name, xs in one.items()}
out.update({name: [[list(a), getattr(math, name)(*a)] for a in args] for name, args in two.items()})
json.dump(out, open("libm.json", "w"), separators=(",", ":"))
