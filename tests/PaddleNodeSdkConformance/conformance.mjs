// Paddle's official Node SDK against the emulator's root (Paddle's dialect). Each check is a call a Paddle user makes
// and what Paddle answers it with; the run prints one line per check and a last line "N passed, N failed".
// Usage: node conformance.mjs <base url> <api key>
import assert from 'node:assert/strict';
import http from 'node:http';
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

// A webhook endpoint as a Paddle user writes one: the raw body, verified with the SDK's own verifier and the secret key
// the notification setting was created with (known once the setting exists), answered 200.
const customerAndAddressEvents = ['customer.created', 'customer.updated', 'customer.imported', 'address.created', 'address.updated', 'address.imported'];
const webhooks = { secretKey: null, verified: [], refused: [] };
const receiver = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      const event = await paddle.webhooks.unmarshal(body, webhooks.secretKey, request.headers['paddle-signature']);
      webhooks.verified.push({ event, raw: JSON.parse(body) });
      response.writeHead(200).end();
    } catch (error) {
      webhooks.refused.push(String(error));
      response.writeHead(400).end();
    }
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
receiver.unref();
const receiverUrl = `http://127.0.0.1:${receiver.address().port}/webhooks/paddle`;

async function until(condition, what) {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(condition(), `timed out waiting for ${what}`);
}

check('create a notification setting with the SDK: Paddle answers with the full event types and a secret key', async () => {
  const setting = await paddle.notificationSettings.create({
    description: `Conformance ${run}`,
    destination: receiverUrl,
    subscribedEvents: customerAndAddressEvents,
    type: 'url',
    includeSensitiveFields: false,
    apiVersion: 1,
  });
  assert.match(setting.id, /^ntfset_[a-z\d]{26}$/);
  assert.match(setting.endpointSecretKey, new RegExp(`^pdl_${setting.id}_[A-Za-z\\d]{32}$`));
  assert.equal(setting.active, true);
  assert.equal(setting.apiVersion, 1);
  assert.equal(setting.trafficSource, 'platform');
  assert.deepEqual(setting.subscribedEvents.map((e) => e.name), customerAndAddressEvents);
  assert.deepEqual(
    { ...setting.subscribedEvents[0] },
    { name: 'customer.created', description: 'Occurs when a customer is created.', group: 'Customer', availableVersions: [1] },
  );
  webhooks.secretKey = setting.endpointSecretKey;
  state.setting = setting;
});

check('list, get, update and delete notification settings', async () => {
  const listed = await paddle.notificationSettings.list();
  assert.ok(listed.some((s) => s.id === state.setting.id));
  const got = await paddle.notificationSettings.get(state.setting.id);
  assert.deepEqual({ ...got, subscribedEvents: got.subscribedEvents.map((e) => e.name) }, { ...state.setting, subscribedEvents: customerAndAddressEvents });
  const renamed = await paddle.notificationSettings.update(state.setting.id, { description: `Conformance ${run} (renamed)` });
  assert.equal(renamed.description, `Conformance ${run} (renamed)`);
  assert.equal(renamed.endpointSecretKey, state.setting.endpointSecretKey);

  const other = await paddle.notificationSettings.create({ description: 'To delete', destination: 'https://example.com/hooks', subscribedEvents: ['transaction.billed'], type: 'url', includeSensitiveFields: false });
  assert.equal(other.subscribedEvents[0].description, 'Occurs when a transaction is billed.');
  await paddle.notificationSettings.delete(other.id);
  await refused(paddle.notificationSettings.get(other.id), 'not_found');
  await refused(paddle.notificationSettings.create({ description: 'x', destination: receiverUrl, subscribedEvents: ['customer.deleted'], type: 'url' }), 'invalid_field', ['subscribed_events']);
});

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

check('an email that is not one, or a locale that is not a BCP 47 short form tag, is 400 invalid_field, never stored', async () => {
  await refused(paddle.customers.create({ email: 'bob@' }), 'invalid_field', ['email']);
  await refused(paddle.customers.create({ email: 'a b@example.com' }), 'invalid_field', ['email']);
  await refused(paddle.customers.create({ email: `locale.${run}@example.com`, locale: 'zz-NOPE' }), 'invalid_field', ['locale']);
  await refused(paddle.customers.update(state.customer.id, { email: 'bob@' }), 'invalid_field', ['email']);
  assert.deepEqual(await paddle.customers.list({ email: [`locale.${run}@example.com`] }).next(), []);
  const regional = await paddle.customers.create({ email: `regional.${run}@example.com`, locale: 'pt-BR' });
  assert.equal(regional.locale, 'pt-BR');
});

