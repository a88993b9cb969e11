import { wholeSeconds } from '../message-parts.js';

/** The zh-CN words of the `errors` catalogue, fetched the first time an element needs them. */
export default {
  validation: '部分信息无效。',
  'verification-required': '需要验证码。',
  'rate-limited': (ms: number | undefined) => `请求过于频繁，请 ${wholeSeconds(ms)} 秒后重试。`,
  'rate-limited:over': '现在可以重试。',
  configuration: '此账号未正确配置伙伴 API，请联系管理员。',
  'configuration:tenant-mismatch': '登录令牌属于其他租户，请联系管理员。',
  'configuration:api-required': '此页面尚未接入伙伴 API，无法显示内容，请联系管理员。',
  permission: '您没有此操作的权限。',
  conflict: '已完成或已无法执行。',
  'not-found': '记录已不存在。',
  'insufficient-funds': '余额不足。',
  network: '无法连接服务器，请重试。',
  'network:offline': '网络已断开，请联网后重试。',
  timeout: '服务器响应超时，请重试。',
  server: '服务器错误，请稍后重试。',
  'malformed-response': '服务器返回异常，请重试。',
  cancelled: '已取消。',
  withCode: (text: string, code: string) => `${text.replace(/。$/, '')}（错误码 ${code}）`,
};
