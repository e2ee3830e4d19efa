/** Escaping for every text we put into HTML, XML or Markdown: nothing from a token or policy is trusted. */

export function escapeHtml(text: unknown): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Characters XML 1.0 does not allow at all, even escaped.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: unknown): string {
  return escapeHtml(String(text).replace(INVALID_XML_CHARS, '\uFFFD')).replace(/&#39;/g, '&apos;');
}

/** One table cell of GitHub-flavoured Markdown: no pipes, no line breaks, no raw HTML. */
export function escapeMarkdownCell(text: unknown): string {
  return String(text)
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\|`*_[\]])/g, '\\$1');
}
