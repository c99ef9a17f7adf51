/** Replaced by `true` in the command line's bundle (scripts/build-cli.js); undeclared elsewhere. */
declare const DUIDING_CLI_BUNDLE: boolean;

/**
 * Whether this code runs from the bundle in dist/cli rather than from its TypeScript sources. Files
 * found beside a source file through `import.meta.url` (the migrations, the built screens, the core
 * thread's entry) sit elsewhere relative to the bundle, which lies flat in dist/cli.
 */
export const inCliBundle: boolean = typeof DUIDING_CLI_BUNDLE !== 'undefined' && DUIDING_CLI_BUNDLE;
