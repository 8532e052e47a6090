// Scenario 3 of issue 3, the HiveMQ Cloud path: wss:// with a self-signed
// certificate (this test's Chromium accepts it; a person's browser must
// trust the broker's certificate) and username/password. A wrong password
// fails with the not-authorized reason; the right one connects.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { connect, connectionStatus, controls, openApp, waitForStatus } from './lib/app.mjs';
import { WSS_PASSWORD, WSS_USER } from './lib/broker.mjs';
import { withApp } from './lib/fixture.mjs';

// 3.1.1 return code 5 "Not authorized"; 5.0 reason 0x86 "Bad User Name or
// Password" or 0x87 "Not authorized".
const REFUSED = /not authori[sz]ed|bad user ?name or password/i;

for (const version of ['3.1.1', '5.0']) {
  test(`MQTT ${version} over wss://: wrong password → Failed (not authorized), right one → Connected`,
    { timeout: 60_000 }, () =>
      withApp({ wss: true }, async ({ broker, page }) => {
        await openApp(page);

        await connect(page, { url: broker.wssUrl, version, username: WSS_USER, password: 'not the password' });
        const failed = await waitForStatus(page, 'Failed');
        const shown = [failed, ...(await page.getByRole('alert').allInnerTexts())].join('\n');
        assert.match(shown, REFUSED, 'the status (or an alert) gives the broker\'s reason');
        // A refusal is final: no automatic retry.
        await page.waitForTimeout(1_500);
        assert.match(await connectionStatus(page), /^Failed/);

        const c = controls(page);
        await c.password.fill(WSS_PASSWORD);
        await c.connect.click();
        await waitForStatus(page, 'Connected');
      }));
}
