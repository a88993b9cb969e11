import type { Page } from '../../model/schemas/common.js';
import * as s from '../../model/schemas/index.js';
import { backendError } from '../backend-errors.js';
import { parseRequest } from '../parse.js';
import type { CustomerAccountDesk } from './customer-accounts.js';
import { CUSTOMER_NOTICES, type CustomerOutbox } from './customer-outbox.js';
import type { MemoryData } from './seed.js';
import { page } from './paging.js';
import { instant } from './prng.js';
import type { TicketUse } from './verification-desk.js';

const HOUR = 3_600_000;

/** A customer an approved request already unbound: no longer among the partner's customers. */
const FORMER = { id: 'c-0301', accountName: 'zhou_xu301', name: '周敏' };

/** The seeded requests, newest first: customers past the plain first ones, so other tests' customers stay put. */
const SEEDS: readonly { customer: number; hoursAgo: number; reason: string; status: s.UnbindRequestStatus; rejectReason?: string }[] = [
  { customer: 21, hoursAgo: 2, reason: '公司业务调整，改由其他伙伴服务。', status: 'pending' },
  { customer: 22, hoursAgo: 5, reason: 'We are moving our cloud spending to our parent company.', status: 'pending' },
  { customer: 23, hoursAgo: 26, reason: '不再需要伙伴代为管理账号。', status: 'pending' },
  { customer: 24, hoursAgo: 49, reason: 'Project finished.', status: 'pending' },
  { customer: 25, hoursAgo: 72, reason: '误操作，已撤回。', status: 'withdrawn' },
  { customer: 26, hoursAgo: 120, reason: '希望直接与华为云签约。', status: 'rejected', rejectReason: '合同期内，请到期后再申请。' },
  { customer: 0, hoursAgo: 240, reason: 'Company closed.', status: 'approved' },
];

/**
 * Unbind requests raised by customers (ListUnbindRequests, approve, reject): only a pending request
 * can be handled, and approving one unbinds the customer the way the partner's own unbinding does,
 * its coupons reclaimed automatically.
 */
export class UnbindRequestDesk {
  readonly #requests: s.UnbindRequest[];
  readonly #accounts: CustomerAccountDesk;
  readonly #now: () => number;
  readonly #outbox: CustomerOutbox;

  constructor(data: MemoryData, accounts: CustomerAccountDesk, now: () => number, outbox: CustomerOutbox) {
    this.#accounts = accounts;
    this.#now = now;
    this.#outbox = outbox;
    const today = now();
    this.#requests = SEEDS.flatMap((seed, index) => {
      const customer = seed.customer === 0 ? FORMER : data.customers[seed.customer - 1];
      if (!customer) return [];
      const handled = seed.status === 'pending' ? {} : { handledAt: instant(today - (seed.hoursAgo - 1) * HOUR) };
      return [
        {
          id: `ur-${String(index + 1).padStart(4, '0')}`,
          customerId: customer.id,
          accountName: customer.accountName,
          maskedName: `${Array.from(customer.name)[0] ?? ''}**`,
          requestedAt: instant(today - seed.hoursAgo * HOUR),
          reason: seed.reason,
          status: seed.status,
          ...handled,
          ...(seed.rejectReason ? { rejectReason: seed.rejectReason } : {}),
        },
      ];
    });
  }

  list(request: s.ListUnbindRequestsRequest): Page<s.UnbindRequest> {
    const r = parseRequest(s.ListUnbindRequestsRequest, request);
    return page(
      this.#requests.filter((u) => !r.status || u.status === r.status),
      r.offset,
      r.limit,
    );
  }

  approve(request: s.ApproveUnbindRequest, ticket: TicketUse): s.ApproveUnbindResult {
    const { requestId } = parseRequest(s.ApproveUnbindRequest, request);
    ticket.guard();
    const pending = this.#pending(requestId);
    const { unboundAt, reclaimed } = this.#accounts.unbind({ customerId: pending.customerId }, ticket);
    this.#handle(pending, { status: 'approved', handledAt: unboundAt });
    this.#outbox.notify(pending.customerId, CUSTOMER_NOTICES.unbindApproved());
    return { requestId, customerId: pending.customerId, approvedAt: unboundAt, reclaimed };
  }

  reject(request: s.RejectUnbindRequest, ticket: TicketUse): s.RejectUnbindResult {
    const { requestId, reason } = parseRequest(s.RejectUnbindRequest, request);
    ticket.guard();
    const pending = this.#pending(requestId);
    ticket.spend();
    const rejectedAt = instant(this.#now());
    this.#handle(pending, { status: 'rejected', handledAt: rejectedAt, rejectReason: reason });
    this.#outbox.notify(pending.customerId, CUSTOMER_NOTICES.unbindRejected(reason));
    return { requestId, rejectedAt, reason };
  }

  /** The customer takes its request back (what the customer's console does); only a pending one can be. */
  withdraw(requestId: string): void {
    this.#handle(this.#pending(requestId), { status: 'withdrawn', handledAt: instant(this.#now()) });
  }

  #pending(requestId: string): s.UnbindRequest {
    const found = this.#requests.find((u) => u.id === requestId);
    if (!found) throw backendError('KIT.NOT_FOUND', 'No such unbind request.', { status: 404 });
    if (found.status !== 'pending') throw backendError('KIT.REQUEST_NOT_PENDING', `The request is already ${found.status}.`, { status: 409 });
    return found;
  }

  #handle(request: s.UnbindRequest, change: Pick<s.UnbindRequest, 'status' | 'handledAt' | 'rejectReason'>): void {
    this.#requests.splice(this.#requests.indexOf(request), 1, { ...request, ...change });
  }
}
