-- The dedicated remittance account (转账汇款) and offline remittance claims (线下汇款认领).

-- One account per tenant, created by the first enabling and kept from then on. The full number
-- leaves the server only through an audited reveal.
CREATE TABLE remittance_accounts (
  tenant_id text PRIMARY KEY REFERENCES tenants,
  account_id text NOT NULL,
  beneficiary text NOT NULL,
  bank_name text NOT NULL,
  account_number text NOT NULL,
  reference text NOT NULL,
  currency text NOT NULL,
  payer_names text[] NOT NULL DEFAULT '{}' CHECK (cardinality(payer_names) <= 5),
  enabled_at bigint NOT NULL
);

-- Transfers the bank received: to the dedicated account (`dedicated`, matched to the partner
-- automatically, `matched_at` once done) or offline ones nobody was matched to (`offline`), which a
-- partner claims. The remitting account is kept in full: a search matches it exactly.
CREATE TABLE remittances (
  tenant_id text NOT NULL REFERENCES tenants,
  remittance_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('dedicated', 'offline')),
  remitter_name text NOT NULL,
  remitter_account text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  received_at bigint NOT NULL,
  matched_at bigint,
  PRIMARY KEY (tenant_id, remittance_id),
  CHECK (kind = 'dedicated' OR matched_at IS NULL)
);

CREATE INDEX remittances_by_kind ON remittances (tenant_id, kind, received_at DESC);

-- A claim of an offline remittance and its review. The voucher's bytes are kept for the reviewer,
-- with their SHA-256.
CREATE TABLE remittance_claims (
  tenant_id text NOT NULL REFERENCES tenants,
  claim_id text NOT NULL,
  seq bigint NOT NULL,
  remittance_id text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  claimed_at bigint NOT NULL,
  voucher_name text NOT NULL,
  voucher_type text NOT NULL CHECK (voucher_type IN ('image/jpeg', 'image/png', 'application/pdf')),
  voucher_size integer NOT NULL CHECK (voucher_size BETWEEN 1 AND 5242880),
  voucher_sha256 text NOT NULL,
  voucher bytea NOT NULL,
  status text NOT NULL DEFAULT 'reviewing' CHECK (status IN ('reviewing', 'approved', 'rejected')),
  reviewed_at bigint,
  reject_reason text,
  PRIMARY KEY (tenant_id, claim_id),
  FOREIGN KEY (tenant_id, remittance_id) REFERENCES remittances
);

-- A remittance is claimed once: only a rejected claim frees it for another.
CREATE UNIQUE INDEX remittance_claims_one_live ON remittance_claims (tenant_id, remittance_id) WHERE status <> 'rejected';

-- Texts that are not codes (the account details sent to the partner's mobile) carry their words.
ALTER TABLE outbox ADD COLUMN text text;
