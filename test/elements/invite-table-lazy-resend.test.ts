import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { InviteTable } from '../../src/invite-table.js';
import { createMemoryAdapter, type MemoryPartnerApi } from '../../src/api/memory/index.js';
import { countEffects } from '../host/support/invite-table-flows.js';
import { resendModule } from '../../src/elements/invite-table/resend-module.js';
import { installTheme } from '../../src/themes/install.js';
import { antDesignTheme } from '../../src/themes/presets/ant-design.js';

// Module fetches are read from resource timing; the default buffer of 250 entries could drop them.
performance.setResourceTimingBufferSize(10_000);

/** Code only resending needs: the job, its pacing, the confirmation and progress views. */
const RESEND_CODE = ['/core/invites/resend-job.', '/core/pacer.', '/elements/invite-table/batch-resend-view.', '/elements/invite-table/resend-part.'];

/** How often the page fetched each of `files` so far. */
function fetches(files: readonly string[]): number[] {
  const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
  return files.map((file) => urls.filter((url) => url.includes(file)).length);
}

const $ = <T extends Element = HTMLElement>(el: InviteTable, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: InviteTable, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const button = (el: InviteTable, text: string) => $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.trim().startsWith(text));
/** The next frame: `updateComplete` waits for the resend code, so what is drawn meanwhile is read after a frame. */
const drawn = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function mount(): Promise<{ el: InviteTable; api: MemoryPartnerApi }> {
  const api = createMemoryAdapter({ latencyMs: 5, invitationCount: 60 });
  const el = await fixture<InviteTable>(html`<invite-table .api=${api} locale="en-US"></invite-table>`);
  await waitUntil(() => $$(el, '.tbody .tr').length > 0, 'no rows');
  return { el, api };
}

/** The first row that can be resent. */
const resendableRow = (el: InviteTable) => $$(el, '.tbody .tr').find((row) => !row.querySelector<HTMLButtonElement>('.td:last-child button')!.disabled)!;

describe('<invite-table> fetches resending when first needed', () => {
  let real: typeof resendModule.load;

  before(async () => {
    real = resendModule.load;
    await import('../../src/invite-table.js');
  });

  afterEach(() => {
    resendModule.load = real;
  });

  it('costs a page that lists invitations none of the resend code up front', () => {
    expect(performance.getEntriesByType('resource').length, 'the timing buffer kept every fetch').to.be.below(10_000);
    expect(fetches(RESEND_CODE), RESEND_CODE.join(', ')).to.deep.equal([0, 0, 0, 0]);
  });

  it('loads it once however often a resend is asked for while it comes, and sends each row once', async () => {
    let loads = 0;
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    resendModule.load = async () => {
      loads += 1;
      await arrived;
      return real();
    };
    const { el, api } = await mount();
    const effects = countEffects(api);
    const events: unknown[] = [];
    el.addEventListener('invitations-resent', (event) => events.push(event.detail));
    const row = resendableRow(el);
    const resend = row.querySelector<HTMLButtonElement>('.td:last-child button')!;
    resend.click();
    resend.click();
    await drawn();
    expect($(el, '[role=status]')!.textContent).to.equal('Loading…');
    await expect(el).to.be.accessible();
    arrive();
    await waitUntil(() => events.length === 1, 'the row was not resent');
    await el.updateComplete;
    expect(loads).to.equal(1);
    expect([...effects.values()]).to.deep.equal([1]);
    expect(events).to.have.length(1);
  });

  it('moves focus with the arrow keys at once while the resend code is still coming', async () => {
    resendModule.load = () => new Promise(() => {});
    const { el } = await mount();
    resendableRow(el).querySelector<HTMLButtonElement>('.td:last-child button')!.click();
    await drawn();
    expect($(el, '[role=status]')!.textContent, 'the resend code is not here yet').to.equal('Loading…');
    const cell = (row: number, col: number) => $(el, `.tr[data-row="${row}"] .td[data-col="${col}"]`);
    cell(0, 0)!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await drawn();
    expect(el.shadowRoot!.activeElement, 'focus waited for the resend code').to.equal(cell(1, 0));
  });

  it('says a failed load in the network words, sends nothing, and the retry opens the confirmation', async () => {
    let offline = true;
    let loads = 0;
    resendModule.load = async () => {
      loads += 1;
      if (offline) throw new TypeError('Failed to fetch dynamically imported module');
      return real();
    };
    const { el, api } = await mount();
    const effects = countEffects(api);
    resendableRow(el).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await el.updateComplete;
    button(el, 'Resend selected (1)')!.click();
    await waitUntil(() => $(el, '.error-state[role=alert]'), 'the failure shown');
    expect($(el, '.error-state')!.textContent).to.contain('Cannot reach the server. Try again.');
    expect($<HTMLDialogElement>(el, 'dialog')?.open ?? false).to.equal(false);
    await expect(el).to.be.accessible();
    const tried = loads;
    offline = false;
    button(el, 'Try again')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the confirmation after the retry');
    expect(loads).to.equal(tried + 1);
    expect($(el, '.error-state')).to.equal(null);
    expect($(el, '#confirm-title')!.textContent).to.equal('Resend 1 invitation?');
    const resent = oneEvent(el, 'invitations-resent');
    button(el, 'OK')!.click();
    expect((await resent).detail.succeeded).to.have.length(1);
    expect([...effects.values()]).to.deep.equal([1]);
  });

  it("adds the confirmation's sheets and keeps the demo marker's and a theme installed in the root", async () => {
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    resendModule.load = async () => {
      await arrived;
      return real();
    };
    // On the demo backend (no `api`): its marker's sheet is in the root, and a theme is installed there too.
    const el = await fixture<InviteTable>(html`<invite-table locale="en-US"></invite-table>`);
    installTheme(antDesignTheme, () => ({ light: ':host', dark: ':host(.pk-dark)', auto: ":host([data-pk-theme~='auto'])" }), el.shadowRoot!);
    const style = (selector: string) => getComputedStyle($(el, selector)!);
    await waitUntil(() => $$(el, '.tbody .tr').length > 0 && $(el, '[part=demo-marker]'), 'no rows beside the demo marker');
    resendableRow(el).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    // Not `updateComplete`: it waits for the resend code, held back until the batch is asked for.
    await waitUntil(() => button(el, 'Resend selected (1)'), 'the selection not counted');
    button(el, 'Resend selected (1)')!.click();
    arrive();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the confirmation did not open');
    await el.updateComplete;

    expect(style('[part=demo-marker]').borderTopStyle).to.equal('dashed');
    expect(style('dialog .primary').backgroundColor, 'the theme still applies').to.equal('rgb(22, 119, 255)');
    expect(style('dialog .dialog-actions').display, 'the dialog has its chrome').to.equal('flex');
    // The chrome says `:host { display: contents }` for a host that is only a dialog; the table stays a box.
    expect(getComputedStyle(el).display).to.equal('block');
    button(el, 'Cancel')!.click();
  });
});
