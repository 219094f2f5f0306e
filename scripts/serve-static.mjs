// Serves a built site the way a static host would (see static-server.mjs).
// Usage: node scripts/serve-static.mjs [--dir dist] [--port 4322] [--base /]
import { parseArgs } from 'node:util';
import { startStaticServer } from './static-server.mjs';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4322' },
    base: { type: 'string', default: '/' },
  },
});
const { url } = await startStaticServer({ dir: values.dir, port: Number(values.port), base: values.base });
console.log(`Serving ${values.dir} at ${url}`);
