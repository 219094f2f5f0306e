// Rewrites the generated regions of deploy/nginx.conf (the header lines and their maps) from
// src/lib/security-headers.ts; the rest of the file is left as written. A unit test fails when
// the committed file differs from what this writes.
// Usage: npm run nginx:config
import { readFileSync, writeFileSync } from 'node:fs';
import { renderNginxConf } from '../src/lib/nginx-conf.ts';

const file = new URL('../deploy/nginx.conf', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = renderNginxConf(before);
if (after === before) console.log('deploy/nginx.conf is up to date');
else {
  writeFileSync(file, after);
  console.log('deploy/nginx.conf: generated regions rewritten');
}
