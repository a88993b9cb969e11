import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryPartnerApi } from '../../src/api/memory/index.js';

/** What the voucher element tests share: a fast in-memory backend, shadow queries, axe, widths. */
export const adapter = (options: MemoryAdapterOptions = {}) => createMemoryAdapter({ latencyMs: 5, verificationRules: { resendAfterSeconds: 0 }, ...options });
export const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string): T => el.shadowRoot!.querySelector(selector) as T;
export const $$ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)] as T[];
export const text = (el: HTMLElement, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const button = (el: HTMLElement, label: string, scope = '') =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`${scope} button`)].find((b) => b.textContent?.trim() === label)!;
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const LOCALES = ['en-US', 'zh-CN'] as const;

/** Verifies straight through the backend, as a user reading the outbox would. */
export function outboxVerifier(api: MemoryPartnerApi) {
  return async ({ purpose }: { purpose: string }) => {
    const policy = await api.getVerificationPolicy();
    if (!policy.enabled || !policy.guardedPurposes.includes(purpose)) return undefined;
    await api.sendVerificationCode({ purpose, channel: 'sms' }).catch(() => undefined);
    return api.checkVerificationCode({ purpose, channel: 'sms', code: api.outbox.at(-1)!.code });
  };
}

/** axe with every WCAG 2.0–2.2 A and AA rule, target size (off by default in axe) included. */
export async function accessible(el: Element): Promise<void> {
  await expect(el).to.be.accessible();
  (window as unknown as { axe: { configure(spec: object): void } }).axe.configure({ rules: [{ id: 'target-size', enabled: true }] });
  await expect(el).to.be.accessible();
}

/** How far the page scrolls sideways: more than zero means something widened it. */
export const pageOverflow = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;

/** The left edge of each header cell and of the same column's cell in every body row. */
export function columnEdges(el: HTMLElement): number[][] {
  const left = (node: Element) => Math.round(node.getBoundingClientRect().left);
  const head = $$(el, '.thead .th').map(left);
  const rows = $$(el, '.tbody .tr').map((row) => [...row.children].map(left));
  return [head, ...rows];
}

/** The container widths every element must be right in. */
export const WIDTHS = [320, 480, 768, 1024, 1440] as const;

/** Mounts `template` in a box `width` px wide, on a viewport that just holds it and the body's margins. */
export async function inBox<T extends HTMLElement>(width: number, template: unknown, tag: string): Promise<T> {
  await setViewport({ width: width + 16, height: 800 });
  const box = await fixture<HTMLDivElement>(html`<div class="box">${template}</div>`);
  box.style.width = `${width}px`;
  const el = box.querySelector(tag) as T;
  await waitUntil(() => el.shadowRoot?.querySelector('.tbody .tr[data-key]'), `${tag} has no rows at ${width}px`);
  return el;
}

/** Adds the first `count` customers the search offers that can be added. */
export async function addCustomers(el: LitLike, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    $$<HTMLButtonElement>(el, '#customer-results button:not([disabled], [aria-disabled=true])')[0]!.click();
    await el.updateComplete;
  }
}

/** Types `value` into the field at `selector` as a user would, one input event. */
export async function type(el: LitLike, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
  await el.updateComplete;
}

/**
 * Opens `<voucher-issue-form>`'s validity section as a user does (its editors come with it) and
 * picks `date` as the first day, one change event.
 */
export async function pickValidFrom(el: LitLike, date: string): Promise<void> {
  $(el, 'summary').click();
  await waitUntil(() => $(el, '#valid-from'), 'the validity editors did not come');
  const from = $<HTMLInputElement>(el, '#valid-from');
  from.value = date;
  from.dispatchEvent(new Event('change'));
}

type LitLike = HTMLElement & { updateComplete: Promise<boolean> };
