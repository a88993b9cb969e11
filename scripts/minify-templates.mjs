// Build step: the text of Lit's `css`, `html` and `svg` tagged templates in the built chunks loses
// the indentation and newlines that are only there for the reader (~1.7 KB gzip on the seven
// elements' page). Only changes that cannot alter what renders are made:
// - css: comments go, whitespace runs become one space, and that space goes where it touches
//   `{ } ; , >`, follows a `:` or precedes `!important` (a space after a colon is never a
//   combinator, and `>` needs none around it in selectors or media ranges); quoted strings and
//   custom property values stay as written.
// - html / svg: a whitespace run holding a newline becomes one space (how the browser lays it out
//   anyway) or, just before a tag's `>`, nothing; never inside a quoted attribute value, a
//   comment or <pre>, <textarea>, <script>, <style>. (An element styled `white-space: pre*` must
//   keep its template text on one line: its content comes through `${}` in this kit.)
// Templates whose text the scanner cannot follow (an unclosed comment or string) are left as
// they are. Pure and DOM-free, so test/styles/minify-templates.test.ts runs it in the browser.

/** Returns the minified quasis of a `css` template, or `undefined` to leave it as it is. */
export function minifyCss(quasis) {
  const out = [];
  for (const quasi of quasis) {
    const strings = [];
    // Strings are set aside (as \0n\0) so nothing below can touch them; comments go.
    let text = '';
    for (let i = 0; i < quasi.length; i += 1) {
      const c = quasi[i];
      if (c === '/' && quasi[i + 1] === '*') {
        const end = quasi.indexOf('*/', i + 2);
        if (end < 0) return undefined;
        i = end + 1;
        text += ' ';
      } else if (c === '"' || c === "'") {
        let j = i + 1;
        while (j < quasi.length && quasi[j] !== c && quasi[j] !== '\n') j += quasi[j] === '\\' ? 2 : 1;
        if (quasi[j] !== c) return undefined;
        text += `\0${strings.push(quasi.slice(i, j + 1)) - 1}\0`;
        i = j;
      } else if (c === '\\') {
        text += quasi.slice(i, i + 2);
        i += 1;
      } else text += c;
    }
    const keep = (kept) => `\0${strings.push(kept) - 1}\0`;
    text = text
      // A custom property's value is kept as written: `getPropertyValue()` reads it back verbatim.
      .replace(/(--[\w-]+\s*:\s*)([^;{}]*)/g, (_, name, value) => name + keep(value))
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/ !important/g, '!important')
      .replace(/;}/g, '}');
    while (text.includes('\0')) text = text.replace(/\0(\d+)\0/g, (_, n) => strings[Number(n)]);
    out.push(text);
  }
  out[0] = out[0].trimStart();
  out[out.length - 1] = out[out.length - 1].trimEnd();
  return out;
}

const RAW_TEXT = /^<(pre|textarea|script|style)\b/i;

/** Returns the minified quasis of an `html` or `svg` template, or `undefined` to leave it as it is. */
export function minifyMarkup(quasis) {
  // Where the scanner is, carried across `${}`: text, in a tag, in a quoted value ('"' or "'"),
  // in a comment, or in the raw text of the element named by `rawUntil`.
  let state = 'text';
  let rawUntil = '';
  let opened = '';
  const out = [];
  for (const quasi of quasis) {
    let text = '';
    for (let i = 0; i < quasi.length; ) {
      const rest = quasi.slice(i);
      if (state === 'comment' || state === 'raw') {
        const close = state === 'comment' ? '-->' : `</${rawUntil}`;
        const end = rest.toLowerCase().indexOf(close);
        const upTo = end < 0 ? rest.length : end + close.length;
        text += rest.slice(0, upTo);
        i += upTo;
        if (end >= 0) state = state === 'comment' ? 'text' : 'tag';
        continue;
      }
      if (state === '"' || state === "'") {
        const end = rest.indexOf(state);
        const upTo = end < 0 ? rest.length : end + 1;
        text += rest.slice(0, upTo);
        i += upTo;
        if (end >= 0) state = 'tag';
        continue;
      }
      const space = /^\s+/.exec(rest)?.[0];
      if (space) {
        const next = rest[space.length];
        const beforeTagEnd = state === 'tag' && (next === '>' || (next === '/' && rest[space.length + 1] === '>'));
        if (!space.includes('\n')) text += space;
        else if (!beforeTagEnd) text += ' ';
        i += space.length;
        continue;
      }
      const c = quasi[i];
      if (state === 'text' && rest.startsWith('<!--')) {
        state = 'comment';
        text += '<!--';
        i += 4;
        continue;
      }
      if (state === 'text' && /^<[a-zA-Z/]/.test(rest)) {
        state = 'tag';
        opened = RAW_TEXT.exec(rest)?.[1]?.toLowerCase() ?? '';
      } else if (state === 'tag' && (c === '"' || c === "'")) state = c;
      else if (state === 'tag' && c === '>') {
        state = opened ? 'raw' : 'text';
        rawUntil = opened;
        opened = '';
      }
      text += c;
      i += 1;
    }
    out.push(text);
  }
  return state === 'text' ? out : undefined;
}

