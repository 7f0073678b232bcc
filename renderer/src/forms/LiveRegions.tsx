import { Paragraph } from 'suomifi-ui-components';
import { useUiStore } from '../state/uiStore';

/**
 * A screen's two live regions: the polite status (the notice left by the last save or export, read
 * by screen readers when it appears) and the assertive alert (what just failed). Both stay in the
 * DOM while empty, so assistive technology announces what is put into them. `notice` given: the
 * screen's own notice instead of the one left by the last save.
 */
export function LiveRegions({ error, notice, className = '' }: { error?: string | null; notice?: string | null; className?: string }) {
  const flashed = useUiStore((s) => s.notice);
  const text = notice === undefined ? flashed?.text : notice;
  return (
    <>
      <div role="status" className={`otk-live ${className}`.trim()}>
        {text && <Paragraph className="otk-notice">{text}</Paragraph>}
      </div>
      <div role="alert" className={`otk-live ${className}`.trim()}>
        {error && <Paragraph className="otk-error">{error}</Paragraph>}
      </div>
    </>
  );
}
