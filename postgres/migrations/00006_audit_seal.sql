-- +goose Up
-- The MAC of the audit trail's head under the registry's key (kept outside
-- the database): without the key nobody can rewrite the trail and
-- recompute a head that verifies.
ALTER TABLE audit_head ADD COLUMN mac TEXT;

-- +goose Down
ALTER TABLE audit_head DROP COLUMN mac;
