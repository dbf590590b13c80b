/**
 * The Vue binding (`consent-gate/vue`): a plugin, composables and `<Consented>`. Vue 3; Vue is a peer
 * dependency, never bundled. Safe in server rendering: on the server no gate is created, and in the browser
 * the decision the server rendered (`initialConsent`) holds until the app is mounted (hydrated).
 */
import { defineComponent, inject, readonly, shallowRef, type App, type InjectionKey, type PropType, type Ref } from 'vue';
import type { Category, Consent, ConsentGate, ConsentGateOptions } from '../types';
import { createConsentGate } from '../create';
import { getWindow } from '../lib/dom';

interface Shared {
  gate: ConsentGate | null;
  consent: Ref<Consent | null>;
  /** Bumped on every change once mounted: what `isGranted` depends on (0 before). */
  version: Ref<number>;
}

const KEY: InjectionKey<Shared> = Symbol('consent-gate');

// One gate per page in the browser, however many apps use the plugin (or however often a dev server reloads one).
let appGate: ConsentGate | undefined;

export interface ConsentGatePluginOptions {
  /** Options for the gate the plugin creates in the browser, with the built-in notice. On the server none is created. */
  options?: ConsentGateOptions;
  /** A gate you created yourself instead (for example with `consent-gate/headless` and your own notice). */
  gate?: ConsentGate;
  /**
   * The decision as the server read it (`readConsent` from `consent-gate/server`): rendered on the server
   * and during hydration, so both render the same; once the app is mounted, the browser's own decision follows.
   * @default null
   */
  initialConsent?: Consent | null;
}

/**
 * The plugin: `app.use(consentGate, { options })`. One gate per page in the browser (the first app's options).
 * @example
 * createSSRApp(App).use(consentGate, { options: { gaId: 'G-ABC123' }, initialConsent }).mount('#app');
 */
export const consentGate = {
  install(app: App, { options, gate, initialConsent = null }: ConsentGatePluginOptions = {}) {
    const live = gate || (getWindow() ? (appGate ||= createConsentGate(options)) : null);
    const shared: Shared = { gate: live, consent: shallowRef(initialConsent), version: shallowRef(0) };
    const follow = () => {
      shared.consent.value = live!.getConsent();
      shared.version.value++;
    };
    if (live) {
      const off = live.onChange(follow);
      // Vue 3.5 and later tell when the app is unmounted.
      (app as { onUnmount?: (f: () => void) => void }).onUnmount?.(off);
      // Hydration renders what the server rendered; the browser's decision follows once mounted.
      const mount = app.mount;
      app.mount = (...args: Parameters<App['mount']>) => {
        const instance = mount(...args);
        follow();
        return instance;
      };
    }
    app.provide(KEY, shared);
  },
};

const useShared = (): Shared => inject(KEY, null) || { gate: null, consent: shallowRef(null), version: shallowRef(0) };

/** The gate itself (`acceptAll`, `setConsent`, `showPreferences`…); `null` on the server. */
export const useConsentGate = (): ConsentGate | null => useShared().gate;

/** The visitor's decision as a read-only ref that follows every change (in this tab or another). */
export const useConsent = (): Readonly<Ref<Consent | null>> => readonly(useShared().consent) as Readonly<Ref<Consent | null>>;

/** Renders its default slot only while `category` is granted, else its `fallback` slot. */
export const Consented = defineComponent({
  name: 'Consented',
  props: { category: { type: String as PropType<Category>, required: true } },
  setup(props, { slots }) {
    const shared = useShared();
    return () => {
      // Before mounting, as the server rendered; then as the gate says.
      const granted = shared.version.value && shared.gate ? shared.gate.isGranted(props.category) : shared.consent.value?.categories[props.category] === true;
      return granted ? slots.default?.() : slots.fallback?.();
    };
  },
});

export type { Categories, Category, Consent, ConsentGate, ConsentGateOptions } from '../types';
