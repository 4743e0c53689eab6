package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"sync"
	"time"

	"victimsite/internal/leaflet"
)

// This file is victimsite leaflet -csv: one leaflet per row, made by
// several workers, with the problems of every bad row named by row and
// column, and progress on stderr for a long run.

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
	// fpdf; collecting less often makes a bulk run much faster for a
	// little more memory.
	defer debug.SetGCPercent(debug.SetGCPercent(bulkGCPercent))
	start := time.Now()
	jobs := make(chan job, 2*b.workers)
	var wg sync.WaitGroup
	for range b.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				b.make(j)
			}
		}()
	}
	stop := b.progress(start)
	rows, fatal := b.feed(ctx, cr, jobs)
	close(jobs)
	wg.Wait()
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

// feed reads every row and hands the good ones to the workers, naming
// each leaflet after its crime reference (with -2, -3 for a reference
// that comes again: two victims of one crime). It returns how many rows
// it read and an error that stopped it early.
func (b *bulk) feed(ctx context.Context, cr *leaflet.CSVReader, jobs chan<- job) (int, error) {
	seen := map[string]int{}
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
			b.mu.Lock()
			b.problems = append(b.problems, rowProblem{row: row.N, msg: row.Warnings.Error(), warning: true})
			b.mu.Unlock()
		}
		base := leaflet.FileBase(row.Details.CrimeRef)
		seen[base]++
		if n := seen[base]; n > 1 {
			base += "-" + strconv.Itoa(n)
		}
		jobs <- job{row: row, base: base}
	}
}

// make renders and writes one leaflet, reporting a problem against its
// row and column.
func (b *bulk) make(j job) {
	pdf, err := b.r.Render(j.row.Details)
	if err != nil {
		b.report(j.row.N, j.row.Problems(err).Error())
		return
	}
	name := filepath.Join(b.outDir, j.base+".pdf")
	if err := writePrivate(name, pdf); err != nil {
		b.report(j.row.N, fmt.Sprintf("row %d: cannot write %s: %v", j.row.N, name, errors.Unwrap(err)))
		return
	}
	if j.row.Calendar {
		if err := writePrivate(filepath.Join(b.outDir, j.base+".ics"), leaflet.Calendar(j.row.Details, time.Now())); err != nil {
			b.report(j.row.N, fmt.Sprintf("row %d: cannot write the calendar: %v", j.row.N, errors.Unwrap(err)))
			return
		}
	}
	b.mu.Lock()
	b.written++
	b.bytes += int64(len(pdf))
	b.mu.Unlock()
}

func (b *bulk) report(row int, msg string) {
	b.mu.Lock()
	b.problems = append(b.problems, rowProblem{row: row, msg: msg})
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
				fmt.Fprintf(b.stderr, "leaflets: %d written, %d rows with problems, %.0f s, %.0f leaflets/s\n", n, bad, secs, float64(n)/secs)
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
	slices.SortStableFunc(b.problems, func(x, y rowProblem) int { return x.row - y.row })
	for _, p := range b.problems {
		fmt.Fprintln(b.stderr, p.msg)
	}
	avg := int64(0)
	if b.written > 0 {
		avg = b.bytes / int64(b.written) / 1024
	}
	fmt.Fprintf(b.stdout, "wrote %d of %d leaflets to %s in %s (%.0f leaflets/s, %d KB each on average)\n",
		b.written, rows, b.outDir, took.Round(time.Millisecond), float64(b.written)/took.Seconds(), avg)
	if fatal != nil {
		fmt.Fprintf(b.stderr, "victimsite leaflet: stopped: %v\n", fatal)
		return 1
	}
	if n := b.failed(); n > 0 {
		fmt.Fprintf(b.stderr, "victimsite leaflet: %d %s had problems (listed above); fix them and run again for those rows\n", n, plural(n, "row", "rows"))
		return 1
	}
	return 0
}
