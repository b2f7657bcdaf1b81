# Every method of Python's str, with CPython's results and errors.

# %% capitalize
("hello WORLD".capitalize(), "ßa".capitalize(), "".capitalize(), "1abc".capitalize())
# > ('Hello world', 'Ssa', '', '1abc')

# %% casefold
("Straße".casefold(), "HeLLo".casefold())
# > ('strasse', 'hello')

# %% center
("ab".center(5), "a".center(4), "abc".center(6, "*"), "abc".center(2), "".center(3, "-"))
# > ('  ab ', ' a  ', '*abc**', 'abc', '---')

# %% center fill must be one character
"abc".center(9, "ab")
# > TypeError: The fill character must be exactly one character long
# > @ line 1

# %% count
("banana".count("a"), "banana".count("an"), "banana".count("a", 2), "banana".count("a", 2, 4), "abc".count(""), "aaaa".count("aa"), "banana".count("a", -2))
# > (3, 2, 2, 1, 4, 2, 1)

# %% encode
("héllo".encode(), "abc".encode("ascii"), "é".encode("latin-1"), "x€".encode("ascii", "replace"), "ab".encode("utf-8").decode())
# > (b'h\xc3\xa9llo', b'abc', b'\xe9', b'x?', 'ab')

# %% encode error
"héllo".encode("ascii")
# > UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in position 1: ordinal not in range(128)
# > @ line 1

# %% endswith
("report.csv".endswith(".csv"), "report.csv".endswith((".txt", ".csv")), "abcdef".endswith("cd", 0, 4), "abc".endswith(""), "abc".endswith("c", 5))
# > (True, True, True, True, False)

# %% expandtabs
("a\tbc\td".expandtabs(), "a\tb".expandtabs(4), "ab\ncd\te".expandtabs(2), "\t".expandtabs(0))
# > ('a       bc      d', 'a   b', 'ab\ncd  e', '')

# %% find
("banana".find("an"), "banana".find("an", 2), "banana".find("x"), "banana".find("a", -3), "banana".find("", 10), "héllo".find("l"))
# > (1, 3, -1, 3, -1, 2)

# %% format positional and automatic
("{} + {} = {}".format(1, 2, 3), "{1} {0} {1}".format("a", "b"), "{{literal}} {}".format(7))
# > ('1 + 2 = 3', 'b a b', '{literal} 7')

# %% format keywords, attributes and indexes
d = {"k": [10, 20]}
("{name} is {age}".format(name="Ann", age=7), "{0[k][1]}".format(d), "{d[k]}".format(d=d), "{0.real}".format(5))
# > ('Ann is 7', '20', '[10, 20]', '5')

# %% format conversions
("{!r} {!s} {!a}".format("é", "x", "é"), "{0!r:>8}|{0!a}".format("é"))
# > ("'é' x '\\xe9'", "     'é'|'\\xe9'")

# %% format nested spec
("{:{w}.{p}f}".format(3.14159, w=10, p=2), "{:{}{}}".format("x", ">", 4), "{0:{fill}^{width}}".format("mid", fill="*", width=9))
# > ('      3.14', '   x', '***mid***')

# %% format mixing automatic and manual numbering
"{} {1}".format(1, 2)
# > ValueError: cannot switch from automatic field numbering to manual field specification
# > @ line 1

# %% format missing index
"{} {}".format(1)
# > IndexError: Replacement index 1 out of range for positional args tuple
# > @ line 1

# %% format missing keyword
"{name}".format(nom=1)
# > KeyError: 'name'
# > @ line 1

# %% format single brace
"a } b".format()
# > ValueError: Single '}' encountered in format string
# > @ line 1

# %% format_map
("{a}-{b}".format_map({"a": 1, "b": 2}), "{x:>4}".format_map({"x": "y"}))
# > ('1-2', '   y')

# %% index
("banana".index("n"), "banana".index("n", 3), "banana".rindex("a"))
# > (2, 4, 5)

# %% index not found
"banana".index("x")
# > ValueError: substring not found
# > @ line 1

# %% rindex not found
"banana".rindex("x", 0, 2)
# > ValueError: substring not found
# > @ line 1

# %% isalnum isalpha isascii
("abc123".isalnum(), "abc 1".isalnum(), "abc".isalpha(), "ab1".isalpha(), "".isalpha(), "abc".isascii(), "é".isascii(), "".isascii())
# > (True, False, True, False, False, True, False, True)

# %% isdecimal isdigit isnumeric
("123".isdecimal(), "²".isdecimal(), "²".isdigit(), "½".isnumeric(), "½".isdigit(), "12a".isnumeric(), "".isdigit())
# > (True, False, True, True, False, False, False)

# %% isidentifier
("abc".isidentifier(), "_x1".isidentifier(), "1x".isidentifier(), "a-b".isidentifier(), "".isidentifier(), "été".isidentifier())
# > (True, True, False, False, False, True)

# %% islower isupper
("abc".islower(), "aBc".islower(), "123".islower(), "ABC1".isupper(), "AbC".isupper())
# > (True, False, False, True, False)

# %% isprintable isspace
("abc def".isprintable(), "a\nb".isprintable(), "".isprintable(), " \t\n".isspace(), "".isspace(), " a ".isspace())
# > (True, False, True, True, False, False)

