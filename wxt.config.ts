import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { pdfjsForExtensionPages } from './scripts/pdfjs-vite-plugin.ts';

// Browser differences live here (the manifest) and, at run time, in src/background/network-log.ts (webRequest's
// extra-headers option): nowhere else.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The popup must be ready in 100 ms (issue 4): it runs one classic script, entrypoints/popup-script.ts, and no
  // module. WXT adds a module script to every page's <head> to start its runtime plugins; the popup's own script
  // starts them already (WXT's unlisted-script wrapper), so there it would only be one more file to fetch.
  // STILL_THERE_UNMINIFIED=1: readable function names for bench/page-profile.ts's CPU profiles.
  vite: () => ({
    plugins: [popupWithoutModuleScript(), pdfjsForExtensionPages()],
    // pdf.js's worker, built as a module worker of its own (src/audit/pdf-reading.ts), cut as the page's pdf.js is.
    worker: { format: 'es', plugins: () => [pdfjsForExtensionPages()] },
    build: {
      ...(process.env.STILL_THERE_UNMINIFIED ? { minify: false } : {}),
      // tldts's Public Suffix List builds its lookup tables when loaded, and that code has no other effect; the
      // bundler cannot know so and keeps it wherever a module that imports tldts is bundled, even with no tldts
      // function called: about 200 kB evaluated on every page the content script runs in.
      rolldownOptions: {
        treeshake: { moduleSideEffects: [{ test: /[\\/]node_modules[\\/]tldts/, sideEffects: false }] },
      },
    },
  }),
  // Store packages (`npm run zip`): .output/still-there-<version>-{chrome,edge,firefox}.zip, plus, for Firefox only,
  // -sources.zip, which AMO reviewers need because the code is bundled (tests/integration/packages.test.ts).
  zip: {
    artifactTemplate: '{{name}}-{{packageVersion}}-{{browser}}{{modeSuffix}}.zip',
    sourcesTemplate: '{{name}}-{{packageVersion}}-sources{{modeSuffix}}.zip',
    // An allow-list, so nothing lands in the reviewers' copy by accident (tests, fixtures' keys, bench results,
    // the demo, local tools): just what `npm ci && npx wxt zip -b firefox --mv3` needs, WXT's conventional
    // folders included so that a new one is not silently left out. Dot files are never included (dotSources).
    includeSources: [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'README.md',
      'LICENSE*',
      'entrypoints/**',
      'src/**',
      'public/**',
      'assets/**',
      'components/**',
      'composables/**',
      'hooks/**',
      'modules/**',
      'utils/**',
      'locales/**',
      // npm run generate: what wrote src/directory/quick-cues.generated.ts, so a reviewer can regenerate and compare.
      'scripts/**',
    ],
    // Added to WXT's own (node_modules, *.test.* / *.spec.* files, the output folder).
    excludeSources: ['**/*.pem', '**/*.key', '**/*.crt', '**/*.log', '**/stats.html'],
  },
  manifest: ({ browser }) => ({
    // Every text a person reads is in public/_locales/<language>/messages.json (English and Spanish): the browser
    // shows the one for its UI language, English otherwise.
    default_locale: 'en',
    name: '__MSG_name__',
    description: '__MSG_description__',
    // storage: settings and the verdict cache. webRequest: read-only, to tell a lapsed domain from a refused
    // connection in the extension's own checks. contextMenus: "Check this link". alarms: fetch the subscribed
    // verdict feeds every few hours (no warning at install). Host access to every site comes from the content
    // script, which must run on any page a clinician opens. Keeping our own requests out of private networks before
    // they are sent (src/background/private-network.ts): Chromium blocks them by declarativeNetRequest rules (the
    // host-access variant, no warning of its own); Firefox resolves each hop's name (dns) and cancels it (blocking).
    permissions: [
      'storage',
      'webRequest',
      'contextMenus',
      'scripting',
      'alarms',
      ...(browser === 'firefox' ? ['dns', 'webRequestBlocking'] : ['declarativeNetRequestWithHostAccess']),
    ],
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_action_title__' },
    // The marks' stylesheet, in every page, however the marker comes. The script every page runs (the first look,
    // entrypoints/page-look.ts) is not listed here: the background registers it to follow the settings, leaving out
    // the sites turned off (src/background/page-script.ts).
    content_scripts: [{ matches: ['<all_urls>'], css: ['assets/page-marker.css'], run_at: 'document_idle' }],
    // What IT may preset by policy (src/settings.ts, MANAGEABLE). Chrome and Edge need the schema to hand the policy
    // to storage.managed; Firefox reads its enterprise policies' "3rdparty" section with no schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'still-there@still-there.org',
              // 140 is the first ESR that reads data_collection_permissions; earlier ones would ignore the declaration.
              strict_min_version: '140.0',
              // Nothing is collected: checks go to the linked sites and the Internet Archive, and no page address is kept.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142; without this key its minimum would
            // be the desktop one (140), which web-ext lint rightly flags.
            gecko_android: { strict_min_version: '142.0' },
          },
          // Firefox MV3's default CSP adds upgrade-insecure-requests, which silently turns every http:// check into https.
          content_security_policy: { extension_pages: "script-src 'self';" },
        }
      : {}),
  }),
});

/** Drops the module <script> WXT adds to the popup's <head> (see `vite` above), and only that one; other pages keep theirs. */
function popupWithoutModuleScript(): Plugin {
  return {
    name: 'still-there:popup-without-module-script',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) =>
        ctx.path.endsWith('/popup/index.html')
          ? html.replace(/\s*<script type="module"[^>]*wxt-html-plugins[^>]*><\/script>/, '')
          : html,
    },
  };
}
