df.groupby("payment_type").tip_amount.mean().compute()
