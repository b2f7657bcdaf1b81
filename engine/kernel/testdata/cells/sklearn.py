# scikit-learn: datasets, SVC, model selection, metrics and KMeans, as
# scikit-learn 1.2.1 computes and prints them (the data sets are equal
# bit for bit; SVC is a port of its libsvm).

# %% make_classification
from sklearn.datasets import make_classification
X, y = make_classification(n_samples=10000, n_features=4, random_state=0)
print(X.shape, y.shape, X.dtype, y.dtype)
X[:4]
# > (10000, 4) (10000,) float64 int64
# > array([[-0.77244139,  0.3607576 , -2.38110133,  0.08757   ],
# >        [ 1.14946035,  0.62254594,  0.37302939,  0.45965795],
# >        [-1.90879217, -1.1602627 , -0.27364545, -0.82766028],
# >        [-0.77694695,  0.31434299, -2.26231851,  0.06339125]])

# %% make_classification labels
from sklearn.datasets import make_classification
X, y = make_classification(n_samples=10000, n_features=4, random_state=0)
y[:20], y.sum()
# > (array([0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1]), 5007)

# %% make_classification with three weighted classes
from sklearn.datasets import make_classification
X, y = make_classification(n_samples=300, n_features=6, n_informative=3, n_redundant=1, n_classes=3, weights=[0.5, 0.3], random_state=4)
import numpy as np
np.bincount(y), X[-2:]
# > (array([151,  90,  59]), array([[-0.03271766, -0.75078473,  1.07837681, -1.86143   , -2.0129743 ,
# >         -1.34294223],
# >        [ 1.29059126,  0.02626717,  0.91745858,  0.85667725,  0.54727079,
# >          0.26905996]]))

# %% make_classification without a hypercube, random shift and scale
from sklearn.datasets import make_classification
X, y = make_classification(n_samples=50, n_features=5, hypercube=False, shift=None, scale=None, random_state=1)
X[:2]
# > array([[  42.38277961,  -54.9082042 ,  -19.39432315,   -1.65653194,
# >          -26.08912577],
# >        [  60.70245378, -104.44320094,  -70.61148348,    0.70449845,
# >          -40.54381533]])

# %% make_blobs
from sklearn.datasets import make_blobs
X, y = make_blobs(n_samples=10, centers=3, n_features=2, random_state=0)
X, y
# > (array([[ 1.12031365,  5.75806083],
# >        [ 1.7373078 ,  4.42546234],
# >        [ 2.36833522,  0.04356792],
# >        [ 0.87305123,  4.71438583],
# >        [-0.66246781,  2.17571724],
# >        [ 0.74285061,  1.46351659],
# >        [-4.07989383,  3.57150086],
# >        [ 3.54934659,  0.6925054 ],
# >        [ 2.49913075,  1.23133799],
# >        [ 1.9263585 ,  4.15243012]]), array([0, 0, 1, 0, 2, 2, 2, 1, 1, 0]))

# %% make_blobs around given centres
from sklearn.datasets import make_blobs
import numpy as np
centers = np.array([[0.0, 0.0], [5.0, 5.0]])
X, y, c = make_blobs(n_samples=[3, 2], centers=centers, cluster_std=[0.5, 1.0], random_state=2, return_centers=True)
X, y, c
# > (array([[ 5.50288142,  3.75471191],
# >        [-0.89671779, -0.42087368],
# >        [-1.06809805,  0.8201354 ],
# >        [-0.20837892, -0.02813341],
# >        [ 3.94204778,  4.09099239]]), array([1, 0, 0, 0, 1]), array([[0., 0.],
# >        [5., 5.]]))

# %% SVC repr shows what differs from the defaults
from sklearn.svm import SVC
SVC(), SVC(C=10.0, kernel="poly", random_state=0), SVC(C=1)
# > (SVC(), SVC(C=10.0, kernel='poly', random_state=0), SVC(C=1))

# %% a long SVC repr wraps
from sklearn.svm import SVC
SVC(C=1e-05, kernel="poly", degree=2, coef0=1, cache_size=100, tol=1e-4, max_iter=10, probability=True, shrinking=False, random_state=3)
# > SVC(C=1e-05, cache_size=100, coef0=1, degree=2, kernel='poly', max_iter=10,
# >     probability=True, random_state=3, shrinking=False, tol=0.0001)

