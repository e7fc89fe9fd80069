export function DemoBanner() {
  return (
    <div className="alert warn" role="status" data-testid="demo-banner" style={{ marginBottom: 16 }}>
      <strong>Demo mode:</strong> shared demo accounts with public passwords are enabled. Set <code>VIGIL_DEMO=0</code> (or serve
      Vigil from a public <code>NEXTAUTH_URL</code>) before real people and data use this server.
    </div>
  );
}
