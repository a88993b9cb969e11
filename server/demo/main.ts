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
import { createHttpAdapter } from '../../src/api/http/index.js';
import type { PartnerKitProvider } from '../../src/partner-kit-provider.js';
import type { WithdrawDialog } from '../../src/withdraw-dialog.js';

// The kit on its HTTP adapter, talking to the reference server (`npm run demo` in server/) through
// Vite's proxy; the token is the demo tenant's.
const headers = () => ({ 'X-Auth-Token': 'demo-token' });
const kit = document.querySelector('#kit') as PartnerKitProvider;
kit.api = createHttpAdapter({ baseUrl: '/partner-api', headers });

const dialog = document.querySelector('#withdraw-dialog') as WithdrawDialog;
document.querySelector('#withdraw')?.addEventListener('click', () => dialog.show());

// The codes the server "sent" (its dev outbox), where a real portal's user would read their phone.
const outbox = document.querySelector('#outbox') as HTMLElement;
async function pollOutbox() {
  const response = await fetch('/partner-api/kit/v1/dev/outbox', { headers: headers() });
  const { messages } = (await response.json()) as { messages: { code: string; channel: string; purpose: string }[] };
  outbox.replaceChildren(
    ...messages.map((m) => {
      const item = document.createElement('li');
      item.textContent = `${m.code} · ${m.channel} · ${m.purpose}`;
      return item;
    }),
  );
}
setInterval(() => void pollOutbox().catch(() => undefined), 2000);
