import { seedUnclaimedTransfers } from '../../src/api/memory/remittance-seed.js';

/** A remitting account of the seeded unclaimed remittances (the generator's numbers do not depend on the date); the reference server seeds the same. */
export const REMITTER_ACCOUNT = seedUnclaimedTransfers(0)[0]?.remitterAccount ?? '';
