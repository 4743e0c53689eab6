package main

import (
	"flag"
	"net"
	"strings"

	"victimsite/internal/hosts"
)

// loopback reports whether addr can be reached from this computer only.
// The preview and the desk warn when they listen anywhere else.
func loopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// hostNames is the -host flag of serve and desk: the host names a server
// answers besides the loopback names and the address it listens on. It
// may be given more than once, and each value may list several names
// separated by commas.
type hostNames []string

func (h *hostNames) register(fl *flag.FlagSet) {
	fl.Var(h, "host", "a host `NAME` to answer besides localhost, 127.0.0.1, [::1] and the -addr address, such as desk.example.org (repeat it or separate names with commas); requests sent to any other name are refused, against DNS rebinding")
}

func (h *hostNames) String() string { return strings.Join(*h, ",") }

func (h *hostNames) Set(value string) error {
	names, err := hosts.Split(value)
	if err != nil {
		return err
	}
	*h = append(*h, names...)
	return nil
}
