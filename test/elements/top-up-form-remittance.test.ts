import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/top-up-form.js';
import type { RemittanceAccountEnabledDetail, RemittanceClaimedDetail, TopUpForm } from '../../src/top-up-form.js';
import type { MaskedField } from '../../src/masked-field.js';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../src/api/memory/index.js';
import type { FaultSpec } from '../../src/api/memory/faults.js';
import type { VerificationTicket } from '../../src/model/schemas/verification.js';
import { VOUCHER_FILE_MAX_BYTES } from '../../src/model/schemas/remittance.js';

interface Setup {
  el: TopUpForm;
  api: MemoryPartnerApi;
  enabled: RemittanceAccountEnabledDetail[];
  claimed: RemittanceClaimedDetail[];
}

/** Verifies through the backend, as a user reading the SMS would. */
const codeFrom = (api: MemoryPartnerApi) => async ({ purpose }: { purpose: string }): Promise<VerificationTicket> => {
  await api.sendVerificationCode({ purpose, channel: 'sms' });
  return api.checkVerificationCode({ purpose, channel: 'sms', code: api.outbox.at(-1)!.code });
};

async function setup(view: 'transfer' | 'claim' | 'online', locale = 'en-US'): Promise<Setup> {
  const api = createMemoryAdapter({ latencyMs: 0, verificationRules: { resendAfterSeconds: 0 } });
  const enabled: RemittanceAccountEnabledDetail[] = [];
  const claimed: RemittanceClaimedDetail[] = [];
  const el = await fixture<TopUpForm>(
    html`<top-up-form .api=${api} .verifier=${codeFrom(api)} view=${view} locale=${locale}
      @remittance-account-enabled=${(e: CustomEvent<RemittanceAccountEnabledDetail>) => enabled.push(e.detail)}
      @remittance-claimed=${(e: CustomEvent<RemittanceClaimedDetail>) => claimed.push(e.detail)}></top-up-form>`,
  );
  return { el, api, enabled, claimed };
}

const $ = <T extends Element = HTMLElement>(el: TopUpForm, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: TopUpForm) => el.shadowRoot!.textContent?.replace(/\s+/g, ' ') ?? '';
const button = (el: TopUpForm, label: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim() === label);
const press = async (el: TopUpForm, label: string) => {
  await waitUntil(() => button(el, label) && !button(el, label)!.disabled, `no "${label}" to press`);
  // Focused first, as a click with the pointer does in Chromium: where focus goes next depends on where it was.
  button(el, label)!.focus();
  button(el, label)!.click();
};
const type = (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input'));
};
const active = (el: TopUpForm) => el.shadowRoot!.activeElement as HTMLElement | null;

async function enable(s: Setup): Promise<void> {
  await press(s.el, 'Verify and enable');
  await waitUntil(() => $(s.el, 'masked-field'), 'account shown');
}

async function choose(s: Setup, remitter = '张伟'): Promise<void> {
  type($(s.el, '#search-remitterName')!, remitter);
  ($(s.el, 'form[part=search]') as HTMLFormElement).requestSubmit();
  await waitUntil(() => $(s.el, '[data-claim]'), 'results shown');
  $(s.el, '[data-claim]')!.focus();
  $(s.el, '[data-claim]')!.click();
  await waitUntil(() => $(s.el, '#voucher'), 'claim form');
}

function pick(s: Setup, file: File): void {
  const input = $<HTMLInputElement>(s.el, '#voucher')!;
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}

const png = (size = 2048, name = 'voucher.png', mime = 'image/png') => new File([new Uint8Array(size)], name, { type: mime });

/** Each transport fault a write can meet, once. */
const FAULTS: [string, FaultSpec][] = [
  ['rate-limited', { kind: 'rate-limited', retryAfterSeconds: 1, times: 1 }],
  ['server error', { kind: 'server', times: 1 }],
  ['timeout', { kind: 'timeout', times: 1 }],
  ['offline', { kind: 'offline', times: 1 }],
  ['malformed answer', { kind: 'malformed', times: 1 }],
  ['tenant mismatch', { kind: 'tenant-mismatch', times: 1 }],
];

