"""Write the fixtures engine/ndarray's tests compare with numpy 1.24.

Run with Debian's Python (which has numpy): /usr/bin/python3 gen.py
(in this folder). It writes format.json (repr and str of many arrays) and
reduce.json (sums, means, variances, ... bit for bit, as float.hex()).

The arrays come from a generator the Go test repeats exactly (splitmix64
and plain IEEE arithmetic), so the fixtures hold only the outputs.
"""
import hashlib
import json
import math
import numpy as np

assert np.__version__.startswith("1.24"), np.__version__
M = (1 << 64) - 1


class Gen:
    def __init__(self, seed):
        self.s = seed & M

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * (1.0 / 9007199254740992.0)

    def intn(self, n):
        return self.next() % n

    def normal(self):
        return ((self.uniform() + self.uniform()) + (self.uniform() + self.uniform())) - 2.0


def pow10(k):
    # exact for |k| <= 22 in both languages
    return float(10 ** k) if k >= 0 else 1.0 / float(10 ** -k)


def scale(x, k):
    return x * float(10 ** k) if k >= 0 else x / float(10 ** -k)


SPECIALS = [0.0, -0.0, 1.5, 2.0, 0.1, 1e-05, 123456.789]
NONFINITE = [math.nan, math.inf, -math.inf, 0.0]


