# Python's statistics module: exact results, as CPython's (which computes
# with fractions).

# %% statistics mean keeps ints
import statistics
(statistics.mean([1, 2, 3]), statistics.mean([1, 2]), statistics.mean([1, 2, 3, 4, 4]), statistics.mean([0.5, 0.25, 0.75]), statistics.mean([1, 2.5]), statistics.mean(range(101)), statistics.mean([True, False]))
# > (2, 1.5, 2.8, 0.5, 1.75, 50, 0.5)

# %% statistics mean is exact
import statistics
(statistics.mean([0.1, 0.2, 0.3]), sum([0.1, 0.2, 0.3]) / 3, statistics.mean([1e50, 1, -1e50] * 1000), statistics.mean([10**20, 10**20 + 1]))
# > (0.2, 0.20000000000000004, 0.3333333333333333, 1e+20)

# %% statistics mean of no data
import statistics
statistics.mean([])
# > StatisticsError: mean requires at least one data point
# > @ line 2

# %% statistics mean of strings
import statistics
statistics.mean(["a", "b"])
# > TypeError: can't convert type 'str' to numerator/denominator
# > @ line 2

# %% statistics mean with nan and inf
import statistics
(statistics.mean([1.0, float("inf")]), statistics.mean([1, float("nan")]))
# > (inf, nan)

# %% statistics fmean
import statistics
(statistics.fmean([3.5, 4.0, 5.25]), statistics.fmean([1, 2, 3]), statistics.fmean([0.1] * 10), statistics.fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]), statistics.fmean(x for x in range(5)))
# > (4.25, 2.0, 0.1, 87.6, 2.0)

# %% statistics fmean of no data
import statistics
statistics.fmean([])
# > StatisticsError: fmean requires at least one data point
# > @ line 2

# %% statistics fmean with weights of another length
import statistics
statistics.fmean([1, 2], weights=[1])
# > StatisticsError: data and weights must be the same length
# > @ line 2

# %% statistics geometric_mean and harmonic_mean
import statistics
(statistics.geometric_mean([54, 24, 36]), statistics.geometric_mean([2, 8]), statistics.harmonic_mean([40, 60]), statistics.harmonic_mean([40, 60], weights=[5, 30]), statistics.harmonic_mean([2.5, 3, 10]), statistics.harmonic_mean([5]), statistics.harmonic_mean([1, 0, 2]))
# > (36.000000000000014, 4.0, 48.0, 56.0, 3.6, 5, 0)

# %% statistics geometric_mean to the bit
import statistics
[statistics.geometric_mean([1.5, 2.25, 7.125]), statistics.geometric_mean([3, 5, 7, 11]), statistics.geometric_mean([0.1, 0.2, 0.3, 0.4]), statistics.geometric_mean(range(1, 20))]
# > [2.8863758484576043, 5.829690466562771, 0.22133638394006436, 7.928946844865149]

# %% statistics geometric_mean of a negative value
import statistics
statistics.geometric_mean([1, -2])
# > StatisticsError: geometric mean requires a non-empty dataset containing positive numbers
# > @ line 2

# %% statistics harmonic_mean of a negative value
import statistics
statistics.harmonic_mean([1, -2])
# > StatisticsError: harmonic mean does not support negative values
# > @ line 2

# %% statistics medians
import statistics
data = [1, 3, 5, 7]
(statistics.median([1, 3, 5]), statistics.median(data), statistics.median_low(data), statistics.median_high(data), statistics.median([5, 1, 3, 2]), statistics.median([1.5, 2.5]), statistics.median(["b", "a", "c"]))
# > (3, 4.0, 3, 5, 2.5, 2.0, 'b')

# %% statistics median_grouped
import statistics
(statistics.median_grouped([52, 52, 53, 54]), statistics.median_grouped([1, 3, 3, 5, 7]), statistics.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5], interval=2), statistics.median_grouped([25] * 172 + [35] * 484 + [45] * 387 + [55] * 22 + [65] * 6, interval=10))
# > (52.5, 3.25, 3.4, 37.510330578512395)

# %% statistics median of no data
import statistics
statistics.median([])
# > StatisticsError: no median for empty data
# > @ line 2

# %% statistics mode and multimode
import statistics
(statistics.mode([1, 1, 2, 3, 3, 3, 3, 4]), statistics.mode(["red", "blue", "blue", "red", "green", "red", "red"]), statistics.mode(["red", "red", "green", "blue", "blue"]), statistics.mode("aabbbc"), statistics.multimode("aabbbbccddddeeffffgg"), statistics.multimode([]), statistics.multimode([1, 1.0, 2]))
# > (3, 'red', 'red', 'b', ['b', 'd', 'f'], [], [1])

