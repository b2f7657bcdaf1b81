"""Write expect.txt: what frames.py prints under pandas 1.5 as a Jupyter
kernel sets it up (display.max_columns 20, display.width 80: wide frames
wrap into blocks). Run with Debian's Python: /usr/bin/python3 gen.py
"""
import contextlib
import io
import os

import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
pd.set_option("display.max_columns", 20)
out = io.StringIO()
with contextlib.redirect_stdout(out):
    exec(open(os.path.join(here, "frames.py")).read(), {"__name__": "__main__"})
with open(os.path.join(here, "expect.txt"), "w") as f:
    f.write(out.getvalue())
