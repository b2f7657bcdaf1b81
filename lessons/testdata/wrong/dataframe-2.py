# hint: smaller than the expected
# The cancelled flights, not the others.
len(df[df.Cancelled])
