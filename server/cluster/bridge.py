"""Burst's bridge to one Dask cluster.

The Burst server starts this script with /usr/bin/python3 (Debian's
python3-distributed) and talks to it over stdin/stdout, one JSON object per
line. Requests carry an "id" and get exactly one reply with the same id;
task events arrive unasked as {"session": ..., "event": {...}} lines.

  {"id": 1, "op": "open", "session": "s1", "timeout": 10}
  {"id": 2, "op": "plan", "session": "s1", "plan": {...}, "timeout": 600}
  {"id": 3, "op": "close", "session": "s1"}
  {"id": 4, "op": "check", "plan": {...}}      validate only (tests)
  {"id": 5, "op": "ping"}

Replies: {"id": n, "ok": true, "result": ...} or
{"id": n, "ok": false, "error": "ValueError: ...", "kind": "refused"|"cluster"|"timeout"|"error"}.

Every plan is checked again here, although the server checked it first
(defence in depth), and is rebuilt from a fixed table of dask.dataframe
calls: nothing the client sends is evaluated, unpickled or used as an
attribute name outside the whitelists below.
"""

import argparse
import datetime
import json
import math
import operator
import os
import re
import sys
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor

# The limits and names mirror server/cluster/plan.go.
MAX_DEPTH = 64
MAX_NODES = 2000
MAX_STRING = 1024
MAX_LIST = 1000
MAX_HEAD = 10000
MAX_FILES = 10000
MAX_RESULT_ROWS = 100000
MAX_EXPONENT = 64  # a literal exponent, in absolute value
MAX_REPEAT = 1 << 20  # characters a repeated string may have

NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_ .\-]{0,127}$")
IDENT_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
BLOCKSIZE_RE = re.compile(r"^[0-9]{1,6}(\.[0-9]{1,3})? ?(B|kB|KB|MB|GB|KiB|MiB|GiB)$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?)?$")
GLOB_RE = re.compile(r"^[A-Za-z0-9_ .\-/*?\[\]]+$")

DTYPES = {"int64", "int32", "int16", "int8", "uint8", "uint16", "uint32", "uint64", "float64", "float32",
          "bool", "object", "string", "category", "datetime64[ns]", "Int64", "Int32", "Float64", "boolean"}
AGGS = {"sum", "mean", "std", "var", "count", "size", "min", "max", "first", "last", "prod"}

# Kinds of values a node yields.
FRAME, SERIES, SCALAR, GFRAME, GSERIES, EXPR, RESULT = "frame", "series", "scalar", "groupby", "groupby-series", "expr", "result"

BINARY = {"add": operator.add, "sub": operator.sub, "mul": operator.mul, "div": operator.truediv,
          "floordiv": operator.floordiv, "mod": operator.mod, "pow": operator.pow,
          "eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le,
          "gt": operator.gt, "ge": operator.ge, "and": operator.and_, "or": operator.or_}
UNARY = {"neg": operator.neg, "not": operator.invert}

ARITHMETIC = {"add", "sub", "mul", "div", "floordiv", "mod", "pow"}
REDUCTIONS = {"mean", "sum", "count", "size", "min", "max", "std", "var", "nunique"}

# op → (fields it may have besides "op", kinds its input may be)
OPS = {
    "read_csv": ({"path", "parse_dates", "dtype", "usecols", "blocksize"}, None),
    "persisted": ({"name"}, None),
    "columns": ({"input", "columns"}, {FRAME, GFRAME}),
    "column": ({"input", "column"}, {FRAME, GFRAME}),
    "filter": ({"input", "where"}, {FRAME}),
    "assign": ({"input", "columns"}, {FRAME}),
    "expr": ({"input", "expr"}, {FRAME}),
    "groupby": ({"input", "by", "dropna"}, {FRAME}),
    "agg": ({"input", "func"}, {GFRAME, GSERIES}),
    "value_counts": ({"input"}, {SERIES}),
    "head": ({"input", "n", "npartitions"}, {FRAME, SERIES}),
    "compute": ({"input"}, {FRAME, SERIES, SCALAR}),
    "persist": ({"input", "name"}, {FRAME, SERIES}),
    "col": ({"name"}, None),
    "lit": ({"value", "type"}, None),
    "isnull": ({"operand"}, None),
    "notnull": ({"operand"}, None),
}
for _r in REDUCTIONS:
    OPS[_r] = ({"input", "ddof"} if _r in ("std", "var") else {"input"}, {FRAME, SERIES, GFRAME, GSERIES})
for _b in BINARY:
    OPS[_b] = ({"left", "right"}, None)
for _u in UNARY:
    OPS[_u] = ({"operand"}, None)


class Refused(ValueError):
    pass


