// A small stand-in for the `entities` package that markdown-it uses, swapped in by the bundler (scripts/build.mjs)
// to keep the extension bundle small: its full table of 2,000+ named HTML entities is 75 KB minified. This decodes
// numeric references and the common named ones; an unknown name is left as written, which for the Markdown this
// extension reads (briefs, decision records) only means a rare `&name;` shows literally.

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  middot: '·', bull: '•', deg: '°', plusmn: '±', times: '×', divide: '÷', le: '≤', ge: '≥', ne: '≠', asymp: '≈',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', rArr: '⇒', check: '✓', cross: '✗', sect: '§', para: '¶',
  euro: '€', pound: '£', yen: '¥', cent: '¢', micro: 'µ', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', Delta: 'Δ',
  epsilon: 'ε', lambda: 'λ', mu: 'μ', pi: 'π', sigma: 'σ', Sigma: 'Σ', theta: 'θ', infin: '∞', sum: '∑', radic: '√',
};

function decodeOne(entity: string): string | undefined {
  const body = entity.slice(1, -1);
  if (body.startsWith('#')) {
    const code = /^#[xX]/.test(body) ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  }
  return Object.prototype.hasOwnProperty.call(NAMED, body) ? NAMED[body] : undefined;
}

const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** Decodes the entities it knows in `text`; unknown ones stay as written. */
export function decodeHTML(text: string): string {
  return text.replace(ENTITY, (m) => decodeOne(m) ?? m);
}

/** markdown-it calls this with one entity (`&amp;`) and keeps the input when it comes back unchanged. */
export function decodeHTMLStrict(text: string): string {
  return decodeHTML(text);
}
