-- RUN: bash %utils/fix-and-check.sh %s %t
ALTER TABLE messages ADD CONSTRAINT messages_author_fk
  FOREIGN KEY (author_id) REFERENCES users(id) NOT VALID;
-- CHECK: :[[@LINE-1]]:27: warning: foreign key messages(author_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE NOT VALID;{{$}}
ALTER TABLE profiles ADD COLUMN delegate_id UUID REFERENCES users(id);
-- CHECK: :[[@LINE-1]]:50: warning: foreign key profiles(delegate_id) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:50: note: profiles is owned through owner; cascading delegate_id would delete other users' rows: the fix sets ON DELETE SET NULL
-- FIXED: {{^}}ALTER TABLE profiles ADD COLUMN delegate_id UUID REFERENCES users(id) ON DELETE SET NULL;{{$}}
ALTER TABLE IF EXISTS ONLY public.profiles ADD COLUMN IF NOT EXISTS owner UUID NOT NULL REFERENCES public.users;
-- CHECK: :[[@LINE-1]]:89: warning: foreign key public.profiles(owner) references public.users without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}ALTER TABLE IF EXISTS ONLY public.profiles ADD COLUMN IF NOT EXISTS owner UUID NOT NULL REFERENCES public.users ON DELETE CASCADE;{{$}}
