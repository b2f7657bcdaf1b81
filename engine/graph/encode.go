package graph

import (
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends t's JSON — what encoding/json writes for it — to b.
// A web worker is sent thousands of tasks a second, and encoding/json
// re-validates every stage's Params; here they are copied as they are,
// since they were written by encoding/json in the first place (NewStage).
func (t *Task) AppendJSON(b []byte) []byte {
	b = append(b, `{"key":`...)
	b = AppendString(b, string(t.Key))
	if len(t.Deps) > 0 {
		b = append(b, `,"deps":[`...)
		for i, d := range t.Deps {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendString(b, string(d))
		}
		b = append(b, ']')
	}
	b = append(b, `,"stages":`...)
	if t.Stages == nil {
		return append(b, "null}"...)
	}
	b = append(b, '[')
	for i, s := range t.Stages {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"op":`...)
		b = AppendString(b, s.Op)
		if len(s.Params) > 0 {
			b = append(b, `,"params":`...)
			b = append(b, s.Params...)
		}
		if len(s.Args) > 0 {
			b = append(b, `,"args":[`...)
			for j, a := range s.Args {
				if j > 0 {
					b = append(b, ',')
				}
				b = strconv.AppendInt(b, int64(a), 10)
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// AppendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD,
// as with encoding/json.
func AppendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
