results = []
for x in data:
    if is_even(x):  # the decision is cheap: it stays in Python
        y = delayed(double)(x)
    else:
        y = delayed(inc)(x)
    results.append(y)

total = delayed(sum)(results)
total.compute()
