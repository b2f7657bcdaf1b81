# Top-level try/except/else/finally, raise, and Python's exception classes
# (issue 18).

# %% except a named exception
try:
    x = 1 / 0
except ZeroDivisionError:
    print("caught")
# > caught

# %% except with as, str and repr
try:
    1 / 0
except ZeroDivisionError as e:
    print(str(e))
    print(repr(e))
    print(type(e).__name__, e.args)
# > division by zero
# > ZeroDivisionError('division by zero')
# > ZeroDivisionError ('division by zero',)

# %% except a tuple of classes
d = {}
try:
    d["missing"]
except (KeyError, ValueError) as e:
    print("lookup failed:", e, repr(e))
# > lookup failed: 'missing' KeyError('missing')

# %% except Exception catches a subclass
try:
    [1, 2][5]
except Exception as e:
    print(type(e).__name__, "-", e)
# > IndexError - list index out of range

# %% the base classes match
for_log = []
try:
    {}["k"]
except LookupError:
    for_log.append("lookup")
try:
    1 // 0
except ArithmeticError:
    for_log.append("arith")
for_log
# > ['lookup', 'arith']

# %% bare except
try:
    undefined_name + 1
except:
    print("something failed")
# > something failed

# %% NameError is caught by name
try:
    print(nope)
except NameError as e:
    print(e)
# > name 'nope' is not defined

# %% clauses are tried in order
try:
    int("x")
except KeyError:
    print("key")
except ValueError as e:
    print("value:", e)
except Exception:
    print("other")
# > value: invalid literal for int() with base 10: 'x'

# %% else runs when nothing failed
try:
    x = 10
except ValueError:
    print("no")
else:
    print("else", x)
finally:
    print("finally")
# > else 10
# > finally

# %% finally runs after a handled error
try:
    1 / 0
except ZeroDivisionError:
    print("handled")
finally:
    print("cleanup")
print("after")
# > handled
# > cleanup
# > after

# %% an uncaught error passes through finally
print("before")
try:
    {}["a"]
except ValueError:
    print("not this")
finally:
    print("cleanup")
print("not reached")
# > before
# > cleanup
# > KeyError: 'a'
# > @ line 3

# %% statements before and after the try run
a = 1
try:
    a = a + 1
    b = a / 0
except ZeroDivisionError:
    a = a * 10
a
# > 20

# %% raise a builtin exception
raise ValueError("bad value")
# > ValueError: bad value
# > @ line 1

# %% raise a class
raise KeyError
# > KeyError
# > @ line 1

# %% raise in a function, caught at top level
def check(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x
try:
    check(-2)
except ValueError as e:
    print("caught:", e)
# > caught: negative: -2

# %% raise in a function, uncaught
def check(x):
    if x < 0:
        raise ValueError("negative")
    return x
check(1) + check(-1)
# > ValueError: negative
# > @ line 3

# %% re-raise
try:
    try_this = 1 / 0
except ZeroDivisionError:
    print("logging")
    raise
# > logging
# > ZeroDivisionError: division by zero
# > @ line 2

# %% raise from
try:
    {}["x"]
except KeyError as e:
    raise ValueError("no x") from e
# > ValueError: no x
# > @ line 4

# %% exceptions are values
e = ValueError("a", 1)
print(e.args, repr(e), isinstance(e, ValueError), isinstance(e, Exception), isinstance(e, KeyError))
# > ('a', 1) ValueError('a', 1) True True False

# %% str of exceptions
print(str(KeyError("k")), "[" + str(ValueError()) + "]", repr(KeyError("k")))
# > 'k' [] KeyError('k')

# %% the hierarchy of OSError and RuntimeError
try:
    raise FileNotFoundError("no such file")
except OSError as e:
    print("os:", e)
try:
    raise NotImplementedError("later")
except RuntimeError as e:
    print("runtime:", e)
try:
    raise RecursionError("deep")
except RuntimeError as e:
    print("runtime:", type(e).__name__)
# > os: no such file
# > runtime: later
# > runtime: RecursionError

# %% KeyboardInterrupt is not an Exception
try:
    try_kb = 0
    raise KeyboardInterrupt
except Exception:
    print("not this")
except BaseException as e:
    print("base:", type(e).__name__)
# > base: KeyboardInterrupt

# %% an error in the handler
try:
    1 / 0
except ZeroDivisionError:
    {}["k"]
# > KeyError: 'k'
# > @ line 4

# %% raise a non-exception
raise 3
# > TypeError: exceptions must derive from BaseException
# > @ line 1

# %% comments around the clauses
try:  # try it
    x = int("12")  # parse
# a comment between clauses
except ValueError:  # not a number
    x = 0
else:  # fine
    x += 1
x
# > 13

# %% a function may use a name defined after it
def area(r):
    return pi_ish * r * r
pi_ish = 3
try:
    print(area(2))
except NameError:
    print("no")
# > 12

# %% statements before an undefined name run
print("first")
missing_name
try:
    pass
finally:
    pass
# > first
# > NameError: name 'missing_name' is not defined
# > @ line 2

# %% an f-string of the exception
try:
    int("abc")
except ValueError as err:
    msg = f"Error: {err}"
msg
# > "Error: invalid literal for int() with base 10: 'abc'"

# %% an error raised in a delayed task is caught by name
from dask import delayed
@delayed
def check(x):
    if not 0 <= x < 10:  # a chained comparison on the worker
        raise ValueError(f"out of range: {x}")
    return x
print(check(3).compute())
try:
    check(12).compute()
except ValueError as e:
    print("caught:", e)
# > 3
# > caught: out of range: 12

# %% exception classes compare, exceptions are hashable
e = KeyError("k")
print(e.__class__ == KeyError, e.__class__ == ValueError, IOError == OSError)
print(len({e: 1}), ValueError.__name__)
# > True False True
# > 1 ValueError
