# hint: smaller than the expected
# The smallest delay, not the largest.
df.DepDelay.min().compute()
