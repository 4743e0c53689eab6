package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"victimsite/internal/leaflet"
)

// This file is victimsite leaflet -csv: one leaflet per row, made by
// several workers, with the problems of every bad row named by row and
// column, and progress on stderr for a long run. Each leaflet gets a file
// name no other row of the run has, and no file in -out-dir is replaced.

// bulkGCPercent is the garbage collector's target during a bulk run.
const bulkGCPercent = 400

// bulk makes one leaflet per CSV row with several workers.
type bulk struct {
	r              *leaflet.Renderer
	outDir         string
	workers        int
	stdout, stderr io.Writer
	every          time.Duration // how often to report progress

	mu       sync.Mutex
	problems []rowProblem
	renamed  []rowProblem // rows whose file name is not their reference's
	existing int          // rows not written because their name was taken
	written  int
	bytes    int64
}

// rowProblem is one line to report about a row; a warning does not stop
// the row's leaflet.
type rowProblem struct {
	row     int
	msg     string
	warning bool
}

// job is one leaflet to make and the file to write it to.
type job struct {
	row  leaflet.Row
	base string
}

// run reads the rows, renders and writes them, and prints the problems
// and a summary. It exits 1 when any row had a problem.
func (b *bulk) run(ctx context.Context, csvPath string) int {
	in, closeIn, err := openCSV(csvPath)
	if err != nil {
		fmt.Fprintf(b.stderr, "victimsite leaflet: %v\n", err)
		return 1
	}
	defer closeIn()
	cr, err := leaflet.NewCSVReader(in, func(v map[string]string) (leaflet.Details, error) { return b.r.Read(v, time.Now()) })
	if err != nil {
		fmt.Fprintf(b.stderr, "%s\n", err)
		return 1
	}
	if err := os.MkdirAll(b.outDir, 0o700); err != nil {
		fmt.Fprintf(b.stderr, "victimsite leaflet: %v\n", err)
		return 1
	}
	// A leaflet leaves some megabytes of garbage behind, most of it inside
	// the PDF writer; collecting less often makes a bulk run much faster for a
	// little more memory.
	defer debug.SetGCPercent(debug.SetGCPercent(bulkGCPercent))
	start := time.Now()
	var g errgroup.Group
	g.SetLimit(b.workers)
	stop := b.progress(start)
	rows, fatal := b.feed(ctx, cr, func(j job) {
		g.Go(func() error {
			b.make(j)
			return nil
		})
	})
	g.Wait()
	stop()
	return b.summary(rows, fatal, time.Since(start))
}