class Checker:
    """Checks a plan the way server/cluster/plan.go does, returning the
    kind of each node; paths are resolved against the data root."""

    def __init__(self, root, persisted):
        self.root = root
        self.data = os.path.realpath(os.path.join(root, "data"))
        self.persisted = persisted  # name → kind
        self.n = 0

    def refuse(self, num, op, where, why):
        what = "node %d" % num
        if op is not None:
            what += " (op %s, at %s)" % (json.dumps(op, ensure_ascii=False), where)
        else:
            what += " (at %s)" % where
        raise Refused("plan refused: %s: %s" % (what, why))

    def check(self, plan):
        kind = self.node(plan, "plan", 1)
        if kind != RESULT:
            raise Refused("plan refused: node 1 (at plan): a plan ends in compute or persist")
        return kind

    def node(self, v, where, depth):
        self.n += 1
        num = self.n
        if not isinstance(v, dict):
            self.refuse(num, None, where, "expected an operation object like {\"op\": ...}, got %s" % jtype(v))
        op = v.get("op")
        if not isinstance(op, str):
            self.refuse(num, None, where, "missing \"op\" (a string)")
        if len(op) > 64:
            self.refuse(num, op[:64] + "…", where, "unknown operation")
        if op not in OPS:
            self.refuse(num, op, where, "unknown operation")
        if depth > MAX_DEPTH:
            self.refuse(num, op, where, "nested deeper than %d operations" % MAX_DEPTH)
        if self.n > MAX_NODES:
            self.refuse(num, op, where, "more than %d operations" % MAX_NODES)
        fields, inputs = OPS[op]
        for k in sorted(v):
            if k != "op" and k not in fields:
                self.refuse(num, op, where, "unexpected field %s" % json.dumps(k[:64], ensure_ascii=False))
        R = lambda why: self.refuse(num, op, where, why)

        def need(field):
            if field not in v:
                R("missing field \"%s\"" % field)
            return v[field]

        def child(field):
            kind = self.node(need(field), where + "." + field, depth + 1)
            return kind

        def inp():
            kind = child("input")
            if kind not in inputs:
                R("its input is a %s; it takes a %s" % (kind, " or ".join(sorted(inputs))))
            return kind

        if op == "read_csv":
            self.paths(need("path"), R)
            if "parse_dates" in v:
                self.names(v["parse_dates"], "parse_dates", R)
            if "usecols" in v:
                self.names(v["usecols"], "usecols", R)
            if "dtype" in v:
                d = v["dtype"]
                if not isinstance(d, dict) or len(d) > MAX_LIST:
                    R("dtype must be an object of column: dtype name")
                for c in sorted(d):
                    self.name(c, "dtype", R)
                    if not isinstance(d[c], str) or d[c] not in DTYPES:
                        R("dtype of %s: %s is not one of %s" % (json.dumps(c), short(d[c]), ", ".join(sorted(DTYPES))))
            if "blocksize" in v:
                b = v["blocksize"]
                if b is None:
                    pass
                elif isinstance(b, bool) or not isinstance(b, (int, str)):
                    R("blocksize must be a number of bytes, a size like \"64MB\", or null")
                elif isinstance(b, int) and not (1 << 16 <= b <= 1 << 34):
                    R("blocksize must be between 64 kB and 16 GB")
                elif isinstance(b, str) and not BLOCKSIZE_RE.match(b):
                    R("blocksize %s is not a size like \"64MB\"" % short(b))
            return FRAME
        if op == "persisted":
            n = need("name")
            if not isinstance(n, str) or not IDENT_RE.match(n):
                R("name must be an identifier")
            if n not in self.persisted:
                R("no persisted collection named %s in this session" % json.dumps(n))
            return self.persisted[n]
        if op in ("columns", "column"):
            kind = inp()
            if op == "columns":
                self.names(need("columns"), "columns", R, nonempty=True)
                return kind
            self.name(need("column"), "column", R)
            return SERIES if kind == FRAME else GSERIES
        if op == "filter":
            inp()
            self.expr(child("where"), R)
            return FRAME
        if op == "assign":
            inp()
            cols = need("columns")
            if not isinstance(cols, dict) or not cols or len(cols) > 100:
                R("columns must be an object of 1 to 100 name: expression")
            for c in sorted(cols):
                self.name(c, "columns", R)
                self.expr(self.node(cols[c], where + ".columns." + c, depth + 1), R)
            return FRAME
        if op == "expr":
            inp()
            self.expr(child("expr"), R)
            return SERIES
        if op == "groupby":
            inp()
            by = need("by")
            if isinstance(by, str):
                self.name(by, "by", R)
            else:
                self.names(by, "by", R, nonempty=True, most=16)
            if "dropna" in v and not isinstance(v["dropna"], bool):
                R("dropna must be true or false")
            return GFRAME
        if op == "agg":
            kind = inp()
            f = need("func")
            if isinstance(f, str):
                self.agg(f, R)
                return FRAME if kind == GFRAME else SERIES
            if isinstance(f, list):
                if not f or len(f) > 16:
                    R("func must list 1 to 16 aggregations")
                for a in f:
                    self.agg(a, R)
                return FRAME
            if isinstance(f, dict) and kind == GFRAME:
                if not f or len(f) > 100:
                    R("func must map 1 to 100 columns")
                for c in sorted(f):
                    self.name(c, "func", R)
                    a = f[c]
                    for x in (a if isinstance(a, list) else [a]):
                        self.agg(x, R)
                return FRAME
            R("func must be an aggregation name, a list of them, or (on a grouped frame) an object of column: aggregation")
        if op in REDUCTIONS:
            kind = inp()
            if op == "nunique" and kind not in (SERIES, GSERIES):
                R("nunique takes a column (series), not a %s" % kind)
            if "ddof" in v:
                d = v["ddof"]
                if isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 10:
                    R("ddof must be an integer from 0 to 10")
            if kind == SERIES:
                return SCALAR
            if kind == FRAME:
                return SCALAR if op == "size" else SERIES
            if kind == GFRAME:
                return SERIES if op == "size" else FRAME
            return SERIES
        if op == "value_counts":
            inp()
            return SERIES
        if op == "head":
            kind = inp()
            n = need("n")
            if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_HEAD:
                R("n must be an integer from 0 to %d" % MAX_HEAD)
            if "npartitions" in v:
                p = v["npartitions"]
                if isinstance(p, bool) or not isinstance(p, int) or not (p == -1 or 1 <= p <= 100000):
                    R("npartitions must be -1 (all) or a positive integer")
            return kind
        if op in ("compute", "persist") and num != 1:
            R("%s can only be the last operation of a plan" % op)
        if op == "compute":
            inp()
            return RESULT
        if op == "persist":
            inp()
            n = need("name")
            if not isinstance(n, str) or not IDENT_RE.match(n):
                R("name must be an identifier (a letter, then letters, digits or _)")
            return RESULT
        # Expressions.
        if op == "col":
            self.name(need("name"), "name", R)
            return EXPR
        if op == "lit":
            val = need("value")
            t = v.get("type")
            if t is not None and t != "datetime":
                R("type must be \"datetime\" when given")
            if t == "datetime":
                if not isinstance(val, str) or not DATE_RE.match(val):
                    R("a datetime literal is an ISO date string like \"2019-01-31\" or \"2019-01-31T12:00:00\"")
                try:
                    datetime.datetime.fromisoformat(val[:26])
                except ValueError:
                    R("%s is not a valid date" % short(val))
                return EXPR
            if val is None or isinstance(val, bool):
                return EXPR
            if isinstance(val, int):
                if not -(1 << 63) <= val < (1 << 63):
                    R("integer literal out of range")
                return EXPR
            if isinstance(val, float):
                if not math.isfinite(val):
                    R("number literal out of range")
                return EXPR
            if isinstance(val, str):
                if len(val) > MAX_STRING:
                    R("string literal longer than %d characters" % MAX_STRING)
                return EXPR
            R("a literal is a number, string, true, false or null, not %s" % jtype(val))
        if op in BINARY:
            self.expr(child("left"), R)
            self.expr(child("right"), R)
            self.bounded(op, v["left"], v["right"], R)
            return EXPR
        self.expr(child("operand"), R)
        return EXPR

    def bounded(self, op, left, right, R):
        """Refuses what would make the bridge (or a worker) evaluate
        literals without bound: an operation on two literals (the cell can
        compute it), a literal exponent past MAX_EXPONENT, string literals
        in arithmetic other than concatenation."""
        if constant(left) and constant(right):
            R("an operation on two literals is not sent to the cluster: compute it in the cell and use the result")
        if op == "pow" and constant(right):
            x = right.get("value") if right.get("op") == "lit" else None
            if isinstance(x, bool) or not isinstance(x, (int, float)) or not -MAX_EXPONENT <= x <= MAX_EXPONENT:
                R("a literal exponent is a number from -%d to %d, not %s" % (MAX_EXPONENT, MAX_EXPONENT, short(x) if x is not None else "an expression"))
        if op in ARITHMETIC and op != "add":
            for side in (left, right):
                if side.get("op") == "lit" and isinstance(side.get("value"), str) and side.get("type") is None:
                    R("a string literal can only be added to a column or compared with one")

    def expr(self, kind, R):
        if kind != EXPR:
            R("expected an expression (col, lit, arithmetic, comparison), got a %s" % kind)

    def agg(self, a, R):
        if not isinstance(a, str) or a not in AGGS:
            R("aggregation %s is not one of %s" % (short(a), ", ".join(sorted(AGGS))))

    def name(self, c, field, R):
        if not isinstance(c, str):
            R("%s: a column name is a string, not %s" % (field, jtype(c)))
        if not NAME_RE.match(c) or "__" in c or c != c.strip():
            R("%s: %s is not a plain column name (letters, digits, _ . - and spaces, at most 128, no \"__\")" % (field, short(c)))

    def names(self, cs, field, R, nonempty=False, most=MAX_LIST):
        if not isinstance(cs, list):
            R("%s must be a list of column names, not %s" % (field, jtype(cs)))
        if len(cs) > most or (nonempty and not cs):
            R("%s must list %d to %d column names" % (field, 1 if nonempty else 0, most))
        for c in cs:
            self.name(c, field, R)

    def paths(self, p, R):
        ps = [p] if isinstance(p, str) else p
        if not isinstance(ps, list) or not ps or len(ps) > MAX_LIST:
            R("path must be a string or a list of 1 to %d strings" % MAX_LIST)
        files = []
        for s in ps:
            if not isinstance(s, str):
                R("path must be a string or a list of strings, not %s" % jtype(s))
            files.extend(self.resolve(s, R))
        if len(files) > MAX_FILES:
            R("more than %d files" % MAX_FILES)
        return files

    def resolve(self, s, R):
        if len(s) > MAX_STRING:
            R("path longer than %d characters" % MAX_STRING)
        if "://" in s:
            R("%s: URLs are not read on the cluster; plans read files under the server's data/ folder" % short(s))
        if not s.startswith("data/") or not GLOB_RE.match(s):
            R("%s: paths are relative to the server's folder and start with data/ (like \"data/nyctaxi/yellow_tripdata_2019-*.csv\")" % short(s))
        parts = s.split("/")
        if any(x in ("..", ".", "") for x in parts):
            R("%s: no \"..\", \".\" or empty parts in paths" % short(s))
        import glob
        matches = sorted(glob.glob(os.path.join(self.root, s)))
        if not matches:
            R("%s: no such file" % short(s))
        for m in matches:
            real = os.path.realpath(m)
            if not real.startswith(self.data + os.sep):
                R("%s: %s leads outside the data folder" % (short(s), os.path.relpath(m, self.root)))
            if not os.path.isfile(real):
                R("%s: %s is not a file" % (short(s), os.path.relpath(m, self.root)))
        return matches


