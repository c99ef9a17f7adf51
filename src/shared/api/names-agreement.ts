/** Handler names of agreement between coders (issue 26), zod-free like names.ts. */
export const AGREEMENT_HANDLER_NAMES = ['agreement/compute', 'agreement/differences', 'agreement/decide', 'agreement/export'] as const;
export type AgreementHandlerName = (typeof AGREEMENT_HANDLER_NAMES)[number];
