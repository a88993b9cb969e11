import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../../../src/voucher-issue-form.js';
import { showcase } from './reference.js';

const meta: Meta = {
  title: 'Elements/voucher-issue-form',
  component: 'voucher-issue-form',
  tags: ['autodocs'],
  render: showcase('voucher-issue-form'),
};
export default meta;

export const Default: StoryObj = {};
