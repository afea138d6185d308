import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The assistance-task screens: the board, raising a task, one task. */
export class TasksPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('nav-tasks').click();
    await expect(this.page.getByTestId('task-raise')).toBeVisible();
  }

  cards() {
    return this.page.getByTestId('task-card');
  }

  card(taskId: string) {
    return this.page.locator(`[data-testid="task-card"][data-task-id="${taskId}"]`);
  }

  /** Raise a task: "求助", a kind, "发布" — three taps; returns the new task's id. */
  async raise(kind: string): Promise<string> {
    await this.page.getByTestId('task-raise').click();
    await this.page.getByTestId(`raise-kind-${kind}`).click();
    await this.page.getByTestId('raise-submit').click();
    const detail = this.page.getByTestId('task-detail');
    await expect(detail).toBeVisible();
    return (await detail.getAttribute('data-task-id')) ?? '';
  }

  async openTask(taskId: string) {
    await this.card(taskId).getByTestId('task-open').click();
    await expect(this.page.getByTestId('task-detail')).toHaveAttribute('data-task-id', taskId);
  }

  hands() {
    return this.page.getByTestId('task-detail').getByTestId('task-hands');
  }

  rejection() {
    return this.page.getByTestId('task-rejection');
  }

  async claim() {
    await this.page.getByTestId('task-claim').click();
    await expect(this.page.getByTestId('task-mine')).toBeVisible();
  }

  async moreHands() {
    await this.page.getByTestId('task-more-hands').click();
  }

  async done(note: string) {
    await this.page.getByTestId('task-done').click();
    await this.page.locator('input[data-testid="task-close-note"]').fill(note);
    await this.page.getByTestId('task-close-confirm').click();
    await expect(this.page.getByTestId('task-closed')).toBeVisible();
  }
}
