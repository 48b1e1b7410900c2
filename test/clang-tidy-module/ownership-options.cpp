// The module's CheckOptions: OwnershipPolicy (default structural: the actor reviewer_id gets
// ON DELETE SET NULL with a note naming the owner) and ActorColumnPatterns. Here the patterns
// are replaced by `sponsor`: published_by then cascades and sponsor_id is set to null.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t module
// RUN: bash %utils/cxx-fix-and-check.sh %S/Inputs/ownership-cascade-all.cpp %t.all module "-config={CheckOptions: {cascade-missing-on-delete.OwnershipPolicy: cascade-all}}"
// RUN: bash %utils/cxx-fix-and-check.sh %S/Inputs/ownership-patterns.cpp %t.pat module "-config={CheckOptions: {cascade-missing-on-delete.ActorColumnPatterns: 'sponsor'}}"
const char *kReviews = "CREATE TABLE reviews (id UUID PRIMARY KEY, user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE, reviewer_id UUID REFERENCES users(id))";
// CHECK: ownership-options.cpp:[[@LINE-1]]:147: warning: foreign key reviews(reviewer_id) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
// CHECK: ownership-options.cpp:[[@LINE-2]]:147: note: reviews is owned through user_id; cascading reviewer_id would delete other users' rows: the fix sets ON DELETE SET NULL
// FIXED: {{^}}const char *kReviews = "CREATE TABLE reviews (id UUID PRIMARY KEY, user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE, reviewer_id UUID REFERENCES users(id) ON DELETE SET NULL)";{{$}}
