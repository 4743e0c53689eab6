// structtree.mjs prints what a screen reader gets from a tagged PDF, as
// pdf.js (Firefox's PDF engine, npm pdfjs-dist, legacy build for Node)
// reads it: each page's structure tree in reading order, one line per
// element, with its role, its language and its text.
//
//   node internal/pdfjs/structtree.mjs leaflet.pdf          the outline
//   node internal/pdfjs/structtree.mjs --json leaflet.pdf   the tree as JSON
//
// Install pdf.js first with `npm ci --ignore-scripts` in the repository
// root. The Go package victimsite/internal/pdfjs runs this script for the
// tests.
//
// How the text is found: page.getStructTree() gives the elements and the
// ids of their marked content; getTextContent({includeMarkedContent: true})
// gives the text drawn inside each marked-content sequence. An element's
// text is the text of its content and its children's, in reading order.
// Where the element has /Alt or /ActualText (pdf.js reports both as alt),
// that is what a screen reader reads instead, so its children are not
// printed. Link annotations that sit in an element (OBJR) are printed as
// "annotation <url> <contents>".
//
// Outline format, two spaces of indent per level:
//
//   page 1 (lang en-GB, title "What happens next")
//   Document
//     H1: What happens next
//     P lang=ar (alt): <the ActualText>
//     Figure (alt): QR code linking to the crime page
//     L
//       LI
//         Lbl: •
//
// "lang=" shows the element's own /Lang only (it is inherited by its
// children); "(alt)" marks text taken from /Alt or /ActualText.
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// markedText maps each marked-content id of the page to the text drawn in
// it, with where that text starts and ends on the page.
async function markedText(page) {
  const content = await page.getTextContent({ includeMarkedContent: true });
  const texts = new Map();
  const open = [];
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
      open.push(item.id ?? null);
    } else if (item.type === "endMarkedContent") {
      open.pop();
    } else if (item.str !== undefined) {
      const id = open.findLast((x) => x !== null);
      if (!id) continue;
      const [x, y] = [item.transform[4], item.transform[5]];
      const piece = { str: item.str + (item.hasEOL ? " " : ""), x, y, end: x + item.width, size: item.height };
      texts.set(id, texts.has(id) ? join([texts.get(id), piece]) : piece);
    }
  }
  return texts;
}

// join joins pieces of text into one. pdf.js drops the spaces at the ends
// of a marked-content sequence ("Read more at " before a link), so a space
// goes in where the gap between two pieces on a line is wider than a fifth
// of the font size, or where the text moves to another line.
function join(pieces) {
  let out = null;
  for (const p of pieces) {
    if (!p || p.str === "") continue;
    if (!out) {
      out = { ...p };
      continue;
    }
    const sameLine = Math.abs(p.y - out.y) < Math.max(p.size, out.size) / 2;
    const gap = !sameLine || p.x - out.end > Math.max(p.size, out.size) / 5;
    out.str += (gap ? " " : "") + p.str;
    out.end = p.end;
    out.y = p.y;
    out.size = p.size;
  }
  return out;
}

// convert turns a pdf.js structure node into {role, lang, alt, text, own,
// kids}; own says whether the element has content of its own.
function convert(node, texts, annots) {
  const out = { role: node.role, kids: [] };
  if (node.lang) out.lang = node.lang;
  if (node.alt !== undefined) out.alt = node.alt;
  const pieces = [];
  let own = false;
  for (const kid of node.children ?? []) {
    if (kid.type === "content") {
      pieces.push(texts.get(kid.id));
      own = true;
    } else if (kid.type === "annotation" || kid.type === "object") {
      // pdf.js 4 reports an OBJR to an annotation as an "object" kid.
      const a = annots.get(kid.id.replace(/^pdfjs_internal_id_/, ""));
      out.kids.push(a
        ? { role: "annotation", url: a.url ?? a.unsafeUrl ?? "", contents: a.contentsObj?.str ?? "" }
        : { role: "object", url: "", contents: "" });
    } else if (kid.role) {
      const c = convert(kid, texts, annots);
      pieces.push(c.piece && !inline.has(c.role) ? { ...c.piece, str: ` ${c.piece.str} ` } : c.piece);
      out.kids.push(c);
    }
  }
  const piece = join(pieces);
  Object.defineProperty(out, "piece", { value: piece, enumerable: false });
  out.text = squash(piece?.str ?? "");
  out.own = own;
  return out;
}

// inline are the roles whose text runs on within the text around them.
const inline = new Set(["Span", "Link", "Quote", "Code", "Reference", "Note"]);

function squash(s) {
  return s.replace(/\s+/g, " ").trim();
}

function outline(doc) {
  let s = "";
  for (const page of doc.pages) {
    s += `page ${page.number} (lang ${doc.lang}, title ${JSON.stringify(doc.title)})\n`;
    for (const node of page.tree) s += lines(node, 0);
  }
  return s;
}

function lines(node, depth) {
  const pad = "  ".repeat(depth);
  if (node.role === "annotation" || node.role === "object") {
    return `${pad}${node.role} ${node.url} ${JSON.stringify(node.contents)}\n`;
  }
  let s = pad + node.role + (node.lang ? ` lang=${node.lang}` : "");
  if (node.alt !== undefined) {
    return `${s} (alt): ${squash(node.alt)}\n`;
  }
  s += node.own ? `: ${node.text}\n` : "\n";
  for (const kid of node.kids) s += lines(kid, depth + 1);
  return s;
}

async function main() {
  const args = process.argv.slice(2);
  const json = args[0] === "--json";
  const file = json ? args[1] : args[0];
  if (!file) {
    console.error("usage: node structtree.mjs [--json] file.pdf");
    process.exit(2);
  }

  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
  const { info } = await doc.getMetadata();
  const out = { title: info.Title ?? "", lang: info.Language ?? "", pages: [] };

  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const texts = await markedText(page);
    const annots = new Map();
    for (const a of await page.getAnnotations()) {
      annots.set(a.id, a);
    }
    const tree = await page.getStructTree();
    const root = tree ? convert(tree, texts, annots) : null;
    out.pages.push({ number: n, tree: root?.kids ?? [] });
  }
  out.outline = outline(out);
  process.stdout.write(json ? JSON.stringify(out, null, 1) + "\n" : out.outline);
}

await main();
