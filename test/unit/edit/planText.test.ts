// decodePlan / encodePlan: the one place where plan bytes become text and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePlan, editPlanBytes, editRefusal, encodePlan, NotUtf8Error, textEditRefusal } from '../../../src/core/edit/planText';

const BOM = [0xef, 0xbb, 0xbf];

test('a BOM is taken off the text and put back on encoding; no BOM is ever added', () => {
  const withBom = decodePlan(Uint8Array.from([...BOM, ...Buffer.from('version: 1\r\n')]));
  assert.deepEqual(withBom, { text: 'version: 1\r\n', bom: true, valid: true });
  assert.deepEqual(Buffer.from(encodePlan(withBom)), Buffer.from([...BOM, ...Buffer.from('version: 1\r\n')]));
  const without = decodePlan(Buffer.from('a: é\n'));
  assert.deepEqual(without, { text: 'a: é\n', bom: false, valid: true });
  assert.deepEqual(Buffer.from(encodePlan(without)), Buffer.from('a: é\n'));
  // a second BOM is text (U+FEFF), kept as it is
  const twice = decodePlan(Uint8Array.from([...BOM, ...BOM, 0x61]));
  assert.equal(twice.text, '\uFEFFa');
  assert.deepEqual(Buffer.from(encodePlan(twice)), Buffer.from([...BOM, ...BOM, 0x61]));
});

test('invalid UTF-8 is found where it is: line and byte of the line; such a plan is refused for editing', () => {
  const cases: [number[], number, number][] = [
    [[0x61, 0x0a, 0x62, 0xff], 2, 2], // a byte that never occurs in UTF-8
    [[0x61, 0xc3], 1, 2], // a truncated sequence at the end
    [[0xe2, 0x82, 0x0a], 1, 1], // a truncated sequence before a line break
    [[0xc0, 0xaf], 1, 1], // an overlong encoding of "/"
    [[0xed, 0xa0, 0x80], 1, 1], // a UTF-16 surrogate
    [[...BOM, 0x80], 1, 4], // a lone continuation byte after a BOM (columns count the BOM)
  ];
  for (const [bytes, line, column] of cases) {
    const plan = decodePlan(Uint8Array.from(bytes));
    assert.equal(plan.valid, false, JSON.stringify(bytes));
    assert.deepEqual(plan.invalidAt, { line, column }, JSON.stringify(bytes));
    assert.match(plan.text, /\uFFFD/);
    assert.match(editRefusal(plan)!, new RegExp(`not valid UTF-8 \\(line ${line}, byte ${column} of the line\\)`));
    assert.throws(() => editPlanBytes(plan, []), NotUtf8Error);
  }
});

test('edits are applied to the text without BOM and the bytes around them are kept', () => {
  const plan = decodePlan(Uint8Array.from([...BOM, ...Buffer.from('name: Zoë 🎵\nx: 1\n')]));
  const out = editPlanBytes(plan, [{ start: plan.text.indexOf('1'), end: plan.text.indexOf('1') + 1, newText: '2' }]);
  assert.deepEqual(Buffer.from(out), Buffer.from([...BOM, ...Buffer.from('name: Zoë 🎵\nx: 2\n')]));
});

test('a decoded document with replacement characters is refused for editing; a clean one is not', () => {
  assert.match(textEditRefusal('name: D\uFFFDmo\n')!, /not valid UTF-8/);
  assert.equal(textEditRefusal('name: Démo\n'), undefined);
});
