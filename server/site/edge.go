package site

import (
	"fmt"
	"net/http"
	"net/http/httputil"
	"net/url"
	"path"
	"strings"
)

// Edge serves a Cloudflare Workers deployment of Burst (server/edge). Its
// static files, the datasets among them, are Workers static assets, sent
// before the Worker runs and with the headers of their _headers file, so
// only what no asset answers reaches Edge: /api/glob, answered from the
// deployment's data index, and /api/cluster, /class/new and /api/class/…,
// passed on to an upstream Burst server when one is configured (a Worker
// cannot run the Python bridge to Dask, and a class lives in the memory of
// one long-lived process: see the README's "Classes").
type Edge struct {
	// Index returns the deployment's data index (data/index.json among the
	// assets).
	Index func(r *http.Request) (Index, error)
	// Upstream is the Burst server that serves the cluster API (when
	// started with -cluster) and the classes for this deployment
	// (BURST_UPSTREAM); nil when there is none.
	Upstream *url.URL
	// Transport makes the requests to Upstream: on Workers, the runtime's
	// fetch.
	Transport http.RoundTripper
}

// NoUpstream is what the cluster API says on a deployment without an
// upstream server.
const NoUpstream = "RuntimeError: this Burst deployment has no Dask cluster: " +
	"set BURST_UPSTREAM to a Burst server started with -cluster (`go run ./build deploy -upstream https://…`, or the vars of wrangler.jsonc)"

// NoClassUpstream is what /class/new and the class API say on a deployment
// without an upstream server.
const NoClassUpstream = "this Burst deployment has no class server: set BURST_UPSTREAM to a Burst server (README: deploy)"

func (e *Edge) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	Isolate(w.Header())
	if msg := badPath(r); msg != "" {
		http.Error(w, msg, http.StatusBadRequest)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	switch {
	case r.URL.Path == "/api/cluster" || strings.HasPrefix(r.URL.Path, "/api/cluster/"):
		e.cluster(w, r)
	case isClassPath(r.URL.Path):
		e.class(w, r)
	case p == "/api/glob" && r.Method != http.MethodGet && r.Method != http.MethodHead:
		notAllowed(w)
	case p == "/api/glob":
		serveGlob(w, r, func(pattern string) ([]string, error) {
			ix, err := e.Index(r)
			if err != nil {
				return nil, fmt.Errorf("the deployment's data index: %v", err)
			}
			return ix.Glob(pattern)
		})
	case p == "/":
		http.Redirect(w, r, "/index.html", http.StatusTemporaryRedirect)
	case path.Ext(p) == "" && !strings.HasPrefix(p, "/api/"):
		// A page named without .html, as the Go server takes it: the
		// assets are published under their file names.
		http.Redirect(w, r, p+".html", http.StatusTemporaryRedirect)
	default:
		http.NotFound(w, r)
	}
}

// cluster proxies the cluster API to the upstream server, streaming (the
// session's events are server-sent events), or says there is none.
func (e *Edge) cluster(w http.ResponseWriter, r *http.Request) {
	if e.Upstream == nil {
		noCluster(w, r, NoUpstream)
		return
	}
	e.proxy(func(w http.ResponseWriter, err error) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprintf(w, `{"error": %q, "kind": "config"}`, "RuntimeError: this deployment's cluster server ("+e.Upstream.Host+") did not answer: "+err.Error())
	}).ServeHTTP(w, r)
}

// class proxies /class/new and the class API to the upstream server, the
// instructor's event stream streamed, or says there is none.
func (e *Edge) class(w http.ResponseWriter, r *http.Request) {
	if e.Upstream == nil {
		w.Header().Set("Cache-Control", "no-store")
		http.Error(w, NoClassUpstream, http.StatusServiceUnavailable)
		return
	}
	e.proxy(func(w http.ResponseWriter, err error) {
		http.Error(w, "this deployment's class server ("+e.Upstream.Host+") did not answer: "+err.Error(), http.StatusBadGateway)
	}).ServeHTTP(w, r)
}

// proxy is a reverse proxy to the upstream server that flushes every
// write (server-sent events pass as they come) and answers a failure to
// reach it with fail.
func (e *Edge) proxy(fail func(w http.ResponseWriter, err error)) *httputil.ReverseProxy {
	up := e.Upstream
	return &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(up)
			pr.SetXForwarded()
			// On Workers the learner's address comes in a header: the
			// upstream counts sessions per learner with it.
			if ip := pr.In.Header.Get("CF-Connecting-IP"); ip != "" {
				pr.Out.Header.Set("X-Forwarded-For", ip)
			}
		},
		Transport:     e.Transport,
		FlushInterval: -1,
		// Edge has set the headers every response carries (Isolate); the
		// upstream, a Burst server, sends them too, and the proxy adds
		// rather than replaces: drop the upstream's copies.
		ModifyResponse: func(resp *http.Response) error {
			set := http.Header{}
			Isolate(set)
			for k := range set {
				resp.Header.Del(k)
			}
			return nil
		},
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) { fail(w, err) },
	}
}
