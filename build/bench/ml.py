"""Peer for `go run ./build bench ml`: scikit-learn 1.2 on the same work.

Usage: /usr/bin/python3 ml.py N_JOBS RUNS

N_JOBS is 1 or -1: GridSearchCV's n_jobs, and the threads KMeans may use
(OMP_NUM_THREADS is set by the caller to match). Prints one JSON object:
{"versions": …, "workloads": {name: {"seconds": [...], "result": …}}}.
"""
import json
import sys
import time

import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs, make_classification
from sklearn.model_selection import GridSearchCV
from sklearn.svm import SVC

n_jobs, runs = int(sys.argv[1]), int(sys.argv[2])
X, y = make_classification(n_samples=10000, n_features=4, random_state=0)
Xb, _ = make_blobs(n_samples=400000, n_features=20, centers=12, random_state=0)


def svc():
    return SVC().fit(X, y).score(X, y)


def grid():
    g = GridSearchCV(SVC(gamma="auto", random_state=0, probability=True),
                     {"C": [0.001, 10.0], "kernel": ["rbf", "poly"]}, cv=2, n_jobs=n_jobs)
    return g.fit(X, y).best_score_


def kmeans():
    return KMeans(n_clusters=12, n_init=1, random_state=0).fit(Xb).inertia_


out = {"versions": {"sklearn": sklearn.__version__}, "workloads": {}}
for name, work in [("svc", svc), ("grid", grid), ("kmeans", kmeans)]:
    rec = {"seconds": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        rec["result"] = float(work())
        rec["seconds"].append(time.perf_counter() - t0)
    out["workloads"][name] = rec
print(json.dumps(out))
