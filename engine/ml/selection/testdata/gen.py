"""Write the folds scikit-learn 1.2 makes, for selection_test.go.

Run with Debian's Python from this folder: /usr/bin/python3 gen.py
"""
import json

import numpy as np
from sklearn.model_selection import KFold, StratifiedKFold

rng = np.random.RandomState(0)
cases = []
for n, k, classes, weights in [(10, 2, 2, None), (11, 3, 2, None), (100, 5, 3, [0.6, 0.3, 0.1]), (37, 4, 2, [0.8, 0.2]), (50, 2, 4, None), (9, 3, 3, None)]:
    y = rng.choice(np.arange(classes) * 2.0 + 1, size=n, p=weights)
    strat = [test.tolist() for _, test in StratifiedKFold(k).split(np.zeros(n), y)]
    plain = [test.tolist() for _, test in KFold(k).split(np.zeros(n))]
    cases.append({"y": y.tolist(), "k": k, "stratified": strat, "kfold": plain})
with open("folds.json", "w") as f:
    json.dump(cases, f)
