import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { UiLanguage } from '../../../shared/reference/labels';
import { DEFAULT_LANGUAGE, isUiLanguage } from '../i18n';

interface UiState {
  language: UiLanguage;
  setLanguage: (language: UiLanguage) => void;
  /** A one-off confirmation for the screen at `hash` (e.g. "Request saved"); dropped on leaving it; never persisted. */
  notice: { text: string; hash: string } | null;
  flash: (text: string, hash: string) => void;
  clearNotice: () => void;
}

/** UI preferences kept on this device (not case data). */
export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      language: DEFAULT_LANGUAGE,
      setLanguage: (language) => set({ language }),
      notice: null,
      flash: (text, hash) => set({ notice: { text, hash } }),
      clearNotice: () => set({ notice: null }),
    }),
    {
      name: 'otk.ui',
      partialize: (state) => ({ language: state.language }),
      merge: (persisted, current) => {
        const language = (persisted as Partial<UiState> | undefined)?.language;
        return { ...current, language: isUiLanguage(language) ? language : current.language };
      },
    },
  ),
);
