// Test entry loaded by the VS Code extension host (`extensionTestsPath`), same contract as @vscode/test-electron:
// export run(), resolve when all tests passed, reject otherwise. Bundled by scripts/build-editor-tests.mjs to
// out/test/editorHost/index.js; every *.test.js next to it is a mocha (tdd ui) test file.
// Besides the exit code, it writes a JSON report so the runner can print one line per test:
//   { passes: [{ title, durationMs }], failures: [{ title, message, stack }] }
// The report goes to $MLPROJECT_TEST_RESULTS (code-server passes its environment on to the extension host);
// without it (e.g. under @vscode/test-electron) to results.json next to this file.
import * as fs from 'fs';
import * as path from 'path';
import Mocha = require('mocha');

interface Report {
  passes: { title: string; durationMs?: number }[];
  failures: { title: string; message: string; stack?: string }[];
}

export function run(): Promise<void> {
  const resultsFile = process.env.MLPROJECT_TEST_RESULTS || path.join(__dirname, 'results.json');
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, grep: process.env.MLPROJECT_TEST_GREP });
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  const report: Report = { passes: [], failures: [] };
  const write = () => fs.writeFileSync(resultsFile, JSON.stringify(report, null, 2));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        write();
        if (failures > 0) reject(new Error(`${failures} editor host test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => {
        report.passes.push({ title: t.fullTitle(), durationMs: t.duration });
        console.log(`[mlproject-tests] PASS ${t.fullTitle()}`);
      });
      runner.on('fail', (t, err: Error) => {
        report.failures.push({ title: t.fullTitle(), message: String(err?.message ?? err), stack: err?.stack });
        console.log(`[mlproject-tests] FAIL ${t.fullTitle()}: ${err?.message}`);
      });
    } catch (err) {
      // A test file that throws while loading lands here.
      report.failures.push({ title: 'loading editor host tests', message: String(err), stack: (err as Error)?.stack });
      write();
      reject(err);
    }
  });
}
