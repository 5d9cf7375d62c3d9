/**
 * The popup script's first import (entrypoints/popup-script.ts), so this runs before any other code of ours: when our
 * JavaScript began, to tell the browser's part of the 100 ms (loading the page and the script) from ours.
 * tests/e2e/popup.test.ts prints both.
 */
export const SCRIPT_START_MARK = 'still-there:popup-script';

performance.mark(SCRIPT_START_MARK);
