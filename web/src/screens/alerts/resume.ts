// "Resume where you left off": the last alert this person decided, kept in the browser (per user) across reloads.
const key = (userId: string) => `vigil.alerts.last-decided.${userId}`;

export function lastDecided(userId: string): string | null {
  try {
    return window.localStorage.getItem(key(userId));
  } catch {
    return null;
  }
}

export function rememberDecided(userId: string, alertId: string): void {
  try {
    window.localStorage.setItem(key(userId), alertId);
  } catch {
    // storage unavailable (private mode, quota): resuming then starts at the top of the queue
  }
}
