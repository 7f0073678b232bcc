import type { ReactNode } from 'react';

/** One label–value pair of a read-only description list (`<dl className="otk-fields">`); an empty value shows as a dash. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="otk-field">
      <dt>{label}</dt>
      <dd>{children === '' || children === undefined || children === null ? '–' : children}</dd>
    </div>
  );
}
