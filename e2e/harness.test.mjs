// Checks the end-to-end harness itself, without the app: the test broker's
// ws and wss listeners (self-signed certificate, password file) as Chromium
// sees them, the mosquitto_sub / mosquitto_pub wrappers, a restart on the
// same ports, and the page helpers on a small stand-in page. When a scenario
// test fails, this file tells whether the harness or the app is at fault.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  connectionStatus,
  messageEntries,
  problemText,
  setQos,
  statistic,
  waitForStatus,
} from './lib/app.mjs';
import { launch } from './lib/browser.mjs';
import { startBroker, WSS_PASSWORD, WSS_USER } from './lib/broker.mjs';
import { publish, subscribe } from './lib/mqtt-cli.mjs';
import { uniqueTag } from './lib/util.mjs';

/** A CONNECT packet: clean session, keep alive 60, optional credentials. */
function connectPacket({ version = 4, clientId, username, password }) {
  const str = (s) => {
    const b = Buffer.from(s, 'utf8');
    return [b.length >> 8, b.length & 0xff, ...b];
  };
  let flags = 0x02;
  if (username !== undefined) flags |= 0x80;
  if (password !== undefined) flags |= 0x40;
  const variable = [...str('MQTT'), version, flags, 0, 60, ...(version === 5 ? [0] : [])];
  const payload = [...str(clientId)];
  if (username !== undefined) payload.push(...str(username));
  if (password !== undefined) payload.push(...str(password));
  const rest = [...variable, ...payload];
  assert.ok(rest.length < 128, 'one-byte remaining length');
  return [0x10, rest.length, ...rest];
}

/**
 * Opens a WebSocket from the page with subprotocol "mqtt", sends `packet`,
 * and resolves with the negotiated protocol and the first binary frame, or
 * with the close code if the socket closes first.
 */
function rawExchange(page, url, packet) {
  return page.evaluate(
    ({ url, packet }) =>
      new Promise((resolve) => {
        const ws = new WebSocket(url, 'mqtt');
        ws.binaryType = 'arraybuffer';
        const timer = setTimeout(() => resolve({ timeout: true }), 5000);
        ws.onopen = () => ws.send(new Uint8Array(packet));
        ws.onmessage = (e) => {
          clearTimeout(timer);
          resolve({ protocol: ws.protocol, frame: [...new Uint8Array(e.data)] });
          ws.close();
        };
        ws.onclose = (e) => {
          clearTimeout(timer);
          resolve({ closed: e.code });
        };
      }),
    { url, packet },
  );
}

/** The CONNACK return / reason code in a frame. */
function connackCode(result) {
  assert.ok(result.frame, `expected a CONNACK, got ${JSON.stringify(result)}`);
  assert.equal(result.frame[0], 0x20, 'CONNACK');
  return result.frame[3];
}

test('Chromium reaches the ws and wss listeners; the password file decides', { timeout: 60_000 }, async (t) => {
  const broker = await startBroker({ wss: true });
  t.after(() => broker.cleanup());
  const trusting = await launch({ ignoreCertificateErrors: true });
  t.after(() => trusting.close());
  const page = trusting.page;

  await t.test('ws://, anonymous, MQTT 3.1.1', async () => {
    const r = await rawExchange(page, broker.wsUrl, connectPacket({ clientId: uniqueTag('ws') }));
    assert.equal(r.protocol, 'mqtt', 'the broker accepts subprotocol mqtt');
    assert.equal(connackCode(r), 0);
  });

  for (const version of [4, 5]) {
    await t.test(`wss:// with the right password, protocol level ${version}`, async () => {
      const packet = connectPacket({
        version, clientId: uniqueTag('wss'), username: WSS_USER, password: WSS_PASSWORD,
      });
      assert.equal(connackCode(await rawExchange(page, broker.wssUrl, packet)), 0);
    });
    await t.test(`wss:// with a wrong password is refused, protocol level ${version}`, async () => {
      const packet = connectPacket({
        version, clientId: uniqueTag('wss'), username: WSS_USER, password: 'wrong',
      });
      const code = connackCode(await rawExchange(page, broker.wssUrl, packet));
      // 3.1.1: 5 Not authorized (mosquitto does not use 4 there);
      // 5.0: 0x86 Bad User Name or Password or 0x87 Not authorized.
      if (version === 4) assert.equal(code, 5);
      else assert.ok(code === 0x86 || code === 0x87, `reason code 0x${code.toString(16)}`);
    });
  }

  await t.test('wss:// without credentials is refused', async () => {
    const r = await rawExchange(page, broker.wssUrl, connectPacket({ clientId: uniqueTag('anon') }));
    assert.equal(connackCode(r), 5);
  });

  await t.test('without --ignore-certificate-errors the self-signed certificate fails (1006)', async () => {
    const strict = await launch();
    try {
      const r = await rawExchange(strict.page, broker.wssUrl, connectPacket({ clientId: uniqueTag('strict') }));
      assert.deepEqual(r, { closed: 1006 });
    } finally {
      await strict.close();
    }
  });
});

