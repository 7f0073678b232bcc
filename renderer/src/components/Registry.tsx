import { useState, type ReactNode } from 'react';
import { Button } from 'suomifi-ui-components';

/**
 * The frame of a registry screen (the expert networks, the methods): a table of entries, each
 * edited in a form that replaces the table, and taken out of use after a confirmation — never
 * deleted, because cases and recommendations keep naming them. The screens give the columns, the
 * cells and the form; this holds what they share, so both behave and read the same.
 */

/** What the registry is doing: listing, adding a new entry, or editing one. */
export type RegistryEditing<New, Record> = { mode: 'new'; initial: New } | { mode: 'edit'; record: Record } | null;

/** The editing state and the notice of the last change (shown in the screen's LiveRegions). */
export function useRegistry<New, Record>() {
  const [editing, setEditing] = useState<RegistryEditing<New, Record>>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return { editing, setEditing, notice, setNotice };
}

export interface RegistryTableProps {
  /** The id of the heading that names the table. */
  labelledBy: string;
  /** The column headers, before the actions column. */
  columns: readonly string[];
  /** The actions column's name, read by screen readers only. */
  actionsLabel: string;
  testId?: string;
  children: ReactNode;
}

/** The registry's table: its column headers, an actions column, and the rows the screen renders. */
export function RegistryTable({ labelledBy, columns, actionsLabel, testId, children }: RegistryTableProps) {
  return (
    <table className="otk-table otk-table-plain" aria-labelledby={labelledBy} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
          <th scope="col">
            <span className="otk-visually-hidden">{actionsLabel}</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export interface RegistryRowActionsProps {
  /** "Edit" (the button's text) and "Edit: <name>" (its accessible name); no edit button without onEdit. */
  edit?: { text: string; label: string; onEdit: () => void };
  /** "Take out of use", its accessible name, the question asked first, and the command; none when already out of use. */
  deactivate?: { text: string; label: string; confirm: string; run: () => void };
  busy?: boolean;
}

/** A row's actions cell: edit, and take out of use once the user confirms. */
export function RegistryRowActions({ edit, deactivate, busy = false }: RegistryRowActionsProps) {
  return (
    <td className="otk-actions-cell">
      {edit && (
        <Button variant="secondaryNoBorder" aria-label={edit.label} onClick={edit.onEdit}>
          {edit.text}
        </Button>
      )}
      {deactivate && (
        <Button
          variant="secondaryNoBorder"
          disabled={busy}
          aria-label={deactivate.label}
          onClick={() => {
            if (window.confirm(deactivate.confirm)) deactivate.run();
          }}
        >
          {deactivate.text}
        </Button>
      )}
    </td>
  );
}
