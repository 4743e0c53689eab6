// Package pdf writes tagged, accessible PDF: pages of positioned glyphs,
// rectangles, lines and links, with a structure tree that tells a screen
// reader what each piece is and in what order to read it. It follows
// ISO 32000-1 (PDF 1.7) and PDF/UA-1 (ISO 14289-1). It knows nothing of
// leaflets and does no layout or shaping: the caller (internal/typeset,
// then internal/leaflet) gives it fonts as bytes and text as glyph ids
// with positions.
//
// # Use
//
//	font, err := pdf.ParseFont(ttf)        // once per program; share it
//	doc := pdf.New(pdf.Info{Title: "What happens next", Lang: "en-GB"})
//	page := doc.AddPage(pdf.A4)
//	h1 := doc.Root().Add(pdf.H1)
//	page.Begin(h1)                         // content of h1 from here...
//	page.Text(pdf.Run{Font: font, Size: 24, X: 56, Y: 90, Glyphs: glyphs})
//	page.End()                             // ...to here
//	page.BeginArtifact(pdf.ArtifactFooter) // decoration, skipped by readers
//	page.Text(pdf.Run{...})
//	page.End()
//	b, err := doc.Bytes()                  // every misuse reported here
//
// Page coordinates are points from the top-left corner, y downwards. A
// glyph's offsets are a shaper's: x right, y up.
//
// # What it writes
//
//   - PDF 1.7 with a cross-reference table, Flate-compressed content and
//     font streams, and a trailer /ID that is a hash of the file. The same
//     calls give the same bytes: nothing reads the clock, no map is ranged
//     over.
//   - The catalog's /Lang, /MarkInfo <</Marked true>>, /ViewerPreferences
//     <</DisplayDocTitle true>>, an Info dictionary with the title and the
//     producer only (and /CreationDate only if Info.Created is set), and
//     XMP metadata with dc:title, dc:language and pdfuaid:part 1
//     (PDF/UA-1 5, 7.1).
//   - Fonts as Type0 with Identity-H over CIDFontType2 with CIDToGIDMap
//     /Identity, so the codes in the content are the caller's glyph ids; a
//     W array of the widths of the glyphs drawn; a FontDescriptor; a
//     ToUnicode CMap with an entry for every glyph drawn (7.21.7); and the
//     font program subset to the glyphs drawn plus the components of
//     composite glyphs, keeping glyph ids, without hinting or layout
//     tables, named with a subset tag derived from the glyph set (7.21.4,
//     ISO 32000-1 9.6.4). A CFF-flavoured OpenType font (not CID-keyed) is
//     embedded whole as FontFile3/OpenType.
//   - Text as TJ arrays, with a whole number (thousandths of an em)
//     wherever the pen has to move to where the shaper put a glyph, and a
//     text rise (Ts) for a glyph with a y offset (Arabic marks, Nastaliq's
//     cascading baselines). Positions in content streams are given to a
//     hundredth of a point; font, size, rise and colour only where they
//     change. Many rectangles on one square grid (a QR code's modules)
//     are filled as whole cells under one cm.
//   - Marked content: /Role <</MCID n>> BDC ... EMC for structure content,
//     /Artifact <</Type /Pagination /Subtype /Footer>> BDC ... EMC (or
//     Layout, or Header) for decoration; nothing is drawn outside either
//     (7.1).
//   - A structure tree of standard types only (no role map): Document at
//     the root, then Part, Sect, Div, H1-H6, P, L/LI/Lbl/LBody,
//     Table/THead/TBody/TFoot/TR/TH/TD, Link, Figure, Formula, Span, Note,
//     Quote, Code, Reference, BlockQuote, Caption. Each element carries /Lang
//     where its language differs from the one it inherits (7.2), /Alt and
//     /ActualText where the caller gives them, a Figure its /BBox (7.3), a
//     TH its /Scope (7.5), a Note its /ID (7.9), with the ParentTree,
//     ParentTreeNextKey and /StructParents that lead from content back to
//     its element.
//   - Links as Link annotations with a URI action (http, https, mailto,
//     tel), /Contents and /StructParent, each sitting as an OBJR in its Link
//     element after the link's text, and /Tabs /S on their page (7.18).
//
// # What it checks
//
// Document.Bytes refuses, listing every problem at once: a glyph id past
// the end of its font; a marked-content sequence begun and not ended, or
// ended and not begun, or begun inside another; anything drawn outside
// marked content; a structure element that was given no content; a Figure
// or Formula without Alt; a Link element without an annotation; an
// annotation on anything but a Link; a link to another scheme; LI outside
// L, TD outside TR and the like, and content put directly into L, LI,
// Table or TR; headings that do not start at H1 or skip a level (Matterhorn
// 14-002, 14-003); a missing title or language; a number that is not
// finite.
//
// # What it leaves to the caller
//
// Reading order is the order of the calls: Add children and Begin content
// in the order a reader should meet them. Text extraction follows each
// glyph's Text (Glyph.Text); where glyphs do not map one to one onto the
// text in reading order (right-to-left and shaped scripts, lines mixing
// directions) the caller must set ActualText on the element, which is what
// screen readers read. The caller gives Figures their Alt, marks which
// passages are in another language, chooses colours with enough contrast,
// and keeps personal data out of Info. Glyph ids come from the same font
// bytes given to ParseFont.
//
// # Concurrency and cost
//
// A *Font is parsed once and then only read; it may be shared by documents
// built on many goroutines. It caches its last few subsets and ToUnicode
// maps, compressed, by glyph set, so a document with the same glyphs as a
// recent one pays nothing to embed its fonts. Likewise a content stream
// that the caller marks as the same in many documents ([Page.EndShared])
// is compressed once, when it comes back, and kept. A Document is used by
// one goroutine. BenchmarkDocument measures a two-page document.
package pdf
