import { clock } from '../message-parts.js';

/** The zh-CN words of the `verification-code-modal-desk` catalogue, fetched the first time the code entry needs them. */
export default {
  channels: '验证码接收方式',
  sms: '短信',
  email: '邮箱',
  goesTo: (destination: string) => `验证码将发送至 ${destination}。`,
  sentTo: (destination: string) => `验证码已发送至 ${destination}。`,
  codeLabel: '验证码',
  codeHint: '6 位数字',
  getCode: '获取验证码',
  resendIn: (seconds: number) => `${seconds < 100 ? `${seconds} 秒` : `${clock(seconds)} `}后重新获取`,
  resend: '重新获取',
  sending: '发送中…',
  checking: '校验中…',
  verify: '确定',
  announceSent: (destination: string, seconds: number) => `验证码已发送至 ${destination}，${seconds} 秒后可重新获取。`,
  announceResendReady: '现在可以重新获取验证码。',
  incomplete: '请输入完整的 6 位验证码。',
  incorrect: (left: number) => `验证码错误，还可尝试 ${left} 次。`,
  expired: '验证码已过期，请重新获取。',
  notSent: '尚未获取验证码，请先获取。',
  locked: (when: string) => `验证码错误次数过多，请 ${when}再试。`,
  sendLimit: (when: string) => `获取验证码次数已达上限，请 ${when}再试。`,
  resendTooSoon: '验证码刚刚已发送，请等待倒计时结束。',
  noChannel: '未设置接收验证码的手机号或邮箱，请联系管理员。',
  policyFailed: '无法加载验证设置。',
};
