/**
 * The contract suite: one set of tests for every `PartnerApi`, the in-memory adapter, the HTTP
 * adapter against the reference server, or a host team's own backend.
 *
 * ```ts
 * import { describe, it } from 'node:test';
 * import { runContractSuite } from 'partner-kit/testing';
 * runContractSuite('my backend', async () => createHttpAdapter({ baseUrl, headers }), { test: { describe, it }, readCode });
 * ```
 * @module
 */
import type { PartnerApi } from '../api/adapter.js';
import { customerCases } from './customers.js';
import { intentCases } from './intents.js';
import type { ContractSuiteOptions, TestFunctions } from './options.js';
import { paymentCases } from './payments.js';
import { rateLimitCases } from './rate-limit.js';
import { readCases } from './reads.js';
import { remittanceCases } from './remittance.js';
import { reportingCases } from './reporting.js';
import { verificationCases } from './verification.js';

export type { ContractSuiteOptions, TestFunctions } from './options.js';

function globalTestFunctions(): TestFunctions {
  const g = globalThis as unknown as Partial<TestFunctions>;
  if (typeof g.describe !== 'function' || typeof g.it !== 'function') {
    throw new Error('runContractSuite needs options.test ({ describe, it }) outside mocha.');
  }
  return { describe: g.describe.bind(globalThis), it: g.it.bind(globalThis) };
}

/**
 * Registers the contract's tests under `name`. `makeApi` is called once per test and should give a
 * backend in its seeded state (a fresh in-memory adapter, a fresh tenant on a server).
 */
export function runContractSuite(name: string, makeApi: () => Promise<PartnerApi>, options: ContractSuiteOptions = {}): void {
  const test = options.test ?? globalTestFunctions();
  test.describe(`PartnerApi contract: ${name}`, () => {
    test.describe('reads', () => readCases(test, makeApi));
    test.describe('verification codes', () => verificationCases(test, makeApi, options));
    test.describe('intents and rules', () => intentCases(test, makeApi, options));
    test.describe('customer reports and invitation links', () => reportingCases(test, makeApi, options));
    test.describe('customer accounts and unbinding', () => customerCases(test, makeApi, options));
    test.describe('order payments and top-ups', () => paymentCases(test, makeApi, options));
    test.describe('remittance account and claims', () => remittanceCases(test, makeApi, options));
    test.describe('rate limits', () => rateLimitCases(test, makeApi, options));
  });
}
