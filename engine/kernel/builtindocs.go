package kernel

import "burst/engine/session"

// The session's builtins and the methods of Python's types document
// themselves (session.BuiltinDocs, session.MethodDocs), replacing the
// entries above for the builtins the session has since extended.
func init() {
	for name, doc := range session.BuiltinDocs() {
		docs[name] = doc
	}
	for name, doc := range session.MethodDocs() {
		docs[name] = doc
	}
}
