/**
 * JSON as AWS's JSON services read it: RFC 8259 only (no NaN, Infinity, comments or trailing commas, which
 * Python's json module accepts), no duplicate keys, objects without a prototype so that a `__proto__` key is
 * an ordinary member. Throws StrictJsonError naming the offset of the first fault.
 */
export class StrictJsonError extends Error {
  override readonly name = 'StrictJsonError';
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseStrictJson(text: string): JsonValue {
  let at = 0;
  const fail = (what: string): never => {
    throw new StrictJsonError(`${what} at offset ${at}`);
  };
  const skip = (): void => {
    while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
  };
  const literal = (word: string, value: JsonValue): JsonValue => {
    if (text.startsWith(word, at)) {
      at += word.length;
      return value;
    }
    return fail('unexpected token');
  };
  const string = (): string => {
    const start = at;
    at++;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 0x22) {
        at++;
        return JSON.parse(text.slice(start, at)) as string;
      }
      if (c < 0x20) return fail('control character in string');
      if (c === 0x5c) {
        const next = text[at + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) return fail('bad unicode escape');
          at += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) at += 2;
        else return fail('bad escape');
      } else at++;
    }
    return fail('unterminated string');
  };
  const value = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skip();
    const c = text[at];
    if (c === '{') return object(depth);
    if (c === '[') return array(depth);
    if (c === '"') return string();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    NUMBER.lastIndex = at;
    const m = NUMBER.exec(text);
    if (!m) return fail('unexpected token');
    at += m[0].length;
    const n = Number(m[0]);
    return Number.isFinite(n) ? n : fail('number out of range');
  };
  const object = (depth: number): JsonObject => {
    const out = Object.create(null) as JsonObject;
    at++;
    skip();
    if (text[at] === '}') {
      at++;
      return out;
    }
    for (;;) {
      skip();
      if (text[at] !== '"') fail('expected a member name');
      const key = string();
      if (Object.prototype.hasOwnProperty.call(out, key)) fail(`duplicate member "${key.slice(0, 64)}"`);
      skip();
      if (text[at] !== ':') fail('expected ":"');
      at++;
      Object.defineProperty(out, key, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
      skip();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === '}') {
        at++;
        return out;
      }
      fail('expected "," or "}"');
    }
  };
  const array = (depth: number): JsonValue[] => {
    const out: JsonValue[] = [];
    at++;
    skip();
    if (text[at] === ']') {
      at++;
      return out;
    }
    for (;;) {
      out.push(value(depth + 1));
      skip();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === ']') {
        at++;
        return out;
      }
      fail('expected "," or "]"');
    }
  };
  const result = value(0);
  skip();
  if (at !== text.length) fail('trailing characters');
  return result;
}

export const isJsonObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
