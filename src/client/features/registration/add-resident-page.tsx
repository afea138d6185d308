import { Button } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { IdType } from '../../../shared/domain/resident.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { useUnsavedInput } from '../../sync/services.js';
import { TextField } from '../../ui/text-field.js';
import { isRejection } from './describe-error.js';
import { readPrefill } from './prefill.js';
import { QueueNumberSheet } from './queue-number-sheet.js';
import type { DraftField, ResidentDraft } from './resident-form.js';
import {
  FIELD_ORDER,
  checkDraft,
  compact,
  draftProblems,
  pinyinKeys,
  preloadPinyin,
  visibleProblem,
} from './resident-form.js';
import { useRegister } from './use-register.js';
import { useTubeDesk } from './use-tube-desk.js';

const ID_TYPES: readonly IdType[] = [
  'mainland',
  'hk_macau_permit',
  'taiwan_permit',
  'passport',
  'none',
];
/** Why someone has no document: one tap for the usual reasons, or typed. */
const REASONS = {
  child: 'resident.reasons.child',
  elderly: 'resident.reasons.elderly',
  lost: 'idDocs.reasonLost',
} as const;
const REASON_IDS = Object.keys(REASONS) as (keyof typeof REASONS)[];

/**
 * Adds someone who is not on the roster and registers them, in one save
 * (route /site/:siteId/new). Invalid input: the form says why and nothing is stored.
 */
