// Present so that Next does not look for one elsewhere; the peer needs no start-up work.
export function register(): void {}
