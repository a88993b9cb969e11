import type { PartnerApi } from '../../src/api/adapter.js';

/**
 * The parties the portal does not play, through the server's dev routes (`--dev-outbox`): the
 * payer finishing or abandoning the newest online payment, the bank matching a pending transfer,
 * the back office deciding the newest claim under review. Each button says what it did in the
 * status line next to it.
 */
export function devControls(api: PartnerApi, headers: () => Record<string, string>) {
  const dev = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`/partner-api/kit/v1/dev${path}`, { ...init, headers: { ...headers(), 'Content-Type': 'application/json' } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };

  /** The payer settles the newest payment still waiting (`purpose` narrows it to an order or a top-up). */
  async function settle(outcome: 'paid' | 'failed', purpose: 'order' | 'top-up'): Promise<string> {
    const { payments } = (await dev('/payments')) as { payments: { payment_id: string; purpose: string; order_id: string | null }[] };
    const payment = payments.find((p) => p.purpose === purpose);
    if (!payment) return purpose === 'order' ? '没有等待付款的在线支付 · No online payment is waiting' : '没有等待付款的充值 · No top-up is waiting';
    await dev(`/payments/${encodeURIComponent(payment.payment_id)}/settle`, { method: 'POST', body: JSON.stringify({ outcome }) });
    return `${payment.payment_id}${payment.order_id ? ` (${payment.order_id})` : ''}: ${outcome === 'paid' ? '已支付 · paid' : '已放弃 · given up'}`;
  }

  async function match(): Promise<string> {
    const [transfer] = (await api.listRemittances({ status: 'pending', offset: 0, limit: 1 })).items;
    if (!transfer) return '没有待匹配的转账（先开通汇款账户） · No pending transfer (enable the remittance account first)';
    await dev(`/remittances/${encodeURIComponent(transfer.id)}/match`, { method: 'POST' });
    return `${transfer.id}: 已匹配 · matched`;
  }

  async function review(outcome: 'approved' | 'rejected'): Promise<string> {
    const claim = (await api.listRemittanceClaims({ offset: 0, limit: 100 })).items.find((c) => c.status === 'reviewing');
    if (!claim) return '没有审核中的认领 · No claim is under review';
    const body = outcome === 'rejected' ? { outcome, reason: '转账凭证与汇款不符 · The voucher does not match the remittance' } : { outcome };
    await dev(`/remittance-claims/${encodeURIComponent(claim.id)}/review`, { method: 'POST', body: JSON.stringify(body) });
    return `${claim.id}: ${outcome === 'approved' ? '已通过 · approved' : '已驳回 · rejected'}`;
  }

  return { settle, match, review };
}

/** Wires the buttons inside `root` (`data-action`) to `actions`, each answer written to the root's status line. */
export function wireButtons(root: HTMLElement, actions: Record<string, () => Promise<string>>): void {
  const status = root.querySelector('[role=status]') as HTMLElement;
  root.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest('button')?.dataset['action'];
    const run = action ? actions[action] : undefined;
    if (!run) return;
    run().then(
      (said) => (status.textContent = said),
      (error: unknown) => (status.textContent = String(error)),
    );
  });
}
