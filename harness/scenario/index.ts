/** Public entry of harness/scenario: load and validate scenario files. */
export { loadScenarioFile, loadScenarios, findScenarioFiles, SCENARIO_SUFFIX, type LoadOptions } from './load.js';
export { ScenarioError, type ScenarioProblem } from './problems.js';
export { ScenarioFileSchema, PROFILES, TAMPER_KINDS, IDP_FAULTS, type ScenarioFile } from './schema.js';
export { ALLOWED, STS_ERROR_CODES, SECRETS_MANAGER_ERROR_CODES } from './known-codes.js';
export { oidcProviderArn, DEFAULT_CLIENT_IDS } from './resolve.js';
export * from './model.js';
