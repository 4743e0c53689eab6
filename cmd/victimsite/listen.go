package main

import "net"

// loopback reports whether addr can be reached from this computer only.
// The preview and the desk warn when they listen anywhere else.
func loopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
