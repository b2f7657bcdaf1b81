#!/usr/bin/python3
"""Writes the fixtures the datasets tests compare against, from scikit-learn.

Run on the reference machine with Debian's interpreter (numpy 1.24.2,
scikit-learn 1.2.1, OpenBLAS 0.3.21 with 2 threads, glibc 2.36):

    /usr/bin/python3 engine/ml/datasets/testdata/gen.py

Outputs, all little-endian:
  cases.json    one entry per make_classification / make_blobs call: its
                arguments, shapes, and sha256 of X (float64) and y (int64);
                small cases also name a .bin file holding X then y;
  <name>.bin    X (float64, row-major) then y (int64);
  dot.json      [seed, n, k, extra, [[m, sha256 prefix of np.dot(X, W)], ...]]
                for many shapes, with X and W rebuilt in Go from RandomState
                streams (blas_test.go).
"""
import hashlib
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.datasets import make_blobs, make_classification

assert np.__version__ == "1.24.2", np.__version__
assert sklearn.__version__ == "1.2.1", sklearn.__version__
HERE = os.path.dirname(os.path.abspath(__file__))

# Cases whose full arrays go into a .bin file (kept small); the others are
# checked by hash only.
MAX_BIN_BYTES = 200_000

CLASSIFICATION = [
    ("lesson", dict(n_samples=10000, n_features=4, random_state=0)),
    ("default_rs0", dict(random_state=0)),
    ("default_rs1", dict(random_state=1)),
    ("default_rs2", dict(random_state=2)),
    ("default_rs42", dict(random_state=42)),
    ("weights", dict(n_samples=500, weights=[0.9, 0.1], random_state=3)),
    ("weights_short", dict(n_samples=300, n_classes=3, n_informative=3, weights=[0.2, 0.5], random_state=4)),
    ("redundant_repeated", dict(n_samples=400, n_features=12, n_informative=4, n_redundant=3, n_repeated=2,
                                random_state=5)),
    ("classes3", dict(n_samples=600, n_features=8, n_informative=3, n_redundant=1, n_classes=3,
                      n_clusters_per_class=1, random_state=6)),
    ("no_hypercube", dict(n_samples=300, n_features=6, n_informative=3, hypercube=False, random_state=7)),
    ("shift_scale_none", dict(n_samples=250, n_features=7, shift=None, scale=None, random_state=8)),
    ("shift_scale_values", dict(n_samples=200, n_features=5, shift=2.5, scale=0.5, class_sep=2.0,
                                random_state=9)),
    ("no_shuffle", dict(n_samples=150, shuffle=False, random_state=10)),
    ("flip0", dict(n_samples=150, flip_y=0.0, random_state=11)),
    ("flip_big", dict(n_samples=150, flip_y=0.5, n_classes=4, n_informative=4, random_state=12)),
    ("many_informative", dict(n_samples=2001, n_features=30, n_informative=12, n_redundant=9, n_repeated=3,
                              n_classes=5, random_state=13)),
    ("informative_big", dict(n_samples=20001, n_features=25, n_informative=10, n_redundant=10,
                             random_state=14)),
    ("redundant_one", dict(n_samples=1001, n_features=6, n_informative=5, n_redundant=1, random_state=15)),
    ("redundant_one_big", dict(n_samples=30001, n_features=9, n_informative=7, n_redundant=1, random_state=16)),
    ("informative_one", dict(n_samples=99, n_features=3, n_informative=1, n_redundant=1, n_classes=2,
                             n_clusters_per_class=1, random_state=17)),
    ("tiny", dict(n_samples=3, n_features=5, n_informative=3, n_redundant=2, n_classes=2, random_state=18)),
    ("one_sample", dict(n_samples=1, n_features=4, n_informative=2, n_redundant=1, random_state=19)),
    ("informative_31", dict(n_samples=200, n_features=34, n_informative=31, n_redundant=0, n_classes=3,
                            random_state=20)),
    ("hypercube_ratio", dict(n_samples=300, n_features=10, n_informative=8, n_redundant=0, n_classes=8,
                             n_clusters_per_class=32, random_state=21)),
    ("big_threads", dict(n_samples=150001, n_features=20, n_informative=9, n_redundant=6, n_repeated=1,
                         random_state=22)),
]

