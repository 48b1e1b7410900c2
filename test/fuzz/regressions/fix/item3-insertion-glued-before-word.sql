CREATE TEY, user_id UUID REFERENCES users(id)KEY, usete_actions (id  users(id));
