import { DAY, Prng } from './prng.js';

/** A transfer as the backend holds it: with the remitting account in full, which lists only show masked. */
export interface TransferRow {
  id: string;
  remitterName: string;
  remitterAccount: string;
  amount: number;
  receivedAt: number;
}

/** A transfer to the dedicated account, matched to the partner or still being matched. */
export interface DedicatedTransferRow extends TransferRow {
  matchedAt: number | undefined;
}

/** The remittance account the backend issues on enabling, with its full number. */
export const REMITTANCE_ACCOUNT = {
  id: 'RA-0001',
  beneficiary: '华为云计算技术有限公司',
  bank: '招商银行北京分行营业部',
  accountNumber: '1109325871100028461',
  reference: 'HWC8026410375',
} as const;

const HOUR = 3_600_000;

const REMITTERS = [
  '杭州云帆科技有限公司', '上海星辰信息技术有限公司', '深圳数智网络科技有限公司', '成都远景软件有限公司',
  '南京海川科技有限公司', '武汉青禾信息技术有限公司', '西安博润网络科技有限公司', '苏州启明软件有限公司',
  '张伟', '李娜', '王芳', 'Acme Cloud Services Ltd', 'Northwind Trading Co.',
];

/** A bank account number as the lists show it: first four and last four digits. */
export function maskAccount(number: string): string {
  return `${number.slice(0, 4)} **** **** ${number.slice(-4)}`;
}

function accountNumber(prng: Prng): string {
  return `6${prng.pick(['212', '217', '222', '228'])}${prng.digits(prng.pick([12, 13, 15]))}`;
}

/** Transfers to the dedicated account, shown once it is enabled: the newest still being matched. */
export function seedDedicatedTransfers(today: number): DedicatedTransferRow[] {
  const prng = new Prng(4049);
  const rows: DedicatedTransferRow[] = [];
  for (let i = 0; i < 6; i += 1) {
    const receivedAt = today - i * DAY - (i + 1) * HOUR;
    rows.push({
      id: `RM-${String(2001 + i)}`,
      remitterName: i % 3 === 2 ? '张伟' : '杭州云帆科技有限公司',
      remitterAccount: accountNumber(prng),
      amount: prng.pick([500_000, 1_000_000, 2_350_000, 88_800]),
      receivedAt,
      matchedAt: i < 2 ? undefined : receivedAt + 2 * HOUR,
    });
  }
  return rows;
}

/** Offline transfers no one has claimed yet, of varied remitters and amounts, newest first. */
export function seedUnclaimedTransfers(today: number): TransferRow[] {
  const prng = new Prng(7211);
  return Array.from({ length: 30 }, (_, i) => ({
    id: `UR-${String(3001 + i)}`,
    remitterName: REMITTERS[i % REMITTERS.length] as string,
    remitterAccount: accountNumber(prng),
    // Round sums and odd ones, from ¥50.00 to ¥98,000.00.
    amount: i % 4 === 0 ? prng.int(1, 98) * 100_000 : prng.int(5_000, 9_800_000),
    receivedAt: today - i * (DAY / 2) - prng.int(1, 11) * HOUR,
  }));
}
