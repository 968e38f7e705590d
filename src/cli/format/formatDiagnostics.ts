// Diagnostics as text, JSON, GitHub Actions annotations or SARIF 2.1.0. Lines and columns are 1-based here.
import type { Diagnostic } from '../../core/types';
import { ruleInfo } from '../../core/rules/ruleInfo';

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** A diagnostic with the file it belongs to (a path as the user should see it). */
export interface FileDiagnostic {
  file: string;
  diagnostic: Diagnostic;
}

const loc = (d: Diagnostic) => ({
  line: d.range.start.line + 1, column: d.range.start.character + 1,
  endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
});

function text(items: FileDiagnostic[], color: boolean): string {
  const paint = (s: string, code: number) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev = { error: 31, warning: 33, info: 36, hint: 90 } as const;
  return items.map(({ file, diagnostic: d }) => {
    const l = loc(d);
    return `${file}:${l.line}:${l.column} ${paint(d.severity, sev[d.severity])} ${d.code} ${d.message}`;
  }).join('\n');
}

function json(items: FileDiagnostic[]): string {
  return JSON.stringify(items.map(({ file, diagnostic: d }) => ({
    file, ...loc(d), severity: d.severity, code: d.code, message: d.message,
    ...(d.related?.length ? { related: d.related.map((r) => ({ message: r.message, line: r.range.start.line + 1, column: r.range.start.character + 1 })) } : {}),
  })), null, 2);
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function github(items: FileDiagnostic[]): string {
  return items.map(({ file, diagnostic: d }) => {
    const l = loc(d);
    const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    return `::${level} file=${escapeProp(file)},line=${l.line},col=${l.column},endLine=${l.endLine},endColumn=${l.endColumn},title=${escapeProp(d.code)}::${escapeData(d.message)}`;
  }).join('\n');
}

function sarif(items: FileDiagnostic[], version: string): string {
  const codes = [...new Set(items.map((i) => i.diagnostic.code))].sort();
  const level = (s: Diagnostic['severity']) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'mlproject', version,
          rules: codes.map((code) => {
            const info = ruleInfo(code);
            return { id: code, shortDescription: { text: info?.title ?? code }, fullDescription: { text: info?.why ?? code } };
          }),
        },
      },
      results: items.map(({ file, diagnostic: d }) => {
        const l = loc(d);
        return {
          ruleId: d.code, level: level(d.severity), message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: file.split('\\').join('/') }, region: { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn } } }],
        };
      }),
    }],
  }, null, 2);
}

export function formatDiagnostics(items: FileDiagnostic[], format: Format, options: { color?: boolean; version?: string } = {}): string {
  switch (format) {
    case 'json': return json(items);
    case 'github': return github(items);
    case 'sarif': return sarif(items, options.version ?? '0.0.0');
    default: return text(items, options.color ?? false);
  }
}
