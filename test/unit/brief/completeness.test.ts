import { test } from 'node:test';
import assert from 'node:assert/strict';
import { briefStatus, hasRealText, readBriefStatus } from '../../../src/core/brief/completeness';
import { MemoryFs } from '../../../src/core/workspace/memoryFs';
import { TEMPLATE } from './fixtures';

const SMALL_TEMPLATE = '# Brief\n\n## Problem\n\n_TODO:_ Say what the problem is.\n\n## Data\n\n_TODO:_ Describe the data.\n\n## Risks\n';

function summary(text: string, template = SMALL_TEMPLATE) {
  const s = briefStatus(text, 'docs/brief.md', template);
  return s.sections.map((x) => `${x.id}:${x.present ? (x.filled ? 'filled' : 'empty') : 'missing'}`).join(' ');
}

test('a complete brief: every section filled, no diagnostics', () => {
  const text = '# Brief\n\n## Problem\n\nTag songs.\n\n## data\n\n- 40k songs\n\n## RISKS\n\n```\nlabels may be wrong\n```\n';
  const s = briefStatus(text, 'docs/brief.md', SMALL_TEMPLATE);
  assert.equal(summary(text), 'problem:filled data:filled risks:filled');
  assert.equal(s.filledCount, 3);
  assert.equal(s.requiredCount, 3);
  assert.equal(s.exists, true);
  assert.equal(s.hasMarkers, false);
  assert.deepEqual(s.diagnostics, []);
});

test('an empty file: every section missing, at the start of the file', () => {
  const s = briefStatus('', 'docs/brief.md', SMALL_TEMPLATE);
  assert.equal(s.filledCount, 0);
  assert.deepEqual(s.diagnostics.map((d) => [d.code, d.severity, d.file, d.range.startOffset, d.range.endOffset]), [
    ['brief-section-missing', 'warning', 'docs/brief.md', 0, 0],
    ['brief-section-missing', 'warning', 'docs/brief.md', 0, 0],
    ['brief-section-missing', 'warning', 'docs/brief.md', 0, 0],
  ]);
  assert.equal(s.diagnostics[1].message, 'The brief has no "Data" section. Add a "## Data" heading: Describe the data.');
  assert.equal(s.diagnostics[2].message, 'The brief has no "Risks" section. Add a "## Risks" heading: write what the "Risks" section asks for.');
});

test('prompts, markers, comments, rules and bare table headers are not content', () => {
  const text = [
    '## Problem', '', '_TODO:_ Say what the problem is', 'and keep it short.', '',
    '## Data', '<!-- mlproject:begin data -->', '_TODO:_ Describe the data.', '<!-- mlproject:end data -->', '', '---', '',
    '<!-- a note', 'over two lines -->', '',
    '## Risks', '', '| Risk | Owner |', '| --- | --- |', '', '### Sub heading', '',
  ].join('\n');
  assert.equal(summary(text), 'problem:empty data:empty risks:empty');
  const s = briefStatus(text, 'docs/brief.md', SMALL_TEMPLATE);
  assert.equal(s.hasMarkers, true);
  assert.equal(s.diagnostics[0].message, 'The brief\'s "Problem" section is empty: Say what the problem is.');
  assert.ok(s.diagnostics.every((d) => d.code === 'brief-section-empty'));
});

test('human text after a prompt or next to markers is content', () => {
  assert.equal(hasRealText('_TODO:_ prompt\n<!-- mlproject:end goal -->\nWritten by hand.'), true);
  assert.equal(hasRealText('<!-- mlproject:begin goal -->\n_TODO:_ prompt\ncontinued\n<!-- mlproject:end goal -->'), false);
  assert.equal(hasRealText('<!-- unclosed comment'), false);
  assert.equal(hasRealText('text <!-- comment --> more'), true);
  const text = '## Problem\n\n| Risk | Owner |\n| --- | --- |\n| late labels | Lee |\n';
  assert.equal(summary(text), 'problem:filled data:missing risks:missing');
});

