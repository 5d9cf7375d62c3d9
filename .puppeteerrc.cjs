// Never download a browser at install: tests use the system's Chromium / Firefox ESR (see tests/e2e/browsers.ts).
module.exports = { skipDownload: true };
