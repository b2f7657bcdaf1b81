# hint: not computed yet
# The Delayed itself: compute() is missing.
total = delayed(sum)([delayed(inc)(x) for x in data])
total
