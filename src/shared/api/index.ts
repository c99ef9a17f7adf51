export * from './contract.ts';
export * from './validate.ts';
