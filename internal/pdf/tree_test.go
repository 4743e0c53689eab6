package pdf

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// parsed is a PDF as qpdf reads it (qpdf --json, version 2): objects by
// reference ("12 0 R"), each a value (names "/X", strings "u:text",
// references "n 0 R") or a stream with its decoded data.
type parsed struct {
	t       *testing.T
	objects map[string]struct {
		Value  any `json:"value"`
		Stream struct {
			Dict map[string]any `json:"dict"`
			Data string         `json:"data"`
		} `json:"stream"`
	}
}

// readWithQPDF parses a PDF with qpdf, an independent reader.
func readWithQPDF(t *testing.T, pdf []byte) *parsed {
	out, _ := runTool(t, pdf, "qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized")
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.QPDF) != 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	p := &parsed{t: t}
	if err := json.Unmarshal(doc.QPDF[1], &p.objects); err != nil {
		t.Fatal(err)
	}
	return p
}

// dict returns the dictionary at ref (a stream's dictionary for a stream).
func (p *parsed) dict(ref any) map[string]any {
	p.t.Helper()
	key := "trailer"
	if ref != "trailer" {
		key = "obj:" + ref.(string)
	}
	o, ok := p.objects[key]
	if !ok {
		p.t.Fatalf("no object %v", ref)
	}
	if d, ok := o.Value.(map[string]any); ok {
		return d
	}
	return o.Stream.Dict
}

// data returns a stream's decoded data.
func (p *parsed) data(ref any) string {
	p.t.Helper()
	b, err := base64.StdEncoding.DecodeString(p.objects["obj:"+ref.(string)].Stream.Data)
	if err != nil {
		p.t.Fatal(err)
	}
	return string(b)
}

// element is a structure element as the walk finds it.
type element struct {
	ref, role, lang, alt, actualText string
	mcids                            []string // "page:mcid", in order
	annots                           []string // annotation refs (OBJR)
	attrs                            map[string]any
}

// walk lists the structure elements under ref in reading order.
func (p *parsed) walk(ref any, out []element) []element {
	d := p.dict(ref)
	e := element{ref: ref.(string), role: fmt.Sprint(d["/S"]), lang: str(d["/Lang"]), alt: str(d["/Alt"]), actualText: str(d["/ActualText"])}
	e.attrs, _ = d["/A"].(map[string]any)
	out = append(out, e)
	at := len(out) - 1
	for _, k := range d["/K"].([]any) {
		switch k := k.(type) {
		case float64:
			out[at].mcids = append(out[at].mcids, fmt.Sprintf("%v:%v", d["/Pg"], k))
		case string:
			out = p.walk(k, out)
		case map[string]any:
			if k["/Type"] == "/OBJR" {
				out[at].annots = append(out[at].annots, k["/Obj"].(string))
			} else {
				out[at].mcids = append(out[at].mcids, fmt.Sprintf("%v:%v", k["/Pg"], k["/MCID"]))
			}
		}
	}
	return out
}

// str reads a qpdf text string ("u:...").
func str(v any) string {
	s, _ := v.(string)
	return strings.TrimPrefix(s, "u:")
}

// bdc finds the marked-content sequences of a content stream.
var bdc = regexp.MustCompile(`/(\w+)<</MCID (\d+)>>BDC`)

