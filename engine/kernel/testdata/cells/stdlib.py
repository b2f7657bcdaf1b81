# Python's math, random, json, os.path and time modules.

# %% math constants
import math
(math.pi, math.e, math.inf, math.tau)
# > (3.141592653589793, 2.718281828459045, inf, 6.283185307179586)

# %% math functions
import math
(math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.log(100, 10), math.log10(1000), math.exp(1))
# > (1.4142135623730951, -3, 3, 2.0, 3.0, 2.718281828459045)

# %% math domain error
import math
math.sqrt(-1)
# > ValueError: math domain error
# > @ line 2

# %% math predicates and trig
import math
(math.isnan(float("nan")), math.isinf(math.inf), math.isclose(0.1 + 0.2, 0.3), round(math.sin(math.pi / 2), 3))
# > (True, True, True, 1.0)

# %% math integer functions
import math
(math.factorial(10), math.gcd(12, 18), math.trunc(-3.7), math.fabs(-2))
# > (3628800, 6, -3, 2.0)

# %% random with a seed matches CPython
import random
random.seed(42)
[random.random() for _ in range(3)]
# > [0.6394267984578837, 0.025010755222666936, 0.27502931836911926]

# %% random randint and choice
import random
random.seed(7)
([random.randint(1, 6) for _ in range(8)], random.choice(["a", "b", "c", "d"]))
# > ([3, 2, 4, 6, 1, 1, 5, 1], 'c')

# %% random shuffle and sample
import random
random.seed(1)
l = list(range(10))
random.shuffle(l)
(l, random.sample(range(100), 5))
# > ([6, 8, 9, 7, 5, 3, 0, 4, 1, 2], [26, 12, 62, 3, 49])

# %% random uniform and gauss
import random
random.seed(3)
(random.uniform(1, 2), random.gauss(0, 1), random.gauss(0, 1))
# > (1.2379646270918914, -0.9243337520999115, -0.26369624678278075)

# %% random with a string seed
import random
random.seed("burst")
random.randrange(1000)
# > 912

# %% random randrange with a step
import random
random.seed(11)
[random.randrange(0, 100, 5) for _ in range(4)]
# > [70, 85, 70, 70]

# %% random normalvariate
import random
random.seed(5)
round(random.normalvariate(10, 2), 12)
# > 11.633080145342

# %% json dumps
import json
json.dumps({"name": "Burst", "n": 3, "ok": True, "none": None, "xs": [1, 2.5]})
# > '{"name": "Burst", "n": 3, "ok": true, "none": null, "xs": [1, 2.5]}'

# %% json dumps with indent and sort_keys
import json
print(json.dumps({"b": [1, 2], "a": {"c": "é"}}, indent=2, sort_keys=True))
# > {
# >   "a": {
# >     "c": "\u00e9"
# >   },
# >   "b": [
# >     1,
# >     2
# >   ]
# > }

# %% json loads keeps order
import json
json.loads('{"z": 1, "a": [true, null, 2.5, "x"]}')
# > {'z': 1, 'a': [True, None, 2.5, 'x']}

# %% json round trip
import json
d = {"k": [1, {"n": None}]}
json.loads(json.dumps(d)) == d
# > True

# %% json bad input says where [burst]
import json
json.loads("{bad")
# > JSONDecodeError: invalid character 'b' looking for beginning of object key string: line 1 column 2 (char 1)
# > @ line 2

# %% os.path functions
import os
(os.path.join("data", "nycflights", "*.csv"), os.path.basename("a/b.csv"), os.path.dirname("a/b.csv"), os.path.join("a", "/b"))
# > ('data/nycflights/*.csv', 'b.csv', 'a', '/b')

# %% os.sep
import os
os.sep
# > '/'

# %% time functions return numbers
import time
t0 = time.time()
p0 = time.perf_counter()
time.sleep(0.01)
(time.time() >= t0, time.perf_counter() - p0 >= 0.01)
# > (True, True)

# %% os.path.splitext
import os.path
[os.path.splitext(p) for p in ["data/nycflights/1990.csv", "a.tar.gz", ".bashrc", "dir.d/file", "..x", "x.", "/"]]
# > [('data/nycflights/1990', '.csv'),
# >  ('a.tar', '.gz'),
# >  ('.bashrc', ''),
# >  ('dir.d/file', ''),
# >  ('..x', ''),
# >  ('x', '.'),
# >  ('/', '')]
