// Completion in `.mlproject.yaml` from the schema, the process catalog and the plan itself: the cursor's context
// (cursorContext.ts) decides which kind of item is wanted, the item modules build them.
import { PHASES, type PhaseId, type ProjectPlan } from '../model';
import type { YamlPath } from '../yamlPath';
import { cursorContext, type CursorContext } from './cursorContext';
import type { PlanCompletion } from './completion';
import { isKeyedMapping, schemaKeyItems, schemaValueItems } from './schemaItems';
import { candidateItems, literatureItems, ruleItems, stepItems } from './catalogItems';

export type { PlanCompletion, CompletionKind, CompletionOrigin } from './completion';

export interface CompletionOptions {
  /**
   * Offer the schema's keys and enumerations (default true). False when another provider offers them from the
   * same schema (the Red Hat YAML extension), so that they do not appear twice; the catalog's and the plan's
   * items are offered either way.
   */
  schemaItems?: boolean;
}

const isPhase = (s: unknown): s is PhaseId => (PHASES as readonly unknown[]).includes(s);

function keyItems(ctx: CursorContext, path: YamlPath): PlanCompletion[] {
  if (path.length === 2 && path[0] === 'checklist' && isPhase(path[1])) return stepItems(ctx, path[1]);
  if (path.length === 1 && path[0] === 'rules') return ruleItems(ctx);
  return schemaKeyItems(ctx, path);
}

function valueItems(ctx: CursorContext, path: YamlPath, plan: () => ProjectPlan): PlanCompletion[] {
  if (path.length === 2 && path[0] === 'decision' && path[1] === 'chosen') return candidateItems(ctx, plan());
  if (path.length === 3 && path[0] === 'candidates' && typeof path[1] === 'number' && path[2] === 'source') return literatureItems(ctx, plan());
  return schemaValueItems(ctx, path);
}

/**
 * The completion items at `offset` of a plan's `text`. `plan` gives the typed plan (for candidate ids and
 * literature titles); it is called only when such items are wanted. The text may be incomplete YAML.
 */
export function completionsAt(text: string, offset: number, plan: () => ProjectPlan, options: CompletionOptions = {}): PlanCompletion[] {
  const ctx = cursorContext(text, offset);
  if (!ctx) return [];
  const items = ctx.kind === 'key' ? keyItems(ctx, ctx.path)
    : ctx.kind === 'value' ? valueItems(ctx, ctx.path, plan)
      : isKeyedMapping(ctx.path) ? keyItems(ctx, ctx.path) : valueItems(ctx, ctx.path, plan);
  return options.schemaItems === false ? withoutSchemaItems(items) : items;
}

/** The items another schema-driven provider does not already offer. */
export function withoutSchemaItems(items: readonly PlanCompletion[]): PlanCompletion[] {
  return items.filter((item) => item.origin !== 'schema');
}
