# hint: right values, but a pandas.DataFrame, not a pandas.Series
# A one-column DataFrame where a Series is expected.
frames = [delayed(pd.read_csv)(fn) for fn in filenames]
df = delayed(pd.concat)(frames).compute()
df.groupby("Origin")[["DepDelay"]].mean()
