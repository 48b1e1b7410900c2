CREATE TABLE e (id int, u int REFERENCES users(id)$$x$$);
CREATE TABLE f (u int REFERENCES users/* c */(id)/* d */);
CREATE TABLE g (u int REFERENCES "users"("id")--x
);
