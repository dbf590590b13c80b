/** A migration file, imported as its text (rollup's `sqlText` plugin; Vite's `?raw` in the tests). */
declare module '*.sql?raw' {
  const text: string;
  export default text;
}
