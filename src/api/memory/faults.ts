import { KitError } from '../../model/errors.js';
import type { ApiOperation } from '../adapter.js';
import { backendError } from '../backend-errors.js';

/** What can go wrong with a backend call. */
export type FaultKind = 'rate-limited' | 'server' | 'timeout' | 'malformed' | 'tenant-mismatch' | 'offline';

/** One planned failure of an operation. */
export interface FaultSpec {
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

/** Planned failures per operation; a list is consumed in order. */
export type FaultPlan = Partial<Record<ApiOperation, FaultSpec | readonly FaultSpec[]>>;

/** Hands out the planned faults, call by call. */
export class FaultSchedule {
  #queues = new Map<ApiOperation, { spec: FaultSpec; left: number }[]>();

  constructor(plan: FaultPlan = {}) {
    this.replace(plan);
  }

  /** Replaces the whole plan (the demo's fault switch). */
  replace(plan: FaultPlan): void {
    this.#queues.clear();
    for (const [operation, specs] of Object.entries(plan) as [ApiOperation, FaultSpec | readonly FaultSpec[]][]) {
      const list = Array.isArray(specs) ? specs : [specs as FaultSpec];
      this.#queues.set(operation, list.map((spec) => ({ spec, left: spec.times ?? Number.POSITIVE_INFINITY })));
    }
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

/** The error a fault surfaces as; `malformed` is handled by the caller (it needs the payload). */
export function faultError(spec: FaultSpec, operation: ApiOperation): KitError {
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
