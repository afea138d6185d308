import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MutatorArgs, MutatorName } from '../../../shared/mutators/registry.js';
import { useServices } from '../../sync/services.js';
import { describeShiftError } from './describe-shift-error.js';

/**
 * Runs one shift mutation from a tap: ignores a second tap while the first
 * runs (gloves double-tap), and keeps the sentence saying why it was not
 * stored. Resolves true when the change was stored (and queued for sync).
 */
export function useShiftAction() {
  const { mutate } = useServices();
  const { t } = useTranslation();
  const busyRef = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async <N extends MutatorName>(name: N, args: MutatorArgs<N>): Promise<boolean> => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(true);
      setError(null);
      try {
        await mutate(name, args);
        return true;
      } catch (caught) {
        setError(describeShiftError(t, caught));
        return false;
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [mutate, t],
  );

  return { run, busy, error, setError };
}