func openCSV(path string) (io.Reader, func(), error) {
	if path == "-" {
		return os.Stdin, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// feed reads every row and hands each good one to do, with the name of
// its files. It returns how many rows it read and an error that stopped
// it early.
func (b *bulk) feed(ctx context.Context, cr *leaflet.CSVReader, do func(job)) (int, error) {
	names := fileNames{}
	rows := 0
	for {
		if err := ctx.Err(); err != nil {
			return rows, errors.New("interrupted")
		}
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		var rerr *leaflet.RowError
		switch {
		case errors.As(err, &rerr):
			rows++
			b.report(rerr.Row, rerr.Error())
			continue
		case err != nil:
			return rows, err
		}
		rows++
		if row.Warnings != nil {
			b.add(rowProblem{row: row.N, msg: row.Warnings.Error(), warning: true})
		}
		do(job{row: row, base: names.choose(row.Details.CrimeRef)})
	}
}

// fileNames are the file names chosen so far in one run, in lower case, as
// some file systems do not tell LP-1 from lp-1.
type fileNames map[string]bool

// choose names a leaflet after its crime reference, made fit for a file
// name, and adds -2, -3, ... until the name is one no earlier row has:
// two victims of one crime, or references such as LP/200/26 and
// LP-200-26 that become the same name.
func (n fileNames) choose(ref string) string {
	base := leaflet.FileBase(ref)
	name := base
	for i := 2; n[strings.ToLower(name)]; i++ {
		name = base + "-" + strconv.Itoa(i)
	}
	n[strings.ToLower(name)] = true
	return name
}

// make renders and writes one leaflet, reporting a problem against its
// row and column. It never replaces a file: a name that is taken in the
// folder already leaves the row unwritten, and says so.
func (b *bulk) make(j job) {
	pdf, err := b.r.Render(j.row.Details)
	if err != nil {
		b.report(j.row.N, j.row.Problems(err).Error())
		return
	}
	files := []newFile{{j.base + ".pdf", pdf}}
	if j.row.Calendar {
		files = append(files, newFile{j.base + ".ics", leaflet.Calendar(j.row.Details, time.Now())})
	}
	if name, err := writeNewFiles(b.outDir, files); err != nil {
		b.reportWrite(j.row.N, name, err)
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.written++
	b.bytes += int64(len(pdf))
	if j.base != leaflet.FileBase(j.row.Details.CrimeRef) {
		b.renamed = append(b.renamed, rowProblem{row: j.row.N, msg: fmt.Sprintf("row %d: written as %s.pdf, as an earlier row has the name %s.pdf", j.row.N, j.base, leaflet.FileBase(j.row.Details.CrimeRef))})
	}
}

// reportWrite reports a row whose files could not be written.
func (b *bulk) reportWrite(row int, name string, err error) {
	if errors.Is(err, fs.ErrExist) {
		b.mu.Lock()
		b.existing++
		b.mu.Unlock()
		b.report(row, fmt.Sprintf("row %d: %s is already in %s, so this row's leaflet was not written and the file was left as it was", row, name, b.outDir))
		return
	}
	b.report(row, fmt.Sprintf("row %d: cannot write %s: %v", row, name, errors.Unwrap(err)))
}

func (b *bulk) report(row int, msg string) { b.add(rowProblem{row: row, msg: msg}) }

// add records a row's problem or warning; the workers call it at once.
func (b *bulk) add(p rowProblem) {
	b.mu.Lock()
	b.problems = append(b.problems, p)
	b.mu.Unlock()
}

// progress prints how far the run has got every b.every, from the first
// interval on, so a short run prints nothing. The returned func stops it.
func (b *bulk) progress(start time.Time) func() {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(b.every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				b.mu.Lock()
				n, bad := b.written, b.failed()
				b.mu.Unlock()
				secs := time.Since(start).Seconds()
				fmt.Fprintf(b.stderr, "leaflets: %d written, %s with problems, %.0f s, %.0f leaflets/s\n", n, count(bad, "row", "rows"), secs, float64(n)/secs)
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// failed counts the rows with problems, not warnings.
func (b *bulk) failed() int {
	n := 0
	for _, p := range b.problems {
		if !p.warning {
			n++
		}
	}
	return n
}

// summary prints the problems in row order, then what was done.
func (b *bulk) summary(rows int, fatal error, took time.Duration) int {
	byRow := func(x, y rowProblem) int { return x.row - y.row }
	slices.SortStableFunc(b.problems, byRow)
	slices.SortStableFunc(b.renamed, byRow)
	for _, p := range b.problems {
		fmt.Fprintln(b.stderr, p.msg)
	}
	for _, p := range b.renamed {
		fmt.Fprintln(b.stdout, p.msg)
	}
	avg := int64(0)
	if b.written > 0 {
		avg = b.bytes / int64(b.written) / 1024
	}
	fmt.Fprintf(b.stdout, "wrote %d of %d %s to %s in %s (%.0f leaflets/s, %d KB each on average)\n",
		b.written, rows, plural(rows, "leaflet", "leaflets"), b.outDir, took.Round(time.Millisecond), float64(b.written)/took.Seconds(), avg)
	if fatal != nil {
		fmt.Fprintf(b.stderr, "victimsite leaflet: stopped: %v\n", fatal)
		return 1
	}
	if n := b.existing; n > 0 {
		fmt.Fprintf(b.stderr, "victimsite leaflet: %d %s not written, as %s already holds a file of that name (from an earlier run?); nothing was replaced. Move those files away, or choose another -out-dir, and run again\n",
			n, plural(n, "leaflet was", "leaflets were"), b.outDir)
	}
	if n := b.failed(); n > 0 {
		fmt.Fprintf(b.stderr, "victimsite leaflet: %d %s had problems (listed above); fix them and run again for those rows\n", n, plural(n, "row", "rows"))
		return 1
	}
	return 0
}
