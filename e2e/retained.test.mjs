// Scenario 2 of issue 3: mosquitto_pub publishes a retained message at
// QoS 2; the app, subscribing afterwards, shows it with the retain flag. A
// live message published after the subscription shows without it.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { connect, openApp, subscribe, waitForEntries, waitForStatus } from './lib/app.mjs';
import { withApp } from './lib/fixture.mjs';
import { publish as mosquittoPub } from './lib/mqtt-cli.mjs';
import { uniqueTag } from './lib/util.mjs';

test('a retained QoS 2 message from mosquitto_pub shows with the retain flag on subscribing',
  { timeout: 60_000 }, () =>
    withApp({}, async ({ broker, page }) => {
      const tag = uniqueTag('kept');
      const keptPayload = `kept by the broker ${tag}`;
      await mosquittoPub(broker, `lab/${tag}/state`, keptPayload, { qos: 2, retain: true });

      await openApp(page);
      await connect(page, { url: broker.wsUrl });
      await waitForStatus(page, 'Connected');
      const subscribing = broker.mark();
      await subscribe(page, 'lab/#', 2);
      await broker.waitForLog(/Sending SUBACK to /, { from: subscribing });

      const [kept] = await waitForEntries(page, keptPayload, { count: 1 });
      assert.equal(kept.retain, true, `the entry shows a retain flag: ${JSON.stringify(kept.text)}`);

      const livePayload = `live after subscribing ${tag}`;
      await mosquittoPub(broker, `lab/${tag}/event`, livePayload, { qos: 2 });
      const [live] = await waitForEntries(page, livePayload, { count: 1 });
      assert.equal(live.retain, false, `a live message shows no retain flag: ${JSON.stringify(live.text)}`);
    }));
