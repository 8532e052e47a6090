// The app as a person sees it: controls found by role and accessible name,
// exactly as issue 3 lists them for the English UI (`?lang=en`):
//
//   textbox "Broker URL", "Client ID", "Username", "Password"; combobox
//   "MQTT version"; button "Connect" / "Disconnect"; role status starting
//   with Connected / Connecting / Disconnected / Reconnecting / Failed;
//   textbox "Topic filter", button "Subscribe"; textbox "Topic", textbox
//   "Payload", radio group or combobox "QoS", checkbox "Retain", button
//   "Publish"; region "Messages"; region "Statistics" containing
//   "Messages received".
//
// The subscribe and publish forms may each have a "QoS" control: each is
// looked up inside the smallest element that holds its form's button.

import { waitFor } from './util.mjs';

/** The app's address with `?lang=en` and `params`, from MQTTLAB_APP_URL. */
export function appUrl(params = {}) {
  const base = process.env.MQTTLAB_APP_URL;
  if (!base) {
    throw new Error(
      'MQTTLAB_APP_URL is not set: run the end-to-end tests with `scripts/test.sh e2e`, ' +
        'which builds the app, serves dist/ and sets it',
    );
  }
  const url = new URL(base);
  url.searchParams.set('lang', 'en');
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

/** Every control the tests use, as Playwright locators. */
export function controls(page) {
  const textbox = (name) => page.getByRole('textbox', { name, exact: true });
  const button = (name) => page.getByRole('button', { name, exact: true });
  return {
    brokerUrl: textbox('Broker URL'),
    clientId: textbox('Client ID'),
    username: textbox('Username'),
    password: textbox('Password'),
    version: page.getByRole('combobox', { name: 'MQTT version', exact: true }),
    connect: button('Connect'),
    disconnect: button('Disconnect'),
    topicFilter: textbox('Topic filter'),
    subscribe: button('Subscribe'),
    topic: textbox('Topic'),
    payload: textbox('Payload'),
    retain: page.getByRole('checkbox', { name: 'Retain', exact: true }),
    publish: button('Publish'),
    messages: page.getByRole('region', { name: 'Messages', exact: true }),
    statistics: page.getByRole('region', { name: 'Statistics', exact: true }),
  };
}

const APP_TIMEOUT_MS = 10_000;

/**
 * Opens the app in English and waits for its connection form. Fails fast,
 * saying why, when the page throws or the form never shows (e.g. while the
 * UI is not built yet).
 */
export async function openApp(page, params = {}) {
  const url = appUrl(params);
  const errors = [];
  const onError = (e) => errors.push(e.message);
  page.on('pageerror', onError);
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok()) {
      throw new Error(`GET ${url} answered ${response ? response.status() : 'nothing'}`);
    }
    const brokerUrl = controls(page).brokerUrl;
    const deadline = Date.now() + APP_TIMEOUT_MS;
    while (!(await brokerUrl.isVisible())) {
      if (errors.length || Date.now() > deadline) {
        const text = (await page.locator('body').innerText().catch(() => '')).trim();
        throw new Error(
          `The app at ${url} shows no textbox named "Broker URL"` +
            (errors.length ? ` (it threw: ${errors.join('; ')})` : ` after ${APP_TIMEOUT_MS / 1000} s`) +
            '. Either the UI (src/main.rs, src/app/) is not built into dist/ yet, or its ' +
            'accessible names differ from the ones issue 3 lists. The page shows: ' +
            JSON.stringify(text.slice(0, 300)),
        );
      }
      await page.waitForTimeout(100);
    }
  } finally {
    page.off('pageerror', onError);
  }
}

/** Picks the option of a combobox whose label matches `pattern`: a native
 * <select>, or an ARIA combobox with role=option entries. */
