import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../../../src/issued-voucher-list.js';
import { showcase } from './reference.js';

const meta: Meta = {
  title: 'Elements/issued-voucher-list',
  component: 'issued-voucher-list',
  tags: ['autodocs'],
  render: showcase('issued-voucher-list'),
};
export default meta;

export const Default: StoryObj = {};
