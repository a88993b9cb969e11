import { css } from 'lit';
import * as token from '../../styles/tokens.js';

export const issueFormStyles = css`
  :host {
    display: block;
    max-width: 44rem;
  }
  fieldset {
    margin: 0 0 ${token.space3};
    padding: 0;
    border: 0;
  }
  legend,
  .field-label {
    display: block;
    margin: ${token.space2} 0 ${token.space1};
    padding: 0;
    font-weight: 600;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: ${token.space1};
    margin-inline-end: ${token.space3};
  }
  .quotas {
    display: grid;
    gap: ${token.space1};
  }
  .quota {
    display: flex;
    align-items: start;
    gap: ${token.space2};
    padding: ${token.space2};
    border: 1px solid ${token.border};
    border-radius: ${token.radius};
  }
  .quota:has(input:checked) {
    border-color: ${token.primary};
  }
  .quota > span {
    display: grid;
  }
  .quota.unusable {
    background: ${token.surfaceMuted};
  }
  .small {
    font-size: ${token.fontSizeSmall};
  }
  .restrictions ul {
    margin: 2px 0 ${token.space2};
    padding-inline-start: 1.2em;
  }
  .chips,
  .results {
    display: flex;
    flex-wrap: wrap;
    gap: ${token.space1};
    margin: 0 0 ${token.space2};
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: ${token.space1};
    padding: 2px 2px 2px ${token.space2};
    border: 1px solid ${token.border};
    border-radius: 999px;
    background: ${token.surfaceMuted};
  }
  .results {
    display: grid;
    margin-top: ${token.space1};
  }
  .results li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${token.space2};
    padding: 2px 0;
    border-bottom: 1px solid ${token.border};
  }
  input:not([type='radio']):not([type='checkbox']),
  textarea {
    box-sizing: border-box;
    width: 100%;
  }
  textarea {
    min-height: 3.5em;
    padding: ${token.space1} ${token.space2};
    border: 1px solid ${token.border};
    border-radius: ${token.radius};
    font: inherit;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: ${token.danger};
  }
  .dates {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: ${token.space2};
    margin-top: ${token.space2};
  }
  .dates label {
    display: grid;
    gap: 2px;
  }
  details {
    margin: ${token.space2} 0;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  .remark-meta {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: ${token.space2};
  }
  .total {
    margin: ${token.space1} 0;
    font-variant-numeric: tabular-nums;
  }
  p {
    margin: 0 0 ${token.space1};
  }
  p[part='error']:empty {
    margin: 0;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  button.icon {
    min-height: 1.6em;
    padding: 0 ${token.space1};
    border: 0;
    border-radius: 999px;
    background: transparent;
  }
`;
