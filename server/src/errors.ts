/** Scalars a refusal names beside its code (`order_id`, `field`, …), snake_case as the wire writes them. */
export type ErrorFields = Readonly<Record<string, string | number | boolean>>;

/**
 * A refusal in the contract's shape: `{"error_code", "error_msg"}` with an HTTP status, the fields
 * that say what it concerns, and a `Retry-After` where the caller may try again later.
 */
export class ApiError extends Error {
  readonly errorCode: string;
  readonly status: number;
  readonly retryAfterMs: number | undefined;
  readonly fields: ErrorFields;

  constructor(errorCode: string, message: string, status = 400, retryAfterMs?: number, fields: ErrorFields = {}) {
    super(message);
    this.errorCode = errorCode;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    this.fields = fields;
  }

  /** The body every error answer carries. */
  get body(): Record<string, string | number | boolean> {
    return { ...this.fields, error_code: this.errorCode, error_msg: this.message };
  }
}

export const notFound = (message: string): ApiError => new ApiError('KIT.NOT_FOUND', message, 404);
export const badRequest = (message: string): ApiError => new ApiError('CBC.0100', message, 400);
