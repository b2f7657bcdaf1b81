#!/usr/bin/python3
"""Writes the expected outputs of the external corpus (TestExternal).

Run it with Debian's Python (python3-pandas 1.5, python3-dask 2022.12,
python3-distributed, python3-ipython) from anywhere:

    /usr/bin/python3 engine/kernel/testdata/external/gen.py [WORD ...]

It turns the .rst of pandas' guides (pandas-10min/blocks.rst,
pandas-intro/NN_name.rst) into notebooks (one cell per statement, as
IPython's sphinx directive runs them), writes Burst's small flights
dataset (`go run ./build data -size small`) into a scratch folder, with a
notebook's own data/ beside it, runs every notebook's code cells (with
words, only those of the notebooks whose path has one) in order in one IPython shell as
Jupyter would, twice, and writes NOTEBOOK.expect.json beside each notebook:
per cell its outputs (stdout, the displayed value's text/plain, the error's
name and first line), whether they are the same in both runs, and when the
cell could not run here for want of data, network or an optional package.
"""

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))

NOTEBOOKS = [
    "dask-tutorial/00_overview.ipynb",
    "dask-tutorial/01_dataframe.ipynb",
    "dask-tutorial/02_array.ipynb",
    "dask-tutorial/03_dask.delayed.ipynb",
    "dask-tutorial/04_distributed.ipynb",
    "dask-tutorial/05_futures.ipynb",
    "pandas-10min/10min.ipynb",
    "pandas-intro/01_table_oriented.ipynb",
    "pandas-intro/02_read_write.ipynb",
    "pandas-intro/03_subset_data.ipynb",
    "pandas-intro/04_plotting.ipynb",
    "pandas-intro/05_add_columns.ipynb",
    "pandas-intro/06_calculate_statistics.ipynb",
    "pandas-intro/07_reshape_table_layout.ipynb",
    "pandas-intro/08_combine_dataframes.ipynb",
    "pandas-intro/09_timeseries.ipynb",
    "pandas-intro/10_text_data.ipynb",
]

# The notebooks made from pandas' docs: the .rst of their ipython blocks
# beside each, and where it comes from.
RST_NOTEBOOKS = {
    "pandas-10min/10min.ipynb": ("pandas-10min/blocks.rst", "pandas-dev/pandas doc/source/user_guide/10min.rst (see SOURCE.md)"),
}
for _nb in NOTEBOOKS:
    if _nb.startswith("pandas-intro/"):
        RST_NOTEBOOKS[_nb] = (_nb[:-len(".ipynb")] + ".rst",
                              "pandas' getting started tutorial %s (see SOURCE.md)" % os.path.basename(_nb)[:-len(".ipynb")])

# Cells not run at all, here or in the test, and why. The tutorial sizes
# these for a laptop with a dashboard open: a 7.2 GB NumPy array, and
# 900 million normal draws computed twice more.
TOO_BIG = {
    ("02_array.ipynb", "%%time\nxn = np.random.normal(10, 0.1, size=(30_000, 30_000))"):
        "resources: a 30,000 x 30,000 NumPy array (7.2 GB)",
    ("02_array.ipynb", "%%time\nxd = da.random.normal(10, 0.1, size=(30_000, 30_000), chunks=(3000, 3000))"):
        "resources: computes 900 million normal draws",
    ("02_array.ipynb", "x_sum = xd + xd.T"):
        "resources: computes 900 million normal draws",
}

# The tutorial's prep.py downloads its data; the test (and this script)
# use the flights files Burst's build writes instead.
PREP = re.compile(r"^%run prep\.py")

# Errors that mean the fixture machine lacks something the cell needs.
ENV_ERRORS = {
    "ModuleNotFoundError": "module",
    "ImportError": "module",
    "FileNotFoundError": "data",
    "NoCredentialsError": "network",
    "ClientConnectorError": "network",
    "URLError": "network",
    "gaierror": "network",
    "ConnectionError": "network",
}


