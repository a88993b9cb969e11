/** Types of minify-templates.mjs, for vite.config.ts and the tests. */
export interface TemplateEdit {
  start: number;
  end: number;
  text: string;
}
export function minifyCss(quasis: readonly string[]): string[] | undefined;
export function minifyMarkup(quasis: readonly string[]): string[] | undefined;
export function templateEdits(code: string, program: unknown): TemplateEdit[];
export function applyEdits(code: string, edits: readonly TemplateEdit[]): { code: string; map: { version: 3; sources: string[]; names: string[]; mappings: string } };
export function minifyTemplates(): { name: string; renderChunk(this: { parse(code: string): unknown }, code: string): ReturnType<typeof applyEdits> | null };
