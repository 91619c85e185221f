import path from 'node:path';

// Saved sessions live in e2e/.auth (git-ignored), written by the login-setup project.
export const DEMO_OWNER_STATE = path.join(import.meta.dirname, '..', '.auth', 'demo-owner.json');