export async function chooseOption(page, combobox, pattern) {
  const tag = await combobox.evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    const labels = (await combobox.locator('option').allTextContents()).map((l) => l.trim());
    const index = labels.findIndex((l) => pattern.test(l));
    if (index < 0) throw new Error(`no option matching ${pattern} among ${JSON.stringify(labels)}`);
    await combobox.selectOption({ index });
    return;
  }
  await combobox.click();
  await page.getByRole('option', { name: pattern }).first().click();
}

/** "3.1.1" or "5.0" as an option label pattern. */
function versionPattern(version) {
  if (version === '3.1.1') return /3\.1\.1/;
  if (version === '5.0' || version === '5') return /(^|\D)5(\.0)?(\D|$)/;
  throw new Error(`unknown MQTT version ${version}`);
}

function qosControl(scope) {
  return scope
    .getByRole('radiogroup', { name: 'QoS', exact: true })
    .or(scope.getByRole('combobox', { name: 'QoS', exact: true }));
}

/** The smallest element holding button `buttonName` and a "QoS" control. */
function formOf(page, buttonName) {
  return page
    .locator('*')
    .filter({ has: page.getByRole('button', { name: buttonName, exact: true }) })
    .filter({ has: qosControl(page) })
    .last();
}

/** Sets the "QoS" radio group or combobox of the form with `buttonName`. */
export async function setQos(page, buttonName, qos) {
  const form = formOf(page, buttonName);
  if ((await form.count()) === 0) {
    throw new Error(`no radio group or combobox named "QoS" next to the "${buttonName}" button`);
  }
  const pattern = new RegExp(`^\\s*(QoS\\s*)?${qos}(\\D|$)`);
  const group = form.getByRole('radiogroup', { name: 'QoS', exact: true });
  if ((await group.count()) > 0) {
    await group.first().getByRole('radio', { name: pattern }).check();
    return;
  }
  await chooseOption(page, form.getByRole('combobox', { name: 'QoS', exact: true }).first(), pattern);
}

/** Fills the connection form and presses Connect (does not wait). */
export async function connect(page, { url, version, username, password, clientId } = {}) {
  const c = controls(page);
  await c.brokerUrl.fill(url);
  if (version) await chooseOption(page, c.version, versionPattern(version));
  if (clientId !== undefined) await c.clientId.fill(clientId);
  if (username !== undefined) await c.username.fill(username);
  if (password !== undefined) await c.password.fill(password);
  await c.connect.click();
}

const STATUS = /^(Connected|Connecting|Disconnected|Reconnecting|Failed)/;

/** The connection status text (the role=status element that starts with
 * one of the five words), or null. */
export async function connectionStatus(page) {
  const texts = await page.getByRole('status').allInnerTexts();
  return texts.map((t) => t.trim()).find((t) => STATUS.test(t)) ?? null;
}

/** Waits until the status starts with `word`; returns its whole text. */
export async function waitForStatus(page, word, { timeoutMs = 10_000 } = {}) {
  let last = null;
  await waitFor(
    `the status to say "${word}…"`,
    async () => {
      last = await connectionStatus(page);
      return last !== null && last.startsWith(word);
    },
    {
      timeoutMs,
      describe: async () =>
        `status was ${JSON.stringify(last)}; every role=status: ` +
        JSON.stringify(await page.getByRole('status').allInnerTexts()) +
        `; alerts: ${JSON.stringify(await page.getByRole('alert').allInnerTexts())}`,
    },
  );
  return last;
}

/** Subscribes from the app (does not wait for SUBACK). */
export async function subscribe(page, filter, qos = 2) {
  const c = controls(page);
  await c.topicFilter.fill(filter);
  await setQos(page, 'Subscribe', qos);
  await c.subscribe.click();
}

/** Publishes from the app. */
export async function publish(page, { topic, payload, qos = 0, retain = false }) {
  const c = controls(page);
  await c.topic.fill(topic);
  await c.payload.fill(payload);
  await setQos(page, 'Publish', qos);
  await c.retain.setChecked(retain);
  await c.publish.click();
}

