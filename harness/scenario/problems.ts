/**
 * Problems found in one scenario file, and the error that carries them. Every problem renders as
 * `<file>: <path inside>: <what is wrong>`, one per line, with <file> relative to the working directory.
 */
import path from 'node:path';
import type { z } from 'zod';
import { HarnessError, type HarnessErrorCode } from '../errors.js';
import { nearest } from './known-codes.js';

export interface ScenarioProblem {
  /** path inside the file, e.g. `cases[2].expect.assume`; '' for the whole file */
  path: string;
  message: string;
}

/** A HarnessError for a scenario file; `problems` lists everything found (the message has one per line). */
export class ScenarioError extends HarnessError {
  constructor(
    code: HarnessErrorCode,
    readonly file: string,
    readonly problems: readonly ScenarioProblem[],
    options?: { cause?: unknown; cwd?: string },
  ) {
    const shown = displayPath(file, options?.cwd);
    super(code, problems.map((p) => (p.path ? `${shown}: ${p.path}: ${p.message}` : `${shown}: ${p.message}`)).join('\n'), options);
  }
}

export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative === '' ? file : relative;
}

/** `['cases', 2, 'expect', 'reads', 'db']` -> `cases[2].expect.reads.db` */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(String(segment))) out += out ? `.${String(segment)}` : String(segment);
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

interface SchemaDef {
  type: string;
  innerType?: SchemaLike;
  shape?: Record<string, SchemaLike>;
  element?: SchemaLike;
  valueType?: SchemaLike;
}
interface SchemaLike {
  _zod: { def: SchemaDef };
}

/** The keys an object schema at `segments` accepts (for "did you mean" on unknown keys). */
function knownKeysAt(schema: SchemaLike, segments: readonly PropertyKey[]): string[] {
  let node: SchemaLike | undefined = schema;
  let i = 0;
  while (node) {
    const def: SchemaDef = node._zod.def;
    if (def.innerType) node = def.innerType;
    else if (i >= segments.length) return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
    else if (def.type === 'object' && def.shape) node = def.shape[String(segments[i++])];
    else if (def.type === 'array') (node = def.element), i++;
    else if (def.type === 'record') (node = def.valueType), i++;
    else return [];
  }
  return [];
}

export function zodIssuesToProblems(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema as unknown as SchemaLike, issue.path);
      for (const key of issue.keys) {
        const hint = nearest(key, known);
        problems.push({
          path: formatPath([...issue.path, key]),
          message: `unknown key${hint ? `; did you mean "${hint}"?` : known.length ? `; allowed keys: ${known.join(', ')}` : ''}`,
        });
      }
      continue;
    }
    let message = issue.message;
    if (issue.path.length === 0 && issue.code === 'invalid_type') message = topLevelMessage(issue.input);
    else if (issue.code === 'invalid_type' && issue.input === undefined) message = `is required (${issue.expected})`;
    else message = message.replace(/^Invalid input: /, '');
    problems.push({ path: formatPath(issue.path) || '(top level)', message });
  }
  return problems;
}

function topLevelMessage(input: unknown): string {
  const what = input === null || input === undefined ? 'the file is empty' : Array.isArray(input) ? 'the file is a list' : `the file is a ${typeof input}`;
  return `${what}; a scenario is a mapping with the keys id, title, idp, aws and cases (start from a copy of scenarios/gitpod-aws.scenario.yaml)`;
}
