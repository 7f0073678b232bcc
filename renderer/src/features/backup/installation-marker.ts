/**
 * Which installation this browser profile (or the desktop app's profile) last opened, kept in
 * local storage beside the UI language: an id, no case data. When the database later turns out
 * empty — the browser's data cleared, or a damaged database replaced by a fresh one — the
 * first-run screen says what happened and offers the restore, instead of silently starting over.
 * Clearing the site's data removes this too; then the first-run screen offers the restore as always.
 */
const KEY = 'otk.installation';

export function rememberedInstallation(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberInstallation(id: string): void {
  try {
    window.localStorage.setItem(KEY, id);
  } catch {
    // Local storage unavailable or full: the marker is a courtesy, never required.
  }
}
