// Text from the plan, the history or a folder name shown inside a hover or tooltip's Markdown: every character
// Markdown gives a meaning is escaped, so a title, note or metric name is shown as written and never becomes a link,
// emphasis or a table cell break.

/** Escapes Markdown in user text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}
