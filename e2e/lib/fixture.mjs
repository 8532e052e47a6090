// One scenario's surroundings: a broker of its own, a fresh Chromium, and on
// failure the browser's console errors and the broker's log appended to the
// error, so a failing run says what happened on both sides.

import { launch } from './browser.mjs';
import { startBroker } from './broker.mjs';
import { lastLines } from './util.mjs';

/**
 * Runs `fn({ broker, browser, page })` with a new broker and browser, and
 * always cleans both up. Options: `wss` (broker with the TLS + password
 * listener; the browser then accepts its self-signed certificate).
 */
export async function withApp({ wss = false } = {}, fn) {
  const broker = await startBroker({ wss });
  let browser;
  try {
    browser = await launch({ ignoreCertificateErrors: wss });
    await fn({ broker, browser, page: browser.page });
  } catch (e) {
    const extra =
      `\n--- browser console ---\n${browser ? browser.diagnostics() : '(browser did not start)'}` +
      `\n--- mosquitto log (last lines) ---\n${lastLines(broker.fullLog(), 40)}`;
    if (e instanceof Error) e.message += extra;
    throw e;
  } finally {
    if (browser) await browser.close();
    await broker.cleanup();
  }
}
