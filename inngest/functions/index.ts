import { provisionTenantFunction } from './tenants/provision-tenant';

// Every function served at /api/inngest.
export const functions = [provisionTenantFunction];
