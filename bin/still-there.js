#!/usr/bin/env node
// The CLI runs its TypeScript sources directly (Node >= 22.18 strips types; the README says how to get Node 24).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`still-there needs Node.js 22.18 or newer (this is ${process.versions.node}); ./run exec still-there … brings one.\n`);
  process.exit(2);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
