package pandas

// The docstrings of elem.go's methods (element-wise, missing data,
// cumulative and window methods), added to docs.go's table at start.
func init() {
	arith := map[string]string{
		"add": "+", "sub": "-", "mul": "*", "div": "/", "truediv": "/", "floordiv": "//", "mod": "%", "pow": "**",
	}
	for name, op := range arith {
		methodDocs[name] = name + "(other, fill_value=None)\n\nThe element-wise " + op + " of the values and other (a number, Series or frame, matched by label); fill_value stands for a value missing on one side."
		methodDocs["r"+name] = "r" + name + "(other, fill_value=None)\n\nThe element-wise " + op + " with the operands reversed: other " + op + " the values."
	}
	methodDocs["rdiv"] = "rdiv(other, fill_value=None)\n\nThe element-wise / with the operands reversed: other / the values."
	for name, op := range map[string]string{"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="} {
		methodDocs[name] = name + "(other)\n\nThe element-wise comparison " + op + " with other, as a boolean mask."
	}
	for k, v := range map[string]string{
		"applymap":           "applymap(func)\n\nA frame of func applied to every value.",
		"bfill":              "bfill(limit=None)\n\nFills each missing value with the next present one (Dask: across partitions, from the next partition's first rows).",
		"backfill":           "backfill(limit=None)\n\nThe same as bfill.",
		"ffill":              "ffill(limit=None)\n\nFills each missing value with the last present one before it (Dask: across partitions).",
		"pad":                "pad(limit=None)\n\nThe same as ffill.",
		"clip":               "clip(lower=None, upper=None)\n\nThe values limited to [lower, upper].",
		"cumsum":             "cumsum()\n\nThe running sum (Dask: per partition, plus the totals of the partitions before it).",
		"cumprod":            "cumprod()\n\nThe running product (Dask: per partition, times the products of the partitions before it).",
		"cummax":             "cummax()\n\nThe running maximum.",
		"cummin":             "cummin()\n\nThe running minimum.",
		"diff":               "diff(periods=1)\n\nEach value minus the one periods rows before (Dask: with the previous partition's last rows).",
		"shift":              "shift(periods=1, fill_value=None)\n\nThe values moved down by periods rows (up if negative), NaN where nothing moved in.",
		"pct_change":         "pct_change(periods=1)\n\nThe relative change from the value periods rows before.",
		"dropna":             "dropna(how='any', thresh=None, subset=None)\n\nThe rows without missing values (in subset; how='all' drops rows missing everywhere; thresh keeps rows with that many present).",
		"ewm":                "ewm(com=None, span=None, halflife=None, alpha=None, adjust=True)\n\nExponentially weighted windows: .mean().",
		"expanding":          "expanding(min_periods=1)\n\nWindows from the first row to each row: .sum(), .mean(), .min(), .max(), .std(), .count().",
		"rolling":            "rolling(window, min_periods=None)\n\nWindows of the last window rows: .sum(), .mean(), .min(), .max(), .std(), .var(), .count(), .median() (Dask: each partition with the previous one's last rows).",
		"mask":               "mask(cond, other=nan)\n\nThe values, replaced by other where cond holds.",
		"where":              "where(cond, other=nan)\n\nThe values where cond holds, other elsewhere.",
		"median_approximate": "median_approximate()\n\nDask's approximate median: per-partition percentiles merged, as Dask computes them.",
		"mode":               "mode(dropna=True)\n\nThe most frequent values, sorted.",
		"rank":               "rank(method='average', ascending=True, na_option='keep', pct=False)\n\nThe rank of each value (ties by method: average, min, max, first, dense).",
		"replace":            "replace(to_replace=None, value=None, regex=False)\n\nThe values with to_replace (a value, list or dict) replaced by value.",
		"resample":           "resample(rule)\n\nGroups the rows of a datetime index into bins (D, H, 15T, W, M, MS, Q, Y): then .mean(), .sum(), .count(), .min(), .max(), .first(), .last().",
	} {
		methodDocs[k] = v
	}
}
