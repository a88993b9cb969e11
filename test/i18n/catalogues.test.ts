import { expect } from '@open-wc/testing';
import '../../src/i18n/error-messages.js';
import { definedCatalogues, type Message } from '../../src/i18n/catalogue.js';
import type { CatalogueName, KitCatalogues } from '../../src/i18n/catalogues.js';
import '../../src/i18n/messages/customer-report-form.js';
import '../../src/i18n/messages/invitation-link.js';
import '../../src/i18n/messages/invite-table.js';
import '../../src/i18n/messages/customer-create-form.js';
import '../../src/i18n/messages/customer-list.js';
import '../../src/i18n/messages/issued-voucher-list.js';
import '../../src/i18n/messages/kit.js';
import '../../src/i18n/messages/masked-field.js';
import '../../src/i18n/messages/order-payment.js';
import '../../src/i18n/messages/pager.js';
import '../../src/i18n/messages/restrictions.js';
import '../../src/i18n/messages/top-up-form.js';
import '../../src/i18n/messages/unbind-requests.js';
import '../../src/i18n/messages/verification-code-modal.js';
import '../../src/i18n/messages/verification-code-modal-desk.js';
import '../../src/i18n/messages/voucher-issue-form.js';
import '../../src/i18n/messages/voucher-issue-form-outcome.js';
import '../../src/i18n/messages/voucher-records.js';
import '../../src/i18n/messages/vouchers.js';
import '../../src/i18n/messages/withdraw-dialog.js';
import '../../src/i18n/messages/withdraw-dialog-contents.js';

/** Naming every catalogue of the type map: a catalogue added there and not here fails to compile. */
const CATALOGUES: Record<CatalogueName, true> = {
  'customer-create-form': true,
  'customer-list': true,
  errors: true,
  'customer-report-form': true,
  'invitation-link': true,
  'invite-table': true,
  'issued-voucher-list': true,
  kit: true,
  'masked-field': true,
  'order-payment': true,
  pager: true,
  restrictions: true,
  'top-up-form': true,
  'unbind-requests': true,
  'verification-code-modal': true,
  'voucher-issue-form': true,
  'voucher-records': true,
  vouchers: true,
  'withdraw-dialog': true,
};

/** The catalogues of parts elements fetch later, which hosts override under the element's name. */
const PARTS = ['verification-code-modal-desk', 'voucher-issue-form-outcome', 'withdraw-dialog-contents'];

type FirstParam<N extends CatalogueName, K extends keyof KitCatalogues[N]> = KitCatalogues[N][K] extends (...args: infer A) => string ? A[0] : never;

/** Every member of a union, checked complete by the compiler. */
const every = <T extends string>(members: Record<T, true>): T[] => Object.keys(members) as T[];

const amountIssues = every<FirstParam<'withdraw-dialog', 'amountIssue'>>({
  empty: true, 'too-long': true, format: true, negative: true, 'too-many-decimals': true, 'too-large': true,
  'not-positive': true, 'below-min': true, 'above-max': true, 'name-mismatch': true, 'no-flows': true, 'no-account': true,
});
const faceIssues = every<FirstParam<'voucher-issue-form', 'faceIssue'>>({
  empty: true, 'too-long': true, format: true, negative: true, 'too-many-decimals': true, 'too-large': true,
  'not-positive': true, 'below-min': true, 'above-max': true, 'total-over-balance': true,
});

type Args = readonly unknown[];
type Samples = Partial<Record<string, readonly Args[]>>;

const one = (values: readonly unknown[], ...rest: unknown[]): Args[] => values.map((value) => [value, ...rest]);

