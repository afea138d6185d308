import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { QueueLine } from '../../../shared/domain/queue-call.js';
import {
  nextCallSeq,
  parseQueueNumber,
  previousCallSeq,
} from '../../../shared/domain/queue-call.js';
import { callingView } from '../../db/calling-queries.js';
import type { CallingView } from '../../db/calling-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { TextField } from '../../ui/text-field.js';
import { describeError } from './describe-error.js';
import './calling.css';

const LINES: readonly QueueLine[] = [1, 2];

/**
 * 叫号 (route /site/:siteId/calling): the numbers being called for the two
 * lines people queue in (排成两队), huge. The caller taps "next" per line
 * (the next live number of the lane that line follows) or types a number;
 * team phones see the call after their next sync. `?display=1` shows only
 * the numbers, for a phone or tablet facing the crowd.
 */
export function CallingPage() {
  const { siteId = '' } = useParams();
  const [params] = useSearchParams();
  const display = params.get('display') === '1';
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { db } = useServices();
  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const view = useLiveQuery(
    async () => (campaign ? callingView(db, siteId, campaign.id) : null),
    [db, siteId, campaign?.id],
  );

  return (
    <div className="hj-page" data-display={display ? 'true' : 'false'}>
      <PageHeader
        title={t('calling.title')}
        onBack={() => navigate(display ? `/site/${siteId}/calling` : `/site/${siteId}`)}
        backLabel={t('nav.back')}
        right={
          display ? null : (
            <Button data-testid="calling-display" onClick={() => navigate('?display=1')}>
              {t('calling.displayMode')}
            </Button>
          )
        }
      />
      <div className="hj-calling">
        {LINES.map((line) => (
          <LinePanel
            key={line}
            line={line}
            siteId={siteId}
            campaignId={campaign?.id ?? null}
            view={view ?? null}
            display={display}
          />
        ))}
      </div>
    </div>
  );
}

interface LineProps {
  line: QueueLine;
  siteId: string;
  campaignId: string | null;
  view: CallingView | null;
  display: boolean;
}

function LinePanel({ line, siteId, campaignId, view, display }: LineProps) {
  const { t } = useTranslation();
  const { mutate } = useServices();
  const call = view?.calls[line] ?? null;
  const lanes = view?.lanes ?? [];
  const [laneChoice, setLaneChoice] = useState<string | null>(null);
  const lane = laneChoice ?? call?.lane ?? lanes[line - 1] ?? lanes[0] ?? null;
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  const calledSeq = call && call.lane === lane ? call.seq : 0;
  const next = lane && view ? nextCallSeq(view.registrations, lane, calledSeq) : null;
  const previous = lane && view ? previousCallSeq(view.registrations, lane, calledSeq) : null;

  async function callNumber(callLane: string, seq: number) {
    if (!campaignId) return;
    setError(null);
    try {
      await mutate('callQueueNumber', {
        campaignId,
        siteId,
        line,
        lane: callLane,
        seq,
        at: new Date().toISOString(),
      });
      setLaneChoice(callLane);
    } catch (caught) {
      setError(describeError(t, caught));
    }
  }

  return (
    <section
      className="hj-calling-line"
      aria-labelledby={`line-${line}`}
      data-testid={`line-${line}`}
    >
      <h2 className="hj-calling-title" id={`line-${line}`}>
        {t('calling.line', { line })}
      </h2>
      <output
        className="hj-calling-number"
        data-testid={`line-${line}-number`}
        aria-label={t('calling.nowCalling', { line, number: call?.queueNumber ?? '—' })}
      >
        {call?.queueNumber ?? '—'}
      </output>
      {display ? null : (
        <div className="hj-form">
          {lanes.length > 0 ? (
            <ChoiceChips
              label={t('calling.lane')}
              testId={`line-${line}-lane`}
              options={lanes.map((l) => ({
                value: l,
                label: t('calling.laneOption', { lane: l }),
              }))}
              value={lane}
              onChange={setLaneChoice}
            />
          ) : (
            <p className="hj-hint">{t('calling.noLanes')}</p>
          )}
          <div className="hj-tube-actions">
            <Button
              color="primary"
              size="large"
              disabled={!lane || next === null}
              data-testid={`line-${line}-next`}
              onClick={() => {
                if (lane && next !== null) void callNumber(lane, next);
              }}
            >
              {next !== null && lane
                ? t('calling.next', { number: `${lane}${next}` })
                : t('calling.nobody')}
            </Button>
            <Button
              disabled={!lane || previous === null}
              data-testid={`line-${line}-previous`}
              onClick={() => {
                if (lane && previous !== null) void callNumber(lane, previous);
              }}
            >
              {t('calling.previous')}
            </Button>
          </div>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const parsed = parseQueueNumber(typed);
              if (!parsed) {
                setError(t('calling.badNumber'));
                return;
              }
              setTyped('');
              void callNumber(parsed.lane, parsed.seq);
            }}
          >
            <TextField
              id={`line-${line}-typed`}
              testId={`line-${line}-typed`}
              label={t('calling.typeLabel')}
              placeholder={t('calling.typePlaceholder')}
              autoCapitalize="characters"
              maxLength={8}
              value={typed}
              onChange={setTyped}
              error={error}
              errorTestId={`line-${line}-error`}
              trailing={
                <Button type="submit" data-testid={`line-${line}-call`}>
                  {t('calling.call')}
                </Button>
              }
            />
          </form>
        </div>
      )}
    </section>
  );
}
