package statistics

// docs are the statistics module's docstrings help() shows.
var docs = map[string]string{
	"statistics.mean":              "mean(data)\n\nThe arithmetic mean, computed exactly: an int when the data are ints and the mean is whole (mean([1, 2, 3]) is 2), else a float.",
	"statistics.fmean":             "fmean(data, weights=None)\n\nThe arithmetic mean as a float, faster than mean; with weights, the weighted mean.",
	"statistics.geometric_mean":    "geometric_mean(data)\n\nThe geometric mean of positive numbers, as a float.",
	"statistics.harmonic_mean":     "harmonic_mean(data, weights=None)\n\nThe harmonic mean: the reciprocal of the mean of the reciprocals (for averaging rates); with weights, the weighted one.",
	"statistics.median":            "median(data)\n\nThe middle value of the sorted data, or the mean of the two middle values for an even count.",
	"statistics.median_low":        "median_low(data)\n\nThe middle value, or the smaller of the two middle values for an even count.",
	"statistics.median_high":       "median_high(data)\n\nThe middle value, or the larger of the two middle values for an even count.",
	"statistics.median_grouped":    "median_grouped(data, interval=1.0)\n\nThe median of grouped continuous data (each value the midpoint of a bin of width interval), interpolated within its bin.",
	"statistics.mode":              "mode(data)\n\nThe most common value (the first one seen, for a tie); data may be any hashable values.",
	"statistics.multimode":         "multimode(data)\n\nThe list of the most common values, in the order first seen ([] for no data).",
	"statistics.quantiles":         "quantiles(data, *, n=4, method='exclusive')\n\nThe n-1 cut points dividing the data into n intervals of equal probability (quartiles by default), interpolated linearly; method='inclusive' treats the data as the whole population.",
	"statistics.variance":          "variance(data, xbar=None)\n\nThe sample variance (n - 1 in the denominator), computed exactly; xbar, if given, is the mean.",
	"statistics.pvariance":         "pvariance(data, mu=None)\n\nThe population variance (n in the denominator), computed exactly; mu, if given, is the mean.",
	"statistics.stdev":             "stdev(data, xbar=None)\n\nThe sample standard deviation: the square root of the sample variance, correctly rounded.",
	"statistics.pstdev":            "pstdev(data, mu=None)\n\nThe population standard deviation: the square root of the population variance, correctly rounded.",
	"statistics.covariance":        "covariance(x, y, /)\n\nThe sample covariance of two inputs of the same length.",
	"statistics.correlation":       "correlation(x, y, /)\n\nPearson's correlation coefficient of two inputs, between -1 and +1.",
	"statistics.linear_regression": "linear_regression(x, y, /, *, proportional=False)\n\nThe slope and intercept of the ordinary least-squares line through the points, as LinearRegression(slope=…, intercept=…); proportional=True fits a line through the origin.",
}
