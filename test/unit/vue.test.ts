import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, nextTick } from 'vue';
import { consentGate, Consented, useConsent, useConsentGate } from '../../src/vue';
import type { ConsentGate } from '../../src/headless';
import { freshPage } from './page';

let gates: (ConsentGate | null)[] = [];

/** An app showing the decision and a gated element; it reports the gate it was given. */
const App = defineComponent({
  setup() {
    const consent = useConsent();
    gates.push(useConsentGate());
    return () =>
      h('main', [
        h('p', { class: 'state' }, consent.value ? String(consent.value.categories.marketing) : 'undecided'),
        h(Consented, { category: 'marketing' }, { default: () => h('p', { class: 'ad' }, 'ad'), fallback: () => h('p', { class: 'fallback' }, 'no ads') }),
      ]);
  },
});

const mountApp = () => {
  const el = document.body.appendChild(document.createElement('div'));
  const app = createApp(App).use(consentGate, { options: { categories: ['analytics', 'marketing'], ui: false } });
  app.mount(el);
  return { app, text: (cls: string) => el.querySelector('.' + cls)?.textContent };
};

beforeEach(() => {
  freshPage();
  gates = [];
});
afterEach(() => vi.restoreAllMocks());

describe('consent-gate/vue in the browser', () => {
  it('one gate per page, however many apps use the plugin; each app follows every decision until it is unmounted', async () => {
    const first = mountApp();
    const second = mountApp();
    expect(gates[0]).toBeTruthy();
    expect(gates[1]).toBe(gates[0]);
    const gate = gates[0]!;
    expect([first.text('state'), first.text('fallback'), first.text('ad')]).toEqual(['undecided', 'no ads', undefined]);

    gate.setConsent({ marketing: true });
    await nextTick();
    expect([first.text('state'), first.text('ad'), second.text('state'), second.text('ad')]).toEqual(['true', 'ad', 'true', 'ad']);

    // An unmounted app no longer listens.
    const follow = vi.fn();
    const onChange = gate.onChange.bind(gate);
    vi.spyOn(gate, 'onChange').mockImplementation((listener) => onChange((c) => (follow(), listener(c))));
    const third = createApp(App).use(consentGate, {});
    third.mount(document.body.appendChild(document.createElement('div')));
    third.unmount();
    gate.rejectAll();
    await nextTick();
    expect(follow).not.toHaveBeenCalled();
    expect([first.text('state'), first.text('fallback')]).toEqual(['false', 'no ads']);
    first.app.unmount();
    second.app.unmount();
    gate.destroy();
  });
});
