// Package hosts keeps a web server on this computer to the host names it
// was started for, so that a page elsewhere cannot reach it through DNS
// rebinding: a site that points its own name at 127.0.0.1 gets the
// browser to send requests that carry that name in their Host header,
// and is refused.
//
// A server answers the loopback names (localhost, 127.0.0.1 and [::1]) and
// the address it listens on, each with the port it listens on; when it
// listens on every address, each address this computer has; and the
// names its user gives (the -host flag of victimsite serve and desk): a
// name alone is answered on any port, as a proxy in front may send it
// without one, and a name with a port on that port only. The preview
// (package serve) and the officers' desk (package desk) use it.
package hosts

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
)

// Allowed are the host names a server answers. Its zero value answers
// none; make one with For.
type Allowed struct {
	port  string          // the port the server listens on
	local map[string]bool // names answered on port only
	names map[string]bool // names answered on any port
	exact map[string]bool // name:port pairs given by the user
}

// For returns the host names a server listening on addr answers, with
// extra, the names its user gave (see Split). It fails when addr is not
// a TCP address.
func For(addr net.Addr, extra []string) (*Allowed, error) {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return nil, fmt.Errorf("hosts: %s is not a TCP address", addr)
	}
	a := &Allowed{
		port:  fmt.Sprint(tcp.Port),
		local: map[string]bool{"localhost": true, "127.0.0.1": true, "[::1]": true},
		names: map[string]bool{},
		exact: map[string]bool{},
	}
	switch {
	case tcp.IP.IsUnspecified():
		a.addInterfaces()
	case tcp.IP != nil:
		a.local[literal(tcp.IP)] = true
	}
	for _, h := range extra {
		name, port, err := parse(h)
		if err != nil {
			return nil, err
		}
		if port == "" {
			a.names[name] = true
		} else {
			a.exact[name+":"+port] = true
		}
	}
	return a, nil
}

// addInterfaces allows every address of this computer, for a server that
// listens on all of them.
func (a *Allowed) addInterfaces() {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return // the loopback names still work
	}
	for _, ad := range addrs {
		if n, ok := ad.(*net.IPNet); ok {
			a.local[literal(n.IP)] = true
		}
	}
}

// literal writes an IP address as it appears in a Host header.
func literal(ip net.IP) string {
	if ip.To4() != nil {
		return ip.String()
	}
	return "[" + ip.String() + "]"
}

// Allows reports whether a request with this Host header is answered.
func (a *Allowed) Allows(host string) bool {
	if a == nil {
		return false
	}
	name, port, err := parse(host)
	if err != nil {
		return false
	}
	if port == "" {
		port = "80" // what a browser leaves out of the Host header
	}
	return a.names[name] || a.exact[name+":"+port] || (a.local[name] && port == a.port)
}

// Handler answers requests whose Host is allowed with next, and every
// other with 421 Misdirected Request and a plain message that names no
// address but the loopback one.
func (a *Allowed) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.Allows(r.Host) {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/plain; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		w.WriteHeader(http.StatusMisdirectedRequest)
		fmt.Fprintf(w, "This server answers only to the names it was started for, such as localhost:%s.\n"+
			"If you opened it by another name on purpose, start it again with -host NAME.\n", a.port)
	})
}

// Split reads the values of a -host flag: names separated by commas, each
// a host name or an IP address, with or without a port. It returns them
// as given, checked.
func Split(value string) ([]string, error) {
	var out []string
	for _, h := range strings.Split(value, ",") {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		if _, _, err := parse(h); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	if len(out) == 0 {
		return nil, errors.New("give a host name, such as desk.example.org, or several separated by commas")
	}
	return out, nil
}

// parse splits a Host header or a -host value into its name, in lower
// case with IPv6 addresses in brackets, and its port ("" when it has
// none).
func parse(h string) (name, port string, err error) {
	h = strings.ToLower(strings.TrimSpace(h))
	if strings.ContainsAny(h, "/\\") {
		return "", "", fmt.Errorf("%q is not a host name such as desk.example.org: leave out http:// and any path", h)
	}
	name = h
	if ip := net.ParseIP(h); ip != nil && strings.Contains(h, ":") {
		return "[" + ip.String() + "]", "", nil // a bare IPv6 address
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.HasSuffix(h, "]") {
		name, port = h[:i], h[i+1:]
		if !digits(port) {
			return "", "", fmt.Errorf("%q: the port after the colon must be a number", h)
		}
	}
	if strings.HasPrefix(name, "[") {
		ip := net.ParseIP(strings.TrimSuffix(strings.TrimPrefix(name, "["), "]"))
		if ip == nil || !strings.HasSuffix(name, "]") {
			return "", "", fmt.Errorf("%q is not an IPv6 address in brackets, such as [::1]", h)
		}
		return "[" + ip.String() + "]", port, nil
	}
	name = strings.TrimSuffix(name, ".")
	if name == "" || strings.ContainsAny(name, "@ []%?#:") {
		return "", "", fmt.Errorf("%q is not a host name such as desk.example.org (no scheme, path or spaces)", h)
	}
	return name, port, nil
}

func digits(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
