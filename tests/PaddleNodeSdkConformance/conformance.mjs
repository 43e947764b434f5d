// Paddle's official Node SDK against the emulator's root (Paddle's dialect). Each check is a call a Paddle user makes
// and what Paddle answers it with; the run prints one line per check and a last line "N passed, N failed".
// Usage: node conformance.mjs <base url> <api key>
import assert from 'node:assert/strict';
import { Paddle, ApiError } from '@paddle/paddle-node-sdk';

const [baseUrl, apiKey] = process.argv.slice(2);
if (!baseUrl || !apiKey) {
  console.error('usage: node conformance.mjs <base url> <api key>');
  process.exit(2);
}

// The SDK takes a URL in place of an environment name and appends paths to it, so no trailing slash.
const paddle = new Paddle(apiKey, { environment: baseUrl.replace(/\/+$/, '') });
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const checks = [];
const check = (name, body) => checks.push({ name, body });

async function refused(call, code, fields) {
  await assert.rejects(call, (error) => {
    assert.ok(error instanceof ApiError, `expected the SDK's ApiError, got ${error}`);
    assert.equal(error.code, code);
    assert.equal(error.type, 'request_error');
    assert.match(error.documentationUrl, new RegExp(`^https://developer\\.paddle\\.com/errors/\\w+/${code}$`));
    for (const field of fields ?? []) {
      assert.ok(error.errors?.some((e) => e.field === field), `expected a field error for ${field}: ${JSON.stringify(error.errors)}`);
    }
    return true;
  });
}

const isoMillis = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const isoMillisOrMicros = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.(\d{3}|\d{6})Z$/;
const state = {};

check('create a customer with an email only: Paddle fills the defaults', async () => {
  const customer = await paddle.customers.create({ email: `only.${run}@example.com` });
  assert.match(customer.id, /^ctm_[a-z\d]{26}$/);
  assert.equal(customer.email, `only.${run}@example.com`);
  assert.equal(customer.name, null);
  assert.equal(customer.marketingConsent, false);
  assert.equal(customer.locale, 'en');
  assert.equal(customer.status, 'active');
  assert.equal(customer.customData, null);
  assert.equal(customer.importMeta, null);
  assert.match(customer.createdAt, isoMillis);
  assert.equal(customer.updatedAt, customer.createdAt);
  state.plain = customer;
});

check('create a customer with every member', async () => {
  const customer = await paddle.customers.create({
    email: `full.${run}@example.com`,
    name: 'Jo Brown',
    locale: 'de',
    customData: { crm_id: 'abc-123', tier: 2 },
  });
  assert.equal(customer.name, 'Jo Brown');
  assert.equal(customer.locale, 'de');
  assert.deepEqual(customer.customData, { crm_id: 'abc-123', tier: 2 });
  state.customer = customer;
});

check('a duplicate email is 409 customer_already_exists naming the existing customer', async () => {
  await assert.rejects(paddle.customers.create({ email: `full.${run}@example.com` }), (error) => {
    assert.equal(error.code, 'customer_already_exists');
    assert.equal(error.detail, `customer email conflicts with customer of id ${state.customer.id}`);
    assert.equal(error.documentationUrl, 'https://developer.paddle.com/errors/customers/customer_already_exists');
    return true;
  });
});

check('a member Paddle does not define is 400 invalid_field, never stored', async () => {
  await refused(paddle.customers.create({ email: `extra.${run}@example.com`, phone: '+44 20 7946 0000' }), 'invalid_field', ['phone']);
  const found = paddle.customers.list({ email: [`extra.${run}@example.com`] });
  assert.deepEqual(await found.next(), []);
});

check('a customer without an email is 400 invalid_field', async () => {
  await refused(paddle.customers.create({ name: 'No Email' }), 'invalid_field', ['email']);
});

check('create an address with a country code only', async () => {
  const address = await paddle.addresses.create(state.customer.id, { countryCode: 'US' });
  assert.match(address.id, /^add_[a-z\d]{26}$/);
  assert.equal(address.customerId, state.customer.id);
  assert.equal(address.countryCode, 'US');
  for (const member of ['description', 'firstLine', 'secondLine', 'city', 'postalCode', 'region', 'customData', 'importMeta']) {
    assert.equal(address[member], null, member);
  }
  assert.equal(address.status, 'active');
  assert.match(address.createdAt, isoMillis);
  state.minimal = address;
});