/** Arguments a message is called with, where counts would not do: enums, text it reads, names. */
const SAMPLES: Samples = {
  'customer-create-form.issue': one(
    every<FirstParam<'customer-create-form', 'issue'>>({
      required: true, 'too-short': true, format: true, 'first-character': true, 'all-digits': true, 'reserved-prefix': true, classes: true,
      'equals-account-name': true, 'contains-mobile': true, taken: true, 'registration-cap': true, reported: true, 'code-expired': true, 'code-incorrect': true,
      'attempts-exceeded': true, 'code-not-sent': true, 'not-accepted': true,
    }),
  ),
  'customer-create-form.associating': [['zhao_ming01']],
  'customer-list.associationType': one(every<FirstParam<'customer-list', 'associationType'>>({ resale: true, referral: true })),
  'customer-list.type': one(every<FirstParam<'customer-list', 'type'>>({ none: true, individual: true, enterprise: true })),
  'customer-list.verifiedStatus': one(
    every<FirstParam<'customer-list', 'verifiedStatus'>>({ off: true, unverified: true, reviewing: true, rejected: true, verified: true, failed: true }),
  ),
  'customer-create-form.done': [['zhao_ming01']],
  'errors.withCode': [['Text.', 'CBC.99000013']],
  'invite-table.statusLabel': one(every<FirstParam<'invite-table', 'statusLabel'>>({ reported: true, invited: true, associated: true, failed: true })),
  'invite-table.failure': one(every<FirstParam<'invite-table', 'failure'>>({ 'system-busy': true, 'link-expired': true, 'link-missing': true, 'code-used': true })),
  'masked-field.noun': one(every<FirstParam<'masked-field', 'noun'>>({ mobile: true, name: true, email: true, text: true })),
  'masked-field.why': one(
    every<FirstParam<'masked-field', 'why'>>({ offline: true, 'rate-limited': true, permission: true, 'not-found': true, configuration: true, retry: true }),
  ),
  'top-up-form.amountIssue': one(
    every<FirstParam<'top-up-form', 'amountIssue'>>({
      empty: true, 'too-long': true, format: true, negative: true, 'too-many-decimals': true, 'too-large': true, 'not-positive': true, 'below-min': true, 'above-max': true,
    }),
  ),
  'unbind-requests.statusLabel': one(every<FirstParam<'unbind-requests', 'statusLabel'>>({ pending: true, approved: true, rejected: true, withdrawn: true })),
  'unbind-requests.reasonIssue': one(every<FirstParam<'unbind-requests', 'reasonIssue'>>({ required: true, 'too-long': true })),
  'unbind-requests.verifyAction': [['approve', 'zhao_ming01'], ['reject', 'zhao_ming01']],
  'verification-code-modal.purpose': one(['withdraw', 'issue-coupon', 'reclaim-coupon', 'remittance-account', 'something-new']),
  'voucher-issue-form.faceIssue': one(faceIssues, '¥1.00', '¥5,000.00'),
  'voucher-issue-form.quotaError': [['required'], ['frozen']],
  'vouchers.kind': one(every<FirstParam<'vouchers', 'kind'>>({ voucher: true, cash: true })),
  'vouchers.status': one(every<FirstParam<'vouchers', 'status'>>({ inactive: true, usable: true, used: true, expired: true, reclaimed: true })),
  'vouchers.quotaUnusable': one(
    every<FirstParam<'vouchers', 'quotaUnusable'>>({ expired: true, adjusting: true, frozen: true, reclaimed: true, 'not-yet-effective': true, empty: true }),
  ),
  'vouchers.operation': one(
    every<FirstParam<'vouchers', 'operation'>>({
      issue: true, reclaim: true, 'reclaim-on-unbind': true, 'reclaim-on-expiry': true, 'reclaim-on-unsubscribe': true,
      'refund-reversal': true, 'reclaim-on-association': true, 'reclaim-on-mode-switch': true, 'reseller-transfer': true,
    }),
  ),
  'vouchers.itemFailure': one(['quota-balance', 'cooperation-type', 'not-sub-customer', 'quota-unusable', 'already-reclaimed', 'referral-coupon', 'something-new']),
  'withdraw-dialog-contents.channel': one(
    every<FirstParam<'withdraw-dialog', 'channel'>>({
      'bank-transfer': true, 'online-banking': true, alipay: true, wechat: true, unionpay: true, 'transaction-mode-conversion': true, 'incentive-refund': true,
    }),
  ),
  'withdraw-dialog-contents.amountIssue': one(amountIssues, '¥38,500.00'),
  'withdraw-dialog-contents.arrivalDays': [[0, 0], [1, 1], [2, 2], [1, 3]],
  'restrictions.serviceType': one(['hws.service.type.ec2', 'hws.service.type.ebs', 'hws.service.type.obs', 'hws.service.type.rds', 'hws.service.type.vpc', 'hws.service.type.dws']),
};

/** Per locale, for messages that take words of that locale (a noun, a relative time, a sentence). */
const LOCALE_SAMPLES: Record<'en-US' | 'zh-CN', Samples> = {
  'en-US': {
    'errors.withCode': [['The quota balance ran out.', 'CBC.99000013']],
    'invite-table.failedItem': [['Z**', 'You are offline.']],
    'masked-field.show': [['customer name']],
    'masked-field.copy': [['mobile number']],
    'masked-field.shown': [['e-mail address']],
    'masked-field.hidden': [['customer name']],
    'masked-field.loading': [['customer name']],
    'masked-field.revealFailed': [['customer name']],
    'verification-code-modal-desk.locked': [['in 15 minutes']],
    'verification-code-modal-desk.sendLimit': [['in 30 seconds']],
    'voucher-issue-form.addLabel': [['Add', 'Z**', 'zhao_wang001']],
    'restrictions.line': [['Cloud service types', 'Elastic Cloud Server (ECS), Object Storage Service (OBS)']],
  },
  'zh-CN': {
    'errors.withCode': [['额度余额不足。', 'CBC.99000013'], ['无法确定提现是否已提交。请重试，不会重复提现。', 'CBC.99000013']],
    'invite-table.failedItem': [['上**', '网络已断开，请联网后重试。']],
    'masked-field.show': [['客户名称']],
    'masked-field.copy': [['手机号']],
    'masked-field.shown': [['邮箱']],
    'masked-field.hidden': [['客户名称']],
    'masked-field.loading': [['客户名称']],
    'masked-field.revealFailed': [['客户名称']],
    'verification-code-modal-desk.locked': [['15 分钟后']],
    'verification-code-modal-desk.sendLimit': [['30 秒钟后']],
    'voucher-issue-form.addLabel': [['添加', '郭**', 'zhao_wang001']],
    'voucher-issue-form.quotaError': [['required'], ['已冻结']],
    'restrictions.line': [['云服务类型', '弹性云服务器 ECS、对象存储服务 OBS']],
  },
};

