import '../../../src/masked-field.js';
import { waitFor, $ } from '../support/drive.js';
import { backend, mount, reveal } from '../support/flows.js';
import { screenshotSuite } from './shots.js';
import type { MemoryAdapterOptions } from '../../../src/api/memory/index.js';

const field = (stage: HTMLElement, locale: string, options: MemoryAdapterOptions = {}) =>
  mount(stage, 'masked-field', backend(options), locale, (el) => {
    el.setAttribute('kind', 'mobile');
    el.setAttribute('masked', '0086-139****1234');
    el.setAttribute('reveal-resource', 'customer');
    el.setAttribute('reveal-id', 'c-0001');
    el.toggleAttribute('copyable', true);
  });

screenshotSuite(
  'masked-field',
  {
    idle: async (stage, locale) => {
      const el = field(stage, locale);
      await waitFor(() => $(el, '[part=toggle]'), 'no eye');
    },
    result: async (stage, locale) => reveal(field(stage, locale)),
    error: async (stage, locale) => {
      const el = field(stage, locale, { faults: { revealField: { kind: 'server', times: 0 } } });
      (await waitFor(() => $<HTMLButtonElement>(el, '[part=toggle]'), 'no eye')).click();
      await waitFor(() => $(el, '[part=status]')?.textContent?.trim(), 'no error shown');
    },
  },
  ['result'],
);
