//go:build js && wasm

package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"syscall/js"

	"burst/engine/files"
	"burst/wasm/promise"
)

// bytesOf copies a JS ArrayBuffer or Uint8Array into Go memory.
func bytesOf(v js.Value) []byte {
	u8 := v
	if !v.InstanceOf(js.Global().Get("Uint8Array")) {
		u8 = js.Global().Get("Uint8Array").New(v)
	}
	b := make([]byte, u8.Get("length").Int())
	js.CopyBytesToGo(b, u8)
	return b
}

// jsBytes copies b into a new Uint8Array.
func jsBytes(b []byte) js.Value {
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	return u8
}

// fetchFS reads files from the Burst server: "data/x.csv" is
// origin/data/x.csv; ranges use HTTP Range requests.
type fetchFS struct {
	origin string
	// cache keeps the files this worker read (256 MB at most): the
	// server confirms each time that a file is unchanged (304), and its
	// bytes do not cross the browser's network stack again.
	cache *files.Cache
}

var _ files.FS = fetchFS{}

func newFetchFS() fetchFS {
	return fetchFS{origin: js.Global().Get("location").Get("origin").String(), cache: files.NewCache(256 << 20)}
}

func (f fetchFS) get(name string, header map[string]string) ([]byte, error) {
	n, err := files.Clean(name)
	if err != nil {
		return nil, err
	}
	u := f.origin + "/" + (&url.URL{Path: n}).EscapedPath()
	key := u + "|" + header["Range"]
	hdr := map[string]any{}
	for k, v := range header {
		hdr[k] = v
	}
	cached, stamp, ok := f.cache.Get(key)
	if ok {
		// Still the same file? The server answers 304 without a body.
		hdr["If-Modified-Since"] = stamp
	}
	resp, err := promise.Await(js.Global().Call("fetch", u, map[string]any{"headers": hdr}))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	status := resp.Get("status").Int()
	switch {
	case status == 304 && ok:
		return cached, nil
	case status == 404:
		return nil, fmt.Errorf("FileNotFoundError: [Errno 2] No such file or directory: %q", name)
	case status >= 400:
		return nil, fmt.Errorf("%s: the server answered %d %s", name, status, resp.Get("statusText").String())
	}
	ab, err := promise.Await(resp.Call("arrayBuffer"))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	b := bytesOf(ab)
	if m := resp.Get("headers").Call("get", "Last-Modified"); !m.IsNull() {
		f.cache.Put(key, b, m.String())
	}
	return b, nil
}

func (f fetchFS) ReadFile(name string) ([]byte, error) { return f.get(name, nil) }

func (f fetchFS) ReadRange(name string, off, n int64) ([]byte, error) {
	b, err := f.get(name, map[string]string{"Range": fmt.Sprintf("bytes=%d-%d", off, off+n-1)})
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > n { // a server that ignored Range
		end := min(off+n, int64(len(b)))
		b = b[min(off, end):end]
	}
	return b, nil
}

func (f fetchFS) Glob(pattern string) ([]string, error) {
	p, err := files.Clean(pattern)
	if err != nil {
		return nil, err
	}
	resp, err := promise.Await(js.Global().Call("fetch", f.origin+"/api/glob?pattern="+url.QueryEscape(p)))
	if err != nil {
		return nil, fmt.Errorf("listing %s: %v", pattern, err)
	}
	text, err := promise.Await(resp.Call("text"))
	if err != nil {
		return nil, err
	}
	if resp.Get("status").Int() != 200 {
		return nil, fmt.Errorf("listing %s: %s", pattern, text.String())
	}
	var names []string
	if err := json.Unmarshal([]byte(text.String()), &names); err != nil {
		return nil, fmt.Errorf("listing %s: %v", pattern, err)
	}
	return names, nil
}

// Size asks the server for name's length with a HEAD request, so that
// read_csv can split big files into blocks.
func (f fetchFS) Size(name string) (int64, error) {
	n, err := files.Clean(name)
	if err != nil {
		return 0, err
	}
	u := f.origin + "/" + (&url.URL{Path: n}).EscapedPath()
	resp, err := promise.Await(js.Global().Call("fetch", u, map[string]any{"method": "HEAD"}))
	if err != nil {
		return 0, fmt.Errorf("%s: %v", name, err)
	}
	if s := resp.Get("status").Int(); s == 404 {
		return 0, fmt.Errorf("FileNotFoundError: [Errno 2] No such file or directory: %q", name)
	} else if s >= 400 {
		return 0, fmt.Errorf("%s: the server answered %d", name, s)
	}
	if l := resp.Get("headers").Call("get", "Content-Length"); !l.IsNull() {
		var size int64
		fmt.Sscan(l.String(), &size)
		return size, nil
	}
	// Some hosts answer HEAD without a length (workerd's static assets):
	// ask for the first byte, whose answer gives the size either way.
	resp, err = promise.Await(js.Global().Call("fetch", u, map[string]any{"headers": map[string]any{"Range": "bytes=0-0"}}))
	if err != nil {
		return 0, fmt.Errorf("%s: %v", name, err)
	}
	defer func() {
		if body := resp.Get("body"); body.Truthy() {
			body.Call("cancel")
		}
	}()
	var size int64
	if cr := resp.Get("headers").Call("get", "Content-Range"); resp.Get("status").Int() == 206 && !cr.IsNull() {
		if i := strings.LastIndexByte(cr.String(), '/'); i >= 0 {
			fmt.Sscan(cr.String()[i+1:], &size)
		}
	} else if l := resp.Get("headers").Call("get", "Content-Length"); resp.Get("status").Int() == 200 && !l.IsNull() {
		fmt.Sscan(l.String(), &size)
	}
	return size, nil // 0 if unknown: read whole files
}
