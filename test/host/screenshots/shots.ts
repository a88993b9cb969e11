import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../../src/partner-kit-provider.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { $$, frames } from '../support/drive.js';

/**
 * Screenshots that hold a layout still: a fixed clock (the seed and every date read from it), one
 * installed font for every glyph, reduced motion and every animation paused at its start, nothing
 * mid-countdown. Baselines live in test/screenshots/; `npm run test:screenshots:update` rewrites them.
 */
const FIXED_NOW = Date.parse('2026-11-20T09:30:00+08:00');
const realNow = Date.now.bind(Date);
const started = realNow();
Date.now = () => FIXED_NOW + (realNow() - started);

export type Theme = 'light' | 'dark';

export interface Shot {
  width: number;
  theme: Theme;
  locale: Locale;
}

/** A state of an element: mounts it on `stage` and drives it there; returns what to photograph (default: the stage). */
export type Scene = (stage: HTMLElement, locale: Locale) => Promise<Element | void>;

/** Every state at 768 px, light, in both languages; the first `keyStates` also at 360 and 1280 px, dark, in Chinese. */
export function matrix(states: string[], keyStates: string[]): { state: string; shot: Shot }[] {
  const all = states.flatMap((state) => (['zh-CN', 'en-US'] as const).map((locale) => ({ state, shot: { width: 768, theme: 'light' as const, locale } })));
  const dark = keyStates.flatMap((state) => [360, 1280].map((width) => ({ state, shot: { width, theme: 'dark' as const, locale: 'zh-CN' as const } })));
  return [...all, ...dark];
}

/** A provider in `theme` and `locale` holding a stage `width` px wide, painted with the kit's surface. */
export async function stageFor({ width, theme, locale }: Shot): Promise<HTMLElement> {
  await setViewport({ width, height: 900 });
  await emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  document.body.style.margin = '0';
  const provider = document.createElement('partner-kit-provider');
  provider.setAttribute('locale', locale);
  provider.setAttribute('theme', theme);
  const stage = document.createElement('div');
  stage.style.cssText = `box-sizing: border-box; width: ${width}px; min-height: 120px; padding: 16px;
    background: var(--pk-color-surface); color: var(--pk-color-text, ${theme === 'dark' ? '#e6e8eb' : '#1f2329'});
    --pk-font-family: 'Noto Sans CJK SC'; font-family: 'Noto Sans CJK SC'; font-size: 14px; line-height: 1.5715;`;
  provider.append(stage);
  document.body.replaceChildren(provider);
  return stage;
}

/** The open dialog of `el`, for states that live in the top layer. */
export function openDialog(el: Element): Element {
  const dialog = $$<HTMLDialogElement>(el, 'dialog[part=dialog]').find((d) => d.open);
  if (!dialog) throw new Error(`<${el.localName}> has no open dialog`);
  return dialog;
}

/**
 * Compares `target` with its baseline. Without one the test is skipped, with a line saying so: the
 * suite passes before baselines are made, and the update command makes them.
 */
export async function compare(test: Mocha.Context, target: Element, name: string): Promise<void> {
  await frames();
  for (const animation of document.getAnimations()) {
    animation.pause();
    animation.currentTime = 0;
  }
  await document.fonts.ready;
  try {
    await visualDiff(target, name);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('no baseline image')) throw error;
    // eslint-disable-next-line no-console -- a skipped comparison must show in the run's log
    console.log(`screenshot ${name}: no baseline in test/screenshots/, skipped (npm run test:screenshots:update makes it)`);
    test.skip();
  }
}

/** Registers the matrix for one element: `scenes` by state name. */
export function screenshotSuite(tag: string, scenes: Record<string, Scene>, keyStates: string[]): void {
  describe(`<${tag}> screenshots`, () => {
    for (const { state, shot } of matrix(Object.keys(scenes), keyStates)) {
      const name = `${tag}/${state}-${shot.width}-${shot.theme}-${shot.locale}`;
      it(name, async function () {
        this.timeout(15_000);
        const stage = await stageFor(shot);
        const target = (await scenes[state]!(stage, shot.locale)) ?? stage;
        await compare(this, target, name);
      });
    }
  });
}
