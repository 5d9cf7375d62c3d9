/**
 * What any extension that looks at every link pays on a page on this machine: the page's text and each link's href
 * read once from an isolated world of its own (made for it over CDP), on a copy of the page no content script of ours
 * ran on, with nothing done with them. tests/e2e/budgets.test.ts prints it beside our figure so the budget can be
 * read against the machine; bench/budget-ab.ts likewise.
 */
import type { Browser } from 'puppeteer';

/** Milliseconds the reading took, and how many characters were read (to show it read the page). */
export async function readingFloor(browser: Browser, html: string): Promise<{ ms: number; read: number }> {
  // about:blank with the page written in: the same DOM, and no content script of ours has touched it.
  const page = await browser.newPage();
  await page.setContent(html);
  const cdp = await page.createCDPSession();
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'reading-floor',
    });
    const expression = `(() => {
      const t0 = performance.now();
      let read = (document.body.textContent ?? '').length;
      const links = document.links;
      for (let i = 0; i < links.length; i++) read += (links[i].getAttribute('href') ?? '').length;
      return { ms: performance.now() - t0, read };
    })()`;
    const { result } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
    });
    return result.value as { ms: number; read: number };
  } finally {
    await cdp.detach();
    await page.close();
  }
}
