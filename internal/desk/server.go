package desk

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"victimsite/internal/hosts"
)

// The server's limits. A leaflet takes milliseconds to make, so even a
// queue of them finishes well inside the write timeout; a client that
// sends its request slowly is cut off rather than holding a connection.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 32 << 10
	shutdownTimeout   = 10 * time.Second
)

// Serve serves h on ln until ctx ends, then stops taking requests and
// lets those in flight finish (for up to 10 seconds). It answers only
// requests sent to the loopback names or the address it listens on, or
// to one of names (see package hosts); any other gets 421.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, names []string) error {
	allowed, err := hosts.For(ln.Addr(), names)
	if err != nil {
		return err
	}
	srv := newServer(allowed.Handler(h))
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		if serr := srv.Shutdown(shut); serr != nil {
			srv.Close()
		}
		err = <-served
	case err = <-served:
	}
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// newServer is the http.Server for h, with its timeouts. The server's own
// error log is dropped: a message about a malformed request can quote the
// request, and the desk logs nothing about the people in a leaflet.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
}