# %% istitle
("Hello World".istitle(), "Hello world".istitle(), "HELLO".istitle(), "Hello2World".istitle(), "".istitle(), "They'Re".istitle())
# > (True, False, False, True, False, True)

# %% join
("-".join(["a", "b", "c"]), "".join("abc"), ", ".join(("x", "y")), "+".join(str(i) for i in range(3)), "x".join([]))
# > ('a-b-c', 'abc', 'x, y', '0+1+2', '')

# %% join needs strings
" ".join(["a", 1])
# > TypeError: sequence item 1: expected str instance, int found
# > @ line 1

# %% ljust rjust
("ab".ljust(5, "."), "ab".rjust(5), "abc".ljust(1), "7".rjust(3, "0"))
# > ('ab...', '   ab', 'abc', '007')

# %% lower upper swapcase
("HeLLo".lower(), "straße".upper(), "HeLLo wORLD".swapcase())
# > ('hello', 'STRASSE', 'hEllO World')

# %% strip lstrip rstrip
("  hi  ".strip(), "xxhixx".strip("x"), "  hi".lstrip(), "hi!!".rstrip("!"), "abcba".strip("ab"))
# > ('hi', 'hi', 'hi', 'hi', 'c')

# %% maketrans and translate
t = str.maketrans("abc", "xyz", "d")
("abcd".translate(t), "hello".translate({ord("l"): None, ord("h"): "J"}), str.maketrans({"a": "1"}), "abc".translate(str.maketrans({"a": "AA"})))
# > ('xyz', 'Jeo', {97: '1'}, 'AAbc')

# %% maketrans lengths must match
str.maketrans("ab", "x")
# > ValueError: the first two maketrans arguments must have equal length
# > @ line 1

# %% partition rpartition
("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
# > (('a', '=', 'b=c'), ('a=b', '=', 'c'), ('abc', '', ''), ('', '', 'abc'))

# %% removeprefix removesuffix
("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "abc".removeprefix("x"))
# > ('name', 'name', 'abc')

# %% replace
("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"))
# > ('bbb', 'bba', '-a-b-c-')

# %% rfind
("banana".rfind("a"), "banana".rfind("a", 0, 3), "banana".rfind("x"))
# > (5, 1, -1)

# %% split
("a b  c".split(), " a b ".split(" "), "a,b,,c".split(","), "a,b,c".split(",", 1), "a b c".split(maxsplit=1), "a-b-c".split(sep="-", maxsplit=1), "".split(), "".split(","))
# > (['a', 'b', 'c'],
# >  ['', 'a', 'b', ''],
# >  ['a', 'b', '', 'c'],
# >  ['a', 'b,c'],
# >  ['a', 'b c'],
# >  ['a', 'b-c'],
# >  [],
# >  [''])

# %% split empty separator
"abc".split("")
# > ValueError: empty separator
# > @ line 1

# %% rsplit
("a b c".rsplit(None, 1), "a,b,c".rsplit(",", 1), "  a  b  ".rsplit(maxsplit=1), "a.b.c".rsplit("."))
# > (['a b', 'c'], ['a,b', 'c'], ['  a', 'b'], ['a', 'b', 'c'])

# %% splitlines
("a\nb\r\nc\rd".splitlines(), "a\nb\n".splitlines(keepends=True), "".splitlines(), "x\x0by\x1cz".splitlines(), "a\n\nb".splitlines())
# > (['a', 'b', 'c', 'd'], ['a\n', 'b\n'], [], ['x', 'y', 'z'], ['a', '', 'b'])

# %% startswith
("hello".startswith("he"), "hello".startswith(("x", "h")), "hello".startswith("l", 2), "hello".startswith("ll", 2, 3), "hello".startswith(""))
# > (True, True, True, False, True)

# %% startswith wants a str or a tuple
"hello".startswith(["h"])
# > TypeError: startswith first arg must be str or a tuple of str, not list
# > @ line 1

# %% title
("hello world".title(), "they're bill's".title(), "3rd place".title(), "HELLO".title())
# > ('Hello World', "They'Re Bill'S", '3Rd Place', 'Hello')

# %% zfill
("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
# > ('00042', '-0042', '+007', 'abc', '000')

# %% unbound str methods
(list(map(str.upper, ["a", "b"])), sorted(["b", "A", "c"], key=str.lower), str.join("-", ["x", "y"]), str.strip("  s "))
# > (['A', 'B'], ['A', 'b', 'c'], 'x-y', 's')

# %% unbound method wants a str
str.upper(5)
# > TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
# > @ line 1

# %% string methods on a code point basis
s = "héllo wörld"
(len(s), s.find("w"), s.index("ö"), s.center(15, "*"), s.upper(), s.title())
# > (11, 6, 7, '**héllo wörld**', 'HÉLLO WÖRLD', 'Héllo Wörld')

# %% strip with None and unicode whitespace
("  x ".strip(None), " x".lstrip(None), "x\u2003".rstrip(), "xyxhixy".strip("yx"), "é é".strip("é"))
# > ('x', 'x', 'x', 'hi', ' ')

# %% partition with an empty separator
"abc".partition("")
# > ValueError: empty separator
# > @ line 1

# %% rpartition with an empty separator
"abc".rpartition("")
# > ValueError: empty separator
# > @ line 1

# %% strip wants str or None
"abc".strip(1)
# > TypeError: strip arg must be None or str
# > @ line 1
