import { validatePolicy } from '../../policy/index.js';
import type { LintRule } from '../types.js';

/** The evaluator's grammar findings (unknown operator, missing Action, ...), reported as lint findings. */
export const policyGrammar: LintRule = {
  id: 'policy-grammar',
  severity: 'error',
  check({ policy }) {
    return validatePolicy(policy, 'trust').map((f) => ({
      path: f.path,
      severity: f.severity,
      message: `${f.code}: ${f.message}`,
    }));
  },
};
