import { useState } from 'react';
import { PartnerKitProviderElement, WithdrawDialogElement } from 'partner-kit/react';
import { api, useLastCode } from './backend.js';

/** React 18 sets every prop as an attribute: the `partner-kit/react` wrappers set properties and map `on…` to events. */
export function App() {
  const [open, setOpen] = useState(false);
  const [last, setLast] = useState<string>();
  const code = useLastCode();
  return (
    <div className="portal">
      <nav>Partner center</nav>
      <main>
        <h1>Finance</h1>
        <button type="button" onClick={() => setOpen(true)}>Withdraw balance</button>
        {code && <p className="note" data-testid="outbox">Demo SMS code: {code}</p>}
        {last && <p className="note" data-testid="last-withdrawal">Withdrawal submitted: {last}</p>}
        <PartnerKitProviderElement api={api} locale="en-US">
          <WithdrawDialogElement open={open} onSubmitted={(event) => setLast(event.detail.referenceId)} onCancelled={() => setOpen(false)} />
        </PartnerKitProviderElement>
      </main>
    </div>
  );
}
