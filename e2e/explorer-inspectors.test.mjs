// Issue 4, retained and packet inspectors: a retained message shows in
// region "Retained messages" after a scan, and clearing it (after the
// in-page confirmation) leaves nothing for a new subscriber; a QoS 2
// publish shows PUBLISH, PUBREC, PUBREL, PUBCOMP in region "Packets" with
// the right bytes.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { connect, openApp, publish, waitForStatus } from './lib/app.mjs';
import { openTab } from './lib/explorer.mjs';
import { withApp } from './lib/fixture.mjs';
import { publish as mosquittoPub, subscribe as mosquittoSub } from './lib/mqtt-cli.mjs';
import { sleep, uniqueTag, waitFor } from './lib/util.mjs';

test('a retained message shows in the retained inspector; clearing it leaves nothing for a new subscriber',
  { timeout: 60_000 }, () =>
    withApp({}, async ({ broker, page }) => {
      const tag = uniqueTag('kept');
      const topic = `lab/${tag}/state`;
      await mosquittoPub(broker, topic, `kept ${tag}`, { qos: 1, retain: true });

      await openApp(page);
      await connect(page, { url: broker.wsUrl });
      await waitForStatus(page, 'Connected');
      await openTab(page, 'Retained');
      const region = page.getByRole('region', { name: 'Retained messages', exact: true });
      await region.getByRole('textbox', { name: 'Scan filter', exact: true }).fill(`lab/${tag}/#`);
      await region.getByRole('button', { name: 'Scan for retained messages', exact: true }).click();
      const row = region.getByRole('row').filter({ hasText: topic });
      await waitFor('the retained message in the list', async () => (await row.count()) === 1, {
        describe: async () => `region shows: ${await region.innerText()}`,
      });
      assert.match(await row.innerText(), new RegExp(`kept ${tag}`));

      await row.getByRole('button', { name: `Clear ${topic}`, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Clear retained messages?', exact: true });
      await dialog.waitFor();
      assert.match(await dialog.innerText(), new RegExp(topic));
      const clearing = broker.mark();
      await dialog.getByRole('button', { name: 'Clear', exact: true }).click();
      await broker.waitForLog(new RegExp(`Received PUBLISH from \\S+ \\(d0, q1, r1, m\\d+, '${topic}', \\.\\.\\. \\(0 bytes\\)\\)`),
        { from: clearing });
      await waitFor('the row to go', async () => (await row.count()) === 0);

      // A new subscriber gets no retained message on that topic.
      const sub = await mosquittoSub(broker, topic, { qos: 1 });
      try {
        await sleep(1_000);
        assert.deepEqual(sub.messages, [], 'nothing retained is left');
      } finally {
        await sub.stop();
      }
    }));

test('a QoS 2 publish shows PUBLISH, PUBREC, PUBREL, PUBCOMP with their bytes in the packet inspector',
  { timeout: 60_000 }, () =>
    withApp({}, async ({ broker, page }) => {
      const tag = uniqueTag('q2');
      await openApp(page);
      await connect(page, { url: broker.wsUrl });
      await waitForStatus(page, 'Connected');
      await publish(page, { topic: `lab/${tag}/x`, payload: 'two', qos: 2 });

      // The exchange beside the publish form.
      const wire = page.locator('.publish-exchange');
      await waitFor('the exchange to complete', async () => /complete/.test(await wire.innerText()), {
        describe: async () => `exchange shows: ${await wire.innerText().catch(() => '(none)')}`,
      });
      assert.match(await wire.innerText(), /PUBLISH[\s\S]*PUBREC[\s\S]*PUBREL[\s\S]*PUBCOMP/);

      await openTab(page, 'Packets');
      const region = page.getByRole('region', { name: 'Packets', exact: true });
      const rows = await region.locator('tbody tr').evaluateAll((trs) => trs.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())));
      // Newest first: PUBCOMP ← PUBREL → PUBREC ← PUBLISH →.
      const seen = rows.map((r) => `${r[0].replace(/^\S+\s*/, '')} ${r[1].split(/\s/)[0]}`);
      const i = seen.indexOf('received PUBCOMP');
      assert.ok(i >= 0, `a PUBCOMP in ${JSON.stringify(seen)}`);
      assert.deepEqual(seen.slice(i, i + 4), ['received PUBCOMP', 'sent PUBREL', 'received PUBREC', 'sent PUBLISH']);
      const id = rows[i][4];
      assert.match(id, /^\d+$/, 'the packet id is shown');
      for (const k of [i + 1, i + 2, i + 3]) assert.equal(rows[k][4], id, 'one packet id through the exchange');
      const idBytes = [(Number(id) >> 8) & 0xff, Number(id) & 0xff].map((b) => b.toString(16).toUpperCase().padStart(2, '0'));

      const bytesOf = async (name) => {
        await region.getByRole('button', { name, exact: true }).first().click();
        const hex = region.locator('.hex-view');
        await waitFor(`${name}'s bytes`, async () => (await hex.count()) === 1);
        return (await hex.locator('.hex-byte').allInnerTexts()).join(' ');
      };
      assert.equal(await bytesOf('PUBREL'), ['62', '02', ...idBytes].join(' '));
      assert.match(await bytesOf('PUBREC'), new RegExp(`^50 0[23] ${idBytes.join(' ')}`));
      assert.match(await bytesOf('PUBCOMP'), new RegExp(`^70 0[23] ${idBytes.join(' ')}`));
      const publishBytes = await bytesOf('PUBLISH');
      assert.match(publishBytes, /^34 /, 'PUBLISH at QoS 2: type 3, flags 0100');
      // Each field is explained.
      const fields = await region.locator('.field-table tbody th').allInnerTexts();
      assert.ok(fields.length >= 3, `fields explained: ${JSON.stringify(fields)}`);
    }));
