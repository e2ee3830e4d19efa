import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { JSON_SCHEMA_FILE, scenarioJsonSchemaText } from '../../harness/scenario/json-schema.js';
import { MINIMAL } from './scenario-dir.js';

test('the committed scenarios/scenario.schema.json is what `npm run schema` generates now', () => {
  expect(readFileSync(JSON_SCHEMA_FILE, 'utf8')).toBe(scenarioJsonSchemaText());
});

test('editors using the JSON Schema accept a valid scenario and flag an unknown key', () => {
  const ajv = new Ajv({ strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(scenarioJsonSchemaText()));
  expect(validate(parse(MINIMAL)), JSON.stringify(validate.errors)).toBe(true);
  expect(validate(parse(MINIMAL.replace('trustPolicy:', 'trustPolicys:')))).toBe(false);
  expect(validate(parse(MINIMAL.replace('profile: gitpod', 'profile: gitpd')))).toBe(false);
});