/** Counts, ids and amounts: 1 and many, a zero, and past 100 (where countdowns switch to m:ss). */
const COUNTS: readonly Args[] = [
  [1, 1, 1, 1, 1],
  [7, 12, 4, 2, 0],
  [125, 240, 3, 2, 6],
];

const HAN = '\\p{Script=Han}';
const FULL_WIDTH = '，。：；！？（）、';

/** What a zh-CN text must never contain, each with the rule it breaks. */
const ZH_RULES: [RegExp, string][] = [
  [/\$\{|undefined|NaN|\[object|\bnull\b/u, 'a leftover placeholder'],
  [/(?<![A-Za-z0-9])[,.:;!?()]|[,.:;!?()](?![A-Za-z0-9])/u, 'ASCII punctuation outside Latin text (use ，。：；！？（）)'],
  [new RegExp(`${HAN}[A-Za-z0-9]|[A-Za-z0-9]${HAN}`, 'u'), 'no space between Chinese and Latin letters or digits'],
  [new RegExp(`${HAN}\\s{2,}[A-Za-z0-9]|[A-Za-z0-9]\\s{2,}${HAN}`, 'u'), 'more than one space between Chinese and Latin'],
  [new RegExp(`\\s[${FULL_WIDTH}]|[${FULL_WIDTH}]\\s`, 'u'), 'a space beside full-width punctuation'],
];

const EN_RULES: [RegExp, string][] = [
  [/\$\{|undefined|NaN|\[object|\bnull\b/u, 'a leftover placeholder'],
  [new RegExp(`${HAN}|[${FULL_WIDTH}]`, 'u'), 'Chinese text or full-width punctuation'],
];

type Locale = 'en-US' | 'zh-CN';

/** Every text a catalogue can show in `locale`: each fixed message, each function with its samples. */
function texts(name: string, messages: Readonly<Record<string, Message>>, locale: Locale): { key: string; text: string }[] {
  return Object.entries(messages).flatMap(([key, message]) => {
    if (typeof message === 'string') return [{ key, text: message }];
    const id = `${name}.${key}`;
    const samples = LOCALE_SAMPLES[locale][id] ?? SAMPLES[id] ?? COUNTS;
    return samples.map((args) => ({ key: `${key}(${args.join(', ')})`, text: String((message as (...a: Args) => unknown)(...args)) }));
  });
}

type Shipped = Awaited<ReturnType<typeof definedCatalogues>>;

function violations(shipped: Shipped, locale: Locale, rules: [RegExp, string][]): string[] {
  return [...shipped].flatMap(([name, catalogue]) =>
    texts(name, catalogue[locale], locale).flatMap(({ key, text }) =>
      rules.filter(([rule]) => rule.test(text)).map(([, why]) => `${locale} ${name}.${key}: "${text}" has ${why}`),
    ),
  );
}

describe('message catalogues', () => {
  // Every zh-CN half, fetched here as a zh-CN page would on first need.
  let shipped: Shipped;
  before(async () => {
    shipped = await definedCatalogues();
  });

  it('are all defined under the names hosts override them by, and their parts\' own', () => {
    expect([...shipped.keys()].sort()).to.deep.equal([...Object.keys(CATALOGUES), ...PARTS].sort());
  });

  it('have the same keys, and a message of the same kind, in both locales', () => {
    const mismatched = [...shipped].flatMap(([name, { 'en-US': en, 'zh-CN': zh }]) => {
      const keys = new Set([...Object.keys(en), ...Object.keys(zh)]);
      return [...keys].filter((key) => typeof en[key] !== typeof zh[key]).map((key) => `${name}.${key}`);
    });
    expect(mismatched).to.deep.equal([]);
  });

  it('write zh-CN with full-width punctuation, one space between Chinese and Latin, and no placeholder left', () => {
    expect(violations(shipped, 'zh-CN', ZH_RULES)).to.deep.equal([]);
  });

  it('write en-US with no Chinese, no full-width punctuation and no placeholder left', () => {
    expect(violations(shipped, 'en-US', EN_RULES)).to.deep.equal([]);
  });

  it('catch what the rules are for', () => {
    const broken = ['额度余额不足。 (CBC.99000013)', '请15分钟后再试', '上**: 网络已断开', '共 ${total} 条', 'up to NaN', '请  15 分钟后'];
    const caught = broken.filter((text) => ZH_RULES.some(([rule]) => rule.test(text)));
    expect(caught).to.deep.equal(broken);
    const fine = ['额度余额不足（错误码 CBC.99000013）', '请 15 分钟后再试。', '如 1,000.50。', '1:40 后重新获取', '第 1–20 条，共 64 条'];
    expect(fine.filter((text) => ZH_RULES.some(([rule]) => rule.test(text)))).to.deep.equal([]);
  });
});
