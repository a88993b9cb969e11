import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/invitation-link.js';
import type { InvitationLink } from '../../src/invitation-link.js';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../src/api/memory/index.js';
import { OPERATOR_ACCOUNT } from '../../src/api/memory/reporting.js';
import { QUIET_ZONE, qrModules, qrSvgFile, type QrModules } from '../../src/qr/qr-code.js';

type Decoder = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

/** jsQR, an independent decoder, loaded from its UMD build (it ships no ES module). */
let decoder: Decoder | undefined;
async function jsQR(): Promise<Decoder> {
  if (!decoder) {
    const source = await (await fetch('/node_modules/jsqr/dist/jsQR.js')).text();
    const module = { exports: {} as { default?: Decoder } };
    new Function('module', 'exports', source)(module, module.exports);
    decoder = module.exports.default ?? (module.exports as unknown as Decoder);
  }
  return decoder;
}

/** What a phone reads from the modules: drawn 4 px a module with the quiet zone, then decoded. */
async function scan(modules: QrModules): Promise<string | undefined> {
  const scale = 4;
  const side = (modules.length + 2 * QUIET_ZONE) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy += 1) {
        for (let dx = 0; dx < scale; dx += 1) {
          const at = (((y + QUIET_ZONE) * scale + dy) * side + (x + QUIET_ZONE) * scale + dx) * 4;
          pixels.fill(0, at, at + 3);
        }
      }
    }),
  );
  return (await jsQR())(pixels, side, side)?.data;
}

/** The modules the element drew, read back from its SVG path (one `M x y h n v1 h -n z` per run). */
function modulesOf(el: InvitationLink): boolean[][] {
  const svg = el.shadowRoot!.querySelector('figure svg')!;
  const side = Number(svg.getAttribute('viewBox')!.split(' ')[2]) - 2 * QUIET_ZONE;
  const modules = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  for (const [, x, y, n] of svg.querySelector('path')!.getAttribute('d')!.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(n); i += 1) modules[Number(y)]![Number(x) + i] = true;
  }
  return modules;
}

