import { expect } from '@open-wc/testing';
import { mask } from '../../src/core/masks.js';

describe('masks', () => {
  it('masks each kind the way the console shows it', () => {
    expect(mask('0086-13912341234', 'mobile')).to.equal('0086-139****1234');
    expect(mask('13912341234', 'mobile')).to.equal('139****1234');
    expect(mask('张三丰', 'name')).to.equal('张**');
    expect(mask('Alice', 'name')).to.equal('A**');
    expect(mask('alice@example.com', 'email')).to.equal('a***@example.com');
    expect(mask('6222020200112233', 'text')).to.equal('6**************3');
  });

  it('never keeps more than it should of short or odd values', () => {
    expect(mask('123', 'mobile')).to.equal('***');
    expect(mask('王', 'name')).to.equal('王**');
    expect(mask('😀😀', 'text')).to.equal('**');
    expect(mask('noat', 'email')).to.equal('n**t');
  });

  it('does not tell how long a name is', () => {
    expect(mask('李', 'name')).to.equal('李**');
    expect(mask('李'.repeat(3000), 'name')).to.equal('李**');
    expect(mask('Bartholomew-Alexandra', 'name')).to.equal('B**');
    expect(mask('😀abc', 'name')).to.equal('😀**');
    expect(mask('', 'name')).to.equal('');
  });
});
