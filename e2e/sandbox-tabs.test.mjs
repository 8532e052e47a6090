// Issue 6: the tabs of one browser share one sandbox broker, so a publisher
// in one tab reaches a subscriber in another, both ways; when the tab that
// runs the broker closes, another takes over.

import { test } from 'node:test';

import { controls, openApp, publish, subscribe, waitForEntries, waitForStatus } from './lib/app.mjs';
import { launch } from './lib/browser.mjs';
import { uniqueTag } from './lib/util.mjs';

test('two tabs exchange messages through the shared sandbox', { timeout: 60_000 }, async () => {
  const browser = await launch();
  try {
    const first = browser.page;
    const second = await browser.context.newPage();
    for (const page of [first, second]) {
      await openApp(page);
      await controls(page).connect.click();
      await waitForStatus(page, 'Connected');
    }
    const tag = uniqueTag('tabs');
    await subscribe(second, `tabs/${tag}/#`, 1);
    await subscribe(first, `tabs/${tag}/#`, 1);
    await publish(first, { topic: `tabs/${tag}/from-first`, payload: `hello from the first tab ${tag}`, qos: 1 });
    await waitForEntries(second, `hello from the first tab ${tag}`, { count: 1 });
    await publish(second, { topic: `tabs/${tag}/from-second`, payload: `and back from the second ${tag}`, qos: 2 });
    await waitForEntries(first, `and back from the second ${tag}`, { count: 1 });

    // The tab running the broker closes: the other takes over with a fresh
    // sandbox, reconnects by itself, and its subscription comes back.
    await first.close();
    await waitForStatus(second, 'Reconnecting', { timeoutMs: 20_000 });
    await waitForStatus(second, 'Connected', { timeoutMs: 20_000 });
    // The fresh broker has no session for it: its SUBSCRIBE goes again
    // right after CONNACK; give the SUBACK a moment.
    await second.waitForTimeout(1_000);
    const third = await browser.context.newPage();
    await openApp(third);
    await controls(third).connect.click();
    await waitForStatus(third, 'Connected');
    await publish(third, { topic: `tabs/${tag}/after`, payload: `after the first tab closed ${tag}`, qos: 1 });
    await waitForEntries(second, `after the first tab closed ${tag}`, { count: 1, timeoutMs: 20_000 });
  } catch (e) {
    if (e instanceof Error) e.message += `\n--- browser console ---\n${browser.diagnostics()}`;
    throw e;
  } finally {
    await browser.close();
  }
});