/**
 * The log entries of region "Messages" that contain `text`: the innermost
 * list items, rows or articles holding it. Each as `{ text, retain }`, where
 * `retain` says whether the entry shows a retain flag (the word
 * "retain"/"retained", or an element labelled or titled so).
 */
export async function messageEntries(page, text) {
  const region = controls(page).messages;
  return region.evaluate((root, needle) => {
    const selector = 'li, tr, article, [role=listitem], [role=row], [role=article]';
    const holders = [...root.querySelectorAll(selector)].filter((el) => el.innerText.includes(needle));
    const innermost = holders.filter((el) => !holders.some((other) => other !== el && el.contains(other)));
    return innermost.map((el) => ({
      text: el.innerText,
      retain:
        /\bretain(ed)?\b/i.test(el.innerText) ||
        el.querySelector('[aria-label*="retain" i], [title*="retain" i]') !== null ||
        /retain/i.test(`${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`),
    }));
  }, text);
}

/** Waits until exactly `count` entries hold `text` (and it stays so for
 * `settleMs`, so a late duplicate is caught); returns them. */
export async function waitForEntries(page, text, { count = 1, timeoutMs = 10_000, settleMs = 500 } = {}) {
  let entries = [];
  await waitFor(`${count} message(s) containing ${JSON.stringify(text)} in region "Messages"`, async () => {
    entries = await messageEntries(page, text);
    return entries.length >= count;
  }, {
    timeoutMs,
    describe: async () =>
      `region "Messages" shows: ${JSON.stringify((await controls(page).messages.innerText()).slice(0, 1000))}`,
  });
  await page.waitForTimeout(settleMs);
  entries = await messageEntries(page, text);
  if (entries.length !== count) {
    throw new Error(`${entries.length} entries contain ${JSON.stringify(text)}, expected ${count}: ` +
      JSON.stringify(entries));
  }
  return entries;
}

/** The number shown after `label` in region "Statistics" (e.g. "Messages
 * received"), or null. */
export async function statistic(page, label) {
  const text = await controls(page).statistics.innerText();
  const m = new RegExp(`${label}\\D*?(\\d[\\d,]*)`).exec(text);
  return m ? Number(m[1].replace(/,/g, '')) : null;
}

/**
 * What the page says about a control's input: the text its
 * aria-describedby / aria-errormessage point to, and every role=alert.
 */
export async function problemText(page, control) {
  const described = await control.evaluate((el) =>
    ['aria-describedby', 'aria-errormessage']
      .flatMap((attr) => (el.getAttribute(attr) ?? '').split(/\s+/))
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.innerText ?? '')
      .join('\n'),
  );
  const alerts = await page.getByRole('alert').allInnerTexts();
  return [described, ...alerts].join('\n').trim();
}

/** The lines of `problemText` now: a baseline for `waitForProblem`'s
 * `since`, so that help text shown all along (a hint tied to the control
 * with aria-describedby) cannot pass for a message about the input. */
export async function problemLines(page, control) {
  return new Set(splitLines(await problemText(page, control)));
}

function splitLines(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** Waits until a line of `problemText` of `control` that was not in the
 * baseline `since` (from `problemLines`) matches `pattern`; returns the
 * whole text. */
export async function waitForProblem(page, control, pattern, what, { timeoutMs = 5_000, since = new Set() } = {}) {
  let text = '';
  let fresh = [];
  await waitFor(`a new message about ${what} matching ${pattern}`, async () => {
    text = await problemText(page, control);
    fresh = splitLines(text).filter((l) => !since.has(l));
    return fresh.some((l) => pattern.test(l));
  }, {
    timeoutMs,
    describe: () => `new lines: ${JSON.stringify(fresh)}; the page said: ${JSON.stringify(text)}`,
  });
  return text;
}

/** Clicks `button` if it is enabled; a disabled button (the form refusing
 * the input) counts as not sent. Returns whether it clicked. */
export async function clickIfEnabled(button) {
  if (!(await button.isEnabled())) return false;
  await button.click();
  return true;
}
