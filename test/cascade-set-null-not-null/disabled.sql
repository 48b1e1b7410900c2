-- With only the other check enabled, nothing is reported here.
-- RUN: %cascade-tidy --checks='-*,cascade-missing-on-delete' %s 2>&1 | %check-diags --allow-empty %s
CREATE TABLE notes (owner_id UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL);
