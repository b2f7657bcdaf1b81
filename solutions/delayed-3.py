def read_csv_parallel(filenames):
    frames = [delayed(pd.read_csv)(fn) for fn in filenames]
    return delayed(pd.concat)(frames)

df = read_csv_parallel(filenames).compute()
df.groupby("Origin").DepDelay.mean()