check('create an address with every member (Paddle\'s own example)', async () => {
  const address = await paddle.addresses.create(state.customer.id, {
    description: 'Head Office',
    firstLine: '4050 Jefferson Plaza, 41st Floor',
    secondLine: 'Suite 100',
    city: 'New York',
    postalCode: '10021',
    region: 'NY',
    countryCode: 'US',
    customData: { crm_id: 'hq' },
  });
  assert.equal(address.description, 'Head Office');
  assert.equal(address.firstLine, '4050 Jefferson Plaza, 41st Floor');
  assert.equal(address.secondLine, 'Suite 100');
  assert.equal(address.city, 'New York');
  assert.equal(address.postalCode, '10021');
  assert.equal(address.region, 'NY');
  assert.deepEqual(address.customData, { crm_id: 'hq' });
  state.full = address;
});

check('an address without a country code, or with a member Paddle does not define, is 400 invalid_field', async () => {
  await refused(paddle.addresses.create(state.customer.id, { city: 'Leeds' }), 'invalid_field', ['country_code']);
  await refused(paddle.addresses.create(state.customer.id, { countryCode: 'GB', country: 'GB' }), 'invalid_field', ['country']);
});

check('an address of an unknown customer is 404 not_found', async () => {
  await refused(paddle.addresses.create('ctm_01h000000000000000000000000', { countryCode: 'US' }), 'not_found');
});

check('list addresses: every page with the SDK\'s own iterator, in both orders', async () => {
  for (let i = 0; i < 7; i++) {
    await paddle.addresses.create(state.customer.id, { countryCode: 'GB', city: i % 2 ? 'Leeds' : 'York', description: `Branch ${i}` });
  }
  const ascending = [];
  const collection = paddle.addresses.list(state.customer.id, { perPage: 2, orderBy: 'id[ASC]' });
  for await (const address of collection) {
    ascending.push(address.id);
  }
  assert.equal(ascending.length, 9);
  assert.deepEqual([...ascending].sort(), ascending, 'ascending by id');
  assert.equal(collection.hasMore, false);
  assert.equal(collection.estimatedTotal, 9);

  const descending = [];
  for await (const address of paddle.addresses.list(state.customer.id, { perPage: 4 })) {
    descending.push(address.id);
  }
  assert.deepEqual(descending, [...ascending].reverse(), 'descending by id by default');

  const lowerCase = [];
  for await (const address of paddle.addresses.list(state.customer.id, { orderBy: 'id[asc]' })) {
    lowerCase.push(address.id);
  }
  assert.deepEqual(lowerCase, ascending, 'the direction is read in either case');
});

check('list addresses with every filter: id, status, search, per_page above the maximum', async () => {
  const byId = await paddle.addresses.list(state.customer.id, { id: [state.minimal.id, state.full.id] }).next();
  assert.deepEqual(byId.map((a) => a.id).sort(), [state.minimal.id, state.full.id].sort());

  const searched = await paddle.addresses.list(state.customer.id, { search: 'leeds' }).next();
  assert.equal(searched.length, 3);
  assert.ok(searched.every((a) => a.city === 'Leeds'));

  const clamped = paddle.addresses.list(state.customer.id, { perPage: 500 });
  assert.equal((await clamped.next()).length, 9);
  assert.match(clamped.nextLink, /[?&]per_page=200(&|$)/, 'the next link carries the clamped page size');

  await refused(paddle.addresses.list(state.customer.id, { status: ['deleted'] }).next(), 'invalid_field', ['status']);
});

check('get an address', async () => {
  const address = await paddle.addresses.get(state.customer.id, state.full.id);
  assert.deepEqual(address, state.full);
  await refused(paddle.addresses.get(state.customer.id, 'add_01h000000000000000000000000'), 'not_found');
});

check('update an address: set, clear with null, leave the rest', async () => {
  const updated = await paddle.addresses.update(state.customer.id, state.full.id, {
    description: 'California Office',
    secondLine: null,
    customData: { crm_id: '08bcfb7a' },
  });
  assert.equal(updated.description, 'California Office');
  assert.equal(updated.secondLine, null);
  assert.equal(updated.firstLine, state.full.firstLine);
  assert.deepEqual(updated.customData, { crm_id: '08bcfb7a' });
  assert.equal(updated.createdAt, state.full.createdAt);
  assert.match(updated.updatedAt, isoMillisOrMicros);
  assert.notEqual(updated.updatedAt, state.full.updatedAt);
});

