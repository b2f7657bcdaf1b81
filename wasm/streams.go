//go:build js && wasm

package main

import (
	"strings"
	"sync"
	"time"

	"burst/engine/kernel"
)

// streamBatch joins a cell's consecutive prints into one stream output
// before they cross to the page, as Jupyter's kernels do: a loop of
// 100,000 prints is a few messages, not 100,000. What is buffered goes out
// when another kind of output comes, when it holds flushBytes, when it is
// flushEvery old (checked at each print, and by a timer for a cell that
// printed and then waits), and when the cell ends.
type streamBatch struct {
	post func(kernel.Output)

	mu    sync.Mutex
	name  string
	text  strings.Builder
	first time.Time
	timer *time.Timer
}

const (
	flushBytes = 64 << 10
	flushEvery = 50 * time.Millisecond
)

func newStreamBatch(post func(kernel.Output)) *streamBatch { return &streamBatch{post: post} }

// emit takes the kernel's next output.
func (b *streamBatch) emit(o kernel.Output) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if o.Type != "stream" {
		b.flushLocked()
		b.post(o)
		return
	}
	if b.text.Len() > 0 && b.name != o.Name {
		b.flushLocked()
	}
	if b.text.Len() == 0 {
		b.name, b.first = o.Name, time.Now()
		b.timer = time.AfterFunc(flushEvery, b.flush)
	}
	b.text.WriteString(o.Text)
	if b.text.Len() >= flushBytes || time.Since(b.first) >= flushEvery {
		b.flushLocked()
	}
}

// flush sends what is buffered.
func (b *streamBatch) flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flushLocked()
}

func (b *streamBatch) flushLocked() {
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	if b.text.Len() == 0 {
		return
	}
	o := kernel.Output{Type: "stream", Name: b.name, Text: b.text.String()}
	b.text.Reset()
	b.post(o)
}
