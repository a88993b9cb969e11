/**
 * Imported once, it ships every zh-CN message of the kit up front, for a page that is in Chinese
 * from its first paint and would rather not fetch the catalogues on first use.
 */
export {};
