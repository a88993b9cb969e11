-- Payments: orders customers asked the partner to pay (代支付) and online payments (top-ups, orders
-- paid through a third-party channel). Balance payments and top-ups move the `balances` rows of
-- type 'cash' (the account balance) and 'allocatable', so every read of a balance agrees.

-- An order leaves 'pending' once, to 'paid' or 'rejected'; the row lock taken by every pay, reject
-- and notify makes two keys for one order run one after the other, the second seeing the first's end.
CREATE TABLE payment_orders (
  tenant_id text NOT NULL REFERENCES tenants,
  order_id text NOT NULL,
  seq integer NOT NULL,
  customer_id text NOT NULL,
  masked_customer text NOT NULL,
  product text NOT NULL,
  amount bigint NOT NULL CHECK (amount >= 0),
  currency text NOT NULL,
  service_start_at bigint NOT NULL,
  payment_deadline bigint NOT NULL,
  marketplace_goods boolean NOT NULL,
  online_channels text[] NOT NULL,
  estimated_rebate bigint NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'rejected')),
  paid_by text CHECK (paid_by IN ('balance', 'online')),
  paid_at bigint,
  reject_reason text,
  rejected_at bigint,
  PRIMARY KEY (tenant_id, order_id)
);

-- The daily cap sums the day's balance payments.
CREATE INDEX payment_orders_paid_by_balance ON payment_orders (tenant_id, paid_at) WHERE paid_by = 'balance';

-- Every "this order can no longer be paid, order again" message sent to a customer.
CREATE TABLE order_notifications (
  id bigserial PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants,
  order_id text NOT NULL,
  notified_at bigint NOT NULL
);

-- An online payment waits for the payer until it expires; the payment provider then reports it
-- paid or failed. `status` 'pending' past `expires_at` reads as expired and is written so on the
-- next look.
CREATE TABLE online_payments (
  tenant_id text NOT NULL REFERENCES tenants,
  payment_id text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('top-up', 'order')),
  order_id text,
  channel text,
  amount bigint NOT NULL CHECK (amount > 0),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'expired', 'failed')),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  settled_at bigint,
  PRIMARY KEY (tenant_id, payment_id),
  CHECK ((purpose = 'order') = (order_id IS NOT NULL))
);

-- One open online payment per order: a second could charge the order twice once both are paid.
CREATE UNIQUE INDEX online_payments_open_per_order ON online_payments (tenant_id, order_id) WHERE status = 'pending' AND order_id IS NOT NULL;
