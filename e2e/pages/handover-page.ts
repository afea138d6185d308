import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The hand-over screens (issue 16): give by QR or file, receive by camera or file, the two lists. */
export class HandoverPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('nav-settings').click();
    await this.page.getByTestId('more-handover').click();
    await expect(this.page.getByTestId('handover-give')).toBeVisible();
  }

  /** The team and personal keys arrived with a sync while online. */
  async expectKeys() {
    await expect(this.page.getByTestId('handover-scan')).toBeEnabled({ timeout: 60_000 });
    await expect(this.page.getByTestId('handover-no-key')).toHaveCount(0);
  }

  async startGiving(receiverId: string) {
    await this.page.getByTestId('handover-give').click();
    await this.page.getByTestId(`handover-to-${receiverId}`).click();
  }

  /**
   * Shows the animated QR codes and reads every one off the screen as it
   * loops (the text each code on screen encodes), in order of their number.
   */
  async showQrAndCapture(): Promise<string[]> {
    await this.page.getByTestId('handover-make-qr').click();
    const qr = this.page.getByTestId('handover-qr');
    await expect(qr).toBeVisible({ timeout: 60_000 });
    const total = Number(await qr.getAttribute('data-total'));
    const frames = new Map<number, string>();
    await expect
      .poll(
        async () => {
          const [index, text] = await qr.evaluate((el) => [
            el.getAttribute('data-index'),
            el.getAttribute('data-text'),
          ]);
          if (index && text) frames.set(Number(index), text);
          return frames.size;
        },
        { timeout: 120_000, intervals: [40] },
      )
      .toBe(total);
    return [...frames.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  }

  /** Makes the file; this Chromium offers no file sharing, so it is saved (downloaded). */
  async giveFile(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('handover-make-file').click();
    const file = await download;
    const path = await file.path();
    await expect(this.page.getByTestId('handover-give-message')).toBeVisible();
    return path;
  }

  async scan() {
    await this.page.getByTestId('handover-scan').click();
    await expect(this.page.getByTestId('handover-scanner')).toBeVisible();
  }

  async receiveFile(path: string) {
    await this.page.getByTestId('handover-file').setInputFiles(path);
  }

  outcome() {
    return this.page.getByTestId('handover-outcome');
  }

  carried() {
    return this.page.getByTestId('handover-carried');
  }

  given() {
    return this.page.getByTestId('handover-given');
  }

  /**
   * Puts `count` door-knock records ("notified") into the signed-in person's
   * outbox, as a day of offline work leaves them, numbered on from the last
   * mutation id. Written straight into IndexedDB: tapping 200 doors through
   * the UI would make this test about the door list, not the hand-over.
   */
  async seedDoorVisits(userId: string, count: number, prefix: string): Promise<void> {
    await this.page.evaluate(
      async ({ dbName, count, prefix }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(dbName);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const all = <T>(store: string) =>
          new Promise<T[]>((resolve, reject) => {
            const req = db.transaction(store).objectStore(store).getAll();
            req.onsuccess = () => resolve(req.result as T[]);
            req.onerror = () => reject(req.error);
          });
        const households = (await all<{ id: string; siteId: string }>('households')).filter(
          (h) => h.siteId === 'site-tongye-village',
        );
        const meta = await all<{ key: string; value: unknown }>('meta');
        let next = Number(meta.find((m) => m.key === 'nextMutationId')?.value ?? 1);
        const tx = db.transaction(['outbox', 'meta'], 'readwrite');
        const now = new Date().toISOString();
        for (let i = 0; i < count; i++) {
          tx.objectStore('outbox').put({
            id: next,
            name: 'recordDoorVisit',
            args: {
              id: `${prefix}-${i}`,
              householdId: households[i % households.length]!.id,
              status: 'notified',
              reason: null,
              note: null,
              at: now,
              task: null,
            },
            createdAt: now,
          });
          next += 1;
        }
        tx.objectStore('meta').put({ key: 'nextMutationId', value: next });
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { dbName: `huiju-user-${userId}`, count, prefix },
    );
  }
}
