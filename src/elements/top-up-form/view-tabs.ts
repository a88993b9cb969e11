import { html, nothing, type TemplateResult } from 'lit';

/** The three ways of the console's top-up page: online (在线充值), bank transfer (转账汇款), claim (线下汇款认领). */
export const TOP_UP_VIEWS = ['online', 'transfer', 'claim'] as const;
export type TopUpView = (typeof TOP_UP_VIEWS)[number];

/** A view a host named, or the online one for anything else. */
export function topUpView(value: string | undefined): TopUpView {
  return TOP_UP_VIEWS.find((view) => view === value) ?? 'online';
}

const STEPS: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * The tab set (WAI-ARIA tabs, automatic activation): one tab stop, arrows / Home / End move to a
 * tab and show its panel. `select` is told the view and whether the keyboard chose it (focus
 * then follows to the new tab). The panel itself is `panel(content)`.
 */
export function renderTabs(view: TopUpView, label: string, names: Readonly<Record<TopUpView, string>>, select: (view: TopUpView, byKey: boolean) => void): TemplateResult {
  const onKey = (event: KeyboardEvent) => {
    const step = STEPS[event.key];
    if (!step) return;
    event.preventDefault();
    select(TOP_UP_VIEWS[step(TOP_UP_VIEWS.indexOf(view), TOP_UP_VIEWS.length)] ?? 'online', true);
  };
  return html`<div class="tabs" role="tablist" aria-label=${label} part="tabs" @keydown=${onKey}>
    ${TOP_UP_VIEWS.map(
      (v) => html`<button type="button" role="tab" id=${`tab-${v}`} aria-selected=${String(v === view)} aria-controls=${v === view ? 'panel' : nothing}
        tabindex=${v === view ? '0' : '-1'} @click=${() => select(v, false)}>${names[v]}</button>`,
    )}
  </div>`;
}

/** The panel of the selected tab. */
export function renderPanel(view: TopUpView, content: unknown): TemplateResult {
  return html`<div id="panel" role="tabpanel" aria-labelledby=${`tab-${view}`} part="panel">${content}</div>`;
}
