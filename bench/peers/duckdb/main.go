// Command duckdb-peer runs lekradar's explanation join — given case number,
// assigned case, team case — as SQL in DuckDB over the same context
// directory and look-up log that `lekradar scan` reads, times it, and prints
// the side-by-side ratio against lekradar's scan time. It is a benchmark
// peer only: the main module does not depend on DuckDB.
//
//	duckdb-peer --context DIR --events FILE [--lekradar-seconds S | --lekradar BIN]
package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "duckdb-peer:", err)
		os.Exit(1)
	}
}

func run() error {
	ctxDir := flag.String("context", "", "context directory (the nine CSV files)")
	events := flag.String("events", "", "look-up log, JSON Lines (.jsonl) or CSV (.csv)")
	lekSeconds := flag.Float64("lekradar-seconds", 0, "wall-clock seconds of `lekradar scan` on the same files")
	lekBin := flag.String("lekradar", "", "path of a lekradar binary: run its scan here and time it (instead of --lekradar-seconds)")
	threads := flag.Int("threads", 0, "DuckDB threads (0: DuckDB's default, all cores)")
	flag.Parse()
	if *ctxDir == "" || *events == "" {
		flag.Usage()
		return errors.New("--context and --events are required")
	}
	ctx := context.Background()

	if *lekBin != "" {
		s, err := timeScan(ctx, *lekBin, *ctxDir, *events)
		if err != nil {
			return err
		}
		*lekSeconds = s
	}

	db, err := sql.Open("duckdb", "")
	if err != nil {
		return fmt.Errorf("open duckdb: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: settings and tables stay on it
	if _, err := db.ExecContext(ctx, "SET TimeZone = 'UTC'"); err != nil {
		return err
	}
	if *threads > 0 {
		if _, err := db.ExecContext(ctx, fmt.Sprintf("SET threads = %d", *threads)); err != nil {
			return err
		}
	}

	began := time.Now()
	for _, stmt := range loadStatements(*ctxDir, *events) {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("load: %w\n%s", err, stmt)
		}
	}
	loaded := time.Since(began)

	var nEvents, given, assigned, team, any int64
	joinStart := time.Now()
	err = db.QueryRowContext(ctx, joinQuery).Scan(&nEvents, &given, &assigned, &team, &any)
	if err != nil {
		return fmt.Errorf("explanation join: %w", err)
	}
	joined := time.Since(joinStart)
	total := loaded + joined

	fmt.Printf("duckdb explanation join on %s\n", *events)
	fmt.Printf("  look-ups                 %d\n", nEvents)
	fmt.Printf("  given_case               %d\n", given)
	fmt.Printf("  assigned_case            %d\n", assigned)
	fmt.Printf("  team_case                %d\n", team)
	fmt.Printf("  explained by any of them %d (%.1f%%)\n", any, 100*float64(any)/float64(max(nEvents, 1)))
	fmt.Printf("  load files               %.2f s\n", loaded.Seconds())
	fmt.Printf("  join                     %.2f s\n", joined.Seconds())
	fmt.Printf("  total                    %.2f s (%.0f look-ups/s)\n", total.Seconds(), float64(nEvents)/total.Seconds())
	if *lekSeconds > 0 {
		fmt.Printf("lekradar scan (everything: context, all explanations and signals, alerts) %.2f s (%.0f look-ups/s)\n",
			*lekSeconds, float64(nEvents)/(*lekSeconds))
		fmt.Printf("lekradar speed-up over duckdb (load + join): %.2fx  (target: at least 2x)\n", total.Seconds()/(*lekSeconds))
		fmt.Printf("lekradar speed-up over duckdb (join only):   %.2fx\n", joined.Seconds()/(*lekSeconds))
	}
	return nil
}

// timeScan runs `lekradar scan` on the files and returns its wall-clock time.
func timeScan(ctx context.Context, bin, ctxDir, events string) (float64, error) {
	tmp, err := os.MkdirTemp("", "duckdb-peer-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.CommandContext(ctx, bin, "scan", "--context", ctxDir, "--events", events,
		"--alerts", filepath.Join(tmp, "alerts.jsonl"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	began := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("lekradar scan: %w\n%s", err, stderr.String())
	}
	return time.Since(began).Seconds(), nil
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// loadStatements reads the files the join needs into tables. Timestamps and
// dates are read as text and converted, since cases.csv mixes dates and
// timestamps by design.
func loadStatements(dir, events string) []string {
	csv := func(name, cols string) string {
		return fmt.Sprintf("read_csv(%s, header = true, auto_detect = false, columns = {%s})",
			quote(filepath.Join(dir, name)), cols)
	}
	evCols := `'id': 'VARCHAR', 'ts': 'VARCHAR', 'employee_id': 'VARCHAR', 'system': 'VARCHAR',
		'action': 'VARCHAR', 'person_id': 'VARCHAR', 'case_id': 'VARCHAR'`
	var evSource string
	if strings.HasSuffix(events, ".csv") {
		evSource = fmt.Sprintf("read_csv(%s, header = true, auto_detect = false, columns = {%s})", quote(events), evCols)
	} else {
		evSource = fmt.Sprintf("read_json(%s, format = 'newline_delimited', columns = {%s})", quote(events), evCols)
	}
	return []string{
		`CREATE TABLE employees AS SELECT employee_id, team_id FROM ` +
			csv("employees.csv", `'employee_id': 'VARCHAR', 'person_id': 'VARCHAR', 'surname': 'VARCHAR',
				'unit_id': 'VARCHAR', 'team_id': 'VARCHAR', 'rank': 'VARCHAR', 'function': 'VARCHAR'`),
		`CREATE TABLE cases AS SELECT case_id, team_id,
			CASE WHEN length(opened) = 10 THEN CAST(CAST(opened AS DATE) AS TIMESTAMPTZ) ELSE CAST(opened AS TIMESTAMPTZ) END AS opened_at,
			CASE WHEN closed IS NULL OR closed = '' THEN NULL
			     WHEN length(closed) = 10 THEN CAST(CAST(closed AS DATE) AS TIMESTAMPTZ) + INTERVAL 1 DAY
			     ELSE CAST(closed AS TIMESTAMPTZ) END AS closed_at
			FROM ` + csv("cases.csv", `'case_id': 'VARCHAR', 'kind': 'VARCHAR', 'unit_id': 'VARCHAR',
				'team_id': 'VARCHAR', 'opened': 'VARCHAR', 'closed': 'VARCHAR', 'sensitive': 'VARCHAR'`),
		`CREATE TABLE case_persons AS SELECT case_id, person_id FROM ` +
			csv("case_persons.csv", `'case_id': 'VARCHAR', 'person_id': 'VARCHAR', 'role': 'VARCHAR'`),
		`CREATE TABLE case_staff AS SELECT case_id, employee_id,
			CAST(left("from", 10) AS DATE) AS from_day,
			CASE WHEN "to" IS NULL OR "to" = '' THEN DATE '9999-12-31' ELSE CAST(left("to", 10) AS DATE) END AS to_day
			FROM ` + csv("case_staff.csv", `'case_id': 'VARCHAR', 'employee_id': 'VARCHAR', 'from': 'VARCHAR', 'to': 'VARCHAR'`),
		`CREATE TABLE events AS SELECT id, CAST(ts AS TIMESTAMPTZ) AS ts, employee_id, person_id,
			NULLIF(case_id, '') AS case_id FROM ` + evSource,
	}
}

// joinQuery is the explanation join with the same definitions as
// lekradar's oracle (docs/synthetic-worlds.md): a given case number the
// person is in; an assignment of the employee, on the look-up's date, to a
// case the person is in; a case of the employee's team the person is in,
// open at the time of the look-up with a margin of four hours.
const joinQuery = `
WITH given AS (
	SELECT DISTINCT e.id FROM events e
	JOIN case_persons cp ON cp.case_id = e.case_id AND cp.person_id = e.person_id
), assigned AS (
	SELECT DISTINCT e.id FROM events e
	JOIN case_persons cp ON cp.person_id = e.person_id
	JOIN case_staff cs ON cs.case_id = cp.case_id AND cs.employee_id = e.employee_id
	WHERE CAST(e.ts AS DATE) BETWEEN cs.from_day AND cs.to_day
), team AS (
	SELECT DISTINCT e.id FROM events e
	JOIN employees em ON em.employee_id = e.employee_id
	JOIN case_persons cp ON cp.person_id = e.person_id
	JOIN cases c ON c.case_id = cp.case_id AND c.team_id = em.team_id
	WHERE e.ts >= c.opened_at - INTERVAL 4 HOUR
	  AND (c.closed_at IS NULL OR e.ts <= c.closed_at + INTERVAL 4 HOUR)
)
SELECT
	(SELECT count(*) FROM events),
	(SELECT count(*) FROM given),
	(SELECT count(*) FROM assigned),
	(SELECT count(*) FROM team),
	(SELECT count(*) FROM (SELECT id FROM given UNION SELECT id FROM assigned UNION SELECT id FROM team))
`
