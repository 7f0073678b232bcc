/** A Suomi.fi Dropdown's option list while open: `<id>-popover`, in a portal. */
const POPOVER_LIST = '[role="listbox"][id$="-popover"]';

function name(list: Element): void {
  if (list.hasAttribute('aria-labelledby') || list.hasAttribute('aria-label')) return;
  const label = document.getElementById(`${list.id.slice(0, -'-popover'.length)}-label`);
  if (label) list.setAttribute('aria-labelledby', label.id);
}

/**
 * Names the option list of every Suomi.fi Dropdown (suomifi-ui-components 18) after its field's
 * label. The list is a `listbox` that exists only while the dropdown is open and carries no name
 * (axe: aria-input-field-name), so a screen reader entering it would hear an unnamed list. Its
 * label is `<id>-label` beside the list's `<id>-popover`. One observer for the whole document (the
 * lists render in portals), as for keepInputsPrivate. Returns the function that stops observing.
 */
export function nameDropdownLists(root: Element): () => void {
  const sweep = (node: Element) => {
    if (node.matches(POPOVER_LIST)) name(node);
    for (const list of node.querySelectorAll(POPOVER_LIST)) name(list);
  };
  sweep(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) sweep(node);
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
