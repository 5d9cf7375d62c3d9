// Writes the generated modules: src/directory/quick-cues.generated.ts from the directory (scripts/quick-cues.ts says
// why) and src/health/top-level-domains.generated.ts from tldts (scripts/top-level-domains.ts).
import { writeFileSync } from 'node:fs';
import { quickCuesModule } from './quick-cues.ts';
import { topLevelDomains, topLevelDomainsModule } from './top-level-domains.ts';

for (const [file, text] of [
  ['../src/directory/quick-cues.generated.ts', quickCuesModule()],
  ['../src/health/top-level-domains.generated.ts', topLevelDomainsModule(await topLevelDomains())],
] as const) {
  const target = new URL(file, import.meta.url);
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
