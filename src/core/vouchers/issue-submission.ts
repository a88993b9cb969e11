/**
 * What an issue needs only once it is sent: the money intent that keeps one key per order, and the
 * reading of the backend's answer per customer. `IssueFlow` fetches it on the first
 * submission, so a page pays for it when a partner issues, not when the form shows.
 * @module
 */
export { MoneyIntent } from '../money-intent.js';
export { readOutcomes } from './issue-outcome.js';
