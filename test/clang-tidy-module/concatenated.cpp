// Adjacent literals are one string. An insertion at a chunk boundary goes at the end of the
// earlier chunk; a replacement that would straddle two chunks is reported without a fix.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t module
const char *kNotes = "CREATE TABLE notes ("
                     "author_id UUID REFERENCES users(id)"
// CHECK: concatenated.cpp:[[@LINE-1]]:38: warning: foreign key notes(author_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}                     "author_id UUID REFERENCES users(id) ON DELETE CASCADE"{{$}}
                     ")";
// FIXED: {{^}}                     ")";{{$}}
const char *kTags = "CREATE TABLE tags (u UUID REFERENCES users(id) ON DELETE NO" " ACTION)";
// CHECK: concatenated.cpp:[[@LINE-1]]:48: warning: foreign key tags(u) references users(id) with ON DELETE NO ACTION; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}const char *kTags = "CREATE TABLE tags (u UUID REFERENCES users(id) ON DELETE NO" " ACTION)";{{$}}
