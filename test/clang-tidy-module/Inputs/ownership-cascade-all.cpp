// OwnershipPolicy cascade-all (ownership-options.cpp): the actor cascades like any key.
const char *kReviews = "CREATE TABLE reviews (id UUID PRIMARY KEY, user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE, reviewer_id UUID REFERENCES users(id))";
// CHECK: ownership-cascade-all.cpp:[[@LINE-1]]:147: warning: foreign key reviews(reviewer_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}const char *kReviews = "CREATE TABLE reviews (id UUID PRIMARY KEY, user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE, reviewer_id UUID REFERENCES users(id) ON DELETE CASCADE)";{{$}}
