import { KitError } from '../../model/errors.js';
import type { ApiOperation } from '../adapter.js';
import { backendError } from '../backend-errors.js';

/** What can go wrong on the way to the backend or back. */
export type FaultKind = 'rate-limited' | 'server' | 'timeout' | 'malformed' | 'tenant-mismatch' | 'offline';

/** A planned failure of the transport: the backend never saw the call, or its answer was lost or broken. */
export interface TransportFault {
  kind: FaultKind;
  /** How many calls it hits; absent: every call until the plan changes. */
  times?: number;
  /** For `rate-limited`: the Retry-After the server sends. Default 1. */
  retryAfterSeconds?: number;
  /**
   * For `timeout`: the request reached the backend and took effect, only the answer was lost.
   * This is the case idempotency keys exist for.
   */
  afterEffect?: boolean;
}

/**
 * Business refusals the backend can give for a request the client's own checks let through (the
 * data changed in between, or the client's copy of a rule is older), per operation that gives them.
 * Each strikes where its rule does: `name-mismatch` at the first flow taken, `branch-required` at
 * the first bank account paid to, `quota-insufficient` on every customer of the issue.
 */
export const REFUSALS = {
  withdraw: ['name-mismatch', 'branch-required', 'amount-over-available'],
  issueCoupons: ['quota-insufficient', 'quota-unusable'],
  reclaimCoupon: ['already-reclaimed'],
  resendInvitation: ['already-associated'],
  claimRemittance: ['already-claimed', 'amount-over-remittance'],
} as const satisfies Partial<Record<ApiOperation, readonly string[]>>;

/** An operation that can be planned to refuse. */
export type RefusingOperation = keyof typeof REFUSALS;

/** One refusal the backend can give, e.g. `name-mismatch`. */
export type Refusal = (typeof REFUSALS)[RefusingOperation][number];

/**
 * A planned refusal: the backend runs the call and its rule answers as if broken, with the same
 * error (and details) the real rule gives. Verification tickets are not spent by a refused call.
 */
export interface RefusalFault {
  kind: 'refused';
  refusal: Refusal;
  /** How many calls it hits; absent: every call until the plan changes. */
  times?: number;
}

/** One planned failure of an operation. */
export type FaultSpec = TransportFault | RefusalFault;

/** Planned failures per operation; a list is consumed in order. */
export type FaultPlan = Partial<Record<ApiOperation, FaultSpec | readonly FaultSpec[]>>;

/** Hands out the planned faults, call by call. */
export class FaultSchedule {
  #queues = new Map<ApiOperation, { spec: FaultSpec; left: number }[]>();

  constructor(plan: FaultPlan = {}) {
    this.replace(plan);
  }

  /** Replaces the whole plan (the demo's fault switch); refuses a refusal its operation cannot give. */
  replace(plan: FaultPlan): void {
    const queues = new Map<ApiOperation, { spec: FaultSpec; left: number }[]>();
    for (const [operation, specs] of Object.entries(plan) as [ApiOperation, FaultSpec | readonly FaultSpec[]][]) {
      const list: readonly FaultSpec[] = Array.isArray(specs) ? specs : [specs as FaultSpec];
      for (const spec of list) assertRefusable(operation, spec);
      queues.set(operation, list.map((spec) => ({ spec, left: spec.times ?? Number.POSITIVE_INFINITY })));
    }
    this.#queues = queues;
  }

  /** The fault for this call of `operation`, if one is planned. */
  take(operation: ApiOperation): FaultSpec | undefined {
    const queue = this.#queues.get(operation);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.left -= 1;
    if (head.left <= 0) queue.shift();
    return head.spec;
  }
}

function assertRefusable(operation: ApiOperation, spec: FaultSpec): void {
  if (spec.kind !== 'refused') return;
  const refusals: readonly string[] | undefined = (REFUSALS as Partial<Record<ApiOperation, readonly string[]>>)[operation];
  if (!refusals?.includes(spec.refusal)) {
    throw new KitError('configuration', `${operation} cannot be planned to refuse with ${spec.refusal}.`, { reason: 'fault-plan' });
  }
}

/** The error a transport fault surfaces as; `malformed` is handled by the caller (it needs the payload). */
export function faultError(spec: TransportFault, operation: ApiOperation): KitError {
  switch (spec.kind) {
    case 'rate-limited': {
      const retryAfterMs = (spec.retryAfterSeconds ?? 1) * 1000;
      return backendError('CBC.0250', 'Too many requests.', { status: 429, retryAfterMs });
    }
    case 'server':
      return backendError('CBC.0999', 'Internal error.', { status: 500 });
    case 'timeout':
      return new KitError('timeout', `${operation} timed out.`);
    case 'tenant-mismatch':
      return backendError('APIGW.0301', 'tenant_id in token mismatches with tenant_id in url.', { status: 401 });
    case 'offline':
      return new KitError('network', 'The network is unreachable.', { reason: 'offline' });
    default:
      return new KitError('malformed-response', `${operation} answered with an unexpected shape.`);
  }
}
