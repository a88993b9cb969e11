import { createMemoryAdapter } from '../../../src/api/memory/index.js';

/**
 * The one story on the Docs page of an element that has no stories file of its own (its stories
 * live with others, as the vouchers' do): the element on the in-memory backend, above the
 * manifest's tables.
 */
export function showcase(tag: string, children: () => Node[] = () => []): () => HTMLElement {
  const api = createMemoryAdapter({ latencyMs: 0 });
  return () => {
    const element = Object.assign(document.createElement(tag), { api });
    element.append(...children());
    return element;
  };
}
