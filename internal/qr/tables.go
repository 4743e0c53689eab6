package qr

// block is the error correction layout of one version at level M
// (ISO/IEC 18004 Table 9): the data is cut into n1 blocks of d1 data
// codewords followed by n2 blocks of d2, and each block gets ec error
// correction codewords.
type block struct {
	ec, n1, d1, n2, d2 int
}

// dataBytes is the number of data codewords the version holds.
func (b block) dataBytes() int { return b.n1*b.d1 + b.n2*b.d2 }

// levelM is the block layout of versions 1 to 40 at level M; levelM[v-1]
// is version v.
var levelM = [maxVersion]block{
	{10, 1, 16, 0, 0}, {16, 1, 28, 0, 0}, {26, 1, 44, 0, 0}, {18, 2, 32, 0, 0},
	{24, 2, 43, 0, 0}, {16, 4, 27, 0, 0}, {18, 4, 31, 0, 0}, {22, 2, 38, 2, 39},
	{22, 3, 36, 2, 37}, {26, 4, 43, 1, 44}, {30, 1, 50, 4, 51}, {22, 6, 36, 2, 37},
	{22, 8, 37, 1, 38}, {24, 4, 40, 5, 41}, {24, 5, 41, 5, 42}, {28, 7, 45, 3, 46},
	{28, 10, 46, 1, 47}, {26, 9, 43, 4, 44}, {26, 3, 44, 11, 45}, {26, 3, 41, 13, 42},
	{26, 17, 42, 0, 0}, {28, 17, 46, 0, 0}, {28, 4, 47, 14, 48}, {28, 6, 45, 14, 46},
	{28, 8, 47, 13, 48}, {28, 19, 46, 4, 47}, {28, 22, 45, 3, 46}, {28, 3, 45, 23, 46},
	{28, 21, 45, 7, 46}, {28, 19, 47, 10, 48}, {28, 2, 46, 29, 47}, {28, 10, 46, 23, 47},
	{28, 14, 46, 21, 47}, {28, 14, 46, 23, 47}, {28, 12, 47, 26, 48}, {28, 6, 47, 34, 48},
	{28, 29, 46, 14, 47}, {28, 13, 46, 32, 47}, {28, 40, 47, 7, 48}, {28, 18, 47, 31, 48},
}

// alignment lists the row and column centres of the alignment patterns of
// versions 2 to 40 (ISO/IEC 18004 Annex E); alignment[v-1] is version v.
// A pattern sits at every pair of them except where a finder pattern is.
var alignment = [maxVersion][]int{
	nil, {6, 18}, {6, 22}, {6, 26}, {6, 30}, {6, 34},
	{6, 22, 38}, {6, 24, 42}, {6, 26, 46}, {6, 28, 50}, {6, 30, 54}, {6, 32, 58}, {6, 34, 62},
	{6, 26, 46, 66}, {6, 26, 48, 70}, {6, 26, 50, 74}, {6, 30, 54, 78}, {6, 30, 56, 82},
	{6, 30, 58, 86}, {6, 34, 62, 90},
	{6, 28, 50, 72, 94}, {6, 26, 50, 74, 98}, {6, 30, 54, 78, 102}, {6, 28, 54, 80, 106},
	{6, 32, 58, 84, 110}, {6, 30, 58, 86, 114}, {6, 34, 62, 90, 118},
	{6, 26, 50, 74, 98, 122}, {6, 30, 54, 78, 102, 126}, {6, 26, 52, 78, 104, 130},
	{6, 30, 56, 82, 108, 134}, {6, 34, 60, 86, 112, 138}, {6, 30, 58, 86, 114, 142},
	{6, 34, 62, 90, 118, 146},
	{6, 30, 54, 78, 102, 126, 150}, {6, 24, 50, 76, 102, 128, 154}, {6, 28, 54, 80, 106, 132, 158},
	{6, 32, 58, 84, 110, 136, 162}, {6, 26, 54, 82, 110, 138, 166}, {6, 30, 58, 86, 114, 142, 170},
}

// formatBits returns the 15-bit format information of level M and mask
// (ISO/IEC 18004 7.9): the level's bits (00 for M) and the mask number,
// a BCH(15,5) code over them, XORed with 101010000010010.
func formatBits(mask int) int {
	data := mask // level M is 00
	return bch(data, 10, 0x537) ^ 0x5412
}

// versionBits returns the 18-bit version information of versions 7 and
// up (ISO/IEC 18004 7.10): the version number and a BCH(18,6) code.
func versionBits(version int) int {
	return bch(version, 12, 0x1f25)
}

// bch appends to data the n check bits of the BCH code with generator
// poly: the remainder of data·x^n divided by poly.
func bch(data, n, poly int) int {
	rem := data << n
	deg := bitLen(poly) - 1
	for bitLen(rem)-1 >= deg {
		rem ^= poly << (bitLen(rem) - 1 - deg)
	}
	return data<<n | rem
}

// bitLen is the number of bits needed to write x.
func bitLen(x int) int {
	n := 0
	for ; x > 0; x >>= 1 {
		n++
	}
	return n
}
