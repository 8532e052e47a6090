// Issue 5, lesson 8: the smart home on mosquitto. Five clients (two room
// sensors, phone, controller, boiler) talk only through the broker. A
// target above the rooms' temperatures makes the controller publish a heat
// command, the boiler report heating and the rooms warm; a target below
// them turns it off/idle; a window opened in a warm house makes the
// controller heat again. A mosquitto_sub on the lesson's home/# watches
// the real payloads from outside; stopping leaves nothing retained.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { gotoLesson, openLesson } from './lib/learn.mjs';
import { withApp } from './lib/fixture.mjs';
import { subscribe } from './lib/mqtt-cli.mjs';
import { sleep, waitFor } from './lib/util.mjs';

const CLIENTS = ['Living-room sensor', 'Bedroom sensor', 'Phone app', 'Controller', 'Boiler'];

/** A room's temperature as the phone app shows it (received through the broker). */
async function roomTemp(phone, room) {
  const m = (await phone.innerText()).match(new RegExp(`${room}: ([\\d.]+) °C`));
  return m ? Number(m[1]) : null;
}

const livingRoom = (phone) => roomTemp(phone, 'Living room');

async function setTarget(phone, value) {
  await phone.getByRole('spinbutton', { name: 'Target temperature' }).fill(String(value));
  await phone.getByRole('button', { name: 'Set target' }).click();
}

/** Payloads seen by the outside subscriber on `topic`, after index `from`. */
const payloadsOn = (sub, topic, from = 0) => sub.messages.slice(from).filter((m) => m.topic === topic).map((m) => m.payload);

