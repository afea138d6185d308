import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export interface PostSpec {
  kind: 'registration' | 'order' | 'door_knocking' | 'helping' | 'runner' | 'custom';
  /** Typed for a custom post; otherwise the kind's own name is kept. */
  name?: string;
  place?: 'outdoor' | 'indoor';
}

/** `HH:MM` of minutes after midnight. */
export function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export function slotLabel(start: number, end: number): string {
  return `${clock(start)}–${clock(end)}`;
}

/** The shift screens: my schedule, the leader's board, setup, day summaries. */
export class ShiftsPage {
  constructor(readonly page: Page) {}

  /**
   * A phone's first sync brings its sites' whole rosters (a coordinator's:
   * every site); on a busy 2-core machine that took from 30 s to over 2 minutes.
   */
  async waitForFirstSync() {
    await expect(this.page.locator('[data-testid^="site-site-"]').first()).toBeVisible({
      timeout: 240_000,
    });
    // The first round pulls page after page; the shift tables come after the rosters.
    await expect(this.page.getByTestId('status-last-sync')).not.toHaveText(
      /尚未同步|Never synced/,
      {
        timeout: 240_000,
      },
    );
    await expect(this.page.getByTestId('sync-now')).not.toHaveClass(/adm-button-loading/, {
      timeout: 240_000,
    });
  }

  async openMine() {
    await this.page.getByTestId('nav-shifts').click();
    await expect(this.page.getByTestId('my-summary')).toBeVisible();
  }

  async openBoard(siteId: string) {
    await this.openMine();
    await this.page.getByTestId(`board-site-${siteId}`).click();
    await expect(this.page.getByTestId('board-setup')).toBeVisible();
  }

  // Setup (leaders)

  async openSetup() {
    await this.page.getByTestId('board-setup').click();
    await expect(this.page.getByTestId('post-add')).toBeVisible();
  }

  async addPost(spec: PostSpec): Promise<string> {
    await this.page.getByTestId(`post-kind-${spec.kind}`).click();
    const nameInput = this.page.locator('input[data-testid="post-name"]');
    if (spec.name !== undefined) await nameInput.fill(spec.name);
    const name = await nameInput.inputValue();
    if (spec.place) await this.page.getByTestId(`post-place-${spec.place}`).click();
    await this.page.getByTestId('post-add').click();
    await expect(this.setupPost(name)).toHaveCount(1);
    return name;
  }

  setupPost(name: string) {
    return this.page.locator(`[data-testid="setup-post"][data-post-name="${name}"]`);
  }

  /** Adds a slot starting at `start` minutes, `length` minutes long (60, 90, 120, 180, 240). */
  async addSlot(start: number, length: 60 | 90 | 120 | 180 | 240) {
    const value = this.page.getByTestId('slot-start-value');
    for (let i = 0; i < 48; i++) {
      const [h, m] = ((await value.textContent()) ?? '00:00').split(':').map(Number);
      const shown = (h ?? 0) * 60 + (m ?? 0);
      if (shown === start) break;
      await this.page.getByTestId(shown < start ? 'slot-start-plus' : 'slot-start-minus').click();
      await expect(value).not.toHaveText(clock(shown));
    }
    await expect(value).toHaveText(clock(start));
    await this.page.getByTestId(`slot-length-${length}`).click();
    await this.page.getByTestId('slot-add').click();
    await expect(
      this.page.getByTestId('setup-slot').filter({ hasText: slotLabel(start, start + length) }),
    ).toHaveCount(1);
  }

  async backToBoard() {
    await this.page.getByTestId('nav-back').click();
    await expect(this.page.getByTestId('board-setup')).toBeVisible();
  }

  // Board (leaders)

  async chooseSlot(label: string) {
    const chip = this.page.getByTestId('board-slot').getByRole('radio', { name: label });
    await chip.click();
    await expect(chip).toHaveAttribute('aria-checked', 'true');
  }

  boardPerson(userId: string) {
    return this.page.locator(`[data-testid="board-person"][data-user="${userId}"]`);
  }

  /** The board's post card a person is listed under. */
  postOf(userId: string) {
    return this.page.getByTestId('board-post').filter({ has: this.boardPerson(userId) });
  }

  async assign(userId: string, postName: string) {
    await this.page.getByTestId(`unplaced-${userId}`).click();
    await this.page.getByTestId('assign-sheet').locator(`[data-post-name="${postName}"]`).click();
    await expect(this.page.getByTestId('assign-sheet')).toBeHidden();
    await expect(this.postOf(userId)).toHaveAttribute('data-post-name', postName);
  }

  async moveTo(userId: string, postName: string) {
    await this.boardPerson(userId).click();
    await this.page.getByTestId('person-move').click();
    await this.page
      .getByTestId('person-sheet')
      .locator(`[data-testid^="move-to-"][data-post-name="${postName}"]`)
      .click();
    await expect(this.page.getByTestId('person-sheet')).toBeHidden();
  }

  rejections() {
    return this.page.getByTestId('shift-rejection');
  }

  // My schedule (everyone)

  myAssignment(slot?: string) {
    const cards = this.page.getByTestId('my-assignment');
    return slot ? cards.filter({ hasText: slot }) : cards;
  }

  /** Types a temperature on the pad ("37.5") and confirms the check-in. */
  async checkIn(temperature: string, slot?: string) {
    await this.myAssignment(slot).getByTestId('check-in').click();
    await this.typeTemperature(temperature);
    await this.page.getByTestId('temperature-confirm').click();
  }

  async typeTemperature(temperature: string) {
    const pad = this.page.getByTestId('temperature-pad');
    for (const ch of temperature) {
      await pad.getByTestId(`temperature-pad-${ch === '.' ? 'dot' : ch}`).click();
    }
  }

  async checkOut(slot?: string) {
    await this.myAssignment(slot).getByTestId('check-out').click();
    await expect(this.myAssignment(slot).getByTestId('my-status')).toHaveAttribute(
      'data-checkin',
      'checked_out',
    );
  }
}
