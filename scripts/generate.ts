// Writes src/directory/quick-cues.generated.ts from the directory (scripts/quick-cues.ts says why).
import { writeFileSync } from 'node:fs';
import { quickCuesModule } from './quick-cues.ts';

const target = new URL('../src/directory/quick-cues.generated.ts', import.meta.url);
writeFileSync(target, quickCuesModule());
console.log(`wrote ${target.pathname}`);
