# hint: smaller than the expected
# The number of columns, not of rows.
len(df.columns)
