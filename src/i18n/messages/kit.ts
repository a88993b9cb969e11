import { defineMessages } from '../locale.js';

/** Words every kit element may show, whatever it does. */
export const kitMessages = defineMessages({
  'en-US': {
    demoMarker: 'Demo data',
    demoMarkerNote: 'No backend is connected: nothing shown here is real.',
  },
  'zh-CN': () => import('../zh-CN/kit.js'),
}, 'kit');
