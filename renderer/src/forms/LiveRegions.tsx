import { Paragraph } from 'suomifi-ui-components';
import { useUiStore } from '../state/uiStore';

/**
 * A screen's two live regions: the polite status (the notice left by the last save or export, read
 * by screen readers when it appears) and the assertive alert (what just failed). Both stay in the
 * DOM while empty, so assistive technology announces what is put into them.
 */
export function LiveRegions({ error, className = '' }: { error?: string | null; className?: string }) {
  const notice = useUiStore((s) => s.notice);
  return (
    <>
      <div role="status" className={`otk-live ${className}`.trim()}>
        {notice && <Paragraph className="otk-notice">{notice.text}</Paragraph>}
      </div>
      <div role="alert" className={`otk-live ${className}`.trim()}>
        {error && <Paragraph className="otk-error">{error}</Paragraph>}
      </div>
    </>
  );
}
