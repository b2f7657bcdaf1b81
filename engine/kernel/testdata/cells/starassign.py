# Starred assignment: one starred name among the targets.

# %% star at the end
a, *b = [1, 2, 3]
(a, b)
# > (1, [2, 3])

# %% star at the start, from a string
*a, b = "xyz"
(a, b)
# > (['x', 'y'], 'z')

# %% star in the middle, from a tuple without parentheses
a, *b, c = 1, 2, 3, 4, 5
(a, b, c)
# > (1, [2, 3, 4], 5)

# %% the starred name may get nothing
first, *rest = (7,)
(first, rest)
# > (7, [])

# %% a throwaway star, as the Dask tutorial writes it
mean, *_ = (2.5, "ignored", None)
mean
# > 2.5

# %% too few values
a, *b, c = [1]
# > ValueError: not enough values to unpack (expected at least 2, got 1)
# > @ line 1