check('archive an address: gone from the default list, there with status archived', async () => {
  const archived = await paddle.addresses.archive(state.customer.id, state.minimal.id);
  assert.equal(archived.status, 'archived');
  const active = [];
  for await (const address of paddle.addresses.list(state.customer.id)) active.push(address.id);
  assert.ok(!active.includes(state.minimal.id));
  const onlyArchived = await paddle.addresses.list(state.customer.id, { status: ['archived'] }).next();
  assert.deepEqual(onlyArchived.map((a) => a.id), [state.minimal.id]);
  await refused(paddle.addresses.update(state.customer.id, state.full.id, { status: 'deleted' }), 'invalid_field', ['status']);
});

check('get and update a customer', async () => {
  const fetched = await paddle.customers.get(state.customer.id);
  assert.deepEqual(fetched, state.customer);
  const updated = await paddle.customers.update(state.customer.id, { name: 'Jo Brown-Anderson', locale: 'fr', customData: null });
  assert.equal(updated.name, 'Jo Brown-Anderson');
  assert.equal(updated.locale, 'fr');
  assert.equal(updated.customData, null);
  assert.equal(updated.email, state.customer.email);
  await refused(paddle.customers.update(state.customer.id, { email: `only.${run}@example.com` }), 'customer_already_exists');
  await refused(paddle.customers.update(state.customer.id, { status: 'suspended' }), 'invalid_field', ['status']);
  await refused(paddle.customers.get('ctm_01h000000000000000000000000'), 'not_found');
});

check('list customers by email, id, search and status, and page through all of them', async () => {
  const byEmail = await paddle.customers.list({ email: [`full.${run}@example.com`, `only.${run}@example.com`] }).next();
  assert.deepEqual(byEmail.map((c) => c.id).sort(), [state.customer.id, state.plain.id].sort());
  const byId = await paddle.customers.list({ id: [state.plain.id] }).next();
  assert.deepEqual(byId.map((c) => c.email), [`only.${run}@example.com`]);
  const searched = await paddle.customers.list({ search: `full.${run}` }).next();
  assert.deepEqual(searched.map((c) => c.id), [state.customer.id]);

  const all = [];
  for await (const customer of paddle.customers.list({ perPage: 1, orderBy: 'id[ASC]' })) all.push(customer.id);
  assert.ok(all.includes(state.customer.id) && all.includes(state.plain.id));
  assert.equal(new Set(all).size, all.length, 'no customer twice');
});

check('archive a customer', async () => {
  const archived = await paddle.customers.archive(state.plain.id);
  assert.equal(archived.status, 'archived');
  const active = await paddle.customers.list({ id: [state.plain.id] }).next();
  assert.deepEqual(active, []);
  const listed = await paddle.customers.list({ id: [state.plain.id], status: ['archived'] }).next();
  assert.equal(listed[0].status, 'archived');
});

check('a wrong API key is 403 invalid_token; a malformed header 403 authentication_malformed', async () => {
  const stranger = new Paddle('pdl_sdbx_apikey_wrong', { environment: baseUrl.replace(/\/+$/, '') });
  await refused(stranger.customers.get(state.customer.id), 'invalid_token');
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/customers`, { headers: { Authorization: apiKey } });
  assert.equal(response.status, 403);
  assert.equal((await response.json()).error.code, 'authentication_malformed');
  const missing = await fetch(`${baseUrl.replace(/\/+$/, '')}/customers`);
  assert.equal((await missing.json()).error.code, 'authentication_missing');
});

check('a method a path does not take is 405 with Allow', async () => {
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/customers/${state.customer.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${apiKey}` } });
  assert.equal(response.status, 405);
  assert.equal(response.headers.get('allow'), 'GET, PATCH');
  assert.equal((await response.json()).error.code, 'method_not_allowed');
});

let passed = 0;
let failed = 0;
for (const { name, body } of checks) {
  try {
    await body();
    passed++;
    console.log(`  ok    ${name}`);
  } catch (error) {
    failed++;
    console.log(`  FAIL  ${name}\n        ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n        ')}`);
  }
}

console.log(`Paddle Node SDK conformance: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
