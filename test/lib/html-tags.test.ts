import { describe, expect, it } from 'vitest';
import { findHtmlTags } from '../../src/lib/html-tags.ts';

describe('findHtmlTags', () => {
  it('should give each attribute the span of its value and of the whole attribute, quoted or not', () => {
    const html = `<a class=x href='#y' title="a > b" hidden>`;
    const [tag] = findHtmlTags(html);
    expect(tag!.attributes.map((a) => [a.name, a.value, html.slice(a.valueStart, a.valueEnd), html.slice(a.offset, a.end)])).toEqual([
      ['class', 'x', 'x', 'class=x'],
      ['href', '#y', '#y', "href='#y'"],
      ['title', 'a > b', 'a > b', 'title="a > b"'],
      ['hidden', '', '', 'hidden'],
    ]);
  });

  it('should end an unclosed quoted value at the end of the text', () => {
    const html = '<a href="#open';
    const attribute = findHtmlTags(html)[0]!.attributes[0]!;
    expect([attribute.value, attribute.end]).toEqual(['#open', html.length]);
  });
});
