package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A scan against a compiled index writes what a scan against its
// directory writes; an index whose directory has changed since is refused.
func TestContextCompile(t *testing.T) {
	ctxDir := mustWriteScanContext(t, 300)
	events := writeSampleEvents(t)
	idx := filepath.Join(t.TempDir(), "context.idx")
	r := mustRunCLI(t, "", "context", "compile", "--context", ctxDir, "--out", idx)
	if !strings.Contains(r.stderr, "compiled") {
		t.Errorf("compile said %q", r.stderr)
	}

	fromDir := mustRunCLI(t, "", "scan", "--context", ctxDir, "--events", events, "--explanations", "-", "--alerts", filepath.Join(t.TempDir(), "a"))
	fromIdx := mustRunCLI(t, "", "scan", "--context", idx, "--events", events, "--explanations", "-", "--alerts", filepath.Join(t.TempDir(), "a"))
	if fromDir.stdout == "" || fromIdx.stdout != fromDir.stdout {
		t.Errorf("explanations from the index:\n%s\nfrom the directory:\n%s", fromIdx.stdout, fromDir.stdout)
	}
	alerts := func(dir string) string {
		out := filepath.Join(t.TempDir(), "alerts.jsonl")
		mustRunCLI(t, "", "scan", "--context", dir, "--events", events, "--alerts", out)
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if a, b := alerts(idx), alerts(ctxDir); a == "" || a != b {
		t.Errorf("alerts from the index:\n%s\nfrom the directory:\n%s", a, b)
	}

	t.Run("stale", func(t *testing.T) {
		later := time.Now().Add(time.Hour)
		if err := os.Chtimes(filepath.Join(ctxDir, "cases.csv"), later, later); err != nil {
			t.Fatal(err)
		}
		r := runCLI(t, "", "scan", "--context", idx, "--events", events)
		if r.err == nil || !strings.Contains(r.err.Error(), "cases.csv") || !strings.Contains(r.err.Error(), "out of date") {
			t.Errorf("scan with a stale index: %v", r.err)
		}
	})
	t.Run("a file added", func(t *testing.T) {
		mustRunCLI(t, "", "context", "compile", "--context", ctxDir, "--out", idx)
		if err := os.WriteFile(filepath.Join(ctxDir, "shifts.csv.gz"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(filepath.Join(ctxDir, "shifts.csv.gz"))
		r := runCLI(t, "", "scan", "--context", idx, "--events", events)
		if r.err == nil || !strings.Contains(r.err.Error(), "shifts.csv.gz") {
			t.Errorf("scan with a file added since compiling: %v", r.err)
		}
	})
	t.Run("directory gone", func(t *testing.T) {
		moved := filepath.Join(t.TempDir(), "elsewhere")
		mustRunCLI(t, "", "context", "compile", "--context", ctxDir, "--out", idx)
		if err := os.Rename(ctxDir, moved); err != nil {
			t.Fatal(err)
		}
		defer os.Rename(moved, ctxDir)
		r := mustRunCLI(t, "", "scan", "--context", idx, "--events", events, "--alerts", filepath.Join(t.TempDir(), "a"))
		if !strings.Contains(r.stderr, "not here") {
			t.Errorf("scan of a moved index did not say so: %q", r.stderr)
		}
	})
	t.Run("refused", func(t *testing.T) {
		for _, args := range [][]string{
			{"context", "compile", "--out", idx},
			{"context", "compile", "--context", ctxDir},
			{"context", "compile", "--context", filepath.Join(t.TempDir(), "missing"), "--out", filepath.Join(t.TempDir(), "x.idx")},
		} {
			if r := runCLI(t, "", args...); r.err == nil {
				t.Errorf("lekradar %s: no error", strings.Join(args, " "))
			}
		}
		// a failed compile leaves nothing behind
		out := filepath.Join(t.TempDir(), "x.idx")
		runCLI(t, "", "context", "compile", "--context", filepath.Join(t.TempDir(), "missing"), "--out", out)
		if left, _ := filepath.Glob(out + "*"); len(left) != 0 {
			t.Errorf("a failed compile left %v", left)
		}
	})
}
