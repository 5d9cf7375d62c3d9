import { defineConfig } from 'wxt';

// Browser differences live here (the manifest) and, at run time, in src/background/network-log.ts (webRequest's
// extra-headers option): nowhere else.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'still-there',
    description: 'Strikes through dead links to mutual-aid resources and offers an archived copy and the group\'s new home.',
    // storage: settings and the verdict cache. webRequest: read-only, to tell a lapsed domain from a refused
    // connection in the extension's own checks. contextMenus: "Check this link". Host access to every site comes
    // from the content script, which must run on any page a clinician opens.
    permissions: ['storage', 'webRequest', 'contextMenus'],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'still-there: dead mutual-aid links on this page' },
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
          },
          // Firefox MV3's default CSP adds upgrade-insecure-requests, which silently turns every http:// check into https.
          content_security_policy: { extension_pages: "script-src 'self';" },
        }
      : {}),
  }),
});
