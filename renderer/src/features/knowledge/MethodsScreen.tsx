import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import { localMethodCode, type CatalogueMethod } from '../../../../shared/knowledge/methods';
import { uuidv7 } from '../../../../shared/ids';
import { THEMES } from '../../../../shared/reference/themes';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useLocalMethods, useMethodCatalogue } from '../../queries/useKnowledge';
import { deactivateLocalMethod, saveLocalMethod } from '../../commands/methods';
import type { MethodRecord } from '../../queries/records';
import { useCommand } from '../../forms/useCommand';
import { formatIsoDate } from '../../format/dates';
import { MethodForm, methodValuesOf, type MethodValues } from './MethodForm';
import { RatingText } from './RatingText';
import { ScreenPanel } from '../../components/ScreenPanel';
import { LiveRegions } from '../../forms/LiveRegions';
import { RegistryRowActions, RegistryTable, useRegistry } from '../../components/Registry';

function blankMethod(now: Date): MethodValues {
  const code = localMethodCode(uuidv7(now.getTime()));
  return {
    id: code,
    code,
    name: { fi: '', sv: '', en: '' },
    description: { fi: '', sv: '', en: '' },
    ages: { from: 0, to: 17 },
    themes: [],
    activeTo: null,
    rating: { rating: '', source: '', assessedOn: '' },
  };
}

const THEME_LABEL = new Map(THEMES.map((theme) => [theme.code, theme]));

/**
 * The methods catalogue (issue 21): the shipped evidence-based methods with their Kasvun tuki
 * assessment and its source, and the centre's own methods — added, edited and taken out of use
 * (never deleted: recommendations keep naming them), like the network registry.
 */
export function MethodsScreen() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { commands } = useServices();
  const catalogue = useMethodCatalogue();
  const local = useLocalMethods();
  const { editing, setEditing, notice, setNotice } = useRegistry<MethodValues, MethodRecord>();
  const { run, busy, error } = useCommand('knowledge.methods.failed');

  if (editing) {
    return (
      <ScreenPanel
        headingId="method-form-heading"
        heading={editing.mode === 'new' ? t('knowledge.methods.newHeading') : t('knowledge.methods.editHeading', { name: editing.record.name[language] })}
        className="otk-panel"
      >
        <MethodForm
          initial={editing.mode === 'new' ? editing.initial : methodValuesOf(editing.record)}
          onSave={async (method) => {
            const saved = await saveLocalMethod(commands, method, editing.mode === 'edit' ? editing.record.rev : undefined);
            setEditing(null);
            setNotice(t('knowledge.methods.saved', { name: saved.name[language] }));
          }}
          onCancel={() => setEditing(null)}
        />
      </ScreenPanel>
    );
  }

  const recordOf = (method: CatalogueMethod) => local?.find((m) => m.code === method.code);
  return (
    <ScreenPanel
      headingId="methods-heading"
      heading={t('knowledge.methods.heading')}
      intro={t('knowledge.methods.intro')}
      className="otk-panel"
      actions={<Button onClick={() => setEditing({ mode: 'new', initial: blankMethod(commands.now()) })}>{t('knowledge.methods.add')}</Button>}
    >
      <LiveRegions notice={notice} error={error} />
      {!local ? (
        <Paragraph>{t('app.loading')}</Paragraph>
      ) : (
        <RegistryTable
          labelledBy="methods-heading"
          testId="methods-table"
          columns={[t('knowledge.methods.name'), t('knowledge.methods.ages'), t('knowledge.methods.themes'), t('knowledge.methods.kasvunTuki'), t('knowledge.methods.state')]}
          actionsLabel={t('knowledge.methods.actions')}
        >
          {catalogue.map((method) => {
            const record = recordOf(method);
            const name = method.name[language];
            return (
              <tr key={method.code}>
                <td>
                  <strong>{name}</strong>
                  {method.lape && <span className="otk-badge">{t('knowledge.methods.lape')}</span>}
                  <br />
                  <span className="otk-muted">{method.description[language]}</span>
                </td>
                <td>{t('knowledge.methods.ageRange', { from: method.ages.from, to: method.ages.to })}</td>
                <td>{method.themes.map((code) => THEME_LABEL.get(code)?.[language] ?? code).join(', ')}</td>
                <td>
                  <RatingText rating={method.kasvunTuki} />
                </td>
                <td>
                  {method.origin === 'shipped'
                    ? t('knowledge.methods.shipped')
                    : method.active
                      ? t('knowledge.methods.own')
                      : t('knowledge.methods.inactiveSince', { date: record?.activeTo ? formatIsoDate(record.activeTo, language) : '' })}
                </td>
                <RegistryRowActions
                  busy={busy}
                  edit={record && { text: t('case.edit'), label: t('knowledge.methods.editNamed', { name }), onEdit: () => setEditing({ mode: 'edit', record }) }}
                  deactivate={
                    record && method.active
                      ? {
                          text: t('knowledge.methods.deactivate'),
                          label: t('knowledge.methods.deactivateNamed', { name }),
                          confirm: t('knowledge.methods.confirmDeactivate', { name }),
                          run: () =>
                            void run(async () => {
                              await deactivateLocalMethod(commands, record.id);
                              setNotice(t('knowledge.methods.deactivated', { name }));
                            }),
                        }
                      : undefined
                  }
                />
              </tr>
            );
          })}
        </RegistryTable>
      )}
    </ScreenPanel>
  );
}
