// The command test for one candidate's runs (its quoted name written into the template's text) must say what the
// general test says, which finds each quoted word's end in the recorded command: also for the odd commands where a
// quoted word goes on with '\'' or a quote is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommandTemplate } from '../../../src/core/runs/commandMatch';
import { substituteCommand } from '../../../src/core/runs/substitute';
import { sampleRun } from './fixtures/sampleRun';

const TEMPLATES = [
  'python3 eval.py --model ${candidate} --out ${metricsFile} --tag ${runId}',
  '${candidate}${candidate} ${runDir}${candidate}',
  "echo ${candidate}\\'' x'", // the word after the candidate starts with '\'': the recorded quoted word goes on
  "echo ${candidate}\\'",
];
const CANDIDATES = ['cnn', "it's", "'", 'a b'];
/** Ways a recorded command may differ from the template's: another candidate, a quote more or less, a '\''. */
const EDITS: Array<(c: string) => string> = [
  (c) => c,
  (c) => c.replace("'", ''),
  (c) => c.slice(0, -1),
  (c) => c + "\\''",
  (c) => c.replace("' ", "'\\'' "),
  (c) => c.replace("'\\''", "'"),
];

test('the test for one candidate agrees with the general test on every command', () => {
  let matched = 0;
  for (const template of TEMPLATES) {
    const shape = CommandTemplate.parse(template)!;
    const general = shape.test();
    for (const written of CANDIDATES) {
      const command = substituteCommand(template, { candidate: written, runId: 'r1', runDir: '/d', metricsFile: '/d/m.json', workspaceFolder: '/w', seed: '0' }, {});
      for (const edit of EDITS) {
        for (const candidate of CANDIDATES) {
          const run = sampleRun({ id: 'r1', candidate, command: edit(command) });
          const expected = general.matches(run);
          assert.equal(shape.testFor(candidate).matches(run), expected, `${template} | ${run.command} | ${candidate}`);
          if (expected) matched++;
        }
      }
    }
  }
  assert.ok(matched >= 10, `only ${matched} commands matched: the cases do not test the matching path`);
});
