-- PostgreSQL 15's SET NULL (cols) nulls only the listed columns.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE posts (
  tenant_id UUID NOT NULL,
  author_id UUID,
  FOREIGN KEY (tenant_id, author_id) REFERENCES users(tenant_id, id) ON DELETE SET NULL (author_id),
  FOREIGN KEY (tenant_id, author_id) REFERENCES users(tenant_id, id) ON DELETE SET NULL (tenant_id)
-- CHECK: :[[@LINE-1]]:38: warning: foreign key posts(tenant_id, author_id) references users(tenant_id, id) with ON DELETE SET NULL but tenant_id is NOT NULL; deleting a user fails with a not-null violation [cascade-set-null-not-null]
-- FIXED: {{^}}  FOREIGN KEY (tenant_id, author_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE{{$}}
);
