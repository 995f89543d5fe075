-- +goose Up
-- The event store: look-ups with what explained them, the alerts a scan
-- raised, their triage, and the look-ups attached to escalated dossiers
-- (docs/security.md, "Look-ups and alerts").

-- One row per look-up event; event_id is the source system's id, so that a
-- re-scan of the same events updates instead of duplicating.
CREATE TABLE lookup (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id     TEXT    NOT NULL UNIQUE,
    ts           TEXT    NOT NULL,
    employee_id  TEXT    NOT NULL,
    system       TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    person_id    TEXT    NOT NULL,
    case_id      TEXT    NOT NULL DEFAULT '',
    -- NULL when nothing explained the look-up
    explained_by TEXT,
    -- the risk signals that fired, comma-separated
    signals      TEXT    NOT NULL DEFAULT ''
);
-- Log search: all look-ups of a person, or by an employee, over a period.
CREATE INDEX lookup_person_ts_idx ON lookup (person_id, ts);
CREATE INDEX lookup_employee_ts_idx ON lookup (employee_id, ts);

-- id is derived from the alert's content (employee, person, first event),
-- not the engine's per-run number, so that re-scans upsert.
CREATE TABLE alert (
    id                 TEXT    PRIMARY KEY,
    employee_id        TEXT    NOT NULL,
    employee_pseudonym TEXT    NOT NULL,
    person_id          TEXT    NOT NULL,
    first_ts           TEXT    NOT NULL,
    last_ts            TEXT    NOT NULL,
    score              REAL    NOT NULL,
    severity           TEXT    NOT NULL,
    severity_rank      INTEGER NOT NULL,
    -- the explanations tried, comma-separated
    explanations       TEXT    NOT NULL DEFAULT '',
    status             TEXT    NOT NULL DEFAULT 'open',
    dossier_id         INTEGER REFERENCES dossier (id) ON DELETE SET NULL,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);
CREATE INDEX alert_inbox_idx ON alert (status, severity_rank, score);
CREATE INDEX alert_pseudonym_idx ON alert (employee_pseudonym);

-- No foreign key to lookup: a scan may deliver an alert before the last of
-- its look-ups is flushed.
CREATE TABLE alert_event (
    alert_id TEXT    NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    event_id TEXT    NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (alert_id, event_id)
);
CREATE INDEX alert_event_event_idx ON alert_event (event_id);

CREATE TABLE alert_reason (
    alert_id TEXT    NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    rule     TEXT    NOT NULL,
    text     TEXT    NOT NULL,
    PRIMARY KEY (alert_id, position)
);

-- Status changes and reveals, with who, when and why.
CREATE TABLE alert_action (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id   TEXT    NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    action     TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    at         TEXT    NOT NULL,
    dossier_id INTEGER
);
CREATE INDEX alert_action_alert_idx ON alert_action (alert_id, id);

-- The look-ups attached to a dossier (an escalated alert's).
CREATE TABLE dossier_lookup (
    dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    event_id   TEXT    NOT NULL,
    PRIMARY KEY (dossier_id, event_id)
);

-- +goose Down
DROP TABLE dossier_lookup;
DROP TABLE alert_action;
DROP TABLE alert_reason;
DROP TABLE alert_event;
DROP TABLE alert;
DROP TABLE lookup;
