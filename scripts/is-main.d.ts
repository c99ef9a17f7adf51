export function isMain(moduleUrl: string): boolean;
