/** A policy document as indented, path-addressable HTML, so statements and conditions can be highlighted. */
import { escapeHtml } from '../escape.js';
import { pathKey } from './trust-trace.js';

export interface Highlight {
  className: string;
  /** visible text next to the highlighted node: highlights never rely on colour alone */
  label: string;
}

/** highlights: keyed by pathKey() of the node's path (e.g. `Statement[0]`). */
export function renderPolicyJson(doc: unknown, highlights: ReadonlyMap<string, Highlight> = new Map()): string {
  return `<div class="json">${value(doc, [], highlights)}</div>`;
}

function value(v: unknown, segments: string[], highlights: ReadonlyMap<string, Highlight>): string {
  if (Array.isArray(v)) {
    // a list of values stays on one line unless one of its values is marked (e.g. the pattern that decided)
    const marked = v.some((_, i) => highlights.has(pathKey([...segments, String(i)])));
    if (v.every(isPrimitive) && !marked) return `[${v.map(primitive).join(', ')}]`;
    const rows = v.map((child, i) => row('', child, [...segments, String(i)], highlights, i < v.length - 1));
    return `[<div class="j-block">${rows.join('')}</div>]`;
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    const rows = entries.map(([k, child], i) => row(`<span class="j-key">${escapeHtml(JSON.stringify(k))}</span>: `, child, [...segments, k], highlights, i < entries.length - 1));
    return `{<div class="j-block">${rows.join('')}</div>}`;
  }
  return primitive(v);
}

function row(keyHtml: string, child: unknown, segments: string[], highlights: ReadonlyMap<string, Highlight>, comma: boolean): string {
  const hl = highlights.get(pathKey(segments));
  const mark = hl ? `<span class="j-mark">${escapeHtml(hl.label)}</span>` : '';
  const cls = hl ? `j-row ${escapeHtml(hl.className)}` : 'j-row';
  return `<div class="${cls}" data-path="${escapeHtml(displayPath(segments))}">${mark}${keyHtml}${value(child, segments, highlights)}${comma ? ',' : ''}</div>`;
}

function isPrimitive(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

function primitive(v: unknown): string {
  const cls = typeof v === 'string' ? 'j-str' : typeof v === 'number' ? 'j-num' : 'j-lit';
  return `<span class="${cls}">${escapeHtml(JSON.stringify(v) ?? 'null')}</span>`;
}

/** `Statement[0].Condition.StringLike["api.gitpod.io/idp:sub"]`, the notation the policy evaluator uses. */
export function displayPath(segments: readonly string[]): string {
  return segments
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `${i === 0 ? '' : '.'}${s}` : `[${JSON.stringify(s)}]`))
    .join('');
}
