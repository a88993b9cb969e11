import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../../../src/unbind-requests.js';
import { showcase } from './reference.js';

const meta: Meta = {
  title: 'Elements/unbind-requests',
  component: 'unbind-requests',
  tags: ['autodocs'],
  render: showcase('unbind-requests'),
};
export default meta;

export const Default: StoryObj = {};
