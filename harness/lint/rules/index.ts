/** Every lint rule, in the order findings are reported. */
import type { LintRule } from '../types.js';
import { actionsBeyondWebIdentity } from './actions-beyond-web-identity.js';
import { audNotInClientIds } from './aud-not-in-client-ids.js';
import { audNotPinned } from './aud-not-pinned.js';
import { bareWildcard } from './bare-wildcard.js';
import { claimNotExposed } from './claim-not-exposed.js';
import { conditionKeyUnknownProvider } from './condition-key-unknown-provider.js';
import { federatedOtherProvider } from './federated-other-provider.js';
import { forallvaluesInAllow } from './forallvalues-in-allow.js';
import { foranyvalueSingleValued } from './foranyvalue-single-valued.js';
import { genericClaimUnpinned } from './generic-claim-unpinned.js';
import { githubAnyRepository } from './github-any-repository.js';
import { githubEnvironmentAdvice } from './github-environment-advice.js';
import { githubJobWorkflowRef } from './github-job-workflow-ref.js';
import { githubPullRequestAdmitted } from './github-pull-request-admitted.js';
import { githubRepositoryWildcard } from './github-repository-wildcard.js';
import { githubSubNotPinned } from './github-sub-not-pinned.js';
import { gitlabRefTypeUnpinned } from './gitlab-ref-type-unpinned.js';
import { gitlabSubgroupWildcard } from './gitlab-subgroup-wildcard.js';
import { gitpodNoContextAdmitted } from './gitpod-no-context-admitted.js';
import { gitpodPrContextAdmitted } from './gitpod-pr-context-admitted.js';
import { missingSub } from './missing-sub.js';
import { policyGrammar } from './policy-grammar.js';
import { principalWildcard } from './principal-wildcard.js';
import { stringlikeCrossesBoundary } from './stringlike-crosses-boundary.js';
import { stringlikeWithoutWildcard } from './stringlike-without-wildcard.js';

export const LINT_RULES: readonly LintRule[] = [
  policyGrammar,
  principalWildcard,
  federatedOtherProvider,
  actionsBeyondWebIdentity,
  conditionKeyUnknownProvider,
  claimNotExposed,
  missingSub,
  audNotPinned,
  audNotInClientIds,
  bareWildcard,
  stringlikeCrossesBoundary,
  stringlikeWithoutWildcard,
  forallvaluesInAllow,
  foranyvalueSingleValued,
  gitpodPrContextAdmitted,
  gitpodNoContextAdmitted,
  githubAnyRepository,
  githubRepositoryWildcard,
  githubPullRequestAdmitted,
  githubSubNotPinned,
  githubEnvironmentAdvice,
  githubJobWorkflowRef,
  gitlabRefTypeUnpinned,
  gitlabSubgroupWildcard,
  genericClaimUnpinned,
];
