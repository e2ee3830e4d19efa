/** `npm run schema`: writes scenarios/scenario.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { JSON_SCHEMA_FILE, scenarioJsonSchemaText } from './json-schema.js';

writeFileSync(JSON_SCHEMA_FILE, scenarioJsonSchemaText());
console.log(`wrote ${JSON_SCHEMA_FILE}`);
