import { describe, expect, it } from '@jest/globals';
import { escapeHtml, markup, SafeHtml } from './escape.js';

describe('escaping user text for the board pack page', () => {
  it('escapes the five characters that can open markup or end an attribute', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });

  it('leaves other text, including non-ASCII, as it is', () => {
    expect(escapeHtml('Children’s services — 1.10 £5 café')).toBe('Children’s services — 1.10 £5 café');
  });

  it('escapes every value put into a markup template, in content and in attributes', () => {
    const note = '<img src=x onerror=alert(1)>';
    expect(markup`<td title="${'" onclick="x'}">${note}</td>`.value).toBe(
      '<td title="&quot; onclick=&quot;x">&lt;img src=x onerror=alert(1)&gt;</td>',
    );
  });

  it('keeps markup that a markup template made, and escapes the text inside it once', () => {
    const inner = markup`<b>${'1 < 2'}</b>`;
    expect(markup`<p>${inner}</p>`.value).toBe('<p><b>1 &lt; 2</b></p>');
  });

  it('joins lists, escaping each item, and leaves nothing for null or undefined', () => {
    const list = markup`<ul>${['<a>', markup`<li>ok</li>`]}</ul>${null}${undefined}`;
    expect(list.value).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
    expect(markup`${3} actions`.value).toBe('3 actions');
  });

  it('treats only SafeHtml as markup: a string that looks like markup is still text', () => {
    expect(markup`${'<b>bold</b>'}`.value).toBe('&lt;b&gt;bold&lt;/b&gt;');
    expect(markup`${new SafeHtml('<b>bold</b>')}`.value).toBe('<b>bold</b>');
  });
});
