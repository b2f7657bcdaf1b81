labels = clf.labels_.compute()
np.bincount(labels)
