// The message log draws only the rows in view: with more messages than fit,
// the page holds a bounded number of entries, newest first; a row's button
// shows the whole payload (pretty JSON) and says so with aria-expanded, by
// keyboard as well as by mouse.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { connect, controls, openApp, statistic, subscribe, waitForEntries, waitForStatus } from './lib/app.mjs';
import { withApp } from './lib/fixture.mjs';
import { publish as mosquittoPub } from './lib/mqtt-cli.mjs';
import { uniqueTag, waitFor } from './lib/util.mjs';

const COUNT = 60;

test('60 messages: a bounded number of entries in the page, newest first; a row expands to the whole payload',
  { timeout: 90_000 }, () =>
    withApp({}, async ({ broker, page }) => {
      await openApp(page);
      await connect(page, { url: broker.wsUrl });
      await waitForStatus(page, 'Connected');
      const subscribing = broker.mark();
      await subscribe(page, 'lab/#', 0);
      await broker.waitForLog(/Sending SUBACK to /, { from: subscribing });

      const tag = uniqueTag('win');
      for (let i = 0; i < COUNT; i++) {
        await mosquittoPub(broker, `lab/${tag}/n${i}`, `{"n": ${i}, "tag": "${tag}"}`);
      }
      await waitFor(`${COUNT} messages received`,
        async () => (await statistic(page, 'Messages received')) >= COUNT, { timeoutMs: 20_000 });

      const region = controls(page).messages;
      const topics = await region.locator('li').evaluateAll((items) =>
        items.map((li) => li.innerText.split('\n')[0]).filter(Boolean));
      assert.ok(topics.length > 3 && topics.length < COUNT,
        `some but not all ${COUNT} entries are in the page: ${topics.length}`);
      assert.equal(topics[0], `lab/${tag}/n${COUNT - 1}`, 'the newest entry comes first');
      assert.equal(topics[1], `lab/${tag}/n${COUNT - 2}`);
      await waitForEntries(page, `"n": ${COUNT - 1},`, { count: 1 });

      const show = region.getByRole('button', { name: 'Show the whole payload', exact: true }).first();
      assert.equal(await show.getAttribute('aria-expanded'), 'false');
      await show.focus();
      await page.keyboard.press('Enter');
      const hide = region.getByRole('button', { name: 'Hide the whole payload', exact: true });
      await waitFor('the row to expand', async () => (await hide.count()) === 1, { timeoutMs: 5_000 });
      assert.equal(await hide.getAttribute('aria-expanded'), 'true');
      const detail = page.locator(`#${await hide.getAttribute('aria-controls')}`);
      assert.equal(await detail.innerText(), `{\n  "n": ${COUNT - 1},\n  "tag": "${tag}"\n}`,
        'the whole payload as pretty JSON');
      await hide.click();
      await waitFor('the row to collapse', async () => (await hide.count()) === 0, { timeoutMs: 5_000 });
    }));
