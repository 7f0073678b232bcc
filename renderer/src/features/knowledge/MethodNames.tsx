import { useUiStore } from '../../state/uiStore';
import { useMethodCatalogue } from '../../queries/useKnowledge';
import { methodOf } from '../../../../shared/knowledge/methods';

/** Method codes as their names in the UI language, comma-separated (a code from another registry as itself). */
export function MethodNames({ codes }: { codes: readonly string[] }) {
  const language = useUiStore((s) => s.language);
  const catalogue = useMethodCatalogue();
  return <>{codes.map((code) => methodOf(catalogue, code)?.name[language] ?? code).join(', ')}</>;
}
