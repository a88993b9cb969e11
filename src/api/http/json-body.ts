import { minorToDecimal } from '../../model/decimal.js';

/**
 * A request body as JSON, with amounts written as exact decimal numbers (`"face_value": 100.50`):
 * the API's BigDecimal fields are never passed through a float.
 */
export function jsonBody(body: Record<string, unknown>, amountKeys: readonly string[] = []): string {
  const marker = '\u0000yuan:';
  const text = JSON.stringify(body, (key, value: unknown) =>
    amountKeys.includes(key) && typeof value === 'number' ? marker + minorToDecimal(value) : value,
  );
  return text.replace(/"\\u0000yuan:(\d+\.\d+)"/g, '$1');
}
