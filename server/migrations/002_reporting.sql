-- Customer expansion: reports (报备) and offline invitation links.

-- Reported invitations list first, newest on top; seeded rows keep 0 and their id order.
ALTER TABLE invitations ADD COLUMN seq bigint NOT NULL DEFAULT 0;

-- One report per account and partner: the primary key refuses a second one, even from two
-- concurrent requests under different idempotency keys.
CREATE TABLE customer_reports (
  tenant_id text NOT NULL REFERENCES tenants,
  account_id text NOT NULL,
  invitation_id text NOT NULL,
  reported_at bigint NOT NULL,
  PRIMARY KEY (tenant_id, account_id)
);

-- Every link made. `slot` is the kind and label a link answers for ('generic', 'custom|<label>');
-- revoked and replaced links stay, so acting on one again is refused rather than not found.
CREATE TABLE invitation_links (
  tenant_id text NOT NULL REFERENCES tenants,
  link_id text NOT NULL,
  slot text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('generic', 'custom')),
  label text,
  url text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  revoked_at bigint,
  PRIMARY KEY (tenant_id, link_id)
);

-- At most one link in force per slot.
CREATE UNIQUE INDEX invitation_links_in_force ON invitation_links (tenant_id, slot) WHERE revoked_at IS NULL;
