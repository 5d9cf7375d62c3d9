/**
 * pdf.js as the extension's report page bundles it (src/audit/pdf-reading.ts): its legacy build, the one the
 * command line runs too, with the few paths that would run code from a computed address or text cut out before
 * bundling, since an extension page may run no code but its own (and web-ext lint, like AMO's review, flags each):
 *   - core-js's Node-only `Function('return require(…)')` and its last-resort `Function('return this')` (globalThis
 *     is always there in the browsers we ship to);
 *   - the "fake worker" that imports the worker script into the page when no Worker can start (ours always can);
 *   - the worker's imports of its JBIG2 and JPEG 2000 decoders' fallbacks (pictures: only words and links are read).
 * Each cut is checked to have happened, so a new pdf.js that changed one stops the build instead of slipping through.
 */
import type { Plugin } from 'vite';

interface Cut {
  file: RegExp;
  find: string | RegExp;
  replace: string;
  /** How many times it must be found in the file. */
  times: number;
}

const GONE = 'Promise.reject(new Error("still-there: pdf.js may not import code here"))';

const CUTS: Cut[] = [
  {
    file: /pdfjs-dist\/legacy\/build\/pdf(\.worker)?\.mjs$/,
    find: `Function('return require("' + name + '")')()`,
    replace: 'undefined',
    times: 1,
  },
  {
    file: /pdfjs-dist\/legacy\/build\/pdf(\.worker)?\.mjs$/,
    find: "Function('return this')()",
    replace: 'globalThis',
    times: 1,
  },
  {
    file: /pdfjs-dist\/legacy\/build\/pdf\.mjs$/,
    find: /await import\(\s*\/\*webpackIgnore: true\*\/\s*\/\*@vite-ignore\*\/\s*this\.workerSrc\)/,
    replace: `await ${GONE}`,
    times: 1,
  },
  {
    file: /pdfjs-dist\/legacy\/build\/pdf\.worker\.mjs$/,
    find: /await import\(\s*\/\*webpackIgnore: true\*\/\s*\/\*@vite-ignore\*\/\s*path\)/g,
    replace: `await ${GONE}`,
    times: 2,
  },
];

export function pdfjsForExtensionPages(): Plugin {
  return {
    name: 'still-there:pdfjs-for-extension-pages',
    enforce: 'pre',
    transform(code, id) {
      // The module itself, not Vite's wrappers of it (its ?worker&url stub).
      if (id.includes('?')) return null;
      const file = id;
      const cuts = CUTS.filter((c) => c.file.test(file));
      if (cuts.length === 0) return null;
      let out = code;
      for (const cut of cuts) {
        const found =
          typeof cut.find === 'string'
            ? out.split(cut.find).length - 1
            : (out.match(new RegExp(cut.find.source, 'g')) ?? []).length;
        if (found !== cut.times)
          throw new Error(`pdfjs-vite-plugin: expected ${cut.times} of ${String(cut.find)} in ${file}, found ${found}`);
        out =
          typeof cut.find === 'string'
            ? out.split(cut.find).join(cut.replace)
            : out.replace(new RegExp(cut.find.source, 'g'), cut.replace);
      }
      return { code: out, map: null };
    },
  };
}
