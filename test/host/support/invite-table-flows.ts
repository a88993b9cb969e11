/**
 * `<invite-table>`'s resends as its tests watch them from the backend's side. Pure DOM-free
 * helpers: the element tests and any host page can use them.
 */
import type { MemoryPartnerApi } from '../../../src/api/memory/index.js';

/** Counts every resend that took effect, per invitation: the proof that nothing was sent twice. */
export function countEffects(api: MemoryPartnerApi): Map<string, number> {
  const effects = new Map<string, number>();
  const original = api.resendInvitation.bind(api);
  api.resendInvitation = async (request, options) => {
    const before = api.data.invitations.find((i) => i.id === request.invitationId)?.invitedAt;
    const result = await original(request, options);
    const after = api.data.invitations.find((i) => i.id === request.invitationId)?.invitedAt;
    if (after !== before) effects.set(request.invitationId, (effects.get(request.invitationId) ?? 0) + 1);
    return result;
  };
  return effects;
}