// TestStructureTree reads the rich document back with qpdf and walks it:
// the elements in reading order with their attributes; every MCID in the
// content streams tagged with its element's role and led back to that
// element by the ParentTree; every link annotation an OBJR in its Link
// element, led back by its StructParent; the catalog and page entries
// PDF/UA asks for.
func TestStructureTree(t *testing.T) {
	p := readWithQPDF(t, write(t, richDocument(t, true)))
	catalog := p.dict(p.dict("trailer")["/Root"])
	if catalog["/Lang"] != "u:en-GB" || fmt.Sprint(catalog["/MarkInfo"]) != "map[/Marked:true]" || fmt.Sprint(catalog["/ViewerPreferences"]) != "map[/DisplayDocTitle:true]" {
		t.Errorf("catalog: got %v", catalog)
	}
	xmp := p.data(catalog["/Metadata"])
	for _, want := range []string{"<pdfuaid:part>1</pdfuaid:part>", `<rdf:li xml:lang="x-default">Contact us</rdf:li>`, "<rdf:li>en-GB</rdf:li>"} {
		if !strings.Contains(xmp, want) {
			t.Errorf("XMP lacks %s", want)
		}
	}
	root := p.dict(catalog["/StructTreeRoot"])
	elems := p.walk(root["/K"], nil)
	var roles []string
	for _, e := range elems {
		roles = append(roles, strings.TrimPrefix(e.role, "/"))
	}
	if want := "Document H1 P Table TR TH TD Note P Link"; strings.Join(roles, " ") != want {
		t.Errorf("got elements %s, want %s", strings.Join(roles, " "), want)
	}
	ar, th, note, link := elems[2], elems[5], elems[7], elems[9]
	if ar.lang != "ar" || ar.actualText != arabicText || elems[1].lang != "" {
		t.Errorf("got the Arabic P with Lang %q, ActualText %q (H1 Lang %q); want ar, %q, none", ar.lang, ar.actualText, elems[1].lang, arabicText)
	}
	if fmt.Sprint(th.attrs) != "map[/O:/Table /Scope:/Row]" || note.ref == "" {
		t.Errorf("got TH attributes %v", th.attrs)
	}
	if id := p.dict(note.ref)["/ID"]; id != "u:note-1" {
		t.Errorf("got the Note's /ID %v, want note-1", id)
	}
	parents := p.parentTree(root)
	checkContent(t, p, elems, parents)
	checkLinks(t, p, link, parents, 2)
	if next := root["/ParentTreeNextKey"]; next != float64(len(parents)) {
		t.Errorf("got ParentTreeNextKey %v, want %d", next, len(parents))
	}
}

// parentTree reads the parent tree's /Nums into key -> value.
func (p *parsed) parentTree(root map[string]any) map[int]any {
	nums := p.dict(root["/ParentTree"])["/Nums"].([]any)
	tree := map[int]any{}
	for i := 0; i+1 < len(nums); i += 2 {
		tree[int(nums[i].(float64))] = nums[i+1]
	}
	return tree
}

// checkContent checks, page by page, that the MCIDs in the content stream
// run 0, 1, 2..., that each is tagged with the role of the element whose
// /K holds it, and that the page's ParentTree array leads back there.
func checkContent(t *testing.T, p *parsed, elems []element, parents map[int]any) {
	owner := map[string]element{}
	for _, e := range elems {
		for _, m := range e.mcids {
			owner[m] = e
		}
	}
	seen := 0
	for _, page := range p.dict(p.dict(p.dict("trailer")["/Root"])["/Pages"])["/Kids"].([]any) {
		pg := p.dict(page)
		byMCID := parents[int(pg["/StructParents"].(float64))].([]any)
		for i, m := range bdc.FindAllStringSubmatch(p.data(pg["/Contents"]), -1) {
			e, ok := owner[fmt.Sprintf("%v:%v", page, m[2])]
			switch {
			case m[2] != fmt.Sprint(i):
				t.Errorf("page %v: marked content %d has MCID %s", page, i, m[2])
			case !ok:
				t.Errorf("page %v: MCID %s is in no element", page, m[2])
			case "/"+m[1] != e.role:
				t.Errorf("page %v: MCID %s is tagged %s, but its element is %s", page, m[2], m[1], e.role)
			case byMCID[i] != e.ref:
				t.Errorf("page %v: the ParentTree leads MCID %d to %v, want %s", page, i, byMCID[i], e.ref)
			}
			seen++
		}
	}
	if seen != len(owner) {
		t.Errorf("got %d marked-content sequences in the pages, %d in the tree", seen, len(owner))
	}
}

// checkLinks checks that the Link element holds n annotations, each on a
// page with /Tabs /S, with /Contents, and led back by its StructParent.
func checkLinks(t *testing.T, p *parsed, link element, parents map[int]any, n int) {
	if len(link.annots) != n {
		t.Fatalf("got %d OBJR in the Link, want %d", len(link.annots), n)
	}
	for _, ref := range link.annots {
		a := p.dict(ref)
		if parents[int(a["/StructParent"].(float64))] != link.ref {
			t.Errorf("annotation %s: its StructParent leads to %v, want the Link %s", ref, parents[int(a["/StructParent"].(float64))], link.ref)
		}
		if a["/Contents"] != "u:victimsupport.org.uk/help" {
			t.Errorf("annotation %s: got /Contents %v", ref, a["/Contents"])
		}
		page := p.dict(a["/P"])
		if page["/Tabs"] != "/S" || !slices.Contains(page["/Annots"].([]any), any(ref)) {
			t.Errorf("annotation %s: its page has /Tabs %v and /Annots %v", ref, page["/Tabs"], page["/Annots"])
		}
	}
}
