/** The zh-CN words of the `voucher-issue-form-outcome` catalogue, fetched the first time an issue's outcome needs them. */
export default {
  resultTitle: '发放结果',
  resultSummary: (ok: number, failed: number) => `成功 ${ok} 个，失败 ${failed} 个。`,
  issuedAs: (id: string) => `已发放：${id}`,
  unreported: '伙伴中心的答复中没有此客户：再次发放前请先查看已发放的券。',
  retryFailed: (count: number) => `重试失败的客户（${count}）`,
  newIssue: '继续发放',
  unknownTitle: '券是否已发放？',
  unknownText: '伙伴中心没有答复，券可能已经发放。结果明确前，本次发放不能修改。请查询结果，或重新提交同一次发放，不会重复发券。',
  stillUnknown: '已查询，但仍无法确定券是否已发放。请稍后再次查询，或重新提交同一次发放，不会重复发券。',
  checkOutcome: '查询结果',
  checkAgain: '再次查询',
  checkingOutcome: '正在查询发放结果…',
  sendAgain: '重新提交同一次发放',
  recovered: '已查询：发放已成功，且只发放了一次。',
};
