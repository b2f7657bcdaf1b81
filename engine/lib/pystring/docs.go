package pystring

// docs are the string module's docstrings help() shows.
var docs = map[string]string{
	"string.capwords": "capwords(s, sep=None)\n\nSplits s into words by sep (whitespace without it), capitalizes each word and joins them with sep (a space without it).",
	"string.Template": "Template(template)\n\nA string with $name and ${name} placeholders ($$ is a $). t.substitute(mapping={}, /, **kws) fills them (KeyError for a missing one); t.safe_substitute(...) leaves missing ones as they are; t.get_identifiers() and t.is_valid() inspect them.",
}
