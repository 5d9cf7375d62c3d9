import { defineConfig } from 'wxt';

// Browser differences live here (manifest) and in src/platform.ts (runtime), nowhere else.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'still-there',
    description: 'Strikes through dead links to mutual-aid resources and offers an archived copy and the group\'s new home.',
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'still-there@still-there.org' } },
          // Firefox MV3's default CSP adds upgrade-insecure-requests, which silently turns every http:// check into https.
          content_security_policy: { extension_pages: "script-src 'self';" },
        }
      : {}),
  }),
});
