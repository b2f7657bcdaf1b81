package dask

import (
	"burst/engine/session"
	"fmt"
	"html"

	"go.starlark.net/starlark"
)

// Client is dask.distributed's Client: while one exists, collections
// compute on its cluster. A Client of a remote Dask cluster has no
// cluster in this process but a session on the server's bridge (remote):
// while it is open, dd.read_csv records plans that run there.
type Client struct {
	k       *State
	cluster session.Cluster
	remote  session.Remote
	info    session.ClusterInfo
}

var _ starlark.HasAttrs = (*Client)(nil)

func (c *Client) Type() string          { return "Client" }
func (c *Client) Freeze()               {}
func (c *Client) Truth() starlark.Bool  { return true }
func (c *Client) Hash() (uint32, error) { return starlark.String(c.info.Address).Hash() }

func (c *Client) String() string {
	return fmt.Sprintf("<Client: '%s' processes=%d threads=%d, memory=%s>", c.info.Address, c.info.Workers, c.info.Threads, session.FormatBytes(c.info.Memory))
}

// HTML is the Client's notebook summary.
func (c *Client) HTML() string {
	if c.remote != nil {
		return c.remote.HTML()
	}
	return fmt.Sprintf(`<div class="burst-client"><h3>Client</h3><table>
<tr><th>Connection method</th><td>Cluster object</td><th>Cluster type</th><td>%s</td></tr>
<tr><th>Address</th><td>%s</td><th>Dashboard</th><td>beside the lesson (task stream, progress, workers)</td></tr>
<tr><th>Workers</th><td>%d</td><th>Total threads</th><td>%d</td></tr>
<tr><th>Total memory</th><td>%s</td><th></th><td></td></tr>
</table></div>`, html.EscapeString(c.info.Kind), html.EscapeString(c.info.Address), c.info.Workers, c.info.Threads, session.FormatBytes(c.info.Memory))
}

// ClientMethods are the names of a Client's methods.
func ClientMethods() []string { return clientAttrs }

var clientAttrs = []string{"close", "compute", "gather", "map", "persist", "restart", "scatter", "shutdown", "submit", "who_has"}

func (c *Client) AttrNames() []string { return clientAttrs }

func (c *Client) Attr(name string) (starlark.Value, error) {
	if c.remote != nil {
		if name == "close" || name == "shutdown" {
			return starlark.NewBuiltin("Client."+name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				if len(args) > 0 || len(kwargs) > 0 {
					return nil, fmt.Errorf("TypeError: close() takes no arguments")
				}
				k := Of(th)
				if k.client == c {
					k.setClient(nil)
				}
				return starlark.None, c.remote.Close(k.context())
			}), nil
		}
		return c.remote.ClientAttr(name)
	}
	if v, err := c.k.clientMethod(c, name); v != nil || err != nil {
		return v, err
	}
	switch name {
	case "close", "shutdown":
		return starlark.NewBuiltin("Client."+name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := session.NoArgs(b, args, kwargs); err != nil {
				return nil, err
			}
			k := Of(thread)
			if k.client == c {
				k.setClient(nil)
			}
			if c.cluster != nil {
				err := c.cluster.Close()
				c.cluster = nil
				return starlark.None, err
			}
			return starlark.None, nil
		}), nil
	}
	return nil, fmt.Errorf("AttributeError: 'Client' object has no attribute '%s'", name)
}

// newClient implements Client(n_workers=None): it starts a local cluster;
// Client("tcp://…") connects to a remote Dask cluster through the Burst
// server (Client(burst.remote()) to its default one). An earlier Client
// is closed, so a re-run cell does not leak workers or sessions.
func (k *State) newClient(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var address starlark.Value = starlark.None
	nWorkers := 0
	threads := 1
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "address?", &address, "n_workers?", &nWorkers, "threads_per_worker?", &threads); err != nil {
		return nil, err
	}
	if s, ok := address.(starlark.String); ok {
		return k.connectRemote(string(s))
	}
	lc, isCluster := address.(*LocalCluster)
	if address != starlark.None && !isCluster {
		return nil, fmt.Errorf("TypeError: Client() takes a scheduler address like \"tcp://127.0.0.1:8786\" (or burst.remote()), a LocalCluster or nothing, not %s", session.TypeName(address))
	}
	if k.client != nil && (k.client.remote != nil || k.client.cluster != nil && (lc == nil || k.client.cluster != lc.cluster)) {
		k.closeClient()
	}
	// The workers computing without a Client (and those n_jobs=-1
	// borrowed) go to the new Client.
	k.closePool()
	var cl session.Cluster
	if lc != nil {
		cl = lc.cluster
	} else {
		var err error
		if cl, err = k.s.Host().StartCluster(nWorkers); err != nil {
			return nil, err
		}
	}
	c := &Client{k: k, cluster: cl, info: cl.Info()}
	k.setClient(c)
	return c, nil
}

