// Property: for random plans (styles, comments, quoting, CRLF, indentation) and random step/status choices,
// setStepStatus replaces only the target's own text or inserts lines; the result parses to the original data with
// exactly the intended change; every comment survives; the line ending is kept; a valid plan stays valid.
// And as files (with or without a BOM): mark, decision and brief plan edits keep every byte outside the edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, type Node } from 'yaml';
import { applyEdits } from '../../../src/core/edit/applyEdits';
import { setStepStatus } from '../../../src/core/edit/setStepStatus';
import { locate } from '../../../src/core/edit/yamlText';
import { PHASES, STATUSES, type PhaseId, type StepStatus } from '../../../src/core/model';
import { validateText } from '../schema/helpers';
import { decodePlan, editPlanBytes } from '../../../src/core/edit/planText';
import { setDecision, setProjectBrief } from '../../../src/core/brief/planEdits';
import { setEntries } from '../../../src/core/edit/setEntries';
import type { TextEdit } from '../../../src/core/types';

const STEP_IDS = ['business-understanding', 'baseline', 'tuning', 'serving', 'label-audit', 'x-1'];
const REASONS = ['no data', 'a, b', 'done: upstream', "it's fine", '#1 reason', '"quoted"', 'true'];

type StepStyle = 'bare' | 'double' | 'single' | 'flowMap' | 'flowNoStatus' | 'blockMap';
interface StepSpec { id: string; status: StepStatus; style: StepStyle; comment: boolean }
interface PhaseSpec { id: PhaseId; style: 'block' | 'flow' | 'empty' | 'emptyFlow'; steps: StepSpec[]; comment: boolean }
interface PlanSpec {
  crlf: boolean;
  finalBreak: boolean;
  unit: 2 | 4;
  checklist: 'none' | 'empty' | 'block';
  phases: PhaseSpec[];
  after: boolean;
}

const stepArb = fc.record({
  id: fc.constantFrom(...STEP_IDS),
  status: fc.constantFrom(...STATUSES),
  style: fc.constantFrom<StepStyle>('bare', 'double', 'single', 'flowMap', 'flowNoStatus', 'blockMap'),
  comment: fc.boolean(),
});

const phaseArb = (id: PhaseId) => fc.record({
  id: fc.constant(id),
  style: fc.constantFrom<PhaseSpec['style']>('block', 'block', 'flow', 'empty', 'emptyFlow'),
  steps: fc.uniqueArray(stepArb, { maxLength: 3, selector: (s) => s.id }),
  comment: fc.boolean(),
});

const planArb: fc.Arbitrary<PlanSpec> = fc.record({
  crlf: fc.boolean(),
  finalBreak: fc.boolean(),
  unit: fc.constantFrom<2 | 4>(2, 4),
  checklist: fc.constantFrom<PlanSpec['checklist']>('none', 'empty', 'block', 'block', 'block'),
  phases: fc.subarray([...PHASES]).chain((ids) => fc.tuple(...ids.map(phaseArb)).map((phases) => phases as PhaseSpec[])),
  after: fc.boolean(),
});

let commentCount = 0;
const comment = (on: boolean): string => (on ? `   # c${++commentCount}` : '');

function scalar(status: StepStatus, style: StepStyle): string {
  if (style === 'double') return `"${status}"`;
  if (style === 'single') return `'${status}'`;
  return status;
}

function stepLines(step: StepSpec, indent: string, unit: string, inFlow: boolean): string[] {
  const style = inFlow && step.style === 'blockMap' ? 'flowMap' : step.style;
  if (style === 'flowMap') return [`${step.id}: { status: ${step.status}, title: Step ${step.id} }`];
  if (style === 'flowNoStatus') return [`${step.id}: { title: "T, ${step.id}" }`];
  if (style === 'blockMap') {
    return [`${indent}${step.id}:${comment(step.comment)}`, `${indent}${unit}status: ${step.status}${comment(step.comment)}`, `${indent}${unit}why: because`];
  }
  const line = `${step.id}: ${scalar(step.status, style)}`;
  return inFlow ? [line] : [`${indent}${line}${comment(step.comment)}`];
}

