"""Write kmeans.json: what dask-ml's KMeans and scikit-learn's give on the
lesson's blobs, for Burst's dask_ml.cluster.KMeans to be checked against.

Run with Debian's Python from this folder: /usr/bin/python3 gen.py
(numpy 1.24, dask 2022.12, scikit-learn 1.2.1; a few minutes).

Debian packages no dask-ml, so its KMeans is run from its source: the
functions of dask_ml/cluster/k_means.py (2023.3.24) below, as written
there, with the dask_ml.metrics helpers they call written out as the
per-block scikit-learn calls they are. The data is the lesson's: blocks
made by make_blobs around the means of a small blob sample.
"""
import json

import dask
import dask.array as da
import numpy as np
import sklearn.cluster
import sklearn.metrics
from dask import compute
from dask.utils import random_state_data
from sklearn.datasets import make_blobs
from sklearn.utils.extmath import squared_norm

dask.config.set(scheduler="threads")


# ---- dask_ml.metrics.pairwise ----

def pairwise_distances(X, Y):
    return X.map_blocks(sklearn.metrics.pairwise_distances, Y, dtype=float,
                        chunks=(X.chunks[0], (len(Y),)), metric="euclidean")


def pairwise_distances_argmin_min(X, Y, metric="euclidean", metric_kwargs=None):
    XD = X.to_delayed().flatten().tolist()
    func = dask.delayed(sklearn.metrics.pairwise_distances_argmin_min, pure=True, nout=2)
    blocks = [func(x, Y, metric=metric, metric_kwargs=metric_kwargs) for x in XD]
    argmins, mins = zip(*blocks)
    argmins = [da.from_delayed(b, (n,), np.int64) for b, n in zip(argmins, X.chunks[0])]
    mins = [da.from_delayed(b, (n,), "f8") for b, n in zip(mins, X.chunks[0])]
    return da.concatenate(argmins), da.concatenate(mins)


# ---- dask_ml.cluster.k_means ----

def evaluate_cost(X, centers):
    return (pairwise_distances(X, centers).min(1) ** 2).sum()


def _sample_points(X, centers, oversampling_factor, random_state):
    distances = pairwise_distances(X, centers).min(1) ** 2
    denom = distances.sum()
    p = oversampling_factor * distances / denom
    draws = random_state.uniform(size=len(p), chunks=p.chunks)
    picked = p > draws
    (new_idxs,) = da.where(picked)
    return new_idxs


def init_scalable(X, n_clusters, random_state=None, max_iter=None, oversampling_factor=2, n_init="auto"):
    idx = 0
    centers = da.compute(X[idx, np.newaxis])[0]
    c_idx = {idx}
    (cost,) = compute(evaluate_cost(X, centers))
    if cost == 0:
        n_iter = 0
    else:
        n_iter = int(np.round(np.log(cost)))
    if max_iter is not None:
        n_iter = min(max_iter, n_iter)
    for i in range(n_iter):
        new_idxs = _sample_points(X, centers, oversampling_factor, random_state)
        new_idxs = set(*compute(new_idxs))
        c_idx |= new_idxs
        centers = X[sorted(c_idx)].compute()
    if len(centers) < n_clusters:
        need = n_clusters - len(centers)
        locs = sorted(random_state.choice(np.arange(0, len(X)), size=need, replace=False, chunks=len(X)))
        extra = X[locs].compute()
        return np.vstack([centers, extra])
    rng2 = (random_state.randint(0, np.iinfo("i4").max - 1, chunks=())
            .compute(scheduler="single-threaded").item())
    km = sklearn.cluster.KMeans(n_clusters, random_state=rng2, n_init=n_init)
    km.fit(centers)
    return km.cluster_centers_


def _centers_dense(X, labels, n_clusters):
    # dask-ml's numba loop: each row added to its label's sums, in order.
    centers = np.zeros((n_clusters, X.shape[1]), dtype=np.float64)
    np.add.at(centers, labels, X)
    return centers