def blocks_to_notebook(rst, out, source):
    """Splits the ipython blocks of an .rst into notebook cells."""
    text = open(os.path.join(HERE, rst)).read()
    cells = []
    for b, block in enumerate(re.split(r"^\.\. ipython:: python\n", text, flags=re.M)[1:], 1):
        lines = block.split("\n")
        options = []
        while lines and lines[0].strip().startswith(":"):
            options.append(lines.pop(0).strip())
        body = []
        for line in lines:
            if line and not line.startswith(" "):
                break
            body.append(line)
        code = "\n".join(body)
        indent = min(len(l) - len(l.lstrip()) for l in body if l.strip())
        code = "\n".join(l[indent:] for l in body)
        # @savefig is the directive's own pseudo-decorator, not Python.
        code = "\n".join(l for l in code.split("\n") if not l.startswith("@savefig"))
        src = code.split("\n")
        stmts = ast.parse(code).body
        start = 0
        for k, st in enumerate(stmts):
            end = st.end_lineno
            # A trailing ";" stays with its statement (it hides the value).
            piece = "\n".join(src[start:end]).strip("\n")
            start = end
            cells.append({
                "cell_type": "code",
                "execution_count": None,
                "id": "b%02d-%d" % (b, k + 1),
                "metadata": {"block": b, "options": options},
                "outputs": [],
                "source": piece.splitlines(True),
            })
    nb = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "source": source,
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    with open(os.path.join(HERE, out), "w") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
        f.write("\n")


def run_notebook(path, out):
    """Runs the code cells of one notebook in this process's IPython shell
    (cwd is the scratch folder) and writes their outputs to out."""
    os.environ["MPLBACKEND"] = "Agg"
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    events = []

    def emit(kind, text):
        if kind == "stream" and events and events[-1][0] == "stream":
            events[-1][1] += text
        else:
            events.append([kind, text])

    class Stdout:
        def write(self, s):
            if s:
                emit("stream", s)
            return len(s)

        def flush(self):
            pass

        def isatty(self):
            return False

    dh = shell.displayhook
    dh.write_output_prompt = lambda: None
    dh.write_format_data = lambda data, md=None: emit("result", data.get("text/plain", ""))
    dh.finish_displayhook = lambda: None
    shell.display_pub.publish = lambda data, metadata=None, **kw: emit("display", data.get("text/plain", ""))
    # pandas formats for Jupyter (at most 20 columns, wrapped at 80
    # characters) when the shell has a kernel, for a terminal otherwise.
    shell.kernel = None
    # Errors are recorded where IPython shows them: a magic like %%time
    # shows its cell's error without failing the cell.
    errors = []

    def show_error(etype, evalue, stb):
        msg = str(evalue).split("\n")[0]
        emit("error", etype.__name__ + (": " + msg if msg else ""))
        errors.append((etype.__name__, msg))

    shell._showtraceback = show_error

    nb = json.load(open(path))
    name = os.path.basename(path)
    records = []
    env_names = {}  # name → the cell that should have set it, and could not
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        src = "".join(cell["source"])
        rec = {"cell": i, "source": src, "outputs": [], "env": None}
        records.append(rec)
        big = [why for (nbn, head), why in TOO_BIG.items() if nbn == name and src.startswith(head)]
        if big:
            rec["env"] = big[0]
            rec["skip"] = True
            continue
        if PREP.match(src):
            rec["env"] = "network: prep.py downloads the tutorial's data (here data/nycflights is Burst's)"
            rec["skip"] = True
            continue
        events.clear()
        saved = sys.stdout
        sys.stdout = Stdout()
        try:
            res = shell.run_cell(src, store_history=True)
        finally:
            sys.stdout = saved
        if errors:
            ename, msg = errors[-1]
            errors.clear()
            kind = ENV_ERRORS.get(ename)
            if kind == "data" and "nycflights" in msg:
                kind = None  # the flights files are there: a real error
            if kind is None and ("s3://" in src or "s3fs" in msg):
                kind = "network"
            if kind is None and re.search(r"\binstall\b|\brequires\b", msg):
                kind = "module"  # e.g. cytoscape drawing without ipycytoscape
            m = re.match(r"name '(\w+)' is not defined", msg)
            if kind is None and ename == "NameError" and m and m.group(1) in env_names:
                kind = "depends on cell %d" % env_names[m.group(1)]
            if kind is not None:
                rec["env"] = "%s: %s" % (kind, emit_text(ename, msg))
                for name in assigned_names(src):
                    env_names.setdefault(name, i)
        rec["outputs"] = [list(e) for e in events]
    with open(out, "w") as f:
        json.dump(records, f)