function render(spec: PlanSpec): string {
  const u = ' '.repeat(spec.unit);
  const out = ['# plan', 'version: 1', 'project:', `${u}name: Demo${comment(true)}`];
  if (spec.checklist === 'empty') out.push(`checklist:${comment(true)}`);
  if (spec.checklist === 'block') {
    out.push(`checklist:${comment(true)}`);
    if (spec.phases.length === 0) out.push(`${u}# no phases yet`);
    for (const phase of spec.phases) {
      const steps = phase.style === 'empty' || phase.style === 'emptyFlow' ? [] : phase.steps;
      if (phase.style === 'empty') out.push(`${u}${phase.id}:${comment(phase.comment)}`);
      else if (phase.style === 'emptyFlow') out.push(`${u}${phase.id}: {}${comment(phase.comment)}`);
      else if (phase.style === 'flow' || steps.length === 0) {
        out.push(`${u}${phase.id}: { ${steps.flatMap((s) => stepLines(s, '', u, true)).join(', ')} }${comment(phase.comment)}`);
      } else {
        out.push(`${u}${phase.id}:${comment(phase.comment)}`);
        for (const step of steps) {
          const lines = stepLines(step, u + u, u, false);
          out.push(...lines.map((l) => (l.startsWith(' ') ? l : `${u}${u}${l}`)));
        }
      }
    }
  }
  if (spec.after) out.push('candidates:', `${u}- { id: a, name: A }`);
  const eol = spec.crlf ? '\r\n' : '\n';
  return out.join(eol) + (spec.finalBreak ? eol : '');
}

function expectedData(data: Record<string, unknown>, phase: PhaseId, step: string, status: StepStatus, reason?: string): unknown {
  const copy = structuredClone(data);
  const checklist = (copy.checklist ??= {}) as Record<string, unknown>;
  const steps = (checklist[phase] ??= {}) as Record<string, unknown>;
  const current = steps[step];
  if (current !== null && typeof current === 'object') {
    steps[step] = { ...current, status, ...(reason !== undefined ? { reason } : {}) };
  } else {
    steps[step] = reason !== undefined ? { status, reason } : status;
  }
  return copy;
}

