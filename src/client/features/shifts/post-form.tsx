import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostKind, PostPlace } from '../../../shared/domain/shift-post.js';
import { postKinds } from '../../../shared/domain/shift-post.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { TextField } from '../../ui/text-field.js';
import { newId, nowIso } from './shift-format.js';
import { Stepper } from './stepper.js';
import { useShiftAction } from './use-shift-action.js';

/** Where a post of each kind usually is: the desk may be under a roof, the rest is outside. */
const DEFAULT_PLACE: Record<PostKind, PostPlace> = {
  registration: 'indoor',
  order: 'outdoor',
  door_knocking: 'outdoor',
  helping: 'outdoor',
  runner: 'outdoor',
  custom: 'outdoor',
};

/** Adds a post: a kind (one tap), its name (filled from the kind), head count, outdoor or not. */
export function PostForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const { run, busy, error } = useShiftAction();
  const [kind, setKind] = useState<PostKind>('registration');
  const [name, setName] = useState<string>(t('shifts.kind.registration'));
  const [needed, setNeeded] = useState(2);
  const [place, setPlace] = useState<PostPlace>('indoor');
  const [nameError, setNameError] = useState<string | null>(null);

  function pickKind(k: PostKind) {
    setKind(k);
    setName(k === 'custom' ? '' : t(`shifts.kind.${k}`));
    setPlace(DEFAULT_PLACE[k]);
    setNameError(null);
  }

  async function add() {
    const trimmed = name.trim();
    if (trimmed === '') {
      setNameError(t('shifts.setup.nameRequired'));
      return;
    }
    const stored = await run('addShiftPost', {
      id: newId(),
      siteId,
      kind,
      name: trimmed,
      needed,
      place,
      at: nowIso(),
    });
    if (stored) pickKind(kind);
  }

  return (
    <section className="hj-form" aria-labelledby="post-form-title">
      <h3 className="hj-section-title" id="post-form-title">
        {t('shifts.setup.addPost')}
      </h3>
      <ChoiceChips
        label={t('shifts.setup.kind')}
        testId="post-kind"
        options={postKinds.map((k) => ({ value: k, label: t(`shifts.kind.${k}`) }))}
        value={kind}
        onChange={pickKind}
      />
      <TextField
        id="post-name"
        testId="post-name"
        label={t('shifts.setup.name')}
        value={name}
        maxLength={30}
        error={nameError}
        errorTestId="post-name-error"
        onChange={(v) => {
          setName(v);
          setNameError(null);
        }}
      />
      <Stepper
        label={t('shifts.setup.needed')}
        text={t('shifts.setup.people', { count: needed })}
        testId="post-needed"
        minusLabel={t('shifts.setup.fewer')}
        plusLabel={t('shifts.setup.more')}
        minusDisabled={needed <= 1}
        plusDisabled={needed >= 50}
        onMinus={() => setNeeded((n) => Math.max(1, n - 1))}
        onPlus={() => setNeeded((n) => Math.min(50, n + 1))}
      />
      <ChoiceChips
        label={t('shifts.setup.place')}
        testId="post-place"
        options={[
          { value: 'outdoor', label: t('shifts.place.outdoor') },
          { value: 'indoor', label: t('shifts.place.indoor') },
        ]}
        value={place}
        onChange={setPlace}
      />
      <Button
        block
        size="large"
        color="primary"
        loading={busy}
        data-testid="post-add"
        onClick={() => void add()}
      >
        {t('shifts.setup.addPost')}
      </Button>
      {error ? (
        <p className="hj-error" role="alert" data-testid="post-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