const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector(selector) as T;
const button = (el: HTMLElement, text: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;
const confirmButton = (el: HTMLElement, text: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('dialog button')].find((b) => b.textContent?.trim() === text)!;
const shownUrl = (el: InvitationLink) => $<HTMLInputElement>(el, '#url').value;

async function link(options: MemoryAdapterOptions = {}, attrs: { kind?: string; locale?: string; label?: string } = {}) {
  const api = createMemoryAdapter({ invitationCount: 5, ...options });
  const el = await fixture<InvitationLink>(html`<invitation-link .api=${api} locale=${attrs.locale ?? 'en-US'} kind=${attrs.kind ?? 'generic'} .label=${attrs.label}></invitation-link>`);
  await waitUntil(() => el.shadowRoot!.querySelector('#url, .error-state'), 'no link');
  return { el, api };
}

describe('<invitation-link>: the QR code opens exactly the link shown', () => {
  const texts = [
    'https://p.example/i/A',
    'HTTPS://P.EXAMPLE/I/ABC123',
    'https://partner.example.com/invite/ABCDEFGHJK?label=%E5%8D%8E%E4%B8%9C%E6%B8%A0%E9%81%93',
    'https://partner.example.com/invite/ABCDEFGHJK?label=华东渠道',
    '邀请 张三：https://例子.测试/邀请?标签=王小明',
    `https://partner.example.com/invite/${'X'.repeat(300)}?label=${'长'.repeat(40)}`,
    '0123456789',
  ];
  for (const text of texts) {
    it(`encodes ${text.length} characters (${text.slice(0, 40)}…) so that a decoder reads them back`, async () => {
      expect(await scan(qrModules(text))).to.equal(text);
    });
  }

  it('draws the modules of the link it shows, for the generic link and a custom one with a Chinese label', async () => {
    const { el } = await link();
    expect(await scan(modulesOf(el))).to.equal(shownUrl(el));
    const input = $<HTMLInputElement>(el, 'input[name=kind]:not(:checked)');
    input.click();
    await waitUntil(() => $(el, '#label') && shownUrl(el).includes('label='), 'no custom link');
    expect($<HTMLInputElement>(el, '#label').value, "the operator's account name by default").to.equal(OPERATOR_ACCOUNT);
    const label = $<HTMLInputElement>(el, '#label');
    label.value = '华东渠道 王小明';
    label.dispatchEvent(new Event('input'));
    button(el, 'Apply').click();
    await waitUntil(() => shownUrl(el).includes(encodeURIComponent('华东渠道')), 'label not applied');
    expect(await scan(modulesOf(el))).to.equal(shownUrl(el));
  });

  it('downloads an SVG of numbers only and a PNG that scans to the link, without a network request', async () => {
    const { el } = await link({}, { kind: 'custom', label: '<b>x</b>' });
    await waitUntil(() => $(el, '#label-error')?.textContent?.trim(), 'no label error');
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:test');
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = () => undefined;
    try {
      $<HTMLInputElement>(el, 'input[name=kind]').click();
      await waitUntil(() => !shownUrl(el)?.includes('label'), 'no generic link');
      button(el, 'Download SVG').click();
      button(el, 'Download PNG').click();
      await waitUntil(() => blobs.length === 2, 'no downloads');
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    const [svg, png] = blobs as [Blob, Blob];
    expect(await svg.text()).to.equal(qrSvgFile(qrModules(shownUrl(el))));
    expect(png.type).to.equal('image/png');
    const bitmap = await createImageBitmap(png);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const image = context.getImageData(0, 0, bitmap.width, bitmap.height);
    expect((await jsQR())(image.data, image.width, image.height)?.data).to.equal(shownUrl(el));
  });
});

describe('<invitation-link>', () => {
  it('copies the link on a click and says so; says how to copy by hand when the clipboard refuses', async () => {
    const { el } = await link();
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) } });
    try {
      button(el, 'Copy link').click();
      await waitUntil(() => $(el, 'div.visually-hidden[role=status]').textContent === 'Link copied.', 'no feedback');
      expect(copied).to.deep.equal([shownUrl(el)]);
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
      button(el, 'Copy link').click();
      await waitUntil(() => $(el, 'div.visually-hidden[role=status]').textContent?.startsWith('Could not copy'), 'no failure feedback');
      expect(el.shadowRoot!.activeElement?.id, 'the link is focused and selected for copying by hand').to.equal('url');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('regenerates with the keyboard alone, after a confirm step, and fires its event once', async () => {
    const { el } = await link();
    const before = shownUrl(el);
    button(el, 'Regenerate').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open, 'no confirm step');
    await expect(el).to.be.accessible();
    let events = 0;
    el.addEventListener('invitation-link-regenerated', () => (events += 1));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shownUrl(el) !== before, 'not regenerated');
    expect(events).to.equal(1);
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
    expect(el.shadowRoot!.activeElement?.textContent?.trim(), 'focus back on the button that opened the step').to.equal('Regenerate');
    const status = () => $(el, 'section > [role=status].visually-hidden').textContent!.trim();
    expect(status()).to.equal('A new link was created. The old one no longer works.');
    button(el, 'Revoke').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open, 'no confirm step');
    [...el.shadowRoot!.querySelectorAll('dialog button')].find((b) => b.textContent?.trim() === 'Revoke')!.dispatchEvent(new MouseEvent('click'));
    await waitUntil(() => button(el, 'Create a new link'), 'not revoked');
    expect(status(), 'the regenerated link is still announced after it was revoked').to.equal('');
  });

  it('revokes as an intent after the confirm step, then offers a new link', async () => {
    const { el, api } = await link();
    const keys: string[] = [];
    const original = api.revokeInvitationLink.bind(api);
    api.revokeInvitationLink = (request, options) => (keys.push(options.idempotencyKey), original(request, options));
    button(el, 'Revoke').focus();
    button(el, 'Revoke').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open, 'no confirm step');
    const revoked = oneEvent(el, 'invitation-link-revoked');
    [...el.shadowRoot!.querySelectorAll('dialog button')].find((b) => b.textContent?.trim() === 'Revoke')!.dispatchEvent(new MouseEvent('click'));
    await revoked;
    expect(keys).to.have.length(1);
    expect(keys[0]).to.match(/^lnk-/);
    await waitUntil(() => button(el, 'Create a new link'), 'no new-link offer');
    // The link and the Revoke that opened the step are gone: focus goes on to the offer, not to the page.
    await waitUntil(() => el.shadowRoot!.activeElement === button(el, 'Create a new link'), 'focus is not on the new-link offer');
    await expect(el).to.be.accessible();
    button(el, 'Create a new link').click();
    await waitUntil(() => $(el, '#url'), 'no new link');
  });

  it('after a lost regenerate answer hides the link that may be dead, and a check shows the new one, announced once', async () => {
    const { el, api } = await link({ faults: { regenerateInvitationLink: { kind: 'timeout', afterEffect: true, times: 1 } } });
    const before = shownUrl(el);
    const oldId = (await api.openInvitationLink({ kind: 'generic' })).id;
    const events: CustomEvent[] = [];
    el.addEventListener('invitation-link-regenerated', (e) => events.push(e));
    button(el, 'Regenerate').focus();
    button(el, 'Regenerate').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open, 'no confirm step');
    confirmButton(el, 'Regenerate').click();
    await waitUntil(() => button(el, 'Check what happened'), 'no unknown outcome');
    const alert = $(el, '[role=alert]').textContent!.replace(/\s+/g, ' ');
    expect(alert).to.contain('the link may have been regenerated').and.contain('The server did not answer in time.');
    expect(alert).to.not.contain('Could not');
    expect($(el, '#url'), 'no link that may be dead').to.equal(null);
    expect($(el, 'figure svg'), 'no QR code of it').to.equal(null);
    for (const text of ['Copy link', 'Download SVG', 'Download PNG', 'Revoke']) expect(button(el, text), text).to.equal(undefined);
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=kind]')].every((r) => r.matches(':disabled')), 'the kind is frozen').to.equal(true);
    expect(events).to.have.length(0);
    await waitUntil(() => el.shadowRoot!.activeElement === button(el, 'Check what happened'), 'focus is not on the check');
    await expect(el).to.be.accessible();
    button(el, 'Check what happened').click();
    await waitUntil(() => $(el, '#url'), 'no link after the check');
    const inForce = await api.openInvitationLink({ kind: 'generic' });
    expect(shownUrl(el)).to.not.equal(before);
    expect(shownUrl(el), 'the link the backend holds').to.equal(inForce.url);
    expect(events.map((e) => e.detail)).to.deep.equal([{ linkId: inForce.id, replacedLinkId: oldId }]);
    expect(api.calls.get('regenerateInvitationLink')).to.equal(1);
    await waitUntil(() => el.shadowRoot!.activeElement === button(el, 'Copy link'), 'focus fell to the page');
  });

  it('after a lost revoke answer revokes again under the same key: revoked once, one event', async () => {
    const { el, api } = await link({ faults: { revokeInvitationLink: { kind: 'server', afterEffect: true, times: 1 } } });
    const keys: string[] = [];
    const original = api.revokeInvitationLink.bind(api);
    api.revokeInvitationLink = (request, options) => (keys.push(options.idempotencyKey), original(request, options));
    let events = 0;
    el.addEventListener('invitation-link-revoked', () => (events += 1));
    button(el, 'Revoke').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open, 'no confirm step');
    confirmButton(el, 'Revoke').click();
    await waitUntil(() => button(el, 'Revoke again'), 'no unknown outcome');
    expect($(el, '[role=alert]').textContent).to.contain('the link may have been revoked').and.contain('The server failed before it answered.');
    expect($(el, '#url')).to.equal(null);
    button(el, 'Revoke again').focus();
    button(el, 'Revoke again').click();
    await waitUntil(() => button(el, 'Create a new link'), 'not revoked');
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(events).to.equal(1);
    await waitUntil(() => el.shadowRoot!.activeElement === button(el, 'Create a new link'), 'focus fell to the page');
  });

  it('names the action that failed in zh-CN, and says the link still works when a check finds it was never done', async () => {
    const { el, api } = await link({ faults: { regenerateInvitationLink: { kind: 'offline', times: 1 } } }, { locale: 'zh-CN' });
    await waitUntil(() => button(el, '重新生成'), 'no zh-CN words');
    button(el, '重新生成').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open, 'no confirm step');
    confirmButton(el, '重新生成').click();
    await waitUntil(() => button(el, '查询结果'), 'no unknown outcome');
    const text = () => $(el, 'section').textContent!.replace(/\s+/g, ' ');
    expect(text()).to.contain('链接可能已重新生成').and.contain('服务器应答前网络已断开。').and.not.contain('撤销');
    expect($(el, 'dialog').textContent, 'the closed step keeps the action it asked about').to.not.contain('撤销');
    await expect(el).to.be.accessible();
    button(el, '查询结果').click();
    await waitUntil(() => $(el, '#url'), 'no link after the check');
    expect($(el, '[part=error]').textContent).to.equal('无法重新生成链接。当前显示的链接仍然有效。');
    await api.revokeInvitationLink({ linkId: (await api.openInvitationLink({ kind: 'generic' })).id }, { idempotencyKey: 'lnk-test-0001' });
    button(el, '重新生成').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open, 'no confirm step');
    confirmButton(el, '重新生成').click();
    await waitUntil(() => $(el, '[part=error]').textContent, 'no refusal');
    expect($(el, '[part=error]').textContent).to.equal('无法重新生成链接。链接已被撤销或替换。');
  });

  it('draws nothing through a style attribute (strict CSP) and no text of the link into the code', async () => {
    const { el } = await link({}, { kind: 'custom', label: 'Zhang San' });
    expect(el.shadowRoot!.querySelectorAll('[style]')).to.have.length(0);
    expect($(el, 'figure svg').innerHTML).to.not.contain('Zhang');
  });

  for (const locale of ['en-US', 'zh-CN']) {
    it(`passes axe in ${locale}: loading, failed, generic, custom with a refused label`, async () => {
      const failing = await link({ faults: { openInvitationLink: { kind: 'server' } } }, { locale });
      await expect(failing.el).to.be.accessible();
      const { el } = await link({ latencyMs: 50 }, { locale, kind: 'custom' });
      await expect(el).to.be.accessible();
      const label = $<HTMLInputElement>(el, '#label');
      label.value = 'a\u202Eb';
      label.dispatchEvent(new Event('input'));
      $<HTMLFormElement>(el, 'form').requestSubmit();
      await waitUntil(() => $(el, '#label-error').textContent?.trim(), 'no label error');
      expect(label.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  }
});
