// The website widget in a real browser: a workspace, a live key and a running widget campaign through the
// API; the demo page in headless Chromium; the form filled and sent like a visitor would; the lead read back
// through GET /leads. BASE_URL and HOSTREACH_ADMIN_TOKEN come from run.sh.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL;
const adminToken = process.env.HOSTREACH_ADMIN_TOKEN;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const api = `${base}/v1/public/v1`;
const step = (text) => console.log(`[browser-test] ${text}`);

async function call(method, url, { token, key, body } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (key) headers['X-Api-Key'] = key;
  const response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return json;
}

const workspace = await call('POST', `${base}/admin/v1/workspaces`, {
  token: adminToken, body: { name: 'Agencia Sol (browser test)', timezone: 'Europe/Madrid', country: 'ES' } });
const { key } = await call('POST', `${base}/admin/v1/workspaces/${workspace.id}/api-keys`, {
  token: adminToken, body: { name: 'browser test', environment: 'live', scopes: [] } });
step(`workspace ${workspace.id}, widget key ${workspace.widgetKey}`);
await call('PATCH', `${api}/me/widget`, { key, body: { allowedOrigins: [new URL(base).origin] } });
const campaign = await call('POST', `${api}/campaigns`, { key, body: {
  platform: 'widget', name: 'Website inbound', contactMode: 'whatsapp-no-api',
  settings: { sequence: [{ text: 'Hola {{1}}, gracias por escribirnos.' }] } } });
await call('PATCH', `${api}/campaigns/${campaign.id}/status`, { key, body: { status: 'running' } });
step(`widget campaign ${campaign.id} is running`);

const phone = '6' + String(10000000 + Math.floor(Math.random() * 89999999));
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  const consoleErrors = [];
  // Script errors only: the browser also logs every non-2xx answer, and this test provokes a 400 on purpose.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(`${base}/widget/demo.html?key=${workspace.widgetKey}`);
  step('demo page open');

  // A visitor's mistake first: the consent box left unticked is announced next to it.
  await page.getByLabel('Name', { exact: true }).fill('Carmen López');
  await page.getByLabel('Phone', { exact: true }).fill(phone.slice(0, 3) + ' ' + phone.slice(3));
  await page.getByLabel('Email (optional)').fill('carmen@example.com');
  await page.getByLabel('Message (optional)').fill('Quiero vender mi piso en Ruzafa');
  const send = page.getByRole('button', { name: 'Send' });
  await send.waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('.hrw button').disabled);
  await send.click();
  await page.getByText('Please agree to be contacted.').waitFor();
  step('missing consent shown as a field error');

  // A server-side rule: an invalid phone comes back in the API's error format and lands on its field.
  await page.getByLabel('Phone', { exact: true }).fill('12');
  await page.getByRole('checkbox').check();
  await send.click();
  await page.getByText('phone must be a valid phone number').waitFor();
  const invalid = await page.getByLabel('Phone', { exact: true }).getAttribute('aria-invalid');
  if (invalid !== 'true') throw new Error(`the phone field is not marked invalid (${invalid})`);
  step('server validation error shown on the phone field');

  // Keyboard only from here: correct the phone, then submit with Enter.
  await page.getByLabel('Phone', { exact: true }).fill(phone.slice(0, 3) + ' ' + phone.slice(3));
  await page.getByLabel('Phone', { exact: true }).press('Enter');
  await page.getByText('Thank you! We have received your request').waitFor({ timeout: 15000 });
  step('success state shown');
  if (consoleErrors.length) throw new Error(`console errors: ${consoleErrors.join(' | ')}`);
} catch (error) {
  mkdirSync('out', { recursive: true });
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (pages.length) await pages[0].screenshot({ path: 'out/failure.png', fullPage: true });
  throw error;
} finally {
  await browser.close();
}

const leads = await call('GET', `${api}/leads?campaignId=${campaign.id}`, { key });
if (leads.total !== 1) throw new Error(`expected one lead, got ${JSON.stringify(leads)}`);
const lead = leads.data[0];
if (lead.phone !== `+34${phone}` || lead.source !== 'widget' || lead.name !== 'Carmen López') {
  throw new Error(`unexpected lead ${JSON.stringify(lead)}`);
}
step(`lead ${lead.id} (${lead.phone}, source ${lead.source}) is visible through GET /leads`);
step('PASSED');
