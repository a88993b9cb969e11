/**
 * The limits of the remittance account and of a claim's voucher file, without their schemas: the
 * form checks them as the user types, and importing a schema module would bring zod up front.
 */

/** The most payer-on-behalf names a remittance account keeps active. */
export const MAX_PAYER_NAMES = 5;

/** The transfer voucher file types a claim accepts, and its largest size. */
export const VOUCHER_FILE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const VOUCHER_FILE_MAX_BYTES = 5 * 1024 * 1024;
