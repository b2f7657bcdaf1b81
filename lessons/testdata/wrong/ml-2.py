# hint: values differ
# The labels of the first 1,000 points only.
np.bincount(clf.labels_.compute()[:1000])
