/** How much of the read side stays in memory, and how long a read waits for a position it was sent. */
export interface ReadSideSettings {
  /** The plan cache's bound, in events held (PLAN_CACHE_EVENTS). */
  readonly planCacheEvents: number;
}

/**
 * About 2.7 KB of memory an event once folded (state and its snapshots, timeline, history,
 * search; measured on 10,000-event plans): 150,000 events is some 400 MB, e.g. 15 plans of
 * 10,000 events each, or every plan of a council for years.
 */
export const DEFAULT_PLAN_CACHE_EVENTS = 150_000;

export const READ_SIDE_SETTINGS = Symbol('ReadSideSettings');

/** The settings from the application's configuration, for the global module's providers. */
export const readSideSettingsProvider = (config: { readonly planCacheEvents?: number }) => ({
  provide: READ_SIDE_SETTINGS,
  useValue: {
    planCacheEvents: config.planCacheEvents ?? DEFAULT_PLAN_CACHE_EVENTS,
  } satisfies ReadSideSettings,
});
