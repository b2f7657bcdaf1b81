# IPython magics and conventions. Timings vary: lines starting "~ " in the
# expected output are regular expressions.

# %% time a statement [burst]
%time x = sum(range(1000))
x
# > ~CPU times: user [0-9.]+ (ns|µs|ms|s), sys: 0 ns, total: [0-9.]+ (ns|µs|ms|s)
# > ~Wall time: [0-9.]+ (ns|µs|ms|s)
# > 499500

# %% time an expression shows its value [burst]
%time sum(range(10))
# > ~CPU times: .*
# > ~Wall time: .*
# > 45

# %% time a cell [burst]
%%time
total = 0
for i in range(100):
    total += i
total
# > ~CPU times: .*
# > ~Wall time: .*
# > 4950

# %% timeit a statement [burst]
%timeit -n 10 -r 3 sum(range(100))
# > ~[0-9.]+ (ns|µs|ms) ± [0-9.]+ (ns|µs|ms) per loop \(mean ± std. dev. of 3 runs, 10 loops each\)

# %% timeit a cell [burst]
%%timeit -n 5 -r 2
x = [i * i for i in range(50)]
# > ~[0-9.]+ (ns|µs|ms) ± [0-9.]+ (ns|µs|ms) per loop \(mean ± std. dev. of 2 runs, 5 loops each\)

# %% timeit auto-ranging [burst]
%timeit 1 + 1
# > ~[0-9.]+ (ns|µs) ± [0-9.]+ (ns|µs) per loop \(mean ± std. dev. of 7 runs, [0-9,]+ loops each\)

# %% load replaces the cell [burst]
%load hello.py
# > # %load hello.py
# > def hello(name):
# >     return f"Hello, {name}!"
# >
# > hello("Burst")

# %% run a script [burst]
%run hello.py
hello("world")
# > 'Hello, world!'

# %% matplotlib magic is accepted [burst]
%matplotlib inline
1
# > 1

# %% unknown cell magic [burst]
%%bash
ls
# > UsageError: Cell magic `%%bash` not found (Burst has %%time and %%timeit).
# > @ line 1

# %% last expression is shown [burst]
x = 2
x * 21
# > 42

# %% None is not shown [burst]
None

# %% a trailing assignment shows nothing [burst]
y = 3

# %% display shows a value [burst]
display(1 + 2)
display("text")
# > 3
# > 'text'

# %% Out keeps results [burst]
40 + 2
# > 42
