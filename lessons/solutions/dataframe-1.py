len(df)