def assigned_names(src):
    """The names a cell sets at top level (assignments, imports, defs)."""
    try:
        tree = ast.parse("\n".join(l for l in src.split("\n") if not l.lstrip().startswith("%")))
    except SyntaxError:
        return []
    names = []
    for st in tree.body:
        for node in ast.walk(st):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.append(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names.append(node.name)
            elif isinstance(node, ast.alias):
                names.append((node.asname or node.name).split(".")[0])
    return names


def emit_text(ename, msg):
    return ename + (": " + msg if msg else "")


# Help (?x, x?, help(x)) prints the documented library's docstring.
HELP = re.compile(r"^\s*(\?\w|help\()|^\s*[\w.]+\?\s*$", re.M)

# A future's status: pending here, as the cells run back to back; finished
# or error when a learner runs them.
FUTURE = re.compile(r"<Future: |^\d+ (pending|finished|error|lost)$", re.M)

# The text/plain of an object with no repr of its own (IPython's Image).
PLACEHOLDER = re.compile(r"^<[\w.]+ object>$")

TIMES = re.compile(r"^(CPU times|Wall time): .*$", re.M)


def normal(outputs):
    """Outputs with what differs from run to run by nature (timings) masked."""
    return [[k, TIMES.sub(r"\1: …", t)] for k, t in outputs]


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--run":
        run_notebook(sys.argv[2], sys.argv[3])
        return
    # gen.py [WORD ...]: only the notebooks whose path has one of the words.
    only = sys.argv[1:]
    for nb, (rst, source) in RST_NOTEBOOKS.items():
        blocks_to_notebook(rst, nb, source)
    scratch = tempfile.mkdtemp(prefix="burst-external-")
    try:
        data = os.path.join(scratch, "data-src")
        subprocess.run(["go", "run", "./build", "data", "-size", "small", "-dir", data], cwd=ROOT, check=True)
        for nb in NOTEBOOKS:
            if only and not any(w in nb for w in only):
                continue
            runs = []
            for r in range(2):
                work = os.path.join(scratch, "run%d-%s" % (r, os.path.basename(nb)))
                shutil.copytree(data, work)
                # A notebook's own data files (pandas' tutorials read data/titanic.csv).
                own = os.path.join(HERE, os.path.dirname(nb), "data")
                if os.path.isdir(own):
                    shutil.copytree(own, os.path.join(work, "data"), dirs_exist_ok=True)
                out = os.path.join(scratch, "out.json")
                print("running", nb, "run", r + 1, file=sys.stderr)
                subprocess.run([sys.executable, os.path.abspath(__file__), "--run", os.path.join(HERE, nb), out],
                               cwd=work, check=True, timeout=1800)
                runs.append(json.load(open(out)))
            cells = []
            for a, b in zip(*runs):
                rec = dict(a)
                rec["skipped"] = rec.pop("skip", False)
                rec["check"], rec["why"] = "output", None
                if normal(a["outputs"]) != normal(b["outputs"]) or a["env"] != b["env"]:
                    rec["check"], rec["why"] = "runs", "its output differs between two runs"
                elif any(FUTURE.search(t) for _, t in a["outputs"]):
                    rec["check"], rec["why"] = "runs", "a future's status depends on when the cell runs"
                elif HELP.search(a["source"]):
                    rec["check"], rec["why"] = "runs", "help shows the library's own docstring"
                elif any(k in ("result", "display") and PLACEHOLDER.match(t) for k, t in a["outputs"]):
                    rec["check"], rec["why"] = "runs", "its value is a rich display (an image) whose text/plain is a placeholder"
                cells.append(rec)
            fixture = {
                "notebook": os.path.basename(nb),
                "python": sys.version.split()[0],
                "versions": versions(),
                "cells": cells,
            }
            with open(os.path.join(HERE, nb[:-len(".ipynb")] + ".expect.json"), "w") as f:
                json.dump(fixture, f, indent=1, ensure_ascii=False)
                f.write("\n")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def versions():
    import dask
    import distributed
    import IPython
    import numpy
    import pandas
    return {m.__name__: m.__version__ for m in (pandas, numpy, dask, distributed, IPython)}


if __name__ == "__main__":
    main()
