-- +goose Up
-- Restricted context for the detection half of the fairness monitor: the
-- group attributes of employees (codes of the codebook's restricted fields,
-- '' for unknown), imported from employee_groups.csv. Read only by the
-- aggregate query of sqlstore/employee_group.go, which returns counts per
-- group; never shown per employee (docs/formats.md, docs/security.md).
CREATE TABLE employee_group (
    employee_id    TEXT NOT NULL PRIMARY KEY,
    surname_origin TEXT NOT NULL DEFAULT '',
    gender         TEXT NOT NULL DEFAULT '',
    age_band       TEXT NOT NULL DEFAULT '',
    tenure_band    TEXT NOT NULL DEFAULT ''
);

-- +goose Down
DROP TABLE employee_group;
