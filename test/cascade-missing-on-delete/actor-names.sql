-- ActorColumnPatterns match each run of a column name's words (split at '_' and at a
-- lower-to-upper change): created_by_user_id, last_edited_by, assignee_id, "lastEditedBy" and
-- reviewer_id name an actor (ON DELETE SET NULL even as the only key); standby_user_id,
-- owned_by (negated), co_owned_by (negated), reactor_id and by_user_id do not (CASCADE).
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE a (id UUID PRIMARY KEY, created_by_user_id UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:62: warning: foreign key a(created_by_user_id) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:62: note: the name created_by_user_id records who acted on the row (ActorColumnPatterns): the fix sets ON DELETE SET NULL, so the row outlives that user; use ON DELETE CASCADE instead if the row belongs to that user
-- CHECK: :[[@LINE-3]]:62: note: structure and name disagree: created_by_user_id is the only key from a to users, which alone would make it the owner
-- FIXED: {{^}}CREATE TABLE a (id UUID PRIMARY KEY, created_by_user_id UUID REFERENCES users(id) ON DELETE SET NULL);{{$}}
CREATE TABLE b (id UUID PRIMARY KEY, last_edited_by UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:58: warning: foreign key b(last_edited_by) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:58: note: the name last_edited_by records who acted on the row (ActorColumnPatterns): the fix sets ON DELETE SET NULL, so the row outlives that user; use ON DELETE CASCADE instead if the row belongs to that user
-- CHECK: :[[@LINE-3]]:58: note: structure and name disagree: last_edited_by is the only key from b to users, which alone would make it the owner
-- FIXED: {{^}}CREATE TABLE b (id UUID PRIMARY KEY, last_edited_by UUID REFERENCES users(id) ON DELETE SET NULL);{{$}}
CREATE TABLE c (id UUID PRIMARY KEY, assignee_id UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:55: warning: foreign key c(assignee_id) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:55: note: the name assignee_id records who acted on the row (ActorColumnPatterns): the fix sets ON DELETE SET NULL, so the row outlives that user; use ON DELETE CASCADE instead if the row belongs to that user
-- CHECK: :[[@LINE-3]]:55: note: structure and name disagree: assignee_id is the only key from c to users, which alone would make it the owner
-- FIXED: {{^}}CREATE TABLE c (id UUID PRIMARY KEY, assignee_id UUID REFERENCES users(id) ON DELETE SET NULL);{{$}}
CREATE TABLE d (id UUID PRIMARY KEY, "lastEditedBy" UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:58: warning: foreign key d("lastEditedBy") references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:58: note: the name "lastEditedBy" records who acted on the row (ActorColumnPatterns): the fix sets ON DELETE SET NULL, so the row outlives that user; use ON DELETE CASCADE instead if the row belongs to that user
-- CHECK: :[[@LINE-3]]:58: note: structure and name disagree: "lastEditedBy" is the only key from d to users, which alone would make it the owner
-- FIXED: {{^}}CREATE TABLE d (id UUID PRIMARY KEY, "lastEditedBy" UUID REFERENCES users(id) ON DELETE SET NULL);{{$}}
CREATE TABLE e (id UUID PRIMARY KEY, reviewer_id UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:55: warning: foreign key e(reviewer_id) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:55: note: the name reviewer_id records who acted on the row (ActorColumnPatterns): the fix sets ON DELETE SET NULL, so the row outlives that user; use ON DELETE CASCADE instead if the row belongs to that user
-- CHECK: :[[@LINE-3]]:55: note: structure and name disagree: reviewer_id is the only key from e to users, which alone would make it the owner
-- FIXED: {{^}}CREATE TABLE e (id UUID PRIMARY KEY, reviewer_id UUID REFERENCES users(id) ON DELETE SET NULL);{{$}}
CREATE TABLE f (id UUID PRIMARY KEY, standby_user_id UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:59: warning: foreign key f(standby_user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE f (id UUID PRIMARY KEY, standby_user_id UUID REFERENCES users(id) ON DELETE CASCADE);{{$}}
CREATE TABLE g (id UUID PRIMARY KEY, owned_by UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:52: warning: foreign key g(owned_by) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE g (id UUID PRIMARY KEY, owned_by UUID REFERENCES users(id) ON DELETE CASCADE);{{$}}
CREATE TABLE h (id UUID PRIMARY KEY, co_owned_by UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:55: warning: foreign key h(co_owned_by) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE h (id UUID PRIMARY KEY, co_owned_by UUID REFERENCES users(id) ON DELETE CASCADE);{{$}}
CREATE TABLE i (id UUID PRIMARY KEY, reactor_id UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:54: warning: foreign key i(reactor_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE i (id UUID PRIMARY KEY, reactor_id UUID REFERENCES users(id) ON DELETE CASCADE);{{$}}
CREATE TABLE j (id UUID PRIMARY KEY, by_user_id UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:54: warning: foreign key j(by_user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE j (id UUID PRIMARY KEY, by_user_id UUID REFERENCES users(id) ON DELETE CASCADE);{{$}}
