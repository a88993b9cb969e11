import { expect } from '@open-wc/testing';
import { MAX_MINOR, checkAmountBounds, formatMoney, multiplyMinor, parseAmount } from '../../src/core/money.js';
import { apiAmountToMinor, decimalToMinor, minorToDecimal } from '../../src/model/decimal.js';

describe('parseAmount', () => {
  const accepted: [string, number, string][] = [
    ['1,234.5', 123450, '1234.50'],
    [' 88 ', 8800, '88.00'],
    ['１２３．４５', 12345, '123.45'],
    ['¥100', 10000, '100.00'],
    ['￥1,000,000', 100000000, '1000000.00'],
    ['CN¥ 12.3', 1230, '12.30'],
    ['100元', 10000, '100.00'],
    ['0.01', 1, '0.01'],
    ['7.', 700, '7.00'],
    ['0', 0, '0.00'],
  ];
  for (const [input, minor, normalized] of accepted) {
    it(`reads ${JSON.stringify(input)} as ${normalized}`, () => {
      expect(parseAmount(input)).to.deep.equal({ ok: true, minor, normalized });
    });
  }

  const refused: [string, string][] = [
    ['1e3', 'format'],
    ['-5', 'negative'],
    ['−5', 'negative'],
    ['0x10', 'format'],
    ['NaN', 'format'],
    ['Infinity', 'format'],
    ['1.234', 'too-many-decimals'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['1'.repeat(41), 'too-long'],
    ['9'.repeat(30), 'too-large'],
    ['1,23.4', 'format'],
    ['12,34', 'format'],
    ['.5', 'format'],
    ['<script>alert(1)</script>', 'format'],
    ['1 000', 'format'],
    ['$100', 'format'],
  ];
  for (const [input, reason] of refused) {
    it(`refuses ${JSON.stringify(input.length > 20 ? `${input.slice(0, 20)}…` : input)} as ${reason}`, () => {
      expect(parseAmount(input)).to.deep.equal({ ok: false, reason });
    });
  }

  it('refuses megabytes of digits without reading them all', () => {
    expect(parseAmount('1'.repeat(5_000_000))).to.deep.equal({ ok: false, reason: 'too-long' });
  });

  it('takes the currency as a parameter', () => {
    expect(parseAmount('$100', 'USD')).to.deep.equal({ ok: true, minor: 10000, normalized: '100.00' });
    expect(parseAmount('1.5', 'JPY')).to.deep.equal({ ok: false, reason: 'too-many-decimals' });
  });
});

describe('formatMoney', () => {
  it('formats minor units for the locale and currency', () => {
    expect(formatMoney(120000, 'zh-CN', 'CNY')).to.equal('¥1,200.00');
    expect(formatMoney(120000, 'en-US', 'CNY')).to.equal('CN¥1,200.00');
    expect(formatMoney(5, 'en-US', 'USD')).to.equal('$0.05');
  });

  it('keeps every digit of large amounts (no float rounding)', () => {
    expect(formatMoney(900719925474099, 'en-US', 'USD')).to.equal('$9,007,199,254,740.99');
  });
});

describe('decimal conversion', () => {
  it('moves digits, not floats', () => {
    expect(decimalToMinor('0.29')).to.equal(29);
    expect(decimalToMinor('1.005')).to.equal(undefined);
    expect(minorToDecimal(29)).to.equal('0.29');
    expect(minorToDecimal(5, 2)).to.equal('0.05');
    expect(apiAmountToMinor(100.5)).to.equal(10050);
    expect(apiAmountToMinor(0.1 + 0.2)).to.equal(undefined);
    expect(apiAmountToMinor('88.80')).to.equal(8880);
    expect(apiAmountToMinor(-1)).to.equal(undefined);
    expect(apiAmountToMinor(1e21)).to.equal(undefined);
  });
});

describe('checkAmountBounds', () => {
  it('requires a positive amount inside optional bounds', () => {
    expect(checkAmountBounds(0)).to.equal('not-positive');
    expect(checkAmountBounds(50, { min: 100 })).to.equal('below-min');
    expect(checkAmountBounds(200, { max: 100 })).to.equal('above-max');
    expect(checkAmountBounds(100, { min: 100, max: 100 })).to.equal(undefined);
  });
});

describe('multiplyMinor', () => {
  it('multiplies within the kit’s range and refuses a total past it instead of losing digits', () => {
    expect(multiplyMinor(10_000, 3)).to.equal(30_000);
    expect(multiplyMinor(MAX_MINOR, 1)).to.equal(MAX_MINOR);
    const face = parseAmount('9999999999999.99');
    expect(face.ok && face.minor).to.equal(999_999_999_999_999);
    expect(multiplyMinor(999_999_999_999_999, 10)).to.equal(undefined);
    expect(multiplyMinor(MAX_MINOR, 2)).to.equal(undefined);
  });
});
