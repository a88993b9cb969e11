import { defineMessages } from '../locale.js';

/** Words every kit element may show, whatever it does. */
export const kitMessages = defineMessages({
  'en-US': {
    demoMarker: 'Demo data',
    demoMarkerNote: 'No backend is connected: nothing shown here is real.',
  },
  'zh-CN': {
    demoMarker: '演示数据',
    demoMarkerNote: '未连接后端，此处显示的内容均非真实数据。',
  },
}, 'kit');