describe('<top-up-form> bank transfer and claim', () => {
  describe('tabs', () => {
    it('switches ways by keyboard alone, with one tab stop, and every way is accessible', async () => {
      const { el } = await setup('online');
      const tabs = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=tab]')];
      expect(tabs().map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);
      tabs()[0]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => active(el)?.id === 'tab-transfer', 'focus follows the arrow');
      expect(el.view).to.equal('transfer');
      expect($(el, '[role=tabpanel]')?.getAttribute('aria-labelledby')).to.equal('tab-transfer');
      await waitUntil(() => button(el, 'Verify and enable'), 'transfer panel');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'End' });
      await waitUntil(() => active(el)?.id === 'tab-claim');
      await waitUntil(() => $(el, '#search-remitterName'), 'claim panel');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => active(el)?.id === 'tab-online', 'wraps around');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id, 'Tab leaves the tab list for the panel').to.equal('amount');
    });

    it('opens on the way the host names, and falls back to online for an unknown one', async () => {
      const { el } = await setup('claim');
      expect($(el, '#tab-claim')?.getAttribute('aria-selected')).to.equal('true');
      el.setAttribute('view', 'nonsense');
      await el.updateComplete;
      expect($(el, '#tab-online')?.getAttribute('aria-selected')).to.equal('true');
    });
  });

  for (const locale of ['en-US', 'zh-CN'] as const) {
    it(`is accessible in every bank-transfer state (${locale})`, async () => {
      const s = await setup('transfer', locale);
      await waitUntil(() => $(s.el, '[part=enable]'), 'not enabled');
      await expect(s.el).to.be.accessible();
      $<HTMLButtonElement>(s.el, '[part=enable] button')!.click();
      await waitUntil(() => $(s.el, 'masked-field'), 'enabled');
      await waitUntil(() => $(s.el, '[part=transfers] [role=row][data-key]'), 'transfers');
      await expect(s.el).to.be.accessible();
    });

    it(`is accessible in every claim state (${locale})`, async () => {
      const s = await setup('claim', locale);
      await waitUntil(() => $(s.el, '[part=records]'), 'records');
      await expect(s.el).to.be.accessible();
      const search = $(s.el, 'form[part=search]') as HTMLFormElement;
      search.requestSubmit();
      await waitUntil(() => $(s.el, '#search-error')?.textContent?.trim(), 'nothing given');
      await expect(s.el).to.be.accessible();
      await choose(s);
      await expect(s.el).to.be.accessible();
      pick(s, png(10, 'v.gif', 'image/gif'));
      await waitUntil(() => $(s.el, '#voucher-error')?.textContent?.trim());
      await expect(s.el).to.be.accessible();
      s.api.setFaults({ claimRemittance: { kind: 'timeout', afterEffect: true, times: 1 } });
      pick(s, png());
      ($(s.el, 'form[part=claim]') as HTMLFormElement).requestSubmit();
      await waitUntil(() => $(s.el, '[part=result] h3'), 'outcome unknown');
      await expect(s.el).to.be.accessible();
      $<HTMLButtonElement>(s.el, '[part=result] button.primary')!.click();
      await waitUntil(() => s.claimed.length === 1, 'claimed');
      await expect(s.el).to.be.accessible();
    });
  }

  describe('bank transfer', () => {
    it('enables behind a code, once, and shows the account with a masked number', async () => {
      const s = await setup('transfer');
      await enable(s);
      expect(s.enabled).to.have.length(1);
      expect(text(s.el)).to.contain('招商银行北京分行营业部').and.contain('HWC8026410375');
      const field = $<MaskedField>(s.el, 'masked-field')!;
      expect(field.getAttribute('reveal-resource')).to.equal('remittance-account');
      expect(field.shadowRoot!.textContent).to.contain('1109 **** **** 8461');
      expect(field.shadowRoot!.querySelector('[part=toggle]')!.getAttribute('aria-label')).to.equal('Show account number');
      expect(active(s.el)?.id, 'focus on the account once the button is gone').to.equal('account-title');
    });

    it('copies the full number only after an audited reveal, and says so', async () => {
      const s = await setup('transfer');
      await enable(s);
      const copied: string[] = [];
      const clipboard = navigator.clipboard as Clipboard & { writeText: (t: string) => Promise<void> };
      const original = clipboard.writeText.bind(clipboard);
      clipboard.writeText = (value: string) => {
        copied.push(value);
        return Promise.resolve();
      };
      try {
        const field = $<MaskedField>(s.el, 'masked-field')!;
        field.shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')!.click();
        await waitUntil(() => field.shadowRoot!.querySelector('[part=copy]'), 'revealed');
        expect(s.api.auditLog.at(-1)).to.include({ resource: 'remittance-account', field: 'accountNumber' });
        field.shadowRoot!.querySelector<HTMLButtonElement>('[part=copy]')!.click();
        await waitUntil(() => field.shadowRoot!.querySelector('[part=status][role=status]')?.textContent?.includes('Copied'), 'copied said');
        expect(copied).to.deep.equal(['1109325871100028461']);
      } finally {
        clipboard.writeText = original;
      }
    });

    it('texts the details once per press, says where, then waits', async () => {
      const s = await setup('transfer');
      await enable(s);
      const send = button(s.el, 'Send the details by SMS')!;
      send.click();
      send.click();
      await waitUntil(() => text(s.el).includes('The details were sent to'), 'sent');
      expect(s.api.outbox.filter((m) => m.purpose === 'remittance-details')).to.have.length(1);
      await waitUntil(() => [...s.el.shadowRoot!.querySelectorAll('button')].some((b) => b.disabled && /Send again in \d+ s/.test(b.textContent ?? '')), 'cooldown');
    });

    it('saves the proof as a file through a blob URL, with no navigation', async () => {
      const s = await setup('transfer');
      await enable(s);
      const clicked: { href: string; download: string }[] = [];
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push({ href: this.href, download: this.download });
      };
      try {
        await press(s.el, 'Download the account proof');
        await waitUntil(() => text(s.el).includes('The account proof was downloaded.'), 'downloaded');
      } finally {
        HTMLAnchorElement.prototype.click = original;
      }
      expect(clicked).to.have.length(1);
      expect(clicked[0]!.href).to.match(/^blob:/);
      expect(clicked[0]!.download).to.equal('remittance-account-HWC8026410375.pdf');
    });

    it('adds, checks at the field, removes and saves payers by keyboard', async () => {
      const s = await setup('transfer');
      await enable(s);
      await press(s.el, 'Add a payer');
      await waitUntil(() => active(s.el)?.id === 'payer-0', 'focus in the new field');
      await sendKeys({ type: '杭州云帆科技有限公司' });
      button(s.el, 'Add a payer')!.click();
      await waitUntil(() => active(s.el)?.id === 'payer-1');
      await sendKeys({ type: '杭州云帆科技有限公司' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(s.el, '#payer-1')?.getAttribute('aria-invalid') === 'true', 'duplicate named at its field');
      expect($(s.el, '#payer-1-error')?.textContent).to.contain('already in the list');
      expect(s.api.calls.get('saveRemittancePayers')).to.equal(undefined);
      button(s.el, 'Remove payer 2')!.click();
      await waitUntil(() => active(s.el)?.id === 'payer-0', 'focus to the payer before');
      await press(s.el, 'Save payers');
      await waitUntil(() => text(s.el).includes('The payers were saved.'));
      for (let i = 0; i < 6; i += 1) button(s.el, 'Add a payer')!.click();
      await s.el.updateComplete;
      expect(s.el.shadowRoot!.querySelectorAll('.payer')).to.have.length(5);
      expect(button(s.el, 'Add a payer')!.disabled).to.equal(true);
    });

    it('names every payer that cannot be saved at one press of Save, and takes focus to the first', async () => {
      const s = await setup('transfer');
      await enable(s);
      for (let i = 0; i < 4; i += 1) button(s.el, 'Add a payer')!.click();
      await s.el.updateComplete;
      ['Acme', '', 'x'.repeat(130), ' ACME '].forEach((name, i) => type($<HTMLInputElement>(s.el, `#payer-${i}`)!, name));
      await s.el.updateComplete;
      expect($<HTMLInputElement>(s.el, '#payer-2')!.value, 'a long paste is kept whole').to.have.length(130);
      await press(s.el, 'Save payers');
      await waitUntil(() => active(s.el)?.id === 'payer-1', 'focus stayed on Save');
      const errors = [0, 1, 2, 3].map((i) => [$(s.el, `#payer-${i}`)!.getAttribute('aria-invalid'), $(s.el, `#payer-${i}-error`)!.textContent]);
      expect(errors).to.deep.equal([
        ['false', ''],
        ['true', 'Enter a name, or remove this payer.'],
        ['true', 'Use at most 100 characters.'],
        ['true', 'This name is already in the list.'],
      ]);
      expect(s.api.calls.get('saveRemittancePayers')).to.equal(undefined);
      await expect(s.el).to.be.accessible();
    });

    for (const [name, fault] of FAULTS) {
      it(`says what a ${name} did to each write, keeps what was typed, and the retry works`, async () => {
        const s = await setup('transfer');
        s.api.setFaults({ enableRemittanceAccount: fault });
        await press(s.el, 'Verify and enable');
        await waitUntil(() => $(s.el, '[role=alert]')?.textContent?.trim() || $(s.el, '[part=result]'), 'enable failure shown');
        await press(s.el, $(s.el, '[part=result]') ? 'Enable again' : 'Verify and enable');
        await waitUntil(() => $(s.el, 'masked-field'), 'enabled on retry');
        expect(s.enabled).to.have.length(1);

        s.api.setFaults({ sendRemittanceDetails: fault });
        await press(s.el, 'Send the details by SMS');
        await waitUntil(() => /not sent|No answer came back/.test(text(s.el)), 'sms failure shown');
        await press(s.el, 'Send the details by SMS');
        await waitUntil(() => text(s.el).includes('The details were sent to'), 'sent on retry');
        expect(s.api.outbox.filter((m) => m.purpose === 'remittance-details')).to.have.length(1);

        await press(s.el, 'Add a payer');
        type($(s.el, '#payer-0')!, '李娜');
        s.api.setFaults({ saveRemittancePayers: fault });
        await press(s.el, 'Save payers');
        await waitUntil(() => text(s.el).includes('The payers were not saved'), 'save failure shown');
        expect($<HTMLInputElement>(s.el, '#payer-0')!.value).to.equal('李娜');
        await press(s.el, 'Save payers');
        await waitUntil(() => text(s.el).includes('The payers were saved.'));
      });
    }
  });

  describe('coming back to a way', () => {
    it('shows transfers matched while the user was on another tab', async () => {
      const s = await setup('transfer');
      await enable(s);
      await waitUntil(() => $(s.el, '[part=transfers] [role=row][data-key]'), 'transfers');
      const pending = (await s.api.listRemittances({ status: 'pending', offset: 0, limit: 10 })).items[0]!;
      const row = () => $(s.el, `[part=transfers] [role=row][data-key="${pending.id}"]`);
      expect(row()?.textContent).to.contain('Being matched');
      $(s.el, '#tab-online')!.click();
      s.api.matchRemittance(pending.id);
      $(s.el, '#tab-transfer')!.click();
      await waitUntil(() => row()?.textContent?.includes('Matched') && !row()?.textContent?.includes('Being matched'), 'the match is not shown');
    });
  });

  describe('claim', () => {
    it('takes focus from Search and Confirm claim to the first field they refuse, and never cuts a pasted name', async () => {
      const s = await setup('claim');
      await waitUntil(() => $(s.el, '#search-remitterName'), 'search shown');
      // Pasted as the browser inserts it, under the field's maxlength: refused whole, not cut and searched.
      $(s.el, '#search-remitterName')!.focus();
      document.execCommand('insertText', false, '张'.repeat(250));
      await press(s.el, 'Search');
      await waitUntil(() => active(s.el)?.id === 'search-remitterName', 'focus stayed on Search');
      expect($(s.el, '#search-error')?.textContent).to.equal('That name is too long.');
      type($<HTMLInputElement>(s.el, '#search-remitterName')!, '');
      type($<HTMLInputElement>(s.el, '#search-remitterAccount')!, '12ab');
      await press(s.el, 'Search');
      await waitUntil(() => active(s.el)?.id === 'search-remitterAccount', 'focus stayed on Search');
      type($<HTMLInputElement>(s.el, '#search-remitterAccount')!, '');
      await choose(s);
      type($<HTMLInputElement>(s.el, '#claim-amount')!, 'abc');
      await press(s.el, 'Confirm claim');
      await waitUntil(() => active(s.el)?.id === 'claim-amount', 'focus stayed on Confirm claim');
      type($<HTMLInputElement>(s.el, '#claim-amount')!, '1');
      await press(s.el, 'Confirm claim');
      await waitUntil(() => active(s.el)?.id === 'voucher', 'focus not on the missing voucher');
      expect(s.api.calls.get('claimRemittance')).to.equal(undefined);
    });

    it('checks the voucher before any upload, with the message at the field', async () => {
      const s = await setup('claim');
      await choose(s);
      expect(active(s.el)?.id, 'focus on the claim form').to.equal('claim-title');
      pick(s, png(10, 'voucher.gif', 'image/gif'));
      await waitUntil(() => $(s.el, '#voucher')?.getAttribute('aria-invalid') === 'true');
      expect($(s.el, '#voucher-error')?.textContent).to.contain('JPG, PNG or PDF');
      expect($<HTMLInputElement>(s.el, '#voucher')!.value, 'the refused file is dropped').to.equal('');
      pick(s, png(VOUCHER_FILE_MAX_BYTES + 1, 'scan.pdf', 'application/pdf'));
      await waitUntil(() => $(s.el, '#voucher-error')?.textContent?.includes('larger than 5 MB'));
      ($(s.el, 'form[part=claim]') as HTMLFormElement).requestSubmit();
      await s.el.updateComplete;
      expect($(s.el, '#voucher-error')?.textContent).to.contain('Choose the transfer voucher');
      expect(s.api.calls.get('claimRemittance')).to.equal(undefined);
    });

    it("words the file picker in the element's language, not the browser's, and keeps it reachable by keyboard", async () => {
      const s = await setup('claim', 'zh-CN');
      await choose(s);
      const face = $(s.el, 'label[for=voucher].button')!;
      const input = $<HTMLInputElement>(s.el, '#voucher')!;
      expect(face.textContent?.trim()).to.equal('选择文件');
      expect($(s.el, '.file')!.textContent).to.contain('未选择文件');
      expect(input.getBoundingClientRect().width, 'the native face is hidden').to.be.at.most(1);
      input.focus();
      expect(active(s.el), 'the hidden input still takes focus').to.equal(input);
      expect(getComputedStyle(face).outlineStyle, 'and its face shows it').to.not.equal('none');
      pick(s, png(2048, '回单.png'));
      await waitUntil(() => $(s.el, '.file')!.textContent?.includes('回单.png'));
      await expect(s.el).to.be.accessible();
    });

    it('claims once whatever the clicks, emits remittance-claimed, and lists it under review', async () => {
      const s = await setup('claim');
      await choose(s);
      const amount = $<HTMLInputElement>(s.el, '#claim-amount')!;
      type(amount, '999999999');
      pick(s, png());
      ($(s.el, 'form[part=claim]') as HTMLFormElement).requestSubmit();
      await waitUntil(() => $(s.el, '#claim-amount-error')?.textContent?.includes('You can claim at most'), 'over the remittance');
      type(amount, '1.50');
      button(s.el, 'Confirm claim')!.click();
      button(s.el, 'Confirm claim')?.click();
      await waitUntil(() => s.claimed.length === 1, 'claimed');
      expect(text(s.el)).to.include('Claimed CN¥1.50');
      expect(s.claimed[0]).to.include({ amount: 150, status: 'reviewing', currency: 'CNY' });
      expect(s.api.calls.get('claimRemittance')).to.equal(1);
      await waitUntil(() => $(s.el, '[part=records] [role=row][data-key]')?.textContent?.includes('Under review'), 'record under review');
      expect($(s.el, '[part=records]')?.textContent).to.contain('voucher.png');
    });

    it('shows a review decided meanwhile when the claims tab is opened again', async () => {
      const s = await setup('claim');
      await choose(s);
      pick(s, png());
      await press(s.el, 'Confirm claim');
      await waitUntil(() => $(s.el, '[part=records] [role=row][data-key]'), 'record');
      s.api.reviewClaim(s.claimed[0]!.claimId, 'approved');
      $(s.el, '#tab-online')!.click();
      await s.el.updateComplete;
      $(s.el, '#tab-claim')!.click();
      await waitUntil(() => $(s.el, '[part=records] [role=row][data-key]')?.textContent?.includes('Approved'), 'approved shown');
    });

    it('shows a rejected review with its reason when the records are opened again', async () => {
      const s = await setup('claim');
      await choose(s);
      pick(s, png());
      await press(s.el, 'Confirm claim');
      await waitUntil(() => s.claimed.length === 1);
      s.api.reviewClaim(s.claimed[0]!.claimId, 'rejected', 'The voucher is unreadable.');
      const again = await fixture<TopUpForm>(html`<top-up-form .api=${s.api} view="claim" locale="en-US"></top-up-form>`);
      await waitUntil(() => $(again, '[part=records] [role=row][data-key]'), 'records');
      expect($(again, '[part=records] [role=row][data-key]')?.textContent).to.contain('Rejected').and.contain('The voucher is unreadable.');
      await expect(again).to.be.accessible();
    });

    for (const [name, fault] of FAULTS) {
      it(`keeps the claim typed through a ${name} and claims once on retry`, async () => {
        const s = await setup('claim');
        await choose(s);
        type($(s.el, '#claim-amount')!, '2.00');
        pick(s, png());
        s.api.setFaults({ claimRemittance: fault });
        await press(s.el, 'Confirm claim');
        await waitUntil(() => $(s.el, '[part=result] h3') || $(s.el, 'form[part=claim] [part=error]')?.textContent?.trim(), 'failure shown');
        if ($(s.el, '[part=result] h3')) await press(s.el, 'Send the same claim again');
        else {
          expect($<HTMLInputElement>(s.el, '#claim-amount')!.value).to.equal('2.00');
          expect($(s.el, '#voucher-hint')?.textContent).to.contain('voucher.png');
          await press(s.el, 'Confirm claim');
        }
        await waitUntil(() => s.claimed.length === 1, 'claimed on retry');
        const records = await s.api.listRemittanceClaims({ offset: 0, limit: 10 });
        expect(records.total).to.equal(1);
      });
    }
  });
});
