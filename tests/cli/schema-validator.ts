/** Validates results.json files against the contract's JSON Schema (a copy ships in harness/report). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT } from './cli-helpers.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'harness/report/results.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

export function resultsSchemaErrors(results: unknown): string[] {
  return validate(results) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
