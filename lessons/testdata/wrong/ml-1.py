# hint: values differ
# The worst score of each kernel, not the best.
results = pd.DataFrame(grid_search.cv_results_)
results.groupby("param_kernel").mean_test_score.min()
