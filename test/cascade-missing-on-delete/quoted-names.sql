-- Unquoted names fold to lower case; quoted names are exact.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE a (u UUID REFERENCES USERS(ID));
-- CHECK: :[[@LINE-1]]:24: warning: foreign key a(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE a (u UUID REFERENCES USERS(ID) ON DELETE CASCADE);{{$}}
CREATE TABLE "Audit Log" ("User" UUID REFERENCES "users"("id"));
-- CHECK: :[[@LINE-1]]:39: warning: foreign key "Audit Log"("User") references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE "Audit Log" ("User" UUID REFERENCES "users"("id") ON DELETE CASCADE);{{$}}
CREATE TABLE b (u UUID REFERENCES "Users"(id));
CREATE TABLE c (u UUID REFERENCES auth.users(id));
-- CHECK: :[[@LINE-1]]:24: warning: foreign key c(u) references auth.users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE c (u UUID REFERENCES auth.users(id) ON DELETE CASCADE);{{$}}
