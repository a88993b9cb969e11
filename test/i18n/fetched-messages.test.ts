import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import type { PartnerApi } from '../../src/api/adapter.js';
import { KitController, kitUpdateHold } from '../../src/controllers/kit-controller.js';
import { KitElement } from '../../src/elements/kit-element.js';
import { defineMessages, fetchMessages, provideMessages, type Fetched } from '../../src/i18n/catalogue.js';
import { resolveLocale } from '../../src/i18n/resolve-locale.js';
import { registerLocale } from '../../src/i18n/register.js';
import { createOverrides } from '../../src/i18n/overrides.js';
import { notifyMessagesChanged, onMessagesChange, useOverrides } from '../../src/i18n/store.js';
import { watchWarnings } from './watch-warnings.js';

// A type, not an interface: a catalogue's messages are indexed by key.
type Words = { hello: string; bye: string };

const EN: Words = { hello: 'Hello', bye: 'Bye' };
const ZH: Words = { hello: '你好', bye: '再见' };

/** A zh-CN half that arrives (or fails) when the test says; after its test, every fetch of it arrives at once. */
interface Half {
  fetch: Fetched<Words>;
  calls: () => number;
  arrive: () => void;
  fail: () => void;
  open: () => void;
}

const halves: Half[] = [];

function controlledHalf(): Half {
  let calls = 0;
  let open = false;
  let settle: ((ok: boolean) => void) | undefined;
  const half: Half = {
    fetch: () => {
      calls += 1;
      if (open) return Promise.resolve({ default: ZH });
      return new Promise((resolve, reject) => {
        settle = (ok) => (ok ? resolve({ default: ZH }) : reject(new TypeError('Failed to fetch dynamically imported module')));
      });
    },
    calls: () => calls,
    arrive: () => settle?.(true),
    fail: () => settle?.(false),
    open: () => {
      open = true;
      settle?.(true);
    },
  };
  halves.push(half);
  return half;
}

let names = 0;

/** A catalogue of its own for each test: the registry is page-wide. */
function catalogue(): { words: (locale: string) => Words; half: Half; name: string } {
  const half = controlledHalf();
  const name = `test-${(names += 1)}`;
  return { words: defineMessages({ 'en-US': EN, 'zh-CN': half.fetch }, name), half, name };
}

/** The smallest kit element: its words from one catalogue, in its locale. */
class FetchedWords extends KitElement {
  static override properties = { locale: {}, api: { attribute: false } };
  declare locale: string | undefined;
  declare api: PartnerApi | undefined;
  words: ((locale: string) => Words) | undefined;
  readonly kit = new KitController(this);

  override render(): string {
    return this.words?.(this.kit.locale).hello ?? '';
  }
}
customElements.define('test-fetched-words', FetchedWords);

const shown = (el: FetchedWords) => el.shadowRoot?.textContent?.trim() ?? '';

function mount(words: (locale: string) => Words, locale: string): FetchedWords {
  const el = document.createElement('test-fetched-words') as FetchedWords;
  el.words = words;
  el.locale = locale;
  document.body.append(el);
  return el;
}

