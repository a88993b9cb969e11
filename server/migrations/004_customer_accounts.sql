-- Customer accounts: created on the customer's behalf (CreateSubCustomer), their registration
-- codes, the availability checks' rate, and unbind requests raised by customers.

-- The partner (or its distributor) is restricted and may not acquire customers (CBC.50010085).
ALTER TABLE tenants ADD COLUMN restricted boolean NOT NULL DEFAULT false;

-- A tenant that guards unbinding guards deciding a customer's unbind request too.
UPDATE tenants SET guarded_purposes = array_append(guarded_purposes, 'unbind-request')
  WHERE 'unbind' = ANY(guarded_purposes) AND NOT ('unbind-request' = ANY(guarded_purposes));

-- The initial password of an account created here: only a salted scrypt hash.
ALTER TABLE customers ADD COLUMN password_hash text;

-- Accounts created whose association with the partner has not finished yet: the partner center
-- completes it asynchronously, and the row moves to `customers` once `ready_at` has passed.
CREATE TABLE customer_creations (
  tenant_id text NOT NULL REFERENCES tenants,
  customer_id text NOT NULL,
  seq bigint NOT NULL,
  account_name text NOT NULL,
  name text NOT NULL,
  mobile text,
  email text,
  password_hash text,
  created_at bigint NOT NULL,
  ready_at bigint NOT NULL,
  PRIMARY KEY (tenant_id, customer_id)
);

-- The registration code last texted to a mobile; only an HMAC of it is stored.
CREATE TABLE registration_codes (
  tenant_id text NOT NULL REFERENCES tenants,
  mobile text NOT NULL,
  code_id text NOT NULL,
  code_hash text NOT NULL,
  sent_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  PRIMARY KEY (tenant_id, mobile)
);

-- Every availability check in the last second, for CheckUserIdentity's 5 a second.
CREATE TABLE identity_checks (
  tenant_id text NOT NULL REFERENCES tenants,
  checked_at bigint NOT NULL
);
CREATE INDEX identity_checks_by_tenant ON identity_checks (tenant_id, checked_at);

-- Requests customers raised to end their association; only a pending one can be decided.
CREATE TABLE unbind_requests (
  tenant_id text NOT NULL REFERENCES tenants,
  request_id text NOT NULL,
  seq integer NOT NULL,
  customer_id text NOT NULL,
  account_name text NOT NULL,
  customer_name text NOT NULL,
  requested_at bigint NOT NULL,
  reason text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  handled_at bigint,
  reject_reason text,
  PRIMARY KEY (tenant_id, request_id)
);
