package pandas

// The docstrings of structure.go's and construct.go's methods and
// functions, added to docs.go's tables once at start.
func init() {
	for k, v := range map[string]string{
		"argmax":        "argmax()\n\nThe position of the largest value.",
		"argmin":        "argmin()\n\nThe position of the smallest value.",
		"corr":          "corr(method='pearson', min_periods=1)\n\nThe Pearson correlation of every pair of numeric columns, over the rows where both are present. A Dask frame sums per partition on the workers.",
		"cov":           "cov(min_periods=None)\n\nThe covariance of every pair of numeric columns, over the rows where both are present. A Dask frame sums per partition on the workers.",
		"copy":          "copy(deep=True)\n\nA copy of the frame or Series (its columns are shared: they never change in place).",
		"drop":          "drop(labels=None, axis=0, index=None, columns=None)\n\nThe frame without the named columns (columns=, or axis=1) or row labels (index=).",
		"duplicated":    "duplicated(subset=None, keep='first')\n\nA mask of the rows that repeat an earlier row (over subset).",
		"equals":        "equals(other)\n\nWhether other holds the same labels, columns, dtypes and values.",
		"info":          "info()\n\nPrints the index, each column's non-missing count and dtype, and the memory used.",
		"insert":        "insert(loc, column, value)\n\nAdds a column at position loc, in place.",
		"items":         "items()\n\nThe (column name, Series) pairs of a frame; the (label, value) pairs of a Series.",
		"iterrows":      "iterrows()\n\nThe (label, row as a Series) pairs.",
		"itertuples":    "itertuples(index=True, name='Pandas')\n\nThe rows as named tuples (Index first).",
		"join":          "join(other, on=None, how='left')\n\nJoins other's index with this frame's index, or with its column on.",
		"median":        "median(numeric_only=None)\n\nThe median of each numeric column.",
		"memory_usage":  "memory_usage(index=True, deep=False)\n\nThe bytes of the index and of each column.",
		"pop":           "pop(item)\n\nRemoves the column item and returns it.",
		"reindex":       "reindex(index=None, columns=None)\n\nThe rows and columns with these labels, in this order; labels the frame lacks give NaN.",
		"sample":        "sample(n=None, frac=None, random_state=None)\n\nA random sample of the rows, drawn as pandas draws them (numpy's RandomState).",
		"select_dtypes": "select_dtypes(include=None, exclude=None)\n\nThe columns of the dtypes included ('number', 'object', 'float64', …) and not excluded.",
		"sort_index":    "sort_index(axis=0, ascending=True)\n\nSorts the rows by their labels (or, axis=1, the columns by name).",
		"to_csv":        "to_csv(path_or_buf=None, sep=',', index=True, header=True, na_rep='')\n\nThe frame as CSV text (Burst cannot write files).",
		"transpose":     "transpose()\n\nRows as columns and columns as rows; the same as .T.",
	} {
		methodDocs[k] = v
	}
	for k, v := range map[string]string{
		"pandas.date_range":    "date_range(start=None, end=None, periods=None, freq='D', name=None)\n\nA DatetimeIndex of evenly spaced timestamps (freq D, H, T, S, W, M, MS).",
		"pandas.merge":         "merge(left, right, how='inner', on=None, left_on=None, right_on=None, suffixes=('_x', '_y'), indicator=False)\n\nJoins two frames on columns, as SQL does (how inner, left, right or outer).",
		"dask.dataframe.merge": "merge(left, right, how='inner', on=None, suffixes=('_x', '_y'))\n\nJoins two Dask (or pandas) frames on columns.",
		"pandas.isna":          "isna(obj)\n\nWhether a value is missing; for a Series or frame, a mask.",
		"pandas.isnull":        "isnull(obj)\n\nWhether a value is missing; the same as isna.",
		"pandas.notna":         "notna(obj)\n\nWhether a value is present; for a Series or frame, a mask.",
		"pandas.notnull":       "notnull(obj)\n\nWhether a value is present; the same as notna.",
		"pandas.to_numeric":    "to_numeric(arg, errors='raise')\n\nConverts strings to numbers; errors='coerce' makes unparsable ones NaN.",
		"pandas.unique":        "unique(values)\n\nThe distinct values, in the order they first appear.",
	} {
		docs[k] = v
	}
}
