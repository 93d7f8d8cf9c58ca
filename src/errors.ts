/** Error classes decide the exit code (SPEC §8): one table, here. */

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Bad input: the message names the place, e.g. `registry.csv:17: url "htp://x" is not an http(s) URL`. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly place: string, reason: string) {
    super(`${place}: ${reason}`);
  }
}

export class RuntimeError extends Error {
  override name = 'RuntimeError';
}

/** The audit found what --fail-on names. */
export class AuditFailed extends Error {
  override name = 'AuditFailed';
}

export const EXIT_CODES = { ok: 0, auditFailed: 1, usage: 2, input: 2, runtime: 3 } as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof AuditFailed) return EXIT_CODES.auditFailed;
  if (error instanceof UsageError) return EXIT_CODES.usage;
  if (error instanceof InputError) return EXIT_CODES.input;
  return EXIT_CODES.runtime;
}

/** Expected errors print one line; anything else is a bug and prints its stack. */
export function isExpected(error: unknown): boolean {
  return error instanceof UsageError || error instanceof InputError || error instanceof AuditFailed || error instanceof RuntimeError || isFileError(error);
}

/**
 * The system refused a file or folder the user named (`--output` into a folder that does not exist,
 * a read-only disk): its message names the path and the call (`ENOENT: no such file or directory,
 * open 'x/r.json'`), which is all the user needs.
 */
const isFileError = (error: unknown): boolean => error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string' && typeof (error as NodeJS.ErrnoException).path === 'string';
