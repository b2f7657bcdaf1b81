//go:build !js

package kernel

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"burst/engine/lib/remote"
	"burst/engine/sched"
)

// NativeHost reaches the Burst server's cluster API with net/http; the
// browser's host does the same with fetch (wasm/remote.go). Not built for
// js/wasm, whose binary has no net/http.
var _ remote.Transport = (*NativeHost)(nil)

// ClusterRequest implements remote.Transport.
func (h *NativeHost) ClusterRequest(ctx context.Context, method, path string, body []byte) (int, []byte, error) {
	if h.Server == "" {
		return 0, nil, remote.ErrNoServer
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimSuffix(h.Server, "/")+path, rd)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// ClusterEvents implements remote.Transport: the session's events go to OnEvent
// (none are asked for without it).
func (h *NativeHost) ClusterEvents(session string) (func(), error) {
	if h.Server == "" {
		return nil, remote.ErrNoServer
	}
	on := h.OnEvent
	if on == nil {
		return func() {}, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, "GET", strings.TrimSuffix(h.Server, "/")+"/api/cluster/events?session="+session, nil)
	if err != nil {
		cancel()
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		return nil, err
	}
	if resp.StatusCode != 200 {
		resp.Body.Close()
		cancel()
		return nil, fmt.Errorf("the event stream answered %d", resp.StatusCode)
	}
	ready := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer resp.Body.Close()
		readEvents(resp.Body, func() { close(ready) }, on)
	}()
	select {
	case <-ready:
	case <-done:
	case <-time.After(10 * time.Second):
	}
	return func() {
		cancel()
		<-done
	}, nil
}

// readEvents reads a Server-Sent Events stream of the cluster API: ready
// is called on its "ready" event, on with each task event.
func readEvents(r io.Reader, ready func(), on func(sched.Event)) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	name := ""
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			switch name {
			case "ready":
				ready()
			case "closed":
				return
			case "":
				var ev sched.Event
				if json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev) == nil {
					on(ev)
				}
			}
		case line == "":
			name = ""
		}
	}
}
