// Scenario 5 of issue 3: the broker stops and starts again on the same
// ports. The app says "Reconnecting", then connects again by itself with its
// subscription restored (the broker kept no session: persistence is off),
// and a message mosquitto_pub publishes after the restart shows.

import { test } from 'node:test';

import { connect, openApp, subscribe, waitForEntries, waitForStatus } from './lib/app.mjs';
import { withApp } from './lib/fixture.mjs';
import { publish as mosquittoPub } from './lib/mqtt-cli.mjs';
import { sleep, uniqueTag } from './lib/util.mjs';

test('broker restart: Reconnecting, then Connected with the subscription restored', { timeout: 120_000 }, () =>
  withApp({}, async ({ broker, page }) => {
    const tag = uniqueTag('restart');
    await openApp(page);
    await connect(page, { url: broker.wsUrl });
    await waitForStatus(page, 'Connected');
    const mark = broker.mark();
    await subscribe(page, 'lab/#', 1);
    await broker.waitForLog(/Sending SUBACK to /, { from: mark });
    await mosquittoPub(broker, `lab/${tag}`, `before the restart ${tag}`, { qos: 1 });
    await waitForEntries(page, `before the restart ${tag}`);

    await broker.stop();
    await waitForStatus(page, 'Reconnecting', { timeoutMs: 15_000 });
    await sleep(1_000);
    await broker.start();

    // The backoff starts at about 1 s and doubles: a few attempts at most.
    await waitForStatus(page, 'Connected', { timeoutMs: 45_000 });
    // Resubscribed without being asked: the broker logs the new SUBACK.
    await broker.waitForLog(/Sending SUBACK to /, { timeoutMs: 10_000 });
    await mosquittoPub(broker, `lab/${tag}`, `after the restart ${tag}`, { qos: 1 });
    await waitForEntries(page, `after the restart ${tag}`);
  }));
