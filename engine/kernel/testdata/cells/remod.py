# Python's re module (Burst's runs on Go's RE2: what it lacks is refused by name).

# %% match and search
import re
(re.match(r"\d+", "123abc"), re.match(r"\d+", "abc123"), re.search(r"\d+", "abc123def"))
# > (<re.Match object; span=(0, 3), match='123'>, None, <re.Match object; span=(3, 6), match='123'>)

# %% fullmatch
import re
(re.fullmatch(r"\w+", "hello"), re.fullmatch(r"\w+", "hello world"), re.fullmatch("a|ab", "ab"))
# > (<re.Match object; span=(0, 5), match='hello'>, None, <re.Match object; span=(0, 2), match='ab'>)

# %% match object groups
import re
m = re.match(r"(\w+) (\w+)(!)?", "Isaac Newton, physicist")
(m.group(0), m.group(1), m.group(2), m.group(1, 2), m.groups(), m.groups("-"), m[1], m[0], m.group(3))
# > ('Isaac Newton',
# >  'Isaac',
# >  'Newton',
# >  ('Isaac', 'Newton'),
# >  ('Isaac', 'Newton', None),
# >  ('Isaac', 'Newton', '-'),
# >  'Isaac',
# >  'Isaac Newton',
# >  None)

# %% named groups
import re
m = re.search(r"(?P<first>\w+) (?P<last>\w+)", "Malcolm Reynolds")
(m.group("first"), m["last"], m.groupdict(), m.start("last"), m.end("last"), m.span(), m.lastindex, m.lastgroup)
# > ('Malcolm',
# >  'Reynolds',
# >  {'first': 'Malcolm', 'last': 'Reynolds'},
# >  8,
# >  16,
# >  (0, 16),
# >  2,
# >  'last')

# %% match positions and attributes
import re
m = re.search(r"b+", "aabbbcc")
(m.start(), m.end(), m.span(), m.string, m.re, m.pos, m.endpos, bool(m))
# > (2, 5, (2, 5), 'aabbbcc', re.compile('b+'), 0, 7, True)

# %% match repr and truthiness in an if
import re
m = re.match("abc", "abcdef")
if m:
    print("matched", m)
re.match("x", "abc") is None
# > matched <re.Match object; span=(0, 3), match='abc'>
# > True

# %% no such group
import re
re.match("(a)", "a").group(2)
# > IndexError: no such group
# > @ line 2

# %% findall without groups, with one, with several
import re
s = "John: 555-1234, Jane: 555-9876"
(re.findall(r"\d{3}-\d{4}", s), re.findall(r"(\w+): \d", s), re.findall(r"(\w+): (\d+)-(\d+)", s))
# > (['555-1234', '555-9876'],
# >  ['John', 'Jane'],
# >  [('John', '555', '1234'), ('Jane', '555', '9876')])

# %% findall with empty matches
import re
(re.findall(r"\w*", "ab c"), re.findall(r"x*", "axb"), re.findall("", "ab"))
# > (['ab', '', 'c', ''], ['', 'x', '', ''], ['', '', ''])

# %% finditer
import re
[(m.group(), m.span()) for m in re.finditer(r"\d+", "a1b22c333")]
# > [('1', (1, 2)), ('22', (3, 5)), ('333', (6, 9))]

# %% sub with a string
import re
(re.sub(r"\s+", " ", "a   b \t c"), re.sub("a", "b", "aaa", count=2), re.sub("x*", "-", "abxd"))
# > ('a b c', 'bba', '-a-b--d-')

