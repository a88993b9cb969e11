import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { WithdrawalSubmittedDetail } from 'partner-kit/withdraw-dialog.js';
import { api, lastCode } from './backend';

/**
 * A partner-center page with the kit's withdraw dialog. `CUSTOM_ELEMENTS_SCHEMA` lets Angular
 * leave the kit's tags to the browser: `[prop]` bindings set DOM properties, `(event)` bindings
 * listen for the elements' CustomEvents (typed through the kit's `GlobalEventHandlersEventMap`).
 */
@Component({
  selector: 'partner-center',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: grid; grid-template-columns: 200px 1fr; min-height: 100vh; font-family: system-ui, sans-serif; }
    nav { background: #252b3a; color: #fff; padding: 16px; }
    main { padding: 24px; background: #f3f6f8; }
    section, p { background: #fff; border-radius: 4px; padding: 16px; margin: 0 0 16px; }
    button { background: #5e7ce0; color: #fff; border: 0; border-radius: 4px; padding: 6px 16px; font: inherit; cursor: pointer; }
  `,
  template: `
    <nav>Finance</nav>
    <main>
      <h1>Partner center</h1>
      <section>
        <h2>Balance</h2>
        <button type="button" (click)="open.set(true)">Withdraw balance</button>
      </section>
      @if (lastCode(); as code) {
        <p data-testid="outbox">Demo SMS code: {{ code }}</p>
      }
      @if (last(); as reference) {
        <p data-testid="last-withdrawal">Withdrawal submitted: {{ reference }}</p>
      }
      <partner-kit-provider [api]="api" [locale]="locale">
        <withdraw-dialog
          [open]="open()"
          (withdrawal-submitted)="onSubmitted($event)"
          (withdrawal-cancelled)="open.set(false)"
        ></withdraw-dialog>
      </partner-kit-provider>
    </main>
  `,
})
export class PartnerCenter {
  protected readonly api = api;
  protected readonly locale = 'en-US';
  protected readonly lastCode = lastCode;
  protected readonly open = signal(false);
  protected readonly last = signal<string | undefined>(undefined);

  protected onSubmitted(event: CustomEvent<WithdrawalSubmittedDetail>): void {
    this.last.set(event.detail.referenceId);
  }
}