# %% SVC fit and score
from sklearn.datasets import make_classification
from sklearn.svm import SVC
X, y = make_classification(n_samples=10000, n_features=4, random_state=0)
est = SVC(random_state=0)
est.fit(X, y)
est.score(X, y), len(est.support_), est.n_support_.tolist()
# > (0.905, 2628, [1316, 1312])

# %% SVC's fitted attributes
from sklearn.datasets import make_classification
from sklearn.svm import SVC
X, y = make_classification(n_samples=500, n_features=4, random_state=1)
est = SVC(C=10.0).fit(X, y)
print(est.support_[:8].tolist())
print(est.dual_coef_[0, :4])
print(est.intercept_, est.classes_)
print(est.support_vectors_[:2])
est.fit_status_, est.shape_fit_
# > [30, 66, 75, 79, 138, 144, 156, 165]
# > [-10. -10. -10. -10.]
# > [-0.03038333] [0 1]
# > [[-0.3653134  -0.12521189 -0.3441117   0.32603167]
# >  [ 0.09966548 -0.22217855 -0.04140059 -0.06841926]]
# > (0, (500, 4))

# %% SVC predict and decision_function
from sklearn.datasets import make_classification
from sklearn.svm import SVC
X, y = make_classification(n_samples=500, n_features=4, random_state=1)
est = SVC().fit(X, y)
est.predict(X[:12]), est.decision_function(X[:4])
# > (array([0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0]), array([-1.54752584,  1.3564119 , -1.5498176 ,  1.13224183]))

# %% SVC predict_proba
from sklearn.datasets import make_classification
from sklearn.svm import SVC
X, y = make_classification(n_samples=300, n_features=4, random_state=2)
est = SVC(probability=True, random_state=0).fit(X, y)
est.predict_proba(X[:3]).round(6)
# > array([[0.121264, 0.878736],
# >        [0.919713, 0.080287],
# >        [0.043851, 0.956149]])

# %% SVC kernels
from sklearn.datasets import make_classification
from sklearn.svm import SVC
X, y = make_classification(n_samples=400, n_features=4, random_state=3)
for kernel in ["linear", "poly", "rbf", "sigmoid"]:
    est = SVC(kernel=kernel, gamma="auto").fit(X, y)
    print(kernel, est.score(X, y), est.n_support_.tolist())
# > linear 0.8875 [56, 57]
# > poly 0.8975 [85, 86]
# > rbf 0.9525 [38, 38]
# > sigmoid 0.7025 [67, 68]

# %% linear SVC has coef_
from sklearn.datasets import make_classification
from sklearn.svm import SVC
X, y = make_classification(n_samples=200, n_features=3, n_informative=2, n_redundant=1, random_state=5)
SVC(kernel="linear").fit(X, y).coef_.round(6)
# > array([[1.432382, 0.522097, 0.523299]])

# %% SVC with three classes
from sklearn.datasets import make_blobs
from sklearn.svm import SVC
X, y = make_blobs(n_samples=150, centers=3, random_state=7)
est = SVC().fit(X, y)
est.score(X, y), est.classes_, est.decision_function(X[:2]).round(6)
# > (1.0, array([0, 1, 2]), array([[-0.184321,  0.836129,  2.229296],
# >        [ 2.236413,  0.849746, -0.206036]]))

# %% SVC rejects a bad C
from sklearn.svm import SVC
import numpy as np
SVC(C=-1).fit(np.zeros((4, 2)), [0, 1, 0, 1])
# > InvalidParameterError: The 'C' parameter of SVC must be a float in the range (0.0, inf). Got -1 instead.
# > @ line 3

# %% SVC needs two classes
from sklearn.svm import SVC
import numpy as np
SVC().fit(np.zeros((4, 2)), [1, 1, 1, 1])
# > ValueError: The number of classes has to be greater than one; got 1 class
# > @ line 3

# %% predict before fit
from sklearn.svm import SVC
SVC().predict([[1.0, 2.0]])
# > NotFittedError: This SVC instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.
# > @ line 2

# %% X must be 2-D
from sklearn.svm import SVC
SVC().fit([1.0, 2.0, 3.0], [0, 1, 0])
# > ValueError: Expected 2D array, got 1D array instead:
# > @ line 2

# %% X and y lengths must agree
from sklearn.svm import SVC
SVC().fit([[1.0], [2.0], [3.0]], [0, 1])
# > ValueError: Found input variables with inconsistent numbers of samples: [3, 2]
# > @ line 2

# %% get_params and set_params
from sklearn.svm import SVC
est = SVC(C=3.0)
est.set_params(kernel="linear")
est.get_params()["C"], est.kernel, est
# > (3.0, 'linear', SVC(C=3.0, kernel='linear'))

