df.DepDelay.max().compute()
