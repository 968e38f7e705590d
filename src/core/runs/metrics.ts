// The metrics file an evaluation command writes: one JSON object of metric name -> finite number, e.g.
// `{"macro_f1": 0.81, "accuracy": 0.84, "latency_ms": 0.7}`. Errors say exactly what is wrong and where.
import { WorkspacePathError } from '../workspace/realPaths';
import { readWorkspaceFile } from '../workspace/safeRead';
import { firstJsonErrorOffset, positionOf } from './jsonPosition';

export const MAX_METRICS_BYTES = 10 * 1024 * 1024;

export class MetricsError extends Error {}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)})`;
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** Parses the text of a metrics file; `label` names the file in error messages. */
export function parseMetrics(text: string, label = 'metrics file'): Record<string, number> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim().length === 0) throw new MetricsError(`${label} is empty; write a JSON object of metric name -> number`);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    const special = /"((?:[^"\\]|\\.)*)"\s*:\s*(-?NaN|-?Infinity)\b/.exec(body);
    if (special) {
      throw new MetricsError(
        `${label}: metric "${special[1]}" is ${special[2]}, which is not a finite number (Python's json.dump writes ` +
          `float('nan') as NaN); write a finite number or leave the metric out`,
      );
    }
    const offset = firstJsonErrorOffset(body);
    const where = offset >= 0 ? positionOf(body, offset) : undefined;
    const at = where ? ` at line ${where.line}, column ${where.column}` : '';
    throw new MetricsError(`${label} is not valid JSON${at}: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new MetricsError(`${label} must hold a JSON object of metric name -> number, not ${describe(data)}`);
  }
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key.length === 0) throw new MetricsError(`${label}: a metric has an empty name`);
    if (typeof value !== 'number') {
      throw new MetricsError(`${label}: metric "${key}" is ${describe(value)}, not a number`);
    }
    if (!Number.isFinite(value)) throw new MetricsError(`${label}: metric "${key}" is not a finite number`);
    metrics[key] = value;
  }
  return metrics;
}

/**
 * Reads and parses a metrics file; throws MetricsError for a missing, oversized or malformed file, and for one that
 * is not a regular file or is a symbolic link leading outside `root` (the workspace, always named by the caller),
 * whose content is then never read, so none of it can reach the error text.
 */
export async function readMetrics(absPath: string, root: string): Promise<Record<string, number>> {
  let bytes: Buffer | undefined;
  try {
    bytes = await readWorkspaceFile(root, absPath, { maxBytes: MAX_METRICS_BYTES });
  } catch (e) {
    if (!(e instanceof WorkspacePathError)) throw new MetricsError(`cannot read metrics file ${absPath}: ${(e as Error).message}`);
    if (e.problem === 'too-large') {
      throw new MetricsError(`metrics file ${absPath} is ${((e.size ?? 0) / 1024 / 1024).toFixed(1)} MB, over the 10 MB limit; write only summary metrics`);
    }
    if (e.problem === 'not-regular') throw new MetricsError(`metrics file ${absPath} is not a file: ${e.message}`);
    throw new MetricsError(`metrics file ${absPath} was refused: ${e.message}`);
  }
  if (bytes === undefined) {
    throw new MetricsError(`metrics file ${absPath} was not written; the evaluation command must write it (see \${metricsFile})`);
  }
  return parseMetrics(bytes.toString('utf8'), `metrics file ${absPath}`);
}