export function AddResidentPage() {
  const { siteId = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { t } = useTranslation();
  const { registerNew } = useRegister(siteId);
  const desk = useTubeDesk(siteId);
  const inputs = useRef<Partial<Record<DraftField, HTMLInputElement | null>>>({});

  const [draft, setDraft] = useState<ResidentDraft>(() => {
    const prefill = readPrefill(location.state);
    return {
      name: prefill.name ?? '',
      idType: 'mainland',
      idNumber: prefill.idNumber ?? '',
      noIdReason: '',
      phone: prefill.phone ?? '',
    };
  });
  const [showAll, setShowAll] = useState(false);
  const [serverSaid, setServerSaid] = useState<Partial<Record<DraftField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ queueNumber: string; name: string } | null>(null);

  useEffect(preloadPinyin, []);
  // Typed and not yet saved: an app update waits until it is saved or the form is left.
  const typed = [draft.name, draft.idNumber, draft.noIdReason, draft.phone].some(
    (v) => v.trim() !== '',
  );
  useUnsavedInput('add-resident', typed && shown === null);

  const problems = draftProblems(draft);
  const errorOf = (field: DraftField): string | null => {
    if (serverSaid[field]) return serverSaid[field];
    const key = visibleProblem(field, draft, problems[field], showAll);
    return key ? t(key) : null;
  };

  function change<K extends keyof ResidentDraft>(key: K, value: ResidentDraft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setFormError(null);
    if (key === 'idType') setServerSaid((s) => ({ ...s, idNumber: undefined }));
    else setServerSaid((s) => ({ ...s, [key]: undefined }));
  }

  async function save() {
    if (busy) return;
    setShowAll(true);
    setFormError(null);
    const checked = checkDraft(draft);
    if (!checked) {
      setFormError(t('resident.fixErrors'));
      const first = FIELD_ORDER.find((f) => problems[f] !== null);
      if (first) inputs.current[first]?.focus();
      return;
    }
    setBusy(true);
    try {
      const outcome = await registerNew({
        id: crypto.randomUUID(),
        siteId,
        householdId: null,
        employerId: null,
        name: checked.name,
        ...(await pinyinKeys(checked.name)),
        idType: draft.idType,
        idNumber: checked.idNumber,
        noIdReason: checked.noIdReason,
        phone: checked.phone,
        at: new Date().toISOString(),
      });
      if (!outcome) return;
      if (outcome.ok) {
        await desk.place([outcome.registrationId]);
        setShown({ queueNumber: outcome.queueNumber, name: checked.name });
        return;
      }
      // Nothing was stored: say why, next to the field when it is about one.
      const { error, message } = outcome;
      if (isRejection(error)) {
        const field: DraftField | null =
          error.code === 'id_number_invalid' || error.code === 'resident_exists'
            ? 'idNumber'
            : error.code === 'phone_invalid'
              ? 'phone'
              : null;
        if (field) setServerSaid((s) => ({ ...s, [field]: message }));
      }
      setFormError(message);
    } finally {
      setBusy(false);
    }
  }

  const mainland = draft.idType === 'mainland';
  const digits = compact(draft.idNumber).length;

  return (
    <div className="hj-page">
      <PageHeader
        title={t('resident.title')}
        onBack={() => navigate(`/site/${siteId}`)}
        backLabel={t('nav.back')}
      />
      <form
        className="hj-content"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="hj-fieldset" disabled={shown !== null}>
          <TextField
            id="new-name"
            testId="new-name"
            label={t('resident.name')}
            placeholder={t('resident.namePlaceholder')}
            autoFocus={!draft.name}
            maxLength={50}
            enterKeyHint="next"
            value={draft.name}
            onChange={(v) => change('name', v)}
            error={errorOf('name')}
            errorTestId="error-name"
            inputRef={(el) => {
              inputs.current.name = el;
            }}
          />
          <div className="hj-field">
            <span className="hj-label" aria-hidden="true">
              {t('resident.idType')}
            </span>
            <ChoiceChips
              label={t('resident.idType')}
              testId="new-id-type"
              options={ID_TYPES.map((v) => ({ value: v, label: t(`resident.idTypes.${v}`) }))}
              value={draft.idType}
              onChange={(v) => change('idType', v)}
            />
          </div>
          {draft.idType !== 'none' ? (
            <TextField
              id="new-id-number"
              testId="new-id-number"
              label={t('resident.idNumber')}
              placeholder={
                mainland
                  ? t('resident.idNumberPlaceholder')
                  : t(`idDocs.${draft.idType as 'passport'}.placeholder`)
              }
              inputMode={mainland || draft.idType === 'taiwan_permit' ? 'numeric' : 'text'}
              autoCapitalize="characters"
              enterKeyHint="next"
              maxLength={mainland ? 22 : 30}
              value={draft.idNumber}
              onChange={(v) => change('idNumber', v)}
              error={errorOf('idNumber')}
              errorTestId="error-idNumber"
              hint={mainland ? t('resident.idDigits', { count: digits }) : undefined}
              inputRef={(el) => {
                inputs.current.idNumber = el;
              }}
              trailing={
                mainland ? (
                  <Button
                    data-testid="new-id-x"
                    aria-label={t('resident.addX')}
                    onClick={() => {
                      change('idNumber', compact(draft.idNumber) + 'X');
                      inputs.current.idNumber?.focus();
                    }}
                  >
                    X
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <div className="hj-field">
              <span className="hj-label" aria-hidden="true">
                {t('resident.noIdReason')}
              </span>
              <ChoiceChips
                label={t('resident.noIdReason')}
                testId="new-no-id-reason-pick"
                options={REASON_IDS.map((r) => ({ value: r, label: t(REASONS[r]) }))}
                value={REASON_IDS.find((r) => t(REASONS[r]) === draft.noIdReason) ?? null}
                onChange={(r) => change('noIdReason', t(REASONS[r]))}
              />
              <TextField
                id="new-no-id-reason"
                testId="new-no-id-reason"
                label={t('resident.noIdReasonOther')}
                placeholder={t('resident.noIdReasonPlaceholder')}
                maxLength={200}
                value={draft.noIdReason}
                onChange={(v) => change('noIdReason', v)}
                error={errorOf('noIdReason')}
                errorTestId="error-noIdReason"
                inputRef={(el) => {
                  inputs.current.noIdReason = el;
                }}
              />
            </div>
          )}
          <TextField
            id="new-phone"
            testId="new-phone"
            label={t('resident.phone')}
            type="tel"
            inputMode="tel"
            enterKeyHint="done"
            placeholder={t('resident.phonePlaceholder')}
            maxLength={20}
            value={draft.phone}
            onChange={(v) => change('phone', v)}
            error={errorOf('phone')}
            errorTestId="error-phone"
            inputRef={(el) => {
              inputs.current.phone = el;
            }}
          />
        </fieldset>
        {formError ? (
          <p className="hj-error" role="alert" data-testid="new-form-error">
            {formError}
          </p>
        ) : null}
        <Button
          type="submit"
          color="primary"
          size="large"
          block
          loading={busy}
          loadingText={t('resident.saving')}
          data-testid="new-save"
        >
          {t('resident.save')}
        </Button>
      </form>
      {shown ? (
        <QueueNumberSheet
          queueNumber={shown.queueNumber}
          name={shown.name}
          onOk={() => navigate(`/site/${siteId}`, { replace: true })}
        />
      ) : null}
    </div>
  );
}
