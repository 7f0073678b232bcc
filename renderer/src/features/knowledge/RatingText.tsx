import { useTranslation } from 'react-i18next';
import type { KasvunTuki } from '../../../../shared/reference/methods';
import { useUiStore } from '../../state/uiStore';
import { formatIsoDate } from '../../format/dates';

/**
 * A method's Kasvun tuki assessment as its source states it, with the source's address as text
 * (the app opens no web pages) and the date only when the source gives one; "no cited assessment"
 * when there is none.
 */
export function RatingText({ rating }: { rating: KasvunTuki | null }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  if (!rating) return <span className="otk-muted">{t('knowledge.methods.noRating')}</span>;
  return (
    <>
      {rating.rating}
      {rating.assessedOn ? ` (${formatIsoDate(rating.assessedOn, language)})` : ''}
      <br />
      <span className="otk-muted otk-break">{t('knowledge.methods.sourceLine', { source: rating.source })}</span>
      {!rating.assessedOn && (
        <>
          <br />
          <span className="otk-muted">{t('knowledge.methods.noDate')}</span>
        </>
      )}
    </>
  );
}
