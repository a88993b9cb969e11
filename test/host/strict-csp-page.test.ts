import { expect } from '@open-wc/testing';
import type { CspHost } from './csp/page.js';

/**
 * Every element's main flow on a page served with the policy payment portals ship (see
 * csp/csp-header.mjs): an inline style, a string style binding, an inline handler, an `eval` or an
 * untrusted `innerHTML` anywhere in the kit shows up as a violation and fails its flow.
 */
describe('a host page under a strict CSP and Trusted Types', () => {
  let host: CspHost;

  before(async function () {
    this.timeout(20_000);
    const frame = document.createElement('iframe');
    frame.src = '/test/host/csp/page.html';
    frame.style.cssText = 'width: 1280px; height: 800px; border: 0';
    document.body.append(frame);
    const start = performance.now();
    while (!(frame.contentWindow as (Window & { cspHost?: CspHost }) | null)?.cspHost) {
      if (performance.now() - start > 15_000) throw new Error('the strict-CSP page did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    host = (frame.contentWindow as Window & { cspHost: CspHost }).cspHost;
  });

  it('really enforces the policy there, so a clean run means something', async () => {
    const { inlineStyleApplied, stringHtmlAccepted, reported } = await host.probe();
    expect(inlineStyleApplied, 'inline <style> applied').to.equal(false);
    expect(stringHtmlAccepted, 'string innerHTML accepted').to.equal(false);
    expect(reported.some((r) => r.includes('style-src'))).to.equal(true);
    expect(reported.some((r) => r.includes('require-trusted-types-for'))).to.equal(true);
  });

  for (const name of [
    'masked-field reveals a value',
    'verification-code-modal takes the code from the outbox',
    'withdraw-dialog withdraws through its summary',
    'voucher-issue-form issues a voucher',
    'issued-voucher-list reclaims a coupon',
    'voucher-records filters by operation',
    'invite-table draws rows apart and resends one',
    'customer-report-form previews the e-mail and reports a customer',
    'invitation-link draws its QR code and regenerates',
    'customer-create-form creates an account',
    'customer-list unbinds a customer',
    'unbind-requests approves one request and rejects another with a reason',
    'order-payment pays an order from the balance',
    'top-up-form tops up by QR code',
    'top-up-form enables the remittance account and claims an offline remittance',
  ]) {
    it(`${name}, with no violation`, async function () {
      this.timeout(20_000);
      expect(host.flows).to.include(name);
      expect(await host.run(name)).to.deep.equal([]);
    });
  }
});
