import '../../../src/invite-table.js';
import type { MemoryAdapterOptions } from '../../../src/api/memory/index.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $, $$, bodyRows, waitFor } from '../support/drive.js';
import { backend, inviteRowsDrawn, mount } from '../support/flows.js';
import { openDialog, screenshotSuite } from './shots.js';

const tableOn = (stage: HTMLElement, locale: Locale, options: MemoryAdapterOptions = {}) => mount(stage, 'invite-table', backend({ invitationCount: 40, ...options }), locale);

screenshotSuite(
  'invite-table',
  {
    loading: async (stage, locale) => {
      const el = tableOn(stage, locale, { latencyMs: 600_000 });
      await waitFor(() => el.shadowRoot?.childElementCount, 'not rendered');
    },
    idle: async (stage, locale) => inviteRowsDrawn(tableOn(stage, locale)),
    empty: async (stage, locale) => {
      const table = tableOn(stage, locale, { invitationCount: 0 });
      await waitFor(() => $(table, '.empty, .muted'), 'no empty state');
    },
    error: async (stage, locale) => {
      const table = tableOn(stage, locale, { faults: { listInvitations: { kind: 'server', times: 0 } } });
      await waitFor(() => $(table, '[part=error]')?.textContent?.trim(), 'no error shown');
    },
    'dialog-open': async (stage, locale) => {
      const table = tableOn(stage, locale);
      await inviteRowsDrawn(table);
      for (const row of bodyRows(table).slice(0, 3)) row.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
      await waitFor(() => $$<HTMLButtonElement>(table, '[part=toolbar] button.primary').find((b) => !b.disabled), 'no batch button')
        .then((button) => button.click());
      await waitFor(() => $$<HTMLDialogElement>(table, 'dialog[part=dialog]').some((d) => d.open), 'no confirmation');
      return openDialog(table);
    },
    // The backend re-sends the first two, and their answers are lost: they are of unknown outcome, not failed.
    'resend-unknown': async (stage, locale) => {
      const table = tableOn(stage, locale, { faults: { resendInvitation: { kind: 'offline', afterEffect: true, times: 2 } } });
      await inviteRowsDrawn(table);
      for (const row of bodyRows(table).filter((r) => !r.querySelector<HTMLInputElement>('input[type=checkbox]')!.disabled).slice(0, 4)) {
        row.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
      }
      await waitFor(() => $$<HTMLButtonElement>(table, '[part=toolbar] button.primary').find((b) => !b.disabled), 'no batch button')
        .then((button) => button.click());
      await waitFor(() => $$<HTMLButtonElement>(table, 'dialog[part=dialog] button.primary')[0], 'no confirmation').then((button) => button.click());
      await waitFor(() => $(table, '[part=progress] .unknown') && !$(table, '[part=progress] [aria-disabled]') && $$(table, '[part=progress] button').length === 2, 'no settled batch');
    },
  },
  ['idle', 'resend-unknown'],
);
