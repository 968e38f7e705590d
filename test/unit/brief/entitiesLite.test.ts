import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHTML as full } from 'entities';
import { decodeHTML, decodeHTMLStrict } from '../../../src/core/brief/entitiesLite';

test('decodes numeric references like the full decoder', () => {
  for (const s of ['&#65;', '&#x41;', '&#X1F600;', '&#233;', 'a &#38; b']) assert.equal(decodeHTML(s), full(s), s);
});

test('decodes the common named entities like the full decoder', () => {
  for (const s of ['&amp;', '&lt;b&gt;', '&quot;x&quot;', '&nbsp;', '&mdash;', '&hellip;', '&rarr;', '&Delta;', '&micro;']) {
    assert.equal(decodeHTML(s), full(s), s);
  }
});

test('leaves unknown names, out-of-range and surrogate numbers safe', () => {
  assert.equal(decodeHTML('&notanentity;'), '&notanentity;');
  assert.equal(decodeHTML('&#x110000;'), '\ufffd');
  assert.equal(decodeHTML('&#xD800;'), '\ufffd');
  assert.equal(decodeHTMLStrict('&amp;'), '&');
});

test('markdown-it renders through the bundle with the lite decoder (esbuild alias)', async () => {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    stdin: { contents: "const md = require('markdown-it')(); module.exports = md.render('a &amp; b &rarr; c &#233;');", resolveDir: process.cwd() },
    bundle: true, write: false, platform: 'node', format: 'cjs', alias: { entities: './src/core/brief/entitiesLite.ts' }, logLevel: 'silent',
  });
  const mod = { exports: '' as unknown };
  new Function('module', 'require', out.outputFiles[0].text)(mod, require);
  assert.equal(mod.exports, '<p>a &amp; b → c é</p>\n');
  assert.ok(!out.outputFiles[0].text.includes('CounterClockwiseContourIntegral'), 'the full entity table was bundled');
});