# %% sub with group references
import re
(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@example"), re.sub(r"(?P<y>\d{4})-(?P<m>\d\d)", r"\g<m>/\g<y>", "2024-03"), re.sub(r"(\d)", r"<\g<1>0>", "a1b2"))
# > ('example at joe', '03/2024', 'a<10>b<20>')

# %% sub with a function
import re
def double(m):
    return str(int(m.group()) * 2)
(re.sub(r"\d+", double, "a1 b22 c3"), re.sub(r"[aeiou]", lambda m: m.group().upper(), "banana"))
# > ('a2 b44 c6', 'bAnAnA')

# %% subn
import re
(re.subn(r"o", "0", "foo boo"), re.subn(r"z", "0", "foo", count=1))
# > (('f00 b00', 4), ('foo', 0))

# %% sub with escapes in the template
import re
re.sub(",", r"\n", "a,b") == "a\nb"
# > True

# %% sub invalid group reference
import re
re.sub("(a)", r"\2", "a")
# > error: invalid group reference 2 at position 1
# > @ line 2

# %% sub bad escape in the template
import re
re.sub("a", r"\q", "a")
# > error: bad escape \q at position 0
# > @ line 2

# %% sub unknown group name
import re
re.sub("(?P<x>a)", r"\g<y>", "a")
# > IndexError: unknown group name 'y'
# > @ line 2

# %% split
import re
(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."), re.split(r"\W+", "a, b, c, d", maxsplit=2), re.split(r"[,;]\s*", "a,b; c"))
# > (['Words', 'words', 'words', ''],
# >  ['Words', ', ', 'words', '.', ''],
# >  ['a', 'b', 'c, d'],
# >  ['a', 'b', 'c'])

# %% split with optional groups and empty matches
import re
(re.split(r"(a)|b", "xaybz"), re.split(r"\b", "hi you"), re.split("x*", "axbc"))
# > (['x', 'a', 'y', None, 'z'],
# >  ['', 'hi', ' ', 'you', ''],
# >  ['', 'a', '', 'b', 'c', ''])

# %% escape
import re
(re.escape("a.b*c"), re.escape("1+1=2"), re.escape("a b-c#d"), re.search(re.escape("$5.00"), "it costs $5.00").span())
# > ('a\\.b\\*c', '1\\+1=2', 'a\\ b\\-c\\#d', (9, 14))

# %% flags IGNORECASE MULTILINE DOTALL
import re
(re.findall("a", "aAa", re.I), re.findall(r"^\w", "ab\ncd", re.M), re.findall(r"^\w", "ab\ncd"), re.match("a.b", "a\nb", re.S), re.match("a.b", "a\nb"), re.findall("A", "aA", flags=re.IGNORECASE | re.MULTILINE))
# > (['a', 'A', 'a'], ['a', 'c'], ['a'], <re.Match object; span=(0, 3), match='a\nb'>, None, ['a', 'A'])

# %% VERBOSE
import re
pat = re.compile(r"""
    (\d{3})   # area code
    [-\s]?    # separator
    (\d{4})   # number
""", re.VERBOSE)
(pat.findall("call 555-1234 or 555 9876"), re.match(r"a\ b # comment", "a b", re.X))
# > ([('555', '1234'), ('555', '9876')], <re.Match object; span=(0, 3), match='a b'>)

# %% ASCII and Unicode classes
import re
(re.findall(r"\w+", "café naïve"), re.findall(r"\w+", "café", re.ASCII), re.findall(r"\d", "٣3"), re.findall(r"\d", "٣3", re.A))
# > (['café', 'naïve'], ['caf'], ['٣', '3'], ['3'])

# %% inline flags
import re
(re.findall("(?i)abc", "ABC abc"), re.match("(?s)a.b", "a\nb").group(), re.findall("(?i:a)b", "Ab AB ab"))
# > (['ABC', 'abc'], 'a\nb', ['Ab', 'ab'])

# %% compiled pattern methods and attributes
import re
p = re.compile(r"(?P<word>\w+)-(\d+)", re.IGNORECASE)
(p.pattern, p.flags, p.groups, dict(p.groupindex), p.match("ab-12").groups(), p.search("x ab-1").start(), p.findall("a-1 b-2"), p.sub(r"\2", "a-1"), p.split("x a-1 y"), p.fullmatch("a-1") is not None)
# > ('(?P<word>\\w+)-(\\d+)',
# >  34,
# >  2,
# >  {'word': 1},
# >  ('ab', '12'),
# >  2,
# >  [('a', '1'), ('b', '2')],
# >  '1',
# >  ['x ', 'a', '1', ' y'],
# >  True)

# %% compiled pattern reprs
import re
(re.compile("a+"), re.compile("a", re.I | re.M), re.compile(r"\d", re.A), re.compile("x", re.S | re.X))
# > (re.compile('a+'), re.compile('a', re.IGNORECASE|re.MULTILINE), re.compile('\\d', re.ASCII), re.compile('x', re.DOTALL|re.VERBOSE))

# %% pattern match and search with pos and endpos
import re
p = re.compile(r"\w+")
(p.match("ab cd", 3), p.search("ab cd", 1, 4), p.findall("ab cd ef", 2, 7), re.compile("^a").search("ba", 1))
# > (<re.Match object; span=(3, 5), match='cd'>, <re.Match object; span=(1, 2), match='b'>, ['cd', 'e'], None)

# %% match expand
import re
m = re.match(r"(?P<a>\w+) (\w+)", "hello world")
m.expand(r"\2, \g<a>!")
# > 'world, hello!'

# %% Unicode positions
import re
m = re.search("é+", "caféé!")
(m.span(), m.group(), [m.start() for m in re.finditer("b", "äbcäb")])
# > ((3, 5), 'éé', [1, 4])

# %% unmatched optional groups
import re
m = re.match(r"(a)?(b)", "b")
(m.groups(), m.span(1), m.start(1), re.sub(r"(a)?b", r"[\1]", "b"), re.findall(r"(a)?(b)", "b ab"))
# > ((None, 'b'), (-1, -1), -1, '[]', [('', 'b'), ('a', 'b')])

# %% quantifiers braces and laziness
import re
(re.findall(r"a{2}", "aaaaa"), re.findall(r"a{,2}", "aaa"), re.findall(r"a{2,}", "a aa aaa"), re.match(r"<.*?>", "<a><b>").group(), re.findall("x{", "x{y"), re.search(r"\Aab\Z", "ab").group())
# > (['aa', 'aa'], ['aa', 'a', ''], ['aa', 'aaa'], '<a>', ['x{'], 'ab')

# %% isinstance and type of a match
import re
m = re.match("a", "a")
(type(m), type(re.compile("a")))
# > (<class 're.Match'>, <class 're.Pattern'>)

# %% unterminated group
import re
re.compile("(ab")
# > error: missing ), unterminated subpattern at position 0
# > @ line 2

# %% unbalanced parenthesis
import re
re.compile("ab)")
# > error: unbalanced parenthesis at position 2
# > @ line 2

# %% unterminated character set
import re
re.compile("[ab")
# > error: unterminated character set at position 0
# > @ line 2

# %% nothing to repeat
import re
re.compile("*a")
# > error: nothing to repeat at position 0
# > @ line 2

# %% multiple repeat
import re
re.compile("a**")
# > error: multiple repeat at position 2
# > @ line 2

# %% bad escape
import re
re.compile(r"a\z")
# > error: bad escape \z at position 1
# > @ line 2

# %% search with a non-string
import re
re.search("a", 5)
# > TypeError: expected string or bytes-like object, got 'int'
# > @ line 2

# %% flags with a compiled pattern
import re
re.search(re.compile("a"), "a", re.I)
# > ValueError: cannot process flags argument with a compiled pattern
# > @ line 2

# %% look-ahead is refused [burst]
import re
re.search(r"foo(?=bar)", "foobar")
# > error: Burst's re has no look-ahead assertions (?=...) (its engine is Go's RE2, which matches in linear time without them); match more and check the rest in Python
# > @ line 2

# %% negative look-ahead is refused [burst]
import re
re.compile(r"a(?!b)")
# > error: Burst's re has no negative look-ahead assertions (?!...) (its engine is Go's RE2, which matches in linear time without them); match more and check the rest in Python
# > @ line 2

# %% look-behind is refused [burst]
import re
re.findall(r"(?<=\$)\d+", "$5 and $10")
# > error: Burst's re has no look-behind assertions (?<=...) (its engine is Go's RE2, which matches in linear time without them); capture what comes before in a group instead
# > @ line 2

# %% negative look-behind is refused [burst]
import re
re.findall(r"(?<!-)\d", "-1 2")
# > error: Burst's re has no negative look-behind assertions (?<!...) (its engine is Go's RE2, which matches in linear time without them); capture what comes before in a group and check it in Python
# > @ line 2

# %% back-references are refused [burst]
import re
re.search(r"(\w)\1", "hello")
# > error: Burst's re has no back-references (\1) in patterns (its engine is Go's RE2, which matches in linear time without them); capture the group and compare it in Python
# > @ line 2

# %% named back-references are refused [burst]
import re
re.search(r"(?P<c>\w)(?P=c)", "hello")
# > error: Burst's re has no back-references (?P=name) in patterns (its engine is Go's RE2, which matches in linear time without them); capture the group and compare it in Python
# > @ line 2

# %% conditionals are refused [burst]
import re
re.compile(r"(<)?a(?(1)>)")
# > error: Burst's re has no conditional groups (?(id)yes|no) (its engine is Go's RE2, which matches in linear time without them); use two patterns
# > @ line 2

# %% possessive and atomic groups are refused [burst]
import re
re.compile(r"a*+")
# > error: Burst's re has no possessive quantifiers (*+, ++, ?+, {m,n}+) (its engine is Go's RE2, which matches in linear time without them); use the plain quantifier
# > @ line 2

# %% atomic groups are refused [burst]
import re
re.compile(r"(?>ab)")
# > error: Burst's re has no atomic groups (?>...) (its engine is Go's RE2, which matches in linear time without them); use a plain group (?:...)
# > @ line 2

# %% character class edge cases
import re
(re.findall(r"[[]", "a[b"), re.findall(r"[]a]", "]ab"), re.findall(r"[^]]+", "ab]cd"), re.findall(r"[\w.-]+@[\w.-]+", "x a.b-c@d.org y"), re.findall(r"[\s]", "a\vb c"), re.findall(r"[\d,]+", "1,234 and 5"))
# > (['['],
# >  [']', 'a'],
# >  ['ab', 'cd'],
# >  ['a.b-c@d.org'],
# >  ['\x0b', ' '],
# >  ['1,234', '5'])

# %% inline verbose and comments
import re
(re.findall(r"(?x) \d+  # digits", "a12b3"), re.findall(r"a(?#note)b", "ab"), re.sub(r"\u00e9", "e", "café"), re.findall(r"\x41", "ABA"))
# > (['12', '3'], ['ab'], 'cafe', ['A', 'A'])

# %% typical data cleaning
import re
text = "Price: $1,234.50; Tax: $99.99 (est.)"
amounts = [float(a.replace(",", "")) for a in re.findall(r"\$([\d,]+\.\d\d)", text)]
words = re.sub(r"[^\w\s]", "", "Hello, World! It's 2024.").lower().split()
(amounts, words, re.split(r"\s*[;:]\s*", text)[1])
# > ([1234.5, 99.99], ['hello', 'world', 'its', '2024'], '$1,234.50')

# %% word boundaries in ASCII text
import re
(re.findall(r"\bthe\b", "the other then the"), re.sub(r"\b(\w)", lambda m: m.group(1).upper(), "hello big world"), re.split(r"\b", "a-b"))
# > (['the', 'the'], 'Hello Big World', ['', 'a', '-', 'b', ''])

# %% empty matches after empty matches
import re
(re.findall(r"|a1", "xa1"), re.findall(r"\w*?", "ab"), re.sub(r"(a)|", "-", "bab"))
# > (['', '', 'a1', ''], ['', 'a', '', 'b', ''], '-b--b-')

# %% word boundaries in non-ASCII text are refused [burst]
import re
re.findall(r"\b\w+\b", "café au lait")
# > error: Burst's re finds word boundaries (\b, \B) only around ASCII letters and digits (its engine is Go's RE2), and this text has 'é': pass re.ASCII to accept that, or match the words with \w+ instead
# > @ line 2

# %% word boundaries with re.ASCII in non-ASCII text
import re
re.findall(r"\b\w+\b", "café au lait", re.ASCII)
# > ['caf', 'au', 'lait']

# %% dollar before a final newline
import re
lines = ["total 12\n", "n/a\n", "x 7"]
([re.search(r"(\d+)$", l) and re.search(r"(\d+)$", l).group(1) for l in lines], re.findall(r"\w$", "ab\n"), re.findall(r"\w$", "ab\ncd\n", re.M), re.sub("$", "!", "hi\n"), re.findall(r"\d+$", "a 1\nb 22\n"))
# > (['12', None, '7'], ['b'], ['b', 'd'], 'hi!\n!', ['22'])

# %% Pattern and Match classes
import re
m = re.match("a", "a")
(isinstance(m, re.Match), isinstance(re.compile("a"), re.Pattern), isinstance("a", re.Pattern), re.Pattern, re.Match, re.error)
# > (True, True, False, <class 're.Pattern'>, <class 're.Match'>, <class 're.error'>)

# %% long patterns and matches in reprs
import re
(re.compile("a" * 300), re.match("a*", "a" * 100))
# > (re.compile('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa), <re.Match object; span=(0, 100), match='aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa>)
