-- +goose Up
-- Facts about the database itself, such as whether lekradar demo made it (so
-- that demo never replaces a real registry).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- +goose Down
DROP TABLE meta;
