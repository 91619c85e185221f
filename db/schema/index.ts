export * from './tenants';
export * from './users';
export * from './api-keys';
export * from './audit';
export * from './jobs';
