/** Refs in reading order, as the plan numbers them: 1.2 before 1.10, 6.5 before 10.1. */
export const byRef = (a: { readonly ref: string }, b: { readonly ref: string }): number =>
  a.ref.localeCompare(b.ref, 'en', { numeric: true });
