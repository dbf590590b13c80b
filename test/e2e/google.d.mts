export const STAND_IN: string;
export const GOOGLE: RegExp;
