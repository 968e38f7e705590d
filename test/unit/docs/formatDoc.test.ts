// docs/format.md explains every field of the JSON Schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '../../..');
const doc = readFileSync(join(root, 'docs/format.md'), 'utf8');
const schema = JSON.parse(readFileSync(join(root, 'schemas/mlproject.schema.json'), 'utf8'));

interface Node { properties?: Record<string, Node>; items?: Node; $ref?: string; type?: string | string[] }

function resolve(node: Node): Node {
  if (node.$ref) return resolve(schema.definitions[node.$ref.replace('#/definitions/', '')]);
  return node;
}

/** Dotted field paths of the schema (`goal.success_criteria[].metric`), skipping the checklist's step maps. */
function fieldPaths(node: Node, prefix: string, out: string[]): string[] {
  const n = resolve(node);
  for (const [key, child] of Object.entries(n.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push(path);
    if (path === 'checklist') continue;
    const c = resolve(child);
    if (c.items) fieldPaths(c.items, `${path}[]`, out);
    else if (c.properties) fieldPaths(c, path, out);
  }
  return out;
}

test('every schema field appears in docs/format.md', () => {
  const paths = fieldPaths(schema, '', []);
  assert.ok(paths.length > 40, `expected the full schema, got ${paths.length} fields`);
  const missing = paths.filter((p) => {
    const last = p.split('.').pop()!.replace('[]', '');
    // nested fields of lists of small mappings are documented in one row, e.g. `project.team` lists `{ name, role }`
    return !doc.includes(`\`${p}\``) && !doc.includes(`\`${last}\``);
  });
  assert.deepEqual(missing, []);
});

test('every step status of the schema is documented', () => {
  for (const status of schema.definitions.status.enum) assert.ok(doc.includes(`\`${status}\``), status);
});
