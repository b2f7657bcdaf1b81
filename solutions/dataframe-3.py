df[~df.Cancelled].groupby("Origin").Origin.count().compute()
