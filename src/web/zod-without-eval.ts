/**
 * Imported first by main.tsx, before any schema is built: zod compiles object schemas with `new Function`
 * unless told not to, and the server's Content Security Policy forbids eval (script-src 'self').
 */
import { z } from 'zod';

z.config({ jitless: true });
