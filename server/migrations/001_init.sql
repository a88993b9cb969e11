-- The reference backend's schema. Plain PostgreSQL: the same file runs on PGlite and on a server.
-- Amounts are integer minor units (fen), times are epoch milliseconds (the server's clock, which
-- tests control), every business row belongs to one tenant.

CREATE TABLE tenants (
  tenant_id text PRIMARY KEY,
  company_real_name text NOT NULL,
  verification_enabled boolean NOT NULL,
  guarded_purposes text[] NOT NULL
);

-- Only a hash of each token is kept; the token maps to exactly one tenant.
CREATE TABLE api_tokens (
  token_hash text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants
);

CREATE TABLE customers (
  tenant_id text NOT NULL REFERENCES tenants,
  customer_id text NOT NULL,
  seq integer NOT NULL,
  account_name text NOT NULL,
  name text NOT NULL,
  mobile text,
  email text,
  association_type text NOT NULL,
  associated_at bigint,
  frozen boolean NOT NULL,
  PRIMARY KEY (tenant_id, customer_id)
);

CREATE TABLE quotas (
  tenant_id text NOT NULL REFERENCES tenants,
  quota_id text NOT NULL,
  seq integer NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  total bigint NOT NULL,
  balance bigint NOT NULL CHECK (balance >= 0),
  currency text NOT NULL,
  effective_from bigint NOT NULL,
  expires_at bigint NOT NULL,
  min_face_value bigint,
  max_face_value bigint,
  restrictions jsonb NOT NULL,
  PRIMARY KEY (tenant_id, quota_id)
);

CREATE TABLE coupons (
  tenant_id text NOT NULL REFERENCES tenants,
  coupon_id text NOT NULL,
  seq bigint NOT NULL,
  kind text NOT NULL,
  customer_id text NOT NULL,
  customer_name text,
  face_value bigint NOT NULL,
  balance bigint NOT NULL CHECK (balance >= 0),
  currency text NOT NULL,
  status text NOT NULL,
  effective_from bigint NOT NULL,
  expires_at bigint NOT NULL,
  issued_at bigint NOT NULL,
  PRIMARY KEY (tenant_id, coupon_id)
);

CREATE TABLE coupon_records (
  tenant_id text NOT NULL REFERENCES tenants,
  record_id text NOT NULL,
  operation text NOT NULL,
  quota_id text NOT NULL,
  kind text NOT NULL,
  coupon_id text,
  customer_id text NOT NULL,
  customer_name text,
  amount bigint NOT NULL,
  currency text NOT NULL,
  operated_at bigint NOT NULL,
  succeeded boolean NOT NULL,
  remark text,
  PRIMARY KEY (tenant_id, record_id)
);

CREATE TABLE balances (
  tenant_id text NOT NULL REFERENCES tenants,
  account_id text NOT NULL,
  seq integer NOT NULL,
  type text NOT NULL,
  amount bigint NOT NULL,
  credit_limit bigint,
  designated_amount bigint,
  currency text NOT NULL,
  PRIMARY KEY (tenant_id, account_id)
);

-- Banks and their branches are reference data shared by every tenant.
CREATE TABLE banks (
  bank_code text PRIMARY KEY,
  seq integer NOT NULL,
  bank_name text NOT NULL
);

CREATE TABLE branches (
  branch_code text PRIMARY KEY,
  seq integer NOT NULL,
  bank_code text NOT NULL REFERENCES banks,
  branch_name text NOT NULL,
  city text
);

CREATE TABLE payout_accounts (
  tenant_id text NOT NULL REFERENCES tenants,
  account_id text NOT NULL,
  seq integer NOT NULL,
  type text NOT NULL,
  holder_name text NOT NULL,
  bank_code text,
  bank_name text,
  masked_number text NOT NULL,
  branch_code text REFERENCES branches,
  PRIMARY KEY (tenant_id, account_id)
);

CREATE TABLE recharge_flows (
  tenant_id text NOT NULL REFERENCES tenants,
  flow_id text NOT NULL,
  received_at bigint NOT NULL,
  channel text NOT NULL,
  original_amount bigint NOT NULL,
  withdrawable_amount bigint NOT NULL CHECK (withdrawable_amount >= 0),
  account_id text NOT NULL,
  PRIMARY KEY (tenant_id, flow_id)
);

CREATE TABLE withdrawals (
  tenant_id text NOT NULL REFERENCES tenants,
  reference_id text NOT NULL,
  route text NOT NULL,
  amount bigint NOT NULL,
  flow_ids text[] NOT NULL,
  submitted_at bigint NOT NULL,
  PRIMARY KEY (tenant_id, reference_id)
);

CREATE TABLE invitations (
  tenant_id text NOT NULL REFERENCES tenants,
  invitation_id text NOT NULL,
  name text NOT NULL,
  mobile text NOT NULL,
  email text NOT NULL,
  status text NOT NULL,
  failure text,
  invited_at bigint NOT NULL,
  link_expires_at bigint NOT NULL,
  operator text NOT NULL,
  PRIMARY KEY (tenant_id, invitation_id)
);

-- One active code per tenant, purpose and channel; only an HMAC of the code is stored.
CREATE TABLE verification_codes (
  tenant_id text NOT NULL REFERENCES tenants,
  purpose text NOT NULL,
  channel text NOT NULL,
  code_hash text NOT NULL,
  sent_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, purpose, channel)
);

CREATE TABLE verification_locks (
  tenant_id text NOT NULL REFERENCES tenants,
  purpose text NOT NULL,
  locked_until bigint NOT NULL,
  PRIMARY KEY (tenant_id, purpose)
);

-- Every send, for the 15-an-hour / 60-a-day caps.
CREATE TABLE verification_sends (
  tenant_id text NOT NULL REFERENCES tenants,
  sent_at bigint NOT NULL
);
CREATE INDEX verification_sends_by_tenant ON verification_sends (tenant_id, sent_at);

-- What the SMS / e-mail gateway delivered. A real deployment hands codes to its gateway instead;
-- this table stands in for the phone, and is readable only when the server runs with devOutbox.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants,
  purpose text NOT NULL,
  channel text NOT NULL,
  destination text NOT NULL,
  code text NOT NULL,
  sent_at bigint NOT NULL
);

-- Single-use tickets of passed checks, hashed.
CREATE TABLE verification_tickets (
  ticket_hash text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants,
  purpose text NOT NULL,
  expires_at bigint NOT NULL
);

CREATE TABLE reveal_audit (
  id bigserial PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants,
  resource text NOT NULL,
  record_id text NOT NULL,
  field text NOT NULL,
  revealed_at bigint NOT NULL
);

-- One row per intent: written in the transaction of its effect, so an effect without its record
-- (or the reverse) cannot exist. The primary key is the guard against a second effect. A key a
-- lookup reported as not done is kept as 'abandoned', refused for good.
CREATE TABLE idempotency_keys (
  tenant_id text NOT NULL REFERENCES tenants,
  operation text NOT NULL,
  idempotency_key text NOT NULL,
  fingerprint text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('done', 'refused', 'abandoned')),
  http_status integer NOT NULL,
  response jsonb NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (tenant_id, operation, idempotency_key)
);

-- Fixed one-second windows per tenant, shared by every server process on this database.
CREATE TABLE rate_windows (
  tenant_id text PRIMARY KEY,
  window_start bigint NOT NULL,
  calls integer NOT NULL
);

CREATE TABLE counters (
  tenant_id text NOT NULL,
  name text NOT NULL,
  value bigint NOT NULL,
  PRIMARY KEY (tenant_id, name)
);
