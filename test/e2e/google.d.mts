export const STAND_IN: string;
export const GTM_STAND_IN: string;
export const GOOGLE: RegExp;
