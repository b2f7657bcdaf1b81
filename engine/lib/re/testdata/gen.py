"""Write cases.json: random patterns and strings with what CPython's re
gives for them (findall, sub, split, or an error), for re_test.go to
compare Burst's re with. Run with Debian's Python: /usr/bin/python3 gen.py

The patterns use only constructs Burst's re translates (no look-around,
no back-references, no possessive quantifiers).
"""
import json
import random
import re

random.seed(18)
tokens = ["a", "b", "ab", ".", r"\d", r"\w", r"\s", r"\W", r"\b", r"\B", "^", "$", "*", "+", "?", "*?", "+?", "??",
          "{1,2}", "{2}", "{,2}", "|", "(", ")", "(?:", "[ab]", "[^a]", r"[\w.]", " ", "é", r"\.", "1", "[a-c]", "(?i:A)", r"\A", r"\Z"]
chars = "ab é1_.AB\n-\n\x0b"
cases = []
valid = errors = 0
while valid < 500:
    p = "".join(random.choice(tokens) for _ in range(random.randint(1, 7)))
    if "(?P" in p or re.search(r"[*+?}]\+", p):
        continue  # named groups repeat; possessive quantifiers are refused
    s = "".join(random.choice(chars) for _ in range(random.randint(0, 12)))
    flags = random.choice([0, 0, 0, re.I, re.M, re.S, re.A])
    case = {"p": p, "s": s, "flags": flags}
    try:
        r = re.compile(p, flags)
        case["findall"] = repr(r.findall(s))
        case["sub"] = repr(r.sub("<\\g<0>>", s))
        case["split"] = repr(r.split(s))
        m = r.search(s)
        case["search"] = repr(m.span() if m else None)
        m = r.match(s)
        case["match"] = repr(m.span() if m else None)
        m = r.fullmatch(s)
        case["fullmatch"] = repr(m.span() if m else None)
        valid += 1
    except re.error as e:
        if errors >= 150:
            continue
        errors += 1
        case["error"] = str(e)
    cases.append(case)
# $ before a final newline in texts with other newlines.
for p in [r"\d+$", r"\w$", r"$", r"(\w+)\s*$", r"a|b$", r"\s$", r".$", r"^.*$", r"x?$", r"(?:b\n)?$", r"\n$"]:
    for s in ["a 1\nb 22\n", "ab\n\n", "\n", "a\nb", "b\nb\n"]:
        for flags in [0, re.S]:
            r = re.compile(p, flags)
            m, f = r.search(s), r.fullmatch(s)
            cases.append({"p": p, "s": s, "flags": flags, "findall": repr(r.findall(s)), "sub": repr(r.sub("<\\g<0>>", s)),
                          "split": repr(r.split(s)), "search": repr(m.span() if m else None),
                          "match": repr(r.match(s).span() if r.match(s) else None), "fullmatch": repr(f.span() if f else None)})
open("cases.json", "w").write("[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases) + "\n]\n")
