# hint: the expected
# The best day, not the worst.
df.groupby("DayOfWeek").DepDelay.mean().idxmin().compute()