# %% GridSearchCV repr
from sklearn.svm import SVC
from sklearn.model_selection import GridSearchCV
print(GridSearchCV(SVC(gamma="auto", random_state=0, probability=True), param_grid={"C": [0.001, 10.0], "kernel": ["rbf", "poly"]}, cv=2, verbose=3))
GridSearchCV(SVC(gamma="auto", random_state=0), param_grid={"C": [0.001, 0.1, 0.5, 1.0, 2.0, 10.0], "kernel": ["rbf", "poly", "sigmoid"], "shrinking": [True, False]}, cv=2, n_jobs=-1)
# > GridSearchCV(cv=2,
# >              estimator=SVC(gamma='auto', probability=True, random_state=0),
# >              param_grid={'C': [0.001, 10.0], 'kernel': ['rbf', 'poly']},
# >              verbose=3)
# > GridSearchCV(cv=2, estimator=SVC(gamma='auto', random_state=0), n_jobs=-1,
# >              param_grid={'C': [0.001, 0.1, 0.5, 1.0, 2.0, 10.0],
# >                          'kernel': ['rbf', 'poly', 'sigmoid'],
# >                          'shrinking': [True, False]})

# %% GridSearchCV
from sklearn.datasets import make_classification
from sklearn.svm import SVC
from sklearn.model_selection import GridSearchCV
X, y = make_classification(n_samples=600, n_features=4, random_state=0)
g = GridSearchCV(SVC(gamma="auto"), param_grid={"C": [0.01, 1.0, 10.0], "kernel": ["rbf", "linear"]}, cv=3)
g.fit(X, y)
print(g.best_params_, g.best_score_, g.best_index_)
print(g.cv_results_["mean_test_score"])
print(g.cv_results_["rank_test_score"].tolist())
print(g.cv_results_["params"][:2])
print(g.cv_results_["split2_test_score"])
print(list(g.cv_results_.keys()))
g.best_estimator_, g.score(X, y)
# > {'C': 10.0, 'kernel': 'rbf'} 0.965 4
# > [0.92       0.93666667 0.96       0.955      0.965      0.955     ]
# > [6, 5, 2, 3, 1, 3]
# > [{'C': 0.01, 'kernel': 'rbf'}, {'C': 0.01, 'kernel': 'linear'}]
# > [0.94  0.955 0.98  0.98  0.98  0.98 ]
# > ['mean_fit_time', 'std_fit_time', 'mean_score_time', 'std_score_time', 'param_C', 'param_kernel', 'params', 'split0_test_score', 'split1_test_score', 'split2_test_score', 'mean_test_score', 'std_test_score', 'rank_test_score']
# > (SVC(C=10.0, gamma='auto'), 0.9666666666666667)

# %% GridSearchCV with a list of grids
from sklearn.datasets import make_classification
from sklearn.svm import SVC
from sklearn.model_selection import GridSearchCV
X, y = make_classification(n_samples=300, n_features=4, random_state=2)
g = GridSearchCV(SVC(), param_grid=[{"kernel": ["linear"], "C": [0.1, 1]}, {"kernel": ["rbf"], "gamma": [0.1, 1.0]}], cv=2).fit(X, y)
g.cv_results_["params"], g.best_params_
# > ([{'C': 0.1, 'kernel': 'linear'},
# >   {'C': 1, 'kernel': 'linear'},
# >   {'gamma': 0.1, 'kernel': 'rbf'},
# >   {'gamma': 1.0, 'kernel': 'rbf'}],
# >  {'gamma': 1.0, 'kernel': 'rbf'})

# %% GridSearchCV verbose
from sklearn.datasets import make_classification
from sklearn.svm import SVC
from sklearn.model_selection import GridSearchCV
X, y = make_classification(n_samples=200, n_features=4, random_state=0)
g = GridSearchCV(SVC(gamma="auto"), param_grid={"C": [0.001, 10.0], "kernel": ["rbf"]}, cv=2, verbose=3)
g.fit(X, y)
g.best_params_
# > Fitting 2 folds for each of 2 candidates, totalling 4 fits
# > [CV 1/2] END ...............C=0.001, kernel=rbf;, score=0.950 total time=   0.0s
# > [CV 2/2] END ...............C=0.001, kernel=rbf;, score=0.900 total time=   0.0s
# > [CV 1/2] END ................C=10.0, kernel=rbf;, score=0.970 total time=   0.0s
# > [CV 2/2] END ................C=10.0, kernel=rbf;, score=0.950 total time=   0.0s
# > {'C': 10.0, 'kernel': 'rbf'}

