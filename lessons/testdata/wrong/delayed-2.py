# hint: smaller than the expected
# Every item incremented: the even ones should be doubled.
total = delayed(sum)([delayed(inc)(x) for x in data])
total.compute()
