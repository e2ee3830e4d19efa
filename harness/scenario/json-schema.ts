/** The JSON Schema of scenario files, generated from the zod schema (editors validate YAML with it). */
import { z } from 'zod';
import { ScenarioFileSchema } from './schema.js';

export const JSON_SCHEMA_FILE = 'scenarios/scenario.schema.json';

export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(ScenarioFileSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  const withTitle = { title: 'aws-oidc-harness scenario', ...schema };
  return `${JSON.stringify(withTitle, null, 2)}\n`;
}
