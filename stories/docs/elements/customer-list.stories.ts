import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../../../src/customer-list.js';
import { showcase } from './reference.js';

const meta: Meta = {
  title: 'Elements/customer-list',
  component: 'customer-list',
  tags: ['autodocs'],
  render: showcase('customer-list'),
};
export default meta;

export const Default: StoryObj = {};
