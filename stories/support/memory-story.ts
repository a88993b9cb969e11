import type { StoryObj } from '@storybook/web-components-vite';
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryPartnerApi } from '../../src/api/memory/index.js';

/** Drives a rendered story to its state, as a user would, on the story's own backend. */
export type Play = (canvas: HTMLElement, api: MemoryPartnerApi) => Promise<void>;

export interface MemoryStoryOptions {
  /** Shapes the fresh backend before the element first asks it (e.g. plans faults). */
  prepare?: (api: MemoryPartnerApi) => void;
  /** Sets what else the element takes (a `verifier`, a `view`), from the story's args. */
  setup?: (element: HTMLElement, api: MemoryPartnerApi, args: Record<string, unknown>) => void;
  /** Default args of this story. */
  args?: Record<string, unknown>;
}

/**
 * A story of `tag` on a fresh in-memory backend each time it renders (a replay starts from the
 * seed), in the locale the toolbar's `locale` arg names; `play` gets the element's canvas and
 * the backend it runs on.
 */
export function memoryStory(tag: string, backend: MemoryAdapterOptions = {}, play?: Play, options: MemoryStoryOptions = {}): StoryObj {
  let api = createMemoryAdapter({ latencyMs: 150, ...backend });
  return {
    ...(options.args ? { args: options.args } : {}),
    render: (args) => {
      api = createMemoryAdapter({ latencyMs: 150, ...backend });
      options.prepare?.(api);
      const element = Object.assign(document.createElement(tag), { api });
      element.setAttribute('locale', String(args['locale'] ?? 'en-US'));
      options.setup?.(element, api, args);
      return element;
    },
    ...(play ? { play: ({ canvasElement }) => play(canvasElement, api) } : {}),
  };
}

/** Resolves once `check` holds (polled), or after 5 s: a story stops where it got to. */
export async function until(check: () => unknown): Promise<void> {
  for (let waited = 0; waited < 5000 && !check(); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}
