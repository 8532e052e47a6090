// Issue 4, topic explorer: 500 topics published by mosquitto_pub appear in
// the tree with the right counts (and only the rows in view are drawn); a
// highlight filter marks exactly the topics it matches.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { connect, openApp, subscribe, waitForStatus } from './lib/app.mjs';
import { openTab, publishMany, renderedRows, topicTree } from './lib/explorer.mjs';
import { withApp } from './lib/fixture.mjs';
import { uniqueTag, waitFor } from './lib/util.mjs';

async function connected(page, broker, filter) {
  await openApp(page);
  await connect(page, { url: broker.wsUrl });
  await waitForStatus(page, 'Connected');
  const subscribing = broker.mark();
  await subscribe(page, filter, 0);
  await broker.waitForLog(/Sending SUBACK to /, { from: subscribing });
  await openTab(page, 'Topics');
}

test('500 topics from mosquitto_pub appear in the tree with their counts', { timeout: 120_000 }, () =>
  withApp({}, async ({ broker, page }) => {
    const tag = uniqueTag('load');
    await connected(page, broker, 'load/#');
    const messages = [];
    for (let r = 0; r < 25; r++) {
      for (let s = 0; s < 20; s++) messages.push([`load/${tag}/room${r}/sensor${s}`, String(r * 100 + s)]);
    }
    // One topic twice: its own count is 2.
    messages.push([`load/${tag}/room0/sensor0`, '999']);
    await publishMany(broker, messages);

    const summary = page.locator('.explorer-summary');
    await waitFor('the explorer to count 500 topics and 501 messages', async () =>
      /\b500\b/.test(await summary.innerText()) && /\b501\b/.test(await summary.innerText()), {
      timeoutMs: 20_000,
      describe: async () => `summary: ${await summary.innerText()}`,
    });

    const root = topicTree(page).getByRole('treeitem', { name: 'load', exact: true });
    assert.equal(await root.getAttribute('aria-level'), '1');
    assert.equal(await root.getAttribute('aria-expanded'), 'false');
    assert.match(await root.innerText(), /0 \/ 501/);

    await page.getByRole('button', { name: 'Expand all', exact: true }).click();
    await waitFor('room0 to show', async () =>
      (await topicTree(page).getByRole('treeitem', { name: 'room0', exact: true }).count()) === 1);
    const rows = await renderedRows(page);
    const byName = Object.fromEntries(rows.map((r) => [r.path, r]));
    assert.equal(byName[`load/${tag}`].counts, '0 / 501');
    assert.equal(byName[`load/${tag}/room0`].counts, '0 / 21');
    assert.equal(byName[`load/${tag}/room0`].level, 3);
    assert.equal(byName[`load/${tag}/room0/sensor0`].counts, '2 / 2');
    assert.equal(byName[`load/${tag}/room0/sensor0`].level, 4);
    assert.match(byName[`load/${tag}/room0/sensor0`].text, /999/, 'the last payload is previewed');
    // 2 + 25 + 500 rows are visible, but only a window of them is drawn.
    assert.ok(rows.length < 80, `${rows.length} rows drawn for 527`);

    // Scrolling to the end draws the last row (levels sort by name, so
    // room9/sensor9 comes last).
    await page.locator('.topic-tree-viewport').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await waitFor('the last sensor to be drawn', async () =>
      (await renderedRows(page)).some((r) => r.path === `load/${tag}/room9/sensor9`));
    const last = (await renderedRows(page)).find((r) => r.path === `load/${tag}/room9/sensor9`);
    assert.equal(last.counts, '1 / 1');

    // Keyboard: Home goes to the first row, Enter selects it.
    await topicTree(page).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitFor('the detail to show the selected level', async () =>
      (await page.locator('.topic-path').innerText()) === `load/${tag}`);

    // "Publish here" puts the topic in the publish form.
    await page.getByRole('button', { name: 'Publish here', exact: true }).click();
    await waitFor('the publish topic to be filled', async () =>
      (await page.getByRole('textbox', { name: 'Topic', exact: true }).inputValue()) === `load/${tag}`);
  }));

test('a highlight filter marks exactly the topics it matches', { timeout: 60_000 }, () =>
  withApp({}, async ({ broker, page }) => {
    await connected(page, broker, '#');
    const topics = [
      'home/kitchen/temperature', 'home/living/temperature', 'home/bath/temperature',
      'home/kitchen/humidity', 'home/a/b/temperature', 'office/x/temperature', 'home/temperature',
    ];
    await publishMany(broker, topics.map((t) => [t, '21.5']));
    const summary = page.locator('.explorer-summary');
    await waitFor('7 topics', async () => /\b7\b/.test(await summary.innerText()));

    await page.getByRole('textbox', { name: 'Highlight filter', exact: true }).fill('home/+/temperature');
    await page.getByRole('button', { name: 'Expand all', exact: true }).click();
    await waitFor('every row drawn', async () => (await renderedRows(page)).length >= 14);
    const marked = (await renderedRows(page)).filter((r) => r.highlighted).map((r) => r.path).sort();
    assert.deepEqual(marked, ['home/bath/temperature', 'home/kitchen/temperature', 'home/living/temperature']);
  }));
