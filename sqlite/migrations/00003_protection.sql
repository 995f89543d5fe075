-- +goose Up
-- Protection: accounts, dossier members, sessions, API tokens, login
-- throttling and the hash-chained audit trail (docs/security.md).

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL UNIQUE,
    role          TEXT    NOT NULL,
    department    TEXT    NOT NULL DEFAULT '',
    employee_ref  TEXT    NOT NULL DEFAULT '',
    password_hash TEXT    NOT NULL DEFAULT '',
    totp_secret   TEXT    NOT NULL DEFAULT '',
    -- the last TOTP time step used, so that a code logs in only once
    totp_last_step INTEGER NOT NULL DEFAULT 0,
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);

-- Accounts added to a dossier see it whatever their department.
CREATE TABLE dossier_member (
    dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES app_user (id),
    added_by   TEXT    NOT NULL,
    added_at   TEXT    NOT NULL,
    PRIMARY KEY (dossier_id, user_id)
);
CREATE INDEX dossier_member_user_idx ON dossier_member (user_id);

-- The suspect-self rule looks suspects up by employee id on every read.
CREATE INDEX suspect_employee_ref_idx ON suspect (employee_ref);

-- Sessions and API tokens keep the SHA-256 of their token, never the token.
CREATE TABLE user_session (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash   TEXT    NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    csrf_secret  TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    last_seen_at TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL
);
CREATE INDEX user_session_user_idx ON user_session (user_id);
CREATE INDEX user_session_expires_idx ON user_session (expires_at);

CREATE TABLE api_token (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash   TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL,
    scope        TEXT    NOT NULL,
    user_id      INTEGER REFERENCES app_user (id),
    created_by   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);

CREATE TABLE login_attempt (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    key     TEXT    NOT NULL,
    success INTEGER NOT NULL CHECK (success IN (0, 1)),
    at      TEXT    NOT NULL
);
CREATE INDEX login_attempt_key_idx ON login_attempt (key, at);
CREATE INDEX login_attempt_at_idx ON login_attempt (at);

-- The audit trail: a hash chain (docs/security.md). seq is assigned by the
-- store, one more than the head, inside the transaction of the action.
CREATE TABLE audit_entry (
    seq         INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    object_type TEXT    NOT NULL,
    object_id   TEXT    NOT NULL DEFAULT '',
    detail      TEXT    NOT NULL DEFAULT '',
    prev_hash   TEXT    NOT NULL,
    hash        TEXT    NOT NULL
);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor);
CREATE INDEX audit_entry_object_idx ON audit_entry (object_type, object_id);

-- The newest entry's sequence and hash, updated with every append: catches
-- removal of the newest entries, and is the row appends lock in turn.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT    NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- +goose Down
DROP TABLE audit_head;
DROP TABLE audit_entry;
DROP TABLE login_attempt;
DROP TABLE api_token;
DROP TABLE user_session;
DROP INDEX suspect_employee_ref_idx;
DROP TABLE dossier_member;
DROP TABLE app_user;
