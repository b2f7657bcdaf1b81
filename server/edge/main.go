//go:build js && wasm

// Command edge is Burst on Cloudflare Workers: the Worker's Go half,
// compiled to WebAssembly and started by the JS shim of
// github.com/syumai/workers. `go run ./build deploy` builds it with the
// static assets it stands behind; see the README's deploy section.
//
// The Worker serves what the assets cannot (site.Edge): /api/glob from the
// deployment's data/index.json, read through the ASSETS binding, and
// /api/cluster, proxied to BURST_UPSTREAM when that variable is set.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"syscall/js"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/fetch"

	"burst/server/site"
)

func main() {
	e := &site.Edge{
		Index:     assetsIndex,
		Transport: fetch.NewClient().HTTPClient(fetch.RedirectModeManual).Transport,
	}
	if u := cloudflare.Getenv("BURST_UPSTREAM"); u != "" && u != "undefined" {
		if up, err := url.Parse(u); err == nil && up.Host != "" {
			e.Upstream = up
		}
	}
	workers.Serve(e)
}

// assetsIndex reads data/index.json from the deployment's static assets
// through the ASSETS binding.
func assetsIndex(r *http.Request) (site.Index, error) {
	u := *r.URL
	u.Path, u.RawQuery = "/"+site.IndexPath, ""
	if u.Host == "" {
		u.Scheme, u.Host = "https", r.Host
	}
	resp, err := await(cloudflare.GetBinding("ASSETS").Call("fetch", u.String()))
	if err != nil {
		return site.Index{}, fmt.Errorf("%s: %v", site.IndexPath, err)
	}
	if s := resp.Get("status").Int(); s != http.StatusOK {
		return site.Index{}, fmt.Errorf("%s: status %d", site.IndexPath, s)
	}
	text, err := await(resp.Call("text"))
	if err != nil {
		return site.Index{}, fmt.Errorf("%s: %v", site.IndexPath, err)
	}
	var ix site.Index
	if err := json.Unmarshal([]byte(text.String()), &ix); err != nil {
		return site.Index{}, fmt.Errorf("%s: %v", site.IndexPath, err)
	}
	return ix, nil
}

// await blocks the calling goroutine until promise p settles.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	then := js.FuncOf(func(this js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	catch := js.FuncOf(func(this js.Value, args []js.Value) any {
		ch <- result{err: errors.New(args[0].Call("toString").String())}
		return nil
	})
	defer then.Release()
	defer catch.Release()
	p.Call("then", then, catch)
	r := <-ch
	return r.v, r.err
}
