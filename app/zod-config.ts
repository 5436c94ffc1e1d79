import { z } from "zod";

// zod 4 probes `new Function` (eval) when a schema is built; the Content-Security-Policy refuses
// it and the browser reports a violation. Turned off here, imported first by app/root.tsx, because
// Remix's inline module script loads the route modules (root first) before entry.client.
z.config({ jitless: true });
