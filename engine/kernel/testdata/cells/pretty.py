# A cell's value as IPython shows it: a list, tuple, dict or set of plain
# values wider than 79 columns breaks after its commas, inner containers
# kept whole where they fit (IPython.lib.pretty's layout).

# %% a tuple of tuples, as Dask's chunks
((1000,), (100, 100, 100, 100, 100, 100, 100, 100, 100, 100), (167, 167, 167, 167, 167, 165))
# > ((1000,),
# >  (100, 100, 100, 100, 100, 100, 100, 100, 100, 100),
# >  (167, 167, 167, 167, 167, 165))

# %% a list of file names
['1990.csv', '1991.csv', '1992.csv', '1993.csv', '1994.csv', '1995.csv', '1996.csv', '1997.csv', '1998.csv', '1999.csv']
# > ['1990.csv',
# >  '1991.csv',
# >  '1992.csv',
# >  '1993.csv',
# >  '1994.csv',
# >  '1995.csv',
# >  '1996.csv',
# >  '1997.csv',
# >  '1998.csv',
# >  '1999.csv']

# %% nested dicts and lists break outermost first
{"alpha": [1, 2, 3] * 10, "beta": {"x": list(range(30)), "y": (1,)}, "gamma": "z" * 70}
# > {'alpha': [1,
# >   2,
# >   3,
# >   1,
# >   2,
# >   3,
# >   1,
# >   2,
# >   3,
# >   1,
# >   2,
# >   3,
# >   1,
# >   2,
# >   3,
# >   1,
# >   2,
# >   3,
# >   1,
# >   2,
# >   3,
# >   1,
# >   2,
# >   3,
# >   1,
# >   2,
# >   3,
# >   1,
# >   2,
# >   3],
# >  'beta': {'x': [0,
# >    1,
# >    2,
# >    3,
# >    4,
# >    5,
# >    6,
# >    7,
# >    8,
# >    9,
# >    10,
# >    11,
# >    12,
# >    13,
# >    14,
# >    15,
# >    16,
# >    17,
# >    18,
# >    19,
# >    20,
# >    21,
# >    22,
# >    23,
# >    24,
# >    25,
# >    26,
# >    27,
# >    28,
# >    29],
# >   'y': (1,)},
# >  'gamma': 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'}

# %% rows of a table stay whole
[[i * j for j in range(12)] for i in range(6)]
# > [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
# >  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
# >  [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22],
# >  [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33],
# >  [0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44],
# >  [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]]

# %% a set is sorted
set([5, 3, 1, 10, 200000000000, 7, 3333333333333, 44444444444444, 555555555555, 66666666666])
# > {1,
# >  3,
# >  5,
# >  7,
# >  10,
# >  66666666666,
# >  200000000000,
# >  555555555555,
# >  3333333333333,
# >  44444444444444}

# %% short ones stay on a line
((1,), [], {}, set(), [(1, "a" * 60)])
# > ((1,),
# >  [],
# >  {},
# >  set(),
# >  [(1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')])

# %% a long string inside breaks its container
[(1, "a" * 80)]
# > [(1,
# >   'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')]
