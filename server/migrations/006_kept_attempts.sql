-- Attempts a refusal must not undo. A refused intent rolls back what its effect wrote, so the
-- attempts it counts are written after that rollback (`keep` in src/idempotency.ts).

-- Wrong registration codes entered against the code last sent to a mobile; the third locks it.
ALTER TABLE registration_codes ADD COLUMN failures integer NOT NULL DEFAULT 0;

-- Every pay intent that reached an order still waiting, refused or not: the pay burst counts them.
CREATE TABLE pay_attempts (
  tenant_id text NOT NULL REFERENCES tenants,
  order_id text NOT NULL,
  attempted_at bigint NOT NULL
);
CREATE INDEX pay_attempts_by_order ON pay_attempts (tenant_id, order_id, attempted_at);
