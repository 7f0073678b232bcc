/** The form controls the browser would remember text from. */
const CONTROLS = 'input, textarea, select';

function seal(element: Element): void {
  element.setAttribute('autocomplete', 'off');
  element.setAttribute('spellcheck', 'false');
}

/**
 * Nothing typed into the app is kept by the browser outside the app's own sealed database: every
 * input, text area and list under `root`, now and later, gets
 *  - autocomplete="off": no autofill entries (Chromium's "Web Data"), and no form state in the
 *    history entries that session restore writes to disk ("Sessions");
 *  - spellcheck="false": case text never goes to a spelling service, and Electron never fetches
 *    dictionaries for it.
 * One observer for the whole document (menus and dialogs render in portals): no field can be missed.
 * Returns the function that stops observing.
 */
export function keepInputsPrivate(root: Element): () => void {
  const sweep = (node: Element) => {
    if (node.matches(CONTROLS)) seal(node);
    for (const control of node.querySelectorAll(CONTROLS)) seal(control);
  };
  sweep(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof Element) {
        const target = record.target;
        if (target.matches(CONTROLS) && (target.getAttribute('autocomplete') !== 'off' || target.getAttribute('spellcheck') !== 'false')) seal(target);
      }
      for (const node of record.addedNodes) if (node instanceof Element) sweep(node);
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['autocomplete', 'spellcheck'] });
  return () => observer.disconnect();
}
