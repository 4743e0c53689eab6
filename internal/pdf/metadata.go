package pdf

import (
	"strings"
	"time"
)

// producer is the program named in the metadata.
const producer = "victimsite"

// xmlEscaper escapes text for XML content and attributes.
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

// appendXMP writes the XMP metadata packet (ISO 16684-1): the title in
// the document's language and as the default (PDF/UA-1 7.1 asks for
// dc:title), the language, the PDF/UA identification (ISO 14289-1, 5),
// the producer, and the creation date only if the caller gave one.
func appendXMP(b []byte, info Info) []byte {
	title := xmlEscaper.Replace(strings.Map(xmlChar, info.Title))
	lang := xmlEscaper.Replace(info.Lang)
	b = append(b, "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"+
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"+
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"+
		"<rdf:Description rdf:about=\"\"\n"+
		" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"+
		" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"+
		" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"+
		" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"+
		"<dc:format>application/pdf</dc:format>\n"+
		"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"...)
	b = append(b, title...)
	b = append(b, "</rdf:li><rdf:li xml:lang=\""...)
	b = append(b, lang...)
	b = append(b, "\">"...)
	b = append(b, title...)
	b = append(b, "</rdf:li></rdf:Alt></dc:title>\n<dc:language><rdf:Bag><rdf:li>"...)
	b = append(b, lang...)
	b = append(b, "</rdf:li></rdf:Bag></dc:language>\n<pdf:Producer>"+producer+"</pdf:Producer>\n"...)
	if !info.Created.IsZero() {
		b = append(b, "<xmp:CreateDate>"...)
		b = info.Created.AppendFormat(b, time.RFC3339)
		b = append(b, "</xmp:CreateDate>\n"...)
	}
	return append(b, "<pdfuaid:part>1</pdfuaid:part>\n"+
		"</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>"...)
}

// xmlChar replaces the control characters XML may not hold with spaces.
func xmlChar(r rune) rune {
	if r < ' ' && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF {
		return ' '
	}
	return r
}

// appendInfo writes the document information dictionary: the title, the
// producer, and the creation date only if the caller gave one.
func appendInfo(b []byte, info Info) []byte {
	b = append(b, "<</Title"...)
	b = appendTextString(b, info.Title)
	b = append(b, "/Producer("+producer+")"...)
	if !info.Created.IsZero() {
		b = append(b, "/CreationDate("...)
		b = appendPDFDate(b, info.Created)
		b = append(b, ')')
	}
	return append(b, ">>"...)
}

// appendPDFDate writes t as a PDF date, D:YYYYMMDDHHmmSS+HH'mm'
// (ISO 32000-1, 7.9.4).
func appendPDFDate(b []byte, t time.Time) []byte {
	b = t.AppendFormat(append(b, "D:"...), "20060102150405")
	_, offset := t.Zone()
	if offset == 0 {
		return append(b, 'Z')
	}
	sign := byte('+')
	if offset < 0 {
		sign, offset = '-', -offset
	}
	b = append(b, sign)
	b = appendPadded(b, offset/3600, 2)
	b = append(b, '\'')
	b = appendPadded(b, offset%3600/60, 2)
	return append(b, '\'')
}
