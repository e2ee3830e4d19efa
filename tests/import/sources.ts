/** The import fixtures, by name: the seed's setup and a GitHub Actions deploy role in every source format. */
import path from 'node:path';

export const FIXTURES = path.resolve('tests/import/fixtures');
const F = FIXTURES;

export const SOURCES: Record<string, string[]> = {
  'seed-hcl': [`${F}/seed/terraform`],
  'seed-plan': [`${F}/seed/plan.json`],
  'seed-cfn': [`${F}/seed/template.yaml`],
  'seed-iam': [`${F}/seed/iam/get-account-authorization-details.json`],
  'seed-example-iam': [`${F}/seed-example/get-role.json`, `${F}/seed-example/get-role-policy.json`],
  'gha-hcl': [`${F}/gha/terraform`],
  'gha-plan': [`${F}/gha/plan.json`],
  'gha-cdk': [`${F}/gha/cdk.out`],
  'gha-iam': ['get-role', 'get-role-policy', 'list-attached-role-policies', 'deploy-artifacts.get-policy-version', 'describe-secret-app-config', 'describe-secret-db-password'].map((f) => `${F}/gha/iam/${f}.json`),
};
