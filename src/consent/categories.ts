import type { Category } from '../types';

/** Every category, in the order the notice and the preferences show them; its first letter is its code in the record. */
export const CATEGORIES: Category[] = ['analytics', 'marketing', 'functional'];

/**
 * Google Consent Mode v2: the signals each category grants. `security_storage` is necessary: granted in
 * the default. Every other signal is denied until its category is granted.
 */
export const SIGNALS: Record<Category, string[]> = {
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  functional: ['functionality_storage', 'personalization_storage'],
};
