// Where each rule's section starts in docs/rules.md: the heading that names the code in backticks
// (`### \`runway\``; one heading may name several codes). The editor links a diagnostic's code to that section: the
// rendered page scrolled to the heading's anchor, or, with no Markdown preview, the source at the heading's line.

/** The section of one rule: the 1-based line of its heading and the heading's anchor in the rendered page. */
export interface RuleDocSection {
  line: number;
  anchor: string;
}

/**
 * The anchor a rendered Markdown heading gets (GitHub's convention, which VS Code's preview follows): the heading's
 * text without its markup, lower-cased, runs of white space turned into one "-", punctuation dropped, no "-" at
 * either end.
 */
export function headingAnchor(headingText: string): string {
  return headingText
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[\][!/'"#$%&()*+,.:;<=>?@\\^{|}~`]/g, '')
    .replace(/^-+|-+$/g, '');
}

/** Rule code → its section in the rules page. */
export function ruleDocSections(markdown: string): Map<string, RuleDocSection> {
  const out = new Map<string, RuleDocSection>();
  markdown.split(/\r?\n/).forEach((line, i) => {
    const heading = /^#{2,3} (.*)$/.exec(line);
    if (!heading) return;
    const anchor = headingAnchor(heading[1]);
    for (const m of heading[1].matchAll(/`([a-z][a-z0-9-]*)`/g)) if (!out.has(m[1])) out.set(m[1], { line: i + 1, anchor });
  });
  return out;
}
