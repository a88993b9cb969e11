/** The zh-CN words of the `kit` catalogue, fetched the first time an element needs them. */
export default {
  demoMarker: '演示数据',
  demoMarkerNote: '未连接后端，此处显示的内容均非真实数据。',
};
