"""Write the expected outputs of the pandas surface corpus with pandas 1.5
and Dask 2022.12.

Run with Debian's Python: /usr/bin/python3 gen.py [FILE.py ...] (in this
folder; no arguments: every file). Each case ("# %% <Entry> <pandas|dask>
words") runs as IPython would, in a fresh namespace with the working
directory data/: every statement, then the last one's value shown with
repr() if it is an expression and not None. Its "# > " lines are replaced
with what pandas and Dask printed; an error is written as
"Name: message" and "@ line N". The Go side is TestSurface
(engine/kernel/surface_test.go).
"""
import ast
import contextlib
import glob
import io
import os
import sys
import traceback
import warnings

import dask
import pandas as pd
from IPython.lib.pretty import pretty

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "data")
dask.config.set(scheduler="synchronous")
warnings.simplefilter("ignore")
# As in a Jupyter kernel (pandas takes a plain script for a terminal, and
# fits wide frames to its width with "..." instead of wrapping them).
pd.set_option("display.max_columns", 20)


# pandas' Timestamp and Timedelta have no printer of their own in IPython:
# inside a list they are laid out as plain values.
import pandas
PLAIN = (str, int, float, bool, type(None), pandas.Timestamp, pandas.Timedelta)


def plain_container(v, depth=0):
    if depth > 100:
        return False

    def plain(x):
        return type(x) in PLAIN or plain_container(x, depth + 1)

    if type(v) in (list, tuple, set):
        return all(plain(x) for x in v)
    if type(v) is dict:
        return all(plain(k) and plain(x) for k, x in v.items())
    return False


def run(code):
    out = io.StringIO()
    ns = {"__name__": "__main__"}
    cwd = os.getcwd()
    os.chdir(data)
    try:
        tree = ast.parse(code, "<cell>")
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            last = ast.Expression(tree.body.pop().value)
        with contextlib.redirect_stdout(out):
            exec(compile(tree, "<cell>", "exec"), ns)
            if last is not None:
                v = eval(compile(last, "<cell>", "eval"), ns)
                if v is not None:
                    print(pretty(v) if plain_container(v) or isinstance(v, type) else repr(v))
    except Exception as e:
        text = out.getvalue()
        lines = text.rstrip("\n").split("\n") if text else []
        msg = str(e)
        if isinstance(e, KeyError) and e.args:
            msg = repr(e.args[0])
        head = f"{type(e).__name__}: {msg}" if msg else type(e).__name__
        lines.append(head.split("\n")[0])
        line = None
        for fr in traceback.extract_tb(e.__traceback__):
            if fr.filename == "<cell>":
                line = fr.lineno
        if line:
            lines.append(f"@ line {line}")
        return lines
    finally:
        os.chdir(cwd)
    text = out.getvalue()
    return text.rstrip("\n").split("\n") if text else []


def regen(path):
    src = open(path).read().split("\n")
    out, case, code = [], None, []

    def flush():
        if case is None:
            return
        words = case[len("# %%"):].split()
        if len(words) < 2 or words[1] not in ("pandas", "dask"):
            sys.exit(f"{path}: case {case!r}: name it '# %% <Entry> <pandas|dask> words'")
        body = [l for l in code if not (l == "# >" or l.startswith("# > "))]
        while body and body[-1] == "":
            body.pop()
        out.extend(body)
        out.extend(("# > " + l).rstrip() if l else "# >" for l in run("\n".join(body)))
        out.append("")

    for line in src:
        if line.startswith("# %%"):
            flush()
            case, code = line, []
            out.append(line)
        elif case is None:
            out.append(line)
        else:
            code.append(line)
    flush()
    while out and out[-1] == "":
        out.pop()
    open(path, "w").write("\n".join(out) + "\n")


for p in sys.argv[1:] or sorted(glob.glob(os.path.join(here, "*.py"))):
    if os.path.basename(p) != "gen.py":
        regen(p)
