import '../../../src/invitation-link.js';
import type { MemoryAdapterOptions } from '../../../src/api/memory/index.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $, buttonNamed, waitFor } from '../support/drive.js';
import { askRegenerate, backend, linkReady, mount } from '../support/flows.js';
import { linkMessages } from '../../../src/i18n/messages/invitation-link.js';
import { openDialog, screenshotSuite } from './shots.js';

const linkOn = (stage: HTMLElement, locale: Locale, options: MemoryAdapterOptions = {}) => mount(stage, 'invitation-link', backend(options), locale);

screenshotSuite(
  'invitation-link',
  {
    loading: async (stage, locale) => {
      const link = linkOn(stage, locale, { latencyMs: 600_000 });
      await waitFor(() => $(link, '.skeleton'), 'no skeleton');
    },
    idle: async (stage, locale) => linkReady(linkOn(stage, locale)),
    custom: async (stage, locale) => linkReady(mount(stage, 'invitation-link', backend(), locale, (el) => el.setAttribute('kind', 'custom'))),
    error: async (stage, locale) => {
      const link = linkOn(stage, locale, { faults: { openInvitationLink: { kind: 'server', times: 0 } } });
      await waitFor(() => $(link, '.error-state[part=error]')?.textContent?.trim(), 'no error shown');
    },
    'dialog-open': async (stage, locale) => {
      const link = linkOn(stage, locale);
      await linkReady(link);
      await askRegenerate(link, locale);
      return openDialog(link);
    },
    // The regeneration's answer was lost after the backend acted: the old link is hidden, check or send again.
    'regenerate-unknown': async (stage, locale) => {
      const link = linkOn(stage, locale, { faults: { regenerateInvitationLink: { kind: 'timeout', afterEffect: true, times: 1 } } });
      await linkReady(link);
      await askRegenerate(link, locale);
      (await waitFor(() => buttonNamed(link, linkMessages(locale).regenerate, 'dialog'), 'no Regenerate button in the dialog')).click();
      await waitFor(() => buttonNamed(link, linkMessages(locale).checkOutcome, '[part=actions]'), 'no unknown outcome');
    },
  },
  ['idle', 'regenerate-unknown'],
);
