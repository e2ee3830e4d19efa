/**
 * Evaluates the Terraform expressions the HCL parser (@cdktf/hcl2json, the Go HCL library as WASM) hands
 * back as `${...}` strings: literals, templates, tuples, objects, references, conditionals and the few
 * functions policies are written with. Anything else becomes Unresolved, naming the construct.
 */
import { getExpressionAst } from '@cdktf/hcl2json';
import { Unresolved, firstUnresolved } from '../unresolved.js';

/** Looks up `var.x`, `local.y`, `data.aws_iam_policy_document.z.json`... (segments of the traversal). */
export type Lookup = (segments: string[], accessor: string) => Promise<unknown>;

interface Node {
  type: string;
  children: Node[];
  meta?: Record<string, unknown>;
  range?: { start: { byte: number }; end: { byte: number } };
}

/** A value as hcl2json returns it (strings may hold expressions) evaluated in a scope. */
export async function evaluateValue(file: string, value: unknown, lookup: Lookup): Promise<unknown> {
  if (typeof value === 'string') return evaluateString(file, value, lookup);
  if (Array.isArray(value)) return Promise.all(value.map((v) => evaluateValue(file, v, lookup)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await evaluateValue(file, v, lookup);
    return out;
  }
  return value;
}

export async function evaluateString(file: string, text: string, lookup: Lookup): Promise<unknown> {
  if (!text.includes('${') && !text.includes('%{')) return text;
  const source = hclStringLiteral(text);
  let ast: Node | null;
  try {
    ast = (await getExpressionAst(file, source)) as Node | null;
  } catch (error) {
    return new Unresolved(`an expression the HCL parser rejected (${(error as Error).message.split('\n')[0]})`);
  }
  if (!ast) return text;
  return new Evaluator(Buffer.from(source), lookup).node(ast, true);
}

/**
 * hcl2json gives template strings back with their interpolations as written (`a${f("x")}b`): quote the
 * literal parts for HCL and keep each `${...}` as it is, so the expression parser sees the original.
 */
export function hclStringLiteral(text: string): string {
  let out = '"';
  let i = 0;
  const literal = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  while (i < text.length) {
    const start = text.indexOf('${', i);
    if (start < 0 || (start > 0 && text[start - 1] === '$')) {
      const stop = start < 0 ? text.length : start + 2;
      out += literal(text.slice(i, stop));
      i = stop;
      continue;
    }
    out += literal(text.slice(i, start));
    const end = interpolationEnd(text, start + 2);
    out += text.slice(start, end);
    i = end;
  }
  return `${out}"`;
}

/** Index just past the `}` closing an interpolation that starts at `from` (braces and quoted strings counted). */
function interpolationEnd(text: string, from: number): number {
  let depth = 1;
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

const UNESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Template literal text as written in the source -> its value. */
export function unescapeTemplateLiteral(raw: string): string {
  return raw
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, c: string) =>
      c.length > 1 ? String.fromCodePoint(parseInt(c.slice(1), 16)) : (UNESCAPES[c] ?? c),
    )
    .replaceAll('$${', '${')
    .replaceAll('%%{', '%{');
}

class Evaluator {
  constructor(
    private readonly source: Buffer,
    private readonly lookup: Lookup,
  ) {}

  private text(n: Node): string {
    return n.range ? this.source.subarray(n.range.start.byte, n.range.end.byte).toString('utf8') : '';
  }

  async node(n: Node, inTemplate = false): Promise<unknown> {
    const meta = n.meta ?? {};
    switch (n.type) {
      case 'templateWrap':
        return this.node(n.children[0]!);
      case 'template': {
        const parts = await Promise.all(n.children.map((c) => this.node(c, true)));
        const bad = firstUnresolved(parts);
        if (bad) return bad;
        if (parts.some((p) => p !== null && typeof p === 'object')) return new Unresolved(`a template that interpolates a list or object (${String(meta['value'])})`);
        return parts.map((p) => (p === null ? '' : String(p))).join('');
      }
      case 'literalValue': {
        const value = String(meta['value']);
        if (meta['type'] === 'number') return Number(value);
        if (meta['type'] === 'bool') return value === 'true';
        if (meta['type'] === 'dynamic' && value === 'null') return null;
        return inTemplate ? unescapeTemplateLiteral(value) : value;
      }
      case 'tuple':
        return Promise.all(n.children.map((c) => this.node(c)));
      case 'object':
        return this.object(n);
      case 'scopeTraversal':
        return this.traversal(meta);
      case 'relativeTraversal':
      case 'index':
        return this.indexed(n);
      case 'function':
        return this.call(String(meta['name']), await Promise.all(n.children.map((c) => this.node(c))));
      case 'conditional': {
        const [cond, yes, no] = n.children;
        const c = await this.node(cond!);
        if (typeof c !== 'boolean') return c instanceof Unresolved ? c : new Unresolved(`a condition that is not a boolean (${this.text(cond!)})`);
        return this.node(c ? yes! : no!);
      }
      case 'for':
        return new Unresolved(`a \`for\` expression (${String(meta['value'] ?? this.text(n))})`);
      case 'splat':
        return new Unresolved(`a splat expression (${String(meta['value'] ?? this.text(n))})`);
      default:
        return new Unresolved(`the expression ${JSON.stringify(String(meta['value'] ?? this.text(n)))}`);
    }
  }

