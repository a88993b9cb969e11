/// <reference types="vite/client" />
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { attributeScope, installTheme, kitFontStack, themePresets } from '../src/themes/index.js';
import './preview.css';

// Written by `npm run manifest` (which `storybook` and `build-storybook` run first); a glob, so a
// typecheck before any build still finds this module whole.
const [manifest] = Object.values(import.meta.glob('../custom-elements.json', { eager: true, import: 'default' }));
if (manifest) setCustomElementsManifest(manifest);

document.documentElement.style.setProperty('--pk-story-font', kitFontStack);
for (const preset of themePresets) installTheme(preset, attributeScope);

/**
 * Applies the toolbar's choices the way a host would: `<html lang>`, and the preset and mode on the
 * story root (`data-pk-theme="ant-design dark"`, plus `class="pk-dark"`).
 */
const withKitGlobals: Decorator = (story, { globals, parameters }) => {
  const locale = String(globals['locale'] ?? 'zh-CN');
  const mode = String(globals['theme'] ?? 'light');
  // A story that lays out several presets itself sets `parameters.kitPreset = false`.
  const preset = parameters['kitPreset'] === false ? 'kit' : String(globals['preset'] ?? 'kit');
  document.documentElement.lang = locale;
  const attribute = [preset === 'kit' ? '' : preset, mode].filter(Boolean).join(' ');
  return html`<div class="pk-story-root ${mode === 'dark' ? 'pk-dark' : ''}" data-pk-theme=${attribute} lang=${locale}>${story()}</div>`;
};

const preview: Preview = {
  // Every element's Docs page: properties, attributes, events, slots, parts and tokens from the manifest.
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
  },
  globalTypes: {
    theme: {
      description: 'Light or dark tokens',
      toolbar: { title: 'Theme', icon: 'mirror', dynamicTitle: true, items: [{ value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }] },
    },
    locale: {
      description: 'Page language (<html lang>)',
      toolbar: { title: 'Locale', icon: 'globe', dynamicTitle: true, items: [{ value: 'zh-CN', title: '中文' }, { value: 'en-US', title: 'English' }] },
    },
    preset: {
      description: 'Design-system preset',
      toolbar: {
        title: 'Preset',
        icon: 'paintbrush',
        dynamicTitle: true,
        items: themePresets.map(({ name }) => ({ value: name, title: name === 'kit' ? 'Plain kit' : name })),
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'zh-CN', preset: 'kit' },
  decorators: [withKitGlobals],
};

export default preview;