const MINIFIERS = { css: minifyCss, html: minifyMarkup, svg: minifyMarkup };

/**
 * The edits that minify every template tagged with Lit's `css`, `html` or `svg` in `program` (an
 * ESTree AST of `code`): `{ start, end, text }` per changed quasi, in source order.
 */
export function templateEdits(code, program) {
  const tags = new Map();
  for (const node of program.body) {
    if (node.type !== 'ImportDeclaration' || node.source.value !== 'lit') continue;
    for (const spec of node.specifiers) {
      const name = spec.type === 'ImportSpecifier' ? (spec.imported.name ?? spec.imported.value) : undefined;
      if (name in MINIFIERS) tags.set(spec.local.name, MINIFIERS[name]);
    }
  }
  const edits = [];
  if (tags.size === 0) return edits;
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && tags.has(node.tag.name)) {
      const quasis = node.quasi.quasis;
      const raw = quasis.map((q) => code.slice(q.start, q.end));
      // A parser whose positions are not the raw text's would make the edits land elsewhere.
      const minified = raw.every((text, i) => text === quasis[i].value.raw) ? tags.get(node.tag.name)(raw) : undefined;
      quasis.forEach((q, i) => {
        if (minified && minified[i] !== code.slice(q.start, q.end)) edits.push({ start: q.start, end: q.end, text: minified[i] });
      });
    }
    for (const key in node) if (key !== 'type' && typeof node[key] === 'object') visit(node[key]);
  };
  visit(program);
  return edits.sort((a, b) => a.start - b.start);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value) {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    const digit = rest & 31;
    rest >>>= 5;
    out += BASE64[digit | (rest > 0 ? 32 : 0)];
  } while (rest > 0);
  return out;
}

const WORD = /[\w$#]/;
/** Whether a token (a word or a punctuation mark) starts at `i`. */
const tokenStart = (text, i) => /\S/.test(text[i]) && (i === 0 || !WORD.test(text[i]) || !WORD.test(text[i - 1]));

/**
 * `code` with `edits` applied, and a source map from the result back to `code`: a segment at every
 * token, so a bundler that chains it onto the chunk's own map keeps token-level positions.
 */
export function applyEdits(code, edits) {
  const lines = [[]];
  let text = '';
  let inLine = 0;
  let inCol = 0;
  let outCol = 0;
  const advanceIn = (c) => (c === '\n' ? ((inLine += 1), (inCol = 0)) : (inCol += 1));
  const write = (chunk, mapAt) => {
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk[i];
      if (mapAt === undefined ? tokenStart(chunk, i) : i === 0) lines[lines.length - 1].push([outCol, ...(mapAt ?? [inLine, inCol])]);
      if (c === '\n') {
        lines.push([]);
        outCol = 0;
      } else outCol += 1;
      if (mapAt === undefined) advanceIn(c);
    }
    text += chunk;
  };
  let at = 0;
  for (const { start, end, text: replacement } of edits) {
    write(code.slice(at, start));
    write(replacement, [inLine, inCol]);
    for (let i = start; i < end; i += 1) advanceIn(code[i]);
    at = end;
  }
  write(code.slice(at));
  let previous = [0, 0];
  const mappings = lines
    .map((segments) => {
      let column = 0;
      return segments
        .map(([col, line, srcCol]) => {
          const encoded = vlq(col - column) + vlq(0) + vlq(line - previous[0]) + vlq(srcCol - previous[1]);
          column = col;
          previous = [line, srcCol];
          return encoded;
        })
        .join(',');
    })
    .join(';');
  return { code: text, map: { version: 3, sources: [''], names: [], mappings } };
}

/** The Vite (Rolldown) plugin: minifies the templates of every chunk as it is written. */
export function minifyTemplates() {
  return {
    name: 'partner-kit:minify-templates',
    renderChunk(code) {
      const edits = templateEdits(code, this.parse(code));
      return edits.length === 0 ? null : applyEdits(code, edits);
    },
  };
}
