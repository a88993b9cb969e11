export * from './common.js';
export * from './coupons.js';
export * from './customers.js';
export * from './withdrawal.js';
export * from './verification.js';
export * from './invitations.js';
export * from './reveal.js';
export * from './intents.js';
