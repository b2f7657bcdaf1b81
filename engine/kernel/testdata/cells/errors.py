# Errors: the exception and the learner's line, as Python reports them.
# Cases marked [burst] are constructs Burst rejects with its own message.

# %% name error
x = 1
y = undefined_name + x
# > NameError: name 'undefined_name' is not defined
# > @ line 2

# %% zero division
a = 1
b = 0
a / b
# > ZeroDivisionError: division by zero
# > @ line 3

# %% integer zero division
10 // 0
# > ZeroDivisionError: integer division or modulo by zero
# > @ line 1

# %% modulo by zero
10 % 0
# > ZeroDivisionError: integer modulo by zero
# > @ line 1

# %% key error
d = {"a": 1}
d["b"]
# > KeyError: 'b'
# > @ line 2

# %% index error
l = [1, 2, 3]
l[5]
# > IndexError: list index out of range
# > @ line 2

# %% type error adding str and int
"a" + 1
# > TypeError: can only concatenate str (not "int") to str
# > @ line 1

# %% attribute error
x = 5
x.nope
# > AttributeError: 'int' object has no attribute 'nope'
# > @ line 2

# %% error inside a function points at its line
def f(x):
    y = x * 2
    return y / 0

f(1)
# > ZeroDivisionError: division by zero
# > @ line 3

# %% class is rejected [burst]
class A:
    pass
# > SyntaxError: class definitions are not supported in Burst cells: use functions and dicts
# > @ line 1

# %% try inside a function is rejected [burst]
def f():
    try:
        return 1
    except:
        pass
# > SyntaxError: try/except is supported only at the top level of a cell, not inside a function, a loop or another block: put the try at the top level, or check values with if
# > @ line 2

# %% yield is rejected [burst]
def gen():
    yield 1
# > SyntaxError: generators (yield) are not supported in Burst cells: build and return a list
# > @ line 2

# %% global is rejected [burst]
def f():
    global x
# > SyntaxError: global is not supported in Burst cells: return the new value instead
# > @ line 2

# %% nonlocal is rejected [burst]
def f():
    def g():
        nonlocal y
# > SyntaxError: nonlocal is not supported in Burst cells: return the new value instead
# > @ line 3

# %% async is rejected [burst]
async def f():
    pass
# > SyntaxError: async code (async) is not supported in Burst cells: call the functions directly
# > @ line 1

# %% chained comparison
x = 5
1 < x < 10
# > True

# %% a name starting with a keyword is fine
exceptions = 3
classes = 4
exceptions + classes
# > 7

# %% syntax error line
x = 1
y = (2 +
# > SyntaxError: '(' was never closed
# > @ line 2

# %% unknown magic [burst]
%nosuchmagic
# > UsageError: Line magic function `%nosuchmagic` not found (Burst has %time, %timeit, %load, %run).
# > @ line 1

# %% shell command [burst]
!ls
# > SyntaxError: shell commands (!…) are not available in Burst cells: the page has no shell
# > @ line 1

# %% input is refused [burst]
name = input("Your name? ")
# > StdinNotImplementedError: input() is not available in Burst cells: set the value in the code instead
# > @ line 1

# %% unknown module [burst]
import nosuchmodule
# > ModuleNotFoundError: No module named 'nosuchmodule' (Burst provides: burst, collections, dask, dask.array, dask.array.random, dask.dataframe, dask.delayed, dask.distributed, dask_ml, dask_ml.cluster, datetime, distributed, functools, glob, itertools, joblib, json, math, matplotlib, matplotlib.pyplot, matplotlib.style, numpy, numpy.linalg, numpy.random, operator, os, os.path, pandas, random, re, sklearn, sklearn.cluster, sklearn.datasets, sklearn.metrics, sklearn.model_selection, sklearn.svm, statistics, string, time)
# > @ line 1

# %% wrong keyword argument
def f(a):
    return a
f(b=1)
# > TypeError: f() got an unexpected keyword argument 'b'
# > @ line 3

# %% too many arguments
def f(a):
    return a
f(1, 2)
# > TypeError: f() takes 1 positional argument but 2 were given
# > @ line 3

# %% the kernel stays usable after an error [burst]
x = 1 / 0
# > ZeroDivisionError: division by zero
# > @ line 1

# %% error after output keeps the output
print("before")
1 / 0
print("after")
# > before
# > ZeroDivisionError: division by zero
# > @ line 2

# %% f-string errors point at the line
x = 1
f"{x / 0}"
# > ZeroDivisionError: division by zero
# > @ line 2

# %% assert error line inside a function
def check(v):
    assert v > 0, "positive"
    return v
check(-1)
# > AssertionError: positive
# > @ line 2

# %% not callable
x = 5
x()
# > TypeError: 'int' object is not callable
# > @ line 2

# %% unhashable dict key
d = {}
d[[1]] = 2
# > TypeError: unhashable type: 'list'
# > @ line 2

# %% int of a bad string
int("abc")
# > ValueError: invalid literal for int() with base 10: 'abc'
# > @ line 1

# %% float of a bad string
float("x1")
# > ValueError: could not convert string to float: 'x1'
# > @ line 1

# %% a module function with an unknown keyword [burst]
import dask.dataframe as dd
dd.read_csv("data/*.csv", nosuch=1)
# > TypeError: read_csv() got an unexpected keyword argument 'nosuch'
# > @ line 2

# %% a builtin with a wrong type [burst]
import time
time.sleep("1")
# > ValueError: sleep length must be a non-negative number, not '1'
# > @ line 2

# %% a missing argument of a Burst function [burst]
import glob
glob.glob()
# > TypeError: glob() missing 1 required positional argument: 'pathname'
# > @ line 2

# %% a method with an unknown keyword [burst]
import pandas as pd
pd.DataFrame({"a": [1]}).head(k=3)
# > TypeError: head() got an unexpected keyword argument 'k'
# > @ line 2

# %% statements before an undefined name run first
print("first")
x = 1
print(x + nosuch)
print("never")
# > first
# > NameError: name 'nosuch' is not defined
# > @ line 3

# %% an undefined name in a function body is found when it is called
def f():
    return missing_name + 1
print("defined")
f()
# > defined
# > NameError: name 'missing_name' is not defined
# > @ line 2
