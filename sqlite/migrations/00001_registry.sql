-- +goose Up
-- The registry: dossiers and their parts, the register of vulnerable spots
-- and the workforce. Dates are TEXT 'YYYY-MM-DD', timestamps TEXT as the
-- driver writes them, booleans INTEGER 0/1; NULL means unknown.

CREATE TABLE dossier (
    id                       INTEGER PRIMARY KEY AUTOINCREMENT,
    reg_no                   TEXT    NOT NULL UNIQUE,
    -- reg_no split up, to find the next sequence of a department and year
    reg_abbr                 TEXT    NOT NULL,
    reg_year                 INTEGER NOT NULL,
    reg_seq                  INTEGER NOT NULL,
    department               TEXT    NOT NULL,
    allegation               TEXT    NOT NULL,
    summary                  TEXT    NOT NULL DEFAULT '',
    -- denormalised from the phase history, for filtering
    current_phase            TEXT    NOT NULL,
    opened                   TEXT,
    opened_year              INTEGER,
    suspicion_outcome        TEXT    NOT NULL DEFAULT '',
    disciplinary_measure     TEXT    NOT NULL DEFAULT '',
    criminal_outcome         TEXT    NOT NULL DEFAULT '',
    context_use              TEXT    NOT NULL DEFAULT '',
    context_recipient        TEXT    NOT NULL DEFAULT '',
    context_initiative       TEXT    NOT NULL DEFAULT '',
    context_benefit_to_crime INTEGER CHECK (context_benefit_to_crime IN (0, 1)),
    context_motive           TEXT    NOT NULL DEFAULT '',
    created_at               TEXT    NOT NULL,
    updated_at               TEXT    NOT NULL
);
CREATE INDEX dossier_reg_seq_idx ON dossier (reg_abbr, reg_year, reg_seq);
CREATE INDEX dossier_department_idx ON dossier (department);
CREATE INDEX dossier_opened_year_idx ON dossier (opened_year);
CREATE INDEX dossier_current_phase_idx ON dossier (current_phase);
CREATE INDEX dossier_suspicion_outcome_idx ON dossier (suspicion_outcome);

CREATE TABLE dossier_phase (
    dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    phase      TEXT    NOT NULL,
    date       TEXT    NOT NULL,
    PRIMARY KEY (dossier_id, position)
);

CREATE TABLE dossier_means (
    dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    means      TEXT    NOT NULL,
    date       TEXT,
    PRIMARY KEY (dossier_id, position)
);

CREATE TABLE report (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    dossier_id    INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    channel       TEXT    NOT NULL,
    received      TEXT    NOT NULL,
    summary       TEXT    NOT NULL DEFAULT '',
    alert_id      TEXT    NOT NULL DEFAULT '',
    acknowledged  TEXT,
    feedback_sent TEXT,
    UNIQUE (dossier_id, position)
);
CREATE INDEX report_channel_idx ON report (channel);

-- Who reported is the most sensitive fact in the registry. It lives apart
-- from the report so that it can be encrypted and access-restricted alone.
CREATE TABLE reporter_identity (
    report_id    INTEGER PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
    reporter_ref TEXT NOT NULL
);

CREATE TABLE suspect (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    dossier_id     INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    identified     INTEGER NOT NULL CHECK (identified IN (0, 1)),
    employee_ref   TEXT    NOT NULL DEFAULT '',
    rank           TEXT    NOT NULL DEFAULT '',
    unit           TEXT    NOT NULL DEFAULT '',
    team_kind      TEXT    NOT NULL DEFAULT '',
    executive      INTEGER CHECK (executive IN (0, 1)),
    surname_origin TEXT    NOT NULL DEFAULT '',
    gender         TEXT    NOT NULL DEFAULT '',
    age_band       TEXT    NOT NULL DEFAULT '',
    tenure_band    TEXT    NOT NULL DEFAULT '',
    UNIQUE (dossier_id, position)
);
CREATE INDEX suspect_rank_idx ON suspect (rank);

CREATE TABLE leaked_item (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    dossier_id            INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    position              INTEGER NOT NULL,
    source_system         TEXT    NOT NULL,
    info_type             TEXT    NOT NULL,
    ongoing_investigation INTEGER CHECK (ongoing_investigation IN (0, 1)),
    harm                  TEXT    NOT NULL DEFAULT '',
    description           TEXT    NOT NULL DEFAULT '',
    UNIQUE (dossier_id, position)
);

CREATE TABLE vulnerable_spot (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    area        TEXT NOT NULL,
    unit        TEXT NOT NULL DEFAULT '',
    team_kind   TEXT NOT NULL DEFAULT '',
    system      TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    measures    TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    identified  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX vulnerable_spot_area_idx ON vulnerable_spot (area);
CREATE INDEX vulnerable_spot_unit_idx ON vulnerable_spot (unit);
CREATE INDEX vulnerable_spot_status_idx ON vulnerable_spot (status);

CREATE TABLE vulnerable_spot_dossier (
    spot_id    INTEGER NOT NULL REFERENCES vulnerable_spot (id) ON DELETE CASCADE,
    dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (spot_id, dossier_id)
);
CREATE INDEX vulnerable_spot_dossier_dossier_idx ON vulnerable_spot_dossier (dossier_id);

CREATE TABLE org_unit (
    unit      TEXT    PRIMARY KEY,
    position  INTEGER NOT NULL,
    fte       REAL    NOT NULL,
    headcount INTEGER NOT NULL
);

CREATE TABLE workforce_cell (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    unit           TEXT    NOT NULL,
    rank           TEXT    NOT NULL,
    team_kind      TEXT    NOT NULL,
    executive      INTEGER NOT NULL CHECK (executive IN (0, 1)),
    surname_origin TEXT    NOT NULL,
    gender         TEXT    NOT NULL,
    age_band       TEXT    NOT NULL,
    tenure_band    TEXT    NOT NULL,
    count          INTEGER NOT NULL CHECK (count >= 0),
    UNIQUE (unit, rank, team_kind, executive, surname_origin, gender, age_band, tenure_band)
);

-- +goose Down
DROP TABLE workforce_cell;
DROP TABLE org_unit;
DROP TABLE vulnerable_spot_dossier;
DROP TABLE vulnerable_spot;
DROP TABLE leaked_item;
DROP TABLE suspect;
DROP TABLE reporter_identity;
DROP TABLE report;
DROP TABLE dossier_means;
DROP TABLE dossier_phase;
DROP TABLE dossier;
