import type { LocaleMessages } from './catalogues.js';
import type { Locale } from './locale.js';
import { createOverrides } from './overrides.js';
import { useOverrides } from './store.js';

/**
 * Maps any BCP 47 tag onto a locale the kit speaks: the same tag if it is built in or registered
 * (letter case aside), else one of the same language (any Chinese → `zh-CN`, `ja` → a registered
 * `ja-JP`), else `en-US`. With a provider's `messages`, their locales count too and the result is
 * scoped to them, so every catalogue looks there first.
 */
export function resolveLocale(tag: string | null | undefined, messages: LocaleMessages = {}): Locale {
  return useOverrides(createOverrides).resolve(tag ?? undefined, messages);
}
