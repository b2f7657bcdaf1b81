# hint: not computed yet
# The Dask Series: compute() is missing.
df.groupby("payment_type").tip_amount.mean()
