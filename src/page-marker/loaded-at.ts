/**
 * When the content script's code began to run: imported first by entrypoints/content.ts, so it is evaluated before
 * the directory, spotting and the rest. The budget figure counts from here, so setting up the directory's
 * patterns on every page is counted as the script's cost too.
 */
export const loadedAt = performance.now();
