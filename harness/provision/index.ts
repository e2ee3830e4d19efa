/** Public entry of harness/provision. */
export { provisionScenario, PLACEHOLDER_THUMBPRINT, type Provisioned, type ProvisionOptions } from './provision.js';
export { createAdminClients, type AdminClients, type ClientTarget } from './clients.js';
