import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsentGate, type ConsentGate, type ConsentGateOptions } from '../../src/headless';
import { freshPage, nextPage } from './page';

const open: ConsentGate[] = [];
const start = (options: ConsentGateOptions = {}) => {
  const gate = createConsentGate({ gaId: 'G-ABC123', categories: ['analytics', 'marketing', 'functional'], logEndpoint: '/consent-log', ...options });
  open.push(gate);
  return gate;
};
/** The endpoint as the browser reaches it: each answer in turn (a status, or 'offline'), then 204; what it received. */
const endpoint = (...answers: (number | 'offline')[]) => {
  const received: { url: string; body: string; keepalive?: boolean; method?: string; acknowledged: boolean }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const answer = answers.shift() ?? 204;
    if (answer == 'offline') throw new TypeError('Failed to fetch');
    received.push({ url, body: init.body as string, keepalive: init.keepalive, method: init.method, acknowledged: answer < 300 });
    return new Response(null, { status: answer });
  });
  Object.defineProperty(window, 'fetch', { value: fetch, configurable: true, writable: true });
  return { fetch, received, stored: () => received.filter((r) => r.acknowledged).map((r) => JSON.parse(r.body)) };
};
const settle = () => new Promise((r) => setTimeout(r, 0));
/** The next page of the site: the gate starts again and does what it does at start. */
const laterPage = async () => {
  nextPage();
  start();
  await settle();
};
const queued = () => JSON.parse(localStorage.getItem('cg_consent_log') || '[]') as [string, number][];

beforeEach(() => freshPage());
afterEach(() => {
  open.splice(0).forEach((g) => g.destroy());
  vi.restoreAllMocks();
});

describe('proof of consent', () => {
  it('POSTs each decision once, with keepalive, as JSON with the language and the path (no query string); once answered, nothing waits', async () => {
    jsdom.reconfigure({ url: 'https://www.shop.example.test/shop/cart/?email=a@b.c#x' });
    document.documentElement.lang = 'de';
    const server = endpoint();
    const consent = start().setConsent({ analytics: true });
    await settle();
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ url: '/consent-log', method: 'POST', keepalive: true });
    expect(JSON.parse(server.received[0].body)).toEqual({ ...consent, language: 'de', path: '/shop/cart/' });
    expect(JSON.parse(server.received[0].body).categories).toEqual({ analytics: true, marketing: false, functional: false });
    expect(server.received[0].body).not.toContain('email');
    expect(queued()).toEqual([]);
    await laterPage();
    expect(server.received).toHaveLength(1);
  });

  it('keeps a decision the endpoint did not acknowledge (offline, 503) and sends it on later pages until it does: it arrives exactly once', async () => {
    const server = endpoint('offline', 503, 503, 204);
    const first = start().acceptAll()!;
    await settle();
    expect(queued()).toHaveLength(1);
    for (let page = 0; page < 3; page++) await laterPage();
    expect(server.stored()).toEqual([expect.objectContaining({ id: first.id, timestamp: first.timestamp, categories: first.categories })]);
    expect(queued()).toEqual([]);
    // Later pages send nothing more.
    await laterPage();
    expect(server.fetch).toHaveBeenCalledTimes(4);
  });

  it('keeps several decisions in their order, each sent until acknowledged', async () => {
    const server = endpoint('offline', 'offline');
    const gate = start();
    const a = gate.acceptAll()!;
    const b = gate.rejectAll()!;
    await settle();
    expect(queued()).toHaveLength(2);
    await laterPage();
    expect(server.stored().map((s) => [s.timestamp, s.categories.analytics])).toEqual([
      [a.timestamp, true],
      [b.timestamp, false],
    ]);
    expect(queued()).toEqual([]);
  });

  it('drops a decision the endpoint refused (4xx): no retry would change it', async () => {
    const server = endpoint(400);
    start().acceptAll();
    await settle();
    expect(queued()).toEqual([]);
    await laterPage();
    expect(server.fetch).toHaveBeenCalledOnce();
  });

  it('forgets what waited longer than 7 days, and keeps at most 20', async () => {
    localStorage.setItem('cg_consent_log', JSON.stringify([['{"old":1}', Date.now() - 8 * 864e5]]));
    const server = endpoint(...Array<'offline'>(25).fill('offline'));
    const gate = start();
    for (let i = 0; i < 25; i++) gate.setConsent({ analytics: i % 2 == 0 });
    await settle();
    expect(server.fetch.mock.calls.map((call) => call[1].body)).not.toContain('{"old":1}');
    expect(queued()).toHaveLength(20);
  });

  it('with storage blocked, sends each decision once with sendBeacon', async () => {
    const server = endpoint();
    const beacon = vi.fn(() => true);
    Object.assign(navigator, { sendBeacon: beacon });
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const consent = start().acceptAll();
    await settle();
    expect(beacon).toHaveBeenCalledOnce();
    expect(JSON.parse((beacon.mock.calls[0] as unknown as string[])[1])).toMatchObject({ id: consent!.id });
    expect(server.fetch).not.toHaveBeenCalled();
  });

  it('never reaches the page when fetch or sendBeacon throw', async () => {
    Object.defineProperty(window, 'fetch', {
      value: () => {
        throw new TypeError('blocked');
      },
      configurable: true,
      writable: true,
    });
    expect(start().acceptAll()!.categories.analytics).toBe(true);
    await settle();
    expect(queued()).toHaveLength(1);
  });
});