test('setStepStatus changes only its target and keeps everything else byte for byte', () => {
  fc.assert(
    fc.property(
      planArb, fc.constantFrom(...PHASES), fc.constantFrom(...STEP_IDS), fc.constantFrom(...STATUSES), fc.option(fc.constantFrom(...REASONS), { nil: undefined }),
      (spec, phase, step, status, maybeReason) => {
        const text = render(spec);
        const original = parseDocument(text, { keepSourceTokens: true });
        assert.deepEqual(original.errors, [], text);
        const data = (original.toJS() ?? {}) as Record<string, unknown>;
        const reason = status === 'skipped' ? maybeReason : undefined;

        const edits = setStepStatus(text, phase, step, status, reason !== undefined ? { reason } : {});
        const result = applyEdits(text, edits);

        // The result parses to the original data with exactly the intended change.
        const parsed = parseDocument(result);
        assert.deepEqual(parsed.errors, [], result);
        assert.deepEqual(parsed.toJS(), expectedData(data, phase, step, status, reason));
        if (validateText(text).diagnostics.length === 0) assert.deepEqual(validateText(result).diagnostics, [], result);

        // Replacements stay inside the target: the step's value, or the empty phase/checklist value it fills.
        const target = [['checklist', phase, step], ['checklist', phase], ['checklist']]
          .map((path) => locate(original, path))
          .find((found) => found !== undefined);
        const node = target?.node as Node | null | undefined;
        for (const edit of edits) {
          if (edit.start === edit.end) continue;
          assert.ok(node?.range, `a replacement needs an existing target: ${JSON.stringify(edit)}`);
          const keyEnd = target?.pair?.key.range?.[1] ?? node.range[0];
          assert.ok(edit.start >= keyEnd && edit.end <= node.range[1], `replacement ${JSON.stringify(edit)} outside its target in\n${text}`);
        }

        // Every comment survives; the line ending is kept.
        for (const c of text.match(/# [^\r\n]*|#c?\d+/g) ?? []) assert.ok(result.includes(c), `lost comment ${c}`);
        if (spec.crlf) assert.doesNotMatch(result, /[^\r]\n/);
        else assert.doesNotMatch(result, /\r/);
        // Unchanged text keeps its order: removing the edits' new text from the result gives back the original
        // minus the replaced ranges.
        let rebuilt = '';
        let at = 0;
        for (const e of [...edits].sort((a, b) => a.start - b.start)) {
          rebuilt += text.slice(at, e.start);
          at = e.end;
        }
        rebuilt += text.slice(at);
        let stripped = result;
        for (const e of edits) stripped = stripped.replace(e.newText, '');
        assert.equal(stripped.length, rebuilt.length);
      },
    ),
    { numRuns: 300 },
  );
});

// The same plans as files: with or without a BOM, with non-ASCII text, through the one bytes <-> text path the CLI
// uses (decodePlan, editPlanBytes). Every byte outside the edited ranges is kept, the BOM too, and new lines use the
// file's line ending; mark's, decision's and the brief's plan edits alike, and a quick fix's several keys of one
// mapping (setEntries: the same setValues as the decision's and the brief's edits).
const EDITS: Record<string, (text: string) => TextEdit[]> = {
  mark: (text) => setStepStatus(text, 'develop', 'label-audit', 'done', { title: 'Audit, labels' }),
  decision: (text) => setDecision(text, { chosen: 'a', date: '2026-11-20', rationale: 'cheapest: "A"', attendees: ['Dana', 'Lé'], record: 'docs/decisions/2026-11-20-model.md' }),
  brief: (text) => setProjectBrief(text, 'docs/brief.md'),
  entries: (text) => setEntries(text, ['project'], { lead: 'Lé', runway: '2027-03-31' }),
};

test('mark, decision, brief and quick-fix plan edits keep the BOM and every byte outside the edit', () => {
  fc.assert(
    fc.property(planArb, fc.boolean(), fc.constantFrom(...Object.keys(EDITS)), (spec, bom, which) => {
      const text = render(spec).replace('name: Demo', 'name: Démo 🎵 ünï');
      const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
      const decoded = decodePlan(bytes);
      assert.equal(decoded.bom, bom);
      assert.equal(decoded.valid, true);
      assert.equal(decoded.text, text, 'the text to edit has no BOM');
      const edits = EDITS[which](decoded.text);
      const result = Buffer.from(editPlanBytes(decoded, edits));

      // Expected: the original bytes, each edit's byte range replaced by its new text's bytes.
      const byteAt = (offset: number): number => (bom ? 3 : 0) + Buffer.byteLength(text.slice(0, offset), 'utf8');
      const parts: Buffer[] = [];
      let at = 0;
      for (const e of [...edits].sort((a, b) => a.start - b.start)) {
        parts.push(bytes.subarray(at, byteAt(e.start)), Buffer.from(e.newText, 'utf8'));
        at = byteAt(e.end);
        if (spec.crlf) assert.doesNotMatch(e.newText, /[^\r]\n|^\n/, `a bare LF in a CRLF file: ${JSON.stringify(e.newText)}`);
        else assert.doesNotMatch(e.newText, /\r/);
      }
      parts.push(bytes.subarray(at));
      assert.deepEqual(result, Buffer.concat(parts));
      assert.equal(result.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), bom, 'the BOM is kept (and never added)');
      // The edited file still parses, without errors, to the intended change.
      const reparsed = parseDocument(decodePlan(result).text);
      assert.deepEqual(reparsed.errors, [], decodePlan(result).text);
      if (which === 'brief') assert.equal((reparsed.toJS() as { project: { brief: string } }).project.brief, 'docs/brief.md');
      if (which === 'decision') assert.equal((reparsed.toJS() as { decision: { chosen: string } }).decision.chosen, 'a');
      if (which === 'entries') assert.deepEqual((reparsed.toJS() as { project: object }).project, { name: 'Démo 🎵 ünï', lead: 'Lé', runway: '2027-03-31' });
    }),
    { numRuns: 300 },
  );
});
