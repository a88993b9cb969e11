import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../../../src/order-payment.js';
import { showcase } from './reference.js';

const meta: Meta = {
  title: 'Elements/order-payment',
  component: 'order-payment',
  tags: ['autodocs'],
  render: showcase('order-payment'),
};
export default meta;

export const Default: StoryObj = {};
