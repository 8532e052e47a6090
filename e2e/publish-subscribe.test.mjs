// Scenario 1 of issue 3: connect with MQTT 3.1.1 and 5.0, subscribe to
// lab/#, publish from the app at QoS 0, 1 and 2. Each message shows once in
// the app's log, and mosquitto_sub receives each at its QoS.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  connect, controls, openApp, publish, statistic, subscribe, waitForEntries, waitForStatus,
} from './lib/app.mjs';
import { withApp } from './lib/fixture.mjs';
import { subscribe as mosquittoSub } from './lib/mqtt-cli.mjs';
import { sleep, uniqueTag } from './lib/util.mjs';

for (const version of ['3.1.1', '5.0']) {
  test(`MQTT ${version}: publish at QoS 0, 1, 2 to lab/#; each shows once and reaches mosquitto_sub`,
    { timeout: 90_000 }, () =>
      withApp({}, async ({ broker, page }) => {
        await openApp(page);
        const outside = await mosquittoSub(broker, 'lab/#', { qos: 2 });
        try {
          const connecting = broker.mark();
          await connect(page, { url: broker.wsUrl, version });
          await waitForStatus(page, 'Connected');
          // mosquitto logs the protocol: p2 is 3.1.1, p5 is 5.0.
          const [, level] = await broker.waitForLog(/New client connected from 127\.0\.0\.1:\d+ as \S+ \(p(\d)/,
            { from: connecting });
          assert.equal(level, version === '3.1.1' ? '2' : '5', 'the app connected with the chosen version');

          const subscribing = broker.mark();
          await subscribe(page, 'lab/#', 2);
          await broker.waitForLog(/Sending SUBACK to /, { from: subscribing });

          const tag = uniqueTag(version === '3.1.1' ? 'v311' : 'v5');
          const sent = [0, 1, 2].map((qos) => ({
            topic: `lab/e2e/${tag}/qos${qos}`,
            payload: `hello at QoS ${qos} from ${tag}`,
            qos,
          }));
          for (const m of sent) {
            await publish(page, m);
            // One publish at a time, as a person would.
            await sleep(200);
          }

          for (const m of sent) await waitForEntries(page, m.payload, { count: 1 });

          const received = await outside.waitForCount(3);
          await sleep(300);
          assert.equal(outside.messages.length, 3, `mosquitto_sub got: ${JSON.stringify(outside.messages)}`);
          for (const m of sent) {
            const got = received.filter((r) => r.topic === m.topic);
            assert.equal(got.length, 1, `${m.topic} reaches mosquitto_sub once`);
            assert.equal(got[0].payload, m.payload);
            assert.equal(got[0].qos, m.qos, `${m.topic} arrives at QoS ${m.qos}`);
            assert.equal(got[0].retain, false);
          }

          assert.match(await controls(page).statistics.innerText(), /Messages received/);
          const receivedCount = await statistic(page, 'Messages received');
          assert.ok(receivedCount >= 3, `Statistics: Messages received = ${receivedCount}`);
        } finally {
          await outside.stop();
        }
      }));
}
