import type { Invitation, InvitationSortKey, InvitationStatus } from '../../model/schemas/invitations.js';

/** What the table shows of a set of invitations. */
export interface InviteQuery {
  status: InvitationStatus | undefined;
  query: string;
  sortBy: InvitationSortKey | undefined;
  sortDirection: 'asc' | 'desc';
}

const CHUNK = 10_000;

/** Gives the main thread back between chunks, so typing and scrolling stay smooth. */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

function aborted(signal: AbortSignal): never | void {
  if (signal.aborted) throw signal.reason;
}

/**
 * Filters and sorts invitations the host passed in, on the client, without blocking input: the
 * filter runs in chunks with the main thread given back in between, and the sort compares
 * precomputed numbers, not strings. A newer query aborts an older one through `signal`.
 */
export async function viewInvitations(rows: readonly Invitation[], query: InviteQuery, signal: AbortSignal): Promise<Invitation[]> {
  const needle = query.query.trim().toLowerCase();
  const kept: number[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const end = Math.min(rows.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const row = rows[i] as Invitation;
      if (query.status && row.status !== query.status) continue;
      if (needle && !matches(row, needle)) continue;
      kept.push(i);
    }
    if (end < rows.length) {
      await yieldToMain();
      aborted(signal);
    }
  }
  if (query.sortBy) {
    const keys = sortKeys(rows, kept, query.sortBy);
    await yieldToMain();
    aborted(signal);
    const order = Uint32Array.from(kept.keys());
    const direction = query.sortDirection === 'desc' ? -1 : 1;
    // Ties keep the incoming order: a stable sort on the position.
    order.sort((a, b) => ((keys[a] as number) - (keys[b] as number)) * direction || a - b);
    return Array.from(order, (position) => rows[kept[position] as number] as Invitation);
  }
  return kept.map((i) => rows[i] as Invitation);
}

function matches(row: Invitation, needle: string): boolean {
  return (
    row.maskedName.toLowerCase().includes(needle) ||
    row.maskedMobile.includes(needle) ||
    row.maskedEmail.toLowerCase().includes(needle) ||
    row.operator.toLowerCase().includes(needle)
  );
}

/** One number per kept row: instants as epoch ms, text as its rank among the distinct values. */
function sortKeys(rows: readonly Invitation[], kept: readonly number[], key: InvitationSortKey): Float64Array {
  const keys = new Float64Array(kept.length);
  if (key === 'invitedAt' || key === 'linkExpiresAt') {
    kept.forEach((index, position) => (keys[position] = Date.parse((rows[index] as Invitation)[key])));
    return keys;
  }
  const distinct = [...new Set(kept.map((index) => (rows[index] as Invitation)[key]))].sort();
  const rank = new Map(distinct.map((value, i) => [value, i]));
  kept.forEach((index, position) => (keys[position] = rank.get((rows[index] as Invitation)[key]) ?? 0));
  return keys;
}