test('smart home: a target above the rooms heats, one below turns the boiler off, an open window heats again', { timeout: 60_000 }, async () => {
  await withApp({}, async ({ broker, page }) => {
    const lesson = await openLesson(page, 'smart-home', { broker });
    const prefix = await page.getByRole('textbox', { name: 'Your topic prefix' }).inputValue();
    const outside = await subscribe(broker, `${prefix}/home/#`, { qos: 1 });
    try {
      await lesson.getByRole('button', { name: 'Start scenario' }).click();
      for (const name of CLIENTS) {
        const card = lesson.getByRole('region', { name, exact: true });
        await waitFor(`${name} to connect`, async () => (await card.innerText()).includes('connected · MQTT'));
      }
      const phone = lesson.getByRole('region', { name: 'Phone app', exact: true });
      await waitFor('the phone to receive a living-room reading', async () => (await livingRoom(phone)) !== null);

      // Invalid input is refused with a message, nothing published.
      await setTarget(phone, '99');
      await phone.getByText('The highest target is 35 °C.').waitFor();

      // Above the current temperatures: heat.
      let mark = outside.messages.length;
      await setTarget(phone, '30');
      await waitFor('the controller to command heat', () =>
        payloadsOn(outside, `${prefix}/home/boiler/control`, mark).includes('{"mode":"heat","target":30}'), {
        describe: () => JSON.stringify(outside.messages.slice(mark).filter((m) => !m.topic.endsWith('temperature'))),
      });
      await waitFor('the boiler to report heating', () =>
        payloadsOn(outside, `${prefix}/home/boiler/status`).includes('{"state":"heating"}'));
      assert.ok(payloadsOn(outside, `${prefix}/home/thermostat/target`, mark).includes('30'), 'the phone published the target');
      const timeline = lesson.getByRole('list', { name: 'Commands and status reports' });
      await timeline.getByText('{"mode":"heat","target":30}').first().waitFor();
      await lesson.getByRole('region', { name: 'Boiler', exact: true }).getByText('State: heating').waitFor();
      // The rooms warm (as the phone hears it).
      const t1 = await livingRoom(phone);
      await sleep(3_000);
      const t2 = await livingRoom(phone);
      assert.ok(t2 > t1, `living room ${t1} → ${t2} while heating`);

      // Below them: off, idle, cooling.
      mark = outside.messages.length;
      await setTarget(phone, '10');
      await waitFor('the controller to command off', () =>
        payloadsOn(outside, `${prefix}/home/boiler/control`, mark).includes('{"mode":"off","target":10}'));
      await waitFor('the boiler to report idle', () =>
        payloadsOn(outside, `${prefix}/home/boiler/status`, mark).includes('{"state":"idle"}'));
      await lesson.getByRole('region', { name: 'Boiler', exact: true }).getByText('State: idle').waitFor();
      await waitFor('the rooms to cool', async () => {
        const a = await livingRoom(phone);
        await sleep(1_500);
        return (await livingRoom(phone)) < a;
      }, { timeoutMs: 8_000 });
      // A window opens in the living room: the controller hears the drop
      // below the target and heats again. (Target: half a degree under
      // the colder room, so the house is at it and the boiler stays off.)
      const coldest = Math.min(await livingRoom(phone), await roomTemp(phone, 'Bedroom'));
      const target = Math.floor(coldest * 2) / 2 - 0.5;
      mark = outside.messages.length;
      await setTarget(phone, String(target));
      await waitFor(`the controller to confirm off at ${target}`, () =>
        payloadsOn(outside, `${prefix}/home/boiler/control`, mark).includes(`{"mode":"off","target":${target}}`));
      mark = outside.messages.length;
      // Twice (6 °C), so it is well below whatever the rooms' difference.
      const windowButton = lesson.getByRole('button', { name: 'Open a window — Living room' });
      await windowButton.click();
      await windowButton.click();
      await waitFor('the controller to heat after the window opened', () =>
        payloadsOn(outside, `${prefix}/home/boiler/control`, mark).includes(`{"mode":"heat","target":${target}}`), {
        describe: () => JSON.stringify(outside.messages.slice(mark)),
      });
      await waitFor('the boiler to report heating again', () =>
        payloadsOn(outside, `${prefix}/home/boiler/status`, mark).includes('{"state":"heating"}'));

      // Every message went through the broker: each device is its own client there.
      for (const role of ['livingroom', 'bedroom', 'phone', 'controller', 'boiler']) {
        assert.match(broker.fullLog(), new RegExp(`New client connected .* as lab-[a-z0-9]+-${role} `));
      }
      await page.getByRole('navigation', { name: 'Lessons' }).first().getByRole('link', { name: /smart home.*done/ }).waitFor();

      // Stop: everyone disconnects and the retained status and target are cleared.
      await lesson.getByRole('button', { name: 'Stop scenario' }).click();
      await waitFor('the boiler to disconnect', () => /Client lab-[a-z0-9]+-boiler disconnected/.test(broker.fullLog()));
    } finally {
      await outside.stop();
    }
    const late = await subscribe(broker, `${prefix}/home/#`, { qos: 1 });
    try {
      await sleep(1_000);
      assert.deepEqual(late.messages.filter((m) => m.retain), [], 'nothing retained is left behind');
    } finally {
      await late.stop();
    }
  });
});

test('smart home: leaving the lesson while the house runs leaves nothing retained', { timeout: 60_000 }, async () => {
  await withApp({}, async ({ broker, page }) => {
    const lesson = await openLesson(page, 'smart-home', { broker });
    const prefix = await page.getByRole('textbox', { name: 'Your topic prefix' }).inputValue();
    await lesson.getByRole('button', { name: 'Start scenario' }).click();
    const boiler = lesson.getByRole('region', { name: 'Boiler', exact: true });
    await boiler.getByText('State: heating').waitFor();
    await gotoLesson(page, 'roles');
    await waitFor('the boiler to disconnect', () => /Client lab-[a-z0-9]+-boiler disconnected/.test(broker.fullLog()));
    const late = await subscribe(broker, `${prefix}/home/#`, { qos: 1 });
    try {
      await sleep(1_000);
      assert.deepEqual(late.messages.filter((m) => m.retain), [], 'no retained status or target');
    } finally {
      await late.stop();
    }
  });
});
