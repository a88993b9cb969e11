/**
 * Registers each kit element the first time its tag appears in the page, by importing that
 * element's chunk then: a page that shows only a `<masked-field>` never downloads the withdrawal
 * flow. One `MutationObserver` on the document watches for tags still to load and stops once every
 * one has loaded.
 * @module
 */

/** Each tag and the entry that registers it. */
const loaders: Readonly<Record<string, () => Promise<unknown>>> = {
  'partner-kit-provider': () => import('./partner-kit-provider.js'),
  'masked-field': () => import('./masked-field.js'),
  'verification-code-modal': () => import('./verification-code-modal.js'),
  'withdraw-dialog': () => import('./withdraw-dialog.js'),
  'voucher-issue-form': () => import('./voucher-issue-form.js'),
  'issued-voucher-list': () => import('./issued-voucher-list.js'),
  'voucher-records': () => import('./voucher-records.js'),
  'invite-table': () => import('./invite-table.js'),
  'invitation-link': () => import('./invitation-link.js'),
  'customer-report-form': () => import('./customer-report-form.js'),
  'customer-create-form': () => import('./customer-create-form.js'),
  'customer-list': () => import('./customer-list.js'),
  'unbind-requests': () => import('./unbind-requests.js'),
  'order-payment': () => import('./order-payment.js'),
  'top-up-form': () => import('./top-up-form.js'),
};

const loading = new Map<string, Promise<void>>();
let observer: MutationObserver | undefined;

/** Every kit tag the autoloader knows. */
export const autoloadedTags: readonly string[] = Object.keys(loaders);

/**
 * Imports the chunk that registers `tag` (once) and resolves when it is defined. Call it ahead of
 * time to prefetch an element the user is about to open.
 */
export function loadElement(tag: string): Promise<void> {
  const load = loaders[tag];
  if (!load) return Promise.reject(new Error(`partner-kit has no element <${tag}>.`));
  let done = loading.get(tag);
  if (!done) {
    done = load().then(() => customElements.whenDefined(tag)).then(() => undefined);
    loading.set(tag, done);
  }
  return done;
}

/** Loads every kit tag found in or under `root` that has not loaded yet. */
function discover(root: ParentNode): void {
  const pending = autoloadedTags.filter((tag) => !loading.has(tag));
  if (pending.length === 0) {
    observer?.disconnect();
    return;
  }
  const self = root instanceof Element && pending.includes(root.localName) ? [root.localName] : [];
  const found = new Set([...self, ...[...root.querySelectorAll(pending.join(','))].map((element) => element.localName)]);
  for (const tag of found) void loadElement(tag);
}

/**
 * Starts watching `document` (idempotent): what is in the page now loads at once, what is added
 * later (a framework rendering a route, `innerHTML`) loads when it arrives.
 */
export function startAutoloader(): void {
  if (observer || typeof document === 'undefined') return;
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  discover(document);
}
