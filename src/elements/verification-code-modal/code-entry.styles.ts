import { css } from 'lit';
import { fields } from '../../styles/fields.js';
import * as token from '../../styles/tokens.js';

/**
 * What the code entry adds to the shell's sheets (`shellStyles`), adopted after them when it comes.
 * None of the fields' rules meets the frame's or the states' on an element at the same weight, so
 * following them changes nothing those set.
 */
export const verificationStyles = [
  fields,
  css`
    fieldset {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 ${token.space3};
    }
    legend {
      flex-basis: 100%;
    }
    .code-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token.space3};
      margin-top: ${token.space1};
    }
    /* A fixed size: the send button's label grows when the countdown starts, the boxes never shrink under it. */
    .code-field {
      position: relative;
      flex: none;
      width: min(100%, 16.5rem);
    }
    /* The real input lies on top of the painted boxes: one field for autofill, paste and screen readers. */
    input#code {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      min-height: 0;
      padding: 0;
      border: 0;
      background: transparent;
      color: transparent;
      caret-color: transparent;
      letter-spacing: 2em;
    }
    .boxes {
      display: grid;
      grid-template-columns: repeat(6, minmax(0, 1fr));
      gap: ${token.space1};
    }
    /* At least a large control tall, and as tall as a digit needs: the digits grow with the user's text size. */
    .box {
      display: grid;
      place-items: center;
      min-height: max(${token.controlHeightLarge}, 1.75em);
      border: 1px solid ${token.border};
      border-radius: ${token.radius};
      background: ${token.surface};
      font-size: ${token.fontSizeLarge};
      font-variant-numeric: tabular-nums;
    }
    .code-field:focus-within .box.next {
      border-color: ${token.primary};
      box-shadow: inset 0 0 0 1px ${token.primary};
    }
    .code-field:focus-within .boxes {
      outline: ${token.focusRing};
      outline-offset: 2px;
      border-radius: ${token.radius};
    }
    /*
     * Forced colours would paint the input's transparent text and background in system colours: its
     * digits would show at the left of the field and its background would hide the boxes' own.
     */
    @media (forced-colors: active) {
      input#code {
        forced-color-adjust: none;
      }
      .code-field:focus-within .box.next {
        outline: 2px solid Highlight;
        outline-offset: -4px;
      }
    }
    input[aria-invalid='true'] + .boxes .box {
      border-color: ${token.danger};
    }
    input[readonly] + .boxes .box {
      background: ${token.surfaceMuted};
      color: ${token.textMuted};
    }
    [part='error'] {
      min-height: 1.4em;
    }
    [part='send'] {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    @container code-dialog (max-width: 22rem) {
      [part='send'] {
        flex: 1 1 100%;
      }
    }
  `,
];
