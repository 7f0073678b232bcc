import { useTranslation } from 'react-i18next';
import { decodeMessage } from '../../../shared/domain/messages';

/** Translates a validation message (an i18n key, possibly with parameters) into the UI language. */
export function useMessage() {
  const { t } = useTranslation();
  return (message: string) => {
    const { key, params } = decodeMessage(message);
    return t(key, params);
  };
}
