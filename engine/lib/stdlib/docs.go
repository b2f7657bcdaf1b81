package stdlib

// docs are the standard modules' docstrings help() shows.
var docs = map[string]string{
	"time.sleep":           "sleep(secs)\n\nWaits secs seconds (on whichever worker runs it). An interrupt ends the wait.",
	"time.time":            "time()\n\nReturns the current time in seconds since the Unix epoch.",
	"time.perf_counter":    "perf_counter()\n\nReturns a monotonic clock in seconds, for measuring durations.",
	"time.monotonic":       "monotonic()\n\nReturns a monotonic clock in seconds.",
	"glob.glob":            "glob(pathname, recursive=False)\n\nReturns the files matching a pattern (such as data/nycflights/*.csv), sorted.",
	"os.path.join":         "join(a, *p)\n\nJoins path parts with '/'; an absolute part restarts the path.",
	"os.path.basename":     "basename(p)\n\nReturns the last part of a path.",
	"os.path.dirname":      "dirname(p)\n\nReturns a path without its last part.",
	"os.path.splitext":     "splitext(p)\n\nSplits a path into (root, ext): ext is from the last dot of its last part, and empty when there is none.",
	"json.dumps":           "dumps(obj, indent=None, sort_keys=False)\n\nThe JSON text of obj (dicts, lists, strings, numbers, booleans, None).",
	"json.loads":           "loads(s)\n\nThe Python value of a JSON text.",
	"random.seed":          "seed(a=None)\n\nStarts the generator from a (an int or a str); the same seed gives the numbers CPython gives.",
	"random.random":        "random()\n\nA float in [0, 1).",
	"random.uniform":       "uniform(a, b)\n\nA float between a and b.",
	"random.randint":       "randint(a, b)\n\nAn integer in [a, b], both included.",
	"random.randrange":     "randrange(start, stop=None, step=1)\n\nAn integer from range(start, stop, step).",
	"random.choice":        "choice(seq)\n\nOne item of a non-empty sequence.",
	"random.shuffle":       "shuffle(x)\n\nShuffles the list x in place.",
	"random.sample":        "sample(population, k)\n\nk distinct items of the population.",
	"random.gauss":         "gauss(mu=0.0, sigma=1.0)\n\nA normally distributed float.",
	"random.normalvariate": "normalvariate(mu=0.0, sigma=1.0)\n\nA normally distributed float.",
}
