/** The keys a photo store accepts: ones we generate (`<case>/<uuid>-<variant>.<ext>` and the like), nothing else. */
const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

/** @throws Error for a key we would not have generated (a path escape, an upper-case or foreign character). */
export function checkStorageKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`);
}
