"""Generate the fixtures for engine/ml/svm's tests with scikit-learn.

Run from this directory with the Python that has scikit-learn 1.2.1 and
numpy 1.24 (on the reference machine /usr/bin/python3):

    /usr/bin/python3 gen.py

For each data set it writes NAME_X.bin and NAME_y.bin (the training data),
NAME_eval.bin (rows to evaluate the fitted models on), all raw little-endian
float64 in C order, and cases.json.gz (gzipped JSON): per case, the SVC parameters and what
scikit-learn fitted (support_, n_support_, dual_coef_, intercept_, n_iter_,
fit_status_, probA_/probB_, the resolved gamma, the libsvm seed) and
predicted (decision_function, predict and predict_proba on the eval rows,
score on the training rows). JSON floats are written with repr, so they
round-trip exactly.
"""
import gzip
import json
import warnings

import numpy as np
import sklearn
from sklearn.datasets import make_blobs, make_classification
from sklearn.exceptions import ConvergenceWarning
from sklearn.svm import SVC

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert np.__version__ == "1.24.2", np.__version__


def datasets():
    # The lesson's data.
    X, y = make_classification(n_samples=10000, n_features=4, random_state=0)
    yield "lesson", X, y.astype(float)
    X, y = make_classification(n_samples=600, n_features=5, random_state=1)
    # Labels -1/+1 rather than 0/1.
    yield "bin600", X, np.where(y == 1, 1.0, -1.0)
    X, y = make_classification(n_samples=450, n_features=6, n_informative=4,
                               n_redundant=1, n_classes=3, random_state=2)
    yield "three", X, y.astype(float)
    X, y = make_blobs(n_samples=300, centers=4, n_features=2, cluster_std=2.5,
                      random_state=3)
    # Four classes with labels that are not 0..k-1.
    yield "blobs", X, (y * 10 + 5).astype(float)
    # 20 features: dot products go through OpenBLAS's blocked kernel.
    X, y = make_classification(n_samples=300, n_features=20, n_informative=6,
                               random_state=4)
    yield "wide", X, y.astype(float)


