// Small random YAML texts for property tests of the parser's look-ups and conversions: duplicate keys, number and
// null keys, inherited names (`toString`, `__proto__`), flow and block collections, empty values, anchors and
// aliases, merge keys, tags, and YAML 1.1 documents (dates, `!!set`, `!!omap`).
import fc from 'fast-check';

const key = fc.constantFrom('a', 'b', '1', '01', '"1"', '1.0', 'true', 'null', '~', '[k]', '? x', '<<', 'toString', '"__proto__"', '2001-01-01');
const scalar = fc.constantFrom('1', 'x', '', '"q"', 'null', '[]', '{}', '[1, [2]]', '{a: 1, a: 2}', '&n v', '*n', '!!str 3', '0x1f', '.inf', '2001-12-14', 'yes');

/** A flow value: a scalar, or a flow mapping or list of flow values. */
export const flowValue: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }).map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
    fc.array(tie('node'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  ),
})).node;

const blockList = fc.array(flowValue, { minLength: 1, maxLength: 3 }).map((xs) => `\n${xs.map((x) => `  - ${x}`).join('\n')}`);
const tagged = fc.constantFrom('!!set\n  ? a\n  ? b', '!!omap\n  - a: 1\n  - b: 2', '&m { a: 1 }', '*m', '!!binary aGk=');

/** A block mapping of keys to flow values, block lists and tagged collections, sometimes under `%YAML 1.1`. */
export const blockDocument = fc.tuple(
  fc.boolean(),
  fc.array(fc.tuple(key, fc.oneof(flowValue, blockList, tagged)), { minLength: 1, maxLength: 6 }),
).map(([yaml11, pairs]) => `${yaml11 ? '%YAML 1.1\n---\n' : ''}${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n`);
