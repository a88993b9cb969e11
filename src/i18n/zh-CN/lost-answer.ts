/** The zh-CN words of the `lost-answer` catalogue, fetched the first time an element needs them. */
export default {
  lostTimeout: '服务器响应超时。',
  lostNetwork: '服务器应答前连接已中断。',
  lostOffline: '服务器应答前网络已断开。',
  lostServer: '服务器在应答前出错。',
  lostMalformed: '无法读取服务器的应答。',
};
