import '../../demo/demo.css';
import '../../src/partner-kit-provider.js';
import '../../src/verification-code-modal.js';
import '../../src/withdraw-dialog.js';
import '../../src/voucher-issue-form.js';
import '../../src/issued-voucher-list.js';
import '../../src/voucher-records.js';
import '../../src/invite-table.js';
import '../../src/customer-report-form.js';
import '../../src/invitation-link.js';
import '../../src/customer-create-form.js';
import '../../src/customer-list.js';
import '../../src/unbind-requests.js';
import '../../src/order-payment.js';
import '../../src/top-up-form.js';
import { createHttpAdapter } from '../../src/api/http/index.js';
import type { PartnerKitProvider } from '../../src/partner-kit-provider.js';
import type { WithdrawDialog } from '../../src/withdraw-dialog.js';
import { devControls, wireButtons } from './dev-controls.js';

// The kit on its HTTP adapter, talking to the reference server (`npm run demo` in server/) through
// Vite's proxy; the token is the demo tenant's.
const headers = () => ({ 'X-Auth-Token': 'demo-token' });
const kit = document.querySelector('#kit') as PartnerKitProvider;
const api = createHttpAdapter({ baseUrl: '/partner-api', headers });
kit.api = api;

const dialog = document.querySelector('#withdraw-dialog') as WithdrawDialog;
document.querySelector('#withdraw')?.addEventListener('click', () => dialog.show());

// The payer, the bank and the back office, played through the dev routes.
const played = devControls(api, headers);
wireButtons(document.querySelector('#order-payer') as HTMLElement, { pay: () => played.settle('paid', 'order'), 'give-up': () => played.settle('failed', 'order') });
wireButtons(document.querySelector('#top-up-payer') as HTMLElement, {
  pay: () => played.settle('paid', 'top-up'),
  'give-up': () => played.settle('failed', 'top-up'),
  match: () => played.match(),
  approve: () => played.review('approved'),
  reject: () => played.review('rejected'),
});

// What the server "sent" (its dev outbox): codes for the partner, where a real portal's user would
// read their phone, and the notices customers got (registration codes, paid orders, unbind answers).
const outbox = document.querySelector('#outbox') as HTMLElement;
async function pollOutbox() {
  const response = await fetch('/partner-api/kit/v1/dev/outbox', { headers: headers() });
  const { messages } = (await response.json()) as { messages: { code: string; text: string | null; channel: string; destination: string; purpose: string }[] };
  outbox.replaceChildren(
    ...messages.map((m) => {
      const item = document.createElement('li');
      item.textContent = [m.code, m.text, `${m.channel} → ${m.destination}`, m.purpose].filter(Boolean).join(' · ');
      return item;
    }),
  );
}
setInterval(() => void pollOutbox().catch(() => undefined), 2000);