# %% statistics mode of no data
import statistics
statistics.mode([])
# > StatisticsError: no mode for empty data
# > @ line 2

# %% statistics mode of unhashable values
import statistics
statistics.mode([[1], [1]])
# > TypeError: unhashable type: 'list'
# > @ line 2

# %% statistics quantiles
import statistics
data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104]
(statistics.quantiles(data, n=10), statistics.quantiles(data), statistics.quantiles([1, 2, 3, 4], method="inclusive"), statistics.quantiles([1.5, 2, 10], n=3), statistics.quantiles([1, 2], n=1))
# > ([81.0, 86.2, 89.0, 99.4, 102.5, 103.6, 106.0, 109.8, 111.0],
# >  [87.0, 102.5, 108.25],
# >  [1.75, 2.5, 3.25],
# >  [1.6666666666666667, 7.333333333333333],
# >  [])

# %% statistics quantiles with too little data
import statistics
statistics.quantiles([1])
# > StatisticsError: must have at least two data points
# > @ line 2

# %% statistics quantiles with n zero
import statistics
statistics.quantiles([1, 2, 3], n=0)
# > StatisticsError: n must be at least 1
# > @ line 2

# %% statistics quantiles with an unknown method
import statistics
statistics.quantiles([1, 2, 3], method="nearest")
# > ValueError: Unknown method: 'nearest'
# > @ line 2

# %% statistics variance and stdev
import statistics
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
(statistics.variance(data), statistics.stdev(data), statistics.pvariance(data), statistics.pstdev(data), statistics.variance(data, statistics.mean(data)))
# > (1.3720238095238095,
# >  1.171334200612195,
# >  1.1760204081632653,
# >  1.084444746477784,
# >  1.3720238095238095)

# %% statistics variance of ints is exact
import statistics
(statistics.variance([1, 2, 3, 4]), statistics.variance([1, 3, 5]), statistics.pvariance([1, 2, 3, 4]), statistics.pvariance([0, 0, 0]), statistics.stdev([1, 2, 3, 4]), statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pvariance([1, 2, 3], mu=2), statistics.variance([0.1, 0.2, 0.3]))
# > (1.6666666666666667,
# >  4,
# >  1.25,
# >  0,
# >  1.2909944487358056,
# >  2.138089935299395,
# >  2.0,
# >  0.6666666666666666,
# >  0.009999999999999998)

# %% statistics variance of one value
import statistics
statistics.variance([1])
# > StatisticsError: variance requires at least two data points
# > @ line 2

# %% statistics pstdev of no data
import statistics
statistics.pstdev([])
# > StatisticsError: pstdev requires at least one data point
# > @ line 2

# %% statistics covariance correlation linear_regression
import statistics
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
z = [9, 8, 7, 6, 5, 4, 3, 2, 1]
(statistics.covariance(x, y), statistics.covariance(x, z), statistics.correlation(x, x), statistics.correlation(x, z), statistics.correlation(x, y))
# > (0.75, -7.5, 1.0, -1.0, 0.31622776601683794)

# %% statistics linear_regression
import statistics
year = [1971, 1975, 1979, 1982, 1983]
films_total = [1, 2, 3, 4, 5]
r = statistics.linear_regression(year, films_total)
slope, intercept = statistics.linear_regression([1, 2, 3], [2, 4, 6.5])
(r, round(r.slope * 2019 + r.intercept), slope, intercept, statistics.linear_regression([1, 2, 3], [2, 4, 6], proportional=True))
# > (LinearRegression(slope=0.31, intercept=-610.18), 16, 2.25, -0.33333333333333304, LinearRegression(slope=2.0, intercept=0.0))

# %% statistics correlation of a constant
import statistics
statistics.correlation([1, 2, 3], [5, 5, 5])
# > StatisticsError: at least one of the inputs is constant
# > @ line 2

# %% statistics covariance of different lengths
import statistics
statistics.covariance([1, 2, 3], [1, 2])
# > StatisticsError: covariance requires that both inputs have same number of data points
# > @ line 2

# %% statistics linear_regression of one point
import statistics
statistics.linear_regression([1], [2])
# > StatisticsError: linear regression requires at least two data points
# > @ line 2

# %% statistics exactness with large floats and mixed types
import statistics
(statistics.stdev([1e10 + 1, 1e10 + 2, 1e10 + 3]), statistics.median([3, 1, 2.5]), statistics.mode([1, 1.0, 2]), statistics.variance([1, 2, 3], xbar=2.5), statistics.mean([1, 2, 3, 4.0]))
# > (1.0, 2.5, 1, 1.375, 2.5)

# %% statistics median_low of strings
import statistics
statistics.median_low(["a", "c", "b", "d"])
# > 'b'