def make(kind, shape, seed):
    """Returns the values (a flat list) of one generated array."""
    g = Gen(seed)
    n = int(np.prod(shape)) if shape else 1
    if n == 0:
        return []
    dt = kind[0]
    k = int(kind[1:])
    if dt == "f":
        e = int(g.intn(26)) - 12
        if k == 0:
            return [g.normal() for _ in range(n)]
        if k == 1:
            return [scale(g.normal(), e) for _ in range(n)]
        if k == 2:
            d = int(g.intn(4))
            return [round(g.normal() * 10.0, d) for _ in range(n)]
        if k == 3:
            return [float(math.floor(g.uniform() * 2000.0) - 1000) for _ in range(n)]
        if k == 4:
            return [scale(g.uniform(), int(g.intn(16)) - 6) for _ in range(n)]
        if k == 5:
            v = [scale(g.normal(), e) for _ in range(n)]
            for _ in range(max(1, n // 5)):
                v[g.intn(n)] = math.nan
            return v
        if k == 6:
            v = [g.normal() for _ in range(n)]
            for _ in range(max(1, n // 5)):
                v[g.intn(n)] = math.inf
            for _ in range(max(1, n // 7)):
                v[g.intn(n)] = -math.inf
            return v
        if k == 7:
            e2 = int(g.intn(14)) - 5
            return [scale(round(g.uniform() * 2.0 - 1.0, 2), e2) for _ in range(n)]
        if k == 8:
            return [SPECIALS[g.intn(len(SPECIALS))] for _ in range(n)]
        if k == 9:
            return [NONFINITE[g.intn(len(NONFINITE))] for _ in range(n)]
        if k == 10:
            return [g.normal() / 1000.0 for _ in range(n)]
        return [round(g.uniform() * 99.0 + 1.0, 1) for _ in range(n)]
    if dt == "i":
        if k == 0:
            return [int(g.intn(20)) - 10 for _ in range(n)]
        if k == 1:
            m = 10 ** int(1 + g.intn(11))
            return [int(g.intn(m)) for _ in range(n)]
        if k == 2:
            return [(g.next() >> 2) - (1 << 61) for _ in range(n)]
        return [int(g.intn(100005)) - 5 for _ in range(n)]
    return [bool(g.next() & 1) for _ in range(n)]


NP = {"f": np.float64, "i": np.int64, "b": np.bool_}


def array(kind, shape, seed):
    return np.array(make(kind, shape, seed), dtype=NP[kind[0]]).reshape(shape)


SHAPES = [(), (1,), (2,), (5,), (7,), (13,), (40,), (1, 1), (2, 3), (3, 2), (4, 5), (10, 3), (3, 10), (1, 30),
          (30, 1), (2, 3, 4), (0,), (0, 3), (3, 0), (1001,), (2000,), (40, 40), (1000, 2), (2, 600), (7, 200),
          (200, 7)]
KINDS = ["f%d" % k for k in range(12)] + ["i%d" % k for k in range(4)] + ["b0"]

cases = []
seed = 1
for shape in SHAPES:
    for kind in KINDS:
        for rep in range(3 if kind[0] == "f" else 1):
            seed += 1
            a = array(kind, shape, seed)
            cases.append({"kind": kind, "shape": list(shape), "seed": seed, "repr": repr(a), "str": str(a)})
# Values that test the rounding at the eighth digit, the switch to
# scientific notation and the padding.
SPECIAL = [[1e-5], [1e-4], [0.0001, 1.0], [1e8], [99999999.0], [1e8, 1.0], [0.1, 1000.0], [0.1, 100.1],
           [1.0, 2.0, 3.0], [1.2, -0.3, 0.5, 2.0], [1e100, 1e-5], [1e-100], [-1e-300, 5.0], [0.125, 0.375],
           [1.000000005], [1.000000015], [0.123456785], [2.675], [1 / 3, 2 / 3], [math.pi * 1e7],
           [math.pi * 1e-4], [5e-324], [1.7976931348623157e308], [-0.0], [0.0], [math.nan], [-math.inf],
           [math.nan, 1.0], [123456789.0, 1.5], [1.5, math.nan, -math.inf], [0.1 + 0.2], [1e16], [12345678.9],
           [1234567.891], [0.00012345678901], [0.5, 0.25, 0.125, 0.0625, 0.03125], [1e-5, 2e-5, 3.5e-5],
           [-1.5e10, 2.25e-3], [999.9999999999], [0.99999999999], [9.999999999e-5]]
for v in SPECIAL:
    for a in (np.array(v, dtype=float), np.array(v, dtype=float).reshape(len(v), 1)):
        cases.append({"values": [x.hex() for x in a.ravel().tolist()], "shape": list(a.shape),
                      "repr": repr(a), "str": str(a)})
for v in [[0], [-1], [2 ** 63 - 1], [-2 ** 63], [1, -100, 1000]]:
    a = np.array(v, dtype=np.int64)
    cases.append({"ints": v, "shape": list(a.shape), "repr": repr(a), "str": str(a)})
with open("format.json", "w") as f:
    json.dump(cases, f, indent=0)


def enc(x, head=3):
    """A result: dtype, shape, its first values and the SHA-256 of its
    bytes (little-endian IEEE doubles, int64s, one byte per bool)."""
    x = np.array(x)
    if x.dtype == np.float64:
        x[np.isnan(x)] = np.nan  # one NaN: their payloads are not compared
    head = x.ravel()[:head].tolist()
    if x.dtype == np.float64:
        head = [float(v).hex() for v in head]
    return {"dtype": str(x.dtype), "shape": list(x.shape), "head": head,
            "sha256": hashlib.sha256(np.ascontiguousarray(x).tobytes()).hexdigest()}


# Reductions, bit for bit.
red = []
for shape in [(1,), (5,), (8,), (9,), (17,), (127,), (128,), (129,), (1000,), (8191,), (8192,), (8193,),
              (20000,), (100003,), (3, 4), (300, 50), (50, 300), (20000, 3), (3, 20000), (9, 2), (16, 1),
              (20000, 1), (1, 20000), (200, 200)]:
    for kind in ("f1", "f0", "i3", "b0"):
        seed += 1
        a = array(kind, shape, seed)
        out = {}
        for axis in [None] + list(range(len(shape))) + [-1]:
            r = {}
            for name in ("sum", "mean", "var", "std", "min", "max", "argmin", "argmax", "prod", "any", "all"):
                if kind == "b0" and name in ("var", "std"):
                    continue
                r[name] = enc(getattr(a, name)(axis=axis))
            if kind != "b0":
                r["std1"] = enc(a.std(axis=axis, ddof=1))
            out["None" if axis is None else str(axis)] = r
        red.append({"kind": kind, "shape": list(shape), "seed": seed, "r": out})
with open("reduce.json", "w") as f:
    json.dump(red, f)

# Element-wise operations, arange, linspace and argsort, bit for bit.
ops = []
BIN = {"add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": np.true_divide,
       "floor_divide": np.floor_divide, "remainder": np.remainder, "power": np.power, "maximum": np.maximum,
       "minimum": np.minimum, "equal": np.equal, "less": np.less, "greater_equal": np.greater_equal}
UN = {"negative": np.negative, "absolute": np.absolute, "sqrt": np.sqrt, "exp": np.exp, "log": np.log,
      "floor": np.floor, "ceil": np.ceil, "rint": np.rint, "square": np.square, "isnan": np.isnan}
with np.errstate(all="ignore"):
    for xs, ys in [((1000,), (1000,)), ((50, 20), (20,)), ((50, 20), (50, 1)), ((50, 20), ()), ((), (30,)),
                   ((4, 1), (1, 5)), ((7,), (3, 1, 7))]:
        for kx, ky in [("f0", "f0"), ("f1", "f2"), ("i0", "i3"), ("f2", "i0"), ("b0", "b0"), ("i3", "b0"),
                       ("f8", "f9")]:
            seed += 1
            sx = seed
            seed += 1
            sy = seed
            x, y = array(kx, xs, sx), array(ky, ys, sy)
            r = {}
            for name, f in BIN.items():
                if kx[0] == ky[0] == "b" and name in ("subtract", "floor_divide", "remainder", "power"):
                    continue  # numpy refuses, or gives int8; Burst int64
                yy = y
                if name == "power":
                    if x.dtype != np.float64 and y.dtype != np.float64:
                        yy = np.abs(y) % 4
                    else:
                        yy = np.abs(y) % 3
                r[name] = enc(f(x, yy), 40 if name == "power" else 3)
            if x.dtype != bool:
                r["power2"] = enc(x ** 2)
            if x.dtype != bool:
                r["power05"] = enc(np.abs(x) ** 0.5, 40)
            for name, f in UN.items():
                if x.dtype == bool and name not in ("absolute", "isnan"):
                    continue  # numpy gives float16 (or refuses); Burst float64
                r[name] = enc(f(x), 40 if name in ("exp", "log") else 3)
            if x.dtype != bool:
                r["round2"] = enc(np.round(x, 2))
            ops.append({"x": [kx, list(xs), sx], "y": [ky, list(ys), sy], "r": r})
rng_cases = []
for args in [(0, 10, 1), (0.0, 1.0, 0.1), (1, 2, 0.3), (-3.5, 7.25, 0.37), (10, 0, -1.5), (0, 5, 7), (5, 0, 1),
             (0.1, 0.9, 0.1), (1e-3, 1.0, 1e-3)]:
    a = np.arange(*args)
    rng_cases.append({"fn": "arange", "args": [float(v) for v in args],
                      "int": all(isinstance(v, int) for v in args), "r": enc(a)})
for args in [(0, 1, 5, True), (0, 1, 5, False), (-2.5, 7.1, 50, True), (1, 1, 3, True), (0, 10, 1, True),
             (3, -3, 7, True), (0, 1e-10, 11, True), (0, 1, 0, True), (2, 3, 1, False)]:
    a = np.linspace(args[0], args[1], args[2], endpoint=args[3])
    rng_cases.append({"fn": "linspace", "args": list(args[:2]), "num": args[2], "endpoint": args[3], "r": enc(a)})
sorts = []
for n in [5, 16, 17, 40, 100, 1000, 5000]:
    for kind in ("i0", "f8", "f0", "b0", "f9"):
        seed += 1
        a = array(kind, (n,), seed)
        sorts.append({"kind": kind, "n": n, "seed": seed, "argsort": enc(np.argsort(a)), "sort": enc(np.sort(a))})
with open("ops.json", "w") as f:
    json.dump({"ops": ops, "ranges": rng_cases, "sorts": sorts}, f)
