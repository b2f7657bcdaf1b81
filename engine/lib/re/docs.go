package re

// docs are the module's docstrings help() shows.
var docs = map[string]string{
	"re.compile":   "compile(pattern, flags=0)\n\nCompiles a regular expression into a Pattern. Burst's re runs on Go's RE2 engine: look-around, back-references in patterns, conditionals, possessive and atomic groups are refused by name.",
	"re.match":     "match(pattern, string, flags=0)\n\nA Match if the pattern matches at the start of string, else None.",
	"re.fullmatch": "fullmatch(pattern, string, flags=0)\n\nA Match if the pattern matches all of string, else None.",
	"re.search":    "search(pattern, string, flags=0)\n\nThe first Match of the pattern anywhere in string, or None.",
	"re.findall":   "findall(pattern, string, flags=0)\n\nAll non-overlapping matches as a list: whole matches, the group when there is one, tuples of groups when there are several.",
	"re.finditer":  "finditer(pattern, string, flags=0)\n\nThe Match objects of all non-overlapping matches.",
	"re.sub":       "sub(pattern, repl, string, count=0, flags=0)\n\nstring with matches replaced by repl: a template (\\1, \\g<1>, \\g<name>) or a function of the Match.",
	"re.subn":      "subn(pattern, repl, string, count=0, flags=0)\n\nAs sub, with the number of replacements: (new_string, n).",
	"re.split":     "split(pattern, string, maxsplit=0, flags=0)\n\nstring split at the matches; captured groups are kept in the list.",
	"re.escape":    "escape(pattern)\n\npattern with the characters special in regular expressions escaped.",
	"re.purge":     "purge()\n\nClears the cache of compiled patterns.",
}

// methodDocs document the methods of Pattern and Match.
var methodDocs = map[string]string{
	"fullmatch": "fullmatch(string, pos=0, endpos=len(string))\n\nA Match if the pattern matches all of string[pos:endpos], else None.",
	"finditer":  "finditer(string, pos=0, endpos=len(string))\n\nThe Match objects of all non-overlapping matches.",
	"findall":   "findall(string, pos=0, endpos=len(string))\n\nAll non-overlapping matches as a list (groups as tuples).",
	"subn":      "subn(repl, string, count=0)\n\nAs sub, with the number of replacements.",
	"group":     "group([group1, ...])\n\nThe text of one or more groups (by number or name); group() is the whole match.",
	"groups":    "groups(default=None)\n\nThe text of all groups, default for those that did not take part.",
	"groupdict": "groupdict(default=None)\n\nThe named groups' text by name.",
	"span":      "span(group=0)\n\n(start, end) of a group, (-1, -1) if it did not take part.",
	"expand":    "expand(template)\n\nThe template with \\1, \\g<name> replaced by the groups' text.",
}
