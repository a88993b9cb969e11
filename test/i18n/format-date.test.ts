import { expect } from '@open-wc/testing';
import { formatDate, formatDateRange, formatDateTime } from '../../src/i18n/format-date.js';

describe('dates', () => {
  const instant = '2026-11-24T06:05:00Z';

  it('write one date style per locale, the same day whatever the time zone for a calendar date', () => {
    expect(formatDate('2026-11-24', 'zh-CN')).to.equal('2026/11/24');
    expect(formatDate('2026-11-24', 'en-US')).to.equal('11/24/2026');
    expect(formatDate('2027-01-03', 'en-US')).to.equal('01/03/2027');
  });

  it('write date-times with the very same date style, then the time', () => {
    for (const locale of ['zh-CN', 'en-US']) {
      expect(formatDateTime(instant, locale).startsWith(formatDate(instant, locale))).to.equal(true);
    }
    expect(formatDateTime(instant, 'zh-CN')).to.match(/^\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}$/);
    expect(formatDateTime(instant, 'en-US')).to.match(/^\d{2}\/\d{2}\/\d{4}, \d{1,2}:\d{2} [AP]M$/);
  });

  it('writes a span of days with both ends in the date style', () => {
    expect(formatDateRange('2026-11-24', '2027-01-03', 'en-US')).to.equal('11/24/2026 – 01/03/2027');
    expect(formatDateRange('2026-11-24', '2027-01-03', 'zh-CN')).to.equal('2026/11/24 – 2027/01/03');
  });

  it('gives back text that is no date instead of throwing inside a render', () => {
    expect(formatDate('soon', 'en-US')).to.equal('soon');
    expect(formatDateTime('', 'zh-CN')).to.equal('');
  });
});
