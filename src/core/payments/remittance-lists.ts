import type { PartnerApi } from '../../api/adapter.js';
import type { Remittance, RemittanceClaim, UnclaimedRemittance } from '../../model/schemas/remittance.js';
import { apiGetter, type ApiSource } from '../api-source.js';
import { PagedList } from '../paged-list.js';

/** Transfers to the dedicated account, filtered by status (`''`: both). */
export type RemittanceFilters = Record<'status', string>;

/** An offline-remittance search as the claim flow checked it: text, the amount in minor units, `''` for "not given". */
export type UnclaimedFilters = Record<'remitterName' | 'remitterAccount' | 'amount', string>;

const STATUSES = ['pending', 'matched'] as const;
const isStatus = (value: string): value is (typeof STATUSES)[number] => (STATUSES as readonly string[]).includes(value);

/** The transfers to the dedicated account (pending and matched), paged on the server. */
export function remittanceList(source: ApiSource<Pick<PartnerApi, 'listRemittances'>>): PagedList<RemittanceFilters, Remittance> {
  const api = apiGetter(source);
  return new PagedList({
    filters: { status: '' },
    limit: 10,
    fetch: async ({ status }, page, signal) => (await api()).listRemittances({ ...page, ...(isStatus(status) ? { status } : {}) }, { signal }),
  });
}

/** Offline remittances no one claimed that answer a search, paged on the server. */
export function unclaimedList(source: ApiSource<Pick<PartnerApi, 'searchUnclaimedRemittances'>>): PagedList<UnclaimedFilters, UnclaimedRemittance> {
  const api = apiGetter(source);
  return new PagedList({
    filters: { remitterName: '', remitterAccount: '', amount: '' },
    limit: 10,
    fetch: async ({ remitterName, remitterAccount, amount }, page, signal) =>
      (await api()).searchUnclaimedRemittances(
        { ...page, ...(remitterName ? { remitterName } : {}), ...(remitterAccount ? { remitterAccount } : {}), ...(amount ? { amount: Number(amount) } : {}) },
        { signal },
      ),
  });
}

/** The partner's claims (认领记录) with their review status, paged on the server. */
export function claimRecordList(source: ApiSource<Pick<PartnerApi, 'listRemittanceClaims'>>): PagedList<Record<never, string>, RemittanceClaim> {
  const api = apiGetter(source);
  return new PagedList({ filters: {}, limit: 10, fetch: async (_filters, page, signal) => (await api()).listRemittanceClaims(page, { signal }) });
}