test('setext headings count, headings in code blocks do not, ranges are exact', () => {
  const text = [
    'Problem', '=======', '', 'Tag songs.', '',            // lines 0-4: setext h1 (matches at any level)
    '```', '## Data', '```', '',                           // lines 5-8: not a heading
    '    ## Risks', '',                                    // lines 9-10: indented code, not a heading
    '  Data  ', '  ----', '', '_TODO:_ describe', '',      // lines 11-15: setext h2, empty
    '### Risks ###', 'Late labels.',                       // lines 16-17: ATX h3 with closing hashes
    '#### Detail', 'More.',                                // lines 18-19: a sub-heading of Risks
  ].join('\n');
  const s = briefStatus(text, 'docs/brief.md', SMALL_TEMPLATE);
  assert.equal(summary(text), 'problem:filled data:empty risks:filled');
  const [problem, data, risks] = s.sections;
  assert.deepEqual([problem.range?.start, problem.range?.end], [{ line: 0, character: 0 }, { line: 1, character: 7 }]);
  assert.deepEqual([data.range?.start, data.range?.end], [{ line: 11, character: 2 }, { line: 12, character: 6 }]);
  assert.deepEqual([risks.range?.start, risks.range?.end], [{ line: 16, character: 0 }, { line: 16, character: 13 }]);
  assert.equal(text.slice(risks.range!.startOffset, risks.range!.endOffset), '### Risks ###');
  assert.deepEqual(s.diagnostics.map((d) => [d.code, d.range]), [['brief-section-empty', data.range]]);
});

test('CRLF and a BOM: same result, ranges exclude the BOM and the CR', () => {
  const lf = '## Problem\n\nTag songs.\n\n## Data  \n\n_TODO:_ x\n\n## Risks\nNone known.\n';
  const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
  assert.equal(summary(crlf), 'problem:filled data:empty risks:filled');
  const s = briefStatus(crlf, 'docs/brief.md', SMALL_TEMPLATE);
  assert.deepEqual(s.sections[0].range, { start: { line: 0, character: 1 }, end: { line: 0, character: 11 }, startOffset: 1, endOffset: 11 });
  assert.equal(crlf.slice(s.sections[1].range!.startOffset, s.sections[1].range!.endOffset), '## Data');
  assert.deepEqual(s.sections[1].range!.start, { line: 4, character: 0 });
});

test('the shipped template: a filled brief with the same headings in other case', () => {
  const text = '# X\n\n## PROBLEM\nTag.\n## Success Criteria\nF1 0.8\n## Data\nSongs.\n## Baseline and Candidates\nLogReg.\n## Literature\nGTZAN.\n## Risks\nLabels.\n## Reality check\nDemo.\n## Team and runway\nDana.\n';
  const s = briefStatus(text, 'docs/brief.md', TEMPLATE);
  assert.equal(`${s.filledCount}/${s.requiredCount}`, '8/8');
  const partial = briefStatus(text.replace('Demo.\n', ''), 'docs/brief.md', TEMPLATE);
  assert.equal(`${partial.filledCount}/${partial.requiredCount}`, '7/8');
  assert.equal(partial.diagnostics[0].range.start.line, 14);
});

test('readBriefStatus: a missing file, an existing file', async () => {
  const fs = new MemoryFs({ 'docs/brief.md': '## Problem\nTag.\n' });
  const missing = await readBriefStatus(fs, 'docs/other.md', SMALL_TEMPLATE);
  assert.deepEqual(
    { ...missing, sections: missing.sections.length },
    { path: 'docs/other.md', exists: false, sections: 3, filledCount: 0, requiredCount: 3, hasMarkers: false, diagnostics: [] },
  );
  const found = await readBriefStatus(fs, 'docs/brief.md', SMALL_TEMPLATE);
  assert.equal(found.exists, true);
  assert.equal(found.filledCount, 1);
  assert.equal(found.diagnostics.length, 2);
});