test('mosquitto_sub / mosquitto_pub wrappers, and a restart on the same ports', { timeout: 60_000 }, async (t) => {
  const broker = await startBroker();
  t.after(() => broker.cleanup());
  const topic = `lab/${uniqueTag('cli')}`;

  const live = await subscribe(broker, 'lab/#');
  t.after(() => live.stop());
  await publish(broker, topic, 'kept', { qos: 2, retain: true });
  const [m] = await live.waitForCount(1);
  assert.deepEqual(m, { topic, payload: 'kept', qos: 2, retain: false });

  const late = await subscribe(broker, topic, { version: 'mqttv311' });
  t.after(() => late.stop());
  const [r] = await late.waitForCount(1);
  assert.deepEqual(r, { topic, payload: 'kept', qos: 2, retain: true });

  const ports = { ...broker.ports };
  await broker.stop();
  assert.equal(broker.running, false);
  await broker.start();
  assert.deepEqual(broker.ports, ports, 'same ports after the restart');
  const again = await subscribe(broker, 'lab/#');
  t.after(() => again.stop());
  await publish(broker, topic, 'after restart', { qos: 1 });
  const [a] = await again.waitForCount(1);
  assert.equal(a.payload, 'after restart');
  assert.match(broker.fullLog(), /--- restarted ---/);
});

// A stand-in page with the roles and names issue 3 lists, to check that the
// page helpers find what they should (the app's own markup will differ).
const STAND_IN = `
<main>
  <div role="status">Connected to ws://127.0.0.1 (MQTT 5.0)</div>
  <div role="status">Published</div>
  <form aria-label="Subscribe">
    <label>Topic filter <input aria-describedby="filter-help"></label>
    <p id="filter-help">"#" must be the last level</p>
    <fieldset role="radiogroup" aria-label="QoS">
      <label><input type="radio" name="sq" value="0">0</label>
      <label><input type="radio" name="sq" value="1">1</label>
      <label><input type="radio" name="sq" value="2">2</label>
    </fieldset>
    <button type="button">Subscribe</button>
  </form>
  <form aria-label="Publish">
    <label>Topic <input></label>
    <label>Payload <textarea></textarea></label>
    <label>QoS <select><option>0 — at most once</option><option>1 — at least once</option>
      <option>2 — exactly once</option></select></label>
    <label><input type="checkbox"> Retain</label>
    <button type="button">Publish</button>
  </form>
  <section aria-label="Messages"><ul>
    <li><span>lab/a</span> <span>hello one</span> <span title="Retained">R</span></li>
    <li><span>lab/b</span> <span>hello two</span> <span>QoS 1</span></li>
  </ul></section>
  <section aria-label="Statistics"><dl><dt>Messages received</dt><dd>1,234</dd></dl></section>
</main>`;

test('page helpers on a stand-in page', { timeout: 30_000 }, async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const page = browser.page;
  await page.setContent(STAND_IN);

  assert.equal(await connectionStatus(page), 'Connected to ws://127.0.0.1 (MQTT 5.0)');
  assert.match(await waitForStatus(page, 'Connected'), /^Connected/);

  await setQos(page, 'Subscribe', 1);
  assert.equal(await page.locator('input[name=sq]:checked').getAttribute('value'), '1');
  await setQos(page, 'Publish', 2);
  assert.match(await page.locator('select').inputValue(), /^2/);

  assert.deepEqual(
    (await messageEntries(page, 'hello one')).map((e) => e.retain),
    [true],
  );
  assert.deepEqual(
    (await messageEntries(page, 'hello two')).map((e) => e.retain),
    [false],
  );
  assert.equal((await messageEntries(page, 'hello')).length, 2);
  assert.equal(await statistic(page, 'Messages received'), 1234);
  const filter = page.getByRole('textbox', { name: 'Topic filter', exact: true });
  assert.equal(await problemText(page, filter), '"#" must be the last level');
});
