import type { PartnerApi } from '../api/adapter.js';
import type { VerificationChannel } from '../model/schemas/verification.js';

/** A test framework's `describe` / `it` (mocha's, `node:test`'s, or any alike). */
export interface TestFunctions {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => Promise<void>): unknown;
}

/** What the suite needs to know about the backend under test. */
export interface ContractSuiteOptions {
  /** Where to register the tests. Default: the global `describe` / `it` (mocha). */
  test?: TestFunctions;
  /**
   * Reads the last code "sent" for `purpose` on `channel` (a test backend's outbox, an SMS sink).
   * Without it, tests that must pass a code check are left out.
   */
  readCode?: (api: PartnerApi, purpose: string, channel: VerificationChannel) => Promise<string>;
  /** Moves the backend's clock forward. Without it, the expiry tests are left out. */
  advanceClock?: (ms: number) => Promise<void> | void;
  /** The backend's current time as its clock sees it. Default `Date.now`. */
  now?: () => number;
  /**
   * The backend's rate limit: calls per second past which it answers 429, and where the backend
   * under test is not the one `makeApi` gives (e.g. a throttled variant of an in-memory adapter), a
   * maker for it. Without it, the rate-limit test is left out.
   */
  rateLimit?: { perSecond: number; makeApi?: () => Promise<PartnerApi> };
  /**
   * Mobiles (`00CC-number`) whose Huawei Cloud accounts the backend knows, each reportable once in
   * the backend `makeApi` gives: one with exactly one account, one with several, one with none,
   * and optionally one Huawei already reported. Without it, the report tests are left out (the
   * e-mail preview and invitation-link tests still run).
   */
  reportMobiles?: { oneAccount: string; severalAccounts: string; noAccount: string; reportedByHuawei?: string };
  /**
   * Reads the last registration code "texted" to a new customer's mobile (`00CC-number`). Without
   * it, the tests that create a customer with a mobile are left out.
   */
  readRegistrationCode?: (api: PartnerApi, mobile: string) => Promise<string>;
  /**
   * Plays the payer of an online payment: finishes it (`paid`) or gives up (`failed`), as the
   * payment provider would report it to the backend. Without it, the tests that need a payment
   * paid are left out.
   */
  settlePayment?: (api: PartnerApi, paymentId: string, outcome: 'paid' | 'failed') => Promise<void> | void;
  /**
   * The full remitting account number of an offline remittance nobody has claimed in the backend
   * `makeApi` gives (lists show it masked; a search matches it exactly). Without it, the search and
   * claim tests are left out.
   */
  remitterAccount?: string;
  /**
   * Plays the back office reviewing a remittance claim: `approved` (the amount reaches the account
   * balance) or `rejected` with why. Without it, the review tests are left out.
   */
  reviewClaim?: (api: PartnerApi, claimId: string, outcome: 'approved' | 'rejected', reason?: string) => Promise<void> | void;
  /** Plays the bank matching a pending transfer to the dedicated account. Without it, the matching test is left out. */
  matchRemittance?: (api: PartnerApi, remittanceId: string) => Promise<void> | void;
}