// LocalCluster is distributed.LocalCluster: workers started for a Client
// to connect to.
type LocalCluster struct {
	cluster session.Cluster
	info    session.ClusterInfo
}

func (c *LocalCluster) String() string {
	return fmt.Sprintf("LocalCluster(%s, workers=%d, threads=%d, memory=%s)", session.Quote(c.info.Address), c.info.Workers, c.info.Threads, session.FormatBytes(c.info.Memory))
}
func (c *LocalCluster) Type() string          { return "LocalCluster" }
func (c *LocalCluster) Freeze()               {}
func (c *LocalCluster) Truth() starlark.Bool  { return true }
func (c *LocalCluster) Hash() (uint32, error) { return starlark.String(c.info.Address).Hash() }

// newLocalCluster implements LocalCluster(n_workers=None, ...).
func (k *State) newLocalCluster(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	nWorkers := 0
	threads := 1
	var memoryLimit, processes starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "n_workers?", &nWorkers, "threads_per_worker?", &threads, "memory_limit?", &memoryLimit, "processes?", &processes); err != nil {
		return nil, err
	}
	cl, err := k.s.Host().StartCluster(nWorkers)
	if err != nil {
		return nil, err
	}
	return &LocalCluster{cluster: cl, info: cl.Info()}, nil
}

// Enter and Exit make a Client a context manager: with Client() as c:
// closes it when the block ends.
func (c *Client) Enter(*starlark.Thread) (starlark.Value, error) { return c, nil }

func (c *Client) Exit(th *starlark.Thread) error {
	if c.k != nil && c.k.client == c {
		c.k.setClient(nil)
	}
	if c.remote != nil {
		return c.remote.Close(c.k.context())
	}
	if c.cluster != nil {
		err := c.cluster.Close()
		c.cluster = nil
		return err
	}
	return nil
}

func (c *LocalCluster) Enter(*starlark.Thread) (starlark.Value, error) { return c, nil }

func (c *LocalCluster) Exit(*starlark.Thread) error { return c.cluster.Close() }

func (c *Client) PyClass() string       { return "distributed.client.Client" }
func (c *LocalCluster) PyClass() string { return "distributed.deploy.local.LocalCluster" }

// setClient makes c the open Client (nil: none), whose cluster
// collections compute on and whose remote cluster reads data.
func (k *State) setClient(c *Client) {
	k.client = c
	var cluster session.Cluster
	var remote session.Remote
	if c != nil && c.cluster != nil {
		cluster = c.cluster
	}
	if c != nil && c.remote != nil {
		remote = c.remote
	}
	k.s.SetCluster(cluster)
	k.s.SetRemote(remote)
}

// connectRemote implements Client("tcp://…"): a session on a remote Dask
// cluster through the Burst server. The open Client is closed once the
// server is known to be reachable.
func (k *State) connectRemote(address string) (*Client, error) {
	rs := k.s.Remotes()
	if rs == nil {
		return nil, fmt.Errorf("RuntimeError: this kernel cannot reach a remote Dask cluster")
	}
	r, err := rs.Connect(address, k.closeClient)
	if err != nil {
		return nil, err
	}
	c := &Client{k: k, remote: r, info: r.Info()}
	k.setClient(c)
	return c, nil
}

// CloseClient closes the open Client, local or remote, so that a new one
// replaces it.
func (k *State) CloseClient() { k.closeClient() }

func (k *State) closeClient() {
	c := k.client
	if c == nil {
		return
	}
	k.setClient(nil)
	if c.cluster != nil {
		c.cluster.Close()
		c.cluster = nil
	}
	if c.remote != nil {
		c.remote.Close(k.context())
	}
}

// Cluster is the cluster c computes on in this process; nil for a remote
// cluster's Client.
func (c *Client) Cluster() session.Cluster { return c.cluster }

// NewClient is a Client of cluster that is not the open one (the
// workers joblib's n_jobs=-1 borrows).
func (k *State) NewClient(cluster session.Cluster) *Client {
	return &Client{k: k, cluster: cluster, info: cluster.Info()}
}
