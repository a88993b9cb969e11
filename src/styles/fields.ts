import { css } from 'lit';
import * as token from './tokens.js';

/**
 * Form fields. Markup: `<div class="field"><label for=…>…</label><input id=… aria-describedby=…>
 * <p class="hint">…</p><p class="error" part="error">…</p></div>`; a `.field-row` lines fields up
 * side by side (filters) with their labels on one baseline and wraps on narrow widths. Checkboxes
 * and radios sit in `<label class="choice">`, whose box is the 24 px target. `aria-invalid="true"`
 * marks a field in error.
 */
export const fields = css`
  .field {
    display: grid;
    gap: ${token.space1};
    min-width: 0;
    margin-bottom: ${token.space3};
  }
  .field-row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token.space2} ${token.space3};
    margin-bottom: ${token.space3};
  }
  .field-row > .field {
    flex: 1 1 10rem;
    margin-bottom: 0;
  }
  label,
  .label,
  legend {
    color: ${token.text};
    font-weight: ${token.fontWeightStrong};
  }
  .field-row label,
  .field-row .label {
    font-size: ${token.fontSizeSmall};
    color: ${token.textMuted};
  }
  fieldset {
    min-width: 0;
    margin: 0 0 ${token.space3};
    padding: 0;
    border: 0;
  }
  legend {
    margin-bottom: ${token.space1};
    padding: 0;
  }
  input:not([type='checkbox'], [type='radio'], [type='range'], [type='color']),
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-width: 0;
    min-height: ${token.controlHeight};
    margin: 0;
    padding: 0 ${token.space2};
    border: 1px solid ${token.border};
    border-radius: ${token.radius};
    background: ${token.surface};
    color: ${token.text};
    font: inherit;
    line-height: 1.4;
  }
  textarea {
    padding-block: ${token.space1};
    resize: vertical;
  }
  :is(input, select, textarea):hover {
    border-color: ${token.primary};
  }
  :is(input, select, textarea):focus-visible {
    border-color: ${token.primary};
    outline-offset: 0;
  }
  ::placeholder {
    color: ${token.textMuted};
    opacity: 1;
  }
  :is(input, select, textarea)[aria-invalid='true'] {
    border-color: ${token.danger};
  }
  :is(input, select, textarea):disabled {
    background: ${token.surfaceMuted};
    color: ${token.textMuted};
    cursor: not-allowed;
  }
  input:is([type='checkbox'], [type='radio']) {
    width: 18px;
    height: 18px;
    margin: 3px;
    accent-color: ${token.primary};
    cursor: pointer;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: ${token.space1};
    min-height: 24px;
    font-weight: normal;
    cursor: pointer;
  }
  .hint {
    margin: 0;
    font-size: ${token.fontSizeSmall};
    color: ${token.textMuted};
  }
  .error,
  [part~='error'] {
    margin: 0;
    font-size: ${token.fontSizeSmall};
    color: ${token.danger};
    overflow-wrap: anywhere;
  }
`;
