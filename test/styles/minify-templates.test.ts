import { expect } from '@open-wc/testing';
import { CSSResult } from 'lit';
import * as kit from '../../src/index.js';
import * as sheets from '../../src/styles/index.js';
import { minifyCss, minifyMarkup } from '../../scripts/minify-templates.mjs';

/**
 * What the browser makes of a sheet: the same rules in the same order is the same rendering. A
 * declaration holding a `var()` is kept as written, whitespace and all, until the var is replaced
 * and the value parsed, where a space beside a comma means nothing: it is left out of the comparison.
 */
function cssom(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/\s*,\s*/g, ','));
}

/** The kit's own sheets as shipped: the shared ones and every element's, tokens already in place. */
function kitSheets(): Map<string, string> {
  const found = new Map<string, string>();
  for (const [name, value] of Object.entries(sheets)) if (value instanceof CSSResult) found.set(name, value.cssText);
  for (const [name, value] of Object.entries(kit)) {
    if (typeof value !== 'function' || !('finalize' in value) || !('elementStyles' in value)) continue;
    (value as unknown as { finalize(): void }).finalize();
    (value as unknown as { elementStyles: unknown[] }).elementStyles.forEach((style, i) => {
      if (style instanceof CSSResult) found.set(`${name}[${i}]`, style.cssText);
    });
  }
  return found;
}

/** A fragment's DOM with every whitespace run as one space: what the browser lays out. */
function laidOut(markup: string): string {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const walk = (node: Node): string =>
    node.nodeType === Node.TEXT_NODE
      ? (node.textContent ?? '').replace(/\s+/g, ' ')
      : node instanceof Element
        ? `<${node.localName}${[...node.attributes].map((a) => ` ${a.name}=${JSON.stringify(a.value)}`).join('')}>${[...(node.localName === 'template' ? (node as HTMLTemplateElement).content.childNodes : node.childNodes)].map(walk).join('')}</${node.localName}>`
        : '';
  return [...template.content.childNodes].map(walk).join('');
}

describe('the build step that minifies template text', () => {
  it('leaves every rule of every kit sheet as the browser read it before', () => {
    const all = kitSheets();
    expect(all.size).to.be.greaterThan(10);
    for (const [name, text] of all) {
      const minified = minifyCss([text]);
      expect(minified, name).to.not.equal(undefined);
      expect(minified![0]!.length, name).to.be.lessThan(text.length);
      expect(cssom(minified![0]!), name).to.deep.equal(cssom(text));
    }
  });

  it('keeps what separates a value from a `${}` beside it, strings and escapes, and drops comments', () => {
    expect(minifyCss(['\n  .a {\n    border: 1px solid ', ';\n    margin: ', ' ', ';\n  }\n'])).to.deep.equal(['.a{border:1px solid ', ';margin:', ' ', '}']);
    expect(minifyCss([".b::before { content: ' : { ; } ' ; } /* a { } */ .c > .d , .e { color: red !important; }"])).to.deep.equal([".b::before{content:' : { ; } '}.c>.d,.e{color:red!important}"]);
    expect(minifyCss(['.f:hover :is(.g) { x: \\31 ; }'])).to.deep.equal(['.f:hover :is(.g){x:\\31}']);
  });

  it('leaves a css template it cannot follow as it is', () => {
    expect(minifyCss(['.a { /* open ', ' }'])).to.equal(undefined);
    expect(minifyCss([".a { content: 'open ", "' }"])).to.equal(undefined);
  });

  it('turns the newlines and indentation of markup into the one space the browser would lay out', () => {
    const source = ['\n  <p class="a\n    b" title="two\n  lines">\n    Hello,\n    ', '\n  </p\n  ><pre>\n  kept\n    as is</pre>\n  <textarea>\n x</textarea\n  >\n  <input\n    type="text"\n  />\n'];
    const minified = minifyMarkup(source)!;
    expect(minified).to.deep.equal([' <p class="a\n    b" title="two\n  lines"> Hello, ', ' </p><pre>\n  kept\n    as is</pre> <textarea>\n x</textarea> <input type="text"/> ']);
    expect(laidOut(minified.join('name'))).to.equal(laidOut(source.join('name')));
  });

  it('keeps the whitespace inside a quoted value that spans a `${}`, and comments', () => {
    expect(minifyMarkup(['<a title="x\n  ', '\n  y">\n  <!--\n  c\n  -->\n</a>'])).to.deep.equal(['<a title="x\n  ', '\n  y"> <!--\n  c\n  --> </a>']);
  });

  it('leaves a markup template it cannot follow as it is', () => {
    expect(minifyMarkup(['<a title="open'])).to.equal(undefined);
  });
});
