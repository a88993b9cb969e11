/**
 * Registers `tag` unless it already is: a host page that loads two bundles of the kit (or the same
 * entry twice) keeps the first definition instead of throwing. Where there is no DOM registry
 * (a server-side import), it does nothing.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, constructor);
}
