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
	"fmt"
	"net/http"
	"net/url"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/fetch"

	"burst/server/site"
	"burst/wasm/promise"
)

func main() {
	e := &site.Edge{
		Index:     assetsIndex,
		Transport: noNullBody{fetch.NewClient().HTTPClient(fetch.RedirectModeManual).Transport},
	}
	if u := cloudflare.Getenv("BURST_UPSTREAM"); u != "" && u != "undefined" {
		if up, err := url.Parse(u); err == nil && up.Host != "" {
			e.Upstream = up
		}
	}
	workers.Serve(e)
}

// noNullBody mends a response that has no body (a class event's 204):
// syumai/workers' fetch gives it a Body over the JS Response's null
// body, whose first read never returns, and the Worker is cancelled as
// hung. Such a body is empty by definition: it becomes http.NoBody.
type noNullBody struct{ rt http.RoundTripper }

func (t noNullBody) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNoContent || resp.StatusCode == http.StatusNotModified || req.Method == http.MethodHead {
		resp.Body.Close()
		resp.Body = http.NoBody
	}
	return resp, nil
}

// assetsIndex reads data/index.json from the deployment's static assets
// through the ASSETS binding.
func assetsIndex(r *http.Request) (site.Index, error) {
	u := *r.URL
	u.Path, u.RawQuery = "/"+site.IndexPath, ""
	if u.Host == "" {
		u.Scheme, u.Host = "https", r.Host
	}
	resp, err := promise.Await(cloudflare.GetBinding("ASSETS").Call("fetch", u.String()))
	if err != nil {
		return site.Index{}, fmt.Errorf("%s: %v", site.IndexPath, err)
	}
	if s := resp.Get("status").Int(); s != http.StatusOK {
		return site.Index{}, fmt.Errorf("%s: status %d", site.IndexPath, s)
	}
	text, err := promise.Await(resp.Call("text"))
	if err != nil {
		return site.Index{}, fmt.Errorf("%s: %v", site.IndexPath, err)
	}
	var ix site.Index
	if err := json.Unmarshal([]byte(text.String()), &ix); err != nil {
		return site.Index{}, fmt.Errorf("%s: %v", site.IndexPath, err)
	}
	return ix, nil
}
