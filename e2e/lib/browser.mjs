// Debian's Chromium driven by playwright-core: a persistent context on a
// fresh profile folder (Playwright's `launch()` refuses --user-data-dir), with
// the flags that keep Chromium off the network this machine does not have.

import { rm } from 'node:fs/promises';
import { chromium } from 'playwright-core';

import { tempDir } from './util.mjs';

export const CHROMIUM = process.env.MQTTLAB_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Launches Chromium. `ignoreCertificateErrors` accepts the test broker's
 * self-signed certificate (a real browser must trust the broker's
 * certificate instead). Returns `{ context, page, diagnostics(), close() }`;
 * `diagnostics()` is the page's console errors and uncaught exceptions, for
 * failure messages.
 */
export async function launch({ ignoreCertificateErrors = false, locale = 'en-US', viewport } = {}) {
  const profile = await tempDir('chromium');
  const args = [...ARGS];
  if (ignoreCertificateErrors) args.push('--ignore-certificate-errors');
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args,
      locale,
      viewport: viewport ?? { width: 1280, height: 900 },
    });
  } catch (e) {
    await rm(profile, { recursive: true, force: true });
    throw new Error(`cannot start ${CHROMIUM} (Debian: apt-get install chromium): ${e.message}`);
  }
  context.setDefaultTimeout(10_000);
  const log = [];
  const watch = (page) => {
    page.on('console', (m) => {
      // Failed loads are logged with their URL below instead.
      if (m.text().startsWith('Failed to load resource')) return;
      if (m.type() === 'error' || m.type() === 'warning') log.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => log.push(`uncaught: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) log.push(`HTTP ${r.status()} ${r.url()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    diagnostics: () => (log.length ? log.join('\n') : '(no console errors)'),
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}
