import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../../../src/customer-create-form.js';
import { showcase } from './reference.js';

const meta: Meta = {
  title: 'Elements/customer-create-form',
  component: 'customer-create-form',
  tags: ['autodocs'],
  render: showcase('customer-create-form'),
};
export default meta;

export const Default: StoryObj = {};
