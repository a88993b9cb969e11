import { html, type TemplateResult } from 'lit';

/** One step of the dialog: its scrolling body and the actions kept in view below it. */
export function sheet(body: TemplateResult, actions: TemplateResult): TemplateResult {
  return html`<div part="body" class="dialog-body">${body}</div>
    <div class="dialog-actions">${actions}</div>`;
}

/**
 * The loading step, announced politely and focused on open. The same markup while the dialog's
 * contents come and while they load the balance, so one flows into the other unseen.
 */
export function loadingSheet(label: string, cancel: string, close: () => void): TemplateResult {
  return sheet(
    html`<div class="skeleton" role="status" aria-busy="true" aria-label=${label} data-focus tabindex="-1">
      <div class="skeleton-row"></div>
      <div class="skeleton-row"></div>
      <div class="skeleton-row"></div>
    </div>`,
    html`<button part="secondary" type="button" @click=${close}>${cancel}</button>`,
  );
}
