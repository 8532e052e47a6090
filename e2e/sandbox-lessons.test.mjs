// Issue 6: the Last Will and retained-message exercises work on the sandbox
// with the network switched off: a board's window with a Will closes
// without DISCONNECT and the phone's window gets the Will; a retained
// status reaches a brand-new subscriber at once.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { controls, openApp, publish, subscribe, waitForEntries, waitForStatus } from './lib/app.mjs';
import { launch } from './lib/browser.mjs';
import { uniqueTag } from './lib/util.mjs';

test('offline: the Will of a closed tab and a retained status, on the shared sandbox', { timeout: 60_000 }, async () => {
  const browser = await launch();
  try {
    const { context } = browser;
    const tag = uniqueTag('lesson');
    const phone = browser.page;
    const board = await context.newPage();
    const late = await context.newPage();
    // The pages load first (nothing caches them yet); then the network goes.
    for (const page of [phone, board, late]) await openApp(page);
    await context.setOffline(true);
    await controls(phone).connect.click();
    await waitForStatus(phone, 'Connected');
    await subscribe(phone, `home/${tag}/#`, 1);

    // The board: a window of its own, with a Will on its status topic.
    await board.getByText('Advanced settings').click();
    await board.getByRole('checkbox', { name: 'Set a Last Will' }).check();
    await board.getByRole('textbox', { name: 'Will topic', exact: true }).fill(`home/${tag}/board/status`);
    await board.getByRole('textbox', { name: 'Will message', exact: true }).fill('offline');
    await controls(board).connect.click();
    await waitForStatus(board, 'Connected');
    await publish(board, { topic: `home/${tag}/board/status`, payload: 'online', qos: 1, retain: true });
    await waitForEntries(phone, 'online', { count: 1 });

    // Pull the plug: the window closes without DISCONNECT.
    await board.close();
    const [will] = await waitForEntries(phone, 'offline', { count: 1 });
    assert.match(will.text, new RegExp(`home/${tag}/board/status`));

    // A brand-new subscriber gets the retained status at once.
    await controls(late).connect.click();
    await waitForStatus(late, 'Connected');
    await subscribe(late, `home/${tag}/board/status`, 1);
    const [kept] = await waitForEntries(late, 'online', { count: 1 });
    assert.equal(kept.retain, true, `shown as retained: ${JSON.stringify(kept.text)}`);
  } catch (e) {
    if (e instanceof Error) e.message += `\n--- browser console ---\n${browser.diagnostics()}`;
    throw e;
  } finally {
    await browser.close();
  }
});
