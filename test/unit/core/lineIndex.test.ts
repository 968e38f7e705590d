import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { closest, didYouMean, editDistance } from '../../../src/core/text/suggest';

test('LF text: positions of line starts, line ends and the end of the text', () => {
  const li = new LineIndex('ab\ncd\n');
  assert.equal(li.lineCount, 3);
  assert.deepEqual(li.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(li.positionAt(2), { line: 0, character: 2 }); // the \n itself belongs to line 0
  assert.deepEqual(li.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(li.positionAt(5), { line: 1, character: 2 });
  assert.deepEqual(li.positionAt(6), { line: 2, character: 0 }); // after the final break: an empty last line
  assert.equal(li.lineEnd(0), 2);
  assert.equal(li.lineEnd(1), 5);
  assert.equal(li.lineEnd(2), 6);
  assert.equal(li.lineStart(1), 3);
});

test('CRLF text: same columns as LF, lineEnd stops before \\r', () => {
  const li = new LineIndex('ab\r\ncd\r\nef');
  assert.equal(li.lineCount, 3);
  assert.deepEqual(li.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(li.positionAt(9), { line: 2, character: 1 });
  assert.equal(li.lineEnd(0), 2);
  assert.equal(li.lineEnd(1), 6);
  assert.equal(li.lineEnd(2), 10);
  // a column past the content clamps to the content end, never onto the \r
  assert.equal(li.offsetAt({ line: 0, character: 99 }), 2);
  assert.equal(li.offsetAt({ line: 1, character: 1 }), 5);
});

test('an empty CRLF line: lineEnd equals lineStart', () => {
  const li = new LineIndex('a\r\n\r\nb');
  assert.equal(li.lineStart(1), 3);
  assert.equal(li.lineEnd(1), 3);
});

test('no trailing newline: the last line ends at the text length', () => {
  const li = new LineIndex('x: 1\ny: 22');
  assert.equal(li.lineCount, 2);
  assert.equal(li.lineEnd(1), 10);
  assert.deepEqual(li.positionAt(10), { line: 1, character: 5 });
  assert.equal(li.offsetAt({ line: 1, character: 5 }), 10);
});

test('empty text: one empty line, everything clamps to 0', () => {
  const li = new LineIndex('');
  assert.equal(li.lineCount, 1);
  assert.deepEqual(li.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(li.positionAt(7), { line: 0, character: 0 });
  assert.equal(li.offsetAt({ line: 0, character: 3 }), 0);
  assert.equal(li.offsetAt({ line: 5, character: 0 }), 0);
  assert.deepEqual(li.range(0, 0), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, startOffset: 0, endOffset: 0 });
});

test('out-of-range offsets and positions clamp into the text', () => {
  const li = new LineIndex('ab\ncd');
  assert.deepEqual(li.positionAt(-4), { line: 0, character: 0 });
  assert.deepEqual(li.positionAt(100), { line: 1, character: 2 });
  assert.equal(li.offsetAt({ line: 9, character: 0 }), 5);
  assert.equal(li.offsetAt({ line: 1, character: -3 }), 3);
  const r = li.range(4, 1); // end before start: an empty range at the start
  assert.deepEqual([r.startOffset, r.endOffset], [4, 4]);
});

test('offsetAt with a negative line clamps into the text', () => {
  const li = new LineIndex('ab\ncd');
  const o = li.offsetAt({ line: -1, character: 1 });
  assert.ok(o >= 0 && o <= 2, `offset ${o} is outside line 0`);
});

test('offset -> position -> offset round trips on every offset (LF, CRLF, no final newline)', () => {
  for (const text of ['version: 1\nproject:\n  name: x\n', 'a\r\nbb\r\n\r\nccc', 'one line', '\n\n']) {
    const li = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      if (text[o - 1] === '\r' && text[o] === '\n') continue; // between \r and \n is not a content position
      assert.equal(li.offsetAt(li.positionAt(o)), o, `offset ${o} of ${JSON.stringify(text)}`);
    }
  }
});

test('editDistance counts insertions, deletions and substitutions', () => {
  assert.equal(editDistance('', ''), 0);
  assert.equal(editDistance('abc', ''), 3);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('literature-reveiw', 'literature-review'), 2);
});

test('closest: a likely typo is suggested, a far word is not, an exact match is not', () => {
  assert.equal(closest('basline', ['baseline', 'tuning']), 'baseline');
  assert.equal(closest('literature-reveiw', ['literature-review', 'brainstorming']), 'literature-review');
  assert.equal(closest('completely-different', ['baseline', 'tuning']), undefined);
  assert.equal(closest('baseline', ['baseline']), undefined);
  assert.equal(closest('anything', []), undefined);
  assert.equal(didYouMean('tunning', ['tuning', 'serving']), ' Did you mean "tuning"?');
  assert.equal(didYouMean('zzzzzzzz', ['tuning']), '');
});

test('closest is case-insensitive: a word differing only in case is suggested', () => {
  assert.equal(closest('CNN', ['cnn', 'knn-big']), 'cnn');
});
