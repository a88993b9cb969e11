import { DEMO_MOBILES } from '../../src/api/memory/reporting.js';
import type { ContractSuiteOptions } from '../../src/testing/index.js';

/** The in-memory backend's known mobiles; the reference server stands in for Huawei's account registry by the same rule. */
export const REPORT_MOBILES: NonNullable<ContractSuiteOptions['reportMobiles']> = {
  oneAccount: DEMO_MOBILES.oneAccount,
  severalAccounts: DEMO_MOBILES.twoAccounts,
  noAccount: DEMO_MOBILES.noAccount,
  reportedByHuawei: DEMO_MOBILES.reportedByHuawei,
};
