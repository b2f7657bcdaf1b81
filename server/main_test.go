package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"burst/server/cluster"
)

// Issue 20, item 14: without -cluster, the plan, events and session routes
// answer 503 with the configuration message, as documented.
func TestNoClusterIs503(t *testing.T) {
	root := t.TempDir()
	cm, err := cluster.New(nil, cluster.Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	defer cm.Close()
	srv := httptest.NewServer(siteHandler(root, nil, cm))
	defer srv.Close()
	for _, c := range []struct{ method, path string }{
		{"POST", "/api/cluster/session"},
		{"POST", "/api/cluster/plan"},
		{"GET", "/api/cluster/events?session=0123"},
		{"DELETE", "/api/cluster/session?session=0123"},
	} {
		req, _ := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader(`{"session": "0123", "plan": {}}`))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var e struct{ Error, Kind string }
		json.NewDecoder(resp.Body).Decode(&e)
		resp.Body.Close()
		if resp.StatusCode != 503 || e.Kind != "config" || !strings.Contains(e.Error, cluster.NoClusterMessage) {
			t.Errorf("%s %s: %d %+v", c.method, c.path, resp.StatusCode, e)
		}
	}
	resp, err := http.Get(srv.URL + "/api/cluster")
	if err != nil {
		t.Fatal(err)
	}
	var info struct{ Message string }
	json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(info.Message, cluster.NoClusterMessage) {
		t.Errorf("GET /api/cluster: %d %q", resp.StatusCode, info.Message)
	}
}
