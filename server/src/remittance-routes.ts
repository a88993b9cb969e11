import * as z from 'zod/mini';
import * as rw from '../../src/api/http/remittance-wire.js';
import * as s from '../../src/model/schemas/index.js';
import * as remittance from './operations/remittance.js';
import type { Route } from './routes.js';
import { QueryInt, Yuan, present } from './wire-in.js';

/**
 * The remittance account (转账汇款) and offline remittance claims (线下汇款认领) in the route table:
 * the wire requests as they arrive and the domain requests they map onto. A claim is the one
 * multipart request: its voucher file travels as bytes, checked by the operation.
 */

const ListRemittancesQuery = z.pipe(
  z.object({ offset: QueryInt, limit: QueryInt, status: z.optional(z.string()) }),
  z.transform((w) => ({ offset: w.offset, limit: w.limit, ...present('status', w.status) })),
);

const SearchRemittancesBody = z.pipe(
  z.object({ remitter_name: z.optional(z.string()), remitter_account: z.optional(z.string()), amount: z.optional(Yuan), offset: z.int(), limit: z.int() }),
  z.transform((w) => ({
    ...present('remitterName', w.remitter_name),
    ...present('remitterAccount', w.remitter_account),
    ...present('amount', w.amount),
    offset: w.offset,
    limit: w.limit,
  })),
);

const ListClaimsQuery = z.object({ offset: QueryInt, limit: QueryInt });

/** The payer names as sent; the operation applies the rules (count, length, duplicates) and names the name that breaks one. */
const SavePayersRequest = z.object({ payerNames: z.array(z.string()) });

/** The claim form's text fields; the amount in yuan. */
const ClaimFields = z.object({ remittance_id: z.string(), amount: Yuan });

/** The voucher's type and size are the operation's to judge, with their own refusals; here it only has to be a named file. */
const ClaimRequest = z.object({
  remittanceId: s.Id,
  amount: s.MinorUnits.check(z.gte(1)),
  voucher: z.object({ fileName: z.string().check(z.minLength(1), z.maxLength(200)), contentType: z.string(), bytes: z.instanceof(Uint8Array) }),
});

export const REMITTANCE_ROUTES: Route[] = [
  { operation: 'getRemittanceAccount', method: 'GET', path: '/kit/v1/remittance-account', summary: 'The dedicated remittance account: not enabled yet, or enabled with its details (number masked)', kind: 'read',
    response: rw.RemittanceAccountStateWire, run: remittance.getAccount },
  { operation: 'enableRemittanceAccount', method: 'POST', path: '/kit/v1/remittance-account/enable', summary: 'Enable the account; always needs a `remittance-account` ticket; enabling again answers the same account', kind: 'intent',
    response: rw.RemittanceAccountWire, run: remittance.enableAccount },
  { operation: 'sendRemittanceDetails', method: 'POST', path: '/kit/v1/remittance-account/send-details', summary: 'Text the account details to the partner’s own mobile', kind: 'intent',
    response: rw.SendRemittanceDetailsWire, run: remittance.sendDetails },
  { operation: 'getRemittanceProof', method: 'GET', path: '/kit/v1/remittance-account/proof', summary: 'The account proof, a PDF in base64', kind: 'read',
    response: rw.RemittanceProofWire, run: remittance.getProof },
  { operation: 'saveRemittancePayers', method: 'PUT', path: '/kit/v1/remittance-account/payers', summary: 'Replace the payer-on-behalf names (at most 5, none twice)', kind: 'write',
    body: z.object({ payer_names: z.array(z.string()) }), request: (input) => ({ payerNames: input['payer_names'] }), domain: SavePayersRequest,
    response: rw.RemittanceAccountWire, run: remittance.savePayers },
  { operation: 'listRemittances', method: 'GET', path: '/kit/v1/remittances', summary: 'Transfers to the dedicated account, pending or matched, newest first', kind: 'read',
    query: ListRemittancesQuery, request: (input) => input, domain: s.ListRemittancesRequest, response: rw.RemittancePageWire, run: remittance.listRemittances },
  { operation: 'searchUnclaimedRemittances', method: 'POST', path: '/kit/v1/unclaimed-remittances/search', summary: 'Offline transfers nobody claimed, by remitter, remitting account (exact) or amount; at least one', kind: 'read',
    body: SearchRemittancesBody, request: (input) => input, domain: s.SearchRemittancesRequest, response: rw.UnclaimedRemittancePageWire, run: remittance.searchUnclaimed },
  { operation: 'claimRemittance', method: 'POST', path: '/kit/v1/remittance-claims', summary: 'Claim an offline transfer: multipart `remittance_id`, `amount`, `voucher` (JPEG, PNG or PDF, at most 5 MiB)', kind: 'intent',
    upload: { fields: ClaimFields, file: 'voucher', maxBytes: s.VOUCHER_FILE_MAX_BYTES },
    request: (input) => ({ remittanceId: input['remittance_id'], amount: input['amount'], voucher: input['voucher'] }), domain: ClaimRequest,
    response: rw.RemittanceClaimWire, run: remittance.claimRemittance },
  { operation: 'listRemittanceClaims', method: 'GET', path: '/kit/v1/remittance-claims', summary: 'Claim records with their review status, newest first', kind: 'read',
    query: ListClaimsQuery, request: (input) => input, domain: s.ListRemittanceClaimsRequest, response: rw.RemittanceClaimPageWire, run: remittance.listClaims },
];
