// The lessons as a person reaches them: open the app, optionally connect
// the client to a broker first (the lessons then run on it), follow the
// header's "Learn MQTT" link and pick a lesson in the "Lessons" sidebar.

import { controls, openApp, waitForStatus } from './app.mjs';

/** The lessons' English titles, as the sidebar and headings show them. */
export const LESSONS = {
  'why-mqtt': 'Why MQTT?',
  'pub-sub': 'Client–server vs publish/subscribe',
  roles: 'Broker, publisher, subscriber',
  topics: 'Topics and wildcards',
  qos: 'QoS 0, 1 and 2',
  retained: 'Retained messages',
  'last-will': 'Last Will and keep alive',
  'smart-home': 'A smart home, end to end',
  summary: 'Summary and self-check',
};

/**
 * Opens lesson `slug`. With `broker` (from startBroker) the client connects
 * to its WebSocket listener first, so the lesson's clients use mosquitto;
 * without, they use the sandbox in the page. Returns the lesson's article.
 */
export async function openLesson(page, slug, { broker, params = {} } = {}) {
  await openApp(page, params);
  if (broker) {
    const c = controls(page);
    await c.brokerUrl.fill(broker.wsUrl);
    await c.connect.click();
    await waitForStatus(page, 'Connected');
  }
  await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Learn MQTT' }).click();
  return gotoLesson(page, slug);
}

/** Picks lesson `slug` in the sidebar; returns its article. */
export async function gotoLesson(page, slug) {
  const title = LESSONS[slug];
  await page
    .getByRole('navigation', { name: 'Lessons' })
    .first()
    .getByRole('link', { name: title })
    .click();
  const lesson = page.getByRole('article', { name: title, exact: true });
  await lesson.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
  return lesson;
}

/** The packet lines of a list named `name` inside `scope`. */
export async function wireLines(scope, name) {
  const list = scope.getByRole('list', { name, exact: true });
  if (!(await list.count())) return [];
  return (await list.locator('.wire-text').allInnerTexts()).map((s) => s.trim());
}
