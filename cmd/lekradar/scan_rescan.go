package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// lateEventError ends a first pass over a log at the first event that lies
// beyond the reorder window: the log is then sorted and scanned again.
type lateEventError struct {
	line   int
	behind time.Duration
}

func (e *lateEventError) Error() string {
	return fmt.Sprintf("events: line %d lies %s behind an earlier event", e.line, lagString(e.behind))
}

// scanOutput is where alerts or explanations go: a file the scan created,
// or standard output. What a pass wrote to it can be taken back when it is
// a regular file (truncated to where the scan began) or the null device.
type scanOutput struct {
	w          io.Writer
	file       *os.File // a regular file written, else nil
	start      int64    // the file's size when the scan began
	rewindable bool
	closed     bool
	created    bool // the scan created file and closes it
}

// canRewind tells before the context loads whether openOutput will give a
// rewindable output: a new or regular file, the null device, or standard
// output redirected to a regular file.
func canRewind(path string, stdout io.Writer) bool {
	if path == "" || path == "-" {
		f, ok := stdout.(*os.File)
		if !ok {
			return false
		}
		fi, err := f.Stat()
		if err != nil {
			return false
		}
		at, err := f.Seek(0, io.SeekCurrent)
		return isNullDevice(fi) || (fi.Mode().IsRegular() && err == nil && at == fi.Size())
	}
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return true
	}
	return err == nil && (fi.Mode().IsRegular() || isNullDevice(fi))
}

func isNullDevice(fi os.FileInfo) bool {
	null, err := os.Stat(os.DevNull)
	return err == nil && os.SameFile(fi, null)
}

func openOutput(path string, stdout io.Writer) (*scanOutput, error) {
	if path == "" || path == "-" {
		out := &scanOutput{w: stdout}
		if f, ok := stdout.(*os.File); ok {
			if fi, err := f.Stat(); err == nil && isNullDevice(fi) {
				out.rewindable = true
			} else if err == nil && fi.Mode().IsRegular() {
				// Where this scan's output begins is certain only when the
				// offset is the end: with >> (append) the offset stays 0
				// whatever the file holds.
				if at, err := f.Seek(0, io.SeekCurrent); err == nil && at == fi.Size() {
					out.file, out.start, out.rewindable = f, at, true
				}
			}
		}
		return out, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	out := &scanOutput{w: f, created: true}
	if fi, err := f.Stat(); err == nil && isNullDevice(fi) {
		out.rewindable = true
	} else if err == nil && fi.Mode().IsRegular() {
		out.file, out.rewindable = f, true
	}
	return out, nil
}

// rewind takes back everything written since the scan began.
func (o *scanOutput) rewind() error {
	if !o.rewindable {
		return errors.New("the output cannot be rewritten")
	}
	if o.file == nil {
		return nil // the null device
	}
	if err := o.file.Truncate(o.start); err != nil {
		return err
	}
	_, err := o.file.Seek(o.start, io.SeekStart)
	return err
}

// close closes a file the scan created, once.
func (o *scanOutput) close() error {
	if o.closed || !o.created {
		return nil
	}
	o.closed = true
	return o.w.(*os.File).Close()
}

// spoolTee reads standard input for a first pass and copies it to a
// temporary file on the way, so that a log found out of order can be
// sorted after all. A failure to write the copy does not stop the pass:
// it only makes sorting impossible.
type spoolTee struct {
	in   io.Reader
	f    *os.File
	bw   *bufio.Writer
	path string
	err  error // the first error writing the copy
}

func newSpoolTee(stdin io.Reader) *spoolTee {
	t := &spoolTee{in: stdin}
	if t.f, t.err = os.CreateTemp("", "lekradar-events-*.log"); t.err == nil {
		t.bw, t.path = bufio.NewWriterSize(t.f, 1<<20), t.f.Name()
	}
	return t
}

func (t *spoolTee) Read(p []byte) (int, error) {
	n, err := t.in.Read(p)
	if n > 0 && t.err == nil {
		_, t.err = t.bw.Write(p[:n])
	}
	return n, err
}

// finish copies the rest of standard input and closes the copy, ready to
// be read again.
func (t *spoolTee) finish() error {
	if t.err == nil {
		_, t.err = io.Copy(t.bw, t.in)
	}
	if t.err == nil {
		t.err = t.bw.Flush()
	}
	if t.f != nil {
		if err := t.f.Close(); t.err == nil {
			t.err = err
		}
	}
	if t.err != nil {
		return fmt.Errorf("the log is out of time order, and the copy of it to sort could not be written: %w", t.err)
	}
	return nil
}

// close discards the copy's file handle; the caller removes the file.
func (t *spoolTee) close() {
	if t.f != nil {
		t.f.Close()
	}
}
