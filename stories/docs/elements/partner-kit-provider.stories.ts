import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../../../src/masked-field.js';
import '../../../src/partner-kit-provider.js';
import { showcase } from './reference.js';

const meta: Meta = {
  title: 'Elements/partner-kit-provider',
  component: 'partner-kit-provider',
  tags: ['autodocs'],
  render: showcase('partner-kit-provider', () => [
    Object.assign(document.createElement('masked-field'), { kind: 'mobile', masked: '0086-139****1234', revealResource: 'customer', revealId: 'c-0001' }),
  ]),
};
export default meta;

export const Default: StoryObj = {};