check('a notification destination with user information is 400 invalid_field, never stored', async () => {
  await refused(paddle.notificationSettings.create({ description: 'secret', destination: 'https://user:password@example.com/hooks', subscribedEvents: ['customer.created'], type: 'url' }), 'invalid_field', ['destination']);
  await refused(paddle.notificationSettings.update(state.setting.id, { destination: 'http://:secret@127.0.0.1:9/hook' }), 'invalid_field', ['destination']);
  const all = await paddle.notificationSettings.list();
  assert.ok(all.every((s) => !s.destination.includes('@')), JSON.stringify(all.map((s) => s.destination)));
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

check('credit balances, an authentication token and a portal session for a customer', async () => {
  assert.deepEqual(await paddle.customers.getCreditBalance(state.plain.id), []);
  await refused(paddle.customers.getCreditBalance('ctm_01hv6y1jedq4p1n0yqn5ba3ky4'), 'not_found');

  const token = await paddle.customers.generateAuthToken(state.plain.id);
  assert.match(token.customerAuthToken, /^pca_[a-z\d]{26}_[a-z\d]{26}_[a-z\d]{32}$/);
  assert.match(token.expiresAt, isoMillis);
  assert.ok(new Date(token.expiresAt) > new Date());

  const session = await paddle.customerPortalSessions.create(state.plain.id, ['sub_01h04vsc0qhwtsbsxh3422wjs4']);
  assert.match(session.id, /^cpls_[a-z\d]{26}$/);
  assert.equal(session.customerId, state.plain.id);
  assert.match(session.urls.general.overview, /^https:\/\/.+action=overview&token=pga_/);
  assert.equal(session.urls.subscriptions.length, 1);
  assert.equal(session.urls.subscriptions[0].id, 'sub_01h04vsc0qhwtsbsxh3422wjs4');
  assert.match(session.urls.subscriptions[0].cancelSubscription, /action=cancel_subscription&subscription_id=sub_01h04vsc0qhwtsbsxh3422wjs4/);
  assert.match(session.urls.subscriptions[0].updateSubscriptionPaymentMethod, /action=update_subscription_payment_method/);
  assert.deepEqual((await paddle.customerPortalSessions.create(state.plain.id, [])).urls.subscriptions, []);
});

check('a country Paddle does not support (RU), or no country at all (ZZ), is 400 invalid_field', async () => {
  await refused(paddle.addresses.create(state.customer.id, { countryCode: 'RU' }), 'invalid_field', ['country_code']);
  await refused(paddle.addresses.create(state.customer.id, { countryCode: 'ZZ' }), 'invalid_field', ['country_code']);
});

check('every customer and address change arrives signed, and verifies with the SDK\'s own verifier', async () => {
  const events = [];
  for await (const event of paddle.events.list({ orderBy: 'id[ASC]', perPage: 50 })) {
    events.push(event);
  }
  const changes = events.filter((e) => customerAndAddressEvents.includes(e.eventType));
  assert.ok(changes.length >= 10, `expected the changes of the checks above, found ${changes.length}`);
  await until(() => changes.every((c) => webhooks.verified.some((w) => w.event.eventId === c.eventId)), 'every change to be delivered');
  assert.deepEqual(webhooks.refused, []);
  for (const change of changes) {
    const delivered = webhooks.verified.find((w) => w.event.eventId === change.eventId);
    assert.equal(delivered.event.eventType, change.eventType);
    assert.equal(delivered.event.occurredAt, change.occurredAt);
    assert.deepEqual(delivered.event.data, change.data, `the delivery of ${change.eventId} carries the event's data`);
    assert.match(delivered.event.notificationId, /^ntf_[a-z\d]{26}$/);
  }
  assert.ok(changes.some((c) => c.eventType === 'customer.updated' && c.data.status === 'archived'), 'archiving is a customer.updated');
  state.changes = changes;
});

check('list events: by type, and from the last one processed', async () => {
  const updates = [];
  for await (const event of paddle.events.list({ eventType: ['address.updated'] })) {
    updates.push(event);
  }
  assert.ok(updates.length > 0 && updates.every((e) => e.eventType === 'address.updated'));
  const after = [];
  for await (const event of paddle.events.list({ after: state.changes[0].eventId, orderBy: 'id[ASC]' })) {
    after.push(event.eventId);
  }
  assert.equal(after[0], state.changes[1].eventId);
});

check('list notifications and replay one: a new notification of the same event, verified again', async () => {
  const notifications = [];
  for await (const notification of paddle.notifications.list({ notificationSettingId: [state.setting.id] })) {
    notifications.push(notification);
  }
  assert.equal(notifications.length, state.changes.length);
  for (const notification of notifications) {
    assert.equal(notification.status, 'delivered');
    assert.equal(notification.origin, 'event');
    assert.equal(notification.timesAttempted, 1);
    assert.equal(notification.notificationSettingId, state.setting.id);
    assert.equal(notification.payload.notificationId, notification.id);
    assert.equal(notification.type, notification.payload.eventType);
  }
  const original = notifications.find((n) => n.type === 'address.created');
  const replay = await paddle.notifications.replay(original.id);
  assert.match(replay.notificationId, /^ntf_[a-z\d]{26}$/);
  assert.notEqual(replay.notificationId, original.id);
  await until(() => webhooks.verified.some((w) => w.event.notificationId === replay.notificationId), 'the replay to be delivered');
  const replayed = webhooks.verified.find((w) => w.event.notificationId === replay.notificationId);
  assert.equal(replayed.event.eventId, original.payload.eventId);
  const fetched = await paddle.notifications.get(replay.notificationId);
  assert.equal(fetched.origin, 'replay');
  await refused(paddle.notifications.replay(replay.notificationId), 'notification_replay_invalid_origin_type');
});

check('create a business with Paddle\'s own example, and every member comes back as Paddle answers it', async () => {
  const business = await paddle.businesses.create(state.customer.id, {
    name: 'Uplift Inc.',
    companyNumber: '555775291485',
    taxIdentifier: '555952383',
    contacts: [{ name: 'Parker Jones', email: 'parker@example.com' }],
  });
  assert.match(business.id, /^biz_[a-z\d]{26}$/);
  assert.equal(business.customerId, state.customer.id);
  assert.equal(business.status, 'active');
  assert.deepEqual(business.contacts.map((c) => [c.name, c.email]), [['Parker Jones', 'parker@example.com']]);
  assert.equal(business.customData, null);
  assert.equal(business.importMeta, null);
  assert.match(business.createdAt, isoMillis);
  state.business = business;
  state.other = await paddle.businesses.create(state.customer.id, { name: 'HighFly LLC.' });
  assert.deepEqual(state.other.contacts, []);
});

check('a business without a name, with a member Paddle does not define, or of an unknown customer is refused', async () => {
  await refused(paddle.businesses.create(state.customer.id, { companyNumber: '1' }), 'invalid_field', ['name']);
  await refused(paddle.businesses.create(state.customer.id, { name: 'Uplift', website: 'https://example.com' }), 'invalid_field', ['website']);
  await refused(paddle.businesses.create('ctm_01h000000000000000000000000', { name: 'Uplift' }), 'not_found');
});

check('update a business with Paddle\'s own example, clear a member, archive and list by status, id and search', async () => {
  const updated = await paddle.businesses.update(state.customer.id, state.business.id, {
    contacts: [
      { name: 'Parker Jones', email: 'parker@example.com' },
      { name: 'Jo Riley', email: 'jo@example.com' },
      { name: 'Jesse Garcia', email: 'jo@example.com' },
    ],
    customData: { customer_reference_id: 'eb9b8d9b-7dd6-48e6-8c39-8557bba5eaa9' },
    taxIdentifier: null,
  });
  assert.equal(updated.contacts.length, 3);
  assert.equal(updated.taxIdentifier, null);
  assert.equal(updated.customData.customer_reference_id, 'eb9b8d9b-7dd6-48e6-8c39-8557bba5eaa9');
  const archived = await paddle.businesses.update(state.customer.id, state.other.id, { status: 'archived' });
  assert.equal(archived.status, 'archived');
  const active = [];
  for await (const business of paddle.businesses.list(state.customer.id)) {
    active.push(business.id);
  }
  assert.deepEqual(active, [state.business.id]);
  const all = [];
  for await (const business of paddle.businesses.list(state.customer.id, { status: ['active', 'archived'], perPage: 1, orderBy: 'id[ASC]' })) {
    all.push(business.id);
  }
  assert.deepEqual(all, [state.business.id, state.other.id]);
  const byId = await paddle.businesses.list(state.customer.id, { id: [state.other.id], status: ['archived'] }).next();
  assert.deepEqual(byId.map((b) => b.id), [state.other.id]);
  const searched = await paddle.businesses.list(state.customer.id, { search: 'jesse' }).next();
  assert.deepEqual(searched.map((b) => b.id), [state.business.id]);
  const got = await paddle.businesses.get(state.customer.id, state.business.id);
  assert.deepEqual(got.contacts.map((c) => c.name), ['Parker Jones', 'Jo Riley', 'Jesse Garcia']);
  await refused(paddle.businesses.get(state.customer.id, 'biz_01h000000000000000000000000'), 'not_found');
});

// Paddle saves a payment method only at checkout; the emulator's own route (never called by Paddle's SDKs) does it here.
async function savePaymentMethod(customerId, body) {
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/emulator/customers/${customerId}/payment-methods`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201);
  return (await response.json()).data.id;
}

check('list saved payment methods by address and checkout, get one, delete it once', async () => {
  const card = await savePaymentMethod(state.customer.id, { type: 'card', address_id: state.full.id });
  const upi = await savePaymentMethod(state.customer.id, { type: 'upi', address_id: state.minimal.id });
  const all = [];
  for await (const method of paddle.paymentMethods.list(state.customer.id, { orderBy: 'id[ASC]', perPage: 1 })) {
    all.push(method.id);
  }
  assert.deepEqual(all, [card, upi]);
  const atFull = await paddle.paymentMethods.list(state.customer.id, { addressId: [state.full.id] }).next();
  assert.deepEqual(atFull.map((m) => m.id), [card]);
  const atCheckout = await paddle.paymentMethods.list(state.customer.id, { supportsCheckout: true }).next();
  assert.deepEqual(atCheckout.map((m) => m.id), [card]);
  const got = await paddle.paymentMethods.get(state.customer.id, card);
  assert.equal(got.type, 'card');
  assert.equal(got.card.type, 'visa');
  assert.equal(got.card.last4, '4242');
  assert.equal(got.origin, 'saved_during_purchase');
  assert.equal(got.addressId, state.full.id);
  assert.match(got.savedAt, isoMillisOrMicros);
  await paddle.paymentMethods.delete(state.customer.id, card);
  await refused(paddle.paymentMethods.get(state.customer.id, card), 'not_found');
  await refused(paddle.paymentMethods.delete(state.customer.id, card), 'not_found');
});

check('business and payment method webhooks arrive signed, and verify with the SDK\'s own verifier', async () => {
  await paddle.notificationSettings.update(state.setting.id, {
    subscribedEvents: [...customerAndAddressEvents, 'business.created', 'business.updated', 'business.imported', 'payment_method.saved', 'payment_method.deleted'],
  });
  const before = webhooks.verified.length;
  const business = await paddle.businesses.create(state.customer.id, { name: 'Webhook Ltd', contacts: [{ email: 'ap@example.com' }] });
  await paddle.businesses.update(state.customer.id, business.id, { status: 'archived' });
  const method = await savePaymentMethod(state.customer.id, { type: 'paypal' });
  await paddle.paymentMethods.delete(state.customer.id, method);
  await until(() => webhooks.verified.length >= before + 4, 'the four webhooks');
  const arrived = webhooks.verified.slice(before).map((w) => w.event);
  assert.deepEqual(arrived.map((e) => e.eventType), ['business.created', 'business.updated', 'payment_method.saved', 'payment_method.deleted']);
  assert.equal(arrived[0].data.id, business.id);
  assert.equal(arrived[0].data.contacts[0].email, 'ap@example.com');
  assert.equal(arrived[1].data.status, 'archived');
  assert.equal(arrived[2].data.id, method);
  assert.equal(arrived[2].data.type, 'paypal');
  assert.equal(arrived[3].data.deletionReason, 'api');
  assert.deepEqual(webhooks.refused, []);
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
