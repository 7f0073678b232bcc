import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { UiLanguage } from '../../../shared/reference/labels';
import { DEFAULT_LANGUAGE, isUiLanguage } from '../i18n';

interface UiState {
  language: UiLanguage;
  setLanguage: (language: UiLanguage) => void;
  /** A one-off confirmation to announce on the next screen (e.g. "Request saved"); never persisted. */
  notice: string | null;
  flash: (notice: string) => void;
  clearNotice: () => void;
}

/** UI preferences kept on this device (not case data). */
export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      language: DEFAULT_LANGUAGE,
      setLanguage: (language) => set({ language }),
      notice: null,
      flash: (notice) => set({ notice }),
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
