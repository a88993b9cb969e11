import { expect, waitUntil } from '@open-wc/testing';
import { autoloadedTags, loadElement, startAutoloader } from '../src/autoloader.js';

describe('autoloader (partner-kit/bundle.js)', () => {
  it('registers an element when its tag first appears, and only that one', async () => {
    expect(customElements.get('voucher-records')).to.equal(undefined);
    startAutoloader();
    const holder = document.createElement('div');
    holder.innerHTML = '<section><voucher-records></voucher-records></section>';
    document.body.append(holder);
    // The element's module is fetched on demand, transformed by the test server the first time: allow for a loaded machine.
    await waitUntil(() => customElements.get('voucher-records'), '<voucher-records> was not registered', { timeout: 10_000 });
    expect(customElements.get('invite-table')).to.equal(undefined);
    holder.remove();
  });

  it('registers what is already in the page when it starts, and is idempotent', async () => {
    startAutoloader();
    await loadElement('masked-field');
    expect(customElements.get('masked-field')).to.not.equal(undefined);
  });

  it('knows every tag the kit registers, and refuses one it does not know', async () => {
    expect(autoloadedTags).to.include.members(['partner-kit-provider', 'withdraw-dialog', 'verification-code-modal', 'invite-table']);
    let refused: unknown;
    await loadElement('not-a-kit-tag').catch((error: unknown) => (refused = error));
    expect(refused).to.be.instanceOf(Error);
  });
});
