// Hovers with the Red Hat YAML extension "present" (injected: it cannot be installed here): Red Hat shows the
// schema's descriptions itself, so ours leaves them out and keeps what Red Hat cannot know (a step's why and roles,
// a phase's progress); without it, keys show their schema description.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { PlanHoverProvider } from '../../../src/extension/plan/planHover';
import { ProjectRegistry } from '../../../src/extension/project/projectRegistry';
import { activated, keepWorkspace, openPlan, until, useExample } from './planHelpers';

function hoverText(provider: PlanHoverProvider, document: vscode.TextDocument, needle: string, delta: number): string {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not in the plan`);
  const hover = provider.provideHover(document, document.positionAt(offset + delta));
  return (hover?.contents ?? []).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

suite('plan hovers beside Red Hat YAML', () => {
  const workspace = keepWorkspace();
  let registry: ProjectRegistry | undefined;
  suiteSetup(async () => {
    await activated();
    workspace.save();
  });
  suiteTeardown(async () => {
    registry?.dispose();
    await workspace.restore();
  });

  test('the schema description only without Red Hat; the step and phase sections either way', async () => {
    await useExample('genre-tagger');
    const { document } = await openPlan();
    registry = new ProjectRegistry();
    await registry.discover();
    await until(() => registry!.projectFor(document.uri)?.text === document.getText(), 'the test registry to check the plan');
    const alone = new PlanHoverProvider(registry, () => false);
    const beside = new PlanHoverProvider(registry, () => true);

    assert.match(hoverText(alone, document, 'runway:', 1), /milestone date/);
    assert.doesNotMatch(hoverText(beside, document, 'runway:', 1), /milestone date/);
    assert.match(hoverText(beside, document, '    tuning: in-progress', 6), /Hand tuning[\s\S]*Roles:/);
    const phase = hoverText(beside, document, '  deliver:', 3);
    assert.match(phase, /steps closed/);
    assert.doesNotMatch(phase, /Prototype the chosen model/, 'the phase summary is the schema description Red Hat shows');
    assert.match(hoverText(alone, document, '  deliver:', 3), /Prototype the chosen model/);
  });
});