describe('messages fetched on first need', () => {
  const warnings = watchWarnings();

  afterEach(() => {
    halves.forEach((half) => half.open());
    document.querySelectorAll('test-fetched-words').forEach((el) => el.remove());
  });

  it('stand in with the en-US words, without a warning, while a half called for is on its way, then tell the elements', async () => {
    (globalThis as { __PK_DEV__?: unknown }).__PK_DEV__ = true;
    const { words, half } = catalogue();
    let told = 0;
    const stop = onMessagesChange(() => (told += 1));
    try {
      expect(words('zh-CN').hello).to.equal('Hello');
      expect(words('zh-CN').bye).to.equal('Bye');
      expect(half.calls()).to.equal(1);
      half.arrive();
      await fetchMessages('zh-CN');
      expect(told).to.equal(1);
      expect(words('zh-CN').hello).to.equal('你好');
      expect(warnings).to.deep.equal([]);
    } finally {
      stop();
    }
  });

  it('keep host overrides first: a page-wide one over the fetched words, a provider one over both', async () => {
    const { words, half, name } = catalogue();
    useOverrides(createOverrides).addMessages(name, 'zh-CN', { bye: '回见' });
    notifyMessagesChanged();
    const provider = resolveLocale('zh-CN', { 'zh-CN': { [name]: { hello: '您好' } } });
    expect(words('zh-CN').bye).to.equal('回见');
    expect(words('zh-CN').hello).to.equal('Hello');
    half.arrive();
    await fetchMessages('zh-CN');
    expect(words('zh-CN')).to.deep.equal({ hello: '你好', bye: '回见' });
    expect(words(provider)).to.deep.equal({ hello: '您好', bye: '回见' });
  });

  it('are not fetched for an en-US element, which paints without waiting', async () => {
    const { words, half } = catalogue();
    const el = mount(words, 'en-US');
    expect(kitUpdateHold(el)).to.equal(undefined);
    await el.updateComplete;
    expect(shown(el)).to.equal('Hello');
    expect(half.calls()).to.equal(0);
  });

  it('are fetched once before a zh-CN element first paints, which is then in Chinese', async () => {
    const { words, half } = catalogue();
    const el = mount(words, 'zh-CN');
    await nextFrame();
    expect(el.hasUpdated, 'painted before its words came').to.equal(false);
    expect(half.calls()).to.equal(1);
    half.arrive();
    await el.updateComplete;
    expect(shown(el)).to.equal('你好');
    const second = mount(words, 'zh-CN');
    expect(kitUpdateHold(second)).to.equal(undefined);
    await second.updateComplete;
    expect(shown(second)).to.equal('你好');
    expect(half.calls()).to.equal(1);
  });

  it('keep the old words on a runtime switch until the new have come', async () => {
    const { words, half } = catalogue();
    const el = mount(words, 'en-US');
    await el.updateComplete;
    el.locale = 'zh-CN';
    await nextFrame();
    expect(shown(el)).to.equal('Hello');
    half.arrive();
    await el.updateComplete;
    expect(shown(el)).to.equal('你好');
  });

  it('are fetched for a locale whose fallback chain reaches zh-CN', async () => {
    registerLocale('zh-TW', { fallback: 'zh-CN' });
    const { words, half } = catalogue();
    const el = mount(words, 'zh-TW');
    await nextFrame();
    expect(el.hasUpdated).to.equal(false);
    half.arrive();
    await el.updateComplete;
    expect(shown(el)).to.equal('你好');
  });

  it('when the fetch fails, paint in en-US, warn once in dev mode, and fetch again on the next update', async () => {
    (globalThis as { __PK_DEV__?: unknown }).__PK_DEV__ = true;
    const { words, half } = catalogue();
    const el = mount(words, 'zh-CN');
    await nextFrame();
    half.fail();
    await el.updateComplete;
    expect(shown(el)).to.equal('Hello');
    expect(half.calls(), 'the failed render fetched again at once').to.equal(1);
    el.requestUpdate();
    await nextFrame();
    expect(half.calls()).to.equal(2);
    half.fail();
    await el.updateComplete;
    expect(shown(el)).to.equal('Hello');
    expect(warnings.filter((text) => text.includes('could not fetch the zh-CN messages'))).to.have.length(1);
    el.requestUpdate();
    await nextFrame();
    half.arrive();
    await el.updateComplete;
    expect(shown(el)).to.equal('你好');
  });

  it('when one of an element’s catalogues cannot be fetched, show en-US throughout, not two languages; fetch again when back online', async () => {
    const first = catalogue();
    const second = catalogue();
    const el = document.createElement('test-fetched-words') as FetchedWords;
    el.words = (locale) => ({ ...first.words(locale), hello: `${first.words(locale).hello} ${second.words(locale).hello}` });
    el.locale = 'zh-CN';
    document.body.append(el);
    await nextFrame();
    first.half.arrive();
    second.half.fail();
    await el.updateComplete;
    expect(shown(el), 'a mix of the two languages').to.equal('Hello Hello');
    expect(el.kit.locale).to.equal('en-US');
    second.half.open();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => shown(el) === '你好 你好', `still ${shown(el)}`);
    expect(second.half.calls()).to.equal(2);
  });

  it('are there at once when a page provided them up front, before or after the catalogue is defined', async () => {
    provideMessages('zh-CN', { 'test-provided': ZH });
    const early = defineMessages({ 'en-US': EN, 'zh-CN': controlledHalf().fetch }, 'test-provided');
    expect(early('zh-CN').hello).to.equal('你好');
    const { words, half, name } = catalogue();
    provideMessages('zh-CN', { [name]: ZH });
    const el = mount(words, 'zh-CN');
    expect(kitUpdateHold(el)).to.equal(undefined);
    await el.updateComplete;
    expect(shown(el)).to.equal('你好');
    expect(half.calls()).to.equal(0);
  });
});
