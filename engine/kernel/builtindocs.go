package kernel

import "burst/engine/session"

// The session's builtins document themselves (session.BuiltinDocs),
// replacing the entries above for the builtins it has since extended.
func init() {
	for name, doc := range session.BuiltinDocs() {
		docs[name] = doc
	}
}
