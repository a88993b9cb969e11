import type { Locale } from './locale.js';
import { restrictionMessages } from './messages/restrictions.js';

/** Restriction keys the kit has a name for; any other is shown as readable words. */
const NAMED = ['cloudServiceType', 'serviceTypeBlackList', 'chargeScene', 'isRebate'] as const;
type Named = (typeof NAMED)[number];

/** Keys whose values are cloud service type codes (`hws.service.type.ec2`). */
const SERVICE_TYPE_KEYS: readonly string[] = ['cloudServiceType', 'serviceTypeBlackList'];

/** "Cloud service types" / "云服务类型"; an unknown key in words: `limitRegionCode` → "Limit region code". */
export function restrictionName(key: string, locale: Locale): string {
  return (NAMED as readonly string[]).includes(key) ? restrictionMessages(locale)[key as Named] : readableKey(key);
}

/**
 * One value of a restriction as people read it: a service type by its name ("Elastic Cloud Server
 * (ECS)" / "弹性云服务器 ECS", an unknown one by its short code), a yes/no flag as yes or no, any
 * other value as the backend sent it.
 */
export function restrictionValue(key: string, value: string, locale: Locale): string {
  const m = restrictionMessages(locale);
  if (SERVICE_TYPE_KEYS.includes(key)) return m.serviceType(value);
  if (key === 'isRebate' && (value === '0' || value === '1')) return value === '1' ? m.yes : m.no;
  return value;
}

/**
 * A quota's usage restriction as one line: `restrictionLabel('cloudServiceType',
 * ['hws.service.type.ec2', 'hws.service.type.obs'], 'zh-CN')` → "云服务类型：弹性云服务器 ECS、对象存储服务 OBS".
 */
export function restrictionLabel(key: string, values: readonly string[], locale: Locale): string {
  const m = restrictionMessages(locale);
  const name = restrictionName(key, locale);
  return values.length === 0 ? name : m.line(name, values.map((value) => restrictionValue(key, value, locale)).join(m.separator));
}

function readableKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s._-]+/)
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}` : key;
}
