import type { MaskKind } from '../../core/masks.js';
import type { RevealFailure } from '../messages/masked-field.js';

/** The zh-CN words of the `masked-field` catalogue, fetched the first time an element needs them. */
export default {
  noun: (kind: MaskKind) => ({ mobile: '手机号', name: '客户名称', email: '邮箱', text: '内容' })[kind],
  show: (label: string) => `显示${label}`,
  copy: (label: string) => `复制${label}`,
  shown: (label: string) => `${label}已显示`,
  hidden: (label: string) => `${label}已隐藏`,
  loading: (label: string) => `正在加载${label}…`,
  copied: '已复制',
  copyFailed: '复制失败，请手动选择文本。',
  revealFailed: (label: string) => `无法显示${label}。`,
  why: (failure: RevealFailure) =>
    ({
      offline: '网络已断开。',
      'rate-limited': '请求过于频繁，请稍候。',
      permission: '您无权查看。',
      'not-found': '记录已不存在。',
      configuration: '未正确配置，请联系管理员。',
      retry: '请重试。',
    })[failure],
};