  private async object(n: Node): Promise<unknown> {
    const out: Record<string, unknown> = {};
    for (let i = 0; i + 1 < n.children.length; i += 2) {
      const keyNode = n.children[i]!;
      const key = keyNode.children.length > 0 ? await this.node(keyNode.children[0]!) : this.text(keyNode);
      if (key instanceof Unresolved) return key;
      out[String(key)] = await this.node(n.children[i + 1]!);
    }
    return out;
  }

  private async traversal(meta: Record<string, unknown>): Promise<unknown> {
    const parts = (meta['traversal'] as { segment: string }[] | undefined) ?? [];
    const accessor = String(meta['fullAccessor'] ?? meta['value']);
    return this.lookup(parts.map((p) => p.segment), accessor);
  }

  private async indexed(n: Node): Promise<unknown> {
    const accessor = String(n.meta?.['value'] ?? this.text(n));
    if (n.type === 'index' && n.children.length === 2) {
      const [collection, key] = await Promise.all(n.children.map((c) => this.node(c)));
      return index(collection, key, accessor);
    }
    return new Unresolved(`the reference ${accessor}`);
  }

  private call(name: string, args: unknown[]): unknown {
    const bad = firstUnresolved(args);
    if (bad) return bad;
    const fn = FUNCTIONS[name];
    return fn ? fn(args) : new Unresolved(`the function ${name}()`);
  }
}

function index(collection: unknown, key: unknown, accessor: string): unknown {
  if (collection instanceof Unresolved) return collection;
  if (key instanceof Unresolved) return key;
  if (Array.isArray(collection) && typeof key === 'number') return collection[key] ?? new Unresolved(`${accessor}: index out of range`);
  if (collection && typeof collection === 'object' && typeof key === 'string') {
    return (collection as Record<string, unknown>)[key] ?? new Unresolved(`${accessor}: no such key`);
  }
  return new Unresolved(`the reference ${accessor}`);
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

const FUNCTIONS: Record<string, (args: unknown[]) => unknown> = {
  jsonencode: ([v]) => JSON.stringify(v),
  jsondecode: ([v]) => JSON.parse(str(v)) as unknown,
  tostring: ([v]) => str(v),
  tonumber: ([v]) => Number(v),
  tolist: ([v]) => asList(v),
  toset: ([v]) => [...new Set(asList(v))],
  distinct: ([v]) => [...new Set(asList(v))],
  compact: ([v]) => asList(v).filter((x) => x !== '' && x !== null),
  concat: (args) => args.flatMap(asList),
  flatten: ([v]) => asList(v).flat(Infinity),
  merge: (args) => Object.assign({}, ...args.filter((a) => a && typeof a === 'object')),
  join: ([sep, list]) => asList(list).map(str).join(str(sep)),
  split: ([sep, text]) => str(text).split(str(sep)),
  lower: ([v]) => str(v).toLowerCase(),
  upper: ([v]) => str(v).toUpperCase(),
  trimprefix: ([v, p]) => (str(v).startsWith(str(p)) ? str(v).slice(str(p).length) : str(v)),
  trimsuffix: ([v, s]) => (str(v).endsWith(str(s)) ? str(v).slice(0, -str(s).length || undefined) : str(v)),
  replace: ([v, from, to]) => str(v).split(str(from)).join(str(to)),
  format: ([spec, ...args]) => {
    let i = 0;
    return str(spec).replace(/%[sdv%]/g, (m) => (m === '%%' ? '%' : str(args[i++])));
  },
};
