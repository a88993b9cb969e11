import { css, html } from 'lit';
import * as token from '../styles/tokens.js';
import { QUIET_ZONE, qrExtent, qrModules, qrPath, type QrModules } from '../qr/qr-code.js';

let last: { payload: string; modules: QrModules } | undefined;

/** The modules of `payload`, encoded once while the same code is shown (a countdown re-renders every second). */
export function qrModulesOf(payload: string): QrModules {
  if (last?.payload !== payload) last = { payload, modules: qrModules(payload) };
  return last.modules;
}

/**
 * A QR code (a payment, an invitation link) as inline SVG: one path of numbers, no data: URL, so
 * it passes a strict CSP; black on white with its quiet zone, inside `<figure part="qr"
 * class="qr">`; the element adopts {@link qrFigureStyles}.
 */
export function qrFigure(payload: string, label: string) {
  const modules = qrModulesOf(payload);
  const extent = qrExtent(modules);
  return html`<figure part="qr" class="qr">
    <svg role="img" aria-label=${label} viewBox=${`${-QUIET_ZONE} ${-QUIET_ZONE} ${extent} ${extent}`} shape-rendering="crispEdges">
      <rect x=${-QUIET_ZONE} y=${-QUIET_ZONE} width=${extent} height=${extent} fill="#fff"></rect>
      <path d=${qrPath(modules)} fill="#000"></path>
    </svg>
  </figure>`;
}

/** The sheet {@link qrFigure} is drawn with: `--pk-qr-size` wide, never wider than its container. */
export const qrFigureStyles = css`
  .qr {
    margin: 0;
  }
  .qr svg {
    display: block;
    width: var(--pk-qr-size, 12rem);
    max-width: 100%;
    height: auto;
    border: 1px solid ${token.border};
  }
`;
