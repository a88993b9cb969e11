/**
 * `partner-kit/bundle.js`: the kit for a page with no build step, in one ES module that carries Lit
 * and zod itself. Importing it starts the autoloader, so a `<script type="module">` of this file
 * is all a page needs; each element's code arrives when its tag first appears. Without an `api`
 * the elements run on the embedded in-memory backend (loaded on first use, marked "demo data").
 * @module
 */
import { startAutoloader } from './autoloader.js';

export { autoloadedTags, loadElement, startAutoloader } from './autoloader.js';
export { createHttpAdapter, preloadHttpDomains, type HttpAdapterOptions } from './api/http/index.js';
export { KitError, type KitErrorCode } from './model/errors.js';

startAutoloader();
