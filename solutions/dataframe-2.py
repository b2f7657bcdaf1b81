len(df[~df.Cancelled])
