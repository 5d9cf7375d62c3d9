#!/usr/bin/env node
// still-there's command line. Installed from its package (under node_modules) it runs the compiled JavaScript in
// dist/, which npm pack builds; in a checkout of the repository it runs the TypeScript sources directly (Node 22.18
// and later strip types; ./run exec still-there … brings a Node that does), whatever a pack left in dist/.
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
const compiled = new URL('../dist/cli/main.js', import.meta.url);
const packaged = import.meta.url.includes('/node_modules/') && existsSync(compiled);
const needs = packaged ? [22, 19] : [22, 18];
if (major < needs[0] || (major === needs[0] && minor < needs[1])) {
  process.stderr.write(`still-there needs Node.js ${needs.join('.')} or newer (this is ${process.versions.node}).\n`);
  process.exit(2);
}
const { main } = await import(packaged ? compiled.href : '../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
