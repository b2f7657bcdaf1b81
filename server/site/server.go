package site

import (
	"net/http"
	"time"
)

// Limits are the timeouts and sizes of the http.Server that serves Burst.
type Limits struct {
	// ReadHeader bounds reading a request's line and headers: a client
	// that sends them slowly (slowloris) is cut off.
	ReadHeader time.Duration
	// Read bounds reading a whole request, body included, and Write
	// bounds the rest of it, from the end of its headers to the end of the
	// answer. Both are long: a plan of the cluster API may run its full 10
	// minutes (its timeout's ceiling) before answering, and a big dataset
	// file takes minutes on a slow link. Note that net/http cancels a
	// request's context when Read runs out while its handler is still
	// going, so a handler that lives longer (the cluster API's event
	// stream) extends its own read and write deadlines with
	// http.ResponseController (SetReadDeadline, SetWriteDeadline) as it
	// goes.
	Read, Write time.Duration
	// Idle bounds how long a kept-alive connection waits for its next
	// request.
	Idle time.Duration
	// MaxHeaderBytes bounds a request's line and headers (431 past it).
	MaxHeaderBytes int
}

// DefaultLimits are the limits of `go run ./server`.
var DefaultLimits = Limits{
	ReadHeader:     10 * time.Second,
	Read:           11 * time.Minute,
	Write:          11 * time.Minute,
	Idle:           2 * time.Minute,
	MaxHeaderBytes: 64 << 10,
}

// NewServer returns the http.Server that serves h with the limits l
// (DefaultLimits for the real server; tests shorten them).
func NewServer(h http.Handler, l Limits) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.ReadHeader,
		ReadTimeout:       l.Read,
		WriteTimeout:      l.Write,
		IdleTimeout:       l.Idle,
		MaxHeaderBytes:    l.MaxHeaderBytes,
	}
}
