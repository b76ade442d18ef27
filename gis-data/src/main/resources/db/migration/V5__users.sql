-- Users of the write endpoints (WFS-T, OGC API Features Part 4, imports, rule edits).
-- Passwords are stored only as Spring Security DelegatingPasswordEncoder hashes ({bcrypt}…,
-- {argon2}…); there is no default user: the first admin comes from the environment
-- (CITY_ADMIN_USER / CITY_ADMIN_PASSWORD) at start-up.
-- role: admin edits everything; editor edits only features whose owner (权属单位) is its
-- organisation; viewer may read when reads are not public, and never write.

CREATE TABLE app_user (
  username      text PRIMARY KEY CHECK (username ~ '^[A-Za-z0-9_.@-]{1,64}$'),
  password_hash text NOT NULL CHECK (password_hash ~ '^\{[a-z0-9-]+\}'),
  role          text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  organization  text REFERENCES organization (code),
  enabled       boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'editor' OR organization IS NOT NULL)
);
COMMENT ON TABLE app_user IS 'Service users: hashed password, role and the organisation (权属单位) an editor edits for';
