package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"victimsite/internal/site"
)

// The preview's own addresses, which no site file can take: a site's
// paths are its languages, assets/ and files at the root.
const (
	ownPrefix = "/__victimsite/"
	scriptURL = ownPrefix + "reload.js"
	eventsURL = ownPrefix + "events"
)

//go:embed reload.js
var reloadJS []byte

// snapshot is what the preview serves between two builds. A failed build
// keeps the files of the last good one, for the styles, and shows its
// problems instead of any page.
type snapshot struct {
	id    string // names the build, for the reload script
	files site.Files
	lazy  lazyFiles // made when first asked for, such as the leaflets
	fail  *failure
}

// failure is why the last build failed: every problem, as the terminal
// would print it, or an error that names no file.
type failure struct {
	Problems []string
	Err      string
}

// lazyFile is a file made when first asked for, once.
type lazyFile struct {
	list bool // a page that lists others, made as soon as the preview is idle
	make func() ([]byte, error)
	once sync.Once
	done atomic.Bool
	data []byte
	err  error
}

func (f *lazyFile) get() ([]byte, error) {
	f.once.Do(func() {
		f.data, f.err = f.make()
		f.done.Store(true)
	})
	return f.data, f.err
}

// lazyFiles are files made when first asked for, by path.
type lazyFiles map[string]*lazyFile

// lists returns the list pages not yet made, and puts those made into
// files, so that they no longer hold on to the site they were made from.
func (l lazyFiles) lists(files site.Files) lazyFiles {
	out := lazyFiles{}
	for p, f := range l {
		switch {
		case !f.list:
		case f.done.Load() && f.err == nil:
			files[p] = f.data
		default:
			out[p] = f
		}
	}
	return out
}

// pending returns the list pages not yet made, in order.
func (l lazyFiles) pending() []*lazyFile {
	var paths []string
	for p, f := range l {
		if f.list && !f.done.Load() {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	out := make([]*lazyFile, len(paths))
	for i, p := range paths {
		out[i] = l[p]
	}
	return out
}

// server serves the current snapshot, and tells open pages to reload when
// there is a new one.
type server struct {
	cur     atomic.Pointer[snapshot]
	clients clients
	done    chan struct{} // closed on shutdown, to end the event streams
}

func newServer() *server {
	return &server{done: make(chan struct{})}
}

// publish serves snap from now on and tells every open page.
func (s *server) publish(snap *snapshot) {
	s.cur.Store(snap)
	s.clients.send(snap.id)
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "the preview only serves GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case scriptURL:
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(reloadJS)
		return
	case eventsURL:
		s.events(w, r)
		return
	}
	snap := s.cur.Load()
	if snap == nil {
		http.Error(w, "the site is being built; reload in a moment", http.StatusServiceUnavailable)
		return
	}
	name, redirect, found := resolve(snap.files, r.URL.Path)
	switch {
	case redirect:
		target := r.URL.Path + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusFound)
	case snap.fail != nil && (!found || path.Ext(name) == ".html"):
		s.write(w, snap, http.StatusInternalServerError, "error.html", errorPage(snap.fail))
	case !found:
		nf := notFound(snap.files, name)
		s.write(w, snap, http.StatusNotFound, nf, snap.files[nf])
	case snap.lazy[name] != nil:
		data, err := snap.lazy[name].get()
		if err != nil {
			http.Error(w, fmt.Sprintf("cannot make %s: %v", name, err), http.StatusInternalServerError)
			return
		}
		s.write(w, snap, http.StatusOK, name, data)
	default:
		s.write(w, snap, http.StatusOK, name, snap.files[name])
	}
}

// resolve finds the file for a URL path: the file itself, or index.html
// in a folder. redirect is set for a folder named without its final slash.
func resolve(files site.Files, urlPath string) (name string, redirect, found bool) {
	clean := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if strings.HasSuffix(urlPath, "/") || clean == "" {
		name = path.Join(clean, "index.html")
		_, found = files[name]
		return name, false, found
	}
	if _, ok := files[clean]; ok {
		return clean, false, true
	}
	if _, ok := files[clean+"/index.html"]; ok {
		return clean + "/index.html", true, true
	}
	return clean, false, false
}

// notFound returns the 404 page for a missing file: the one in the
// language folder the file would be in, or the one at the root.
func notFound(files site.Files, name string) string {
	if lang, _, ok := strings.Cut(name, "/"); ok {
		if _, ok := files[lang+"/404.html"]; ok {
			return lang + "/404.html"
		}
	}
	return "404.html"
}

// write sends a file, with the reload script in an HTML page.
func (s *server) write(w http.ResponseWriter, snap *snapshot, status int, name string, data []byte) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, snap.id)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	w.Write(data)
}

// inject puts the reload script before </body>. The site's Content
// Security Policy allows scripts from its own address only, so the script
// is a file of the preview's own, not inline.
func inject(page []byte, build string) []byte {
	tag := `<script src="` + scriptURL + `" data-build="` + template.HTMLEscapeString(build) + `"></script>` + "\n"
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

var errorTemplate = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The site has problems – victimsite preview</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #0b0c0c; }
h1 { color: #b10e1e; }
li { margin: 0.5rem 0; }
code { font: 0.95rem/1.4 ui-monospace, monospace; white-space: pre-wrap; }
</style>
</head>
<body>
<h1>The site has problems</h1>
<p>The preview shows them instead of the page. Fix them and save: the page comes back by itself.</p>
{{with .Problems}}<ul>{{range .}}
<li><code>{{.}}</code></li>{{end}}
</ul>{{end}}{{with .Err}}<p><code>{{.}}</code></p>{{end}}
</body>
</html>
`))

func errorPage(f *failure) []byte {
	var b bytes.Buffer
	if err := errorTemplate.Execute(&b, f); err != nil {
		return []byte(err.Error())
	}
	return b.Bytes()
}

// events streams server-sent events: one message, whose data names the
// build, each time a new build is served. A page passes the build it was
// served from as since, so a build that finished while the page loaded
// reloads it at once.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	ch, leave := s.clients.join()
	defer leave()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 1000\n\n")
	if snap := s.cur.Load(); snap != nil {
		if since := r.URL.Query().Get("since"); since != "" && since != snap.id {
			fmt.Fprintf(w, "data: %s\n\n", snap.id)
		}
	}
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case id := <-ch:
			fmt.Fprintf(w, "data: %s\n\n", id)
			flusher.Flush()
		}
	}
}

// clients are the open event streams.
type clients struct {
	mu  sync.Mutex
	chs map[chan string]bool
}

func (c *clients) join() (chan string, func()) {
	ch := make(chan string, 1)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.chs == nil {
		c.chs = map[chan string]bool{}
	}
	c.chs[ch] = true
	return ch, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		delete(c.chs, ch)
	}
}

// send tells every client about a build; a client that has not yet taken
// the last news gets the newest instead.
func (c *clients) send(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for ch := range c.chs {
		select {
		case <-ch:
		default:
		}
		ch <- id
	}
}
