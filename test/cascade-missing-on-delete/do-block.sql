-- drizzle-kit wraps every FK in a DO block: the DDL inside is analysed and fixed in place.
-- RUN: bash %utils/fix-and-check.sh %s %t
DO $$ BEGIN
 ALTER TABLE "notes" ADD CONSTRAINT "notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
-- CHECK: :[[@LINE-1]]:89: warning: foreign key notes(user_id) references public.users(id) with ON DELETE NO ACTION; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}} ALTER TABLE "notes" ADD CONSTRAINT "notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;{{$}}
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;

DO $body$
BEGIN
  RAISE NOTICE 'x uuid references users(id)';
  EXECUTE 'ALTER TABLE t ADD COLUMN u UUID REFERENCES users(id)';
END $body$;

CREATE OR REPLACE FUNCTION add_owner() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  ALTER TABLE docs ADD COLUMN owner_id UUID REFERENCES users (id);
-- CHECK: :[[@LINE-1]]:45: warning: foreign key docs(owner_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  ALTER TABLE docs ADD COLUMN owner_id UUID REFERENCES users (id) ON DELETE CASCADE;{{$}}
END;
$fn$;
