// Keys added by ALTER TABLE in later exec() calls are judged against the tables earlier calls
// created: the chain tasks -> projects, and a SET NULL key on a column another literal made
// NOT NULL.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t module
struct Db { void exec(const char *); };
void migrate(Db &db) {
  db.exec("CREATE TABLE projects (id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL)");
  db.exec("CREATE TABLE tasks (id BIGINT PRIMARY KEY, project_id BIGINT NOT NULL, reviewer_id BIGINT NOT NULL)");
  db.exec("ALTER TABLE projects ADD FOREIGN KEY (owner_id) REFERENCES users(id) ON DELETE CASCADE");
  db.exec("ALTER TABLE tasks ADD FOREIGN KEY (project_id) REFERENCES projects(id)");
// CHECK: tu-alter.cpp:[[@LINE-1]]:59: warning: foreign key tasks(project_id) references projects(id) without ON DELETE CASCADE; deleting a user cascades to projects and fails here [cascade-blocked-delete-path]
// CHECK: tu-alter.cpp:[[@LINE-2]]:59: note: delete path: users <- projects <- tasks
// FIXED: {{^}}  db.exec("ALTER TABLE tasks ADD FOREIGN KEY (project_id) REFERENCES projects(id) ON DELETE CASCADE");{{$}}
  db.exec("ALTER TABLE tasks ADD FOREIGN KEY (reviewer_id) REFERENCES users(id) ON DELETE SET NULL");
// CHECK: tu-alter.cpp:[[@LINE-1]]:60: warning: foreign key tasks(reviewer_id) references users(id) with ON DELETE SET NULL but reviewer_id is NOT NULL; deleting a user fails with a not-null violation [cascade-set-null-not-null]
// FIXED: {{^}}  db.exec("ALTER TABLE tasks ADD FOREIGN KEY (reviewer_id) REFERENCES users(id) ON DELETE CASCADE");{{$}}
}
