"""The numbers lesson 03 computes, by scikit-learn 1.2 on this machine.

Run from the repository with Debian's Python:

    /usr/bin/python3 build/testdata/lessons/ml_numbers.py > build/testdata/lessons/ml_numbers.json
"""
import json
import sys

import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs, make_classification
from sklearn.model_selection import GridSearchCV
from sklearn.svm import SVC

X, y = make_classification(n_samples=10000, n_features=4, random_state=0)
est = SVC(random_state=0).fit(X, y)
small = GridSearchCV(SVC(gamma="auto", random_state=0, probability=True),
                     param_grid={"C": [0.001, 10.0], "kernel": ["rbf", "poly"]}, cv=2).fit(X, y)
big = GridSearchCV(SVC(gamma="auto", random_state=0),
                   param_grid={"C": [0.001, 0.1, 0.5, 1.0, 2.0, 10.0],
                               "kernel": ["rbf", "poly", "sigmoid"],
                               "shrinking": [True, False]}, cv=2, n_jobs=-1).fit(X, y)

n_centers, n_features = 12, 20
X_small, y_small = make_blobs(n_samples=1000, centers=n_centers, n_features=n_features, random_state=0)
centers = np.zeros((n_centers, n_features))
for i in range(n_centers):
    centers[i] = X_small[y_small == i].mean(0)
blocks = [make_blobs(n_samples=20000, centers=centers, n_features=n_features, random_state=i)[0] for i in range(20)]
Xb = np.concatenate(blocks)
km = KMeans(n_clusters=n_centers, n_init=10, random_state=0).fit(Xb)

json.dump({
    "X_head": X[:8].tolist(),
    "svc_score": est.score(X, y),
    "svc_n_support": est.n_support_.tolist(),
    "small_best_params": small.best_params_,
    "small_best_score": small.best_score_,
    "small_mean_test_score": small.cv_results_["mean_test_score"].tolist(),
    "big_best_params": big.best_params_,
    "big_best_score": big.best_score_,
    "big_mean_test_score": big.cv_results_["mean_test_score"].tolist(),
    "centers_head": centers[:4].tolist(),
    "kmeans_inertia": km.inertia_,
    "kmeans_counts": sorted(np.bincount(km.labels_).tolist()),
}, sys.stdout, indent=1, sort_keys=True)
print()
