import { Hono, type Context, type MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import type { Env } from './app.js';
import type { Db } from './db.js';
import { badRequest } from './errors.js';
import { readJson } from './json-body.js';
import { settlePayment } from './operations/payments.js';
import { matchRemittance, reviewClaim } from './operations/remittance.js';

const SettleBody = z.object({ outcome: z.enum(['paid', 'failed']) });
const ReviewBody = z.object({ outcome: z.enum(['approved', 'rejected']), reason: z.optional(z.string().check(z.minLength(1), z.maxLength(500))) });

/** A dev route's JSON body, or 400 in the contract's shape. */
async function body<S extends z.ZodMiniType>(schema: S, c: Context): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJson(c));
  if (!parsed.success) throw badRequest(`Invalid request: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  return parsed.data;
}

/**
 * What a demo or a test plays besides the partner, under `/kit/v1/dev` (the server's `devOutbox`
 * option; never in production): the texts "sent" (to the partner, and the notices customers get),
 * the online payments waiting for their payer, the payer finishing or abandoning an online
 * payment (the provider's callback), the back office reviewing a remittance claim, and the bank
 * matching a transfer to the dedicated account. Each answers whether it changed anything: a payment
 * settles once, a claim is decided once.
 */
export function devRoutes(db: Db, now: () => number, limit: MiddlewareHandler): Hono<Env> {
  const dev = new Hono<Env>();
  dev.use(limit);
  dev.get('/outbox', async (c) =>
    c.json({
      messages: await db.query(
        'SELECT id, purpose, channel, destination, code, text, sent_at FROM outbox WHERE tenant_id = $1 ORDER BY id DESC LIMIT 20',
        [c.get('tenant').tenantId],
      ),
    }),
  );
  // The payer's side needs the payment the portal just opened: the newest still waiting, first.
  dev.get('/payments', async (c) =>
    c.json({
      payments: await db.query(
        `SELECT payment_id, purpose, order_id, amount, expires_at FROM online_payments
         WHERE tenant_id = $1 AND status = 'pending' AND expires_at > $2 ORDER BY created_at DESC, payment_id DESC LIMIT 20`,
        [c.get('tenant').tenantId, now()],
      ),
    }),
  );
  dev.post('/payments/:payment_id/settle', async (c) => {
    const { outcome } = await body(SettleBody, c);
    const paymentId = c.req.param('payment_id');
    return c.json({ payment_id: paymentId, settled: await settlePayment(db, c.get('tenant').tenantId, paymentId, outcome, now()) });
  });
  dev.post('/remittance-claims/:claim_id/review', async (c) => {
    const { outcome, reason } = await body(ReviewBody, c);
    const claimId = c.req.param('claim_id');
    return c.json({ claim_id: claimId, reviewed: await reviewClaim(db, c.get('tenant').tenantId, claimId, outcome, now(), reason) });
  });
  dev.post('/remittances/:remittance_id/match', async (c) => {
    const remittanceId = c.req.param('remittance_id');
    return c.json({ remittance_id: remittanceId, matched: await matchRemittance(db, c.get('tenant').tenantId, remittanceId, now()) });
  });
  return dev;
}
