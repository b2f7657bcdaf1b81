# hint: values differ
# The dates alone, without the departure time of day.
df.Date.head()
