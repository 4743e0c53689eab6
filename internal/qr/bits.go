package qr

// bitWriter appends bits, most significant first, to a byte slice of a
// fixed capacity.
type bitWriter struct {
	buf []byte
	n   int // bits written
}

// write appends the low width bits of v.
func (w *bitWriter) write(v, width int) {
	for i := width - 1; i >= 0; i-- {
		if v>>i&1 == 1 {
			w.buf[w.n>>3] |= 0x80 >> (w.n & 7)
		}
		w.n++
	}
}

// dataCodewords returns the data codewords of s in mode m for a version
// holding capacity of them (ISO/IEC 18004 7.4): mode indicator,
// character count, the characters, a terminator of up to four zero bits,
// zero bits to the byte, then the pad bytes 11101100 and 00010001 in
// turn.
func dataCodewords(s string, m mode, version, capacity int) []byte {
	w := bitWriter{buf: make([]byte, capacity)}
	w.write(int(m), 4)
	w.write(len(s), countBits(m, version))
	switch m {
	case numeric:
		for i := 0; i < len(s); i += 3 {
			g := s[i:min(i+3, len(s))]
			v := 0
			for j := range len(g) {
				v = v*10 + int(g[j]-'0')
			}
			w.write(v, [4]int{0, 4, 7, 10}[len(g)])
		}
	case alphanumeric:
		for i := 0; i+1 < len(s); i += 2 {
			w.write(int(alnumValue[s[i]])*45+int(alnumValue[s[i+1]]), 11)
		}
		if len(s)%2 == 1 {
			w.write(int(alnumValue[s[len(s)-1]]), 6)
		}
	default:
		for i := range len(s) {
			w.write(int(s[i]), 8)
		}
	}
	// The buffer is zeroed, so the terminator and the bits to the byte
	// boundary need only be skipped.
	w.n = min(w.n+4, capacity*8)
	for i, k := (w.n+7)/8, 0; i < capacity; i, k = i+1, k+1 {
		w.buf[i] = [2]byte{0xec, 0x11}[k%2]
	}
	return w.buf
}
