import { startOptions } from '@/src/options/options.ts';

void startOptions(document);
