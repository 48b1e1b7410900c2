// ActorColumnPatterns 'sponsor' (ownership-options.cpp): published_by no longer names an actor.
const char *kVersions = "CREATE TABLE versions (id UUID PRIMARY KEY, published_by UUID REFERENCES users(id))";
// CHECK: ownership-patterns.cpp:[[@LINE-1]]:88: warning: foreign key versions(published_by) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}const char *kVersions = "CREATE TABLE versions (id UUID PRIMARY KEY, published_by UUID REFERENCES users(id) ON DELETE CASCADE)";{{$}}
const char *kGrants = "CREATE TABLE grants (id UUID PRIMARY KEY, sponsor_id UUID REFERENCES users(id))";
// CHECK: ownership-patterns.cpp:[[@LINE-1]]:82: warning: foreign key grants(sponsor_id) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
// CHECK: ownership-patterns.cpp:[[@LINE-2]]:82: note: the name sponsor_id records who acted on the row (ActorColumnPatterns): the fix sets ON DELETE SET NULL, so the row outlives that user; use ON DELETE CASCADE instead if the row belongs to that user
// CHECK: ownership-patterns.cpp:[[@LINE-3]]:82: note: structure and name disagree: sponsor_id is the only key from grants to users, which alone would make it the owner
// FIXED: {{^}}const char *kGrants = "CREATE TABLE grants (id UUID PRIMARY KEY, sponsor_id UUID REFERENCES users(id) ON DELETE SET NULL)";{{$}}
