import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSafeLink, renderSafeMarkdown, stripHtmlComments } from '../../../src/core/brief/renderMarkdown';
import { renderBrief } from '../../../src/core/brief/generate';
import { FULL_YAML, TEMPLATE, planFrom } from './fixtures';

test('links: http(s), fragments and relative paths inside the workspace only', () => {
  const ok = ['https://example.org/a', 'http://x.y', '#data', 'notes.md', 'decisions/2026-12-01-model.md', '../data/test.csv', '../README.md#top', 'a%20b.md'];
  const bad = [
    'javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html;base64,xx', 'file:///etc/passwd', 'command:workbench.action.quit',
    'vscode://x', 'mailto:a@b.c', '//evil.example/x', '/etc/passwd', '../../outside.md', '..%2f..%2foutside.md', '%2e%2e/%2e%2e/x',
    'C:\\Windows', 'a\\..\\..\\b', 'https:evil', '%E0%A4%A', 'java\u0000script:x', '~/x',
  ];
  for (const u of ok) assert.equal(isSafeLink(u, 'docs/brief.md'), true, u);
  for (const u of bad) assert.equal(isSafeLink(u, 'docs/brief.md'), false, u);
  assert.equal(isSafeLink('../x.md', 'brief.md'), false);
});

test('rendering has HTML off, no linkify, and drops unsafe links and images', () => {
  const html = renderSafeMarkdown(
    '<script>alert(1)</script>\n\n[a](javascript:alert(1)) [b](https://ok.example) [c](../../up.md) www.example.com\n\n![i](data:image/png;base64,AAA) ![j](img/x.png)\n',
    { documentPath: 'docs/brief.md' },
  );
  assert.ok(!html.includes('<script>'), html);
  assert.ok(html.includes('&lt;script&gt;'));
  assert.ok(!/href="javascript/i.test(html));
  assert.ok(html.includes('<a href="https://ok.example">b</a>'));
  assert.ok(html.includes('[c](../../up.md)'));
  assert.ok(!html.includes('<a href="http://www.example.com"'));
  assert.ok(!html.includes('src="data:'));
  assert.ok(html.includes('<img src="img/x.png" alt="j">'));
});

test('markers and HTML comments do not show; comments in code blocks do', () => {
  const text = '\uFEFF<!-- mlproject:begin goal -->\nText\n<!-- mlproject:end goal -->\n<!-- multi\nline -->after\n\n```\n<!-- kept -->\n```\n';
  assert.equal(stripHtmlComments(text.slice(1)), '\nText\n\n\nafter\n\n```\n<!-- kept -->\n```\n');
  const html = renderSafeMarkdown(text);
  assert.ok(!html.includes('mlproject:'), html);
  assert.ok(html.includes('&lt;!-- kept --&gt;'));
});

test('a generated brief renders its tables and no markers', () => {
  const html = renderSafeMarkdown(renderBrief(planFrom(FULL_YAML), TEMPLATE, { today: '2026-12-01' }), { documentPath: 'docs/brief.md' });
  assert.ok(!html.includes('mlproject:'));
  assert.equal((html.match(/<table>/g) ?? []).length, 2);
  assert.ok(html.includes('<td>focus group | found tags useful above 0.8</td>'));
});
