import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../../../src/voucher-records.js';
import { showcase } from './reference.js';

const meta: Meta = {
  title: 'Elements/voucher-records',
  component: 'voucher-records',
  tags: ['autodocs'],
  render: showcase('voucher-records'),
};
export default meta;

export const Default: StoryObj = {};
