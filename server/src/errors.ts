/**
 * A refusal in the contract's shape: `{"error_code", "error_msg"}` with an HTTP status, and a
 * `Retry-After` where the caller may try again later.
 */
export class ApiError extends Error {
  readonly errorCode: string;
  readonly status: number;
  readonly retryAfterMs: number | undefined;

  constructor(errorCode: string, message: string, status = 400, retryAfterMs?: number) {
    super(message);
    this.errorCode = errorCode;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }

  /** The body every error answer carries. */
  get body(): { error_code: string; error_msg: string } {
    return { error_code: this.errorCode, error_msg: this.message };
  }
}

export const notFound = (message: string): ApiError => new ApiError('KIT.NOT_FOUND', message, 404);
export const badRequest = (message: string): ApiError => new ApiError('CBC.0100', message, 400);
