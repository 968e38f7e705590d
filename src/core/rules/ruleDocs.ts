// Where each rule's section starts in docs/rules.md: the line of the heading that names the code in backticks
// (`### \`runway\``; one heading may name several codes). The editor links a diagnostic's code to that line.

/** Rule code → the 1-based line of its heading in the rules page. */
export function ruleDocLines(markdown: string): Map<string, number> {
  const out = new Map<string, number>();
  markdown.split('\n').forEach((line, i) => {
    if (!/^#{2,3} /.test(line)) return;
    for (const m of line.matchAll(/`([a-z][a-z0-9-]*)`/g)) if (!out.has(m[1])) out.set(m[1], i + 1);
  });
  return out;
}