def eval_rows(X):
    rng = np.random.RandomState(123)
    step = max(1, X.shape[0] // 150)
    seen = X[::step][:150]
    near = X[:50] + 0.3 * rng.standard_normal((50, X.shape[1]))
    return np.ascontiguousarray(np.vstack([seen, near]))


def grid(name, n):
    """The parameter sets fitted on each data set."""
    g = []
    if name == "lesson":
        g.append(dict())
        g.append(dict(probability=True, random_state=0))
        g.append(dict(C=10, shrinking=False))
        g.append(dict(kernel="linear", C=0.001))
        return g
    if name == "bin600":
        for kernel in ["rbf", "poly", "linear", "sigmoid"]:
            for shrinking in [True, False]:
                for C in [0.001, 1, 10]:
                    gammas = ["scale"] if kernel == "linear" else ["scale", "auto", 0.3]
                    if kernel == "sigmoid":
                        gammas = ["scale", "auto", 0.05]
                    for gamma in gammas:
                        kw = dict(kernel=kernel, shrinking=shrinking, C=C, gamma=gamma)
                        if kernel == "sigmoid":
                            kw["coef0"] = -1.0 if gamma == 0.05 else 0.0
                        if kernel == "poly" and gamma == 0.3:
                            kw.update(degree=2, coef0=1.0)
                        g.append(kw)
        g.append(dict(probability=True, random_state=0))
        g.append(dict(probability=True, random_state=7, kernel="poly", coef0=1.0))
        g.append(dict(max_iter=40))
        g.append(dict(C=10, tol=1e-5))
        g.append(dict(cache_size=0.05))  # a few columns only: eviction
        return g
    kernels = ["rbf", "poly", "linear", "sigmoid"]
    for kernel in kernels:
        for C in [0.001, 1, 10]:
            kw = dict(kernel=kernel, C=C)
            if kernel == "sigmoid":
                kw.update(gamma=0.02, coef0=-0.5)
            g.append(kw)
            if C == 1:
                g.append(dict(kw, shrinking=False))
    g.append(dict(gamma="auto"))
    g.append(dict(gamma=0.7, C=3))
    g.append(dict(probability=True, random_state=0))
    g.append(dict(probability=True, random_state=42, kernel="poly", C=10))
    return g


def references():
    """Reference values for the numeric building blocks.

    libm.bin: rows (x, exp(x), tanh(x)) from the C library sklearn's libsvm
    calls; ddot.bin: for n = 1..40, vectors x, y and OpenBLAS's ddot(x, y) as
    scipy (and so sklearn's libsvm) calls it; newrand.json: sequences of
    sklearn's bounded_rand_int after set_seed.
    """
    import ctypes

    from scipy.linalg import blas
    from sklearn.svm._newrand import bounded_rand_int_wrap, set_seed_wrap

    libm = ctypes.CDLL("libm.so.6")
    for f in ("exp", "tanh"):
        getattr(libm, f).restype = ctypes.c_double
        getattr(libm, f).argtypes = [ctypes.c_double]
    rng = np.random.RandomState(5)
    x = np.concatenate([
        -rng.exponential(4, 2000), rng.uniform(-3, 3, 1500), rng.normal(0, 0.2, 500),
        rng.uniform(-745, 709, 300), [0.0, -0.0, 1e-300, -1e-20, 22.5, -30.0, 709.7, -708.5, -744.0],
    ])
    rows = [(v, libm.exp(v), libm.tanh(v)) for v in map(float, x)]
    np.array(rows, dtype="<f8").tofile("libm.bin")

    out = []
    for n in range(1, 41):
        for _ in range(5):
            a, b = rng.standard_normal(n), rng.standard_normal(n) * 3
            out.extend(a)
            out.extend(b)
            out.append(blas.ddot(a, b))
    np.array(out, dtype="<f8").tofile("ddot.bin")

    seqs = []
    for seed in [0, 1, 209652396, 2**32 - 1]:
        set_seed_wrap(seed)
        ranges = [100, 1, 2, 3, 10000, 2**31 - 1, 600, 7] * 4
        seqs.append(dict(seed=seed, ranges=ranges,
                         values=[int(bounded_rand_int_wrap(r)) for r in ranges]))
    with open("newrand.json", "w") as f:
        json.dump(seqs, f)


def main():
    references()
    cases = []
    for name, X, y in datasets():
        X = np.ascontiguousarray(X, dtype=np.float64)
        E = eval_rows(X)
        X.astype("<f8").tofile(f"{name}_X.bin")
        y.astype("<f8").tofile(f"{name}_y.bin")
        E.astype("<f8").tofile(f"{name}_eval.bin")
        for kw in grid(name, X.shape[0]):
            rs = kw.get("random_state", None)
            if rs is None:
                kw = dict(kw, random_state=0)
                rs = 0
            seed = int(np.random.RandomState(rs).randint(np.iinfo("i").max))
            m = SVC(**kw)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                m.fit(X, y)
            c = dict(
                data=name,
                params={k: v for k, v in kw.items()},
                seed=seed,
                gamma=float(m._gamma),
                classes=m.classes_.tolist(),
                support=m.support_.tolist(),
                n_support=m.n_support_.tolist(),
                dual_coef=m.dual_coef_.tolist(),
                intercept=m.intercept_.tolist(),
                n_iter=np.atleast_1d(m.n_iter_).tolist(),
                fit_status=int(m.fit_status_),
                decision=np.asarray(m.decision_function(E)).tolist(),
                predict=m.predict(E).tolist(),
                score=float(m.score(X, y)),
            )
            if m.probability:
                c["probA"] = m.probA_.tolist()
                c["probB"] = m.probB_.tolist()
                c["proba"] = m.predict_proba(E).tolist()
            cases.append(c)
            print(name, kw, "nSV", m.n_support_.tolist(), "iter", c["n_iter"])
    # gzip with a fixed mtime, so regenerating gives identical bytes.
    with open("cases.json.gz", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
            f.write(json.dumps(cases, separators=(",", ":")).encode())


if __name__ == "__main__":
    main()
