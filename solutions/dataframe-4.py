print(df.groupby("Origin").DepDelay.mean().compute())
df.groupby("DayOfWeek").DepDelay.mean().idxmax().compute()
