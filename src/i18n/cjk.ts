const HAN_THEN_LATIN = /(\p{Script=Han})([A-Za-z0-9])/gu;
const LATIN_THEN_HAN = /([A-Za-z0-9])(\p{Script=Han})/gu;

/**
 * One half-width space between Chinese characters and Latin letters or digits ("15 分钟后"), the
 * kit's zh-CN rule. For text the kit does not write itself, such as `Intl`'s "15分钟后"; text
 * without Chinese characters comes back unchanged.
 */
export function spaceCjk(text: string): string {
  return text.replace(HAN_THEN_LATIN, '$1 $2').replace(LATIN_THEN_HAN, '$1 $2');
}
