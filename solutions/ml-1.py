results = pd.DataFrame(grid_search.cv_results_)
results.groupby("param_kernel").mean_test_score.max().sort_values()
