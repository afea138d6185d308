import type { TFunction } from 'i18next';
import type { TaskView } from '../../db/task-queries.js';

/** A sentence for why a change was not stored (a rule, bad input, anything else). */
export function describeTaskError(t: TFunction, error: unknown): string {
  if (error instanceof Error && error.name === 'MutationRejected' && 'code' in error) {
    const params = (error as { params?: Record<string, unknown> }).params ?? {};
    return t(`rejection.${String(error.code)}`, params);
  }
  if (error instanceof Error && error.name === 'ZodError') return t('errors.invalidInput');
  const message = error instanceof Error ? error.message : String(error);
  return t('errors.unexpected', { message });
}

/** Where the task is: the door's address, or the testing site. */
export function placeOf(t: TFunction, view: TaskView): string {
  if (view.household) return view.household.address;
  return t('tasks.atSite', { site: view.site?.name ?? '' });
}

/** "#3 轮椅/搬运". */
export function titleOf(t: TFunction, view: TaskView): string {
  return `#${view.task.seq} ${t(`tasks.kind.${view.task.kind}`)}`;
}
