import { z } from 'zod';

/**
 * zod 4 compiles a fast object parser with `new Function` when it may, and finds out whether it may
 * by trying `Function('')` as each object schema is made. Under the page's CSP (no 'unsafe-eval',
 * Trusted Types for scripts) the answer is always no, and the try itself is reported as a CSP
 * violation. jitless is the path zod takes here anyway, without the try.
 *
 * Imported first by the page's entry (main.tsx) and by the bundle worker, before any module makes
 * a schema: ES modules run in import order.
 */
z.config({ jitless: true });
