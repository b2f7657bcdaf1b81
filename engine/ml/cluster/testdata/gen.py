"""Write the k-means fixtures: blobs and scikit-learn 1.2's KMeans inertia.

Run with Debian's Python from this folder: /usr/bin/python3 gen.py
"""
import json

import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs

cases = []
for name, n, k, d, seed in [("blobs5", 3000, 5, 3, 0), ("blobs8", 1500, 8, 20, 1), ("blobs3", 2000, 3, 2, 2)]:
    X, _ = make_blobs(n_samples=n, centers=k, n_features=d, random_state=seed)
    X.astype("<f8").tofile(f"{name}.bin")
    km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
    cases.append({"name": name, "rows": n, "cols": d, "k": k, "inertia": km.inertia_, "n_iter": int(km.n_iter_)})
with open("kmeans.json", "w") as f:
    json.dump(cases, f, indent=1)
