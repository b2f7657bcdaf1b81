# Frames wider than display.width (80): pandas wraps them into blocks.
import pandas as pd
import numpy as np
df = pd.DataFrame({"column_%d" % i: np.arange(100) * i for i in range(12)})
print(repr(df))
df = df.set_index("column_0")
print(repr(df.head(2)))
d = pd.DataFrame({"a_long_float_column_%d" % i: [1.5 * i, -2.25, 3.0] for i in range(7)})
print(d)
w = pd.DataFrame({"c%d" % i: [i * 1000, i] for i in range(25)})
print(w)
print(pd.DataFrame({"narrow": [1, 2], "frame": ["a", "b"]}))
