import { DuidingError } from '../errors.ts';
import { contract, isHandlerName, type HandlerName, type ParsedArgsOf } from './contract.ts';

/** Validates a call's arguments against the contract; names the handler and the field at fault. */
export function parseArgs<K extends HandlerName>(name: K, raw: unknown): ParsedArgsOf<K> {
  const result = contract[name].args.safeParse(raw ?? {});
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
      .join('; ');
    throw new DuidingError(`Invalid arguments for ${name}: ${problems}`, 'usage');
  }
  return result.data as ParsedArgsOf<K>;
}

export function assertHandlerName(name: string): HandlerName {
  if (!isHandlerName(name)) throw new DuidingError(`Unknown handler "${name}".`, 'usage');
  return name;
}
