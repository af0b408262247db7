/** Settings: moving accounts to Google Authenticator or any app that scans its transfer QR codes. */
export function TransferSection({ onExport }: { onExport(): void }) {
  return (
    <section class="card">
      <h2>Google Authenticator</h2>
      <p>Show your accounts as transfer QR codes that Google Authenticator (and apps that import from it) can scan.</p>
      <button type="button" onClick={onExport}>
        Export to Google Authenticator
      </button>
    </section>
  );
}