# %% GridSearchCV rejects a scalar in the grid
from sklearn.datasets import make_classification
from sklearn.svm import SVC
from sklearn.model_selection import GridSearchCV
X, y = make_classification(n_samples=100, n_features=4, random_state=0)
GridSearchCV(SVC(), param_grid={"C": 1.0}).fit(X, y)
# > TypeError: Parameter grid for parameter 'C' needs to be a list or a numpy array, but got 1.0 (of type float) instead. Single values need to be wrapped in a list with one element.
# > @ line 5

# %% GridSearchCV rejects an unknown parameter
from sklearn.datasets import make_classification
from sklearn.svm import SVC
from sklearn.model_selection import GridSearchCV
X, y = make_classification(n_samples=100, n_features=4, random_state=0)
GridSearchCV(SVC(), param_grid={"D": [1.0]}).fit(X, y)
# > ValueError: Invalid parameter 'D' for estimator SVC(). Valid parameters are: ['C', 'break_ties', 'cache_size', 'class_weight', 'coef0', 'decision_function_shape', 'degree', 'gamma', 'kernel', 'max_iter', 'probability', 'random_state', 'shrinking', 'tol', 'verbose'].
# > @ line 5

# %% cross_val_score
from sklearn.datasets import make_classification
from sklearn.svm import SVC
from sklearn.model_selection import cross_val_score
X, y = make_classification(n_samples=500, n_features=4, random_state=0)
cross_val_score(SVC(), X, y, cv=3), cross_val_score(SVC(kernel="linear"), X, y)
# > (array([0.83233533, 0.89820359, 0.84337349]), array([0.85, 0.8 , 0.86, 0.86, 0.83]))

# %% train_test_split
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
X, y = make_classification(n_samples=100, n_features=4, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)
X_train.shape, X_test.shape, y_test[:10], X_train[0]
# > ((70, 4), (30, 4), array([1, 1, 0, 1, 0, 0, 0, 0, 0, 1]), array([ 0.42434508, -1.27805989, -1.18986266, -0.33068751]))

# %% train_test_split defaults and no shuffle
from sklearn.model_selection import train_test_split
import numpy as np
a = np.arange(10)
train_test_split(a, random_state=1), train_test_split(a, shuffle=False, test_size=2)
# > ([array([4, 0, 3, 1, 7, 8, 5]), array([2, 9, 6])], [array([0, 1, 2, 3, 4, 5, 6, 7]), array([8, 9])])

# %% KFold and StratifiedKFold
from sklearn.model_selection import KFold, StratifiedKFold
import numpy as np
X = np.arange(7)
y = np.array([0, 0, 1, 1, 1, 0, 1])
print(KFold(n_splits=3))
list(KFold(n_splits=3).split(X)), list(StratifiedKFold(n_splits=2).split(X, y))
# > KFold(n_splits=3, random_state=None, shuffle=False)
# > ([(array([3, 4, 5, 6]), array([0, 1, 2])), (array([0, 1, 2, 5, 6]), array([3, 4])), (array([0, 1, 2, 3, 4]), array([5, 6]))], [(array([4, 5, 6]), array([0, 1, 2, 3])), (array([0, 1, 2, 3]), array([4, 5, 6]))])

# %% KFold with shuffle
from sklearn.model_selection import KFold
import numpy as np
[test for train, test in KFold(n_splits=3, shuffle=True, random_state=0).split(np.arange(9))]
# > [array([1, 2, 7]), array([4, 6, 8]), array([0, 3, 5])]

# %% accuracy_score
from sklearn.metrics import accuracy_score
accuracy_score([0, 1, 1, 0], [0, 1, 0, 0]), accuracy_score([1, 2, 3], [1, 2, 3], normalize=False)
# > (0.75, 3)

# %% KMeans
from sklearn.datasets import make_blobs
from sklearn.cluster import KMeans
import numpy as np
X, y = make_blobs(n_samples=300, centers=3, random_state=0)
km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(X)
print(km)
print(round(km.inertia_, 6))
print(np.sort(km.cluster_centers_[:, 0]).round(6))
np.bincount(km.labels_), km.predict(X[:5]).tolist() == km.labels_[:5].tolist()
# > KMeans(n_clusters=3, n_init=10, random_state=0)
# > 536.367942
# > [-1.782466  0.868193  1.871784]
# > (array([105,  93, 102]), True)
