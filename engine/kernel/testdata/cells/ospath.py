# Python's os.path and glob: pure path functions, and files of the lesson
# folder (these cells run in testdata/cells, beside ospath_files/).

# %% join
import os
(os.path.join("a", "b", "c.txt"), os.path.join("a/", "b"), os.path.join("a", "/abs", "x"), os.path.join("", "a"), os.path.join("a", ""), os.path.join("data"))
# > ('a/b/c.txt', 'a/b', '/abs/x', 'a', 'a/', 'data')

# %% split, basename, dirname
import os.path
(os.path.split("a/b/c.txt"), os.path.split("a/b/"), os.path.split("c.txt"), os.path.split("/c"), os.path.basename("a/b/"), os.path.basename("/x/y.csv"), os.path.dirname("a"), os.path.dirname("a//b"), os.path.dirname("/a"), os.path.dirname("//"))
# > (('a/b', 'c.txt'),
# >  ('a/b', ''),
# >  ('', 'c.txt'),
# >  ('/', 'c'),
# >  '',
# >  'y.csv',
# >  '',
# >  'a',
# >  '/',
# >  '//')

# %% splitext
import os
(os.path.splitext("data/file.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("a.b/c"), os.path.splitext("x."), os.path.splitext("..."))
# > (('data/file.tar', '.gz'),
# >  ('.bashrc', ''),
# >  ('a.b/c', ''),
# >  ('x', '.'),
# >  ('...', ''))

# %% normpath
import os
(os.path.normpath("a//b/../c/./d/"), os.path.normpath(""), os.path.normpath("//a"), os.path.normpath("///a"), os.path.normpath("../../x"), os.path.normpath("/../x"), os.path.normpath("a/.."), os.path.normpath("./"))
# > ('a/c/d', '.', '//a', '/a', '../../x', '/x', '.', '.')

# %% isabs, commonprefix, commonpath
import os
(os.path.isabs("/a"), os.path.isabs("a/b"), os.path.commonprefix(["interstellar", "internet", "interval"]), os.path.commonprefix([]), os.path.commonpath(["a/b/c", "a/b/d", "a/b"]), os.path.commonpath(["/usr/lib", "/usr/local/lib"]), os.path.commonpath(["a", "b"]))
# > (True, False, 'inter', '', 'a/b', '/usr', '')

# %% commonpath of nothing
import os
os.path.commonpath([])
# > ValueError: commonpath() arg is an empty sequence
# > @ line 2

# %% commonpath mixing absolute and relative
import os
os.path.commonpath(["/a", "b"])
# > ValueError: Can't mix absolute and relative paths
# > @ line 2

# %% relpath and abspath
import os
(os.path.relpath("a/b/c", "a"), os.path.relpath("a", "a/b/c"), os.path.relpath("x"), os.path.relpath(os.path.abspath("q/r")), os.path.isabs(os.path.abspath("x")), os.path.abspath("x") == os.path.join(os.getcwd(), "x"), os.path.abspath(".") == os.getcwd(), os.path.abspath("a/../b").endswith("/b"))
# > ('b/c', '../..', 'x', 'q/r', True, True, True, True)

# %% relpath of nothing
import os
os.path.relpath("")
# > ValueError: no path specified
# > @ line 2

# %% expanduser, normcase, constants
import os
(os.path.expanduser("data/x"), os.path.normcase("A/b"), os.sep, os.path.sep, os.curdir, os.pardir, os.path.extsep, os.pathsep)
# > ('data/x', 'A/b', '/', '/', '.', '..', '.', ':')

# %% path functions want strings
import os
os.path.basename(5)
# > TypeError: expected str, bytes or os.PathLike object, not int
# > @ line 2

# %% join wants strings
import os
os.path.join("a", 5)
# > TypeError: join() argument must be str, bytes, or os.PathLike object, not 'int'
# > @ line 2

# %% exists, isfile, isdir
import os
(os.path.exists("ospath_files/a.txt"), os.path.exists("ospath_files/nope.txt"), os.path.exists("ospath_files"), os.path.isfile("ospath_files/a.txt"), os.path.isfile("ospath_files/sub"), os.path.isdir("ospath_files/sub"), os.path.isdir("ospath_files/a.txt"), os.path.isdir("nope"), os.path.exists(os.path.abspath("ospath_files/b.csv")), os.path.exists("./ospath_files//sub/../a.txt"), os.path.islink("ospath_files/a.txt"))
# > (True, False, True, True, False, True, False, False, True, True, False)

# %% getsize
import os
(os.path.getsize("ospath_files/a.txt"), os.path.getsize("ospath_files/b.csv"), os.path.getsize(os.path.join("ospath_files", "sub", "deep", "d.csv")))
# > (6, 8, 8)

# %% getsize of a missing file
import os
os.path.getsize("ospath_files/missing.csv")
# > FileNotFoundError: [Errno 2] No such file or directory: 'ospath_files/missing.csv'
# > @ line 2

# %% listdir
import os
(sorted(os.listdir("ospath_files")), sorted(os.listdir("ospath_files/sub")))
# > (['.hidden.txt', 'a.txt', 'b.csv', 'sub'], ['c.txt', 'deep'])

# %% listdir of a missing folder
import os
os.listdir("ospath_files/nope")
# > FileNotFoundError: [Errno 2] No such file or directory: 'ospath_files/nope'
# > @ line 2

# %% glob
import glob
(sorted(glob.glob("ospath_files/*")), sorted(glob.glob("ospath_files/*.csv")), glob.glob("ospath_files/nope*"), sorted(glob.glob("ospath_files/?.txt")), sorted(glob.glob("ospath_files/[ab].*")), sorted(glob.glob("ospath_files/[!a].*")))
# > (['ospath_files/a.txt', 'ospath_files/b.csv', 'ospath_files/sub'],
# >  ['ospath_files/b.csv'],
# >  [],
# >  ['ospath_files/a.txt'],
# >  ['ospath_files/a.txt', 'ospath_files/b.csv'],
# >  ['ospath_files/b.csv'])

# %% glob of hidden files and folders
import glob
(glob.glob("ospath_files/.*"), sorted(glob.glob("ospath_files/*/")), glob.glob("ospath_files/sub"), glob.glob("ospath_files/sub/"), glob.glob("ospath_files/a.txt"))
# > (['ospath_files/.hidden.txt'],
# >  ['ospath_files/sub/'],
# >  ['ospath_files/sub'],
# >  ['ospath_files/sub/'],
# >  ['ospath_files/a.txt'])

# %% glob recursive
import glob
(sorted(glob.glob("ospath_files/**", recursive=True)), sorted(glob.glob("ospath_files/**/*.csv", recursive=True)), sorted(glob.glob("ospath_files/**/", recursive=True)), sorted(glob.glob("ospath_files/**/*.txt")), sorted(glob.glob("ospath_files/sub/**/*.csv", recursive=True)))
# > (['ospath_files/',
# >   'ospath_files/a.txt',
# >   'ospath_files/b.csv',
# >   'ospath_files/sub',
# >   'ospath_files/sub/c.txt',
# >   'ospath_files/sub/deep',
# >   'ospath_files/sub/deep/d.csv'],
# >  ['ospath_files/b.csv', 'ospath_files/sub/deep/d.csv'],
# >  ['ospath_files/', 'ospath_files/sub/', 'ospath_files/sub/deep/'],
# >  ['ospath_files/sub/c.txt'],
# >  ['ospath_files/sub/deep/d.csv'])

# %% glob from a root_dir, absolute, escaped
import glob, os
(sorted(glob.glob("*.txt", root_dir="ospath_files")), [os.path.relpath(p) for p in glob.glob(os.path.join(os.getcwd(), "ospath_files", "*.csv"))], glob.escape("a*b?[c]"), list(glob.iglob("ospath_files/*.csv")))
# > (['a.txt'], ['ospath_files/b.csv'], 'a[*]b[?][[]c]', ['ospath_files/b.csv'])

# %% files found by glob read with pandas
import glob
import pandas as pd
frames = [pd.read_csv(f) for f in sorted(glob.glob("ospath_files/**/*.csv", recursive=True))]
pd.concat(frames).sum().tolist()
# > [4, 6]
