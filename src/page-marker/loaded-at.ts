/**
 * When a content script's code began to run: imported first by entrypoints/page-look.ts and page-marker.ts, so it is
 * evaluated before the rest of each (for the marker: the directory, spotting and their patterns). The budget figures
 * count from here, so setting those up is counted as the script's cost too.
 */
export const loadedAt = performance.now();
