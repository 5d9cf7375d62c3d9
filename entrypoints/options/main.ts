import { startOptionsPage } from '@/src/options/options-page.ts';

void startOptionsPage(document);
