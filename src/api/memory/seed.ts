import type { CouponRecord, IssuedCoupon, Quota } from '../../model/schemas/coupons.js';
import type { Customer } from '../../model/schemas/customers.js';
import type { InvitationFailure, InvitationStatus } from '../../model/schemas/invitations.js';
import type { AccountBalance, Bank, Branch, PayoutAccount, RechargeFlow } from '../../model/schemas/withdrawal.js';
import { DAY, Prng, instant } from './prng.js';

/** An invitation as the backend holds it: with the full values that the list only shows masked. */
export interface InvitationRow {
  id: string;
  name: string;
  mobile: string;
  email: string;
  status: InvitationStatus;
  failure: InvitationFailure | undefined;
  invitedAt: number;
  linkExpiresAt: number;
  operator: string;
}

/** Everything the in-memory backend knows. */
export interface MemoryData {
  customers: Customer[];
  quotas: Quota[];
  coupons: IssuedCoupon[];
  records: CouponRecord[];
  balances: AccountBalance[];
  companyRealName: string;
  accounts: PayoutAccount[];
  flows: RechargeFlow[];
  banks: Bank[];
  branches: Branch[];
  invitations: InvitationRow[];
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚'];
const COMPANY_CITIES = ['杭州', '上海', '深圳', '成都', '南京', '武汉', '西安', '苏州'];
const COMPANY_WORDS = ['云帆', '星辰', '数智', '远景', '海川', '青禾', '博润', '启明', '华信', '智联'];
const COMPANY_TRADES = ['科技有限公司', '信息技术有限公司', '网络科技有限公司', '软件有限公司'];
const PINYIN = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun'];
const OPERATORS = ['op_zhangwei', 'op_lina', 'sales_chen', 'sales_zhou'];
const BANKS: Bank[] = [
  { code: 'ICBC', name: '中国工商银行' },
  { code: 'CCB', name: '中国建设银行' },
  { code: 'ABC', name: '中国农业银行' },
  { code: 'BOC', name: '中国银行' },
  { code: 'BOCOM', name: '交通银行' },
  { code: 'CMB', name: '招商银行' },
  { code: 'SPDB', name: '浦发银行' },
  { code: 'CITIC', name: '中信银行' },
];
const BRANCH_CITIES = [
  '北京', '上海', '广州', '深圳', '杭州', '南京', '苏州', '成都', '重庆', '武汉', '西安', '天津', '长沙',
  '郑州', '青岛', '宁波', '厦门', '福州', '合肥', '济南', '昆明', '大连', '沈阳', '哈尔滨', '无锡',
];
const BRANCH_PARTS = ['分行营业部', '高新支行', '城东支行', '城西支行', '中山路支行', '人民路支行', '科技园支行',
  '开发区支行', '滨江支行', '解放路支行', '建设路支行', '新区支行', '港湾支行', '大学城支行', '火车站支行'];

/** The customer every demo and test can rely on: resale, with mobile and e-mail. */
export const WELL_KNOWN_CUSTOMER_ID = 'c-0001';
/** The company's verified real name in the demo data. */
export const COMPANY_REAL_NAME = '杭州云帆科技有限公司';

function personName(prng: Prng): string {
  return prng.pick(SURNAMES) + prng.pick(GIVEN) + (prng.next() < 0.5 ? prng.pick(GIVEN) : '');
}

function companyName(prng: Prng): string {
  return prng.pick(COMPANY_CITIES) + prng.pick(COMPANY_WORDS) + prng.pick(COMPANY_TRADES);
}

function mobile(prng: Prng): string {
  return `0086-1${prng.pick(['3', '5', '7', '8', '9'])}${prng.digits(9)}`;
}

function seedCustomers(prng: Prng, today: number): Customer[] {
  const customers: Customer[] = [];
  for (let i = 1; i <= 300; i += 1) {
    const id = `c-${String(i).padStart(4, '0')}`;
    const account = `${prng.pick(PINYIN)}_${prng.pick(PINYIN)}${String(i).padStart(3, '0')}`;
    const isCompany = prng.next() < 0.4;
    customers.push({
      id,
      accountName: account,
      name: isCompany ? companyName(prng) : personName(prng),
      ...(prng.next() < 0.9 ? { mobile: mobile(prng) } : {}),
      ...(prng.next() < 0.8 ? { email: `${account}@example.com` } : {}),
      // The first customers are kept plain so tests and the demo can count on them.
      associationType: i > 5 && prng.next() < 0.15 ? 'referral' : 'resale',
      associatedAt: instant(today - prng.int(1, 700) * DAY),
      frozen: i > 5 && prng.next() < 0.03,
    });
  }
  return customers;
}

function quota(
  id: string,
  kind: Quota['kind'],
  status: Quota['status'],
  total: number,
  balance: number,
  window: [number, number],
  extra: Partial<Quota> = {},
): Quota {
  return {
    id,
    kind,
    status,
    total,
    balance,
    currency: 'CNY',
    effectiveFrom: instant(window[0]),
    expiresAt: instant(window[1]),
    minFaceValue: 100,
    maxFaceValue: 500_000,
    restrictions: [],
    ...extra,
  };
}

function seedQuotas(today: number): Quota[] {
  const open: [number, number] = [today - 60 * DAY, today + 300 * DAY];
  return [
    quota('Q-V-2026-001', 'voucher', 'normal', 10_000_000, 6_250_000, open, {
      restrictions: [
        { key: 'cloudServiceType', values: ['hws.service.type.ec2', 'hws.service.type.obs', 'hws.service.type.rds'] },
        { key: 'chargeScene', values: ['1', '2'] },
      ],
    }),
    quota('Q-V-2026-002', 'voucher', 'normal', 100_000, 30_000, open, { minFaceValue: 1_000, maxFaceValue: 20_000 }),
    quota('Q-V-2026-003', 'voucher', 'normal', 500_000, 500_000, [today + 10 * DAY, today + 200 * DAY]),
    quota('Q-V-2025-014', 'voucher', 'expired', 2_000_000, 120_000, [today - 400 * DAY, today - 35 * DAY]),
    quota('Q-V-2026-004', 'voucher', 'adjusting', 3_000_000, 3_000_000, open),
    quota('Q-V-2026-005', 'voucher', 'frozen', 1_000_000, 800_000, open),
    quota('Q-C-2026-001', 'cash', 'normal', 5_000_000, 4_200_000, open, { maxFaceValue: 200_000 }),
    quota('Q-C-2026-002', 'cash', 'frozen', 1_000_000, 1_000_000, open),
    quota('Q-C-2025-007', 'cash', 'expired', 800_000, 50_000, [today - 500 * DAY, today - 10 * DAY]),
  ];
}

function seedCoupons(prng: Prng, today: number, customers: Customer[], quotas: Quota[]) {
  const coupons: IssuedCoupon[] = [];
  const records: CouponRecord[] = [];
  const statuses: IssuedCoupon['status'][] = ['usable', 'usable', 'usable', 'used', 'expired', 'reclaimed', 'inactive'];
  const remarks = ['Q4 促销', 'Renewal bonus', '新客户首购', '', '<b>VIP</b> 客户 & 续费', '补偿工单 #4411'];
  for (let i = 1; i <= 64; i += 1) {
    const resale = customers.filter((c) => c.associationType === 'resale');
    const customer = i <= 6 ? (customers[i - 1] as Customer) : prng.pick(resale);
    const fromQuota = (i % 4 === 0 ? quotas[6] : quotas[0]) as Quota;
    const status = statuses[i % statuses.length] as IssuedCoupon['status'];
    const faceValue = prng.pick([5_000, 10_000, 20_000, 50_000, 100_000]);
    const issuedAt = today - prng.int(2, 180) * DAY;
    const used = status === 'usable' ? prng.pick([0, 0, Math.floor(faceValue / 4)]) : 0;
    const balance = status === 'usable' || status === 'inactive' ? faceValue - used : status === 'expired' ? faceValue / 2 : 0;
    const id = `CP${String(20260000 + i)}`;
    const expiresAt = status === 'expired' ? today - prng.int(1, 30) * DAY : today + prng.int(30, 200) * DAY;
    coupons.push({
      id,
      kind: fromQuota.kind,
      customerId: customer.id,
      customerName: customer.name,
      faceValue,
      balance,
      currency: 'CNY',
      status,
      effectiveFrom: instant(issuedAt),
      expiresAt: instant(expiresAt),
      issuedAt: instant(issuedAt),
    });
    const remark = prng.pick(remarks);
    records.push({
      id: `R-${String(i * 2 - 1).padStart(5, '0')}`,
      operation: 'issue',
      quotaId: fromQuota.id,
      kind: fromQuota.kind,
      couponId: id,
      customerId: customer.id,
      customerName: customer.name,
      amount: faceValue,
      currency: 'CNY',
      operatedAt: instant(issuedAt),
      succeeded: true,
      ...(remark ? { remark } : {}),
    });
    if (status === 'reclaimed') {
      records.push({
        id: `R-${String(i * 2).padStart(5, '0')}`,
        operation: 'reclaim',
        quotaId: fromQuota.id,
        kind: fromQuota.kind,
        couponId: id,
        customerId: customer.id,
        customerName: customer.name,
        amount: Math.floor(faceValue * 0.6),
        currency: 'CNY',
        operatedAt: instant(issuedAt + 5 * DAY),
        succeeded: true,
      });
    }
  }
  return { coupons, records };
}

function seedWithdrawal(today: number) {
  const branches: Branch[] = [];
  for (const bank of BANKS) {
    for (const city of BRANCH_CITIES) {
      for (const part of BRANCH_PARTS) {
        branches.push({ code: `${bank.code}-${branches.length + 1}`, name: `${bank.name}${city}${part}`, bankCode: bank.code, city });
      }
    }
  }
  const accounts: PayoutAccount[] = [
    // The main bank account has no opening branch yet: the first withdrawal must ask for it.
    { id: 'acct-icbc', type: 'bank', holderName: COMPANY_REAL_NAME, bankCode: 'ICBC', bankName: '中国工商银行', maskedNumber: '**** **** **** 6789', branch: null },
    // Held under a short name, not the verified real name: transaction-mode-conversion money cannot go there.
    { id: 'acct-ccb', type: 'bank', holderName: '杭州云帆科技', bankCode: 'CCB', bankName: '中国建设银行', maskedNumber: '**** **** **** 2046', branch: branches.find((b) => b.bankCode === 'CCB') ?? null },
    { id: 'acct-alipay', type: 'alipay', holderName: COMPANY_REAL_NAME, maskedNumber: 'fin***@yunfan.example.com', branch: null },
    { id: 'acct-wechat', type: 'wechat', holderName: COMPANY_REAL_NAME, maskedNumber: 'wxid_****9a2f', branch: null },
  ];
  const flows: RechargeFlow[] = [
    { id: 'RF-20261110-01', receivedAt: instant(today - 14 * DAY), channel: 'online-banking', originalAmount: 1_200_000, withdrawableAmount: 1_200_000, accountId: 'acct-icbc' },
    { id: 'RF-20261028-02', receivedAt: instant(today - 27 * DAY), channel: 'transaction-mode-conversion', originalAmount: 800_000, withdrawableAmount: 800_000, accountId: 'acct-ccb' },
    { id: 'RF-20261002-03', receivedAt: instant(today - 53 * DAY), channel: 'alipay', originalAmount: 300_000, withdrawableAmount: 250_000, accountId: 'acct-alipay' },
    { id: 'RF-20260915-04', receivedAt: instant(today - 70 * DAY), channel: 'bank-transfer', originalAmount: 2_000_000, withdrawableAmount: 1_500_000, accountId: 'acct-icbc' },
    { id: 'RF-20260801-05', receivedAt: instant(today - 115 * DAY), channel: 'wechat', originalAmount: 100_000, withdrawableAmount: 100_000, accountId: 'acct-wechat' },
  ];
  const balances: AccountBalance[] = [
    { accountId: 'PA-CASH-01', type: 'cash', amount: 3_985_000, currency: 'CNY' },
    { accountId: 'PA-CREDIT-01', type: 'credit', amount: 5_000_000, creditLimit: 10_000_000, currency: 'CNY' },
    { accountId: 'PA-ALLOC-01', type: 'allocatable', amount: 2_400_000, designatedAmount: 400_000, currency: 'CNY' },
  ];
  return { banks: BANKS, branches, accounts, flows, balances };
}

/** Builds invitations on demand: thousands for the table, generated from the seed in milliseconds. */
export function seedInvitations(prng: Prng, now: number, count: number): InvitationRow[] {
  const rows: InvitationRow[] = [];
  const statuses: InvitationStatus[] = ['invited', 'invited', 'associated', 'associated', 'reported', 'failed'];
  const failures: InvitationFailure[] = ['system-busy', 'link-expired', 'link-missing', 'code-used'];
  for (let i = 1; i <= count; i += 1) {
    const status = prng.pick(statuses);
    const invitedAt = now - prng.int(0, 40 * 24) * 3_600_000;
    const pinyin = `${prng.pick(PINYIN)}.${prng.pick(PINYIN)}${i}`;
    rows.push({
      id: `inv-${String(i).padStart(6, '0')}`,
      name: prng.next() < 0.3 ? companyName(prng) : personName(prng),
      mobile: mobile(prng),
      email: `${pinyin}@example.com`,
      status,
      failure: status === 'failed' ? prng.pick(failures) : undefined,
      invitedAt,
      linkExpiresAt: invitedAt + 7 * DAY,
      operator: prng.pick(OPERATORS),
    });
  }
  return rows;
}

/** The whole seeded backend for `seed`, with dates relative to `now`. */
export function seedData(seed: number, now: number, invitationCount: number): MemoryData {
  const prng = new Prng(seed);
  const today = now - (now % DAY);
  const customers = seedCustomers(prng, today);
  const quotas = seedQuotas(today);
  const { coupons, records } = seedCoupons(prng, today, customers, quotas);
  const withdrawal = seedWithdrawal(today);
  return {
    customers,
    quotas,
    coupons,
    records,
    companyRealName: COMPANY_REAL_NAME,
    ...withdrawal,
    invitations: seedInvitations(new Prng(seed + 1), now, invitationCount),
  };
}
