import { css } from 'lit';
import * as token from '../../styles/tokens.js';

/** What only the issue form draws: quota cards, customer chips and results, the frozen notice. */
export const issueFormStyles = css`
  :host {
    display: block;
    max-width: 44rem;
    overflow-wrap: anywhere;
  }
  p {
    margin: 0 0 ${token.space1};
  }
  .quotas,
  .results {
    display: grid;
    gap: ${token.space1};
    margin: 0 0 ${token.space2};
    padding: 0;
    list-style: none;
  }
  .quota {
    display: flex;
    align-items: start;
    gap: ${token.space2};
    padding: ${token.space2};
    border: 1px solid ${token.border};
    border-radius: ${token.radius};
    font-weight: normal;
  }
  .quota:has(input:checked) {
    border-color: ${token.primary};
  }
  .quota > span {
    display: grid;
    min-width: 0;
  }
  .quota.unusable {
    background: ${token.surfaceMuted};
  }
  .restrictions ul {
    margin: ${token.space1} 0 ${token.space3};
    padding-inline-start: 1.2em;
  }
  .chips {
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
    min-width: 0;
    max-width: 100%;
    padding-inline-start: ${token.space2};
    border: 1px solid ${token.border};
    border-radius: 999px;
    background: ${token.surfaceMuted};
  }
  .results li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${token.space2};
    min-height: ${token.controlHeight};
    border-bottom: 1px solid ${token.border};
  }
  .results li > span {
    min-width: 0;
  }
  summary {
    min-height: 24px;
    margin: ${token.space2} 0;
    font-weight: ${token.fontWeightStrong};
    cursor: pointer;
  }
  .remark-meta {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: ${token.space2};
  }
  .notice,
  .unknown {
    margin-bottom: ${token.space3};
    padding: ${token.space3};
    border: 1px solid ${token.border};
    border-inline-start: 4px solid ${token.warning};
    border-radius: ${token.radius};
  }
`;
