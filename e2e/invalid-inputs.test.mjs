// Scenario 4 of issue 3: invalid inputs get a specific message and send
// nothing, and the session still works afterwards.
//   - a bad broker URL: no connection attempt reaches the broker;
//   - topic filter a/#/b ("#" must be the last level): no SUBSCRIBE;
//   - a wildcard in a publish topic, and an empty topic: no PUBLISH
//     (mosquitto_sub on # sees only the valid message sent at the end).
// "A message" is text the control's aria-describedby points to, or a
// role=alert, that was not there before the input (so a hint shown all
// along does not count); a form may also refuse by disabling its button.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  clickIfEnabled, connect, connectionStatus, controls, openApp, problemLines, setQos, subscribe,
  waitForEntries, waitForProblem, waitForStatus,
} from './lib/app.mjs';
import { withApp } from './lib/fixture.mjs';
import { subscribe as mosquittoSub } from './lib/mqtt-cli.mjs';
import { sleep, uniqueTag } from './lib/util.mjs';

test('invalid URL, filter and topics: a specific message, nothing sent, the session still works',
  { timeout: 90_000 }, () =>
    withApp({}, async ({ broker, page }) => {
      const c = controls(page);
      await openApp(page);
      const outside = await mosquittoSub(broker, '#', { qos: 2 });
      try {
        // A bad broker URL: refused before any attempt.
        const before = broker.mark();
        let since = await problemLines(page, c.brokerUrl);
        await c.brokerUrl.fill(`http//127.0.0.1:${broker.ports.ws}`);
        await clickIfEnabled(c.connect);
        await waitForProblem(page, c.brokerUrl, /ws:\/\/|wss:\/\/|URL/i, 'the bad broker URL', { since });
        await sleep(500);
        const status = await connectionStatus(page);
        assert.ok(!/^(Connected|Connecting)/.test(status ?? ''), `status after a bad URL: ${status}`);
        assert.doesNotMatch(broker.log.slice(before), /New client connected|New connection from 127\.0\.0\.1:\d+ on port/,
          'no connection reached the broker');

        await connect(page, { url: broker.wsUrl });
        await waitForStatus(page, 'Connected');

        // Topic filter with "#" not last.
        const subscribing = broker.mark();
        since = await problemLines(page, c.topicFilter);
        await c.topicFilter.fill('a/#/b');
        await setQos(page, 'Subscribe', 1);
        await clickIfEnabled(c.subscribe);
        await waitForProblem(page, c.topicFilter, /#/, 'the filter a/#/b', { since });
        await sleep(500);
        assert.doesNotMatch(broker.log.slice(subscribing), /Received SUBSCRIBE/, 'no SUBSCRIBE was sent');

        // Wildcards in a publish topic, then an empty topic.
        for (const [topic, pattern, what] of [
          ['lab/+/bad', /wildcard|\+/i, 'a wildcard in the publish topic'],
          ['lab/#', /wildcard|#/i, 'a # in the publish topic'],
          ['', /empty|required|enter a topic|must not be blank/i, 'an empty publish topic'],
        ]) {
          since = await problemLines(page, c.topic);
          await c.topic.fill(topic);
          await c.payload.fill(`must not be sent (${what})`);
          await clickIfEnabled(c.publish);
          await waitForProblem(page, c.topic, pattern, what, { since });
        }

        // The session still works: a valid subscribe and publish go through.
        const tag = uniqueTag('valid');
        await subscribe(page, 'lab/#', 1);
        await c.topic.fill(`lab/${tag}`);
        await c.payload.fill(`valid after the errors ${tag}`);
        await setQos(page, 'Publish', 1);
        await c.publish.click();
        await waitForEntries(page, `valid after the errors ${tag}`, { count: 1 });
        await outside.waitForCount(1);
        await sleep(300);
        assert.deepEqual(outside.messages.map((m) => m.topic), [`lab/${tag}`],
          'mosquitto_sub on # saw only the valid message');
        assert.match(await connectionStatus(page), /^Connected/);
        assert.doesNotMatch(broker.log, /Client \S+ disconnected due to (malformed|protocol error)/i);
      } finally {
        await outside.stop();
      }
    }));
