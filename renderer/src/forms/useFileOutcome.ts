import { useTranslation } from 'react-i18next';
import { useUiStore } from '../state/uiStore';

/** A failed save through the bridge; useCommand reports it with the screen's fallback message. */
export class FileSaveError extends Error {
  constructor(readonly code: string) {
    super(`the file could not be saved: ${code}`);
    this.name = 'FileSaveError';
  }
}

/**
 * What to tell the user after a file went through the bridge (saveFile or printToPdf): where it was
 * saved (`savedKey` with `{{location}}`), nothing when they cancelled or the browser's print dialog
 * took over, and a FileSaveError to throw when the shell could not write it.
 */
export function useFileOutcome() {
  const { t } = useTranslation();
  const flash = useUiStore((s) => s.flash);
  return (result: { status: string; location?: string; code?: string }, savedKey: string, params: Record<string, unknown> = {}) => {
    if (result.status === 'saved') flash(t(savedKey, { location: result.location, ...params }), window.location.hash);
    if (result.status === 'failed') throw new FileSaveError(result.code ?? 'write-failed');
  };
}
