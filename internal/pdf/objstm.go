package pdf

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Most objects of a tagged PDF are small dictionaries: structure
// elements, annotations, fonts. Written one by one with a cross-reference
// table they take half of a leaflet. Packed into one compressed object
// stream, with a cross-reference stream to find them (ISO 32000-1,
// 7.5.7 and 7.5.8, PDF 1.5 and later), they take a fifth of that.

// packer collects the bodies of the objects that go into the object
// stream.
type packer struct {
	inStream bool   // a stream is being written: streams are never packed
	data     []byte // the bodies, one after the other
	index    []packed
	n, start int // the object being written, and where its body starts in buf
}

// packed is where one object is in the object stream.
type packed struct{ n, offset int }

func (p *packer) begin(n, start int) { p.n, p.start = n, start }

// end moves the body written since begin out of buf into the stream.
func (p *packer) end(buf []byte) []byte {
	p.index = append(p.index, packed{p.n, len(p.data)})
	p.data = append(append(p.data, buf[p.start:]...), '\n')
	return buf[:p.start]
}

// Cross-reference stream fields (ISO 32000-1, table 18): type, then
// offset or object stream number, then generation or index.
const xrefW1, xrefW2, xrefW3 = 1, 4, 2

// finish writes the object stream, then the cross-reference stream
// that the trailer's entries go into, and the end of the file. The file
// identifier is a hash of everything before the cross-reference stream,
// so the same document always gets the same /ID (ISO 32000-1, 14.4,
// allows any method).
func (w *objects) finish(root, info int) []byte {
	stm := w.alloc()
	var head []byte
	for _, e := range w.packed.index {
		head = strconv.AppendInt(head, int64(e.n), 10)
		head = append(head, ' ')
		head = strconv.AppendInt(head, int64(e.offset), 10)
		head = append(head, ' ')
	}
	dict := append([]byte("/Type/ObjStm/N "), strconv.Itoa(len(w.packed.index))...)
	dict = append(append(dict, "/First "...), strconv.Itoa(len(head))...)
	w.stream(stm, dict, append(head, w.packed.data...), true)

	sum := sha256.Sum256(w.buf)
	id := hex.EncodeToString(sum[:16])
	xref := w.alloc()
	w.offsets[xref-1] = len(w.buf)
	where := make(map[int]int, len(w.packed.index))
	for i, e := range w.packed.index {
		where[e.n] = i
	}
	table := make([]byte, 0, (len(w.offsets)+1)*(xrefW1+xrefW2+xrefW3))
	table = appendXref(table, 0, 0, 0xffff)
	for i, off := range w.offsets {
		if k, ok := where[i+1]; ok {
			table = appendXref(table, 2, stm, k)
		} else {
			table = appendXref(table, 1, off, 0)
		}
	}
	table = upPredict(table, xrefW1+xrefW2+xrefW3)
	size := strconv.Itoa(len(w.offsets) + 1)
	d := append([]byte("/Type/XRef/Size "), size...)
	d = append(d, "/W["+strconv.Itoa(xrefW1)+" "+strconv.Itoa(xrefW2)+" "+strconv.Itoa(xrefW3)+"]/DecodeParms<</Predictor 12/Columns "+strconv.Itoa(xrefW1+xrefW2+xrefW3)+">>/Root "...)
	d = append(appendRef(d, root), "/Info "...)
	d = append(appendRef(d, info), "/ID[<"...)
	d = append(append(append(append(d, id...), "><"...), id...), ">]"...)
	w.stream(xref, d, table, true)
	w.buf = append(w.buf, "startxref\n"...)
	w.buf = strconv.AppendInt(w.buf, int64(w.offsets[xref-1]), 10)
	w.buf = append(w.buf, "\n%%EOF\n"...)
	return w.buf
}

// appendXref writes one cross-reference stream entry, big-endian.
func appendXref(b []byte, typ, f2, f3 int) []byte {
	b = append(b, byte(typ))
	b = append(b, byte(f2>>24), byte(f2>>16), byte(f2>>8), byte(f2))
	return append(b, byte(f3>>8), byte(f3))
}

// upPredict applies the PNG Up predictor to rows of the given width
// (ISO 32000-1, 7.4.4.4, Predictor 12): each row begins with its filter
// type, 2, and holds each byte's difference from the byte above it. The
// entries of a cross-reference table differ from the one before in a
// byte or two, so what is left is mostly zeros: the stream is a third of
// its size.
func upPredict(table []byte, width int) []byte {
	out := make([]byte, 0, len(table)+len(table)/width)
	for i := 0; i < len(table); i += width {
		out = append(out, 2)
		for j := i; j < i+width; j++ {
			prev := byte(0)
			if j >= width {
				prev = table[j-width]
			}
			out = append(out, table[j]-prev)
		}
	}
	return out
}