BLOBS = [
    ("blobs_default", dict(random_state=0)),
    ("blobs_int_centers", dict(n_samples=1000, n_features=3, centers=5, random_state=1)),
    ("blobs_explicit", dict(n_samples=301, centers=[[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0]], cluster_std=0.4,
                            random_state=2)),
    ("blobs_list_n", dict(n_samples=[100, 50, 25], n_features=4, random_state=3)),
    ("blobs_list_n_centers", dict(n_samples=[10, 20], centers=[[0.0, 0.0, 0.0], [5.0, 5.0, 5.0]],
                                  random_state=4)),
    ("blobs_list_std", dict(n_samples=500, centers=3, cluster_std=[1.0, 2.5, 0.5], random_state=5)),
    ("blobs_box", dict(n_samples=200, n_features=5, centers=4, center_box=(0.0, 1.0), random_state=6)),
    ("blobs_no_shuffle", dict(n_samples=100, centers=2, shuffle=False, random_state=7)),
    ("blobs_odd", dict(n_samples=7, n_features=3, centers=4, random_state=8)),
    ("blobs_400k", dict(n_samples=400000, n_features=20, random_state=0)),
]


def sha(a):
    return hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()


def jsonable(kw):
    out = {}
    for k, v in kw.items():
        if isinstance(v, tuple):
            v = list(v)
        out[k] = v
    return out


def record(name, kind, kw, X, y, centers=None):
    X = np.ascontiguousarray(X, dtype="<f8")
    y = np.ascontiguousarray(y, dtype="<i8")
    entry = {"name": name, "func": kind, "kwargs": jsonable(kw), "rows": X.shape[0], "cols": X.shape[1],
             "x_sha256": sha(X), "y_sha256": sha(y)}
    if centers is not None:
        entry["centers_sha256"] = sha(np.asarray(centers, dtype="<f8"))
    if X.nbytes + y.nbytes <= MAX_BIN_BYTES:
        with open(os.path.join(HERE, name + ".bin"), "wb") as f:
            f.write(X.tobytes())
            f.write(y.tobytes())
        entry["bin"] = name + ".bin"
    return entry


DOT_N = [1, 2, 3, 4, 5, 8, 9, 17, 31, 100, 1001, 2047, 4099, 10001, 33335, 130019]
DOT_K = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 15, 16, 17, 20, 33, 300]
DOT_M = [1, 2, 3, 4, 5, 7, 8, 9, 13]
DOT_MAX_WORK = 4_000_000


def dot_cases():
    """np.dot(X, W) for X = standard_normal((n, k + extra))[:, :k] (a strided view, as
    make_classification's slices are) and, for each m in turn, W = 2*uniform(size=(k, m)) - 1
    from the same stream."""
    out = []
    seed = 0
    for n in DOT_N:
        for k in DOT_K:
            ms = [m for m in DOT_M if n * k * m <= DOT_MAX_WORK]
            if not ms:
                continue
            seed += 1
            extra = seed % 3
            rs = np.random.RandomState(seed)
            X = rs.standard_normal((n, k + extra))[:, :k]
            hashes = []
            for m in ms:
                W = 2 * rs.uniform(size=(k, m)) - 1
                hashes.append([m, sha(np.dot(X, W))[:32]])
            out.append([seed, n, k, extra, hashes])
    # Rarer paths: threaded dgemv_n, column blocks of dgemv_t and ddot beyond
    # 2048, W wider than GEMM_P (512) and than 2*GEMM_P.
    for n, k, ms in [(1, 800, [9, 13]), (1, 2000, [16]), (1, 40, [1]), (1, 5000, [1]), (5, 2100, [1]),
                     (3, 4500, [1]), (2, 600, [600]), (3, 10, [1100]), (9, 7, [515, 1030]), (1, 3, [2100])]:
        seed += 1
        extra = seed % 3
        rs = np.random.RandomState(seed)
        X = rs.standard_normal((n, k + extra))[:, :k]
        hashes = []
        for m in ms:
            W = 2 * rs.uniform(size=(k, m)) - 1
            hashes.append([m, sha(np.dot(X, W))[:32]])
        out.append([seed, n, k, extra, hashes])
    return out


def main():
    cases = []
    for name, kw in CLASSIFICATION:
        X, y = make_classification(**kw)
        cases.append(record(name, "make_classification", kw, X, y))
    for name, kw in BLOBS:
        X, y, centers = make_blobs(return_centers=True, **kw)
        cases.append(record(name, "make_blobs", kw, X, y, centers))
    with open(os.path.join(HERE, "cases.json"), "w") as f:
        json.dump(cases, f, indent=1)
    with open(os.path.join(HERE, "dot.json"), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(c) for c in dot_cases()) + "\n]\n")


if __name__ == "__main__":
    sys.exit(main())
