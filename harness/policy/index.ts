/** The public API of the IAM policy evaluator. Consumers import from here only. */
export type {
  AuthorizationInput,
  AuthorizationResult,
  ConditionTrace,
  ContextValue,
  Decision,
  DenialReason,
  PolicyEvaluation,
  PolicyFinding,
  PolicyJson,
  PolicyKind,
  PolicyRequest,
  RequestPrincipal,
  StatementTrace,
  ValueMatch,
} from './types.js';
export { validatePolicy } from './validate.js';
export { compilePolicy, type CompiledPolicy } from './compile.js';
export { evaluatePolicy } from './evaluate.js';
export { authorize } from './authorize.js';
export { accessDeniedMessage } from './access-denied.js';
export { oidcContextKeys, exposedClaimKeys, providerKeyPrefix } from './oidc-keys.js';
export { knownOperatorNames } from './conditions/registry.js';
export { benchmarkEvaluations } from './bench.js';
