import { VOUCHER_FILE_MAX_BYTES, VOUCHER_FILE_TYPES } from '../model/schemas/remittance.js';

/** A transfer voucher as an upload describes it. */
export interface VoucherDescription {
  fileName: string;
  contentType: string;
  size: number;
}

/** What an upload says of the voucher, or `undefined` when it is not a file at all. */
export function describeVoucher(voucher: unknown): VoucherDescription | undefined {
  if (!(voucher instanceof Blob)) return undefined;
  const name = (voucher as Blob & { name?: unknown }).name;
  return { fileName: typeof name === 'string' && name !== '' ? name : 'voucher', contentType: voucher.type, size: voucher.size };
}

/** The rule a voucher breaks: a type claims do not take, or a size that is empty or over the limit. */
export function voucherProblem(voucher: VoucherDescription): 'voucher-type' | 'voucher-size' | undefined {
  if (!(VOUCHER_FILE_TYPES as readonly string[]).includes(voucher.contentType)) return 'voucher-type';
  if (voucher.size < 1 || voucher.size > VOUCHER_FILE_MAX_BYTES) return 'voucher-size';
  return undefined;
}
