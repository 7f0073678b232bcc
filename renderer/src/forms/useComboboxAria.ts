import { useEffect, type RefObject } from 'react';

/**
 * Repairs the ARIA of a Suomi.fi SingleSelect/MultiSelect under `ref` (suomifi-ui-components 18):
 * its input points `aria-controls` at a list that exists only while open (axe:
 * aria-valid-attr-value), and its combobox element lacks `aria-controls` while open (axe:
 * aria-required-attr). The combobox names the list while it is open; the input names nothing.
 * React sets those attributes once, so the repair holds until the component is remounted.
 */
export function useComboboxAria(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const repair = () => {
      for (const combobox of root.querySelectorAll('[role="combobox"]')) {
        const input = combobox.querySelector('input[aria-controls]');
        const list = combobox.getAttribute('aria-owns') ?? input?.getAttribute('aria-controls') ?? '';
        // Attributes change only when they must: every change is itself a mutation this observer sees.
        if (input?.hasAttribute('aria-controls')) input.removeAttribute('aria-controls');
        const wanted = combobox.getAttribute('aria-expanded') === 'true' && list && document.getElementById(list) ? list : null;
        if (wanted !== null && combobox.getAttribute('aria-controls') !== wanted) combobox.setAttribute('aria-controls', wanted);
        if (wanted === null && combobox.hasAttribute('aria-controls')) combobox.removeAttribute('aria-controls');
      }
    };
    repair();
    const observer = new MutationObserver(repair);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-expanded', 'aria-controls'] });
    // The list itself renders in a portal: watch the document for it to appear and go.
    const portals = new MutationObserver(repair);
    portals.observe(document.body, { childList: true });
    return () => {
      observer.disconnect();
      portals.disconnect();
    };
  }, [ref]);
}
