import type { ComplexAttributeConverter } from 'lit';

/** What an integer attribute accepts and what it falls back to. */
export interface IntegerSpec {
  /** The attribute's name, for the warning. */
  attribute: string;
  /** Used when the value is missing or not a whole number. */
  fallback: number;
  /** Values below are raised to it. */
  min: number;
  /** Values above are lowered to it. */
  max: number;
}

/**
 * Reads a whole number defensively: `"abc"`, `"1.5"`, `""` or `NaN` give the fallback with a
 * console warning (never `NaN` in the UI), and values outside `min`–`max` are clamped.
 */
export function readInteger(value: unknown, spec: IntegerSpec): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'number' ? value : Number.NaN;
  if (!Number.isInteger(number)) {
    // eslint-disable-next-line no-console -- a mistyped attribute in the host's markup shows nowhere else
    console.warn(`partner-kit: ${spec.attribute}=${JSON.stringify(String(value))} is not a whole number; using ${spec.fallback}.`);
    return spec.fallback;
  }
  return Math.min(spec.max, Math.max(spec.min, number));
}

/**
 * A Lit converter for an integer attribute read with {@link readInteger}:
 * `maxCustomers: { attribute: 'max-customers', converter: integerAttribute({ attribute: 'max-customers', fallback: 10, min: 1, max: 100 }) }`.
 * A property set from script goes through `readInteger` in `willUpdate` too.
 */
export function integerAttribute(spec: IntegerSpec): ComplexAttributeConverter<number> {
  return {
    fromAttribute: (value) => (value === null ? spec.fallback : readInteger(value, spec)),
    toAttribute: (value) => String(value),
  };
}
