// Package remotetest is a fake of the Burst server's cluster API for
// tests of the remote backend: it records the plans sent and answers with
// canned results. (The real API over a real cluster: TestKernelOnCluster
// in server/cluster.)
package remotetest

import (
	"context"
	"encoding/json"
)

// Server answers the cluster API's requests (remote.Transport's methods)
// for a cluster tcp://10.0.0.1:8786 of two workers.
type Server struct {
	Plans   []string // the plans sent, as JSON
	Answer  string   // the next plan's result JSON
	Status  int      // and its status, if not 200
	Deleted bool     // whether the session was closed
}

// ClusterRequest answers one request of the cluster API.
func (f *Server) ClusterRequest(_ context.Context, method, path string, body []byte) (int, []byte, error) {
	switch {
	case method == "GET" && path == "/api/cluster":
		return 200, []byte(`{"clusters": [{"address": "tcp://10.0.0.1:8786", "default": true}], "default": "tcp://10.0.0.1:8786"}`), nil
	case method == "POST" && path == "/api/cluster/session":
		return 200, []byte(`{"session": "s1", "address": "tcp://10.0.0.1:8786", "scheduler": "tcp://10.0.0.1:8786", "id": "Scheduler-1",
			"workers": [{"address": "tcp://10.0.0.2:4000", "name": "a", "nthreads": 4, "memory_limit": 8000000000},
			            {"address": "tcp://10.0.0.3:4000", "name": 1, "nthreads": 4, "memory_limit": 8000000000}],
			"nworkers": 2, "nthreads": 8, "memory": 16000000000, "events": false}`), nil
	case method == "POST" && path == "/api/cluster/plan":
		var req struct {
			Session string          `json:"session"`
			Plan    json.RawMessage `json:"plan"`
		}
		json.Unmarshal(body, &req)
		f.Plans = append(f.Plans, string(req.Plan))
		if f.Status != 0 {
			return f.Status, []byte(f.Answer), nil
		}
		return 200, []byte(`{"result": ` + f.Answer + `, "seconds": 0.1}`), nil
	case method == "DELETE":
		f.Deleted = path == "/api/cluster/session?session=s1"
		return 200, []byte(`{"closed": true}`), nil
	}
	return 404, []byte(`{"error": "ValueError: no such API"}`), nil
}

// ClusterEvents subscribes to nothing: the fake cluster sends no events.
func (f *Server) ClusterEvents(string) (func(), error) { return func() {}, nil }
