# hint: values differ
# Every flight counted: the cancelled ones are not filtered out.
df.groupby("Origin").Origin.count().compute()
