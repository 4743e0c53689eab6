package qr

// gfExp and gfLog are the antilogarithms and logarithms of GF(256) with
// the QR code's primitive polynomial x⁸+x⁴+x³+x²+1 (285): gfExp[i] is αⁱ,
// gfLog[αⁱ] is i. gfExp is doubled so a sum of two logarithms needs no
// modulo.
var gfExp, gfLog = gfTables()

func gfTables() (exp [510]byte, log [256]int) {
	x := 1
	for i := range 255 {
		exp[i], exp[i+255] = byte(x), byte(x)
		log[x] = i
		x <<= 1
		if x >= 256 {
			x ^= 285
		}
	}
	return exp, log
}

// gfMul multiplies a and b in GF(256).
func gfMul(a, b byte) byte {
	if a == 0 || b == 0 {
		return 0
	}
	return gfExp[gfLog[a]+gfLog[b]]
}

// generator returns the Reed-Solomon generator polynomial of degree n,
// (x-α⁰)(x-α¹)…(x-αⁿ⁻¹), highest power first; its leading 1 is left
// out, so g has n coefficients.
func generator(n int) []byte {
	g := make([]byte, n+1)
	g[0] = 1
	for i := range n {
		// multiply g, of degree i, by (x + αⁱ)
		for j := i + 1; j > 0; j-- {
			g[j] ^= gfMul(g[j-1], gfExp[i])
		}
	}
	return g[1:]
}

// eccInto writes to ecc the Reed-Solomon check codewords of data for
// the generator gen (from generator, len(ecc) coefficients): the
// remainder of data·xⁿ divided by the generator, by long division.
func eccInto(ecc, data, gen []byte) {
	clear(ecc)
	n := len(ecc)
	for _, d := range data {
		f := d ^ ecc[0]
		copy(ecc, ecc[1:])
		ecc[n-1] = 0
		if f == 0 {
			continue
		}
		lf := gfLog[f]
		for i, g := range gen {
			if g != 0 {
				ecc[i] ^= gfExp[gfLog[g]+lf]
			}
		}
	}
}

// codewords returns the final sequence of codewords of data for a
// version with layout b (ISO/IEC 18004 7.6): the data cut into blocks,
// each block's error correction computed, then the data codewords of
// all blocks interleaved, followed by their error correction codewords
// interleaved.
func codewords(data []byte, b block) []byte {
	nb := b.n1 + b.n2
	out := make([]byte, len(data)+nb*b.ec)
	gen := generator(b.ec)
	ecc := make([]byte, b.ec)
	start := 0
	for i := range nb {
		size := b.d1
		if i >= b.n1 {
			size = b.d2
		}
		blk := data[start : start+size]
		// data codeword j of block i comes after j codewords of every
		// block, less those of the shorter group-1 blocks that ran out.
		for j, c := range blk {
			pos := j*nb + i
			if j == b.d1 { // only group-2 blocks have this codeword
				pos = j*nb - b.n1 + i
			}
			out[pos] = c
		}
		eccInto(ecc, blk, gen)
		for j, c := range ecc {
			out[len(data)+j*nb+i] = c
		}
		start += size
	}
	return out
}