def constant(v):
    """Whether an (already checked) expression holds no column."""
    op = v.get("op")
    if op == "lit":
        return True
    if op in BINARY:
        return constant(v["left"]) and constant(v["right"])
    if op in UNARY or op in ("isnull", "notnull"):
        return constant(v["operand"])
    return False


def jtype(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, (int, float)):
        return "a number"
    if isinstance(v, str):
        return "a string"
    if isinstance(v, list):
        return "a list"
    return "an object"


def short(v):
    s = json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return s if len(s) <= 80 else s[:77] + "…"


# ---------------------------------------------------------------------------
# Building: the plan, already checked, becomes dask.dataframe calls.

class Builder:
    def __init__(self, checker, persisted):
        self.checker = checker
        self.persisted = persisted  # name → collection

    def build(self, v, frame=None):
        import dask.dataframe as dd
        import pandas as pd
        op = v["op"]
        if op == "read_csv":
            kw = {}
            for k in ("parse_dates", "dtype", "usecols"):
                if k in v:
                    kw[k] = v[k]
            if "blocksize" in v:
                kw["blocksize"] = v["blocksize"]
            return dd.read_csv(self.checker.paths(v["path"], self.fail), **kw)
        if op == "persisted":
            return self.persisted[v["name"]]
        if op in BINARY:
            left, right = self.build(v["left"], frame), self.build(v["right"], frame)
            if op == "mul":
                self.repeat_bound(left, right)
                self.repeat_bound(right, left)
            return BINARY[op](left, right)
        if op in UNARY:
            return UNARY[op](self.build(v["operand"], frame))
        if op == "isnull":
            return self.build(v["operand"], frame).isnull()
        if op == "notnull":
            return self.build(v["operand"], frame).notnull()
        if op == "col":
            return frame[v["name"]]
        if op == "lit":
            if v.get("type") == "datetime":
                return pd.Timestamp(v["value"])
            return v["value"]
        x = self.build(v["input"])
        if op == "columns":
            return x[list(v["columns"])]
        if op == "column":
            return x[v["column"]]
        if op == "filter":
            return x[self.build(v["where"], x)]
        if op == "assign":
            return x.assign(**{c: self.build(e, x) for c, e in sorted(v["columns"].items())})
        if op == "expr":
            return self.build(v["expr"], x)
        if op == "groupby":
            kw = {}
            if "dropna" in v:
                kw["dropna"] = v["dropna"]
            return x.groupby(v["by"], **kw)
        if op == "agg":
            return x.agg(v["func"])
        if op in REDUCTIONS:
            if op in ("std", "var"):
                return (x.std if op == "std" else x.var)(ddof=v.get("ddof", 1))
            return REDUCERS[op](x)
        if op == "value_counts":
            return x.value_counts()
        if op == "head":
            return x.head(v["n"], npartitions=v.get("npartitions", 1), compute=False)
        raise Refused("plan refused: %s cannot be built" % op)

    def fail(self, why):
        raise Refused("plan refused: " + why)

    def repeat_bound(self, strings, n):
        """A column of strings times an integer repeats each string: bound
        the repetition (the strings' length is not known before the
        workers read them, so the count alone is bounded)."""
        dtype = getattr(strings, "dtype", None)
        if dtype is None or isinstance(n, bool) or not isinstance(n, int):
            return
        if str(dtype) in ("object", "string") and abs(n) > MAX_REPEAT // MAX_STRING:
            raise Refused("plan refused: repeating the strings of a column %d times could make strings over %d bytes; at most %d repetitions" % (n, MAX_REPEAT, MAX_REPEAT // MAX_STRING))


REDUCERS = {
    "mean": lambda x: x.mean(),
    "sum": lambda x: x.sum(),
    "count": lambda x: x.count(),
    "size": lambda x: x.size(),
    "min": lambda x: x.min(),
    "max": lambda x: x.max(),
    "nunique": lambda x: x.nunique(),
}


def size_of(x):
    # Series.size and DataFrame.size are properties in dask; GroupBy.size is
    # a method.
    return x.size() if callable(x.size) else x.size


REDUCERS["size"] = size_of


# ---------------------------------------------------------------------------
# Results as JSON.

def value(x):
    import numpy as np
    import pandas as pd
    if x is None or x is pd.NaT:
        return None
    if isinstance(x, (np.generic,)):
        x = x.item()
    if isinstance(x, float):
        if math.isnan(x):
            return None
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return x
    if isinstance(x, (bool, int, str)):
        return x
    if isinstance(x, (pd.Timestamp, datetime.datetime, datetime.date)):
        return x.isoformat()
    if isinstance(x, (pd.Timedelta, datetime.timedelta)):
        return pd.Timedelta(x).isoformat()
    return str(x)


def values(s):
    return [value(x) for x in s.tolist()]


def index_json(idx):
    import pandas as pd
    if isinstance(idx, pd.MultiIndex):
        levels = [idx.get_level_values(i) for i in range(idx.nlevels)]
    else:
        levels = [idx]
    return {"names": [value(n) if n is not None else None for n in idx.names],
            "dtypes": [str(l.dtype) for l in levels],
            "values": [values(l) for l in levels]}


def result_json(r):
    import pandas as pd
    if isinstance(r, (pd.DataFrame, pd.Series)) and len(r) > MAX_RESULT_ROWS:
        raise ValueError("the result has %d rows; at most %d come back from the cluster: aggregate or use head(n) first" % (len(r), MAX_RESULT_ROWS))
    if isinstance(r, pd.DataFrame):
        return {"type": "frame", "columns": [value(c) for c in r.columns], "dtypes": [str(t) for t in r.dtypes],
                "data": [values(r.iloc[:, i]) for i in range(r.shape[1])], "index": index_json(r.index)}
    if isinstance(r, pd.Series):
        return {"type": "series", "name": value(r.name), "dtype": str(r.dtype), "values": values(r),
                "index": index_json(r.index)}
    import numpy as np
    dtype = str(np.asarray(r).dtype) if r is not None else "object"
    return {"type": "scalar", "dtype": dtype, "value": value(r)}


# ---------------------------------------------------------------------------
# Events: a scheduler plugin, registered by the bridge's clients, turns the
# scheduler's transitions into Burst's event format (engine/sched.Event) and
# logs them under the topic of the client that submitted the task; each
# session's client subscribes to its own topic.

PLUGIN_NAME = "burst-events-v1"


def make_plugin():
    from distributed.diagnostics.plugin import SchedulerPlugin

    def state(s):
        return {"queued": "queued", "no-worker": "waiting"}.get(s, s)

    class BurstEvents(SchedulerPlugin):
        name = PLUGIN_NAME

        def __init__(self):
            self.owners = {}  # key → set of client ids
            self.counts = {}  # client id → {state: n}
            self.scheduler = None

        async def start(self, scheduler):
            self.scheduler = scheduler

        def emit(self, clients, ev):
            from distributed.metrics import time as now
            ev.setdefault("time", now())
            ev["burst"] = 1
            for c in clients:
                self.scheduler.log_event(c, ev)

        def update_graph(self, scheduler, client=None, tasks=None, keys=None, dependencies=None, **kw):
            from dask.utils import key_split
            self.scheduler = scheduler
            if not client or not tasks:
                return
            dependencies = dependencies or {}
            counts = self.counts.setdefault(client, {})
            groups, order, listed = {}, [], []
            small = len(tasks) <= 1000
            for k in tasks:
                key = str(k)
                owners = self.owners.setdefault(key, set())
                ts = scheduler.tasks.get(k)
                st = state(ts.state) if ts is not None else "released"
                if client not in owners:
                    owners.add(client)
                    counts[st] = counts.get(st, 0) + 1
                p = key_split(k)
                g = groups.get(p)
                if g is None:
                    g = groups[p] = {"prefix": p, "n": 0}
                    order.append(p)
                g["n"] += 1
                if st == "memory":
                    g["done"] = g.get("done", 0) + 1
                deps = [str(d) for d in dependencies.get(k, ())]
                for d in dependencies.get(k, ()):
                    dp = key_split(d)
                    if dp != p and dp not in g.setdefault("deps", []):
                        g["deps"].append(dp)
                if small:
                    t = {"key": key, "prefix": p}
                    if deps:
                        t["deps"] = deps
                    if st == "memory":
                        t["done"] = True
                    listed.append(t)
            ev = {"kind": "graph", "groups": [groups[p] for p in order]}
            if small:
                ev["tasks"] = listed
            self.emit([client], ev)
            self.emit([client], {"kind": "counts", "counts": {s: n for s, n in counts.items() if n > 0}})

        def transition(self, key, start, finish, *args, **kwargs):
            owners = self.owners.get(str(key))
            if not owners or self.scheduler is None:
                return
            from dask.utils import key_split
            s, f = state(start), state(finish)
            for c in owners:
                cs = self.counts.setdefault(c, {})
                cs[s] = cs.get(s, 0) - 1
                if f != "forgotten":
                    cs[f] = cs.get(f, 0) + 1
            k, p = str(key), key_split(key)
            sched = self.scheduler
            if finish == "processing":
                ts = sched.tasks.get(key)
                w = ts.processing_on.address if ts is not None and ts.processing_on is not None else ""
                self.emit(owners, {"kind": "task-start", "key": k, "prefix": p, "worker": w, "start": _now(), "attempt": 1})
            elif start == "processing" and finish in ("memory", "erred"):
                worker = kwargs.get("worker") or ""
                t0 = t1 = None
                for ss in kwargs.get("startstops") or ():
                    if ss.get("action") == "compute":
                        t0, t1 = ss["start"], ss["stop"]
                    elif ss.get("action") == "transfer":
                        self.emit(owners, {"kind": "transfer", "key": k, "from": ss.get("source", ""), "to": worker,
                                           "start": ss["start"], "stop": ss["stop"]})
                ev = {"kind": "task-end", "key": k, "prefix": p, "worker": worker, "state": finish,
                      "bytes": int(kwargs.get("nbytes") or 0)}
                if t0 is not None:
                    ev["start"], ev["stop"] = t0, t1
                self.emit(owners, ev)
                ws = sched.workers.get(worker)
                if ws is not None:
                    n = len(ws.processing)
                    self.emit(owners, {"kind": "worker", "worker": worker, "state": "running", "memory": int(ws.nbytes),
                                       "executing": min(n, ws.nthreads), "queued": max(0, n - ws.nthreads)})
                for c in owners:
                    self.emit([c], {"kind": "counts", "counts": {s: n for s, n in self.counts.get(c, {}).items() if n > 0}})
            elif start == "memory" and finish in ("released", "forgotten"):
                ts = sched.tasks.get(key)
                self.emit(owners, {"kind": "forget", "key": k, "prefix": p, "bytes": int(ts.nbytes) if ts is not None and ts.nbytes > 0 else 0})
            if finish == "forgotten":
                del self.owners[str(key)]

        def remove_worker(self, scheduler, worker):
            self.emit(list(self.counts), {"kind": "worker", "worker": worker, "state": "lost"})

        def remove_client(self, scheduler, client):
            self.counts.pop(client, None)

    def _now():
        from distributed.metrics import time as now
        return now()

    return BurstEvents()


# ---------------------------------------------------------------------------
# The bridge: sessions, each with its own distributed.Client.

class Session:
    def __init__(self, client):
        self.client = client
        self.persisted = {}  # name → collection
        self.kinds = {}  # name → kind
        self.lock = threading.Lock()


class Bridge:
    def __init__(self, address, root):
        self.address = address
        self.root = root
        self.sessions = {}
        self.cancels = {}  # request id → threading.Event, set to cancel it
        self.lock = threading.Lock()
        self.out = sys.stdout
        self.out_lock = threading.Lock()

    def send(self, msg):
        line = json.dumps(msg, allow_nan=False, separators=(",", ":"))
        with self.out_lock:
            self.out.write(line + "\n")
            self.out.flush()

    def cancel_event(self, rid):
        with self.lock:
            ev = self.cancels.get(rid)
            if ev is None:
                ev = self.cancels[rid] = threading.Event()
            return ev

    def cancel(self, rid):
        """Cancels request rid (a plan): set before it starts, it never
        runs; while it waits on the cluster, its tasks are cancelled."""
        with self.lock:
            ev = self.cancels.get(rid)
        if ev is not None:
            ev.set()

    def handle(self, req):
        try:
            self._handle(req)
        finally:
            with self.lock:
                self.cancels.pop(req.get("id"), None)

    def _handle(self, req):
        rid = req.get("id")
        ops = {"open": self.op_open, "plan": self.op_plan, "close": self.op_close, "check": self.op_check, "ping": self.op_ping}
        try:
            fn = ops.get(req.get("op"))
            if fn is None:
                raise Refused("unknown request %s" % short(req.get("op")))
            self.send({"id": rid, "ok": True, "result": fn(req)})
        except Refused as e:
            self.send({"id": rid, "ok": False, "kind": "refused", "error": "ValueError: " + str(e)})
        except LostCluster as e:
            self.send({"id": rid, "ok": False, "kind": "cluster", "error": str(e)})
        except NoSession as e:
            self.send({"id": rid, "ok": False, "kind": "session", "error": "KeyError: " + str(e)})
        except TooLarge as e:
            self.send({"id": rid, "ok": False, "kind": "error", "error": "ValueError: " + str(e)})
        except Canceled as e:
            self.send({"id": rid, "ok": False, "kind": "canceled", "error": "RuntimeError: " + str(e)})
        except TimeoutError as e:
            self.send({"id": rid, "ok": False, "kind": "timeout", "error": "TimeoutError: " + (str(e) or "timed out")})
        except Exception as e:  # a Python-style message for the cell
            traceback.print_exc(file=sys.stderr)
            self.send({"id": rid, "ok": False, "kind": "error", "error": python_error(e)})

    def op_ping(self, req):
        return "pong"

    def op_check(self, req):
        Checker(self.root, req.get("persisted") or {}).check(req.get("plan"))
        return "ok"

    def op_open(self, req):
        from distributed import Client
        sid = req["session"]
        timeout = float(req.get("timeout") or 10)
        try:
            client = Client(self.address, set_as_default=False, timeout=timeout, name="burst-" + sid)
        except Exception as e:
            raise LostCluster("OSError: could not connect to the Dask scheduler at %s within %gs (%s: %s); is it running?"
                              % (self.address, timeout, type(e).__name__, str(e).strip().splitlines()[-1] if str(e).strip() else ""))
        s = Session(client)
        events = True
        try:
            client.register_scheduler_plugin(make_plugin(), name=PLUGIN_NAME, idempotent=True)
            client.subscribe_topic(client.id, lambda ev, sid=sid: self.on_event(sid, ev))
        except Exception as e:
            events = False
            print("bridge: no task events from %s: %s" % (self.address, e), file=sys.stderr)
        with self.lock:
            old = self.sessions.pop(sid, None)
            self.sessions[sid] = s
        if old is not None:
            old.client.close()
        info = client.scheduler_info()
        workers = []
        for addr, w in sorted(info.get("workers", {}).items()):
            workers.append({"address": addr, "name": str(w.get("name", addr)), "nthreads": w.get("nthreads", 0),
                            "memory_limit": w.get("memory_limit", 0)})
        return {"address": self.address, "scheduler": info.get("address", self.address), "id": info.get("id", ""),
                "workers": workers, "nworkers": len(workers), "nthreads": sum(w["nthreads"] for w in workers),
                "memory": sum(w["memory_limit"] or 0 for w in workers), "events": events,
                "dashboard": client.dashboard_link if info.get("services", {}).get("dashboard") else ""}

    def on_event(self, sid, ev):
        msg = ev[1] if isinstance(ev, tuple) and len(ev) == 2 else ev
        if not isinstance(msg, dict) or msg.get("burst") != 1:
            return
        out = {k: v for k, v in msg.items() if k != "burst"}
        self.send({"session": sid, "event": out})

    def session(self, sid):
        with self.lock:
            s = self.sessions.get(sid)
        if s is None:
            raise NoSession("no session %s on this bridge" % json.dumps(sid))
        return s

    def op_close(self, req):
        with self.lock:
            s = self.sessions.pop(req["session"], None)
        if s is not None:
            try:
                s.client.close(timeout=5)
            except Exception:
                pass
        return "closed"

    def op_plan(self, req):
        s = self.session(req["session"])
        plan = req.get("plan")
        timeout = float(req.get("timeout") or 600)
        # The plan's timeout bounds everything done for it, from waiting
        # for the session to converting the result; cancel is set when the
        # server cancels the request (its HTTP request ended).
        deadline = time.monotonic() + timeout
        cancel = req.get("_cancel") or threading.Event()
        w = Watch(s.client, self.address, deadline, timeout, cancel)
        # One plan at a time per session: persisted names stay consistent.
        while not s.lock.acquire(timeout=0.05):
            w.check()
        try:
            from distributed import futures_of
            # What the session persisted is never cancelled with a plan
            # that reads it.
            for c in s.persisted.values():
                w.keep.update(f.key for f in futures_of(c))
            checker = Checker(self.root, dict(s.kinds))
            checker.check(plan)
            w.check()
            coll = Builder(checker, s.persisted).build(plan["input"])
            w.check()
            client = s.client
            if client.status != "running":
                raise LostCluster("OSError: lost the connection to the Dask scheduler at %s (client %s); open the session again" % (self.address, client.status))
            import dask.dataframe as dd
            from distributed import futures_of
            if plan["op"] == "persist":
                coll = client.persist(coll)
                w.wait(futures_of(coll))
                name = plan["name"]
                s.persisted[name] = coll
                kind = SERIES if isinstance(coll, dd.Series) else FRAME
                s.kinds[name] = kind
                out = {"type": "persisted", "name": name, "kind": kind, "npartitions": coll.npartitions}
                if kind == FRAME:
                    out["columns"] = [value(c) for c in coll.columns]
                    out["dtypes"] = [str(t) for t in coll.dtypes]
                else:
                    out["dtype"] = str(coll.dtype)
                return out
            if isinstance(coll, (dd.DataFrame, dd.Series)) and plan["input"].get("op") != "head":
                return result_json(self.gather_checked(client, coll, w))
            fut = client.compute(coll)
            try:
                w.wait([fut])
                r = fut.result(timeout=w.left())
            finally:
                fut.release()  # nothing of it stays on the cluster
            w.check()
            return result_json(r)
        finally:
            s.lock.release()

    def gather_checked(self, client, coll, w):
        """Computes a frame or series on the workers, keeps its partitions
        there, counts their rows, and gathers them only when the result is
        within MAX_RESULT_ROWS: the bridge never pulls more."""
        from distributed import futures_of
        p = client.persist(coll)
        parts = futures_of(p)
        lens = []
        try:
            w.wait(parts)
            lens = client.map(len, parts, key=["len-" + str(f.key) for f in parts])
            w.wait(lens)
            rows = sum(client.gather(lens))
            if rows > MAX_RESULT_ROWS:
                raise TooLarge("the result has %d rows; at most %d come back from the cluster: aggregate or use head(n) first" % (rows, MAX_RESULT_ROWS))
            fut = client.compute(p)
            try:
                w.wait([fut])
                return fut.result(timeout=w.left())
            finally:
                fut.release()
        finally:
            for f in list(lens) + parts:
                f.release()
            del p


class NoSession(Exception):
    pass


class LostCluster(Exception):
    pass


class Canceled(Exception):
    pass


class TooLarge(ValueError):
    """A result over MAX_RESULT_ROWS: the plan ran, the rows stay there."""


def python_error(e):
    """The exception as a traceback's last line shows it: "KeyError: 'tip'"."""
    msg = repr(e.args[0]) if isinstance(e, KeyError) and e.args else str(e).strip()
    if len(msg) > 4000:
        msg = msg[:4000] + "…"
    return type(e).__name__ + (": " + msg if msg else "")


class Watch:
    """A plan's deadline and cancellation, and its client's connection."""

    def __init__(self, client, address, deadline, timeout, cancel):
        self.client, self.address, self.deadline, self.timeout, self.cancel = client, address, deadline, timeout, cancel
        self.keep = set()  # keys never to cancel: the session's persisted data

    def left(self):
        return max(0.001, self.deadline - time.monotonic())

    def check(self, futs=()):
        if self.cancel.is_set():
            cancel_all(self.client, [f for f in futs if f.key not in self.keep])
            raise Canceled("the plan was canceled (its request ended)")
        if time.monotonic() > self.deadline:
            cancel_all(self.client, [f for f in futs if f.key not in self.keep])
            raise TimeoutError("the cluster at %s did not finish within %gs" % (self.address, self.timeout))

    def wait(self, futs):
        """Waits for futures while watching the connection, the deadline
        and cancellation, so a lost scheduler fails at once rather than
        after the whole timeout, and a canceled plan stops at once.
        Raises the first failed task's exception."""
        done = threading.Event()
        left = [len(futs)]
        lock = threading.Lock()

        def one_done(_):
            with lock:
                left[0] -= 1
                if left[0] <= 0:
                    done.set()

        if not futs:
            done.set()
        for f in futs:
            f.add_done_callback(one_done)
        while not done.wait(0.05):
            if self.client.status != "running":
                raise LostCluster("OSError: lost the connection to the Dask scheduler at %s (client %s); open the session again" % (self.address, self.client.status))
            self.check(futs)
        for f in futs:
            if f.status == "error":
                f.result()  # raises the task's exception
            if f.status == "cancelled":
                self.check(futs)
                raise Canceled("the plan's tasks were cancelled on the cluster")


def cancel_all(client, futs):
    if futs:
        try:
            client.cancel(list(futs))
        except Exception:
            pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--address", required=True)
    ap.add_argument("--root", required=True, help="the folder holding data/")
    a = ap.parse_args()
    # Keep stdout for the protocol: anything a library prints goes to stderr.
    out = sys.stdout
    sys.stdout = sys.stderr
    b = Bridge(a.address, os.path.realpath(a.root))
    b.out = out
    pool = ThreadPoolExecutor(max_workers=128)
    b.send({"ready": True, "pid": os.getpid(), "python": sys.version.split()[0],
            "distributed": __import__("distributed").__version__})
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            req = json.loads(line)
        except Exception:  # not JSON, or nested past Python's recursion limit
            # The server writes "id" first: answer that request.
            m = re.match(r'\{"id":([0-9]+)', line)
            b.send({"id": int(m.group(1)) if m else None, "ok": False, "kind": "refused",
                    "error": "ValueError: plan refused: the request is not JSON this bridge can read"})
            continue
        if not isinstance(req, dict):
            continue
        if req.get("op") == "cancel":
            # Answered here, not in the pool: its threads may all be busy
            # with the very plans being canceled.
            b.cancel(req.get("target"))
            b.send({"id": req.get("id"), "ok": True, "result": "canceled"})
            continue
        if req.get("op") == "plan":
            req["_cancel"] = b.cancel_event(req.get("id"))
        pool.submit(b.handle, req)
    # stdin closed: the server is gone.
    os._exit(0)


if __name__ == "__main__":
    main()
