/** Time enters the application through this token, so tests can control it. */
export const CLOCK = Symbol('Clock');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
