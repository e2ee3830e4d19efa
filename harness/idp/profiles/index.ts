/** The profile table: adding a profile means adding a file and one line here. */
import { HarnessError } from '../../errors.js';
import type { ProfileName } from '../../scenario/model.js';
import { generic } from './generic.js';
import { githubActions } from './github-actions.js';
import { gitlab } from './gitlab.js';
import { gitpod } from './gitpod.js';
import { gitpodFlex } from './gitpod-flex.js';
import type { IdpProfile } from './types.js';

export const PROFILES: Readonly<Record<ProfileName, IdpProfile>> = {
  gitpod,
  'gitpod-flex': gitpodFlex,
  'github-actions': githubActions,
  gitlab,
  generic,
};

export function profileNamed(name: string): IdpProfile {
  const profile = (PROFILES as Record<string, IdpProfile | undefined>)[name];
  if (!profile) throw new HarnessError('IDP_UNKNOWN_PROFILE', `unknown IdP profile "${name}"; known: ${Object.keys(PROFILES).join(', ')}`);
  return profile;
}

export type { IdpProfile, MintContext, Claims, ProfileOptions } from './types.js';
