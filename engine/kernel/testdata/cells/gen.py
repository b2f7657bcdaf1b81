"""Write the expected outputs of the corpus cells that plain Python runs.

Run with Debian's Python: /usr/bin/python3 gen.py *.py (in this folder).
Each case ("# %% name") is executed as IPython would in a fresh namespace:
every statement, then the last one's value shown with repr() if it is an
expression and not None; a list, tuple, dict or set of plain values
(numbers, strings, None, such containers) as IPython shows it instead
(IPython.lib.pretty: wider than 79 columns, one item a line), as Burst
does, and a class as IPython names it (int, pandas.core.frame.DataFrame). Its "# > " lines are replaced with what CPython
printed. Cases named with "[burst]" are left alone: their output is
Burst's own (magics, Burst's modules) and written by hand.
"""
import ast
import contextlib
import io
import os
import sys
import traceback

from IPython.lib.pretty import pretty

# This folder holds numpy.py (the numpy cells): without this, their
# "import numpy" would import that file instead of numpy.
here = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != here]


# pandas' Timestamp and Timedelta have no printer of their own in IPython:
# inside a list they are laid out as plain values.
import pandas
PLAIN = (str, int, float, bool, type(None), pandas.Timestamp, pandas.Timedelta)


def plain_container(v, depth=0):
    """Whether v is a list, tuple, dict or set of plain values."""
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
    lines = []
    ns = {"__name__": "__main__"}
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
        lines += text.rstrip("\n").split("\n") if text else []
        msg = str(e)
        if isinstance(e, KeyError) and e.args:
            msg = repr(e.args[0])
        if isinstance(e, SyntaxError):
            msg = e.msg
        head = f"{type(e).__name__}: {msg}" if msg else type(e).__name__
        lines.append(head.split("\n")[0])
        line = None
        if isinstance(e, SyntaxError):
            line = e.lineno
        else:
            for fr in traceback.extract_tb(e.__traceback__):
                if fr.filename == "<cell>":
                    line = fr.lineno
        if line:
            lines.append(f"@ line {line}")
        return lines
    text = out.getvalue()
    return text.rstrip("\n").split("\n") if text else []


def regen(path):
    src = open(path).read().split("\n")
    out, case, code = [], None, []

    def flush():
        if case is None:
            return
        body = [l for l in code if not (l == "# >" or l.startswith("# > "))]
        while body and body[-1] == "":
            body.pop()
        out.extend(body)
        if "[burst]" in case:
            out.extend(l for l in code if l == "# >" or l.startswith("# > "))
        else:
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


for p in sys.argv[1:]:
    regen(p)