def _kmeans_single_lloyd(X, n_clusters, max_iter=300, random_state=None, tol=1e-4,
                         oversampling_factor=2, init_max_iter=None, n_init="auto"):
    random_state = da.random.RandomState(random_state)
    centers = init_scalable(X, n_clusters, random_state, init_max_iter, oversampling_factor, n_init)
    dt = X.dtype
    P = X.shape[1]
    for i in range(max_iter):
        labels, distances = pairwise_distances_argmin_min(
            X, centers, metric="euclidean", metric_kwargs={"squared": True})
        labels = labels.astype(np.int32)
        r = da.blockwise(_centers_dense, "ij", X, "ij", labels, "i", n_clusters, None, "i",
                         adjust_chunks={"i": n_clusters, "j": P}, dtype=X.dtype)
        new_centers = da.from_delayed(sum(r.to_delayed().flatten()), (n_clusters, P), X.dtype)
        counts = da.bincount(labels, minlength=n_clusters)
        counts = da.maximum(counts, 1)
        new_centers = new_centers / counts[:, None]
        (new_centers,) = compute(new_centers)
        shift = squared_norm(centers - new_centers)
        if shift < tol:
            break
        centers = new_centers
    if shift > 1e-7:
        labels, distances = pairwise_distances_argmin_min(X, centers)
        labels = labels.astype(np.int32)
    inertia = distances.sum()
    centers = centers.astype(dt)
    return labels, inertia, centers, i + 1


# ---- the lesson's data ----

def lesson_blobs(n_blocks, n_rows):
    n_centers, n_features = 12, 20
    X_small, y_small = make_blobs(n_samples=1000, centers=n_centers, n_features=n_features, random_state=0)
    centers = np.zeros((n_centers, n_features))
    for i in range(n_centers):
        centers[i] = X_small[y_small == i].mean(0)
    arrays = [da.from_delayed(dask.delayed(make_blobs)(n_samples=n_rows, centers=centers,
                                                       n_features=n_features, random_state=i)[0],
                              shape=(n_rows, n_features), dtype=X_small.dtype)
              for i in range(n_blocks)]
    return da.concatenate(arrays).persist()


cases = []
for name, blocks, rows, init_max_iter in [
    ("small", 8, 2500, 2),
    ("small-stuck", 10, 2000, 2),
    ("lesson", 20, 20000, 2),
    ("lesson-init-default", 20, 20000, None),
]:
    X = lesson_blobs(blocks, rows)
    labels, inertia, centers, n_iter = _kmeans_single_lloyd(
        X, 12, init_max_iter=init_max_iter, oversampling_factor=10, random_state=0)
    Xn = X.compute()
    sk = sklearn.cluster.KMeans(n_clusters=12, n_init=10, random_state=0).fit(Xn)
    sk1 = sklearn.cluster.KMeans(n_clusters=12, n_init=1, random_state=0).fit(Xn)
    cases.append({
        "name": name, "blocks": blocks, "rows": rows, "init_max_iter": init_max_iter,
        "oversampling_factor": 10, "random_state": 0,
        "inertia": float(inertia.compute()), "n_iter": n_iter,
        "bincount": np.bincount(labels.compute(), minlength=12).tolist(),
        "centers_sum": float(centers.sum()),
        "sklearn_inertia": sk.inertia_, "sklearn_n_init_1_inertia": sk1.inertia_,
    })
    print(cases[-1], flush=True)

# dask.array.random's seeding, which the k-means|| draws follow.
rs = np.random.RandomState(0)
seeds = random_state_data(3, rs)
draws = da.random.RandomState(0).uniform(size=7, chunks=3).compute()
rng2 = da.random.RandomState(0).randint(0, np.iinfo("i4").max - 1, chunks=()).compute().item()
with open("kmeans.json", "w") as f:
    json.dump({"cases": cases, "random": {
        "seed0_words": [int(v) for v in seeds[0][:4]], "seed2_last": int(seeds[2][-1]),
        "uniform_seed0_chunks3": draws.tolist(), "randint_seed0": rng2,
    }}, f, indent=1)
