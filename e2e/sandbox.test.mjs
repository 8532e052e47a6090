// Issue 6 (first part): a fresh page with no broker configured connects to
// the sandbox broker inside the page, publishes and subscribes, and keeps
// working with the network switched off.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { controls, openApp, publish, subscribe, waitForEntries, waitForStatus } from './lib/app.mjs';
import { launch } from './lib/browser.mjs';
import { uniqueTag } from './lib/util.mjs';

test('first visit: the sandbox preset connects at once and works offline', { timeout: 60_000 }, async () => {
  const browser = await launch();
  try {
    const { page, context } = browser;
    await openApp(page);
    const c = controls(page);
    assert.equal(await c.brokerUrl.inputValue(), 'sandbox://in-browser', 'the default broker is the sandbox');
    await c.connect.click();
    await waitForStatus(page, 'Connected');

    await subscribe(page, 'lab/#', 2);
    const tag = uniqueTag('sandbox');
    for (const qos of [0, 1, 2]) {
      await publish(page, { topic: `lab/${tag}/q${qos}`, payload: `in the page at qos ${qos} ${tag}`, qos });
      await waitForEntries(page, `in the page at qos ${qos} ${tag}`, { count: 1 });
    }

    // No network at all: the sandbox does not need it.
    await context.setOffline(true);
    const offline = `while offline ${tag}`;
    await publish(page, { topic: `lab/${tag}/offline`, payload: offline, qos: 1, retain: true });
    await waitForEntries(page, offline, { count: 1 });
    assert.match(await page.getByRole('status').innerText(), /^Connected/);
  } catch (e) {
    if (e instanceof Error) e.message += `\n--- browser console ---\n${browser.diagnostics()}`;
    throw e;
  } finally {
    await browser.close();
  }
});
